"""aml-debug: TCP_NODELAY on the debugger's connections, in whatever process this runs in.

debugpy's messages cross two hops: pydevd (the debugger inside the debugged process) to
debugpy's adapter process, and the adapter to the client. Neither side sets TCP_NODELAY in
debugpy 1.6. Nagle's algorithm then holds back a small write while an earlier one waits for
its ACK, and the peer delays that ACK by up to 40 ms (Linux). pydevd writes each message as a
header and then a body. The adapter writes a response and then events in a burst (the reply to
"next", then "continued" and "stopped"). So each request to a paused program took about 45 ms,
and each step about 40 ms more.

install() patches, right after each is imported (or at once if it already is):
- _pydevd_bundle.pydevd_comm.start_client, which makes pydevd's socket to the adapter. pydevd.py
  copies the function by name when it is imported, so the patch must come first.
- debugpy.common.sockets.create_server and create_client, which make the adapter's sockets.
  Accepted connections inherit the option from their listening socket.
Where these internals differ (another debugpy), it leaves them alone and never raises. Setting
the option twice does no harm, so a debugpy that already sets it is not affected.

The debug shim calls install() before it imports debugpy. startup/sitecustomize.py calls it in
the adapter process and in every Python process that the debugged program starts.
after_import() is the hook that install() uses; aml_debug_faststop.py uses it too.
"""
import os
import socket
import sys

MARK = "aml_debug_nodelay"


def set_nodelay(sock):
    """TCP_NODELAY on sock if it is a TCP socket; anything else is left as it is."""
    try:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except (AttributeError, OSError, ValueError):
        pass
    return sock


def _with_nodelay(make_socket):
    if getattr(make_socket, MARK, False):
        return make_socket

    def make_socket_nodelay(*args, **kwargs):
        return set_nodelay(make_socket(*args, **kwargs))

    setattr(make_socket_nodelay, MARK, True)
    make_socket_nodelay.__name__ = getattr(make_socket, "__name__", "make_socket")
    make_socket_nodelay.__doc__ = getattr(make_socket, "__doc__", None)
    return make_socket_nodelay


def _wrap(module, name):
    original = getattr(module, name, None)
    if not callable(original):
        return None
    setattr(module, name, _with_nodelay(original))
    return original


def _patch_pydevd_comm(comm):
    original = _wrap(comm, "start_client")
    # The copy that pydevd took, if pydevd was imported first (as a module, or run as the main script).
    for name in ("pydevd", "__main__"):
        module = sys.modules.get(name)
        if original is not None and module is not None and getattr(module, "start_client", None) is original:
            module.start_client = comm.start_client
    hide_from_pydevd(__file__)


def hide_from_pydevd(path):
    """pydevd does not stop in the file at path: this file's finder sees every import, and stepping into one
    should not land here."""
    try:
        from _pydevd_bundle import pydevd_dont_trace_files as dont_trace

        dont_trace.DONT_TRACE[os.path.basename(path)] = dont_trace.PYDEV_FILE
    except Exception:
        pass


def _patch_debugpy_sockets(sockets):
    _wrap(sockets, "create_server")
    _wrap(sockets, "create_client")


PATCHES = {
    "_pydevd_bundle.pydevd_comm": _patch_pydevd_comm,
    "debugpy.common.sockets": _patch_debugpy_sockets,
}


def _patch(patches, name, module):
    try:
        patches[name](module)
    except Exception:
        pass


class _PatchAfterExec:
    """The loader of a module to patch: runs the module, then patches it."""

    def __init__(self, loader, finder, name):
        self._loader = loader
        self._finder = finder
        self._name = name

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        # The module keeps its own loader, as if nothing had come between.
        module.__loader__ = self._loader
        if getattr(module, "__spec__", None) is not None:
            module.__spec__.loader = self._loader
        _patch(self._finder.patches, self._name, module)
        self._finder.done(self._name)

    def __getattr__(self, name):
        return getattr(self._loader, name)


class _Finder:
    """On sys.meta_path until the modules to patch are imported; it answers for no other module."""

    aml_debug_nodelay = True

    def __init__(self, patches, pending):
        self.patches = patches
        self.pending = set(pending)

    def find_spec(self, name, path=None, target=None):
        if name not in self.pending:
            return None
        try:
            spec = self._spec_from_others(name, path, target)
            if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
                spec.loader = _PatchAfterExec(spec.loader, self, name)
            return spec
        except Exception:
            return None

    def _spec_from_others(self, name, path, target):
        for finder in list(sys.meta_path):
            if getattr(finder, MARK, False):
                continue
            find_spec = getattr(finder, "find_spec", None)
            spec = find_spec(name, path, target) if find_spec is not None else None
            if spec is not None:
                return spec
        return None

    def done(self, name):
        self.pending.discard(name)
        if not self.pending:
            try:
                sys.meta_path.remove(self)
            except ValueError:
                pass

    def invalidate_caches(self):
        pass


def install():
    """Patches the modules now if they are imported, or right after they are."""
    after_import(PATCHES)


def after_import(patches):
    """Calls patches[name](module) for each module name in patches: now if it is imported, or right after it is.
    Once per dict of patches; never raises."""
    try:
        if any(getattr(finder, MARK, False) and finder.patches is patches for finder in sys.meta_path):
            return
        pending = []
        for name in patches:
            module = sys.modules.get(name)
            if module is None:
                pending.append(name)
            else:
                _patch(patches, name, module)
        if pending:
            sys.meta_path.insert(0, _Finder(patches, pending))
    except Exception:
        pass
