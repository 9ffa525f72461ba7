"""Reading a request body: content type, character encoding and JSON, before any schema.

Answers 415 for a content type other than JSON or plain text, 400 ``invalid_encoding`` for
bytes that are not valid in the declared charset (UTF-8 unless said otherwise), 400
``invalid_json`` for a body that does not parse. The body size limit (413) is Flask's
``MAX_CONTENT_LENGTH``, enforced when the body is read.
"""
from __future__ import annotations

import codecs
import json
from typing import Any

from flask import Request

from .errors import ApiError

JSON_TYPES = ("application/json",)
TEXT_TYPES = ("text/plain",)


def _unsupported(allowed: tuple[str, ...]) -> ApiError:
    return ApiError(415, "unsupported_media_type", "send " + " or ".join(allowed),
                    {"allowed": list(allowed)})


def _is_json(mimetype: str) -> bool:
    return mimetype in JSON_TYPES or (mimetype.startswith("application/") and mimetype.endswith("+json"))


def _decode(request: Request, default: str) -> str:
    charset = request.mimetype_params.get("charset", default).strip().lower()
    try:
        codecs.lookup(charset)
    except LookupError:
        raise ApiError(415, "unsupported_media_type", f"unknown charset {charset!r}") from None
    if charset in ("utf-8", "utf8") and default == "utf-8-sig":
        charset = default
    try:
        return request.get_data(cache=False).decode(charset)
    except UnicodeDecodeError as exc:
        raise ApiError(400, "invalid_encoding", f"the body is not valid {charset}",
                       {"position": exc.start}) from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def parse_json(raw: str) -> Any:
    """The JSON value of ``raw``, or 400 ``invalid_json`` (also for NaN, Infinity, deep nesting)."""
    try:
        return json.loads(raw, parse_constant=_reject_constant)
    except RecursionError:
        raise ApiError(400, "invalid_json", "the body nests too deeply to be read") from None
    except ValueError as exc:
        raise ApiError(400, "invalid_json", f"the body is not valid JSON: {exc}") from None


def read_json(request: Request) -> Any:
    """The body as a JSON value; only JSON content types are accepted."""
    if not _is_json(request.mimetype):
        raise _unsupported(JSON_TYPES)
    # A UTF-8 byte order mark is not part of a JSON document; tolerate it.
    return parse_json(_decode(request, "utf-8-sig"))


def read_article(request: Request) -> Any:
    """The body of POST /v1/quotes: JSON as sent, or plain text as ``{"text": body}``.

    Plain text is kept exactly as sent (a byte order mark included): offsets count from it.
    """
    if _is_json(request.mimetype):
        return read_json(request)
    if request.mimetype in TEXT_TYPES:
        return {"text": _decode(request, "utf-8")}
    raise _unsupported(JSON_TYPES + TEXT_TYPES)
