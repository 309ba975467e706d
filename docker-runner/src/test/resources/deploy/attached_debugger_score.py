"""Puts a debugpy into sys.modules whose client is always connected, as if a debugger were attached."""
import sys
import time
import types


def init():
    debugpy = types.ModuleType("debugpy")
    debugpy.is_client_connected = lambda: True
    sys.modules["debugpy"] = debugpy


def run(data):
    time.sleep(1)
    return "finished after 1 s"
