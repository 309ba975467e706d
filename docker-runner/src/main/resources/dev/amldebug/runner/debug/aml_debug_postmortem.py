"""aml-debug post-mortem: an exception the program does not handle holds the process for a debugger.

The shim, run with --post-mortem, calls enable() before it runs the program, and inspect() with an exception the
program did not handle; the scoring server calls inspect() when init() raises. inspect() prints, on stderr:
    AML_DEBUG_POST_MORTEM {"exception": "ZeroDivisionError: division by zero", "type": "ZeroDivisionError",
                           "timeout": 600, "pid": 42}
    Waiting for a debugger to inspect ZeroDivisionError: division by zero (post-mortem, 600 s)
(the first on one line; "rank" and "node" added in a distributed job's processes), waits up to the timeout for a
debugger, and stops it where the exception was raised, with every frame of the traceback and their locals: pydevd's
own stop for an unhandled exception. It returns once the debugger continues or goes, or the time is up; the caller
then ends the process as it would have ended without a debugger (traceback, exit code).

SystemExit and KeyboardInterrupt are not failures to inspect: the program chose to exit, or the user stopped it.
"""
import json
import os
import sys
import threading

PREFIX = "AML_DEBUG_POST_MORTEM "
MAX_MESSAGE = 300
_waiting = {}


def enable(timeout, wait_for_debugger):
    """From now on, inspect() waits up to timeout seconds, with wait_for_debugger(timeout) -> whether one attached."""
    _waiting["timeout"] = timeout
    _waiting["wait"] = wait_for_debugger


def describe(error):
    """The exception as a traceback's last line names it: "ZeroDivisionError: division by zero"."""
    kind = type(error)
    name = kind.__qualname__ if kind.__module__ in ("__main__", "builtins") else kind.__module__ + "." + kind.__qualname__
    try:
        lines = str(error).strip().splitlines()
    except Exception:  # noqa: BLE001 - a broken __str__ must not break the post-mortem; Python says the same
        lines = ["<exception str() failed>"]
    text = name + (": " + lines[0] if lines else "")
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE - 3] + "..."


def inspect(error):
    """Holds the process for a debugger when post-mortem is on and error is a failure; once per process.

    Returns whether a debugger looked at it.
    """
    if not _waiting or isinstance(error, (SystemExit, KeyboardInterrupt)) or error.__traceback__ is None:
        return False
    timeout, wait = _waiting.pop("timeout"), _waiting.pop("wait")
    text = describe(error)
    seconds = int(timeout) if float(timeout).is_integer() else timeout
    line = {"exception": text, "type": type(error).__name__, "timeout": seconds, "pid": os.getpid()}
    if "RANK" in os.environ:
        line.update(rank=number(os.environ["RANK"]), node=number(os.environ.get("NODE_RANK", "0")))
    # What the program printed comes first in the log, then why it waits.
    sys.stdout.flush()
    print(PREFIX + json.dumps(line), file=sys.stderr, flush=True)
    print(f"Waiting for a debugger to inspect {text} (post-mortem, {timeout:g} s)", file=sys.stderr, flush=True)
    if not wait(timeout):
        print(f"No debugger attached within {timeout:g} s (post-mortem); exiting.", file=sys.stderr, flush=True)
        return False
    return stop_at(error)


def number(text):
    """A rank variable as the shim's endpoint line gives it: a number, or the text when it is none."""
    try:
        return int(text)
    except ValueError:
        return text


def stop_at(error):
    """pydevd's stop for an unhandled exception (pydevd_breakpoints.stop_on_unhandled_exception), without asking
    whether the client set an exception breakpoint for it: the user asked for this stop by asking for post-mortem.
    """
    try:
        import pydevd
        from _pydevd_bundle.pydevd_additional_thread_info import set_additional_thread_info
    except ImportError:
        return False
    py_db = pydevd.get_global_debugger()
    if py_db is None:
        return False
    thread = threading.current_thread()
    info = set_additional_thread_info(thread)
    # pydevd stops on its own at an exception that leaves the program's top frame, if the client asked for
    # uncaught exceptions; this exception leaves it next, and one stop for it is enough.
    info.suspended_at_unhandled = True
    frames = traceback_frames(error.__traceback__)
    info.pydev_message = describe(error)
    py_db.do_stop_on_unhandled_exception(thread, raising_frame(py_db, frames), {id(f): f for f in frames},
                                         (type(error), error, error.__traceback__))
    return True


def traceback_frames(tb):
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    return frames


def raising_frame(py_db, frames):
    """The frame that raised, or with justMyCode the last of the user's own frames (as pydevd picks it)."""
    own = [f for f in frames if py_db.get_file_type(f) is None] or frames
    if py_db.get_use_libraries_filter():
        users = [f for f in own if py_db.in_project_scope(f)]
        if users:
            return users[-1]
    return own[-1]
