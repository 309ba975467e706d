#!/usr/bin/env python3
"""Warm start overhead of `aml-debug run` against a bare `docker run` of the same image and script.

Measures, side by side in one session, the time from starting the command to the script's
first line of output. The image is built once first (warm). Prints a Markdown table with the
medians and the difference; run from the repository root after `bash scripts/build.sh`:

    python3 bench/run_overhead.py [--runs 7] [--also OTHER_CHECKOUT/bin/aml-debug]

--also times another build's launcher too, alternating with this one (say, the commit before a change), each with
its own run folder.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

MARKER = "first line from the script"


def time_to_first_line(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in process.stdout:
        if MARKER in line:
            elapsed = time.perf_counter() - start
            break
    else:
        raise SystemExit(f"no output line from {command}")
    process.wait()
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--also", help="another aml-debug launcher to time alternately")
    args = parser.parse_args()
    launcher = os.path.abspath("bin/aml-debug")
    with tempfile.TemporaryDirectory() as work:
        code = os.path.join(work, "code")
        os.makedirs(os.path.join(code, "outputs"))
        with open(os.path.join(code, "hello.py"), "w") as f:
            f.write(f"print({MARKER!r}, flush=True)\n")
        ours = [launcher, "run", os.path.join(code, "hello.py"), "--folder", work]
        subprocess.run(ours, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm: builds the image
        other = None
        if args.also:
            os.makedirs(os.path.join(work, "also"))
            other = [os.path.abspath(args.also), "run", os.path.join(code, "hello.py"), "--folder",
                     os.path.join(work, "also")]
            subprocess.run(other, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs_dir = os.path.join(work, ".azureml", "runs")
        image = json.load(open(os.path.join(runs_dir, os.listdir(runs_dir)[0], "run.json")))["image"]
        bare = ["docker", "run", "--rm", "--init", "-v", f"{code}:/aml/code:ro", "-w", "/aml/code", image,
                "python", "hello.py"]
        samples = {"bare": [], "ours": [], "also": []}
        for _ in range(args.runs):
            samples["bare"].append(time_to_first_line(bare))
            samples["ours"].append(time_to_first_line(ours))
            if other:
                samples["also"].append(time_to_first_line(other))
    bare_median = statistics.median(samples["bare"])
    ours_median = statistics.median(samples["ours"])
    print(f"| command | median to first line (s), {args.runs} runs | all runs (s) |")
    print("|---|---|---|")
    print(f"| `docker run` (baseline) | {bare_median:.3f} | {' '.join(f'{s:.2f}' for s in samples['bare'])} |")
    print(f"| `aml-debug run` (warm) | {ours_median:.3f} | {' '.join(f'{s:.2f}' for s in samples['ours'])} |")
    if other:
        also_median = statistics.median(samples["also"])
        print(f"| `{args.also} run` (warm) | {also_median:.3f} | {' '.join(f'{s:.2f}' for s in samples['also'])} |")
        print(f"\nthis build - the other: {ours_median - also_median:+.3f} s")
    print(f"\noverhead: {ours_median - bare_median:+.3f} s; ratio {ours_median / bare_median:.2f}")


if __name__ == "__main__":
    sys.exit(main())
