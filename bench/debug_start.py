#!/usr/bin/env python3
"""Time from `aml-debug run --break` (warm image) to the first breakpoint hit.

Side by side in one session: the warm plain `aml-debug run` of the same script to its first
line of output (the baseline), and the debug run to the console debugger's first
"stopped at" line. Prints a Markdown table of medians. Run from the repository root after
`bash scripts/build.sh`:

    python3 bench/debug_start.py [--runs 5]
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time


def time_until(command, marker):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               text=True)
    elapsed = None
    for line in process.stdout:
        if elapsed is None and marker in line:
            elapsed = time.perf_counter() - start
    process.wait()
    if elapsed is None:
        raise SystemExit(f"never saw {marker!r} from {command}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    launcher = os.path.abspath("bin/aml-debug")
    with tempfile.TemporaryDirectory() as work:
        script = os.path.join(work, "first.py")
        with open(script, "w") as f:
            f.write("value = 41\nprint('first line', value + 1, flush=True)\n")
        plain = [launcher, "run", script, "--folder", work]
        debug = [launcher, "run", script, "--folder", work, "--break", "first.py:2"]
        subprocess.run(plain, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm
        subprocess.run(debug, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        plain_times, debug_times = [], []
        for _ in range(args.runs):
            plain_times.append(time_until(plain, "first line"))
            debug_times.append(time_until(debug, "stopped at first.py:2"))
    print(f"| command (warm) | median (s), {args.runs} runs | all runs (s) |")
    print("|---|---|---|")
    print(f"| `aml-debug run` to the first output line | {statistics.median(plain_times):.3f} | "
          f"{' '.join(f'{t:.2f}' for t in plain_times)} |")
    print(f"| `aml-debug run --break` to the first breakpoint hit | {statistics.median(debug_times):.3f} | "
          f"{' '.join(f'{t:.2f}' for t in debug_times)} |")


if __name__ == "__main__":
    main()
