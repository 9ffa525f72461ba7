"""CORS: off unless ``CORS_ORIGINS`` (QUOTES_CORS_ORIGINS) lists the origins allowed, comma-separated.

``*`` allows any origin. An allowed origin gets ``Access-Control-Allow-Origin`` on every
answer (errors included, so a page on another origin can read a 401) and its preflight
``OPTIONS`` requests get 204 with the methods and headers the API accepts. No cookies are
used, so credentials are never allowed.
"""
from __future__ import annotations

from flask import Flask, Response, request

ALLOWED_METHODS = "GET, POST, OPTIONS"
ALLOWED_HEADERS = "Authorization, Content-Type, X-API-Key, X-Request-ID"
EXPOSED_HEADERS = "X-Request-ID"
PREFLIGHT_MAX_AGE = "600"


def parse_origins(setting: str) -> frozenset[str]:
    """The origins of a comma-separated setting, without trailing slashes."""
    return frozenset(o.strip().rstrip("/") for o in setting.split(",") if o.strip())


def register_cors(app: Flask) -> None:
    """Answer preflights and add CORS headers for the allowed origins, when there are any."""
    origins = parse_origins(app.config.get("CORS_ORIGINS") or "")
    if not origins:
        return
    any_origin = "*" in origins

    def allowed(origin: str | None) -> bool:
        return bool(origin) and (any_origin or origin in origins)

    def preflight() -> Response | None:
        if (request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers
                and request.url_rule is not None and allowed(request.headers.get("Origin"))):
            response = Response(status=204)
            response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
            response.headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
            return response
        return None

    def add_headers(response: Response) -> Response:
        origin = request.headers.get("Origin")
        response.vary.add("Origin")
        if allowed(origin):
            response.headers["Access-Control-Allow-Origin"] = "*" if any_origin else origin
            response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response

    app.before_request(preflight)
    app.after_request(add_headers)
