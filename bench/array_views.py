#!/usr/bin/env python3
"""The variables view with a 1 GB float32 array, a 1 GB torch tensor and a 10-million-element list in scope: the
shim's array views against debugpy's own.

Two paths, alternating sessions, in the PyTorch image (aml-debug/torch:bookworm, scripts/setup-torch-image.sh): the
debug shim as shipped (its pydevd extension, startup/pydevd_plugins), and the same shim without that folder
(debugpy's own views, the baseline; the same TCP_NODELAY fix, so only the views differ). Each session stops at a
breakpoint with a (16384, 16384) float32 array, a tensor of the same shape and a list of 10,000,000 ints in scope and
times, from a DAP client in the container, `variables` of the top frame's locals and `variables` of each of the
three (expanding it), each --repeats times. Prints a Markdown table of medians. Run from the repository root, Docker
up:

    python3 bench/array_views.py [--runs 3] [--repeats 5]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile

SHIM = "docker-runner/src/main/resources/dev/amldebug/runner/debug"
IMAGE = "aml-debug/torch:bookworm"
LABEL = "aml-debug-bench=array-views"
SCRIPT = """import numpy as np, torch
weights = np.arange(16384 * 16384, dtype=np.float32).reshape(16384, 16384); tensor = torch.ones(16384, 16384)
items = list(range(10_000_000))
print('done', weights.shape)
"""
EXPANDED = {"weights": "expanding the array", "tensor": "expanding the tensor", "items": "expanding the list"}
CLIENT = r'''
import json, socket, sys, time
for _ in range(300):
    try:
        s = socket.create_connection(("127.0.0.1", 5678)); break
    except OSError:
        time.sleep(0.1)
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
f = s.makefile("rb"); seq = 0; pending = []
def send(command, **arguments):
    global seq; seq += 1
    body = json.dumps({"seq": seq, "type": "request", "command": command, "arguments": arguments}).encode()
    s.sendall(b"Content-Length: %d\r\n\r\n" % len(body) + body); return seq
def read():
    length = None
    while True:
        line = f.readline().strip()
        if not line: break
        if line.lower().startswith(b"content-length"): length = int(line.split(b":")[1])
    return json.loads(f.read(length))
def until(test):
    while True:
        message = read()
        if test(message): return message
def request(command, **arguments):
    n = send(command, **arguments)
    message = until(lambda m: m.get("type") == "response" and m.get("request_seq") == n)
    if not message.get("success"): sys.exit("%s failed: %s" % (command, message.get("message")))
    return message.get("body") or {}
send("initialize", adapterID="bench", clientID="bench")
attach = send("attach", justMyCode=True)
until(lambda m: m.get("event") == "initialized")
request("setBreakpoints", source={"path": "/aml/code/arrays.py"}, breakpoints=[{"line": 4}])
request("configurationDone")
thread = until(lambda m: m.get("event") == "stopped")["body"]["threadId"]
frame = request("stackTrace", threadId=thread)["stackFrames"][0]["id"]
scope = request("scopes", frameId=frame)["scopes"][0]["variablesReference"]
def timed(reference):
    start = time.perf_counter(); body = request("variables", variablesReference=reference)
    return time.perf_counter() - start, body["variables"]
for _ in range(int(sys.argv[1])):
    took, local_vars = timed(scope); print("locals", took)
    for name in ("weights", "tensor", "items"):
        value = next(v for v in local_vars if v["name"] == name)
        took, children = timed(value["variablesReference"]); print(name, took)
        shown = (value["value"][:60], [c["name"] + "=" + c["value"][:40] for c in children[:8]])
print("shown", [(v["name"], v["value"][:60]) for v in local_vars if v["name"] in ("weights", "tensor", "items")])
request("continue", threadId=thread)
'''


def session(shim, code, repeats):
    command = ["docker", "run", "--rm", "--label", LABEL, "-v", shim + ":/aml/debug:ro", "-v", code + ":/aml/code:ro",
               IMAGE, "bash", "-c",
               "python3 /aml/debug/aml_debug_shim.py --listen 127.0.0.1:5678 --wait-timeout 120 -- /aml/code/arrays.py"
               " > /tmp/out 2>&1 & python3 /aml/code/client.py %d; wait" % repeats]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    times = {"locals": [], "weights": [], "tensor": [], "items": []}
    for line in out.splitlines():
        name, _, rest = line.partition(" ")
        if name in times:
            times[name].append(float(rest))
    shown = [line for line in out.splitlines() if line.startswith("shown")]
    return times, shown


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        plain = os.path.join(work, "plain")
        shutil.copytree(SHIM, plain)
        shutil.rmtree(os.path.join(plain, "startup", "pydevd_plugins"))
        code = os.path.join(work, "code")
        os.makedirs(code)
        with open(os.path.join(code, "arrays.py"), "w") as f:
            f.write(SCRIPT)
        with open(os.path.join(code, "client.py"), "w") as f:
            f.write(CLIENT)
        paths = {"debugpy's own views (baseline)": os.path.abspath(plain), "the shim's array views": os.path.abspath(SHIM)}
        times = {name: {"locals": [], "weights": [], "tensor": [], "items": []} for name in paths}
        for _ in range(args.runs):
            for name, shim in paths.items():
                got, shown = session(shim, code, args.repeats)
                for kind in got:
                    times[name][kind] += got[kind]
                print(name, *shown, sep="\n  ")
    n = args.runs * args.repeats
    kinds = {"locals": "`variables` of the locals", **EXPANDED}
    print("\n| path | " + " | ".join(f"{label}: median (ms), {n}" for label in kinds.values()) + " |")
    print("|---" * (len(kinds) + 1) + "|")
    for name, got in times.items():
        print(f"| {name} | " + " | ".join(f"{statistics.median(got[kind]) * 1000:.1f}" for kind in kinds) + " |")
    base, ours = times.values()
    print("\nratio (ours / baseline): " + ", ".join(
        f"{kind} {statistics.median(ours[kind]) / statistics.median(base[kind]):.2f}" for kind in kinds))


if __name__ == "__main__":
    main()
