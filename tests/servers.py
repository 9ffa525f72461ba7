"""The real server for tests that the Flask test client cannot make: gunicorn on 127.0.0.1,
started as the scripts start it (scripts/server.py)."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from scripts.server import Server


@contextmanager
def gunicorn(log_path: Path, **settings: str) -> Iterator[int]:
    """gunicorn with gunicorn.conf.py and one worker on 127.0.0.1, with the environment
    variables ``settings`` (``QUOTES_TIMEOUT_S="0.001"``); yields its port once /readyz answers
    200, and stops it. Its output goes to ``log_path``."""
    server = Server(1, log_path, {"QUOTES_API_KEYS": "", "QUOTES_MODEL_LOADING": "eager", **settings})
    try:
        try:
            server.start()
        except RuntimeError as exc:
            pytest.fail(f"gunicorn did not become ready ({exc}): " + log_path.read_text()[-2000:])
        yield server.port
    finally:
        server.stop()
