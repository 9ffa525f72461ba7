"""The gunicorn worker the service runs (gunicorn.conf.py names it): gevent, a read deadline, JSON errors.

A gevent worker waits for a slow client on a greenlet, not on the whole process, so a client
that sends its request a byte at a time holds one socket, not a worker. Each request's body
must arrive within ``QUOTES_READ_TIMEOUT_S`` seconds of its headers (408 otherwise); the
headers themselves must arrive within gunicorn's ``keepalive`` seconds, or the connection is
closed (gunicorn's gevent worker waits for each request line under that timeout).

Errors gunicorn answers itself, before the request reaches Flask (a bad request line or
header, a URL or headers over the limits, Content-Length with Transfer-Encoding, a crash),
get the contract's JSON error shape, with a fresh ``X-Request-ID``, instead of gunicorn's HTML.
After a request, a worker whose resident memory grew past a slack hands its free heap back.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import http
import json
import logging
import os
import socket
import ssl
import time
import uuid
from typing import Any, Callable, Iterator

import gevent
from gunicorn import util
from gunicorn.http import errors as gerrors
from gunicorn.workers.base_async import AsyncWorker
from gunicorn.workers.ggevent import GeventWorker

from .problems import ApiError

READ_TIMEOUT_ENV = "QUOTES_READ_TIMEOUT_S"
DEFAULT_READ_TIMEOUT_S = 10.0
# After an error answer, what the worker still reads (and drops) so that closing a socket with
# unread bytes (a long URL, a body never read) does not reset the connection before the client
# has read the answer.
_LINGER_S = 1.0
_LINGER_BYTES = 1 << 16


def env_number(name: str, default: float, environ: dict[str, str] | None = None) -> float:
    """``name`` from the environment as a number >= 0 (``default`` when unset); ValueError otherwise."""
    raw = (os.environ if environ is None else environ).get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number, got {raw!r}") from None
    if not value >= 0:  # also rejects nan
        raise ValueError(f"{name} must be 0 or more, got {raw!r}")
    return value


class ReadTimeout(BaseException):
    """The client did not send its whole body in time (answered 408).

    A BaseException, like gevent's own Timeout, so that neither Werkzeug's stream nor the app's
    catch-all handler turns it into a 400 or a 500 on its way up to the worker.
    """


class WorkerAborted(BaseException):
    """gunicorn's timeout aborted the worker in the middle of this request (answered 503 ``timeout``).

    The master's SIGABRT raises SystemExit in whichever greenlet runs: the busy request's.
    """


class DeadlineBody:
    """A request body (``wsgi.input``) whose reads must all end by a deadline."""

    def __init__(self, body: Any, seconds: float) -> None:
        self._body = body
        self._at = time.monotonic() + seconds

    def _before_deadline(self, read: Callable[..., Any], *args: Any) -> Any:
        left = self._at - time.monotonic()
        if left <= 0:
            raise ReadTimeout()
        with gevent.Timeout(left, ReadTimeout()):
            return read(*args)

    def read(self, size: int | None = None) -> bytes:
        return self._before_deadline(self._body.read, size)

    def readline(self, size: int | None = None) -> bytes:
        return self._before_deadline(self._body.readline, size)

    def readlines(self, size: int | None = None) -> list[bytes]:
        return self._before_deadline(self._body.readlines, size)

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.readline, b"")


# gunicorn's errors, most specific first, with the status the worker answers each. A request
# gunicorn cannot serve for a reason of the client's own (an expectation, a transfer coding or a
# proxy line it does not take) is a plain 400: the contract lists no 403, 417 or 501.
# InvalidResponseHeader is the app's fault (500) although it is a kind of InvalidHeader.
_STATUSES: tuple[tuple[tuple[type[BaseException], ...], int], ...] = (
    ((ReadTimeout,), 408),
    ((WorkerAborted,), 503),
    ((gerrors.InvalidResponseHeader, gerrors.InvalidResponseHeaderName,
      gerrors.ConfigurationProblem), 500),
    ((gerrors.LimitRequestLine,), 414),
    ((gerrors.LimitRequestHeaders,), 431),
    ((gerrors.InvalidRequestLine, gerrors.InvalidRequestMethod, gerrors.InvalidHTTPVersion,
      gerrors.InvalidHeader, gerrors.InvalidHeaderName, gerrors.InvalidProxyLine,
      gerrors.InvalidSchemeHeaders, gerrors.ObsoleteFolding, gerrors.InvalidH2CPreface,
      gerrors.InvalidChunkSize, gerrors.ChunkMissingTerminator, gerrors.InvalidChunkExtension,
      gerrors.ExpectationFailed, gerrors.UnsupportedTransferCoding, gerrors.ForbiddenProxyRequest,
      ssl.SSLError), 400),
)

# The contract's error code for each status the worker answers itself.
_CODES: dict[int, str] = {
    400: "bad_request", 408: "request_timeout", 414: "uri_too_long", 431: "headers_too_large",
    500: "internal_error", 503: "timeout",
}


def status_of(exc: BaseException) -> int:
    """The HTTP status for an error gunicorn met outside the app: 4xx for the client's, else 500."""
    for kinds, status in _STATUSES:
        if isinstance(exc, kinds):
            return status
    return 500


def code_of(status: int) -> str:
    """The contract's error code for a status the worker answers itself."""
    return _CODES.get(status, "internal_error" if status >= 500 else "bad_request")


def _plain(text: str, limit: int = 120) -> str:
    """``text`` cut to ``limit`` characters of printable ASCII (it may echo the client's bytes)."""
    return "".join(c if " " <= c <= "~" else "?" for c in text[:limit])


def message_of(status: int, exc: BaseException, cfg: Any, read_timeout: float) -> str:
    """A short message for people; it never holds a traceback."""
    if status == 408:
        return f"request body not received within {read_timeout:g} s"
    if status == 503:
        return f"the work ran past the server's limit of {cfg.timeout} s; send a shorter article"
    if status == 414:
        return f"request line over {cfg.limit_request_line} bytes"
    if status == 431:
        return (f"request headers over the limits ({cfg.limit_request_fields} fields of at most "
                f"{cfg.limit_request_field_size} bytes)")
    if status == 500:
        return "internal error; quote the request id when reporting it"
    return f"malformed HTTP request: {_plain(str(exc)) or type(exc).__name__}"


def error_bytes(status: int, code: str, message: str, request_id: str) -> bytes:
    """A whole HTTP/1.1 response holding the contract's JSON error; the connection closes after it."""
    body = json.dumps({"error": ApiError(status, code, message).body(request_id)}).encode()
    head = (f"HTTP/1.1 {status} {http.HTTPStatus(status).phrase}\r\n"
            "Connection: close\r\n"
            "Content-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n"
            f"X-Request-ID: {request_id}\r\n\r\n")
    return head.encode("latin-1") + body


_PAGE = os.sysconf("SC_PAGE_SIZE")
# Heap the C allocator may keep unused after a large article before it is handed back to the
# system; trimming after every request would cost more CPU than it is worth.
TRIM_SLACK_BYTES = 32 << 20


def _resident_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * _PAGE


class HeapTrimmer:
    """Hands freed heap back to the system when a worker's resident memory has grown by
    TRIM_SLACK_BYTES since it last did: glibc keeps the pages a large article's parse freed,
    so each worker would otherwise hold its largest article's peak for good."""

    def __init__(self, slack: int = TRIM_SLACK_BYTES) -> None:
        self.slack = slack
        self._trim = _malloc_trim()
        self._floor: int | None = None

    def after_request(self) -> bool:
        """Trim when due; True when it trimmed."""
        if self._trim is None:
            return False
        resident = _resident_bytes()
        if self._floor is None:
            self._floor = resident
            return False
        if resident - self._floor < self.slack:
            return False
        self._trim(0)
        self._floor = _resident_bytes()
        return True


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (musl, macOS)."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):
        return None


class QuoteWorker(GeventWorker):
    """gunicorn's gevent worker with a deadline on each request body and JSON error answers."""

    read_timeout = env_number(READ_TIMEOUT_ENV, DEFAULT_READ_TIMEOUT_S)  # read as gunicorn starts

    def run(self) -> None:
        self.heap = HeapTrimmer()  # after fork: each worker watches its own memory
        try:
            super().run()
        finally:
            _forget_log_handlers()

    def handle_request(self, listener_name: Any, req: Any, sock: Any, addr: Any) -> Any:
        raw_body = req.body
        if self.read_timeout > 0 and raw_body is not None:
            req.body = DeadlineBody(raw_body, self.read_timeout)  # becomes environ["wsgi.input"]
        try:
            # AsyncWorker's, not GeventWorker's: that one swallows SystemExit, and the client
            # then got nothing, or a stray 408 as the next read met the deadline.
            return AsyncWorker.handle_request(self, listener_name, req, sock, addr)
        except SystemExit:
            self.handle_error(req, sock, addr, WorkerAborted())
            raise StopIteration() from None  # gunicorn's signal to close the connection
        except gevent.GreenletExit:
            return None
        finally:
            # What the app left unread is skipped under gunicorn's keepalive timeout (a silent
            # close), not this deadline: the client already has its answer.
            req.body = raw_body
            self.heap.after_request()

    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        """Answer an error met outside the app with the JSON error shape (gunicorn writes HTML)."""
        status = status_of(exc)
        request_id = uuid.uuid4().hex
        ip = (addr or ("",))[0]
        if status == 500:
            self.log.exception("error handling request from ip=%s; answered 500, request_id=%s",
                               ip, request_id)
        else:
            self.log.warning("request from ip=%s not served: %s; answered %d, request_id=%s",
                             ip, _plain(str(exc)) or type(exc).__name__, status, request_id)
        message = message_of(status, exc, self.cfg, self.read_timeout)
        data = error_bytes(status, code_of(status), message, request_id)
        try:
            util.write_nonblock(client, data)
            _linger(client)
        except Exception:
            self.log.debug("failed to send the error answer")


def _forget_log_handlers() -> None:
    """Flush the log handlers and drop logging's weak references to them, on the way out.

    Otherwise, as the interpreter shuts down, collecting a handler calls back into logging,
    which takes a lock that monkey-patching made gevent's, after gevent has been torn down:
    every worker exit printed an "Exception ignored ... TypeError" traceback.
    """
    logging.shutdown()
    logging._handlerList.clear()  # type: ignore[attr-defined]


def _linger(client: socket.socket) -> None:
    """Half-close ``client`` and drop what it still sends, for at most _LINGER_S and _LINGER_BYTES."""
    client.shutdown(socket.SHUT_WR)
    dropped = 0
    with gevent.Timeout(_LINGER_S, False):
        while dropped < _LINGER_BYTES:
            chunk = client.recv(_LINGER_BYTES)
            if not chunk:
                break
            dropped += len(chunk)
