"""aml-debug: in every local run not started for debugging, this folder is first on PYTHONPATH.

In the run's first Python process (AML_DEBUG_ATTACH_PORT set) it starts ../aml_debug_dormant.py, which waits for a
debugger request without slowing the script down. Then it takes this folder off sys.path and runs the sitecustomize
that it hid (an image's own, or Debian's), so the process goes on as if this folder were not there.
"""
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))


def _start_dormant():
    if not os.environ.get("AML_DEBUG_ATTACH_PORT"):
        return
    path = os.path.join(os.path.dirname(_HERE), "aml_debug_dormant.py")
    try:
        # Not through importlib.util, whose imports would add milliseconds to every run's start.
        with open(path, "rb") as source:
            code = compile(source.read(), path, "exec")
        namespace = {"__name__": "aml_debug_dormant", "__file__": path}
        exec(code, namespace)
        namespace["start"]()
    except Exception:
        # Without the hook the run runs as before; only a later attach says that it cannot.
        pass


def _run_hidden_sitecustomize():
    sys.path[:] = [entry for entry in sys.path if os.path.abspath(entry or os.curdir) != _HERE]
    this = sys.modules.pop("sitecustomize")
    try:
        import sitecustomize  # noqa: F401 (the one this folder hid; it becomes the sitecustomize module)
    except ModuleNotFoundError as error:
        sys.modules["sitecustomize"] = this
        if error.name != "sitecustomize":
            raise


_start_dormant()
_run_hidden_sitecustomize()
