"""Quoted runs that nobody is reported to have said: markup, nicknames, titles, scare quotes.

Each test is named, and a run is dropped for the first test it meets, before attribution.
A test looks at the run's words and the reporter's words right around it. Handled:
HTML-like attributes (author="..."), a nickname inside a name (George "Jay" Keyworth),
runs with no words (handles, links, numbers), stage directions ("(CROSSTALK.)"), and
title-case titles of works right after a possessive or a word like "show" or "on"
(MSNBC's "Morning Joe"). Not handled: other titles, and scare quotes, which news gold
standards mostly count as quotes of the person the sentence is about.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .frames import Layout

# Short words that stay lower case inside a title ("Gang of Eight", "Off the Record").
_TITLE_SMALL = frozenset("a an and as at but by for from in into nor of on or the to with vs via de la".split())
# Words right before a title of a work: "MSNBC's 'Morning Joe'", "on 'Face the Nation'".
_WORK_CONTEXT = frozenset({"'s", "’s", "on", "show", "program", "programme", "film", "book", "titled", "entitled",
                           "series", "song", "album", "movie", "documentary", "episode", "newspaper", "magazine",
                           "column", "headline", "memoir", "novel", "play", "musical", "podcast", "sitcom"})
_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d[\w'’\-]*")


def _title_case(words: list[str]) -> bool:
    if not words:
        return False
    for n, w in enumerate(words):
        if w[0].isdigit():
            continue
        if n > 0 and w.lower() in _TITLE_SMALL:
            continue
        if not w[0].isupper():
            return False
    return True


def reason_to_drop(doc: Doc, layout: Layout, k: int) -> str | None:
    """The name of the test that makes run ``k`` not a quote, or None to keep it."""
    text = layout.text
    run = layout.runs[k]
    words = _WORD.findall(text[run.start:run.end])
    if run.open_mark > 0 and text[run.open_mark - 1] == "=":
        return "markup"
    if not any(c.isalpha() for c in text[run.start:run.end]):
        return "no-words"
    if len(words) == 1 and re.search(r"[/@#]|\.com|^\d", text[run.start:run.end]):
        return "no-words"
    frame = layout.frames[k]
    before = doc[frame.before[-1]] if frame.before else None
    after = doc[frame.after[0]] if frame.after else None
    if len(words) <= 2 and before is not None and after is not None and before.pos_ == "PROPN" \
            and after.pos_ == "PROPN" and _title_case(words):
        return "nickname"
    if _title_case(words) and len(words) <= 8 and before is not None and before.lower_ in _WORK_CONTEXT:
        return "title"
    if text[run.start] == "(" and text[run.end - 1] == ")":
        return "stage-direction"
    return None
