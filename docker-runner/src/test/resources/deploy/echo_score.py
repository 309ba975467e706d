"""Echoes its input; a few inputs ask for the other behaviours the scoring server must handle."""
import os
import time


def init():
    time.sleep(float(os.environ.get("FIXTURE_INIT_SECONDS", "0")))
    print("fixture init() ran", flush=True)


def run(data):
    if data == "boom":
        raise ValueError("bad input")
    if data == "sleep":
        time.sleep(1)
        return "slept"
    if data == "bytes":
        return b"\x00raw\xff"
    if data == "none":
        return None
    if data.startswith("text:"):
        return data[len("text:"):]
    return {"type": type(data).__name__, "data": data}
