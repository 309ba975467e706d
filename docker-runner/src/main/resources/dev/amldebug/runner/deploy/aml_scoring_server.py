"""aml-debug scoring server: a local stand-in for Azure ML's inference server (azmlinfsrv), standard library only.

Where the image has Azure ML's own server (the azureml_inference_server_http package, as Azure ML's inference images
do), this script hands over to it at once, as the cloud would run it: azmlinfsrv's entry point with the entry
script, the model folder and the port. Under a debugger, its workers are served in this one process (its WSGI app,
server.entry:app, on werkzeug, threaded) instead of gunicorn's forked workers, which the debugger would not follow
and whose worker timeout (300 s) would kill a paused request. AML_DEBUG_SCORING_SERVER=stand-in keeps ours.

    python aml_scoring_server.py [--port 5001] [--host 0.0.0.0]
    python aml_debug_shim.py --listen 0.0.0.0:5678 -- aml_scoring_server.py --port 5001

Environment: AML_APP_ROOT (default /var/azureml-app), AZUREML_ENTRY_SCRIPT (default score.py, relative to
it), SCORING_TIMEOUT_MS (default 60000; 0 means no limit), AZUREML_MODEL_DIR (left to the script), and Azure ML's
other request settings: MAX_CONCURRENT_REQUESTS (max_concurrent_requests_per_instance, default 1: run() calls at
once), MAX_QUEUE_WAIT_MS (max_queue_wait_ms, default 500: how long a request waits for a free slot before it is
answered 503), MAX_REQUEST_BYTES (default 104857600: a larger body is answered 413 unread).
The script is imported (as entry_module, the app root first on sys.path) and init() called once; only then
does the server listen, so GET / answers 200 "Healthy" once the script is ready. As in azmlinfsrv:
POST /score passes the body to run() as a str (400 if not UTF-8); GET /score passes the query as a JSON
object in a str, values parsed as JSON where they parse, repeated keys as lists (?a=1&b=x&b=y gives
'{"a": 1, "b": ["x", "y"]}'); OPTIONS /score answers 200, other methods 405; a run() decorated with
inference-schema gets its parameters by name from a JSON object (415 unless Content-Type is
application/json, 400 for a missing one); a request_headers parameter gets the headers. A result goes out
as json.dumps(result), application/json, a str too ("hi" answers "\"hi\""); None answers {}. Answers carry
x-request-id (echoed, or a new UUID); /score's carry x-ms-run-function-failed and, after a run,
x-ms-run-fn-exec-ms. GET /swagger.json[?version=2|3|3.1] serves the app root's swagger.json or
swagger2.json, swagger3.json, swagger3.1.json (none is generated).

Unlike azmlinfsrv: bytes results go out as they are. An exception in run() answers 500 {"message":
"ValueError: bad input"}, its traceback on stderr. Each connection gets a thread of its own, one request a
connection, and a client that sends nothing for READ_TIMEOUT_S is dropped, so an idle connection blocks nobody
(a Content-Length that is not a number answers 400). The timeout cannot interrupt run() (azmlinfsrv raises in it
by SIGALRM): run() executes in MAX_CONCURRENT_REQUESTS worker threads, the request waits up to
SCORING_TIMEOUT_MS and answers 500 {"message": "Scoring timeout after N ms"}; run() goes on, and holds its slot
until it returns. Time while a debugger is attached (debugpy imported and is_client_connected()) does not count,
for the scoring timeout and the queue wait alike: a paused debugger is never timed out, and requests behind it
wait. Not supported: @rawhttp, AMLResponse, CORS, App Insights, config.json.

Stdout, flushed: "Scoring server: loading <path>", "init() done in N ms", "Scoring timeout: N ms, suspended
while a debugger is attached", "Listening on port P", "<METHOD> <path> <status> <ms>ms x-request-id=<id>"
a request, "Debugger attached: scoring timeouts are suspended while it stays attached". Exit code 3 when
start-up fails (import, no init or run, init raising, bad setting, port taken), after the reason and the
model folder's tree on stderr; 2 for a bad command line; 0 on SIGTERM. Under the debug shim with --post-mortem,
an exception from loading the script or from init() first waits for a debugger (aml_debug_postmortem.py).
"""
import argparse
import importlib.util
import inspect
import itertools
import json
import os
import queue
import signal
import socket
import sys
import threading
import time
import traceback
import uuid
from collections import namedtuple
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from urllib.parse import parse_qs

EXIT_BOOT_FAILURE = 3
READ_TIMEOUT_S = 60
DEFAULT_MAX_REQUEST_BYTES = 100 * 1024 * 1024
TREE_DEPTH = 3
TREE_LINE_LIMIT = 200
THIS_FILE = os.path.abspath(__file__)
SWAGGER_FILES = {"2": ("swagger.json", "swagger2.json"), "2.0": ("swagger.json", "swagger2.json"),
                 "3": ("swagger3.json",), "3.0": ("swagger3.json",), "3.1": ("swagger3.1.json",)}
MISSING_INFERENCE_SCHEMA = ("The scoring script imports inference_schema, which this image lacks: "
                            "add inference-schema to the environment's conda file")
FAILED, SUCCEEDED = {"x-ms-run-function-failed": "True"}, {"x-ms-run-function-failed": "False"}

Request = namedtuple("Request", "method query headers body request_id")


class Response:
    def __init__(self, status, body=b"", content_type="application/json", headers=None):
        self.status, self.body, self.content_type, self.headers = status, body, content_type, dict(headers or {})


class BootError(Exception):
    """Start-up cannot go on; the message says why and what to do."""


class InputError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


def log(message):
    print(message, flush=True)


def warn(message):
    print(message, file=sys.stderr, flush=True)


def json_response(status, value, headers=None):
    return Response(status, json.dumps(value).encode("utf-8"), headers=headers)


def user_traceback(error):
    """The traceback from the user's first frame on: this file's and importlib's frames go."""
    tb = error.__traceback__
    while tb is not None and (tb.tb_frame.f_code.co_filename.startswith("<frozen")
                              or os.path.abspath(tb.tb_frame.f_code.co_filename) == THIS_FILE):
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(error), error, tb)).rstrip()


def lacks_inference_schema(error):
    while error is not None:
        if isinstance(error, ImportError) and (error.name or "").split(".")[0] == "inference_schema":
            return True
        error = error.__cause__ or error.__context__
    return False


def load_script(app_root, entry_script):
    path = os.path.abspath(os.path.join(app_root, entry_script))
    log("Scoring server: loading " + path)
    if not os.path.isfile(path):
        raise BootError("No scoring script at {}: set AZUREML_ENTRY_SCRIPT to its path relative to "
                        "AML_APP_ROOT ({}).".format(path, app_root))
    sys.path.insert(0, os.path.abspath(app_root))
    spec = importlib.util.spec_from_file_location("entry_module", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["entry_module"] = module  # dataclasses and pickle look classes up there
    spec.loader.exec_module(module)
    for name in ("init", "run"):
        if not callable(getattr(module, name, None)):
            raise BootError("{} has no {}() function: a scoring script defines init() and run(data).".format(
                path, name))
    return module


def run_signature(run):
    """run()'s parameters if inference-schema decorates it (by its own test, as azmlinfsrv), else None; and
    whether run() takes request_headers."""
    try:
        parameters = inspect.signature(run).parameters
    except (TypeError, ValueError):
        return None, False
    try:
        from inference_schema.schema_util import is_schema_decorated
        decorated = is_schema_decorated(run)
    except Exception:
        decorated = False
    named = [p for p in parameters.values() if p.name != "request_headers"] if decorated else None
    return named, "request_headers" in parameters


def query_values(query):
    def parse(text):
        try:
            return json.loads(text)
        except ValueError:
            return text

    values = parse_qs(query, keep_blank_values=True)
    return {k: parse(v[0]) if len(v) == 1 else [parse(x) for x in v] for k, v in values.items()}


def text_input(request):
    if request.method == "GET":
        return json.dumps(query_values(request.query))
    try:
        return request.body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(400, "Input cannot be decoded as UTF-8: {}".format(error))


def schema_input(request, parameters):
    if request.method == "GET":
        body = query_values(request.query)
    else:
        mime = request.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if not (mime == "application/json" or (mime.startswith("application/") and mime.endswith("+json"))):
            raise InputError(415, "Expects Content-Type to be application/json")
        try:
            body = json.loads(request.body)
        except ValueError as error:
            raise InputError(400, "POST body could not be decoded as JSON: {}".format(error) if request.body
                             else "POST body is empty. Expecting a JSON dictionary.")
        if not isinstance(body, dict):
            raise InputError(400, "POST body should be a JSON dictionary.")
    arguments = {}
    for parameter in parameters:
        arguments[parameter.name] = body.get(parameter.name, parameter.default)
        if arguments[parameter.name] is inspect.Parameter.empty:
            raise InputError(400, "A value is not provided for the {!r} parameter.".format(parameter.name))
    return arguments


def encode_result(result):
    if isinstance(result, (bytes, bytearray)):
        return Response(200, bytes(result), "application/octet-stream", SUCCEEDED)
    try:
        return Response(200, json.dumps({} if result is None else result).encode("utf-8"), headers=SUCCEEDED)
    except (TypeError, ValueError) as error:
        kind = type(result)
        return json_response(500, {"message": "run() returned a {}.{}, which json.dumps cannot encode ({}): return "
                                   "lists, dicts, numbers or strings (array.tolist(), for example).".format(
                                       kind.__module__, kind.__qualname__, error)}, FAILED)


class RunWorker:
    """Calls run() one job at a time in one thread (debugpy traces it), so that a request can stop waiting;
    time while a debugger is attached does not count against the timeout."""

    def __init__(self, timeout_ms, workers=1, queue_wait_ms=500):
        self.timeout_ms, self.jobs, self.attached = timeout_ms, queue.Queue(), False
        self.queue_wait_ms, self.slots = queue_wait_ms, threading.BoundedSemaphore(workers)
        for number in range(workers):
            threading.Thread(target=self._work, name="aml-scoring-run-{}".format(number), daemon=True).start()
        self.debugger_attached()

    def admit(self):
        """Takes a slot for a run() call: whether one came free within the queue wait (not counting time while a
        debugger is attached). The caller gives it back through the job."""
        remaining = self.queue_wait_ms / 1000.0
        while True:
            step_started = time.monotonic()
            if self.slots.acquire(timeout=0.1 if self.debugger_attached() else max(0.0, min(remaining, 0.1))):
                return True
            if not self.attached:
                remaining -= time.monotonic() - step_started
                if remaining <= 0:
                    return False

    def call(self, function, request_id):
        """The finished job, or None when the timeout passed first (run() then goes on in the background).
        The caller has been admitted; the slot goes back when run() returns."""
        job = SimpleNamespace(function=function, request_id=request_id, done=threading.Event(), abandoned=False)
        self.jobs.put(job)
        self.debugger_attached()
        remaining = self.timeout_ms / 1000.0
        while self.timeout_ms > 0:
            step_started = time.monotonic()
            if job.done.wait(0.25 if self.attached else min(remaining, 0.25)):
                return job
            if not self.debugger_attached():
                remaining -= time.monotonic() - step_started
                if remaining <= 0:
                    job.abandoned = True
                    return None
        job.done.wait()
        return job

    def debugger_attached(self):
        debugpy = sys.modules.get("debugpy")
        try:
            attached = bool(debugpy is not None and debugpy.is_client_connected())
        except Exception:
            attached = False
        if attached and not self.attached:
            log("Debugger attached: scoring timeouts are suspended while it stays attached")
        self.attached = attached
        return attached

    def _work(self):
        while True:
            job = self.jobs.get()
            if job.abandoned:
                self.slots.release()
                continue
            job.result = job.error = None
            started = time.perf_counter()
            try:
                job.result = job.function()
            except BaseException as error:
                job.error = error
                warn("run() raised (x-request-id={}):\n{}".format(job.request_id, user_traceback(error)))
            job.elapsed_ms = (time.perf_counter() - started) * 1000
            self.slots.release()
            job.done.set()


class ScoringApp:
    """The routes: each answers a Request with a Response."""

    def __init__(self, run, app_root, settings):
        self.run, self.app_root, self.timeout_ms = run, app_root, settings.timeout_ms
        self.parameters, self.headers_too = run_signature(run)
        self.worker = RunWorker(settings.timeout_ms, settings.concurrency, settings.queue_wait_ms)
        self.routes = {"/": {"GET": self.health}, "/swagger.json": {"GET": self.swagger},
                       "/score": {"GET": self.score, "POST": self.score, "OPTIONS": self.options}}

    def arguments(self, request):
        if self.parameters is not None:
            args, kwargs = (), schema_input(request, self.parameters)
        else:
            args, kwargs = (text_input(request),), {}
        if self.headers_too:
            kwargs["request_headers"] = dict(request.headers.items())
        return args, kwargs

    def score(self, request):
        try:
            args, kwargs = self.arguments(request)
        except InputError as error:
            return json_response(error.status, {"message": str(error)}, SUCCEEDED)
        if not self.worker.admit():
            warn("No free slot within max_queue_wait_ms ({} ms; x-request-id={}): answered 503.".format(
                self.worker.queue_wait_ms, request.request_id))
            return json_response(503, {"message": "Too many requests: no free scoring slot within {} ms (raise "
                                       "max_concurrent_requests_per_instance or max_queue_wait_ms)".format(
                                           self.worker.queue_wait_ms)}, SUCCEEDED)
        job = self.worker.call(lambda: self.run(*args, **kwargs), request.request_id)
        if job is None:
            warn("Scoring timeout after {} ms (x-request-id={}): run() goes on in the background and later "
                 "requests wait for it.".format(self.timeout_ms, request.request_id))
            return json_response(500, {"message": "Scoring timeout after {} ms".format(self.timeout_ms)}, FAILED)
        if job.error is not None:
            message = traceback.format_exception_only(type(job.error), job.error)[-1].strip()
            return json_response(500, {"message": message}, FAILED)
        response = encode_result(job.result)
        response.headers["x-ms-run-fn-exec-ms"] = "{:.3f}".format(job.elapsed_ms)
        return response

    def options(self, request):
        return Response(200, headers=dict(SUCCEEDED, Allow="GET, POST, OPTIONS"))

    def health(self, request):
        return Response(200, b"Healthy", "text/plain; charset=utf-8")

    def swagger(self, request):
        version = parse_qs(request.query).get("version", ["2"])[0]
        for path in (os.path.join(self.app_root, name) for name in SWAGGER_FILES.get(version, ())):
            if os.path.isfile(path):
                with open(path, "rb") as swagger:
                    return Response(200, swagger.read())
        return json_response(404, {"message": "No swagger for version {} in {}: this server serves the app's own "
                                   "swagger.json, swagger2.json, swagger3.json or swagger3.1.json (version 2, 3 or "
                                   "3.1) and generates none.".format(version, self.app_root)})


class ScoringHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # for Expect: 100-continue; every answer closes its connection
    server_version = "aml-scoring-server"
    timeout = READ_TIMEOUT_S  # a client that sends nothing is dropped; waiting for run() reads nothing

    def __getattr__(self, name):
        if name.startswith("do_"):  # every method reaches dispatch, which answers 405 where it must
            return self.dispatch
        raise AttributeError(name)

    def dispatch(self):
        started = time.perf_counter()
        path, _, query = self.path.partition("?")
        request_id = self.headers.get("x-request-id") or str(uuid.uuid4())
        try:
            length = self.body_length()
            response = length if isinstance(length, Response) else self.route(
                path, Request(self.command, query, self.headers, self.rfile.read(length) if length else b"", request_id))
        except socket.timeout:
            warn("A client sent its request too slowly ({} s without a byte); dropped.".format(READ_TIMEOUT_S))
            self.close_connection = True
            return
        except Exception as error:
            warn("Scoring server error:\n" + traceback.format_exc())
            response = json_response(500, {"message": "Scoring server error: {}".format(error)})
        self.send(response, request_id)
        log("{} {} {} {:.3f}ms x-request-id={}".format(self.command, path, response.status,
                                                      (time.perf_counter() - started) * 1000, request_id))

    def route(self, path, request):
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return json_response(411, {"message": "Send the body with a Content-Length, not chunked."})
        methods = self.server.app.routes.get(path)
        if methods is None:
            return json_response(404, {"message": "Not found: {}. This server answers GET /, POST /score and "
                                       "GET /swagger.json.".format(path)})
        if self.command not in methods:
            return json_response(405, {"message": "Method not allowed"})
        return methods[self.command](request)

    def body_length(self):
        """The body's length, or the Response that refuses it (400: not a number; 413: too large, left unread)."""
        text = (self.headers.get("Content-Length") or "0").strip()
        if not text.isdigit():
            return json_response(400, {"message": "Content-Length is not a number: {!r}".format(text[:40])})
        length = int(text)
        if length > self.server.max_request_bytes:
            self.close_connection = True
            return json_response(413, {"message": "The request body ({:,} bytes) is larger than {:,} bytes; send "
                                       "less, or raise MAX_REQUEST_BYTES.".format(length, self.server.max_request_bytes)})
        return length

    def send(self, response, request_id):
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("x-request-id", request_id)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(response.body)

    def log_request(self, code="-", size="-"):
        pass  # dispatch logs one line a request, without the query


class ScoringHTTPServer(ThreadingHTTPServer):
    request_queue_size = 64  # connections wait while run() does, at a breakpoint say, instead of being refused
    daemon_threads = True
    max_request_bytes = DEFAULT_MAX_REQUEST_BYTES


def tree_lines(folder, level):
    try:
        names = sorted(os.listdir(folder))
    except OSError as error:
        yield "  " * level + "(unreadable: {})".format(error)
        return
    for name in names:
        path = os.path.join(folder, name)
        if not os.path.isdir(path):
            yield "  " * level + "{} ({:,} bytes)".format(name, os.path.getsize(path))
            continue
        yield "  " * level + name + "/"
        if level < TREE_DEPTH:
            yield from tree_lines(path, level + 1)


def print_model_tree(model_dir):
    if not model_dir or not os.path.isdir(model_dir):
        warn("Model folder: AZUREML_MODEL_DIR={!r} is not a folder.".format(model_dir))
        return
    warn("Model folder AZUREML_MODEL_DIR={}:".format(model_dir))
    lines = tree_lines(model_dir, 1)
    for line in itertools.islice(lines, TREE_LINE_LIMIT):
        warn(line)
    if next(lines, None) is not None:
        warn("  (the first {} entries only)".format(TREE_LINE_LIMIT))


def setting(name, default, minimum):
    """A whole-number setting from the environment, at least minimum."""
    text = os.environ.get(name, str(default)).strip()
    if not text.lstrip("-").isdigit() or int(text) < minimum:
        raise BootError("{} is {!r}: set it to a whole number, {} or more.".format(name, text, minimum))
    return int(text)


def request_settings():
    return SimpleNamespace(timeout_ms=setting("SCORING_TIMEOUT_MS", 60000, 0),
                           concurrency=setting("MAX_CONCURRENT_REQUESTS", 1, 1),
                           queue_wait_ms=setting("MAX_QUEUE_WAIT_MS", 500, 0),
                           max_request_bytes=setting("MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES, 0))


def boot(app_root, entry_script):
    settings = request_settings()
    module = load_script(app_root, entry_script)
    started = time.perf_counter()
    module.init()
    log("init() done in {} ms".format(int(round((time.perf_counter() - started) * 1000))))
    log("Scoring timeout: {} ms, suspended while a debugger is attached".format(settings.timeout_ms))
    log("Requests: {} at once, {} ms queue wait, bodies up to {:,} bytes".format(
        settings.concurrency, settings.queue_wait_ms, settings.max_request_bytes))
    return ScoringApp(module.run, app_root, settings), settings


def post_mortem(error):
    """Under the debug shim with --post-mortem, init() raising holds the server for a debugger before it exits."""
    module = sys.modules.get("aml_debug_postmortem")
    if module is not None:
        module.inspect(error)


def start(app_root, model_dir):
    """The app, once the script is loaded and init() has returned; else the reason and the model tree, exit 3."""
    try:
        return boot(app_root, os.environ.get("AZUREML_ENTRY_SCRIPT", "score.py"))
    except BootError as error:
        warn(str(error))
    except (Exception, SystemExit) as error:
        post_mortem(error)
        warn(user_traceback(error))
        if lacks_inference_schema(error):
            warn(MISSING_INFERENCE_SCHEMA)
    print_model_tree(model_dir)
    sys.exit(EXIT_BOOT_FAILURE)


def stop(signum, frame):
    """SIGTERM (docker stop, deploy down): exit 0 at once. sys.exit would wait for the connection threads, and a
    second signal would then print a traceback from the interpreter's shutdown."""
    log("Scoring server: stopped")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def image_inference_server():
    """The spec of Azure ML's inference server package, where the image has it and the stand-in is not asked for."""
    if os.environ.get("AML_DEBUG_SCORING_SERVER", "") == "stand-in":
        return None
    try:
        return importlib.util.find_spec("azureml_inference_server_http")
    except (ImportError, ValueError):
        return None


def serve_in_this_process(host, port, worker_count):
    """Under a debugger: the official WSGI app in this process, so breakpoints in run() stop and nothing times out."""
    from azureml_inference_server_http.server.entry import app
    from werkzeug.serving import run_simple
    run_simple(host, port, app, threaded=True, use_reloader=False)


def hand_over(port):
    """Runs Azure ML's inference server (never returns), as azmlinfsrv would be run in the cloud."""
    app_root = os.environ.get("AML_APP_ROOT", "/var/azureml-app")
    arguments = ["azmlinfsrv", "--entry_script",
                 os.path.join(app_root, os.environ.get("AZUREML_ENTRY_SCRIPT", "score.py")), "--port", str(port)]
    if os.environ.get("AZUREML_MODEL_DIR"):
        arguments += ["--model_dir", os.environ["AZUREML_MODEL_DIR"]]
    from azureml_inference_server_http import amlserver
    debugging = "debugpy" in sys.modules
    log("Scoring server: this image has Azure ML's inference server (azureml-inference-server-http); it serves"
        + (", in this one process so that the debugger keeps its requests (no forked workers, no worker timeout)"
           if debugging else ""))
    if debugging:
        from azureml_inference_server_http import amlserver_linux
        amlserver_linux.run = serve_in_this_process
    sys.argv = arguments
    signal.signal(signal.SIGTERM, stop)
    amlserver.run()
    sys.exit(0)


def main(argv):
    parser = argparse.ArgumentParser(prog="aml_scoring_server.py", description="Local Azure ML scoring server.")
    parser.add_argument("--port", type=int, default=5001)
    parser.add_argument("--host", default="0.0.0.0")
    args = parser.parse_args(argv)
    try:
        sys.stdout.reconfigure(line_buffering=True)  # the script's print() reaches the log as it happens
    except (AttributeError, ValueError):
        pass
    if image_inference_server() is not None:
        hand_over(args.port)
    app, settings = start(os.environ.get("AML_APP_ROOT", "/var/azureml-app"), os.environ.get("AZUREML_MODEL_DIR", ""))
    try:
        server = ScoringHTTPServer((args.host, args.port), ScoringHandler)
    except OSError as error:
        warn("Cannot listen on {}:{} ({}): stop what uses the port, or pass --port.".format(
            args.host, args.port, error))
        sys.exit(EXIT_BOOT_FAILURE)
    server.app, server.max_request_bytes = app, settings.max_request_bytes
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)
    log("Listening on port {}".format(server.server_address[1]))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        log("Scoring server: stopped")


if __name__ == "__main__":
    main(sys.argv[1:])
