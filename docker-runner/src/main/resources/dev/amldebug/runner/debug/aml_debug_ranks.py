"""aml-debug: the ranks of a run stop together and go on together (stop-the-world), and say how long they wait.

watch_pauses() hooks pydevd where it tells the client that this process paused or resumed (the single notification
that debugpy turns on: ThreadsSuspendedSingleNotification.send_suspend_notification and send_resume_notification)
and calls the listeners given: under the debug hub, the ranks' line, whose statuses also carry what the pause
governor (aml_debug_governor.py) holds.

join() opens the ranks' line: a second connection to the hub whose hello says "role": "peers". JSON lines go both
ways (docs/protocol.md, "The ranks' line"):
  to the hub:   {"event": "status", "rank": 1, "state": "paused"|"running", "cause": "own"|"world"|"continue"|"step",
                 "reason": "breakpoint", "since": 1733500000.5, "waiting": "train.py:70 in main", "governor": "..."}
  from the hub: {"event": "config", "stopAll": true}, and every other rank's status line.
With stopAll, a rank that hears another one stop by itself ("cause": "own") pauses every thread of its own, as the
client's pause button does, so its client is told and shows where it is; a rank that hears another one continue
("cause": "continue", not a step) resumes, which also cancels a pause that has not taken effect yet. A thread
waiting in native code (a collective) can only pause when that returns: its status says where it waits.
Each change is also sent to this rank's own client as the DAP event "amlDebugRanks" (the editor's status bar).
Where pydevd's internals differ (another debugpy), nothing is hooked and nothing raises.
"""
import json
import os
import socket
import sys
import threading
import time

MARK = "aml_debug_ranks"
EVENT = "amlDebugRanks"
WAITING_CHECK_SECONDS = 0.3


def _constants():
    try:
        from _pydevd_bundle import pydevd_comm_constants as c
    except ImportError:
        return None
    steps = {getattr(c, name, None) for name in ("CMD_STEP_INTO", "CMD_STEP_OVER", "CMD_STEP_RETURN",
                                                  "CMD_STEP_INTO_MY_CODE", "CMD_STEP_OVER_MY_CODE",
                                                  "CMD_STEP_RETURN_MY_CODE", "CMD_SMART_STEP_INTO",
                                                  "CMD_STEP_INTO_COROUTINE")} - {None}
    return {"steps": steps, "suspend": c.CMD_THREAD_SUSPEND, "breakpoint": c.CMD_SET_BREAK,
            "console": getattr(c, "CMD_WRITE_TO_CONSOLE", 116)}


class Pauses:
    """This process's pauses as pydevd tells its client of them, handed to listeners off pydevd's threads."""

    def __init__(self, notification_class, constants):
        self.constants = constants
        self.listeners = []
        self.paused = False
        self.since = time.time()
        self.reason = None
        self._patch(notification_class)

    def _patch(self, cls):
        suspend, resume, pauses = cls.send_suspend_notification, cls.send_resume_notification, self

        def send_suspend_notification(notification, thread_id, thread, stop_reason):
            suspend(notification, thread_id, thread, stop_reason)
            pauses._changed(True, stop_reason, None)

        def send_resume_notification(notification, thread_id):
            step = getattr(getattr(_thread_by_id(thread_id), "additional_info", None), "pydev_step_cmd", -1)
            resume(notification, thread_id)
            pauses._changed(False, None, step)

        for wrapper in (send_suspend_notification, send_resume_notification):
            setattr(wrapper, MARK, True)
        cls.send_suspend_notification = send_suspend_notification
        cls.send_resume_notification = send_resume_notification

    def _changed(self, paused, stop_reason, step):
        self.paused, self.since, self.reason = paused, time.time(), self.reason_of(stop_reason) if paused else None
        for listener in list(self.listeners):
            try:
                listener(paused, stop_reason, step in self.constants["steps"])
            except Exception:
                pass

    def reason_of(self, stop_reason):
        if stop_reason == self.constants["breakpoint"]:
            return "breakpoint"
        if stop_reason in self.constants["steps"]:
            return "step"
        return "pause" if stop_reason == self.constants["suspend"] else "exception"


def _thread_by_id(thread_id):
    try:
        from _pydevd_bundle.pydevd_constants import get_current_thread_id

        return next((t for t in threading.enumerate() if get_current_thread_id(t) == thread_id), None)
    except Exception:
        return None


_pauses = None


def watch_pauses():
    """The Pauses of this process, hooked once; None where pydevd is not as expected."""
    global _pauses
    if _pauses is not None:
        return _pauses
    try:
        # Never imported from here: a pydevd imported before debugpy imports its own is "an incompatible copy".
        pydevd = sys.modules.get("pydevd")
        cls = getattr(pydevd, "ThreadsSuspendedSingleNotification", None)
        if cls is None or getattr(cls.send_suspend_notification, MARK, False):
            return None
        constants = _constants()
        if constants is None:
            return None
        _pauses = Pauses(cls, constants)
    except Exception:
        return None
    return _pauses


def send_to_client(body):
    """The DAP event amlDebugRanks to this process's client, through pydevd's writer (debugpy passes it on)."""
    try:
        import pydevd
        from _pydevd_bundle.pydevd_net_command import NetCommand

        py_db = pydevd.get_global_debugger()
        if py_db is not None and getattr(py_db, "writer", None) is not None:
            event = {"type": "event", "event": EVENT, "body": body}
            py_db.writer.add_command(NetCommand(_pauses.constants["console"], 0, event, is_json=True))
    except Exception:
        pass


def where_main_waits():
    """`train.py:70 in main` for the main thread's innermost frame of the program's own (not a library's)."""
    try:
        frame = sys._current_frames().get(threading.main_thread().ident)
        while frame is not None:
            name = frame.f_code.co_filename
            if "-packages" not in name and not name.startswith(sys.base_prefix) and "aml_debug" not in name:
                return f"{os.path.basename(name)}:{frame.f_lineno} in {frame.f_code.co_name}"
            frame = frame.f_back
    except Exception:
        pass
    return None


class Ranks:
    """This rank's line to the others through the hub."""

    def __init__(self, sock, rank, pauses, governor, debugger):
        self.sock = sock
        self.rank = rank
        self.pauses = pauses
        self.governor = governor
        self.debugger = debugger
        self.lock = threading.Lock()
        self.stop_all = True
        self.others = {}
        self.world_pause = False
        self.resuming_for_world = False
        self.waiting = None

    def start(self):
        self.pauses.listeners.append(self.on_own_change)
        _daemon(self.listen, "aml-debug ranks' line")
        self.tell("running", "own")

    # This process paused or resumed (a pydevd thread: never block here).
    def on_own_change(self, paused, stop_reason, step):
        with self.lock:
            if paused:
                _resumed_by_world.clear()
                cause = "world" if self.world_pause and stop_reason == self.pauses.constants["suspend"] else "own"
            else:
                cause = "world" if self.resuming_for_world else ("step" if step else "continue")
                self.world_pause = self.resuming_for_world = False
            self.waiting = None
        self.tell("paused" if paused else "running", cause)

    def listen(self):
        buffered = self.sock.makefile("r", encoding="utf-8")
        try:
            for line in buffered:
                try:
                    self.heard(json.loads(line))
                except (ValueError, AttributeError, TypeError):
                    pass
        except OSError:
            pass

    def heard(self, message):
        if message.get("event") == "config":
            self.stop_all = bool(message.get("stopAll"))
            return
        if message.get("event") != "status" or message.get("rank") == self.rank:
            return
        self.others[message.get("rank")] = message
        if self.stop_all and message.get("state") == "paused" and message.get("cause") == "own":
            self.pause_for_world()
        elif self.stop_all and message.get("state") == "running" and message.get("cause") == "continue":
            self.continue_with_world()
        send_to_client(self.snapshot())

    def pause_for_world(self):
        with self.lock:
            if self.pauses.paused or self.world_pause or not self.debugger.is_client_connected():
                return
            self.world_pause = True
        import pydevd
        from _pydevd_bundle.pydevd_api import PyDevdAPI

        # What the client's pause button asks: every thread, and a stopped event once one has paused.
        PyDevdAPI().request_suspend_thread(pydevd.get_global_debugger(), "*")
        # A main thread in native code (a collective) pauses only when it returns: say where it waits.
        _daemon(self.tell_if_waiting, "aml-debug ranks' check")

    def tell_if_waiting(self):
        time.sleep(WAITING_CHECK_SECONDS)
        with self.lock:
            if not self.world_pause or self.pauses.paused:
                return
            self.waiting = where_main_waits()
        self.tell("running", "world")

    def continue_with_world(self):
        with self.lock:
            if not (self.pauses.paused or self.world_pause):
                return
            self.resuming_for_world = self.pauses.paused
            self.world_pause = False
            self.waiting = None
            _resumed_by_world.set()
        from _pydevd_bundle.pydevd_api import PyDevdAPI

        PyDevdAPI().request_resume_thread("*")

    def status(self, state, cause):
        status = {"event": "status", "rank": self.rank, "pid": os.getpid(), "state": state, "cause": cause,
                  "since": self.pauses.since}
        if state == "paused":
            status["reason"] = self.pauses.reason
        if self.waiting:
            status["waiting"] = self.waiting
        summary = self.governor.summary() if self.governor is not None else None
        if summary:
            status["governor"] = summary
        return status

    def tell(self, state, cause):
        status = self.status(state, cause)
        try:
            with self.lock:
                self.sock.sendall((json.dumps(status) + "\n").encode("utf-8"))
        except OSError:
            pass
        send_to_client(self.snapshot(status))

    def snapshot(self, own=None):
        own = own or self.status("paused" if self.pauses.paused else "running", "own")
        ranks = sorted([own] + list(self.others.values()), key=lambda s: (s.get("rank") is None, s.get("rank") or 0))
        return {"stopAll": self.stop_all, "ranks": ranks, "now": time.time()}


# Set while this rank runs because the world went on (not by its own client's continue): until it pauses again.
_resumed_by_world = threading.Event()


def answer_continue_while_running():
    """A continue sent to a rank that stop-the-world has already resumed is answered at once. debugpy answers a
    continue only when a paused thread resumes, so one sent to a process that runs (a client continuing each rank in
    turn, or clicking just as the world goes on) would wait for the next pause. Any other continue is debugpy's own.
    Where pydevd differs, nothing."""
    try:
        from _pydevd_bundle import pydevd_process_net_command_json as commands
        from _pydevd_bundle._debug_adapter import pydevd_base_schema
        from _pydevd_bundle.pydevd_comm_constants import CMD_RETURN
        from _pydevd_bundle.pydevd_net_command import NetCommand

        processor = commands.PyDevJsonCommandProcessor
        original = processor.on_continue_request
        if getattr(original, MARK, False):
            return

        def on_continue_request(self, py_db, request):
            notification = getattr(py_db, "_threads_suspended_single_notification", None)
            suspended = getattr(notification, "_suspended_thread_id_to_thread", None)
            if suspended is None or suspended or not _resumed_by_world.is_set():
                return original(self, py_db, request)
            self.api.request_resume_thread(request.arguments.threadId)  # cancels a pause not taken yet
            response = pydevd_base_schema.build_response(request, kwargs={"body": {"allThreadsContinued": True}})
            return NetCommand(CMD_RETURN, 0, response, is_json=True)

        setattr(on_continue_request, MARK, True)
        processor.on_continue_request = on_continue_request
    except Exception:
        pass


def _daemon(target, name):
    thread = threading.Thread(target=target, name=name, daemon=True)
    # pydevd's own: a pause of every thread must not pause the line that pauses and resumes them.
    thread.is_pydev_daemon_thread = True
    thread.pydev_do_not_trace = True
    thread.start()
    return thread


def join(sock, rank, governor, debugger):
    """Starts this rank's line to the others on a welcomed connection (the shim dials it); None if pydevd's
    internals are not as expected."""
    pauses = watch_pauses()
    if pauses is None:
        sock.close()
        return None
    answer_continue_while_running()
    ranks = Ranks(sock, rank, pauses, governor, debugger)
    ranks.start()
    return ranks
