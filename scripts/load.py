"""Load test: start the service with gunicorn on 127.0.0.1, send concurrent requests, report.

    python -m scripts.load [--requests N] [--duration S] [--clients C] [--workers W] [--small]

Starts gunicorn itself (gunicorn.conf.py, a free local port, WEB_CONCURRENCY workers), waits
for /readyz, then C client threads post articles (the seed article and synthetic articles
written here) until N requests are done or S seconds have passed. Prints requests per
second, p50 and p99 latency, errors, and whether every answer to the same article was the
same (``meta`` aside) with ``text == input[start:end]`` for every quote. Exits 1 on any
error or mismatch. Standard library only.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scripts import SEED_PATH
from scripts.server import Server

_PEOPLE = [("Maria Okonkwo", "she", "the city's transport commissioner"),
           ("Tomas Lindgren", "he", "a spokesman for the port authority"),
           ("Aiko Tanaka", "she", "chair of the residents' association"),
           ("Rafael Ortega", "he", "the union's lead negotiator")]
_SAYINGS = ["We are not going to sign anything that cuts pensions",
            "The numbers simply do not add up",
            "This is the best offer we have seen in a decade",
            "Nobody told us the bridge would close for a year",
            "I think the council has listened, finally",
            "We will be back at the table on Monday"]
_FILLER = ["The talks began in March after months of delays.",
           "Officials did not say how much the plan would cost.",
           "The vote is expected before the end of the year.",
           "Traffic on the ring road has doubled since the closure."]


def synthetic_articles(count: int, seed: int = 7) -> list[str]:
    """Articles in news style, built from templates: direct, split, partial and carried-over quotes."""
    rng = random.Random(seed)
    articles = []
    for n in range(count):
        paragraphs = [f"Story {n}: negotiations over the harbour plan went on late into the night."]
        for _ in range(6 + 5 * n):
            name, pronoun, description = rng.choice(_PEOPLE)
            surname = name.split()[-1]
            a, b = rng.sample(_SAYINGS, 2)
            paragraphs.append(rng.choice([
                f"“{a},” said {name}, {description}.",
                f"{name}, {description}, said: “{a}.”",
                f"“{a},” {pronoun} said. “{b}.”",
                f"{surname} called the proposal “a step backwards” and said {pronoun} would wait.",
                f"\"{a},\" {surname} told reporters on Tuesday.",
                f"“{b}.”",
            ]))
            paragraphs.append(rng.choice(_FILLER))
        articles.append("\n".join(paragraphs))
    return articles


def _post(url: str, text: str, timeout: float) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=json.dumps({"text": text}).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _percentile(sorted_values: list[float], share: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, round(share * len(sorted_values) + 0.5))
    return sorted_values[min(rank, len(sorted_values)) - 1]


class Run:
    """The counters shared by the client threads."""

    def __init__(self, articles: list[str], requests: int, stop_at: float) -> None:
        self.articles = articles
        self.requests = requests
        self.stop_at = stop_at
        self.lock = threading.Lock()
        self.issued = 0
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.mismatches: list[str] = []
        self.reference: dict[int, dict] = {}

    def next_article(self) -> int | None:
        with self.lock:
            if self.issued >= self.requests or time.monotonic() >= self.stop_at:
                return None
            self.issued += 1
            return (self.issued - 1) % len(self.articles)

    def record(self, index: int, ms: float, status: int, raw: bytes) -> None:
        text = self.articles[index]
        problem = None
        answer: dict = {}
        if status != 200:
            problem = f"article {index}: HTTP {status} {raw[:200]!r}"
        else:
            answer = json.loads(raw)
            answer.pop("meta", None)
            bad = [q["id"] for q in answer["quotes"] if text[q["start"]:q["end"]] != q["text"]]
            if bad:
                problem = f"article {index}: text != input[start:end] for {bad}"
        with self.lock:
            self.latencies.append(ms)
            if problem:
                self.errors.append(problem)
                return
            reference = self.reference.setdefault(index, answer)
            if reference != answer:
                self.mismatches.append(f"article {index}: answer differs from the first one")


def client(run: Run, url: str, timeout: float) -> None:
    while (index := run.next_article()) is not None:
        started = time.perf_counter()
        try:
            status, raw = _post(url, run.articles[index], timeout)
        except OSError as exc:
            status, raw = 0, repr(exc).encode()
        run.record(index, (time.perf_counter() - started) * 1000, status, raw)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=400, help="requests in all (default 400)")
    parser.add_argument("--duration", type=float, default=120.0, help="stop after this many seconds (default 120)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")),
                        help="gunicorn workers (default $WEB_CONCURRENCY or 2)")
    parser.add_argument("--articles", type=int, default=5, help="synthetic articles besides the seed (default 5)")
    parser.add_argument("--small", action="store_true", help="a quick run for CI: 40 requests, 60 s at most")
    args = parser.parse_args(argv)
    if args.small:
        args.requests, args.duration = min(args.requests, 40), min(args.duration, 60.0)

    articles = [SEED_PATH.read_bytes().decode("utf-8")] + synthetic_articles(args.articles)
    log_path = Path(tempfile.gettempdir()) / f"quotes-load-{os.getpid()}.log"
    server = Server(args.workers, log_path)
    try:
        try:
            server.start(ready_timeout=180)
        except RuntimeError as e:
            print(f"load: the server did not become ready ({e})", file=sys.stderr)
            return 1
        base = server.url
        run = Run(articles, args.requests, time.monotonic() + args.duration)
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            for future in [pool.submit(client, run, base + "/v1/quotes", 120.0) for _ in range(args.clients)]:
                future.result()
        wall = time.perf_counter() - started
        died = server.proc.poll() if server.proc is not None else None
        if died is not None:
            run.errors.append(f"the server exited during the run (code {died}); see its log")
    finally:
        server.stop()

    latencies = sorted(run.latencies)
    sizes = sorted(len(a) for a in articles)
    print(f"load: {len(latencies)} requests in {wall:.1f} s, {args.clients} clients, {args.workers} workers, "
          f"{len(articles)} articles of {sizes[0]:,}-{sizes[-1]:,} characters")
    print(f"requests/s   {len(latencies) / wall:.2f}")
    print(f"p50 ms       {_percentile(latencies, 0.50):.1f}")
    print(f"p99 ms       {_percentile(latencies, 0.99):.1f}")
    print(f"errors       {len(run.errors)}")
    print(f"mismatches   {len(run.mismatches)}")
    for line in (run.errors + run.mismatches)[:10]:
        print(f"  {line}", file=sys.stderr)
    failed = bool(run.errors or run.mismatches or not latencies)
    if failed:
        print(f"load: FAILED; server log: {log_path}", file=sys.stderr)
    else:
        os.unlink(log_path)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
