"""The quote service: ``create_app()`` builds the Flask app (settings, model, blueprints, hooks).

Run it with ``gunicorn -c gunicorn.conf.py "service:create_app()"``, or ``flask --app service run``.
Flask is imported only when an app is made, so ``import service.extract`` (the core) and the
version pull in no web framework.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from .version import __version__

if TYPE_CHECKING:
    from flask import Flask

__all__ = ["__version__", "body_limit", "create_app"]

# JSON escapes take at most 12 bytes per character (a surrogate pair, \\ud83d\\ude00); the slack
# covers keys, ids and punctuation around the texts.
_BYTES_PER_CHAR = 12
_BODY_SLACK = 1 << 20


def body_limit(settings: Mapping[str, Any]) -> int:
    """MAX_CONTENT_LENGTH: room for the longest allowed text (or batch), every character escaped."""
    longest = max(int(settings["MAX_CHARS"]), int(settings["MAX_BATCH_CHARS"]))
    return longest * _BYTES_PER_CHAR + _BODY_SLACK


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """The app. Settings come from QUOTES_* variables (read once), then from ``config`` when given.

    Unless MODEL_LOADING says otherwise the spaCy model is loaded here, so that gunicorn
    ``--preload`` loads it once before forking; /readyz answers 503 until it is loaded.
    """
    from flask import Flask

    from .access import register_api_keys
    from .compression import register_compression
    from .config import from_environment
    from .cors import register_cors
    from .errors import register_error_handlers
    from .model import LOADING_MODES, Model
    from .requestlog import configure_logging, install_request_log

    settings: dict[str, Any] = from_environment()
    settings.update(config or {})
    if settings["MODEL_LOADING"] not in LOADING_MODES:
        raise ValueError(f"QUOTES_MODEL_LOADING must be one of {LOADING_MODES}, "
                         f"got {settings['MODEL_LOADING']!r}")
    if settings.get("MAX_CONTENT_LENGTH") is None:
        settings["MAX_CONTENT_LENGTH"] = body_limit(settings)

    app = Flask(__name__, static_folder=None)  # the web blueprint serves /static, with its headers
    app.config.update(settings)
    app.json.sort_keys = False  # type: ignore[attr-defined]  # keep the contract's field order
    # No routing redirects (a 308 whose Location echoes the Host header): "//healthz" is a 404.
    app.url_map.merge_slashes = False
    app.url_map.redirect_defaults = False

    configure_logging(str(settings["LOG_LEVEL"]))
    register_error_handlers(app)
    install_request_log(app)  # first: every later hook's answer gets a request id and a log line
    app.before_request(_refuse_empty_segments)
    register_cors(app)
    register_api_keys(app)
    register_compression(app)
    _register_blueprints(app)

    model = Model(str(settings["SPACY_MODEL"]))
    app.extensions["quotes.model"] = model
    if settings["MODEL_LOADING"] == "eager":
        model.load()
    elif settings["MODEL_LOADING"] == "background":
        model.load_in_background()
    return app


def _refuse_empty_segments() -> None:
    """404 for a path with an empty segment (``//healthz``): Werkzeug would match it to
    ``/healthz`` once it drops the leading slashes, and nothing is served at such paths."""
    from flask import request

    from .problems import ApiError

    if "//" in request.environ.get("PATH_INFO", ""):
        raise ApiError(404, "not_found", "no such endpoint")


def _register_blueprints(app: Flask) -> None:
    """Every blueprint the service serves."""
    from .api import bp as api_bp
    from .web import bp as web_bp  # the page at /, /docs, /openapi.json

    app.register_blueprint(api_bp)
    app.register_blueprint(web_bp)
