"""The error value every failure is told with, over HTTP and on the command line: docs/api.md's error object.

``ApiError`` carries a status, a stable code, a message for people and details;
``body()`` is the error object as the contract writes it. No web framework here: the
Flask handlers that turn an ``ApiError`` into a response live in ``service.errors``, and
the errors Werkzeug or gunicorn raise are translated there and in ``service.worker``.
"""
from __future__ import annotations

from typing import Any, Mapping


class ApiError(Exception):
    """An answer other than 200: raised by the edge and the command line, carried up to whoever reports it.

    ``details`` maps a field to its messages for 422 ``invalid_request``; otherwise it is
    an object of extra facts (limits, allowed values), or empty. ``headers`` are HTTP
    headers the answer carries (``Allow``, ``Retry-After``); the command line ignores them.
    """

    def __init__(self, status: int, code: str, message: str,
                 details: Mapping[str, Any] | None = None,
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = dict(details or {})
        self.headers = dict(headers or {})

    def body(self, request_id: str | None) -> dict[str, Any]:
        """The error object of docs/api.md (the value of the top-level ``error`` key)."""
        return {"status": self.status, "code": self.code, "message": self.message,
                "details": self.details, "request_id": request_id}


def invalid_request(details: Mapping[str, Any]) -> ApiError:
    """422 ``invalid_request`` with field-keyed messages; the message lists them as ``field: msg``."""
    return ApiError(422, "invalid_request", summarize(details), details)


def article_failed() -> ApiError:
    """500 for one article the core failed on, in its place among others that did not fail."""
    return ApiError(500, "internal_error", "internal error on this article")


def summarize(details: Mapping[str, Any], prefix: str = "") -> str:
    """``"text: must not be empty; id: Not a valid string."`` from marshmallow-style messages."""
    parts: list[str] = []
    for field, messages in details.items():
        name = f"{prefix}{field}"
        if isinstance(messages, Mapping):
            parts.append(summarize(messages, prefix=f"{name}."))
        elif isinstance(messages, (list, tuple)):
            parts.append(f"{name}: " + " ".join(str(m) for m in messages))
        else:
            parts.append(f"{name}: {messages}")
    return "; ".join(parts)
