"""The per-worker extraction: each actor loads the model once and turns batches of raw rows into shards.

For a batch it judges each raw row (``rows.judge``), claims the ids (``resume.IdClaims``),
parses the new articles together (the core's ``parse_many``, as the batch endpoint does) in
one spaCy memory zone, extracts each with its own deadline, writes the two tables' rows
(``tables``) as a pair of shards (``shards``), and returns one small summary row per input
row for the driver's progress and totals. A row's failure is its own: it becomes an
``articles`` row with the API's error code. Reading files and the progress bar are not here.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import pyarrow as pa
from spacy.language import Language
from spacy.tokens import Doc

from .. import answers
from ..extract import Deadline, DeadlineExceeded, extract, parse, parse_many
from ..model import memory_zone
from ..nlp import load_pipeline, model_label
from ..problems import ApiError, article_failed
from ..version import __version__
from . import resume, shards, tables
from .rows import Judged, judge

SUMMARY_SCHEMA = pa.schema([
    ("id", pa.string()), ("source", pa.string()), ("line", pa.int64()), ("status", pa.string()),
    ("error_code", pa.string()), ("error_message", pa.string()), ("quotes", pa.int64()),
    ("weight", pa.int64()), ("finished", pa.float64()), ("busy_s", pa.float64()), ("cpu_s", pa.float64()),
    ("worker", pa.int64()),
    ("load_s", pa.float64()), ("uss_bytes", pa.int64()),
])


@dataclass(frozen=True)
class Settings:
    """What every worker needs to know, sent from the driver (a cluster's nodes share no environment)."""
    model: str
    output: str
    format: str
    id_field: str = "id"
    text_field: str = "text"
    keep: tuple[str, ...] = ()
    max_chars: int = 200_000
    max_id_chars: int = 1024
    timeout_s: float = 20.0
    several_files: bool = False
    quotes_schema: pa.Schema = field(init=False)
    articles_schema: pa.Schema = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "quotes_schema", tables.quotes_schema(self.keep))
        object.__setattr__(self, "articles_schema", tables.articles_schema(self.keep))


def timeout_error(seconds: float) -> ApiError:
    """The API's 503 ``timeout``, for one row."""
    return ApiError(503, "timeout", "the article took longer than the request deadline", {"timeout_s": seconds})


def duplicate_error(given: str) -> ApiError:
    """``duplicate_id``: the archive's one code beyond the API's; the row is not processed again."""
    return ApiError(409, "duplicate_id", f"id {given!r} was given by an earlier row; this row was not processed")


class _RowDeadline(Deadline):
    """A deadline restarted for each row that comes out of ``parse_many``: a group of short
    texts parsed together shares one row's time, and a group that runs past it is parsed
    again one text at a time, each with its own deadline."""

    def __init__(self, seconds: float | None) -> None:
        super().__init__(None)
        self.seconds = seconds
        self.restart()

    def restart(self) -> None:
        self.at = None if self.seconds is None else time.monotonic() + self.seconds

    def check(self) -> None:
        if self.at is not None and time.monotonic() > self.at:
            raise DeadlineExceeded()


def _parse_rows(nlp: Language, texts: list[str], seconds: float | None) -> list[Doc | ApiError]:
    docs: list[Doc | ApiError] = []
    deadline = _RowDeadline(seconds)
    try:
        for doc in parse_many(nlp, texts, deadline):
            docs.append(doc)
            deadline.restart()
    except Exception:  # past the deadline, or a failure, in the group in flight: the rest one by one
        for text in texts[len(docs):]:
            try:
                docs.append(parse(nlp, text, Deadline(seconds)))
            except DeadlineExceeded:
                docs.append(timeout_error(seconds or 0.0))
            except Exception:  # one article's failure must not end the job
                docs.append(article_failed())
    return docs


def _extract(doc: Doc, seconds: float | None) -> dict[str, list[dict[str, Any]]] | ApiError:
    deadline = Deadline(seconds)
    try:
        return answers.quotes_and_speakers(extract(doc, deadline), deadline.check)
    except DeadlineExceeded:
        return timeout_error(seconds or 0.0)
    except Exception:  # one article's failure must not end the job
        return article_failed()


def process(nlp: Language, label: str, settings: Settings, batch: dict[str, Sequence[Any]],
            claim: Callable[[list[str], list[int]], list[str]]) -> tuple[pa.Table, pa.Table, list[dict[str, Any]]]:
    """One batch of raw rows: (quotes rows, articles rows, one summary per row). ``claim`` is
    ``IdClaims.claim`` (a remote call under Ray)."""
    seconds = settings.timeout_s if settings.timeout_s > 0 else None
    judged: list[Judged] = [
        judge(source, line, kind, raw, id_field=settings.id_field, text_field=settings.text_field,
              keep=settings.keep, max_chars=settings.max_chars, max_id_chars=settings.max_id_chars,
              several_files=settings.several_files)
        for source, line, kind, raw in zip(batch["source"], batch["line"], batch["kind"], batch["raw"])]
    verdicts = claim([j.id for j in judged],
                     [resume.row_key(s, int(n)) for s, n in zip(batch["source"], batch["line"])])
    for j, verdict in zip(judged, verdicts):
        if verdict == resume.DUPLICATE:
            j.article = duplicate_error(j.id)

    todo = [k for k, (j, v) in enumerate(zip(judged, verdicts))
            if v != resume.SKIP and not isinstance(j.article, ApiError)]
    results: dict[int, tuple[dict[str, list[dict[str, Any]]] | ApiError, int]] = {}
    with memory_zone(nlp):
        started = time.perf_counter()
        docs = _parse_rows(nlp, [judged[k].article["text"] for k in todo], seconds)  # type: ignore[index]
        parsed = time.perf_counter()
        share = (parsed - started) / max(len(todo), 1)
        for k, doc in zip(todo, docs):
            began = time.perf_counter()
            result = doc if isinstance(doc, ApiError) else _extract(doc, seconds)
            results[k] = (result, round((share + time.perf_counter() - began) * 1000))

    quote_rows: list[dict[str, Any]] = []
    article_rows: list[dict[str, Any]] = []
    summaries: list[dict[str, Any]] = []
    for k, (j, verdict) in enumerate(zip(judged, verdicts)):
        outcome, elapsed = results.get(k, (j.article, 0))
        summary = {"id": j.id, "source": batch["source"][k], "line": int(batch["line"][k]),
                   "status": "skipped", "error_code": None, "error_message": None, "quotes": 0,
                   "weight": int(batch["weight"][k])}
        if verdict != resume.SKIP:
            if isinstance(outcome, ApiError):
                summary.update(status="failed", error_code=outcome.code, error_message=outcome.message)
                article_rows.append(tables.article_row(j.id, j.kept, error=(outcome.code, outcome.message),
                                                       elapsed_ms=elapsed, model=label, version=__version__))
            else:
                quotes = outcome["quotes"]
                quote_rows.extend(tables.quote_row(j.id, j.kept, q) for q in quotes)
                summary.update(status="done", quotes=len(quotes))
                article_rows.append(tables.article_row(j.id, j.kept, quotes=len(quotes),
                                                       speakers=len(outcome["speakers"]),
                                                       elapsed_ms=elapsed, model=label, version=__version__))
        summaries.append(summary)
    return (tables.table(quote_rows, settings.quotes_schema),
            tables.table(article_rows, settings.articles_schema), summaries)


def uss_bytes() -> int:
    """This process's unique set size (private pages), from /proc; 0 where there is none."""
    try:
        with open("/proc/self/smaps_rollup") as handle:
            return sum(int(line.split()[1]) * 1024 for line in handle
                       if line.startswith(("Private_Clean:", "Private_Dirty:", "Private_Hugetlb:")))
    except OSError:
        return 0


class Extractor:
    """The actor: the model loaded once, then one call per batch (``map_batches``)."""

    def __init__(self, settings: Settings, claims: Any) -> None:
        started = time.perf_counter()
        self.settings = settings
        self.claims = claims
        self.nlp = load_pipeline(settings.model)
        self.label = model_label(settings.model, self.nlp)
        self.load_s = time.perf_counter() - started
        self.fs, self.root = shards.output_fs(settings.output)
        self.peak = uss_bytes()

    def _claim(self, ids: list[str], keys: list[int]) -> list[str]:
        import ray
        verdicts: list[str] = ray.get(self.claims.claim.remote(ids, keys))
        return verdicts

    def __call__(self, batch: pa.Table) -> pa.Table:
        started, cpu = time.perf_counter(), time.process_time()
        columns = {name: batch.column(name).to_pylist() for name in ("source", "line", "kind", "raw", "weight")}
        quotes, articles, summaries = process(self.nlp, self.label, self.settings, columns, self._claim)
        if articles.num_rows:
            shards.write_pair(self.fs, self.root, self.settings.format, quotes, articles)
        self.peak = max(self.peak, uss_bytes())
        finished, busy, cpu = time.time(), time.perf_counter() - started, time.process_time() - cpu
        share = max(len(summaries), 1)
        for s in summaries:
            s.update(finished=finished, busy_s=busy / share, cpu_s=cpu / share, worker=os.getpid(),
                     load_s=self.load_s, uss_bytes=self.peak)
        return pa.Table.from_pylist(summaries, schema=SUMMARY_SCHEMA)
