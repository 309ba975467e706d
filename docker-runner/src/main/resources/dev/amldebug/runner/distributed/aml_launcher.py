"""Starts the processes of one node of an aml-debug distributed run, as Azure ML's launcher does.

The node's plan comes in the environment variable AML_DEBUG_LAUNCH (JSON), which the processes do not inherit:
  {"node": 1, "logs": "/aml/logs/user_logs", "exits": "/aml/ranks",
   "processes": [{"rank": 2, "argv": ["/bin/sh", "-c", "python train.py"], "env": {"RANK": "2", ...}}, ...]}

Each process's stdout and stderr go, line by line, to logs/std_log_process_<rank>.txt (Azure ML's layout) and to
this container's output prefixed with "[rank N] ". When a process ends, exits/rank_<N>.json says how. When one
fails, the others are stopped (SIGTERM, then SIGKILL after GRACE_SECONDS) and the node exits with its exit code.
SIGTERM to this launcher (a cancel, or another node that failed) stops every process the same way.
"""
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time

GRACE_SECONDS = 5

_output_lock = threading.Lock()


def main():
    plan = json.loads(os.environ.pop("AML_DEBUG_LAUNCH"))
    node = Node(plan)
    signal.signal(signal.SIGTERM, node.request_stop)
    return node.run()


class Process:
    def __init__(self, spec, logs):
        self.rank = spec["rank"]
        self.last_stderr = None
        self.last_stdout = None
        self.stopped = False
        self.ended_at = None
        self.log = open(os.path.join(logs, "std_log_process_%d.txt" % self.rank), "ab")
        self.log_lock = threading.Lock()
        env = dict(os.environ)
        env.update(spec["env"])
        # A session of its own: a signal reaches the script even under "/bin/sh -c".
        self.popen = subprocess.Popen(spec["argv"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      start_new_session=True)
        self.readers = [threading.Thread(target=self.copy, args=(self.popen.stdout, False), daemon=True),
                        threading.Thread(target=self.copy, args=(self.popen.stderr, True), daemon=True)]
        for reader in self.readers:
            reader.start()

    def copy(self, pipe, is_stderr):
        prefix = b"[rank %d] " % self.rank
        for line in iter(pipe.readline, b""):
            with self.log_lock:
                self.log.write(line)
                self.log.flush()
            text = line.decode("utf-8", "replace").strip()
            if text:
                if is_stderr:
                    self.last_stderr = text
                else:
                    self.last_stdout = text
            write_output(prefix + (line if line.endswith(b"\n") else line + b"\n"))

    def signal(self, signum):
        try:
            os.killpg(self.popen.pid, signum)
        except ProcessLookupError:
            pass

    def finish(self, exits):
        for reader in self.readers:
            reader.join()
        self.log.close()
        code = self.popen.returncode
        code = 128 - code if code < 0 else code
        record = {"rank": self.rank, "exitCode": code, "endedAt": self.ended_at, "stopped": self.stopped,
                  "lastLine": self.last_stderr or self.last_stdout}
        path = os.path.join(exits, "rank_%d.json" % self.rank)
        with open(path + ".tmp", "w") as out:
            json.dump(record, out)
        os.replace(path + ".tmp", path)
        return code


class Node:
    def __init__(self, plan):
        self.plan = plan
        self.processes = {}
        self.ended = queue.Queue()
        self.stopping = None
        self.stop_requested = None
        self.deadline = None

    def run(self):
        for spec in self.plan["processes"]:
            process = Process(spec, self.plan["logs"])
            self.processes[process.rank] = process
            threading.Thread(target=self.wait, args=(process,), daemon=True).start()
        failure = 0
        left = set(self.processes)
        while left:
            if self.stop_requested:
                self.stop(self.stop_requested)
            try:
                process = self.ended.get(timeout=0.5)
            except queue.Empty:
                self.kill_after_grace()
                continue
            left.discard(process.rank)
            code = process.finish(self.plan["exits"])
            say(self.plan["node"], "rank %d exited with code %d%s" % (process.rank, code,
                                                                      " (stopped)" if process.stopped else ""))
            if code != 0 and failure == 0 and not process.stopped:
                failure = code
                self.stop("rank %d failed" % process.rank)
        if failure == 0 and self.stopping:
            return 128 + signal.SIGTERM
        return failure

    def request_stop(self, signum, frame):
        # Only a flag: the main loop may hold the output lock right now.
        self.stop_requested = "stop requested (SIGTERM)"

    def wait(self, process):
        process.popen.wait()
        process.ended_at = time.time()
        # Stopped by us: this rank did not fail, another did (or the run was canceled).
        process.stopped = process.stopped or (self.stopping is not None and process.popen.returncode != 0)
        self.ended.put(process)

    def stop(self, why):
        if self.stopping:
            return
        self.stopping = why
        self.deadline = time.monotonic() + GRACE_SECONDS
        running = [p for p in self.processes.values() if p.popen.poll() is None]
        if running:
            say(self.plan["node"], "%s; stopping ranks %s" % (why, ", ".join(str(p.rank) for p in running)))
        for process in running:
            process.signal(signal.SIGTERM)

    def kill_after_grace(self):
        if self.deadline is not None and time.monotonic() > self.deadline:
            for process in self.processes.values():
                if process.popen.poll() is None:
                    process.signal(signal.SIGKILL)


def say(node, text):
    write_output(("[node %d] %s\n" % (node, text)).encode("utf-8"))


def write_output(data):
    with _output_lock:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


if __name__ == "__main__":
    sys.exit(main())
