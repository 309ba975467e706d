"""Scores digit images with the model the training example writes (examples/digits: outputs/model.pkl).

Azure ML's contract: init() once, when the server starts; run(raw_data) for each request,
with the request body as a str. AZUREML_MODEL_DIR is the folder the model is mounted in.
"""
import json
import os
import pickle

model = None
scaler = None


def init():
    global model, scaler
    path = os.path.join(os.environ["AZUREML_MODEL_DIR"], "model.pkl")
    with open(path, "rb") as f:
        saved = pickle.load(f)
    model, scaler = saved["model"], saved["scaler"]
    print(f"loaded the digits model from {path}")


def run(raw_data):
    images = json.loads(raw_data)["data"]
    predictions = model.predict(scaler.transform(images))
    return {"predictions": [int(p) for p in predictions]}
