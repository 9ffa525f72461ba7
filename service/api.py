"""The API blueprint: thin views that read a request, call the core, and write the answer's shape.

POST /v1/quotes and POST /v1/quotes/batch, GET /healthz and GET /readyz. Limits (characters
per article and per batch, articles per batch) and the request deadline are applied here;
the core (``service.extract``) knows nothing of HTTP. The deadline covers the answer's
dumping too (in pieces, checked between them); a batch that runs out of time answers every
article it finished and a 503 ``timeout`` in place of each one it did not. Each request's
spaCy work runs in a memory zone, so words never seen before do not stay in the vocabulary.
An article is judged by ``service.inputs`` and its answer written by ``service.answers``, as
the command line does; the batch request's shape is checked with its marshmallow schema.
"""
from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, current_app, g, request
from marshmallow import ValidationError
from spacy.tokens import Doc

from . import answers
from .body import read_article, read_json
from .extract import Deadline, DeadlineExceeded, Extraction, extract, parse, parse_many
from .inputs import load_article, raw_id
from .model import Model, memory_zone
from .problems import ApiError, article_failed, invalid_request
from .requestlog import elapsed_ms, note
from .schemas import BatchRequestSchema
from .version import __version__

log = logging.getLogger("service.api")
bp = Blueprint("api", __name__)

_BATCH_REQUEST = BatchRequestSchema()

# Records dumped between two checks of the deadline (a few milliseconds' work).
_DUMP_PIECE = 200


def _model() -> Model:
    model: Model = current_app.extensions["quotes.model"]
    return model


def _deadline() -> Deadline:
    seconds = float(current_app.config["TIMEOUT_S"])
    return Deadline(seconds if seconds > 0 else None)


def _timeout() -> ApiError:
    return ApiError(503, "timeout", "the article took longer than the request deadline",
                    {"timeout_s": float(current_app.config["TIMEOUT_S"])})


def _meta(model: Model) -> dict[str, Any]:
    return answers.meta(model.label, __version__, round(elapsed_ms()))


def _load_article(data: Any) -> dict[str, Any]:
    return load_article(data, int(current_app.config["MAX_CHARS"]), int(current_app.config["MAX_ID_CHARS"]))


def _dump_extraction(result: Extraction, deadline: Deadline) -> dict[str, list[Any]]:
    """The quotes and speakers as the contract writes them, dumped in pieces with the deadline
    checked between them, so that a huge answer cannot run past it."""
    return answers.quotes_and_speakers(result, deadline.check, _DUMP_PIECE)


@bp.get("/healthz")
def healthz() -> Any:
    return {"status": "ok"}


@bp.get("/readyz")
def readyz() -> Any:
    model = _model()
    model.pipeline()  # 503 not_ready until loaded
    return {"status": "ready", "model": model.label}


@bp.post("/v1/quotes")
def quotes() -> Any:
    model = _model()
    nlp = model.pipeline()
    article = _load_article(read_article(request))
    text: str = article["text"]
    note(text_chars=len(text))
    deadline = _deadline()
    try:
        with memory_zone(nlp):
            result = extract(parse(nlp, text, deadline), deadline)
        parts = _dump_extraction(result, deadline)
    except DeadlineExceeded:
        raise _timeout() from None
    note(quotes=len(result.quotes))
    return answers.answer(article["id"], parts, _meta(model))


@bp.post("/v1/quotes/batch")
def batch() -> Any:
    model = _model()
    nlp = model.pipeline()
    data = read_json(request)
    if not isinstance(data, dict):
        raise invalid_request({"_schema": ["must be a JSON object"]})
    try:
        items: list[Any] = _BATCH_REQUEST.load(data)["articles"]
    except ValidationError as exc:
        raise invalid_request(exc.normalized_messages()) from None
    max_batch = int(current_app.config["MAX_BATCH"])
    if len(items) > max_batch:
        raise invalid_request({"articles": [f"at most {max_batch} articles per batch, got {len(items)}"]})

    max_id_chars = int(current_app.config["MAX_ID_CHARS"])
    request_id = g.get("request_id")
    results: list[dict[str, Any]] = []
    pending: list[tuple[dict[str, Any], str]] = []  # (result slot, text) still to read
    for item in items:
        try:
            article = _load_article(item)
        except ApiError as exc:
            results.append({"id": raw_id(item, max_id_chars), "error": exc.body(request_id)})
            continue
        slot: dict[str, Any] = {"id": article["id"]}
        results.append(slot)
        pending.append((slot, article["text"]))

    total = sum(len(text) for _, text in pending)
    note(articles=len(items), text_chars=total)
    max_total = int(current_app.config["MAX_BATCH_CHARS"])
    if total > max_total:
        raise ApiError(413, "payload_too_large", f"articles: over {max_total} characters in all",
                       {"max_batch_chars": max_total, "chars": total})

    deadline = _deadline()
    quote_count = done = 0
    try:
        with memory_zone(nlp):
            for (slot, _), doc in zip(pending, parse_many(nlp, [t for _, t in pending], deadline)):
                result = _extract_one(doc, deadline, slot)
                if result is not None:
                    slot.update(_dump_extraction(result, deadline))
                    quote_count += len(result.quotes)
                done += 1
    except DeadlineExceeded:
        for slot, _ in pending[done:]:
            slot["error"] = _timeout().body(request_id)
    note(quotes=quote_count, timed_out=len(pending) - done)
    return {"results": results, "meta": _meta(model)}


def _extract_one(doc: Doc, deadline: Deadline, slot: dict[str, Any]) -> Extraction | None:
    """The article's extraction; a failure of its own becomes an internal_error in its place."""
    try:
        return extract(doc, deadline)
    except DeadlineExceeded:
        raise
    except Exception:
        request_id = g.get("request_id")
        log.exception("extraction failed for one batch article, request_id=%s", request_id)
        slot["error"] = article_failed().body(request_id)
        return None

