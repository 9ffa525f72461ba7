"""Quoted runs that nobody is reported to have said: markup, nicknames, titles, scare quotes.

Owns the named tests a run is dropped by, before attribution, the first it meets winning; each
looks at the run's words and the reporter's words right around it (markup attributes, a nickname
inside a name, runs with no words, stage directions, titles of works, a short title-case name in a
sentence that tells of no one saying anything). Whether a sentence holds a speech verb is read once
per sentence (``Layout.memo``). The cases are tables in tests/test_filters.py. Not handled: titles
written in lower case, and scare quotes, which news gold standards count as quotes about half the
time, with nothing in the text measured to tell the two apart.
"""
from __future__ import annotations

import re
from itertools import islice

from spacy.tokens import Doc, Token

from ..lexicon.cues import FRAMING_VERBS, SPEECH_VERBS, UTTERANCE_NOUNS, is_speech_verb
from ..lexicon.works import TITLE_SMALL_WORDS, WORK_CONTEXT
from .frames import Layout
from ..parse_index import ParseIndex

_UTTERANCE_REACH = 3  # an utterance noun this close before the run
# A title-case run this short, in a sentence that reports no speech, names something.
_NAME_WORDS = 4
_GOVERNOR_CLIMB = 12  # at most this many heads from the run up to the verb it hangs on; a bound so a pathological
# parse stays linear
_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d[\w'’\-]*")


def _title_case(words: list[str]) -> bool:
    if not words:
        return False
    for n, w in enumerate(words):
        if w[0].isdigit():
            continue
        if n > 0 and w.lower() in TITLE_SMALL_WORDS:
            continue
        if not w[0].isupper():
            return False
    return True


def reason_to_drop(index: ParseIndex, layout: Layout, k: int) -> str | None:
    """The name of the test that makes run ``k`` not a quote, or None to keep it; ``index`` is the
    parse index of the article's ``Doc`` (``Article.index``)."""
    doc = index.doc
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
    if _title_case(words) and len(words) <= 8 and before is not None and before.lower_ in WORK_CONTEXT:
        return "title"
    if text[run.start] == "(" and text[run.end - 1] == ")":
        return "stage-direction"
    if len(words) <= _NAME_WORDS and _title_case(words) and _in_reporters_sentence(doc, layout, k) \
            and not _reports_speech(index, layout, k):
        return "name-in-silent-sentence"
    return None


def _in_reporters_sentence(doc: Doc, layout: Layout, k: int) -> bool:
    """Whether run ``k`` stands among the reporter's words, not as a sentence of its own."""
    frame = layout.frames[k]
    return any(doc[i].is_alpha for i in (*frame.before, *frame.after))


def _reports_speech(index: ParseIndex, layout: Layout, k: int) -> bool:
    """Whether the reporter's words around run ``k`` tell of someone saying it: a speech verb
    in its sentence or frame, a colon leading into it, or a speech or framing verb it hangs on."""
    doc = index.doc
    frame = layout.frames[k]
    if frame.before and doc[frame.before[-1]].text == ":":
        return True
    if any(_utterance_noun(doc[i]) for i in frame.before[-_UTTERANCE_REACH:]):
        return True
    start = index.sentence_start(doc[frame.first])
    spoken = layout.memo.setdefault("sentence_speaks", {})  # sentence start -> a speech verb outside quotes
    if start not in spoken:
        spoken[start] = any(layout.run_of[i] == -1 and is_speech_verb(doc[i])
                            for i in range(start, index.sentence_end(doc[frame.first])))
    if spoken[start] or any(layout.run_of[i] == -1 and is_speech_verb(doc[i]) for i in (*frame.before, *frame.after)):
        return True
    verb = _governor(doc, layout, k)
    return verb is not None and verb.lemma_.lower() in SPEECH_VERBS | FRAMING_VERBS


def _utterance_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in UTTERANCE_NOUNS


def _governor(doc: Doc, layout: Layout, k: int) -> Token | None:
    """The first verb outside run ``k`` that its words hang on (copulas passed over)."""
    for token in islice(doc[layout.frames[k].first].ancestors, _GOVERNOR_CLIMB):
        if layout.run_of[token.i] == k or token.pos_ not in ("VERB", "AUX") or token.lemma_ == "be":
            continue
        return token
    return None
