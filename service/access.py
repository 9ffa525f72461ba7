"""Optional API keys: when ``API_KEYS`` (QUOTES_API_KEYS, comma-separated) is set, ``/v1/*``
requires ``Authorization: Bearer <key>`` or ``X-API-Key: <key>``, compared in constant time.

Everything outside ``/v1/`` stays open (health, readiness, the page, its static files, the
docs and the OpenAPI document), and so do CORS preflight requests, which never carry keys.
"""
from __future__ import annotations

import hmac

from flask import Flask, request

from .problems import ApiError

PROTECTED_PREFIX = "/v1/"


def parse_keys(setting: str) -> tuple[bytes, ...]:
    """The keys of a comma-separated setting, blanks dropped."""
    return tuple(k.strip().encode() for k in setting.split(",") if k.strip())


def presented_key(authorization: str | None, api_key: str | None) -> str | None:
    """The key a request presents: a Bearer token, else the X-API-Key header."""
    if authorization:
        scheme, _, token = authorization.strip().partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return token.strip()
    if api_key and api_key.strip():
        return api_key.strip()
    return None


def key_matches(candidate: str, keys: tuple[bytes, ...]) -> bool:
    """True when ``candidate`` is one of ``keys``; every key is compared, each in constant time."""
    given = candidate.encode("utf-8", "surrogateescape")
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(given, key)
    return matched


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": 'Bearer realm="quotes"'})


def register_api_keys(app: Flask) -> None:
    """Require a key on ``/v1/*`` when the app has any configured."""
    keys = parse_keys(app.config.get("API_KEYS") or "")
    if not keys:
        return

    def require_key() -> None:
        if not request.path.startswith(PROTECTED_PREFIX) or request.method == "OPTIONS":
            return
        candidate = presented_key(request.headers.get("Authorization"), request.headers.get("X-API-Key"))
        if candidate is None:
            raise _unauthorized("an API key is required: Authorization: Bearer <key> or X-API-Key: <key>")
        if not key_matches(candidate, keys):
            raise _unauthorized("the API key is not valid")

    app.before_request(require_key)
