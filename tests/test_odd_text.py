"""Odd text never breaks the service: every case answers 200 with valid offsets."""
from __future__ import annotations

import pytest

from service.config import DEFAULTS

ODD_TEXTS = [
    ("only-quote-marks", "“”\"‘’'«»„''``" * 200),
    ("only-one-mark", "“"),
    ("thousands-nested", "“" * 3000 + "deep" + "”" * 3000),
    ("nested-alternating", "“‘" * 1000 + "x" + "’”" * 1000),
    ("straight-marks-flood", '"' * 2001),
    ("mark-inside-a-word", "x“y"),
    ("mark-between-names", "Anna Lindqvist“Lindqvist"),
    ("control-chars", "\x01\x02\x1b“Stop there,” \x07she said.\x7f\x0b\x0c"),
    ("nul-bytes", "\x00“Nothing \x00 here,” he said.\x00\x00"),
    ("emoji", "😀 “We won 🎉 today,” 👩‍👩‍👧 said the 🇰🇷 coach.\n“Again 🏆,” she added."),
    ("rtl-marks", "\u200f“مرحبا بكم,” \u202eshe said.\u202c\u200e “שלום,” he replied."),
    ("never-closing", "“This quote never ends\nNor does “this one\n“Or this, he said"),
    ("closing-marks-only", "He said” it” was” fine”."),
    ("line-separators", "“One,\u2028two,” she said.\u2029“Three.”"),
    ("carriage-returns", "“First,” he said.\r\n\r\n“Second,” he added.\r"),
    ("combining-marks", "“Cafe\u0301 Zu\u0308rich,” said Jose\u0301."),
    ("one-long-line", "“" + "word " * 8_000 + "” said no one."),
    ("many-short-paragraphs", "“Yes,” he said.\n" * 600),
    ("apostrophes-only", "Leaders’ Week, Choe’s trip, rock ’n’ roll, the ’90s, students’ union. " * 50),
]


@pytest.mark.parametrize("text", [t for _, t in ODD_TEXTS], ids=[name for name, _ in ODD_TEXTS])
def test_odd_text_answers_200_with_valid_offsets(client, check, text):
    response = client.post("/v1/quotes", json={"text": text})
    assert response.status_code == 200, response.get_json()
    check(text, response.get_json())


@pytest.mark.parametrize("body", [
    b'{"text": "\\ud800 \\u201cOdd,\\u201d she said."}',
    b'{"text": "\\u201cOdd,\\u201d she said. \\udfff"}',
    b'{"text": "\\ude00\\ud83d"}',
], ids=["lone-high", "lone-low", "pair-reversed"])
def test_lone_surrogate_is_invalid_encoding(client, check_error, body):
    response = client.post("/v1/quotes", data=body, content_type="application/json")
    check_error(response, 400, "invalid_encoding")


def test_escaped_surrogate_pair_is_one_character(client, check):
    response = client.post("/v1/quotes", data=b'{"text": "\\ud83d\\ude00 \\u201cOdd,\\u201d she said."}',
                           content_type="application/json")
    assert response.status_code == 200
    assert response.get_json()["quotes"][0]["start"] == 3


def test_nul_in_plain_text_body(client, check):
    text = "“Fine\x00,” she said."
    response = client.post("/v1/quotes", data=text.encode(), content_type="text/plain")
    assert response.status_code == 200
    check(text, response.get_json())


def test_an_article_at_the_character_limit(client, check, seed_text):
    """200,000 characters (the seed article over and over): 200, every offset right."""
    limit = DEFAULTS["MAX_CHARS"]
    copies = limit // (len(seed_text) + 1) + 1
    text = "\n".join([seed_text] * copies)[:limit]
    assert len(text) == limit
    response = client.post("/v1/quotes", json={"text": text})
    assert response.status_code == 200
    body = response.get_json()
    check(text, body)
    assert len(body["quotes"]) >= 10 * (copies - 1)
