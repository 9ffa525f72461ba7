"""Acceptance run against hostile input: the service started as `make run` starts it, on 127.0.0.1.

    python -m scripts.hostile [--parts big,slow,memory] [--workers W] [--slow-clients N] ...

Starts gunicorn with the Makefile's command (gunicorn.conf.py, a free 127.0.0.1 port,
WEB_CONCURRENCY workers; GUNICORN_CMD_ARGS passes through, e.g. "--worker-class sync" to
compare) and prints one PASS or FAIL line per check:

1. ``big``: a ~150 KB run-on article (random lower-case words, no sentence end) with 1,200
   quoted words, and ``'"b" ' * 9000``: status 200, every quoted run (pairs of straight
   quotes) in the answer, time at most 3x a bare ``nlp(text)`` of the same text in this
   process (alternated, medians), answer at most 10x the request, with and without gzip;
2. ``slow``: N clients (a third dribbling headers a byte a second, a third bodies, a third
   sending a body shorter than its Content-Length and then nothing; each reconnects when
   dropped) while a POST of the seed article and GET /healthz are timed: each under 3 s;
3. ``memory``: after 4 warm-up requests, 12 of 120k characters of never-seen words: the same
   worker PIDs, and no worker's RSS or USS (/proc/PID/smaps_rollup) grown by over 10 MiB.

Every loop is bounded by a count or a clock; every process and socket it opens is closed on
exit, error or Ctrl+C. Exit status 1 when any line FAILs. Standard library plus the venv.
"""
from __future__ import annotations

import argparse
import gzip
import http.client
import json
import random
import signal
import socket
import statistics
import string
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from scripts import SEED_PATH
from scripts.server import Server
PARTS = ("big", "slow", "memory")
MIB = 1024 * 1024


@dataclass
class Report:
    """The PASS / FAIL lines, printed as they come."""

    lines: list[tuple[bool, str]] = field(default_factory=list)

    def check(self, ok: bool, what: str) -> bool:
        self.lines.append((ok, what))
        print(f"{'PASS' if ok else 'FAIL'}  {what}", flush=True)
        return ok

    @property
    def failed(self) -> int:
        return sum(1 for ok, _ in self.lines if not ok)


# ------------------------------------------------------------------------------------------- texts

def random_word(rng: random.Random, low: int = 3, high: int = 10) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(low, high)))


def run_on_article(rng: random.Random, chars: int = 150_000, quoted: int = 1200) -> str:
    """Random lower-case words with no sentence end, ``quoted`` of them in straight quotes."""
    pool = [random_word(rng) for _ in range(3000)]
    words: list[str] = []
    size = 0
    while size < chars:
        words.append(rng.choice(pool))
        size += len(words[-1]) + 1
    step = len(words) // quoted
    for i in range(quoted):
        words[i * step] = f'"{words[i * step]}"'
    return " ".join(words)


def never_seen_text(rng: random.Random, chars: int = 120_000) -> str:
    """``chars`` characters of fresh random letter strings, in sentences of 8 to 20 words."""
    sentences: list[str] = []
    size = 0
    while size < chars:
        sentence = " ".join(random_word(rng, 4, 12) for _ in range(rng.randint(8, 20))).capitalize() + "."
        sentences.append(sentence)
        size += len(sentence) + 1
    return " ".join(sentences)[:chars]


def quoted_runs(text: str) -> set[tuple[int, int]]:
    """(start, end) inside each pair of straight quotes, pairing them in order."""
    marks = [i for i, c in enumerate(text) if c == '"']
    return {(marks[i] + 1, marks[i + 1]) for i in range(0, len(marks) - 1, 2)}


# -------------------------------------------------------------------------------------------- http

@dataclass
class Answer:
    status: int
    body: bytes      # as sent on the wire (gzip-compressed when the server chose so)
    seconds: float
    encoding: str

    def json(self) -> Any:
        data = gzip.decompress(self.body) if self.encoding == "gzip" else self.body
        return json.loads(data)


def request(port: int, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None, timeout: float = 120.0) -> Answer:
    """One request on a new connection; never raises for an HTTP status."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    t0 = time.perf_counter()
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        data = r.read()
        return Answer(r.status, data, time.perf_counter() - t0, r.getheader("Content-Encoding", ""))
    finally:
        conn.close()


def post_text(port: int, text: str, gzip_ok: bool = False, timeout: float = 120.0) -> Answer:
    headers = {"Content-Type": "text/plain; charset=utf-8"}
    if gzip_ok:
        headers["Accept-Encoding"] = "gzip"
    return request(port, "POST", "/v1/quotes", text.encode("utf-8"), headers, timeout)


# -------------------------------------------------------------------------------- part 1: big texts

def part_big(server: Server, report: Report, model: str, rounds: int) -> None:
    import spacy

    nlp = spacy.load(model)
    rng = random.Random(1)
    cases = [("run-on 150 KB article, 1,200 quoted words", run_on_article(rng)),
             ('\'"b" \' * 9000', '"b" ' * 9000)]
    for name, text in cases:
        expected = quoted_runs(text)
        request_bytes = len(text.encode("utf-8"))
        nlp(text[:1000])  # first-call set-up out of the figures
        bare: list[float] = []
        served: list[Answer] = []
        for _ in range(rounds):  # alternated, so both see the same machine load
            t0 = time.perf_counter()
            nlp(text)
            bare.append(time.perf_counter() - t0)
            served.append(post_text(server.port, text))
        answer = served[-1]
        if not report.check(answer.status == 200, f"{name}: status {answer.status}"):
            print(f"      {answer.body[:300]!r}")
            continue
        got = {(q["start"], q["end"]) for q in answer.json()["quotes"]}
        missing = expected - got
        report.check(not missing, f"{name}: {len(expected) - len(missing)} of {len(expected)} quoted runs in the answer")
        ratio = statistics.median(a.seconds for a in served) / statistics.median(bare)
        report.check(ratio <= 3.0, f"{name}: {statistics.median(a.seconds for a in served):.2f} s served, "
                                   f"{statistics.median(bare):.2f} s bare nlp(), ratio {ratio:.2f} (<= 3)")
        zipped = post_text(server.port, text, gzip_ok=True)
        for label, a in (("plain", answer), (f"Accept-Encoding: gzip ({zipped.encoding or 'not compressed'})", zipped)):
            size_ratio = len(a.body) / request_bytes
            report.check(a.status == 200 and size_ratio <= 10.0,
                         f"{name}: answer {len(a.body):,} bytes for a {request_bytes:,}-byte request, "
                         f"{label}: ratio {size_ratio:.1f} (<= 10)")


# ----------------------------------------------------------------------------- part 2: slow clients

@dataclass
class SlowClient:
    """One attacker socket: ``kind`` is headers, body or short (a body shorter than announced)."""

    kind: str
    sock: socket.socket | None = None


def _slow_head(kind: str) -> bytes:
    if kind == "headers":
        return b"POST /v1/quotes HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
    length = 100_000 if kind == "body" else 1000
    return (f"POST /v1/quotes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
            f"Content-Length: {length}\r\n\r\n").encode() + (b"" if kind == "body" else b"too short")


class Dribbler:
    """A thread that keeps ``count`` slow clients open, one byte a second each, until stopped.

    A socket the server closes is counted (with the status it answered, if any) and reopened.
    """

    def __init__(self, port: int, count: int) -> None:
        self.port = port
        self.clients = [SlowClient(("headers", "body", "short")[i % 3]) for i in range(count)]
        self.dropped: dict[str, dict[str, int]] = {k: {} for k in ("headers", "body", "short")}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="dribbler", daemon=True)

    def __enter__(self) -> "Dribbler":
        for c in self.clients:
            self._open(c)
        self._thread.start()
        return self

    def __exit__(self, *_: Any) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        for c in self.clients:
            self._close(c)

    def _open(self, c: SlowClient) -> None:
        try:
            c.sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
            c.sock.sendall(_slow_head(c.kind))
            c.sock.setblocking(False)
        except OSError:
            self._close(c)

    @staticmethod
    def _close(c: SlowClient) -> None:
        if c.sock is not None:
            c.sock.close()
            c.sock = None

    def _dropped(self, c: SlowClient, data: bytes) -> None:
        status = data.split(b" ", 2)[1].decode("ascii", "replace") if data.startswith(b"HTTP/") else "closed"
        counts = self.dropped[c.kind]
        counts[status] = counts.get(status, 0) + 1
        self._close(c)
        self._open(c)

    def _tick(self, c: SlowClient) -> None:
        if c.sock is None:
            self._open(c)
            return
        try:
            data = c.sock.recv(4096)
            self._dropped(c, data)  # an answer or end of stream: the server let go
            return
        except BlockingIOError:
            pass
        except OSError:
            self._dropped(c, b"")
            return
        if c.kind != "short":
            try:
                c.sock.send(b"a")
            except BlockingIOError:
                pass
            except OSError:
                self._dropped(c, b"")

    def _run(self) -> None:
        while not self._stop.wait(1.0):
            for c in self.clients:
                self._tick(c)


def part_slow(server: Server, report: Report, clients: int, seconds: float, limit: float) -> None:
    seed = SEED_PATH.read_bytes().decode("utf-8")
    post_text(server.port, seed)  # warm
    probes: list[tuple[str, Callable[[], Answer]]] = [
        ("POST seed article", lambda: post_text(server.port, seed, timeout=60)),
        ("GET /healthz", lambda: request(server.port, "GET", "/healthz", timeout=60)),
    ]
    times: dict[str, list[tuple[float, int | None]]] = {name: [] for name, _ in probes}
    with Dribbler(server.port, clients) as dribbler:
        time.sleep(3.0)  # every slow client connected and past its first bytes
        end = time.monotonic() + seconds
        n = 0
        # Each probe at least twice, even when one waits its whole timeout (60 s).
        while n < 1000 and (time.monotonic() < end or min(len(v) for v in times.values()) < 2):
            name, call = probes[n % len(probes)]
            t0 = time.perf_counter()
            try:
                status: int | None = call().status
            except (OSError, http.client.HTTPException):
                status = None
            times[name].append((time.perf_counter() - t0, status))
            n += 1
            time.sleep(0.5)
    for name, samples in times.items():
        worst = max(s for s, _ in samples)
        statuses = sorted({str(st) for _, st in samples})
        report.check(worst < limit and statuses == ["200"],
                     f"{name} with {clients} slow clients: {len(samples)} requests, "
                     f"median {statistics.median(s for s, _ in samples):.2f} s, worst {worst:.2f} s "
                     f"(< {limit:g}), statuses {','.join(statuses)}")
    print(f"      slow clients the server let go of, by kind and answer: {json.dumps(dribbler.dropped)}")


# ---------------------------------------------------------------------------------- part 3: memory

def memory_kib(pid: int) -> dict[str, int]:
    """Rss and Uss (Private_Clean + Private_Dirty) of a process, in KiB, from smaps_rollup."""
    fields: dict[str, int] = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                fields[parts[0].rstrip(":")] = int(parts[1])
    return {"rss": fields["Rss"], "uss": fields["Private_Clean"] + fields["Private_Dirty"]}


def part_memory(server: Server, report: Report, warm: int, count: int, chars: int) -> None:
    rng = random.Random(3)
    # Warm-up requests go out as many at a time as there are workers: a worker busy parsing takes
    # no new connection, so each worker gets its share (sent one by one, they may all go to one).
    workers = len(server.worker_pids())
    statuses: list[int] = []
    for first in range(0, warm, workers):
        texts = [never_seen_text(rng, chars) for _ in range(min(workers, warm - first))]
        with ThreadPoolExecutor(len(texts)) as pool:
            statuses += [a.status for a in pool.map(lambda t: post_text(server.port, t), texts)]
    pids = server.worker_pids()
    before = {pid: memory_kib(pid) for pid in pids}
    statuses += [post_text(server.port, never_seen_text(rng, chars)).status for _ in range(count)]
    after_pids = server.worker_pids()
    report.check(all(s == 200 for s in statuses),
                 f"{warm} + {count} requests of {chars:,} never-seen characters: statuses "
                 f"{','.join(sorted({str(s) for s in statuses}))}")
    report.check(after_pids == pids, f"worker PIDs unchanged: {pids} -> {after_pids}")
    for pid in pids:
        if pid not in after_pids:
            continue
        after = memory_kib(pid)
        grown = {k: (after[k] - before[pid][k]) / 1024 for k in ("rss", "uss")}
        report.check(max(grown.values()) <= 10.0,
                     f"worker {pid}: RSS {before[pid]['rss'] / 1024:.1f} -> {after['rss'] / 1024:.1f} MiB "
                     f"(+{grown['rss']:.1f}), USS {before[pid]['uss'] / 1024:.1f} -> "
                     f"{after['uss'] / 1024:.1f} MiB (+{grown['uss']:.1f}) (<= +10)")


# -------------------------------------------------------------------------------------------- main

def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    from service.config import from_environment

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parts", default=",".join(PARTS), help=f"comma-separated, of {', '.join(PARTS)}")
    ap.add_argument("--workers", type=int, default=2, help="WEB_CONCURRENCY (default 2, as make run)")
    ap.add_argument("--rounds", type=int, default=3, help="alternated served / bare runs per big text (3)")
    ap.add_argument("--slow-clients", type=int, default=64, help="slow clients (default 64)")
    ap.add_argument("--slow-seconds", type=float, default=30.0, help="how long they dribble (default 30)")
    ap.add_argument("--slow-limit", type=float, default=3.0, help="a normal request's limit, s (default 3)")
    ap.add_argument("--memory-requests", type=int, default=12, help="measured requests (default 12)")
    ap.add_argument("--memory-chars", type=int, default=120_000, help="characters each (default 120,000)")
    ap.add_argument("--model", default=from_environment()["SPACY_MODEL"], help="model of the bare parse")
    a = ap.parse_args(argv)
    a.parts = [p.strip() for p in a.parts.split(",") if p.strip()]
    if not a.parts or set(a.parts) - set(PARTS):
        ap.error(f"--parts takes a comma-separated list of {', '.join(PARTS)}")
    if min(a.workers, a.rounds, a.slow_clients, a.memory_requests, a.memory_chars) < 1 or a.slow_seconds <= 0:
        ap.error("counts and durations must be positive")
    return a


def _raise_exit(signum: int, _frame: Any) -> None:
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _raise_exit)
    report = Report()
    log = Path(tempfile.mkdtemp(prefix="hostile-")) / "gunicorn.log"
    server = Server(args.workers, log)
    try:
        server.start()
        print(f"gunicorn on {server.url}, {args.workers} workers {server.worker_pids()}; log {log}", flush=True)
        if "big" in args.parts:
            part_big(server, report, args.model, args.rounds)
        if "slow" in args.parts:
            part_slow(server, report, args.slow_clients, args.slow_seconds, args.slow_limit)
        if "memory" in args.parts:
            part_memory(server, report, 4, args.memory_requests, args.memory_chars)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        server.stop()
    print(f"{len(report.lines) - report.failed} PASS, {report.failed} FAIL")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
