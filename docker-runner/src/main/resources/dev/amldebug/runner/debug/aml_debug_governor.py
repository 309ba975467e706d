"""aml-debug's pause governor: while a debugger may hold a rank, no process-group clock of torch.distributed kills
the job.

install() waits for torch.distributed.distributed_c10d to be imported (aml_debug_nodelay.after_import) and wraps
init_process_group and new_group (new_subgroups and device meshes go through new_group): each process group is made
with the timeout HELD instead of the one the script asked for (or the backend's default), which is kept. It must be
at creation: gloo and NCCL give a collective its deadline when it starts, so a rank already waiting in an all_reduce
when another one stops at a breakpoint is saved only by a deadline given before. NCCL's heartbeat monitor
(TORCH_NCCL_HEARTBEAT_TIMEOUT_SEC) is stretched too, unless the environment sets it.

The clocks stay held for the whole debugged run, on every torch version, because nothing later can shorten them
safely: a collective already waiting keeps the deadline it started with, and torch 2.6's
distributed_c10d._set_pg_timeout does not change the deadline gloo gives a new collective either (both measured;
docs/protocol.md, "The pause governor"). A hang in a debugged run therefore waits HELD instead of the script's timeout.
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

    # Called from the wrapped creators, on the script's thread.
    def created(self, group, asked):
        with self.lock:
            try:
                self.groups.append((weakref.ref(group), asked))
            except TypeError:
                self.groups.append((lambda g=group: g, asked))

    def summary(self):
        """One phrase for the status line, or None when the script has made no process group."""
        with self.lock:
            asked = [a for _, a in self.groups]
        if not asked:
            return None
        wanted = sorted({_spoken(a) for a in asked if a is not None}) or ["the default"]
        return f"process-group timeouts stretched (held {_spoken(HELD)}; the script asked {', '.join(wanted)})"


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


def install():
    """The governor of this process, hooked on torch.distributed's import (now if it is imported). Never raises."""
    global _governor
    if _governor is None:
        _governor = Governor()
        try:
            import aml_debug_nodelay

            aml_debug_nodelay.after_import({C10D: _patch_c10d})
        except Exception:
            pass
    return _governor
