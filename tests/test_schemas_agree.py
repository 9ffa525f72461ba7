"""The HTTP-free modules and the marshmallow schemas say the same thing, so the two cannot drift.

``service.answers`` writes every answer (API and command line); the schemas describe it for
the OpenAPI document: the JSON of one must be the JSON of the other, byte for byte (key order
and number types included), over extractions of invented articles and over generated records.
``service.inputs`` judges every article; ``QuotesRequestSchema`` describes it: both reach the
same verdict, with the same messages. ``ApiError.body`` is ``ErrorBodySchema``'s shape.
"""
from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from marshmallow import ValidationError

from service import answers
from service.extract import Extraction, Quote, Speaker, SpeakerRef, TextSpan, extract_text
from service.inputs import load_article, raw_id
from service.problems import ApiError
from service.schemas import (BatchResultSchema, ErrorSchema, QuoteSchema, QuotesRequestSchema,
                             QuotesResponseSchema, SpeakerSchema)


def same_json(ours: Any, schemas: Any) -> None:
    assert json.dumps(ours) == json.dumps(schemas)


def _check_extraction(result: Extraction) -> None:
    parts = answers.quotes_and_speakers(result)
    same_json(parts["quotes"], QuoteSchema(many=True).dump(result.quotes))
    same_json(parts["speakers"], SpeakerSchema(many=True).dump(result.speakers))
    made = answers.meta("a_model 1.0", "9.9.9", 12)
    for given_id in ("file.txt", 42):
        same_json(answers.answer(given_id, parts, made),
                  QuotesResponseSchema().dump({"id": given_id, "quotes": result.quotes,
                                               "speakers": result.speakers, "meta": made}))
    for given_id in ("a1", 7, None):
        same_json(answers.batch_result(given_id, result),
                  BatchResultSchema().dump({"id": given_id, "quotes": result.quotes,
                                            "speakers": result.speakers}))


# --- answers: extractions of invented articles, one per phenomenon ----------------------------

ARTICLES = {
    "named speaker with role and place":
        "“The bridge opens in May,” said Mayor Tilda Brask of Ostvik.",
    "pronoun carried to a second quote":
        "Councillor Anselm Roe spoke first. “Not this year,” he told reporters. “Maybe next.”",
    "quote with no speaker":
        "“Nobody saw the ferry leave.”",
    "partial quote inside the reporter's sentence":
        "The harbour master called the plan “a costly gamble” on Tuesday.",
    "quote split around its cue":
        "“We will rebuild,” said Ilse Marrow, the fire chief, “and we will do it fast.”",
    "statement of an organisation":
        "The Ostvik Rowing Club said in a statement: “Training resumes on Friday.”",
    "event with time and place":
        "Speaking at a council meeting on Monday, Dr. Pell Varga said: “Rents are too high.”",
    "several speakers, several mentions":
        "“Yes,” said Oona Falk. “No,” said Bram Tiller. Falk later added: “Still yes.”",
    "no quotes at all":
        "The market closes at noon on Sundays.",
    "characters outside the basic plane":
        "😀 “Café 👩‍👩‍👧 prices rose,” said Jörg Ællen.",
}


@pytest.mark.parametrize("text", ARTICLES.values(), ids=ARTICLES.keys())
def test_the_answer_shape_is_the_schemas_dump(nlp, text):
    _check_extraction(extract_text(nlp, text))


# --- answers: generated records ------------------------------------------------------------

words = st.text(max_size=8)
maybe_words = st.none() | words
offsets = st.integers(min_value=0, max_value=10 ** 6)
spans = st.builds(TextSpan, text=words, start=offsets, end=offsets)
refs = st.builds(SpeakerRef, id=maybe_words, name=maybe_words, mention=st.none() | spans,
                 role=maybe_words, affiliation=maybe_words)
quotes = st.builds(Quote, id=words, text=words, start=offsets, end=offsets,
                   kind=st.sampled_from(["direct", "partial"]), continues=maybe_words, speaker=refs,
                   cue=st.none() | spans, claim=st.none() | spans, event=st.none() | spans, rule=words,
                   confidence=st.floats(min_value=0, max_value=1) | st.sampled_from([0, 1]))
speakers = st.builds(Speaker, id=words, name=words, role=maybe_words, affiliation=maybe_words,
                     mentions=st.lists(spans, max_size=3).map(tuple),
                     quote_ids=st.lists(words, max_size=3).map(tuple))
extractions = st.builds(Extraction, quotes=st.lists(quotes, max_size=3).map(tuple),
                        speakers=st.lists(speakers, max_size=3).map(tuple))


@settings(max_examples=150, deadline=None)
@given(result=extractions)
def test_any_records_dump_alike(result):
    _check_extraction(result)


# --- errors ------------------------------------------------------------------------------------

@pytest.mark.parametrize("error, request_id", [
    (ApiError(422, "invalid_request", "text: must not be empty", {"text": ["must not be empty"]}), "r1"),
    (ApiError(503, "not_ready", "loading", headers={"Retry-After": "5"}), None),
    (ApiError(413, "payload_too_large", "text: over 10 characters", {"max_chars": 10, "chars": 11}), "r2"),
])
def test_the_error_value_is_the_error_schemas_dump(error, request_id):
    same_json({"error": error.body(request_id)}, ErrorSchema().dump({"error": error.body(request_id)}))
    assert list(error.body(request_id)) == list(ErrorSchema().fields["error"].schema.fields)


# --- inputs: one article's verdict ------------------------------------------------------------

MAX_ID = 8


def _schema_verdict(data: Any) -> Any:
    """What the request schema says of ``data``: the loaded article, or its field-keyed messages."""
    try:
        return QuotesRequestSchema(max_id_chars=MAX_ID).load(data)
    except ValidationError as exc:
        return exc.normalized_messages()


def _inputs_verdict(data: Any) -> Any:
    try:
        return load_article(data, max_chars=10 ** 6, max_id_chars=MAX_ID)
    except ApiError as exc:
        assert exc.status == 422 and exc.code == "invalid_request", exc.body(None)
        return exc.details


def _same_verdict(data: dict[str, Any]) -> None:
    ours, schema = _inputs_verdict(data), _schema_verdict(data)
    assert json.dumps(ours) == json.dumps(schema)
    loaded = isinstance(schema.get("text"), str)  # else schema holds messages
    id_refused = not loaded and "id" in schema
    assert raw_id(data, MAX_ID) == (None if id_refused else data.get("id"))


ARTICLE_INPUTS = {
    "text and string id": {"text": "Hello.", "id": "a1"},
    "text and integer id": {"text": "Hello.", "id": -1234567},
    "text alone": {"text": "Hello."},
    "null id": {"text": "Hello.", "id": None},
    "white space only": {"text": "   "},
    "unknown fields ignored": {"text": "Hello.", "lang": "en", "id": 3},
    "text missing": {"id": "a1"},
    "text null": {"text": None},
    "text empty": {"text": ""},
    "text a number": {"text": 42},
    "text a list": {"text": ["a", "b"]},
    "text an object": {"text": {"body": "a"}},
    "text true": {"text": True},
    "id a list": {"text": "a", "id": [1]},
    "id false": {"text": "a", "id": False},
    "id a float": {"text": "a", "id": 1.5},
    "id too long": {"text": "a", "id": "abcdefghi"},
    "integer id too long": {"text": "a", "id": 123456789},
    "id with a lone surrogate": {"text": "a", "id": "x\ud800"},
    "text and id both wrong": {"id": 1.5},
    "both wrong, id first": {"id": [], "text": []},
}


@pytest.mark.parametrize("data", ARTICLE_INPUTS.values(), ids=ARTICLE_INPUTS.keys())
def test_inputs_judge_an_article_as_the_request_schema_does(data):
    _same_verdict(data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-10 ** 12, max_value=10 ** 12) | st.floats(allow_nan=False)
    | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=3), inner, max_size=2),
    max_leaves=4)
article_objects = st.dictionaries(st.sampled_from(["text", "id", "other"]), json_values, max_size=3)


@settings(max_examples=300, deadline=None)
@given(data=article_objects)
def test_inputs_agree_with_the_schema_on_any_object(data):
    _same_verdict(data)
