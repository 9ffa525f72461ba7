"""One article as a request or an input line gives it: the checks the API and the command line share.

``load_article`` validates ``{"text", "id"}`` with the request schema and applies the
character limit and the encoding check, raising the ApiError the API answers with;
``raw_id`` is the id an error may echo: only one the schema would accept.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from marshmallow import ValidationError

from .config import DEFAULTS
from .errors import ApiError, invalid_request
from .schemas import QuotesRequestSchema, lone_surrogate_at

DEFAULT_MAX_ID_CHARS: int = DEFAULTS["MAX_ID_CHARS"]


@lru_cache(maxsize=8)
def _request_schema(max_id_chars: int) -> QuotesRequestSchema:
    return QuotesRequestSchema(max_id_chars=max_id_chars)


def load_article(data: Any, max_chars: int, max_id_chars: int = DEFAULT_MAX_ID_CHARS) -> dict[str, Any]:
    """A validated article (``text``, ``id``); 422 for a bad shape or id, 413 over ``max_chars``,
    400 for a text that is not valid Unicode."""
    if not isinstance(data, dict):
        raise invalid_request({"_schema": ["must be a JSON object"]})
    try:
        article: dict[str, Any] = _request_schema(max_id_chars).load(data)
    except ValidationError as exc:
        raise invalid_request(exc.normalized_messages()) from None
    _check_encodable(article["text"])
    if len(article["text"]) > max_chars:
        raise ApiError(413, "payload_too_large", f"text: over {max_chars} characters",
                       {"max_chars": max_chars, "chars": len(article["text"])})
    return article


def raw_id(data: Any, max_id_chars: int = DEFAULT_MAX_ID_CHARS) -> Any:
    """The id an input gave, when it is one an answer can echo (a valid id), else None."""
    raw = data.get("id") if isinstance(data, dict) else None
    if raw is None:
        return None
    try:
        return _request_schema(max_id_chars).fields["id"].deserialize(raw)
    except ValidationError:
        return None


def _check_encodable(text: str) -> None:
    """400 ``invalid_encoding`` for a lone surrogate: no text holding one can be read."""
    position = lone_surrogate_at(text)
    if position is not None:
        raise ApiError(400, "invalid_encoding", "text: holds a lone surrogate, which is not a character",
                       {"position": position})
