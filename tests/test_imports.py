"""The core stands without the web edge: importing it, the version, the command line or the
HTTP-free modules it shares with the API (answers, inputs, problems) loads no web framework."""
from __future__ import annotations

import subprocess
import sys

import pytest

EDGE = ("flask", "werkzeug", "marshmallow", "gunicorn")


@pytest.mark.parametrize("module", ["service.extract", "service.version", "service", "service.cli",
                                    "service.answers", "service.inputs", "service.problems", "service.progress"])
def test_importing_loads_no_web_framework(module: str) -> None:
    code = (f"import sys, {module}; "
            f"print(','.join(sorted(m for m in {EDGE!r} if m in sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_the_app_factory_still_makes_the_flask_app() -> None:
    code = ("import sys, service; assert 'flask' not in sys.modules; "
            "app = service.create_app({'MODEL_LOADING': 'manual'}); print(type(app).__name__)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "Flask"
