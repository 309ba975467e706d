"""aml-debug: for debug runs only. The debug shim puts this folder first on PYTHONPATH.

Every Python process started under the shim runs this file at start-up: debugpy's adapter, and
every Python process the debugged program starts. debugpy debugs those processes too, but it
starts them through pydevd, so the shim itself does not run in them. This file sets TCP_NODELAY
on the debugger's connections there too (see ../aml_debug_nodelay.py), and makes paused threads
answer at once (../aml_debug_faststop.py). Then it runs the
sitecustomize module that it hides further on sys.path (an image's own, or Debian's), so that
module still runs, as it would without the debugger.
"""
import importlib.machinery
import importlib.util
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))


def _install(name):
    """Runs install() of the shim's module name, loaded from its file: the shim's folder is not on sys.path."""
    try:
        module = sys.modules.get(name)
        if module is None:
            path = os.path.join(os.path.dirname(_HERE), name + ".py")
            spec = importlib.util.spec_from_file_location(name, path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            sys.modules[name] = module
        module.install()
    except Exception:
        pass


def _hidden_sitecustomize():
    """The sitecustomize that `import sitecustomize` would have found without this folder."""
    def same(entry):
        try:
            return os.path.normcase(os.path.abspath(entry or os.curdir)) == os.path.normcase(_HERE)
        except (TypeError, ValueError):
            return False

    positions = [i for i, entry in enumerate(sys.path) if same(entry)]
    rest = sys.path[positions[-1] + 1:] if positions else sys.path
    return importlib.machinery.PathFinder.find_spec("sitecustomize", [e for e in rest if not same(e)])


def _run_hidden_sitecustomize():
    spec = _hidden_sitecustomize()
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    # It becomes the sitecustomize module, as if it had been found first.
    sys.modules["sitecustomize"] = module
    spec.loader.exec_module(module)


_install("aml_debug_nodelay")
# After aml_debug_nodelay, whose import hook it uses.
_install("aml_debug_faststop")
_run_hidden_sitecustomize()
