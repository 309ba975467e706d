"""aml-debug's pause governor: while a debugger may hold a rank, no process-group clock of torch.distributed kills
the job.

install() waits for torch.distributed.distributed_c10d to be imported (aml_debug_nodelay.after_import) and wraps
init_process_group and new_group (new_subgroups and device meshes go through new_group): each process group is made
with the timeout HELD instead of the one the script asked for (or the backend's default), which is kept. It must be
at creation: gloo and NCCL give a collective its deadline when it starts, so a rank already waiting in an all_reduce
when another one stops at a breakpoint is saved only by a deadline given before. NCCL's heartbeat monitor
(TORCH_NCCL_HEARTBEAT_TIMEOUT_SEC) is stretched too, unless the environment sets it.

Where torch can change a group's timeout later (distributed_c10d._set_pg_timeout, torch 2.3 and later), update()
sets the script's timeouts back once no rank of the run is paused and this process has no line or function
breakpoint left (its collectives then run on the clocks the script asked for), and stretches them again when a
rank pauses or a breakpoint is set. Older torch (1.13 here) keeps them held for the run. docs/protocol.md, "The
pause governor", says which version gets which.
"""
import datetime
import functools
import inspect
import os
import threading
import weakref

MARK = "aml_debug_governor"
HELD = datetime.timedelta(days=7)
HEARTBEAT_ENV = "TORCH_NCCL_HEARTBEAT_TIMEOUT_SEC"
C10D = "torch.distributed.distributed_c10d"


def _spoken(timeout):
    """0:00:20 -> '20 s', 30 min, 7 days: as the status line says it."""
    seconds = int(timeout.total_seconds())
    if seconds % 86400 == 0:
        return f"{seconds // 86400} days"
    if seconds >= 120 and seconds % 60 == 0:
        return f"{seconds // 60} min"
    return f"{seconds} s"


class Governor:
    def __init__(self):
        self.lock = threading.Lock()
        self.groups = []  # (weak reference to the group, the timeout the script asked for, or None: the default)
        self.c10d = None
        self.stretched = True
        self.breakpoints = lambda: True

    # Called from the wrapped creators, on the script's thread.
    def created(self, group, asked):
        with self.lock:
            try:
                self.groups.append((weakref.ref(group), asked))
            except TypeError:
                self.groups.append((lambda g=group: g, asked))

    def settable(self):
        return self.c10d is not None and callable(getattr(self.c10d, "_set_pg_timeout", None))

    def update(self, any_paused):
        """A rank of the run paused or resumed, or a breakpoint came or went."""
        if not self.settable():
            return
        stretch = any_paused or self.breakpoints()
        with self.lock:
            if stretch == self.stretched:
                return
            self.stretched = stretch
            groups = [(ref(), asked) for ref, asked in self.groups]
        for group, asked in groups:
            if group is not None:
                try:
                    self.c10d._set_pg_timeout(HELD if stretch else (asked or self._default(group)), group)
                except Exception:
                    pass

    def _default(self, group):
        try:
            return self.c10d._get_default_timeout(self.c10d.get_backend(group))
        except Exception:
            return datetime.timedelta(minutes=30)

    def summary(self):
        """One phrase for the status line, or None when the script has made no process group."""
        with self.lock:
            asked = [a for _, a in self.groups]
            stretched = self.stretched
        if not asked:
            return None
        wanted = sorted({_spoken(a) for a in asked if a is not None}) or ["the default"]
        script = "the script asked " + ", ".join(wanted)
        if stretched:
            return f"process-group timeouts stretched (held {_spoken(HELD)}; {script})"
        return f"process-group timeouts as the script asked ({', '.join(wanted)}); stretched again at a pause"


def _held(create, governor):
    """create(...) with timeout=HELD, the asked timeout kept for the group it returns."""
    try:
        signature = inspect.signature(create)
    except (TypeError, ValueError):
        return create
    if "timeout" not in signature.parameters:
        return create

    @functools.wraps(create)
    def wrapper(*args, **kwargs):
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError:
            return create(*args, **kwargs)
        asked = bound.arguments.get("timeout")
        bound.arguments["timeout"] = HELD
        os.environ.setdefault(HEARTBEAT_ENV, str(int(HELD.total_seconds())))
        group = create(*bound.args, **bound.kwargs)
        if group is None and create.__name__ == "init_process_group":
            group = getattr(governor.c10d, "_get_default_group", lambda: None)()
        if group is not None:
            governor.created(group, asked)
        return group if create.__name__ != "init_process_group" else None

    setattr(wrapper, MARK, True)
    return wrapper


_governor = None


def _patch_c10d(c10d):
    if getattr(getattr(c10d, "init_process_group", None), MARK, False):
        return
    _governor.c10d = c10d
    for name in ("init_process_group", "new_group"):
        create = getattr(c10d, name, None)
        if callable(create):
            setattr(c10d, name, _held(create, _governor))


def install(breakpoints=None):
    """The governor of this process, hooked on torch.distributed's import (now if it is imported). Never raises."""
    global _governor
    if _governor is None:
        _governor = Governor()
        if breakpoints is not None:
            _governor.breakpoints = breakpoints
        try:
            import aml_debug_nodelay

            aml_debug_nodelay.after_import({C10D: _patch_c10d})
        except Exception:
            pass
    return _governor
