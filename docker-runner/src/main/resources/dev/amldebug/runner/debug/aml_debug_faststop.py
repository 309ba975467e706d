"""aml-debug: a paused thread takes a request at once, instead of at its next poll 10 ms later.

A thread paused by pydevd loops in PyDB._do_wait_suspend: it runs the commands queued for it
(`variables`, `next`, ...), then sleeps 10 ms (debugpy 1.6 to 1.8), and looks again. So `variables`
waited for that poll, and a step waited for one poll to take `next` and for a whole sleep more before
the loop saw that the thread may run.

install() patches pydevd right after it is imported (or at once if it already is), and the pydevd.py
that runs as __main__ in the Python processes the program starts:
- the sleep in that loop becomes a wait on an event of the paused thread, with the same timeout, so the
  loop still looks at least as often as before; it does not wait when the thread may already run;
- PyDB.post_internal_command sets the event of the thread that the command is for (every paused
  thread's for '*'), and _pydevd_bundle.pydevd_thread_lifecycle.internal_run_thread (continue) sets them all.
Any other sleep of pydevd's sleeps as before. Where these internals differ (another debugpy), it
leaves them alone and never raises.

The debug shim calls install() before it imports debugpy. startup/sitecustomize.py calls it in every
Python process that the debugged program starts.
"""
import sys
import threading
import time
import types

MARK = "aml_debug_faststop"


class Wakeups:
    """An event for each paused thread, by its pydevd command queue: set when it has something to do."""

    def __init__(self):
        self._lock = threading.Lock()
        self._events = {}

    def event(self, queue):
        with self._lock:
            return self._events.setdefault(queue, threading.Event())

    def wake(self, queue):
        event = self._events.get(queue)
        if event is not None:
            event.set()

    def wake_all(self):
        with self._lock:
            events = list(self._events.values())
        for event in events:
            event.set()


def _waiting_sleep(pydevd, wait_code, wakeups):
    real_sleep = time.sleep

    def sleep(seconds):
        if sys._getframe(1).f_code is not wait_code:
            return real_sleep(seconds)
        try:
            thread = threading.current_thread()
            py_db = pydevd.get_global_debugger()
            # Made (or found) before the state is read: a continue after the read sets it.
            event = wakeups.event(py_db.get_internal_queue(pydevd.get_current_thread_id(thread)))
            if thread.additional_info.pydev_state != pydevd.STATE_SUSPEND:
                return None
        except Exception:
            return real_sleep(seconds)
        event.wait(seconds)
        event.clear()
        return None

    return sleep


def _time_with(sleep):
    """The time module as pydevd.py sees it, but for its sleep."""
    module = types.ModuleType(time.__name__, time.__doc__)
    module.__dict__.update(time.__dict__)
    module.sleep = sleep
    setattr(module, MARK, True)
    return module


def _notifying_post(post, wakeups):
    def post_internal_command(self, int_cmd, thread_id):
        post(self, int_cmd, thread_id)
        try:
            if thread_id == "*":
                wakeups.wake_all()
            else:
                wakeups.wake(self.get_internal_queue(thread_id))
        except Exception:
            pass

    setattr(post_internal_command, MARK, True)
    post_internal_command.__doc__ = post.__doc__
    return post_internal_command


def _notifying_run(run_thread, wakeups):
    def internal_run_thread(*args, **kwargs):
        try:
            return run_thread(*args, **kwargs)
        finally:
            wakeups.wake_all()

    setattr(internal_run_thread, MARK, True)
    return internal_run_thread


def _internals(pydevd):
    """pydevd's parts that the patch replaces, or None where they are not as expected."""
    db = getattr(pydevd, "PyDB", None)
    code = getattr(getattr(db, "_do_wait_suspend", None), "__code__", None)
    lifecycle = sys.modules.get("_pydevd_bundle.pydevd_thread_lifecycle")
    parts = {
        "post": getattr(db, "post_internal_command", None),
        "run_thread": getattr(lifecycle, "internal_run_thread", None),
        "get_internal_queue": getattr(db, "get_internal_queue", None),
        "get_global_debugger": getattr(pydevd, "get_global_debugger", None),
        "get_current_thread_id": getattr(pydevd, "get_current_thread_id", None),
    }
    if (code is None or not {"time", "sleep"} <= set(code.co_names) or getattr(pydevd, "time", None) is not time
            or not hasattr(pydevd, "STATE_SUSPEND") or not all(callable(part) for part in parts.values())):
        return None
    return dict(parts, db=db, lifecycle=lifecycle, code=code)


def patch_pydevd(pydevd):
    """Patches the pydevd module given; True if it is patched (now or before)."""
    try:
        if getattr(getattr(pydevd, "time", None), MARK, False):
            return True
        parts = _internals(pydevd)
        if parts is None:
            return False
        wakeups = Wakeups()
        parts["db"].post_internal_command = _notifying_post(parts["post"], wakeups)
        parts["lifecycle"].internal_run_thread = _notifying_run(parts["run_thread"], wakeups)
        pydevd.time = _time_with(_waiting_sleep(pydevd, parts["code"], wakeups))
        _hide_from_pydevd()
        return True
    except Exception:
        return False


def _hide_from_pydevd():
    try:
        import aml_debug_nodelay

        aml_debug_nodelay.hide_from_pydevd(__file__)
    except Exception:
        pass


def _patch_main_pydevd(_command_line_handling):
    """A Python process that the program starts runs pydevd.py as __main__, whose main() imports this module first."""
    main = sys.modules.get("__main__")
    if main is not None and hasattr(main, "PyDB"):
        patch_pydevd(main)


PATCHES = {"pydevd": patch_pydevd, "_pydevd_bundle.pydevd_command_line_handling": _patch_main_pydevd}


def install():
    """Patches pydevd now if it is imported, or right after it is (through aml_debug_nodelay's import hook)."""
    try:
        import aml_debug_nodelay

        aml_debug_nodelay.after_import(PATCHES)
    except Exception:
        pass
