"""gunicorn as the Makefile starts it: errors met below Flask answer in JSON, slow clients do not hold it.

One server for the module (scripts/server.py: gunicorn.conf.py on a free 127.0.0.1 port, one
worker, a 2 s body deadline), spoken to over raw sockets; then the worker's parts alone.
"""
from __future__ import annotations

import json
import runpy
import socket
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import gevent
import pytest
from gunicorn.http import errors as gerrors

from scripts.server import Server
from service import worker

BOUND_S = 15.0  # generous: these tests check what happens, not how fast
READ_TIMEOUT_S = "2"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = Server(1, tmp_path_factory.mktemp("gunicorn") / "gunicorn.log")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("QUOTES_READ_TIMEOUT_S", READ_TIMEOUT_S)
        srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def connect(server: Server) -> socket.socket:
    return socket.create_connection(("127.0.0.1", server.port), timeout=BOUND_S)


def read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection; fails if that takes over BOUND_S."""
    out = b""
    end = time.monotonic() + BOUND_S
    try:
        while time.monotonic() < end:
            chunk = sock.recv(65536)
            if not chunk:
                return out
            out += chunk
    except ConnectionResetError:
        return out
    except socket.timeout:
        pass
    pytest.fail(f"the server kept the connection open over {BOUND_S:g} s, having sent {out[:80]!r}")


def exchange(server: Server, data: bytes) -> bytes:
    with connect(server) as sock:
        sock.sendall(data)
        return read_all(sock)


def parse(raw: bytes) -> tuple[int, dict[str, str], Any]:
    """(status, headers with lower-case names, JSON body) of one raw HTTP/1.1 answer."""
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    assert lines[0].startswith("HTTP/1.1 "), raw[:200]
    headers = dict((k.strip().lower(), v.strip()) for k, v in (line.split(":", 1) for line in lines[1:]))
    return int(lines[0].split()[1]), headers, json.loads(body)


def check_json_error(raw: bytes, status: int, code: str) -> dict[str, Any]:
    got_status, headers, body = parse(raw)
    assert got_status == status, raw[:300]
    assert headers["content-type"].startswith("application/json")
    error = body["error"]
    assert set(error) == {"status", "code", "message", "details", "request_id"}
    assert (error["status"], error["code"]) == (status, code)
    assert error["message"] and isinstance(error["details"], dict)
    assert error["request_id"] and error["request_id"] == headers["x-request-id"]
    assert "Traceback" not in error["message"] and "<html" not in raw.decode("latin-1").lower()
    return error


# --- errors gunicorn meets before Flask -------------------------------------------------------

POST_HEAD = b"POST /v1/quotes HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\n"


@pytest.mark.parametrize("raw, status", [
    pytest.param(b"PLEASE GIVE ME THE QUOTES\r\n\r\n", 400, id="bad-request-line"),
    pytest.param(b"GET /healthz HTTP/9\r\nHost: t\r\n\r\n", 400, id="bad-http-version"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: t\r\nbad name: x\r\n\r\n", 400, id="bad-header-name"),
    pytest.param(POST_HEAD + b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400,
                 id="content-length-with-transfer-encoding"),
    pytest.param(POST_HEAD + b"Content-Length: five\r\n\r\nhello", 400, id="content-length-not-a-number"),
    pytest.param(b"GET /" + b"w" * 10_000 + b" HTTP/1.1\r\nHost: t\r\n\r\n", 414, id="10kb-url"),
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Filler: " + b"f" * 40_000 + b"\r\n\r\n", 431,
                 id="40kb-header"),
])
def test_errors_below_flask_answer_the_json_shape(server: Server, raw: bytes, status: int) -> None:
    check_json_error(exchange(server, raw), status, worker.code_of(status))


@pytest.mark.parametrize("raw, status, code", [
    pytest.param(b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", 200, None, id="healthz"),
    pytest.param(b"GET /no/such/page HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", 404, "not_found",
                 id="flask-404-stays-flask's"),
    pytest.param(POST_HEAD + b"Content-Length: 0\r\nConnection: close\r\n\r\n", 422, "invalid_request",
                 id="empty-body-reaches-the-app"),
])
def test_requests_gunicorn_accepts_reach_the_app(server: Server, raw: bytes, status: int,
                                                 code: str | None) -> None:
    got_status, headers, body = parse(exchange(server, raw))
    assert got_status == status
    assert headers["server"] == "gunicorn"  # written by the app's response, not the worker's error
    if code is not None:
        assert body["error"]["code"] == code


# --- slow clients -----------------------------------------------------------------------------

class HeaderDribbler(threading.Thread):
    """Sends one more header byte every half second on ``sock`` until it is closed or stopped."""

    def __init__(self, sock: socket.socket) -> None:
        super().__init__(daemon=True)
        self.sock = sock
        self.stop = threading.Event()

    def run(self) -> None:
        for _ in range(int(2 * BOUND_S) + 10):
            if self.stop.wait(0.5):
                return
            try:
                self.sock.send(b"a")
            except OSError:
                return


def test_a_request_is_answered_while_slow_clients_hold_sockets(server: Server) -> None:
    dribbling = connect(server)
    dribbling.sendall(b"POST /v1/quotes HTTP/1.1\r\nHost: t\r\nX-Slow: ")
    dribbler = HeaderDribbler(dribbling)
    dribbler.start()
    short = connect(server)
    short.sendall(POST_HEAD + b"Content-Length: 5000\r\n\r\nonly a little")
    try:
        time.sleep(0.5)  # both accepted and past their first bytes before the real request
        text = b'"We will open the bridge in May," said Ilse Varga.'
        raw = exchange(server, POST_HEAD + b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(text) + text)
        status, _, body = parse(raw)
        assert status == 200 and len(body["quotes"]) == 1
    finally:
        dribbler.stop.set()
        dribbling.close()
        short.close()


def test_a_body_shorter_than_its_content_length_is_answered_408(server: Server) -> None:
    with connect(server) as sock:
        sock.sendall(POST_HEAD + b"Content-Length: 5000\r\n\r\nonly a little")
        error = check_json_error(read_all(sock), 408, "request_timeout")
    assert READ_TIMEOUT_S in error["message"]


def test_a_client_dribbling_headers_is_let_go(server: Server) -> None:
    with connect(server) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Slow: ")
        dribbler = HeaderDribbler(sock)
        dribbler.start()
        try:
            assert read_all(sock) == b""  # closed, without an answer, before BOUND_S
        finally:
            dribbler.stop.set()


# --- the worker's parts -----------------------------------------------------------------------

@pytest.mark.parametrize("exc, status", [
    (gerrors.InvalidRequestLine("NONSENSE"), 400),
    (gerrors.InvalidHeader("CONTENT-LENGTH"), 400),
    (gerrors.InvalidHeaderName("bad name"), 400),
    (gerrors.InvalidHTTPVersion("HTTP/9"), 400),
    (gerrors.LimitRequestLine(10_000, 4094), 414),
    (gerrors.LimitRequestHeaders("too large"), 431),
    (worker.ReadTimeout(), 408),
    (worker.WorkerAborted(), 503),
    (gerrors.InvalidResponseHeader("X-Bad"), 500),  # the app's fault, though an InvalidHeader
    (gerrors.InvalidResponseHeaderName("bad name"), 500),
    (RuntimeError("a bug"), 500),
    (KeyError("x"), 500),
    (gerrors.UnsupportedTransferCoding("gzip"), 400),  # the contract has no 501
])
def test_status_of_errors_met_outside_the_app(exc: BaseException, status: int) -> None:
    assert worker.status_of(exc) == status


@pytest.mark.parametrize("status, code", [
    (400, "bad_request"), (414, "uri_too_long"), (431, "headers_too_large"),
    (408, "request_timeout"), (503, "timeout"), (500, "internal_error"), (417, "bad_request"),
])
def test_code_of_status(status: int, code: str) -> None:
    assert worker.code_of(status) == code


def test_error_bytes_is_one_whole_json_answer() -> None:
    raw = worker.error_bytes(431, "headers_too_large", "too big", "rid-1")
    status, headers, body = parse(raw)
    assert (status, headers["connection"], headers["x-request-id"]) == (431, "close", "rid-1")
    assert int(headers["content-length"]) == len(raw.partition(b"\r\n\r\n")[2])
    assert body == {"error": {"status": 431, "code": "headers_too_large", "message": "too big",
                              "details": {}, "request_id": "rid-1"}}


@pytest.mark.parametrize("raw, expected", [
    (None, 7.0), ("", 7.0), ("3", 3.0), ("0", 0.0), ("2.5", 2.5),
    ("-1", ValueError), ("soon", ValueError), ("nan", ValueError),
])
def test_env_number(raw: str | None, expected: Any) -> None:
    environ = {} if raw is None else {"SOME_SECONDS": raw}
    if expected is ValueError:
        with pytest.raises(ValueError, match="SOME_SECONDS"):
            worker.env_number("SOME_SECONDS", 7.0, environ)
    else:
        assert worker.env_number("SOME_SECONDS", 7.0, environ) == expected


class StalledBody:
    """A body whose reads wait far longer than any deadline here."""

    def read(self, size: int | None = None) -> bytes:
        gevent.sleep(30)
        return b"late"

    readline = read


class ReadyBody:
    def read(self, size: int | None = None) -> bytes:
        return b"line one\n"

    def readline(self, size: int | None = None) -> bytes:
        return b""


@pytest.mark.parametrize("body, seconds, method, outcome", [
    (StalledBody(), 0.05, "read", worker.ReadTimeout),
    (StalledBody(), 0.05, "readline", worker.ReadTimeout),
    (ReadyBody(), 0.0, "read", worker.ReadTimeout),  # deadline already past: no read at all
    (ReadyBody(), 30.0, "read", b"line one\n"),
    (ReadyBody(), 30.0, "readline", b""),
])
def test_deadline_body(body: Any, seconds: float, method: str, outcome: Any) -> None:
    wrapped = worker.DeadlineBody(body, seconds)
    if outcome is worker.ReadTimeout:
        with pytest.raises(worker.ReadTimeout):
            getattr(wrapped, method)()
    else:
        assert getattr(wrapped, method)() == outcome


# --- the heap handed back after a large article ------------------------------------------------

@pytest.mark.parametrize("resident_mib, trims", [
    ([100, 110, 120, 131], [False, False, False]),  # within 32 MiB of the first reading
    ([100, 140, 130, 150], [True, False, True]),  # past it: trimmed (30 MiB back), a new floor of 110
    ([100, 133, 110, 104], [True, False, False]),
])
def test_heap_is_trimmed_only_past_its_slack(monkeypatch: pytest.MonkeyPatch, resident_mib: list[int],
                                             trims: list[bool]) -> None:
    state = {"mib": resident_mib[0]}

    def trim(_pad: int) -> int:
        state["mib"] -= 30
        return 1

    heap = worker.HeapTrimmer(slack=32 << 20)
    heap._trim = trim  # type: ignore[assignment]
    monkeypatch.setattr(worker, "_resident_bytes", lambda: state["mib"] << 20)
    assert heap.after_request() is False  # the first request only sets the floor
    got = []
    for mib in resident_mib[1:]:
        state["mib"] = mib
        got.append(heap.after_request())
    assert got == trims


# --- what gunicorn.conf.py asks of gunicorn ---------------------------------------------------

def _conf(monkeypatch: pytest.MonkeyPatch, **env: str) -> dict[str, Any]:
    for name in ("QUOTES_MAX_REQUESTS", "QUOTES_MAX_REQUESTS_JITTER", "QUOTES_WORKER_CONNECTIONS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(Path(__file__).resolve().parent.parent / "gunicorn.conf.py"))


def test_workers_are_recycled_with_jitter_and_share_no_control_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    conf = _conf(monkeypatch)
    assert conf["max_requests"] > 0 and conf["max_requests_jitter"] > 0
    assert conf["control_socket_disable"] is True  # one path per user otherwise: instances clash
    assert conf["worker_class"] == "service.worker.QuoteWorker" and conf["preload_app"] is True


@pytest.mark.parametrize("env, name, value", [
    ({"QUOTES_MAX_REQUESTS": "0"}, "max_requests", 0),  # recycling off
    ({"QUOTES_MAX_REQUESTS": "50", "QUOTES_MAX_REQUESTS_JITTER": "5"}, "max_requests_jitter", 5),
    ({"QUOTES_WORKER_CONNECTIONS": "7"}, "worker_connections", 7),
])
def test_worker_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch, env: dict[str, str],
                                                   name: str, value: int) -> None:
    assert _conf(monkeypatch, **env)[name] == value


def test_a_setting_that_is_no_number_fails_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="QUOTES_MAX_REQUESTS"):
        _conf(monkeypatch, QUOTES_MAX_REQUESTS="many")
