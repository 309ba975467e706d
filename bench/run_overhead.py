#!/usr/bin/env python3
"""Warm start overhead of `aml-debug run` against a bare `docker run` of the same image and script.

Measures, side by side in one session, the time from starting the command to the script's
first line of output. The image is built once first (warm). Prints a Markdown table with the
medians and the difference; run from the repository root after `bash scripts/build.sh`:

    python3 bench/run_overhead.py [--runs 7]
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
    args = parser.parse_args()
    launcher = os.path.abspath("bin/aml-debug")
    with tempfile.TemporaryDirectory() as work:
        code = os.path.join(work, "code")
        os.makedirs(os.path.join(code, "outputs"))
        with open(os.path.join(code, "hello.py"), "w") as f:
            f.write(f"print({MARKER!r}, flush=True)\n")
        ours = [launcher, "run", os.path.join(code, "hello.py"), "--folder", work]
        subprocess.run(ours, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm: builds the image
        runs_dir = os.path.join(work, ".azureml", "runs")
        image = json.load(open(os.path.join(runs_dir, os.listdir(runs_dir)[0], "run.json")))["image"]
        bare = ["docker", "run", "--rm", "--init", "-v", f"{code}:/aml/code:ro", "-w", "/aml/code", image,
                "python", "hello.py"]
        samples = {"bare": [], "ours": []}
        for _ in range(args.runs):
            samples["bare"].append(time_to_first_line(bare))
            samples["ours"].append(time_to_first_line(ours))
    bare_median = statistics.median(samples["bare"])
    ours_median = statistics.median(samples["ours"])
    print(f"| command | median to first line (s), {args.runs} runs | all runs (s) |")
    print("|---|---|---|")
    print(f"| `docker run` (baseline) | {bare_median:.3f} | {' '.join(f'{s:.2f}' for s in samples['bare'])} |")
    print(f"| `aml-debug run` (warm) | {ours_median:.3f} | {' '.join(f'{s:.2f}' for s in samples['ours'])} |")
    print(f"\noverhead: {ours_median - bare_median:+.3f} s; ratio {ours_median / bare_median:.2f}")


if __name__ == "__main__":
    sys.exit(main())
