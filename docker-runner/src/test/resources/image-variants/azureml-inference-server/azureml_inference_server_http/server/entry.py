"""Fixture: the WSGI app, loading the entry script and calling init() once, as the real server's does."""
import importlib.util
import json
import os

from flask import Flask, request

spec = importlib.util.spec_from_file_location("entry_module", os.environ["AZUREML_ENTRY_SCRIPT"])
entry = importlib.util.module_from_spec(spec)
spec.loader.exec_module(entry)
entry.init()
app = Flask(__name__)


@app.route("/", methods=["GET"])
def alive():
    return "Healthy"


@app.route("/score", methods=["POST"])
def score():
    return app.response_class(json.dumps(entry.run(request.get_data(as_text=True))), mimetype="application/json")
