"""aml-debug: a debugger for a local run started without one, on request (aml-debug attach RUN).

dormant/sitecustomize.py calls start() in the first Python process of every local run not started for debugging;
AML_DEBUG_ATTACH_PORT names the container port that Docker publishes on 127.0.0.1. A thread waits in accept()
on that port: blocked in the kernel, without the GIL, so the script runs as fast as without it. When aml-debug
connects and sends "debugpy", the thread hands the port to debugpy.listen(), with the shim's patches first
(TCP_NODELAY, paused threads that answer at once, how arrays show), and answers "listening"; the debugger then
connects to the same port and finds the script where it is. A thread, not a signal handler: a handler runs only when
the main thread reaches its next bytecode, so a main thread in C code that lets go of the GIL (a long matrix product,
a blocking read) would keep the debugger waiting; this thread answers at once then. C code that holds the GIL delays
both alike. docs/protocol.md says why this way, and not debugpy --pid or sys.remote_exec.
"""
import _socket
import _thread
import os
import sys
# Imported here, on the main thread: threading takes the thread that first imports it for the main thread, and
# pydevd ends its session once threading's main thread has ended.
import threading

PORT_VARIABLE = "AML_DEBUG_ATTACH_PORT"
REQUEST = b"debugpy\n"
LISTENING = b"listening\n"
# aml-debug turns these into its sentences.
NO_DEBUGPY = b"no-debugpy\n"
FAILED = b"failed "
_HERE = os.path.dirname(os.path.abspath(__file__))
_READ_SECONDS = 10


def start():
    """Takes the port and waits on it in a thread; a process that finds the port taken does nothing."""
    port = int(os.environ.pop(PORT_VARIABLE))
    # _socket, not socket: the module and its imports would add milliseconds to every run's start.
    listener = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
    try:
        listener.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEADDR, 1)
        listener.bind(("0.0.0.0", port))
        listener.listen(1)
    except OSError:
        listener.close()
        return
    # A forked child (a DataLoader worker, say) must not hold the port that debugpy will need.
    os.register_at_fork(after_in_child=listener.close)
    # A bare thread, not threading's: threading.enumerate() and active_count() stay what the script expects, and
    # interpreter exit does not wait for it. Waited for until it runs: a thread still starting while a short script's
    # interpreter shuts down can crash the process (measured: 4 segfaults in 400 runs of `raise SystemExit(7)`).
    running = _thread.allocate_lock()
    running.acquire()
    _thread.start_new_thread(_serve, (listener, port, running))
    running.acquire()


def _serve(listener, port, running):
    try:
        _answer(listener, port, running)
    except Exception:
        # Nothing of this may show in the run's output; aml-debug says what failed when nobody answers.
        pass


def _answer(listener, port, running):
    running.release()
    while True:
        # Blocked in accept() without the GIL from here on; socket is imported only once someone connects.
        fd = listener._accept()[0]
        import socket
        connection = socket.socket(fileno=fd)
        if _request(connection) != REQUEST:
            connection.close()
            continue
        if not _has_debugpy():
            connection.sendall(NO_DEBUGPY)
            connection.close()
            continue
        listener.close()
        # debugpy starts in a thread of threading's, marked so that pydevd neither traces nor pauses it; this one ends
        # here, before pydevd looks at the process's threads.
        starter = threading.Thread(target=_listen_and_answer, args=(connection, port), name="aml-debug attach",
                                   daemon=True)
        starter.is_pydev_daemon_thread = True
        starter.start()
        return


def _listen_and_answer(connection, port):
    with connection:
        try:
            _listen(port)
        except Exception as error:
            connection.sendall(FAILED + str(error).replace("\n", " ").encode() + b"\n")
            return
        connection.sendall(LISTENING)


def _request(connection):
    connection.settimeout(_READ_SECONDS)
    received = b""
    try:
        while not received.endswith(b"\n") and len(received) < 64:
            chunk = connection.recv(64)
            if not chunk:
                break
            received += chunk
    except OSError:
        pass
    return received


def _has_debugpy():
    import importlib.util
    try:
        return importlib.util.find_spec("debugpy") is not None
    except (ImportError, ValueError):
        return False


def _listen(port):
    """What the debug shim does before the script, done now: its patches, then debugpy.listen()."""
    startup = os.path.join(_HERE, "startup")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    # debugpy's adapter and the processes the script starts from now on load startup/sitecustomize.py.
    inherited = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = startup + (os.pathsep + inherited if inherited else "")
    added = [entry for entry in (_HERE, startup) if entry not in sys.path]
    sys.path.extend(added)
    try:
        import aml_debug_nodelay
        import aml_debug_faststop
        aml_debug_nodelay.install()
        aml_debug_faststop.install()
        import debugpy
        debugpy.listen(("0.0.0.0", port))
    finally:
        for entry in added:
            sys.path.remove(entry)
