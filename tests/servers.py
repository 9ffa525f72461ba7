"""The real server for tests that the Flask test client cannot make: gunicorn on 127.0.0.1."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on just now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(log_path: Path, **settings: str) -> Iterator[int]:
    """gunicorn with gunicorn.conf.py and one sync worker on 127.0.0.1, with the environment
    variables ``settings`` (``QUOTES_TIMEOUT_S="0.001"``); yields its port once /readyz answers
    200, and stops it. Its output goes to ``log_path``."""
    port = free_port()
    env = {**os.environ, "WEB_CONCURRENCY": "1", "QUOTES_API_KEYS": "", "QUOTES_MODEL_LOADING": "eager",
           **settings}
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
             "service:create_app()"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(1200):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:
                    if response.status == 200:
                        break
            except (OSError, urllib.error.URLError):
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not become ready: " + log_path.read_text()[-2000:])
        yield port
    finally:
        server.terminate()
        server.wait(timeout=60)
