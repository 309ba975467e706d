def init():
    raise RuntimeError("model file missing")


def run(data):
    return data
