"""The one JSON error handler: every failure answers in the shape of docs/api.md.

``{"error": {"status", "code", "message", "details", "request_id"}}``, whatever went wrong:
our own ``ApiError`` (``service.problems``, the error value without HTTP), an HTTP error
Werkzeug raised (404, 405, 413...), or an unexpected exception (500 ``internal_error``:
the traceback goes to the log, never into the answer).
"""
from __future__ import annotations

import logging

from flask import Flask, Response, g, jsonify
from werkzeug.exceptions import HTTPException

from .problems import ApiError

log = logging.getLogger("service.errors")

# The code of each HTTP error Werkzeug may raise on its own, as docs/api.md names them.
_HTTP_CODES: dict[int, str] = {
    400: "invalid_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    503: "not_ready",
}

_MESSAGES: dict[str, str] = {
    "not_found": "no such endpoint",
    "method_not_allowed": "method not allowed for this endpoint",
    "payload_too_large": "request body over the size limit",
    "unsupported_media_type": "send application/json or text/plain",
    "internal_error": "internal error; quote the request id when reporting it",
}


def from_http_exception(exc: HTTPException) -> ApiError:
    """Our error for one Werkzeug raised (routing, body size...), keeping headers such as Allow."""
    status = exc.code or 500
    code = _HTTP_CODES.get(status, "internal_error" if status >= 500 else "invalid_request")
    headers: dict[str, str] = {}
    valid_methods = getattr(exc, "valid_methods", None)
    if valid_methods:
        headers["Allow"] = ", ".join(sorted(valid_methods))
    return ApiError(status, code, _MESSAGES.get(code, exc.description or code), headers=headers)


def _request_id() -> str | None:
    return g.get("request_id")


def error_response(error: ApiError) -> Response:
    """The JSON response for ``error``."""
    response = jsonify({"error": error.body(_request_id())})
    response.status_code = error.status
    response.headers.update(error.headers)
    return response


def _handle_api_error(error: ApiError) -> Response:
    return error_response(error)


def _handle_http_exception(exc: HTTPException) -> Response:
    return error_response(from_http_exception(exc))


def _handle_unexpected(exc: Exception) -> Response:
    log.error("unhandled exception, request_id=%s", _request_id(), exc_info=exc)
    return error_response(ApiError(500, "internal_error", _MESSAGES["internal_error"]))


def register_error_handlers(app: Flask) -> None:
    """Answer every error of ``app`` with the JSON error shape."""
    app.register_error_handler(ApiError, _handle_api_error)
    app.register_error_handler(HTTPException, _handle_http_exception)
    app.register_error_handler(Exception, _handle_unexpected)
