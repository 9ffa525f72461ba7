"""Request ids and the one structured JSON log line per request.

Every response carries ``X-Request-ID``: the caller's own when it sent a sane one, else a
new one. After each request one JSON line goes to the ``service.access`` logger with the
request id, method, path, status, milliseconds, text length and quote count; never the
article text. Views report the text length and quote count through ``note()``.
"""
from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid
from datetime import datetime, timezone
from typing import Any

from flask import Flask, Response, g, request

access_log = logging.getLogger("service.access")

# A caller's id is echoed only if it is short and plain, so it cannot forge log lines or headers.
_SAFE_ID = re.compile(r"[A-Za-z0-9._:@/+=-]{1,128}")
_RECORD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None)))


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, any ``extra`` fields, traceback."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        out.update({k: v for k, v in vars(record).items() if k not in _RECORD_ATTRS and k != "message"})
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, default=str)


def configure_logging(level: str) -> None:
    """Send the ``service`` loggers to stderr as JSON lines (once per process)."""
    logger = logging.getLogger("service")
    logger.setLevel(level.upper())
    if not any(getattr(h, "_quotes_json", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        handler._quotes_json = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.propagate = False


def note(**fields: Any) -> None:
    """Add fields (``text_chars``, ``quotes``, ``articles``) to this request's log line."""
    g.log_fields.update(fields)


def _start() -> None:
    g.started = time.perf_counter()
    given = request.headers.get("X-Request-ID", "")
    g.request_id = given if _SAFE_ID.fullmatch(given) else uuid.uuid4().hex
    g.log_fields = {"text_chars": None, "quotes": None}


def elapsed_ms() -> float:
    """Milliseconds since this request began."""
    return (time.perf_counter() - g.get("started", time.perf_counter())) * 1000


def _finish(response: Response) -> Response:
    request_id = g.get("request_id")
    if request_id:
        response.headers["X-Request-ID"] = request_id
    access_log.info("request", extra={
        "request_id": request_id,
        "method": request.method,
        "path": request.path,
        "status": response.status_code,
        "ms": round(elapsed_ms(), 1),
        **g.get("log_fields", {}),
    })
    return response


def install_request_log(app: Flask) -> None:
    """Give each request an id and log it; install before any other before_request hook."""
    app.before_request(_start)
    app.after_request(_finish)
