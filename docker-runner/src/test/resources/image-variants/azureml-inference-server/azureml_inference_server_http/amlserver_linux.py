"""Fixture: serves server.entry.app in forked workers, as gunicorn does for the real server."""
import os

from werkzeug.serving import make_server


def run(host, port, worker_count):
    from .server.entry import app
    server = make_server(host, port, app)
    print("fixture arbiter: forking {} worker(s)".format(worker_count), flush=True)
    pid = os.fork()
    if pid == 0:
        server.serve_forever()
    else:
        os.waitpid(pid, 0)
