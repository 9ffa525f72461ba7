"""The contract of POST /v1/quotes, /healthz and /readyz, through the Flask test client.

Speaker names are the lead's tests; here: offsets, shape, ids, meta, bodies, readiness.
"""
from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest
from marshmallow import Schema

from service import __version__
from service.extract import Quote, Speaker, SpeakerRef, TextSpan
from service.nlp import model_label
from service.schemas import QuoteSchema, SpanSchema, SpeakerRefSchema, SpeakerSchema

ROOT = Path(__file__).resolve().parent.parent

# The seed article's 10 quotes (seed_gold.json): offsets and their opening words.
SEED_QUOTES = [
    (1182, 1440, "The fact that North Korea released"),
    (1565, 1740, "it is also worth noting"),
    (1744, 1967, "If Pyongyang were keeping"),
    (2250, 2278, "I would if he would contact,"),
    (2396, 2415, "great relationship."),
    (2419, 2618, "The last time I met him"),
    (3146, 3236, "Well, I think they are sort of a nuclear power."),
    (3251, 3369, "When you say they have to be recognized"),
    (3660, 3675, "clues and signs"),
    (3807, 3899, "no confirmed information"),
]


def without_meta(body: dict) -> dict:
    return {k: v for k, v in body.items() if k != "meta"}


@pytest.fixture(scope="module")
def seed_answer(client, seed_text):
    response = client.post("/v1/quotes", json={"text": seed_text, "id": "seed-1"})
    assert response.status_code == 200
    return response.get_json()


def test_seed_article_gives_its_ten_quotes(seed_answer, seed_text, check):
    check(seed_text, seed_answer)
    found = [(q["start"], q["end"]) for q in seed_answer["quotes"]]
    assert found == [(start, end) for start, end, _ in SEED_QUOTES]
    for quote, (_, _, opening) in zip(seed_answer["quotes"], SEED_QUOTES):
        assert quote["text"].startswith(opening)


def test_seed_answer_ids_and_speakers_are_consistent(seed_answer):
    assert [q["id"] for q in seed_answer["quotes"]] == [f"q{n}" for n in range(1, 11)]
    assert seed_answer["id"] == "seed-1"
    named = {q["speaker"]["id"] for q in seed_answer["quotes"] if q["speaker"]["id"]}
    assert named == {s["id"] for s in seed_answer["speakers"]}


def _first_json_block(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(text.split("```json\n", 1)[1].split("```", 1)[0])


def test_readme_example_is_the_seed_answers_fourth_quote(seed_answer):
    """The README shows q4 as the service gives it today, confidence included."""
    assert _first_json_block(ROOT / "README.md") == seed_answer["quotes"][3]


def test_api_md_example_is_the_seed_answer(seed_answer):
    """docs/api.md shows q4 and its speaker as the service gives them (the claim shortened there)."""
    shown = _first_json_block(ROOT / "docs" / "api.md")
    quote, given = shown["quotes"][0], seed_answer["quotes"][3]
    assert {k: v for k, v in quote.items() if k != "claim"} == {k: v for k, v in given.items() if k != "claim"}
    assert (quote["claim"]["start"], quote["claim"]["end"]) == (given["claim"]["start"], given["claim"]["end"])
    speaker = next(s for s in seed_answer["speakers"] if s["id"] == quote["speaker"]["id"])
    assert {k: v for k, v in shown["speakers"][0].items() if k not in ("mentions", "quote_ids")} == \
        {k: v for k, v in speaker.items() if k not in ("mentions", "quote_ids")}
    assert shown["speakers"][0]["mentions"][0] == speaker["mentions"][0]
    assert shown["meta"]["version"] == __version__


def test_meta_names_model_version_and_time(seed_answer, app, nlp):
    meta = seed_answer["meta"]
    assert set(meta) == {"model", "version", "elapsed_ms"}
    assert meta["model"] == model_label(app.config["SPACY_MODEL"], nlp)
    assert meta["model"].split(" ")[0] == app.config["SPACY_MODEL"]
    assert meta["version"] == __version__ == "1.3.0"
    assert isinstance(meta["elapsed_ms"], int) and meta["elapsed_ms"] >= 0


def test_plain_text_body_gives_the_same_answer(client, seed_text, seed_answer):
    response = client.post("/v1/quotes", data=seed_text.encode("utf-8"), content_type="text/plain; charset=utf-8")
    assert response.status_code == 200
    body = response.get_json()
    assert "id" not in body
    assert body["quotes"] == seed_answer["quotes"] and body["speakers"] == seed_answer["speakers"]


SHORT = "“We will win this,” the coach said."


@pytest.mark.parametrize("payload, echoed", [
    ({"text": SHORT, "id": "story-7"}, "story-7"),
    ({"text": SHORT, "id": 7}, 7),
    ({"text": SHORT, "id": ""}, ""),
    ({"text": SHORT, "id": None}, None),
    ({"text": SHORT}, None),
], ids=["string", "integer", "empty-string", "null", "absent"])
def test_id_is_echoed_only_when_given(client, payload, echoed):
    body = client.post("/v1/quotes", json=payload).get_json()
    if echoed is None:
        assert "id" not in body
    else:
        assert body["id"] == echoed


@pytest.mark.parametrize("payload", [
    {"text": SHORT, "language": "en", "options": {"x": 1}},
    {"text": SHORT, "meta": None, "quotes": []},
], ids=["extra-fields", "fields-named-like-the-answer"])
def test_unknown_fields_are_ignored(client, payload, check):
    response = client.post("/v1/quotes", json=payload)
    assert response.status_code == 200
    check(SHORT, response.get_json())
    assert len(response.get_json()["quotes"]) == 1


@pytest.mark.parametrize("text", [" ", "\n\n\n", "\t \r\n \u00a0 \u2003"], ids=["space", "newlines", "mixed"])
def test_whitespace_only_text_has_no_quotes(client, text):
    response = client.post("/v1/quotes", json={"text": text})
    assert response.status_code == 200
    body = response.get_json()
    assert body["quotes"] == [] and body["speakers"] == []


@pytest.mark.parametrize("prefix", ["", "\n\n  ", "\ufeff", "😀👩‍👩‍👧 ", "\r\n\r\n", "\u200f\u200e"],
                         ids=["none", "blank-lines", "bom", "emoji", "crlf", "rtl-marks"])
def test_offsets_count_code_points_of_the_exact_text(client, prefix, check):
    text = prefix + SHORT
    body = client.post("/v1/quotes", json={"text": text}).get_json()
    check(text, body)
    assert [(q["start"], q["text"]) for q in body["quotes"]] == [(len(prefix) + 1, "We will win this,")]


@pytest.mark.parametrize("content_type, data", [
    ("application/json", '{"text": "“Go,” she said."}'.encode()),
    ("application/json; charset=utf-8", '{"text": "“Go,” she said."}'.encode()),
    ("application/merge-patch+json", '{"text": "“Go,” she said."}'.encode()),
    ("application/json", b"\xef\xbb\xbf" + '{"text": "“Go,” she said."}'.encode()),
    ("text/plain", "“Go,” she said.".encode()),
    ("text/plain; charset=UTF-8", "“Go,” she said.".encode()),
    ("text/plain; charset=utf-16", "“Go,” she said.".encode("utf-16")),
    ("text/plain; charset=windows-1252", "“Go,” she said.".encode("cp1252")),
], ids=["json", "json-charset", "json-suffix", "json-bom", "plain", "plain-charset",
        "plain-utf16", "plain-cp1252"])
def test_accepted_bodies(client, content_type, data):
    response = client.post("/v1/quotes", data=data, content_type=content_type)
    assert response.status_code == 200, response.get_json()
    assert [q["text"] for q in response.get_json()["quotes"]] == ["Go,"]


def test_health_and_readiness(client, app):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.get_json() == {"status": "ready", "model": app.extensions["quotes.model"].label}


def test_readiness_is_503_until_the_model_is_loaded(make_app, check_error):
    app = make_app(MODEL_LOADING="manual")
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    error = check_error(client.get("/readyz"), 503, "not_ready")
    assert error["message"]
    response = client.post("/v1/quotes", json={"text": SHORT})
    check_error(response, 503, "not_ready")
    assert response.headers["Retry-After"]
    check_error(client.post("/v1/quotes/batch", json={"articles": []}), 503, "not_ready")
    app.extensions["quotes.model"].load()
    assert client.get("/readyz").status_code == 200
    assert client.post("/v1/quotes", json={"text": SHORT}).status_code == 200


def test_background_loading_turns_ready(make_app):
    client = make_app(MODEL_LOADING="background").test_client()
    for _ in range(600):
        if client.get("/readyz").status_code == 200:
            break
        time.sleep(0.05)
    assert client.get("/readyz").status_code == 200


def test_unknown_loading_mode_is_refused_at_start(make_app):
    with pytest.raises(ValueError, match="MODEL_LOADING"):
        make_app(MODEL_LOADING="later")


@pytest.mark.parametrize("schema, record", [
    (QuoteSchema, Quote), (SpeakerRefSchema, SpeakerRef), (SpeakerSchema, Speaker), (SpanSchema, TextSpan),
], ids=["quote", "speaker-ref", "speaker", "span"])
def test_response_schemas_cover_every_field_of_the_core_records(schema: type[Schema], record):
    assert list(schema().fields) == [f.name for f in dataclasses.fields(record)]
