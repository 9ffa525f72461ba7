"""The web blueprint: the page at ``/`` and its static files, ``/openapi.json`` and ``/docs``.

Everything is served by the service itself (no CDN, no other host: newsroom networks are
closed). The OpenAPI document is built once per app, when the blueprint is registered, from
that app's settings; ``/docs`` renders it as plain HTML on the server (no script needed).
None of these paths is under ``/v1/``, so API keys never guard them.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, send_from_directory
from flask.blueprints import BlueprintSetupState
from markupsafe import Markup, escape

from .version import __version__
from .openapi import build_spec, operations, ref_name, type_label

STATIC = Path(__file__).resolve().parent / "static"
bp = Blueprint("web", __name__, static_folder=STATIC, static_url_path="/static",
               template_folder="templates")

SPEC_KEY = "quotes.openapi"

# The page and the docs load nothing from elsewhere and run no inline script.
_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


@bp.record_once
def _build_spec(state: BlueprintSetupState) -> None:
    state.app.extensions[SPEC_KEY] = build_spec(state.app.config)


def spec() -> dict[str, Any]:
    """This app's OpenAPI document."""
    document: dict[str, Any] = current_app.extensions[SPEC_KEY]
    return document


_CODE = re.compile(r"``?([^`]+)``?")  # `code` (Markdown) and ``code`` (docstrings)


def inline_code(text: str) -> Markup:
    """Escaped text with `backticked` words as <code>, for the descriptions in the document."""
    return Markup(_CODE.sub(r"<code>\1</code>", str(escape(text))))


def pretty(value: Any) -> str:
    """An example as indented JSON, for a <pre> block (the template escapes it)."""
    return value if isinstance(value, str) else json.dumps(value, indent=2, ensure_ascii=False)


@bp.after_request
def _protect(response: Response) -> Response:
    """The security headers, on every answer of this blueprint: the page, its static files
    (``/static/index.html`` is the page too), the docs and the OpenAPI document."""
    response.headers["Content-Security-Policy"] = _CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.get("/")
def page() -> Response:
    """The page: paste an article, see its quotes highlighted by speaker."""
    return send_from_directory(STATIC, "index.html", mimetype="text/html")


@bp.get("/openapi.json")
def openapi_json() -> Response:
    return jsonify(spec())


@bp.get("/docs")
def docs() -> Response:
    """The API reference, rendered from the OpenAPI document."""
    document = spec()
    html = render_template("docs.html", spec=document, operations=list(operations(document)),
                           schemas=document["components"]["schemas"], type_label=type_label,
                           ref_name=ref_name, inline_code=inline_code, pretty=pretty,
                           version=__version__)
    return Response(html, mimetype="text/html")
