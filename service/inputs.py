"""One article as a request, a file or an input line gives it: the checks the API and the command line share.

``load_article`` judges ``{"text", "id"}`` (text present, a string, not empty; the id a
string or an integer, not too long, valid Unicode; the text within the character limit
and free of lone surrogates) and raises the ``ApiError`` the API answers with. Its
messages are the request schema's (``service.schemas.QuotesRequestSchema``, which the
OpenAPI document is built from); tests/test_schemas_agree.py holds the two to the same verdicts.
``parse_json`` reads a body or a line, ``read_line`` one line of a JSON-lines archive.
Reading HTTP bodies (sizes, codings, charsets) is ``service.body``'s.
"""
from __future__ import annotations

import json
from typing import Any

from .config import DEFAULTS
from .problems import ApiError, invalid_request

DEFAULT_MAX_ID_CHARS: int = DEFAULTS["MAX_ID_CHARS"]

# What an article's text may fail on, in the words of marshmallow's String field (required,
# not null, a string) and of the schema's Length check.
TEXT_MESSAGES: dict[str, str] = {
    "required": "Missing data for required field.",
    "null": "Field may not be null.",
    "invalid": "Not a valid string.",
    "empty": "must not be empty",
}

# What an id may fail on; the schema's Identifier field reports the same messages.
ID_MESSAGES: dict[str, str] = {
    "invalid": "must be a string or an integer",
    "too_long": "must be at most {max_chars} characters long",
    "surrogate": "must be valid Unicode (it holds a lone surrogate)",
}


def lone_surrogate_at(text: str) -> int | None:
    """Where ``text`` holds a lone surrogate (JSON lets one in as an escape, \\ud800), or None:
    it is not a character, and no answer holding one is valid UTF-8."""
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def id_problem(value: Any, max_chars: int | None) -> str | None:
    """The key in ID_MESSAGES of what is wrong with a given (not null) id, or None.
    With ``max_chars`` None only the type is judged (a batch item's, judged again in place)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return "invalid"
    if max_chars is None:
        return None
    if len(value if isinstance(value, str) else str(value)) > max_chars:
        return "too_long"
    if isinstance(value, str) and lone_surrogate_at(value) is not None:
        return "surrogate"
    return None


def _text_problem(data: dict[str, Any]) -> str | None:
    if "text" not in data:
        return "required"
    text = data["text"]
    if text is None:
        return "null"
    if not isinstance(text, str):
        return "invalid"
    return "empty" if not text else None


def load_article(data: Any, max_chars: int, max_id_chars: int = DEFAULT_MAX_ID_CHARS) -> dict[str, Any]:
    """A valid article (``text``, ``id``); 422 for a bad shape or id, 413 over ``max_chars``,
    400 for a text that is not valid Unicode. Fields other than text and id are ignored."""
    if not isinstance(data, dict):
        raise invalid_request({"_schema": ["must be a JSON object"]})
    problems: dict[str, list[str]] = {}
    text_problem = _text_problem(data)
    if text_problem is not None:
        problems["text"] = [TEXT_MESSAGES[text_problem]]
    given_id = data.get("id")
    id_wrong = None if given_id is None else id_problem(given_id, max_id_chars)
    if id_wrong is not None:
        problems["id"] = [ID_MESSAGES[id_wrong].format(max_chars=max_id_chars)]
    if problems:
        raise invalid_request(problems)
    text: str = data["text"]
    position = lone_surrogate_at(text)
    if position is not None:
        raise ApiError(400, "invalid_encoding", "text: holds a lone surrogate, which is not a character",
                       {"position": position})
    if len(text) > max_chars:
        raise ApiError(413, "payload_too_large", f"text: over {max_chars} characters",
                       {"max_chars": max_chars, "chars": len(text)})
    return {"text": text, "id": given_id}


def raw_id(data: Any, max_id_chars: int = DEFAULT_MAX_ID_CHARS) -> Any:
    """The id an input gave, when it is one an answer can echo (a valid id), else None."""
    given = data.get("id") if isinstance(data, dict) else None
    if given is None or id_problem(given, max_id_chars) is not None:
        return None
    return given


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def parse_json(raw: str, what: str = "the body") -> Any:
    """The JSON value of ``raw``, or 400 ``invalid_json`` (also for NaN, Infinity, deep nesting);
    ``what`` names the input in the message."""
    try:
        return json.loads(raw, parse_constant=_reject_constant)
    except RecursionError:
        raise ApiError(400, "invalid_json", f"{what} nests too deeply to be read") from None
    except ValueError as exc:
        raise ApiError(400, "invalid_json", f"{what} is not valid JSON: {exc}") from None


def decode_utf8(raw: bytes, what: str) -> str:
    """``raw`` as UTF-8 text, or 400 ``invalid_encoding`` naming ``what`` and where it went wrong."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "invalid_encoding", f"{what} is not valid utf-8", {"position": exc.start}) from None


def read_line(raw: bytes, max_chars: int, max_id_chars: int = DEFAULT_MAX_ID_CHARS) -> tuple[Any, dict[str, Any] | ApiError]:
    """(id, article) of one line of a JSON-lines archive, or (the id it gave, when valid, and its error)."""
    data: Any = None
    try:
        data = parse_json(decode_utf8(raw, "the line"), "the line")
        return raw_id(data, max_id_chars), load_article(data, max_chars, max_id_chars)
    except ApiError as exc:
        return raw_id(data, max_id_chars), exc
