"""The two output tables, ``quotes`` and ``articles``: their Arrow schemas and their rows.

A quote row is one quote of ``POST /v1/quotes``'s answer (``service.answers.quote``)
flattened: the article's id, the kept input fields, then the quote's fields, each span
(mention, cue, claim, event) as its text. An article row is one input row: its id, kept
fields, counts, the error (code and message, or nulls), milliseconds, model and version.
docs/archive.md documents both. Reading input and writing files are not handled here.
"""
from __future__ import annotations

from typing import Any, Sequence

import pyarrow as pa

# The quote's own columns, after article_id and the kept fields.
QUOTE_COLUMNS: list[tuple[str, pa.DataType]] = [
    ("quote_id", pa.string()), ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
    ("kind", pa.string()), ("continues", pa.string()), ("speaker_name", pa.string()),
    ("mention", pa.string()), ("role", pa.string()), ("affiliation", pa.string()),
    ("resolved_by", pa.string()), ("cue", pa.string()), ("claim", pa.string()), ("event", pa.string()),
    ("rule", pa.string()), ("confidence", pa.float64()),
]

# The article's own columns, after id and the kept fields.
ARTICLE_COLUMNS: list[tuple[str, pa.DataType]] = [
    ("quote_count", pa.int64()), ("speaker_count", pa.int64()), ("error_code", pa.string()),
    ("error_message", pa.string()), ("elapsed_ms", pa.int64()), ("model", pa.string()),
    ("version", pa.string()),
]

RESERVED = {"article_id", "id"} | {name for name, _ in QUOTE_COLUMNS} | {name for name, _ in ARTICLE_COLUMNS}


def quotes_schema(keep: Sequence[str]) -> pa.Schema:
    """``article_id``, the kept fields (strings), then QUOTE_COLUMNS."""
    return pa.schema([("article_id", pa.string()), *[(k, pa.string()) for k in keep], *QUOTE_COLUMNS])


def articles_schema(keep: Sequence[str]) -> pa.Schema:
    """``id``, the kept fields (strings), then ARTICLE_COLUMNS."""
    return pa.schema([("id", pa.string()), *[(k, pa.string()) for k in keep], *ARTICLE_COLUMNS])


def _text(span: dict[str, Any] | None) -> str | None:
    return None if span is None else span["text"]


def quote_row(article_id: str, kept: dict[str, str | None], quote: dict[str, Any]) -> dict[str, Any]:
    """One quote of the API's answer (``answers.quote``'s dict) as a ``quotes`` row."""
    speaker = quote["speaker"]
    return {"article_id": article_id, **kept,
            "quote_id": quote["id"], "text": quote["text"], "start": quote["start"], "end": quote["end"],
            "kind": quote["kind"], "continues": quote["continues"], "speaker_name": speaker["name"],
            "mention": _text(speaker["mention"]), "role": speaker["role"],
            "affiliation": speaker["affiliation"], "resolved_by": speaker["resolved_by"],
            "cue": _text(quote["cue"]), "claim": _text(quote["claim"]), "event": _text(quote["event"]),
            "rule": quote["rule"], "confidence": quote["confidence"]}


def article_row(article_id: str, kept: dict[str, str | None], *, quotes: int = 0, speakers: int = 0,
                error: tuple[str, str] | None = None, elapsed_ms: int = 0, model: str, version: str) -> dict[str, Any]:
    """One input row's ``articles`` row; ``error`` is (code, message) for a row that failed."""
    code, message = error if error is not None else (None, None)
    return {"id": article_id, **kept, "quote_count": quotes, "speaker_count": speakers,
            "error_code": code, "error_message": message, "elapsed_ms": elapsed_ms,
            "model": model, "version": version}


def table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    """``rows`` as an Arrow table of exactly ``schema`` (so every shard has the same types)."""
    return pa.Table.from_pylist(rows, schema=schema)
