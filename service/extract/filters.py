"""Quoted runs that nobody is reported to have said: markup, nicknames, titles, scare quotes.

Each test is named, and a run is dropped for the first test it meets. A test looks at
the run's words and at what the attribution found for it, so a quoted phrase that a
verb ties to a speaker ("X called him 'Lyin' Ted'") is kept while a show's title is not.
Handled: HTML-like attributes (author="..."), a nickname inside a name (George "Jay"
Keyworth), runs with no words (handles, links, numbers), and titles of works in title
case. Not handled: titles written in lower case, and scare quotes, which news gold
standards mostly count as quotes of the person the sentence is about.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .frames import Layout
from .speakers import Decision

# Lemmas of verbs that name something in quotes on a speaker's behalf: "X called it 'Y'".
NAMING_VERBS = frozenset({"call", "dub", "label", "brand", "nickname", "term", "name", "christen", "refer", "describe"})
# Short words that stay lower case inside a title ("Gang of Eight", "Off the Record").
_TITLE_SMALL = frozenset("a an and as at but by for from in into nor of on or the to with vs via de la".split())
# Words right before a title of a work: "MSNBC's 'Morning Joe'", "on 'Face the Nation'".
_WORK_CONTEXT = frozenset({"'s", "’s", "on", "show", "program", "programme", "film", "book", "titled", "entitled",
                           "series", "song", "album", "movie", "documentary", "episode", "newspaper", "magazine",
                           "column", "headline", "memoir", "novel", "play", "musical", "podcast", "sitcom"})
_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d[\w'’\-]*")
_ATTRIBUTION_RULES = frozenset({"cue-subject", "according-to", "colon-lead-in", "transcript", "byline"})


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


def reason_to_drop(doc: Doc, layout: Layout, k: int, decision: Decision) -> str | None:
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


def _naming_cue(doc: Doc, decision: Decision) -> bool:
    span = doc.char_span(*decision.cue, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in NAMING_VERBS for t in span)


def _said_right_there(layout: Layout, k: int, decision: Decision) -> bool:
    """A cue right after the closing mark, or right before the opening one ("X said, '...'")."""
    if decision.rule not in _ATTRIBUTION_RULES or decision.cue is None:
        return False
    frame = layout.frames[k]
    doc = layout.doc
    cue_start = decision.cue[0]
    near_after = [doc[i].idx for i in frame.after[:4]]
    near_before = [doc[i].idx for i in frame.before[-3:]]
    return cue_start in near_after or cue_start in near_before
