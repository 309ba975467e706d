#!/usr/bin/env python3
"""What the dormant hook costs a run that nobody attaches to (aml-debug attach RUN on a run started without --debug).

Every local run not started for debugging gets the shim's dormant/ folder first on PYTHONPATH and
AML_DEBUG_ATTACH_PORT: its first Python process starts aml_debug_dormant.py, a thread waiting in accept(). In one
container of the base image, with the shim mounted as a run has it, a driver alternates the same CPU-bound script
(pure Python, a few seconds) with the hook and without it (the baseline, measured in the same session), timing each
whole `python3 script.py` process from the outside, interpreter start-up included, as wall time and as the CPU time
the process used (getrusage: less disturbed by other work on a shared machine); and the same for an empty script,
which shows the start-up cost alone. Then `docker network create` + `rm`, which every such run now also pays once,
as it has its own network (loopback-only port, no other container reaches it). Prints a Markdown table of medians.
Run from the repository root, Docker up:

    python3 bench/dormant_hook.py [--runs 9]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SHIM = "docker-runner/src/main/resources/dev/amldebug/runner/debug"
IMAGE = "aml-debug/python:bookworm"
LABEL = "aml-debug-bench=dormant-hook"
CPU = """total = 0
for i in range(25_000_000):
    total += i * i % 7
print(total)
"""
DRIVER = r'''
import json, os, resource, subprocess, sys, time
runs = int(sys.argv[1])
hook = dict(os.environ, PYTHONPATH="/aml/debug/dormant", AML_DEBUG_ATTACH_PORT="25678")
plain = dict(os.environ)
def timed(script, env):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(["python3", script], env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
samples = {}
def add(key, script, env):
    wall, cpu = timed(script, env)
    samples.setdefault(key + ", wall", []).append(wall)
    samples.setdefault(key + ", CPU", []).append(cpu)
for _ in range(runs):
    add("CPU-bound without hook", "/aml/code/cpu.py", plain)
    add("CPU-bound with hook", "/aml/code/cpu.py", hook)
    for _ in range(5):
        add("empty script without hook", "/aml/code/empty.py", plain)
        add("empty script with hook", "/aml/code/empty.py", hook)
print(json.dumps(samples))
'''


def in_container(runs):
    with tempfile.TemporaryDirectory() as code:
        for name, text in (("cpu.py", CPU), ("empty.py", ""), ("driver.py", DRIVER)):
            with open(os.path.join(code, name), "w") as f:
                f.write(text)
        shim = os.path.abspath(SHIM)
        out = subprocess.run(["docker", "run", "--rm", "--label", LABEL, "-v", shim + ":/aml/debug:ro",
                              "-v", code + ":/aml/code:ro", IMAGE, "python3", "/aml/code/driver.py", str(runs)],
                             check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def network_seconds(runs):
    samples = []
    for i in range(runs):
        name = f"aml-debug-bench-dormant-{os.getpid()}-{i}"
        start = time.perf_counter()
        subprocess.run(["docker", "network", "create", "--label", LABEL, "-o",
                        "com.docker.network.bridge.enable_icc=false", name], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["docker", "network", "rm", name], check=True, stdout=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if not shutil.which("docker"):
        sys.exit("docker is not on PATH")
    samples = in_container(args.runs)
    samples["network create + rm, wall"] = network_seconds(args.runs)
    medians = {key: statistics.median(values) for key, values in samples.items()}
    print(f"| what | median (s) | runs |")
    print("|---|---|---|")
    for key, values in samples.items():
        print(f"| {key} | {medians[key]:.4f} | {len(values)} |")
    for measure in ("wall", "CPU"):
        ratio = medians[f"CPU-bound with hook, {measure}"] / medians[f"CPU-bound without hook, {measure}"]
        startup = medians[f"empty script with hook, {measure}"] - medians[f"empty script without hook, {measure}"]
        print(f"\n{measure}: CPU-bound run with the hook / without: {ratio:.4f} ({(ratio - 1) * 100:+.2f} %);"
              f" start-up with the hook - without: {startup * 1000:+.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
