"""aml-debug debug shim: runs a Python script or module under debugpy with no change to it.

    python aml_debug_shim.py [--listen HOST:PORT] [--wait-timeout SECONDS]
                             [--on-timeout continue|abort] [--no-wait]
                             [--post-mortem [--post-mortem-timeout SECONDS]] [--] script.py [ARGS...]
    python aml_debug_shim.py [OPTIONS] -- -m package.module [ARGS...]
    python aml_debug_shim.py --connect HOST:PORT [--wait-timeout S] [--on-timeout ...] [--] script.py [ARGS...]

It listens with debugpy, prints the lines log watchers and the Azure ML guide expect
("Timeout for debug connection: N", "ip_address: A", "Debugger attached = True|False"),
and one machine-readable line for aml-debug itself:
    AML_DEBUG_ENDPOINT {"host": "10.0.0.4", "port": 5678, "cwd": "/mnt/azureml/cr/j/ID/exe/wd", "pid": 42}
with "rank" and "node" added in a distributed job's processes, whose ports are the given one plus LOCAL_RANK.
Without debugpy installed it says so in one line and runs the target without a debugger.
waits for a client with a timeout that really expires, then runs the target as __main__
exactly as `python script.py ARGS` would: same sys.argv, sys.path[0], exit code, and
tracebacks that show the user's frames only. The debugger's call stacks end at the user's code
too. The debugger's connections get TCP_NODELAY, in this process, in debugpy's adapter and in
every Python process the program starts (aml_debug_nodelay.py, startup/sitecustomize.py), so a
request to a paused program takes about a millisecond instead of about 45 ms. There, paused threads
also take requests at once instead of polling every 10 ms (aml_debug_faststop.py).
In the debugger's variables view, numpy arrays, torch tensors and pandas frames show as one line
(`ndarray[4096, 4096] float32`) and expand to bounded statistics (startup/pydevd_plugins, a pydevd extension).

With --connect, the process dials aml-debug's debug hub instead of waiting to be dialled (a rank of a
multi-node run, a node that can only dial out). It says hello with the hub's token (from the
environment variable AML_DEBUG_HUB_TOKEN, never from the command line) and who it is (run, node, rank,
local rank, pid), and once the hub welcomes it, relays the bytes of that connection to debugpy listening
on 127.0.0.1 in this container (docs/protocol.md says why a relay, not debugpy.connect()).

With --post-mortem, an exception the target does not handle holds the process up to --post-mortem-timeout seconds
(default 600) for a debugger, which stops where it was raised (aml_debug_postmortem.py).
"""
import builtins
import contextlib
import json
import os
import runpy
import socket
import sys
import threading
import time
import types

EXIT_NO_DEBUGGER = 86
ENDPOINT_PREFIX = "AML_DEBUG_ENDPOINT "
NO_DEBUGPY = ("aml_debug_shim: debugpy is not installed in this environment, so this runs without a debugger."
              " Add debugpy to the environment's pip dependencies, or submit with --install-debugpy.")
# A local run's image was built by aml-debug, which adds debugpy when pip can: here it could not.
NO_DEBUGPY_LOCAL = ("aml_debug_shim: debugpy is not in this image, and pip could not add it when aml-debug built the"
                    " image, so this runs without a debugger. Use an image with debugpy, or with pip and a package"
                    " index it can reach.")
USAGE = ("usage: aml_debug_shim.py [--listen HOST:PORT | --connect HOST:PORT] [--wait-timeout SECONDS] "
         "[--on-timeout continue|abort] [--no-wait] [--post-mortem [--post-mortem-timeout SECONDS]] "
         "[--] (script.py | -m module) [ARGS...]")
HUB_TOKEN_ENV = "AML_DEBUG_HUB_TOKEN"
HUB_TOKEN_FILE = "hub_token"
HUB_HELLO_PREFIX = "AML_DEBUG_HELLO "
GOVERNOR_ENV = "AML_DEBUG_PAUSE_GOVERNOR"
HUB_WELCOME = b"AML_DEBUG_WELCOME\n"
HUB_DIAL_SECONDS = 5.0


def parse(argv):
    options = {"listen": "0.0.0.0:5678", "connect": None, "wait_timeout": 300.0, "on_timeout": "continue",
               "wait": True, "post_mortem": False, "post_mortem_timeout": 600.0}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            i += 1
            break
        if arg == "--no-wait":
            options["wait"] = False
        elif arg == "--post-mortem":
            options["post_mortem"] = True
        elif arg == "--post-mortem-timeout" and i + 1 < len(argv):
            options["post_mortem_timeout"] = float(argv[i + 1])
            i += 1
        elif arg in ("--listen", "--connect", "--wait-timeout", "--on-timeout") and i + 1 < len(argv):
            value = argv[i + 1]
            i += 1
            if arg in ("--listen", "--connect"):
                options[arg[2:]] = value
            elif arg == "--wait-timeout":
                options["wait_timeout"] = float(value)
            elif value in ("continue", "abort"):
                options["on_timeout"] = value
            else:
                sys.exit("aml_debug_shim: --on-timeout takes continue or abort, not " + value)
        else:
            break
        i += 1
    target = list(argv[i:])
    # Interpreter flags a command line carried before the script (python -u train.py) mean nothing here.
    while target and target[0] != "-m" and target[0].startswith("-"):
        flag = target.pop(0)
        if flag in ("-X", "-W") and target:
            target.pop(0)
    if not target or (target[0] == "-m" and len(target) < 2):
        sys.exit(USAGE)
    return options, target


def node_address(host):
    """The address other machines reach this node at (what the guide's log watchers look for)."""
    if host not in ("0.0.0.0", "", "::"):
        return host
    try:
        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            # No packet is sent: connecting a UDP socket only picks the outgoing interface.
            probe.connect(("10.255.255.255", 1))
            return probe.getsockname()[0]
        finally:
            probe.close()
    except OSError:
        return socket.gethostbyname(socket.gethostname())


def rank_variable(name, default):
    """A distributed job's rank variable (RANK, NODE_RANK, LOCAL_RANK), or the default when it is not a number.

    The processes of one node share its address, so each listens on the given port plus its LOCAL_RANK.
    """
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


def wait_for_debugger(debugpy, timeout):
    """debugpy.wait_for_client() has no timeout: wait for it in a thread, cancel it when time is up.

    A timeout of zero or less does not wait at all: the continue or abort rule applies at once.
    """
    if timeout <= 0:
        return debugpy.is_client_connected()
    waiter = threading.Thread(target=debugpy.wait_for_client, daemon=True)
    waiter.start()
    waiter.join(timeout)
    while waiter.is_alive():
        try:
            debugpy.wait_for_client.cancel()
        except RuntimeError:
            # "wait_for_client() must be called first": the thread has not got that far yet.
            pass
        waiter.join(0.05)
    return debugpy.is_client_connected()


def hide_shim_frames_from_debugger():
    """The debugger's call stack should end at the user's code, not go on into this file and runpy.

    pydevd leaves out of every stack trace the frames of the files it counts as its own, and does
    not trace them. Its table of those files, by base name, is a module-level dict, so the entries
    added here also hold in forked children. Without pydevd's internals, nothing changes.
    """
    try:
        import pydevd
        from _pydevd_bundle import pydevd_dont_trace_files as dont_trace

        for path in (__file__, runpy.__file__):
            dont_trace.DONT_TRACE[os.path.basename(path)] = dont_trace.PYDEV_FILE
        debugger = pydevd.get_global_debugger()
        # listen() already looked at this file's frames (it traces the frames that called it): forget what it saw.
        clear = getattr(debugger, "clear_dont_trace_start_end_patterns_caches", None)
        if clear is not None:
            clear()
    except Exception:
        pass


def start_nodelay():
    """TCP_NODELAY on the debugger's connections in this process (see aml_debug_nodelay.py), and paused threads
    that answer at once (aml_debug_faststop.py); before debugpy is imported."""
    try:
        import aml_debug_nodelay
        import aml_debug_faststop
    except ImportError:
        # The shim was copied alone: it debugs as well, only slower.
        return False
    aml_debug_nodelay.install()
    aml_debug_faststop.install()
    return True


def startup_folder():
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "startup")


def nodelay_in_other_processes():
    """The processes debugpy.listen() and the program start run startup/sitecustomize.py, which calls
    aml_debug_nodelay.install() in them too: debugpy's adapter, and every Python process the program starts.

    Set in the environment, not by the container: an image's own PYTHONPATH stays, after this folder.
    """
    startup = startup_folder()
    if os.path.isfile(os.path.join(startup, "sitecustomize.py")):
        inherited = os.environ.get("PYTHONPATH")
        os.environ["PYTHONPATH"] = startup + (os.pathsep + inherited if inherited else "")


def hide_shim_frames_from_tracebacks():
    """Tracebacks of the user's code should not start in this file or in runpy."""
    hidden = {os.path.abspath(__file__), os.path.abspath(runpy.__file__), "<frozen runpy>"}
    # Chained, not replaced: if a client asked debugpy to break on uncaught exceptions, its hook is here.
    original = sys.excepthook

    def excepthook(kind, value, tb):
        while tb is not None and (tb.tb_frame.f_code.co_filename in hidden
                                  or os.path.abspath(tb.tb_frame.f_code.co_filename) in hidden):
            tb = tb.tb_next
        # The built-in hook prints value.__traceback__, not the tb argument.
        original(kind, value.with_traceback(tb) if isinstance(value, BaseException) else value, tb)

    sys.excepthook = excepthook


def start_post_mortem(debugpy, options):
    """With --post-mortem, the module that holds a failed process for a debugger; imported before run_target()
    changes sys.path. None without it, or when the shim was copied alone."""
    if not options["post_mortem"]:
        return None
    try:
        import aml_debug_postmortem
    except ImportError:
        return None
    aml_debug_postmortem.enable(options["post_mortem_timeout"], lambda timeout: wait_for_debugger(debugpy, timeout))
    return aml_debug_postmortem


@contextlib.contextmanager
def debugger_extensions_on_path():
    """pydevd loads its extensions from sys.path when debugpy imports it, in listen() or debug_through_hub():
    startup/pydevd_plugins holds ours (how arrays, tensors and frames show). The script's sys.path stays as it was;
    the processes it starts have the folder on PYTHONPATH."""
    startup = startup_folder()
    added = os.path.isdir(os.path.join(startup, "pydevd_plugins")) and startup not in sys.path
    if added:
        sys.path.append(startup)
    try:
        yield
    finally:
        if added and startup in sys.path:
            sys.path.remove(startup)


def run_target(target):
    if target[0] == "-m":
        sys.argv = [target[1]] + target[2:]
        sys.path[0] = os.getcwd()
        runpy.run_module(target[1], run_name="__main__", alter_sys=True)
    else:
        run_script(target)


def run_script(target):
    """What `python script.py ARGS` does: a fresh __main__ module, argv as given, the script's folder first on sys.path."""
    path = os.path.abspath(target[0])
    sys.argv = target
    sys.path[0] = os.path.dirname(path)
    main_module = types.ModuleType("__main__")
    main_module.__file__ = path
    main_module.__builtins__ = builtins
    sys.modules["__main__"] = main_module
    with open(path, "rb") as source:
        # Compiled under its absolute path, so debugpy maps breakpoints and tracebacks name the file.
        code = compile(source.read(), path, "exec")
    exec(code, main_module.__dict__)


def main(argv):
    options, target = parse(argv)
    if target[0] != "-m" and not os.path.isfile(target[0]):
        sys.exit(f"aml_debug_shim: can't open file {target[0]!r}: no such file")
    # Debugging the user's code does not need breakpoints in frozen standard modules; don't warn about them.
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    if start_nodelay():
        nodelay_in_other_processes()
    try:
        import debugpy
    except ImportError:
        print(NO_DEBUGPY_LOCAL if os.environ.get("AML_DEBUG_LOCAL") else NO_DEBUGPY, file=sys.stderr, flush=True)
        run_target(target)
        return

    with debugger_extensions_on_path():
        if options["connect"]:
            token = debug_through_hub(debugpy, options)
            governor = start_governor()
            # Not with --post-mortem: with the ranks' hooks in place, pydevd's stop for the unhandled exception never
            # reached the client (DistributedDebugIT; not understood yet), and a failure is one rank's business.
            if token is not None and not options["post_mortem"]:
                join_other_ranks(debugpy, options["connect"], token, governor)
        else:
            listen(debugpy, options)
            start_governor()
    post_mortem = start_post_mortem(debugpy, options)
    # After debugpy.listen(), which resets sys.excepthook.
    hide_shim_frames_from_tracebacks()
    try:
        run_target(target)
    except BaseException as error:
        if post_mortem is not None:
            post_mortem.inspect(error)
        raise


def listen(debugpy, options):
    """Listen mode: debugpy listens, the guide's lines and ours say where, and the waiting rules apply."""
    host, _, port = options["listen"].rpartition(":")
    port = int(port) + rank_variable("LOCAL_RANK", 0)
    debugpy.listen((host or "0.0.0.0", port))
    hide_shim_frames_from_debugger()
    print(f"Timeout for debug connection: {options['wait_timeout']:g}", flush=True)
    address = node_address(host)
    print(f"ip_address: {address}", flush=True)
    endpoint = {"host": address, "port": port, "cwd": os.getcwd(), "pid": os.getpid()}
    if "RANK" in os.environ:
        endpoint.update(rank=rank_variable("RANK", 0), node=rank_variable("NODE_RANK", 0))
    print(ENDPOINT_PREFIX + json.dumps(endpoint), flush=True)
    if options["wait"]:
        attached = wait_for_debugger(debugpy, options["wait_timeout"])
        print(f"Debugger attached = {attached}", flush=True)
        if not attached and options["on_timeout"] == "abort":
            print(f"No debugger attached within {options['wait_timeout']:g} s; aborting (exit code "
                  f"{EXIT_NO_DEBUGGER}).", file=sys.stderr, flush=True)
            sys.exit(EXIT_NO_DEBUGGER)


def token_beside_shim():
    """A job on a remote compute gets the hub's token in its debug snapshot, next to the shim, not in its definition."""
    try:
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), HUB_TOKEN_FILE)) as token:
            return token.read().strip()
    except OSError:
        return ""


def hub_announcement():
    """Who this process is, from the environment of a distributed run (missing: null)."""
    def number(name):
        try:
            return int(os.environ[name])
        except (KeyError, ValueError):
            return None

    return {"run": os.environ.get("AML_DEBUG_RUN_ID"), "node": number("NODE_RANK"), "rank": number("RANK"),
            "localRank": number("LOCAL_RANK"), "pid": os.getpid()}


class HubRefused(OSError):
    pass


def dial_hub(address, token, seconds, role=None):
    """A connection the hub has welcomed, tried until `seconds` have passed (once at least): the hub may start
    after this process. With role "peers", this rank's line to the other ranks. Raises OSError with the reason."""
    host, _, port = address.rpartition(":")
    deadline = time.monotonic() + max(seconds, 0)
    while True:
        try:
            hub = socket.create_connection((host, int(port)), timeout=max(1.0, min(HUB_DIAL_SECONDS, seconds)))
            break
        except (ConnectionRefusedError, socket.timeout) as e:
            if time.monotonic() + 0.5 >= deadline:
                raise e
            time.sleep(0.5)
    try:
        hello = dict(token=token, **hub_announcement())
        if role:
            hello["role"] = role
        hub.sendall((HUB_HELLO_PREFIX + json.dumps(hello) + "\n").encode("utf-8"))
        answer = b""
        while not answer.endswith(b"\n") and len(answer) < len(HUB_WELCOME):
            chunk = hub.recv(len(HUB_WELCOME) - len(answer))
            if not chunk:
                break
            answer += chunk
        if answer != HUB_WELCOME:
            raise HubRefused("the hub refused this process: is " + HUB_TOKEN_ENV + " this run's token?")
        hub.settimeout(None)
        return set_nodelay(hub)
    except BaseException:
        hub.close()
        raise


def start_governor():
    """The pause governor (aml_debug_governor.py); None where the job's environment turns it off
    (AML_DEBUG_PAUSE_GOVERNOR=0: the clocks as the script asked, for comparison)."""
    if os.environ.get(GOVERNOR_ENV) == "0":
        return None
    try:
        import aml_debug_governor
    except ImportError:
        return None
    return aml_debug_governor.install()


def join_other_ranks(debugpy, address, token, governor):
    """This rank's line to the other ranks through the hub (aml_debug_ranks.py: stop-the-world, and what the governor
    holds for the console and the editor). Without it the rank is debugged as before, alone."""
    try:
        import aml_debug_ranks

        line = dial_hub(address, token, HUB_DIAL_SECONDS, role="peers")
        if aml_debug_ranks.join(line, hub_announcement()["rank"], governor, debugpy) is None:
            raise OSError("this debugpy's pydevd is not as aml-debug knows it")
    except (ImportError, OSError, ValueError) as e:
        print(f"aml_debug_shim: this rank will not stop with the others ({e or type(e).__name__}).",
              file=sys.stderr, flush=True)


def set_nodelay(sock):
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def relay(hub, adapter):
    """Pipes hub <-> debugpy's adapter in threads that pydevd counts as its own: a debugger that suspends every
    thread at a breakpoint must not suspend the connection it is spoken to through."""
    def pipe(source, sink):
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    for source, sink in ((hub, adapter), (adapter, hub)):
        thread = threading.Thread(target=pipe, args=(source, sink), name="aml-debug hub relay", daemon=True)
        thread.is_pydev_daemon_thread = True
        thread.pydev_do_not_trace = True
        thread.start()


def debug_through_hub(debugpy, options):
    """Connect mode. Dials the hub, then relays its connection to debugpy listening on loopback; the waiting rules
    hold as in listen mode. If the hub cannot be reached, one line says so and the script runs (or aborts).
    Returns the hub's token once connected, for this rank's line to the others; None when not connected."""
    # Not passed on to the script or anything it starts.
    token = os.environ.pop(HUB_TOKEN_ENV, "") or token_beside_shim()
    print(f"Timeout for debug connection: {options['wait_timeout']:g}", flush=True)
    started = time.monotonic()
    dial_seconds = options["wait_timeout"] if options["wait"] else HUB_DIAL_SECONDS
    try:
        hub = dial_hub(options["connect"], token, dial_seconds)
    except (OSError, ValueError) as e:
        reason = str(e) or type(e).__name__
        rule = "running without a debugger"
        if options["wait"] and options["on_timeout"] == "abort":
            rule = f"aborting (exit code {EXIT_NO_DEBUGGER})"
        print(f"aml_debug_shim: could not reach the debug hub at {options['connect']} ({reason}); {rule}.",
              file=sys.stderr, flush=True)
        if options["wait"] and options["on_timeout"] == "abort":
            sys.exit(EXIT_NO_DEBUGGER)
        return None
    host, port = debugpy.listen(("127.0.0.1", 0))
    hide_shim_frames_from_debugger()
    relay(hub, set_nodelay(socket.create_connection((host, port))))
    print(f"Connected to the debug hub at {options['connect']}", flush=True)
    if options["wait"]:
        left = options["wait_timeout"] - (time.monotonic() - started)
        attached = wait_for_debugger(debugpy, left) if left > 0 else debugpy.is_client_connected()
        print(f"Debugger attached = {attached}", flush=True)
        if not attached and options["on_timeout"] == "abort":
            print(f"No debugger attached within {options['wait_timeout']:g} s; aborting (exit code "
                  f"{EXIT_NO_DEBUGGER}).", file=sys.stderr, flush=True)
            sys.exit(EXIT_NO_DEBUGGER)
    return token


if __name__ == "__main__":
    main(sys.argv[1:])
