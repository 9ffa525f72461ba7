"""One article as a request or an input line gives it: the checks the API and the command line share.

``load_article`` validates ``{"text", "id"}`` with the request schema and applies the
character limit and the encoding check, raising the ApiError the API answers with.
"""
from __future__ import annotations

from typing import Any

from marshmallow import ValidationError

from .errors import ApiError, invalid_request
from .schemas import QuotesRequestSchema

_REQUEST = QuotesRequestSchema()


def load_article(data: Any, max_chars: int) -> dict[str, Any]:
    """A validated article (``text``, ``id``); 422 for a bad shape, 413 over ``max_chars``,
    400 for a text that is not valid Unicode."""
    if not isinstance(data, dict):
        raise invalid_request({"_schema": ["must be a JSON object"]})
    try:
        article: dict[str, Any] = _REQUEST.load(data)
    except ValidationError as exc:
        raise invalid_request(exc.normalized_messages()) from None
    _check_encodable(article["text"])
    if len(article["text"]) > max_chars:
        raise ApiError(413, "payload_too_large", f"text: over {max_chars} characters",
                       {"max_chars": max_chars, "chars": len(article["text"])})
    return article


def raw_id(data: Any) -> Any:
    """The id an input gave, when it is one an answer can echo (a string or an integer)."""
    raw = data.get("id") if isinstance(data, dict) else None
    return raw if isinstance(raw, (str, int)) and not isinstance(raw, bool) else None


def _check_encodable(text: str) -> None:
    """400 ``invalid_encoding`` for a lone surrogate (JSON lets one in as an escape, \\ud800):
    it is not a character, and no text holding one can be read."""
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ApiError(400, "invalid_encoding", "text: holds a lone surrogate, which is not a character",
                       {"position": exc.start}) from None
