"""Session fixtures: the spaCy pipeline loaded once, the app, its client, and shared checks.

``nlp``, ``app`` and ``client`` are session-scoped: the model loads once per test session
and every app made here reuses it (service.nlp caches it per process). ``make_app`` builds
an app with other settings; ``check_answer`` asserts the contract invariants of an answer.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from spacy.language import Language

from service import create_app
from service.config import DEFAULTS, from_environment
from service.extract.records import RESOLVED_BY
from service.nlp import load_pipeline

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "seeds" / "000_804a390cb46da908.txt"


def _test_config(**overrides: Any) -> dict[str, Any]:
    """The defaults, whatever QUOTES_* variables the shell holds, except the model's name.

    The deadline is generous: the suite runs on busy machines, and timeouts have their own tests.
    """
    config: dict[str, Any] = dict(DEFAULTS)
    config.update(TESTING=True, SPACY_MODEL=from_environment()["SPACY_MODEL"], TIMEOUT_S=600.0)
    config.update(overrides)
    return config


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The spaCy pipeline, loaded once for the whole session."""
    return load_pipeline(_test_config()["SPACY_MODEL"])


@pytest.fixture(scope="session")
def app(nlp: Language) -> Flask:
    """The app with default settings (no API keys, no CORS), sharing the session's pipeline."""
    return create_app(_test_config())


@pytest.fixture(scope="session")
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def make_app(nlp: Language) -> Callable[..., Flask]:
    """``make_app(API_KEYS="k1", ...)``: a new app with these settings over the test defaults."""
    def make(**overrides: Any) -> Flask:
        return create_app(_test_config(**overrides))
    return make


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article, exactly as stored (no newline translation)."""
    return SEED_PATH.read_bytes().decode("utf-8")


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def log_records() -> Iterator[Callable[[str], list[logging.LogRecord]]]:
    """``log_records("service.access")``: the records that logger (and its children) emitted.

    The service's loggers do not propagate to the root (they write JSON lines to stderr), so
    pytest's caplog does not see them; this handler listens on the ``service`` logger itself.
    """
    handler = _Records()
    logger = logging.getLogger("service")
    logger.addHandler(handler)
    try:
        yield lambda name: [r for r in handler.records if r.name == name or r.name.startswith(name + ".")]
    finally:
        logger.removeHandler(handler)


def _check_offsets(text: str, span: Any, what: str) -> None:
    assert 0 <= span["start"] <= span["end"] <= len(text), f"{what}: offsets out of range {span}"
    assert text[span["start"]:span["end"]] == span["text"], f"{what}: text != input[start:end]"


def _check_span(text: str, span: Any, what: str) -> None:
    if span is None:
        return
    assert set(span) == {"text", "start", "end"}, what
    _check_offsets(text, span, what)


def check_answer(text: str, body: dict[str, Any]) -> None:
    """Assert the invariants docs/api.md promises for any answer to ``text``."""
    assert {"quotes", "speakers"} <= set(body)
    quotes, speakers = body["quotes"], body["speakers"]
    speaker_ids = [s["id"] for s in speakers]
    assert len(set(speaker_ids)) == len(speaker_ids), "speaker ids repeat"
    seen: list[str] = []
    previous_end = 0
    for q in quotes:
        _check_offsets(text, q, f"quote {q['id']}")
        assert q["start"] >= previous_end, f"quote {q['id']} overlaps the one before it"
        previous_end = q["end"]
        assert q["kind"] in {"direct", "partial"}
        assert q["continues"] is None or q["continues"] in seen, f"{q['id']} continues a later quote"
        speaker = q["speaker"]
        assert isinstance(speaker, dict) \
            and {"id", "name", "mention", "resolved_by", "role", "affiliation"} <= set(speaker)
        if speaker["name"] is None:
            assert speaker["id"] is None
        # resolved_by is null exactly when name is (added in 1.2.0)
        assert (speaker["resolved_by"] is None) is (speaker["name"] is None), f"{q['id']}: {speaker}"
        assert speaker["resolved_by"] is None or speaker["resolved_by"] in RESOLVED_BY
        if speaker["id"] is not None:
            assert speaker["id"] in speaker_ids, f"{q['id']}: speaker {speaker['id']} not in speakers"
        for part in ("cue", "claim", "event"):
            _check_span(text, q[part], f"{q['id']}.{part}")
        _check_span(text, speaker["mention"], f"{q['id']}.speaker.mention")
        assert 0.0 <= q["confidence"] <= 1.0
        assert q["id"] not in seen, "quote ids repeat"
        seen.append(q["id"])
    for s in speakers:
        assert s["name"], f"speaker {s['id']} without a name"
        for mention in s["mentions"]:
            _check_span(text, mention, f"speaker {s['id']} mention")
        said = [q["id"] for q in quotes if q["speaker"]["id"] == s["id"]]
        assert list(s["quote_ids"]) == said, f"speaker {s['id']}: quote_ids {s['quote_ids']} != {said}"


@pytest.fixture(scope="session")
def check() -> Callable[[str, dict[str, Any]], None]:
    """``check(text, body)``: the contract invariants of an answer (see check_answer)."""
    return check_answer


def check_error_response(response: Any, status: int, code: str) -> dict[str, Any]:
    """Assert ``response`` is the JSON error of docs/api.md with this status and code; its body."""
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert set(error) == {"status", "code", "message", "details", "request_id"}
    assert (error["status"], error["code"]) == (status, code)
    assert isinstance(error["message"], str) and error["message"]
    assert isinstance(error["details"], dict)
    assert error["request_id"] and error["request_id"] == response.headers["X-Request-ID"]
    body = response.get_data(as_text=True)
    assert "Traceback" not in body and ".py" not in body
    return error


@pytest.fixture(scope="session")
def check_error() -> Callable[[Any, int, str], dict[str, Any]]:
    """``check_error(response, 422, "invalid_request")``: the error shape; returns the error object."""
    return check_error_response


@pytest.fixture
def fail_extract(monkeypatch: pytest.MonkeyPatch) -> Callable[[Any, str], None]:
    """``fail_extract(module, word)``: ``module.extract`` raises ("core bug") on an article whose
    text holds ``word`` and extracts the others as before, for the tests of one failing article."""

    def patch(module: Any, word: str) -> None:
        real = module.extract

        def failing(doc: Any, deadline: Any) -> Any:
            if word in doc.text:
                raise RuntimeError("core bug")
            return real(doc, deadline)

        monkeypatch.setattr(module, "extract", failing)

    return patch
