"""Fixture: the entry point of azmlinfsrv, with the real one's arguments and its hand-over to amlserver_linux."""
import argparse
import os
import sys

from . import __version__


def run():
    parser = argparse.ArgumentParser()
    parser.add_argument("--entry_script")
    parser.add_argument("--model_dir")
    parser.add_argument("--port", type=int, default=5001)
    parser.add_argument("--worker_count", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("AML_APP_ROOT", os.getcwd())
    os.environ["AZUREML_ENTRY_SCRIPT"] = os.path.realpath(args.entry_script)
    if args.model_dir:
        os.environ["AZUREML_MODEL_DIR"] = args.model_dir
    sys.path.append(os.environ["AML_APP_ROOT"])
    print("Azure ML Inferencing HTTP server v" + __version__, flush=True)
    from . import amlserver_linux as srv
    srv.run("0.0.0.0", args.port, args.worker_count)
