"""aml-debug: sets TCP_NODELAY on the connection of pydevd (the debugger inside debugpy) to debugpy's adapter.

pydevd sends each message as a header and then a body. Without TCP_NODELAY, Nagle's algorithm
holds the body back until the adapter's delayed ACK arrives (about 40 ms on Linux), so each
request to a paused program took about 45 ms. pydevd creates that socket in
_pydevd_bundle.pydevd_comm.start_client, and pydevd.py copies the function by name when it is
imported. So install() wraps it right after pydevd_comm is imported, before anyone copies it.
It works with every pydevd that has start_client. Where pydevd's internals differ, it does
nothing and never raises. Setting the option twice does no harm, so a pydevd that already sets
it is not affected.

The debug shim calls install() before it imports debugpy. startup/sitecustomize.py calls it in
every Python process that the debugged program starts.
"""
import socket
import sys

PYDEVD_COMM = "_pydevd_bundle.pydevd_comm"


def set_nodelay(sock):
    """TCP_NODELAY on sock if it is a TCP socket; anything else is left as it is."""
    try:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except (AttributeError, OSError, ValueError):
        pass
    return sock


def _with_nodelay(start_client):
    if getattr(start_client, "aml_debug_nodelay", False):
        return start_client

    def start_client_nodelay(*args, **kwargs):
        return set_nodelay(start_client(*args, **kwargs))

    start_client_nodelay.aml_debug_nodelay = True
    start_client_nodelay.__name__ = getattr(start_client, "__name__", "start_client")
    start_client_nodelay.__doc__ = getattr(start_client, "__doc__", None)
    return start_client_nodelay


def patch(comm):
    """Wraps comm.start_client, and the copy pydevd took of it if pydevd is already imported."""
    original = getattr(comm, "start_client", None)
    if not callable(original):
        return False
    wrapped = _with_nodelay(original)
    comm.start_client = wrapped
    for name in ("pydevd", "__main__"):
        module = sys.modules.get(name)
        if module is not None and getattr(module, "start_client", None) is original:
            module.start_client = wrapped
    return True


class _PatchAfterExec:
    """The loader of pydevd_comm, patching the module once it has run."""

    def __init__(self, loader, finder):
        self._loader = loader
        self._finder = finder

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        # The module keeps its own loader, as if nothing had come between.
        module.__loader__ = self._loader
        if getattr(module, "__spec__", None) is not None:
            module.__spec__.loader = self._loader
        try:
            patch(module)
        finally:
            self._finder.remove()

    def __getattr__(self, name):
        return getattr(self._loader, name)


class _Finder:
    """On sys.meta_path until pydevd_comm is imported; it answers for no other module."""

    aml_debug_nodelay = True

    def find_spec(self, name, path=None, target=None):
        if name != PYDEVD_COMM:
            return None
        try:
            spec = self._spec_from_others(name, path, target)
            if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
                spec.loader = _PatchAfterExec(spec.loader, self)
            return spec
        except Exception:
            return None

    def _spec_from_others(self, name, path, target):
        for finder in list(sys.meta_path):
            if getattr(finder, "aml_debug_nodelay", False):
                continue
            find_spec = getattr(finder, "find_spec", None)
            spec = find_spec(name, path, target) if find_spec is not None else None
            if spec is not None:
                return spec
        return None

    def remove(self):
        try:
            sys.meta_path.remove(self)
        except ValueError:
            pass

    def invalidate_caches(self):
        pass


def install():
    """Patches pydevd_comm now if it is imported, or right after it is."""
    try:
        comm = sys.modules.get(PYDEVD_COMM)
        if comm is not None:
            patch(comm)
        elif not any(getattr(finder, "aml_debug_nodelay", False) for finder in sys.meta_path):
            sys.meta_path.insert(0, _Finder())
    except Exception:
        pass
