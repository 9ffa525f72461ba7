"""gunicorn settings: gevent workers (service/worker.py) sharing one preloaded spaCy model.

``gunicorn -c gunicorn.conf.py "service:create_app()"``. PORT (default 8000), WEB_CONCURRENCY
(default 2), QUOTES_WORKER_CONNECTIONS (100), QUOTES_MAX_REQUESTS (1000, 0 turns recycling off)
and QUOTES_MAX_REQUESTS_JITTER (200) come from the environment; QUOTES_READ_TIMEOUT_S is read
by the worker. A command-line option or GUNICORN_CMD_ARGS wins over this file.
"""
import gc
import math
import os

from service.worker import env_number

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# One worker per core: the parse is CPU-bound, and a worker parses one article at a time.
workers = int(env_number("WEB_CONCURRENCY", 2))
# gevent: a slow client holds a greenlet and a socket, not the worker (see DEPLOYING).
worker_class = "service.worker.QuoteWorker"
# Connections one worker holds at once (slow ones included); more wait in the listen backlog.
worker_connections = int(env_number("QUOTES_WORKER_CONNECTIONS", 100))
# The time a client has to send a request line and headers (and to idle between requests on
# a kept-alive connection): the gevent worker waits for each request under it, so keep it > 0.
keepalive = 2
# Recycle each worker after 1000 to 1200 requests (the jitter keeps them from restarting together):
# a second guard against memory growth.
max_requests = int(env_number("QUOTES_MAX_REQUESTS", 1000))
max_requests_jitter = int(env_number("QUOTES_MAX_REQUESTS_JITTER", 200))
# Load the app (and so the model) once in the master; workers share its memory after fork.
preload_app = True
# The request deadline (QUOTES_TIMEOUT_S) ends slow articles with a 503 long before this:
# gunicorn's own timeout only ever catches a hung worker. With QUOTES_TIMEOUT_S=0 (no deadline)
# this 30 s governs: a worker busy on one article longer than that is killed and restarted.
timeout = math.ceil(env_number("QUOTES_TIMEOUT_S", 20)) + 30
graceful_timeout = 30
# gunicorn 27's control socket is one path per user, shared by every instance on the machine.
control_socket_disable = True
# The app logs one JSON line per request itself.
accesslog = None
errorlog = "-"


def when_ready(server: object) -> None:
    """The app and its model are loaded in the master (``preload_app``): freeze them out of the
    garbage collector's reach, so that a worker's collections do not write to, and so copy, the
    pages it shares with the master."""
    gc.freeze()
