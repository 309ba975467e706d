#!/usr/bin/env python3
"""The pause governor and stop-the-world, through the real console debugger (`aml-debug run --break`) on 2x2 jobs.

Each run is `aml-debug run job.yml --folder TMP --break train.py:LINE` in a pseudo-terminal (the console is
interactive only on a terminal); the bench reads its output, timestamps each chunk as it arrives and types commands.

1. Pause governor: a 2x2 gloo job (image aml-debug/torch:bookworm, torch 1.13) whose script asks
   `init_process_group("gloo", timeout=20 s)` and runs a few all_reduce steps; rank 1 is held at a breakpoint for
   --hold seconds (60) while the other three wait in all_reduce for it, then `c`. Once with the governor (the default)
   and once with `AML_DEBUG_PAUSE_GOVERNOR: "0"` in the job's environment_variables (the baseline, same session).
   Reported: the CLI's exit code (the job's) and whether any rank's log (`aml-debug runs logs RUN --rank N`) says
   "timed out" or "timeout".
2. Stop-the-world latency: a 2x2 job of plain Python (image aml-debug/python:bookworm) whose ranks loop with 20 ms
   sleeps; only rank 1 reaches the breakpoint. Measured from the moment the console has printed
   "rank 1 stopped at" to the moment it has printed "rank N paused at ... (stop-the-world)" for all three others
   (target: at most 0.5 s). In-run baseline: from "rank 1 stopped at" to the console's first prompt
   "(aml-debug rank N)" after it (N is the first rank to stop, normally 1), what one stop costs the console itself.

Prints Markdown tables (medians, min, max). Run from the repository root, Docker up, the jar built:

    python3 bench/stop_the_world.py [--runs 5] [--governor-runs 1] [--hold 60] [--skip-governor] [--skip-latency]
"""
import argparse
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
TIMEOUT = re.compile(r"timed out|timeout", re.IGNORECASE)
DEBUG_SHIM_LINE = "Timeout for debug connection"  # debugpy's own start-up line in every debugged rank's log

GLOO_TRAIN = """import datetime
import torch, torch.distributed as dist
dist.init_process_group("gloo", timeout=datetime.timedelta(seconds=20))
rank = dist.get_rank()
total = torch.zeros(1)
for step in range(4):
    value = torch.tensor([float(rank + 1)])
    if rank == 1 and step == 1:
        held = step
    dist.all_reduce(value)
    total += value
print(f"rank {rank} total {total.item()}", flush=True)
dist.destroy_process_group()
"""
GLOO_LINE = 9

LOOP_TRAIN = """import os, time
rank = int(os.environ["RANK"])
start = time.time()
while time.time() - start < 12:
    time.sleep(0.02)
    if rank == 1 and time.time() - start > 4:
        break
print(f"rank {rank} done", flush=True)
"""
LOOP_LINE = 7

JOB = """$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
type: command
experiment_name: bench-stop-the-world
code: .
command: python train.py
environment:
  image: {image}
{variables}distribution:
  type: pytorch
  process_count_per_instance: 2
resources:
  instance_count: 2
"""


class Console:
    """`aml-debug ...` in a pseudo-terminal: every chunk of output timestamped, input typed as on a keyboard."""

    def __init__(self, command):
        import pty
        self.master, slave = pty.openpty()
        env = dict(os.environ, NO_COLOR="1", TERM="dumb")
        self.start = time.perf_counter()
        self.process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env,
                                        start_new_session=True)
        os.close(slave)
        self.text = ""
        self.ends = []  # (offset in self.text where a chunk ends, perf_counter when it arrived)
        self.lock = threading.Condition()
        self.closed = False
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        pending = b""
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                chunk = b""
            now = time.perf_counter()
            with self.lock:
                if not chunk:
                    self.closed = True
                    self.lock.notify_all()
                    return
                pending += chunk
                try:
                    decoded, pending = pending.decode(), b""
                except UnicodeDecodeError:
                    continue
                self.text += ANSI.sub("", decoded).replace("\r", "")
                self.ends.append((len(self.text), now))
                self.lock.notify_all()

    def time_of(self, offset):
        """When the character at offset had arrived."""
        for end, when in self.ends:
            if end > offset:
                return when
        return None

    def wait_for(self, predicate, timeout):
        """Waits until predicate(text) returns something other than None; returns that, or None at timeout/end."""
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                found = predicate(self.text)
                if found is not None or self.closed:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.lock.wait(left)

    def transcript(self):
        """The output so far, each chunk prefixed with its arrival in seconds since the start."""
        with self.lock:
            lines, begin = [], 0
            for end, when in self.ends:
                lines.append(f"[+{when - self.start:7.3f}] {self.text[begin:end]}")
                begin = end
            return "".join(lines)

    def type(self, line):
        os.write(self.master, (line + "\n").encode())

    def finish(self, timeout):
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, 2)  # Ctrl-C: aml-debug cancels the run and removes its containers
            try:
                code = self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                code = self.process.wait()
        with self.lock:
            while not self.closed:
                self.lock.wait(5)
                break
        os.close(self.master)
        return code


def marker(text, pattern, after=0):
    """Offset of the end of the first match of pattern at or after offset `after`, or None."""
    found = re.compile(pattern).search(text, after)
    return found.end() - 1 if found else None


def write_job(folder, train, image, variables=None):
    os.makedirs(folder)
    with open(os.path.join(folder, "train.py"), "w") as f:
        f.write(train)
    lines = "".join(f'  {key}: "{value}"\n' for key, value in (variables or {}).items())
    with open(os.path.join(folder, "job.yml"), "w") as f:
        f.write(JOB.format(image=image, variables="environment_variables:\n" + lines if lines else ""))
    return os.path.join(folder, "job.yml")


def run_ids(store):
    return set(os.path.basename(path) for path in glob.glob(os.path.join(store, ".azureml", "runs", "*")))


def rank_logs(launcher, run, store, ranks=4):
    logs = {}
    for rank in range(ranks):
        logs[rank] = subprocess.run([launcher, "runs", "logs", run, "--rank", str(rank), "--folder", store],
                                    capture_output=True, text=True).stdout
    return logs


def governor_run(launcher, work, name, variables, hold, verbose):
    folder = os.path.join(work, name)
    job = write_job(folder, GLOO_TRAIN, "aml-debug/torch:bookworm", variables)
    before = run_ids(folder)
    console = Console([launcher, "run", job, "--folder", folder, "--break", f"train.py:{GLOO_LINE}"])
    stopped = console.wait_for(lambda text: marker(text, r"rank 1 stopped at"), 300)
    if stopped is None:
        code = console.finish(10)
        sys.exit(f"{name}: never saw 'rank 1 stopped at' (exit {code}):\n{console.text}")
    held_from = time.monotonic()

    def ended_within(seconds):  # a job that fails meanwhile ends the CLI too
        try:
            console.process.wait(max(0.0, seconds))
            return True
        except subprocess.TimeoutExpired:
            return False

    if not ended_within(min(5.0, hold)):
        console.type("ranks")  # the console's table, 5 s into the hold (in the --verbose transcript)
        if not ended_within(hold - (time.monotonic() - held_from)):
            console.type("c")
    held = time.monotonic() - held_from
    code = console.finish(180)
    runs = sorted(run_ids(folder) - before)
    logs = rank_logs(launcher, runs[-1], folder) if runs else {}
    timeouts = {}
    for rank, log in logs.items():
        lines = [line for line in log.splitlines() if TIMEOUT.search(line) and DEBUG_SHIM_LINE not in line]
        if lines:
            timeouts[rank] = lines
    if verbose:
        print(f"--- {name}: console\n{console.transcript()}\n--- {name}: timeout lines {json.dumps(timeouts, indent=1)}",
              file=sys.stderr)
    return {"exit": code, "held": held, "timeouts": timeouts,
            "totals": sum(1 for log in logs.values() if re.search(r"rank \d total 40\.0", log))}


def latency_run(launcher, work, index, verbose):
    folder = os.path.join(work, f"latency-{index}")
    job = write_job(folder, LOOP_TRAIN, "aml-debug/python:bookworm")
    console = Console([launcher, "run", job, "--folder", folder, "--break", f"train.py:{LOOP_LINE}"])
    stop = console.wait_for(lambda text: marker(text, r"rank 1 stopped at"), 300)
    if stop is None:
        code = console.finish(10)
        sys.exit(f"latency run {index}: never saw 'rank 1 stopped at' (exit {code}):\n{console.text}")

    def all_paused(text):  # a world pause may reach the console before rank 1's own stop line: search from the start
        ends = [marker(text, rf"rank {rank} paused at [^\n]*\(stop-the-world\)") for rank in (0, 2, 3)]
        return None if None in ends else ends

    def prompt(text):  # the current rank is the first to stop, which may be a world-paused one
        return marker(text, r"\(aml-debug rank \d+\)", stop)

    paused = console.wait_for(all_paused, 20)
    prompted = console.wait_for(prompt, 5)
    stopped_at = console.time_of(stop)
    result = {"paused": max(console.time_of(end) for end in paused) - stopped_at if paused is not None else None,
              "early": sum(1 for end in paused if end < stop) if paused is not None else 0,
              "prompt": console.time_of(prompted) - stopped_at if prompted is not None else None}
    console.type("c")
    result["exit"] = console.finish(120)
    if verbose:
        print(f"--- latency run {index}: console\n{console.transcript()}", file=sys.stderr)
    return result


def spread(values):
    return f"{statistics.median(values):.3f} | {min(values):.3f} | {max(values):.3f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="stop-the-world latency runs (default 5)")
    parser.add_argument("--governor-runs", type=int, default=1, help="runs of each governor variant (default 1)")
    parser.add_argument("--hold", type=float, default=60, help="seconds rank 1 is held (default 60)")
    parser.add_argument("--skip-governor", action="store_true")
    parser.add_argument("--skip-latency", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="console transcripts on stderr")
    args = parser.parse_args()
    if not shutil.which("docker"):
        sys.exit("docker is not on PATH")
    launcher = os.path.abspath("bin/aml-debug")
    with tempfile.TemporaryDirectory(prefix="aml-debug-bench-stw-") as work:
        if not args.skip_governor:
            results = []
            for index in range(args.governor_runs):
                results.append(("with the governor (default)",
                                governor_run(launcher, work, f"governed-{index}", None, args.hold, args.verbose)))
                results.append(("without: AML_DEBUG_PAUSE_GOVERNOR=0 (baseline)",
                                governor_run(launcher, work, f"control-{index}", {"AML_DEBUG_PAUSE_GOVERNOR": "0"},
                                             args.hold, args.verbose)))
            print(f"Pause governor: 2x2 gloo ranks, script timeout 20 s, rank 1 held {args.hold:.0f} s at a breakpoint\n")
            print("| variant | exit code | rank 1 held (s) | ranks that printed their total | ranks whose log says timeout |")
            print("|---|---:|---:|---:|---|")
            for label, result in results:
                said = ", ".join(f"{rank}: {lines[0][TIMEOUT.search(lines[0]).start():][:60]}"
                                 for rank, lines in result["timeouts"].items())
                print(f"| {label} | {result['exit']} | {result['held']:.1f} | {result['totals']} / 4 | {said or 'none'} |")
            print()
        if not args.skip_latency:
            results = [latency_run(launcher, work, index, args.verbose) for index in range(args.runs)]
            paused = [r["paused"] for r in results if r["paused"] is not None]
            prompts = [r["prompt"] for r in results if r["prompt"] is not None]
            print(f"Stop-the-world latency: 2x2 plain Python ranks, {args.runs} runs "
                  f"(exit codes {' '.join(str(r['exit']) for r in results)})\n")
            print("| from the console's \"rank 1 stopped at\" to | median (s) | min (s) | max (s) | runs |")
            print("|---|---:|---:|---:|---:|")
            if prompts:
                print(f"| its first prompt \"(aml-debug rank N)\" (baseline: one stop) | {spread(prompts)} | {len(prompts)} |")
            if paused:
                print(f"| \"paused at ... (stop-the-world)\" for ranks 0, 2, 3 | {spread(paused)} | {len(paused)} |")
            early = sum(r["early"] for r in results)
            if early:
                print(f"\n{early} \"paused at\" line(s) came before \"rank 1 stopped at\" (counted as they came)")
            missing = args.runs - len(paused)
            if missing:
                print(f"\n{missing} run(s) never showed all three pauses within 20 s")
            if paused:
                print(f"\ntarget: at most 0.5 s for 4 ranks: "
                      f"{'met' if statistics.median(paused) <= 0.5 else 'NOT met'} "
                      f"(median {statistics.median(paused):.3f} s)")


if __name__ == "__main__":
    sys.exit(main())
