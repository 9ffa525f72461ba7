"""The answer's JSON shape: the core's records as plain dicts, with docs/api.md's keys in its order.

What POST /v1/quotes, the batch endpoint and the command line write for an article's quotes
and speakers, and the ``meta`` object; the one place that shape is written down in code.
No web framework: the HTTP edge, the command line and jobs over archives all dump with it.
The marshmallow schemas (``service.schemas``) describe the same shape for the OpenAPI
document; tests/test_schemas_agree.py holds the two equal. Errors are ``service.problems``'.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence, TypeVar

from .extract import Extraction, Quote, Speaker, SpeakerRef, TextSpan


def span(value: TextSpan | None) -> dict[str, Any] | None:
    """A stretch of the article: ``{"text", "start", "end"}``, or None."""
    if value is None:
        return None
    return {"text": value.text, "start": value.start, "end": value.end}


def speaker_ref(ref: SpeakerRef) -> dict[str, Any]:
    """A quote's speaker: ``{"id", "name", "mention", "resolved_by", "role", "affiliation"}``."""
    return {"id": ref.id, "name": ref.name, "mention": span(ref.mention), "resolved_by": ref.resolved_by,
            "role": ref.role, "affiliation": ref.affiliation}


def quote(q: Quote) -> dict[str, Any]:
    """One quote, as ``quotes[]`` holds it."""
    return {"id": q.id, "text": q.text, "start": q.start, "end": q.end, "kind": q.kind,
            "continues": q.continues, "speaker": speaker_ref(q.speaker), "cue": span(q.cue),
            "claim": span(q.claim), "event": span(q.event), "rule": q.rule,
            "confidence": float(q.confidence)}


def speaker(s: Speaker) -> dict[str, Any]:
    """One speaker, as ``speakers[]`` holds it."""
    return {"id": s.id, "name": s.name, "role": s.role, "affiliation": s.affiliation,
            "mentions": [span(m) for m in s.mentions], "quote_ids": list(s.quote_ids)}


def quotes_and_speakers(result: Extraction, between: Callable[[], object] | None = None,
                        piece: int = 200) -> dict[str, list[dict[str, Any]]]:
    """``{"quotes", "speakers"}`` of one article. ``between``, when given, is called before each
    ``piece`` records and after the last (the API checks its deadline there, so that dumping a
    huge answer cannot run past it)."""
    return {"quotes": _each(quote, result.quotes, between, piece),
            "speakers": _each(speaker, result.speakers, between, piece)}


_Record = TypeVar("_Record")


def _each(dump: Callable[[_Record], dict[str, Any]], records: Sequence[_Record],
          between: Callable[[], object] | None, piece: int) -> list[dict[str, Any]]:
    if between is None:
        return [dump(r) for r in records]
    out: list[dict[str, Any]] = []
    for start in range(0, len(records), piece):
        between()
        out.extend(dump(r) for r in records[start:start + piece])
    between()
    return out


def meta(model: str | None, version: str, elapsed_ms: int) -> dict[str, Any]:
    """How an answer was made: ``{"model", "version", "elapsed_ms"}``."""
    return {"model": model, "version": version, "elapsed_ms": elapsed_ms}


def answer(given_id: Any, parts: dict[str, list[dict[str, Any]]], made: dict[str, Any]) -> dict[str, Any]:
    """The answer of POST /v1/quotes: ``id`` (only when one was given), the quotes and speakers
    ``parts`` (from ``quotes_and_speakers``), and ``made`` (from ``meta``)."""
    given = {} if given_id is None else {"id": given_id}
    return {**given, **parts, "meta": made}


def batch_result(given_id: Any, result: Extraction) -> dict[str, Any]:
    """One article's result in a batch, or a line of a JSON-lines run: ``{"id", "quotes", "speakers"}``."""
    return {"id": given_id, **quotes_and_speakers(result)}
