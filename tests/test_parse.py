"""Parsing: one Doc whose text is exactly the input, however the text is cut for the pipeline."""
from __future__ import annotations

import pytest
from spacy.language import Language

import service.extract.pipeline as pipeline
from service.extract import Deadline, DeadlineExceeded, parse, parse_many

TEXTS = [
    "",
    "One line.",
    "\n\n",
    "First paragraph.\n\nSecond one, \"quoted\" here.\n",
    "x" * 250 + " tail",                # a run of non-space characters longer than a piece
    "," * 1_000,                        # punctuation with no spaces: cut so it tokenizes quickly
    ("A line of words. " * 40 + "\n") * 40,
]


@pytest.mark.parametrize("text", TEXTS)
def test_parse_keeps_the_exact_text(nlp: Language, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_BATCH_CHARS", 500)  # so the longer texts are cut into pieces
    assert parse(nlp, text).text == text


def test_parse_many_matches_parse_one_by_one(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_BATCH_CHARS", 500)
    docs = list(parse_many(nlp, TEXTS))
    assert [d.text for d in docs] == TEXTS
    for text, doc in zip(TEXTS, docs):
        alone = parse(nlp, text)
        assert [(t.text, t.dep_, t.ent_type_) for t in doc] == [(t.text, t.dep_, t.ent_type_) for t in alone]


def test_a_passed_deadline_stops_parsing(nlp: Language) -> None:
    deadline = Deadline(-1.0)
    with pytest.raises(DeadlineExceeded):
        parse(nlp, "Some words.\n" * 10, deadline)
    with pytest.raises(DeadlineExceeded):
        list(parse_many(nlp, ["Some words."] * 3, deadline))
