#!/usr/bin/env python3
"""Local deployments: `aml-debug deploy up` (warm image) to the first Healthy answer, and the scoring
latency of our server against a bare standard-library echo server in the same image.

Side by side in one run: for the latency, N requests alternate between our server (a run() that
returns its input) and a bare http.server echo in a container of the same image, both published on
127.0.0.1; medians and p99 of each, and the difference. Run from the repository root after
`bash scripts/build.sh`:

    python3 bench/deploy_bench.py [--starts 5] [--requests 200]
"""
import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

IMAGE = os.environ.get("AML_DEBUG_BASE_IMAGE", "aml-debug/python:bookworm")
ECHO = """
import http.server
class Echo(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers['Content-Length']))
        self.send_response(200)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
http.server.HTTPServer(('0.0.0.0', 5001), Echo).serve_forever()
"""


def healthy(port):
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        connection.request("GET", "/")
        return connection.getresponse().status == 200
    except OSError:
        return False


def up(launcher, work, score, model):
    start = time.perf_counter()
    out = subprocess.run([launcher, "deploy", "up", "--score", score, "--model", model, "--image", IMAGE, "--detach",
                          "--folder", work], check=True, capture_output=True, text=True).stdout
    run_id = re.search(r"run: (\S+)", out).group(1)
    port = int(re.search(r"scoring: http://127.0.0.1:(\d+)/score", out).group(1))
    while not healthy(port):
        time.sleep(0.01)
    return time.perf_counter() - start, run_id, port


def post(port, body):
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("POST", "/score", body=body, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    assert response.status == 200, response.status
    return (time.perf_counter() - start) * 1000


def p(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    launcher = os.path.abspath("bin/aml-debug")
    with tempfile.TemporaryDirectory() as work:
        score = os.path.join(work, "app", "score.py")
        os.makedirs(os.path.dirname(score))
        with open(score, "w") as f:
            f.write("def init():\n    pass\n\n\ndef run(raw_data):\n    return raw_data\n")
        model = os.path.join(work, "model.txt")
        with open(model, "w") as f:
            f.write("model\n")
        starts, run_id, port = [], None, None
        for i in range(args.starts + 1):
            took, run_id, port = up(launcher, work, score, model)
            if i > 0:
                starts.append(took)
            if i < args.starts:
                subprocess.run([launcher, "deploy", "down", run_id, "--folder", work], check=True, capture_output=True)
                time.sleep(0.5)
        echo = subprocess.run(["docker", "run", "-d", "--rm", "-p", "127.0.0.1::5001", IMAGE, "python3", "-c", ECHO],
                              check=True, capture_output=True, text=True).stdout.strip()
        try:
            echo_port = int(subprocess.run(["docker", "port", echo, "5001/tcp"], check=True, capture_output=True,
                                           text=True).stdout.strip().rsplit(":", 1)[1])
            while not healthy_echo(echo_port):
                time.sleep(0.05)
            body = json.dumps({"data": [[0.0] * 64]})
            ours, bare = [], []
            for _ in range(args.requests):
                ours.append(post(port, body))
                bare.append(post(echo_port, body))
        finally:
            subprocess.run(["docker", "rm", "-f", echo], capture_output=True)
            subprocess.run([launcher, "deploy", "down", run_id, "--folder", work], capture_output=True)
    print(f"| deploy up (warm image) to Healthy | median (s), {args.starts} starts | all (s) |\n|---|---|---|")
    print(f"| `aml-debug deploy up --detach` | {statistics.median(starts):.3f} | {' '.join(f'{s:.2f}' for s in starts)} |")
    print(f"\n| POST /score, {args.requests} requests each | median (ms) | p99 (ms) |\n|---|---|---|")
    print(f"| bare http.server echo (baseline) | {statistics.median(bare):.2f} | {p(bare, 0.99):.2f} |")
    print(f"| our scoring server, run() returns its input | {statistics.median(ours):.2f} | {p(ours, 0.99):.2f} |")
    print(f"\nscoring overhead at the median: {statistics.median(ours) - statistics.median(bare):+.2f} ms")


def healthy_echo(port):
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        connection.request("POST", "/score", body="{}", headers={"Content-Type": "application/json"})
        return connection.getresponse().status == 200
    except OSError:
        return False


if __name__ == "__main__":
    sys.exit(main())
