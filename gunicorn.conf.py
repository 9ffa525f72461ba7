"""gunicorn settings: sync workers sharing one preloaded spaCy model.

``gunicorn -c gunicorn.conf.py "service:create_app()"``. PORT (default 8000) and
WEB_CONCURRENCY (default 2) come from the environment; a ``--bind`` on the command line wins.
"""
import gc
import math
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"
# Load the app (and so the model) once in the master; workers share its memory after fork.
preload_app = True
# The request deadline (QUOTES_TIMEOUT_S) ends slow articles with a 503 long before this:
# gunicorn's own timeout only ever catches a hung worker.
timeout = math.ceil(float(os.environ.get("QUOTES_TIMEOUT_S", "20"))) + 30
graceful_timeout = 30
# The app logs one JSON line per request itself.
accesslog = None
errorlog = "-"


def when_ready(server: object) -> None:
    """The app and its model are loaded in the master (``preload_app``): freeze them out of the
    garbage collector's reach, so that a worker's collections do not write to, and so copy, the
    pages it shares with the master."""
    gc.freeze()
