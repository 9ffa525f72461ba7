"""The reporter's words around each quote: which tokens are quoted, and each quote's frame.

A quote's frame is the reporter's text of its own sentence: the tokens before the
opening mark back to the sentence start (or an earlier quote), and the tokens after the
closing mark up to the sentence end (or the next quote), all within its paragraph.
That is where a cue for the quote stands ("X said", "said X", "according to X", "X:").
``quote_kind`` reads from the frame whether a quote is direct speech or a partial quote.
``Layout.memo`` keeps what a reader works out once per article for every quote.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from ..lexicon.cues import is_speech_verb
from ..lexicon.grammar import PHRASE_OPENER_POS
from ..lexicon.punctuation import OPENING_QUOTES, SENTENCE_ENDS
from .marks import Paragraph, Run

_CUE_REACH = 4  # a speech verb this close after a quote attributes it ("Hart told KXTV ...")
_SUBJECT_REACH = 6  # ... or one whose subject starts this close ("Mr. Danvers, now 81, said")


@dataclass(frozen=True)
class Frame:
    """Token index ranges [start, end) of the reporter's words before and after one quote."""

    before: range
    after: range
    first: int  # first token of the quote's own words (marks excluded)
    last: int  # last token of the quote's own words


class Layout:
    """Which run each token lies in, paragraph boundaries, and every quote's frame."""

    def __init__(self, doc: Doc, text: str, runs: list[Run], paragraphs: list[Paragraph]) -> None:
        """``text`` is ``doc.text``, passed in because Doc.text joins every token anew."""
        self.doc = doc
        self.text = text
        self.runs = runs
        self.paragraphs = paragraphs
        self._para_starts = [p.start for p in paragraphs]
        text = self.text
        n = len(doc)
        self.run_of: list[int] = [-1] * n
        self.para_of: list[int] = [0] * n
        bounds = []
        for r in runs:
            hi = r.end if r.close_mark is None else r.close_mark + (2 if text[r.close_mark:r.close_mark + 2] in ("''", "``") else 1)
            bounds.append((r.open_mark, hi))
        k = 0
        for tok in doc:
            i = tok.i
            while k < len(bounds) and bounds[k][1] <= tok.idx:
                k += 1
            if k < len(bounds) and bounds[k][0] <= tok.idx < bounds[k][1]:
                self.run_of[i] = k
            self.para_of[i] = self.paragraph_at(tok.idx)
        self.frames = [self._frame(k) for k in range(len(runs))]
        self.memo: dict[str, Any] = {}  # what a reader computes once per article for every quote (by name)

    def paragraph_at(self, char: int) -> int:
        """Index into ``paragraphs`` of the paragraph holding (or last starting before) ``char``."""
        return max(0, bisect.bisect_right(self._para_starts, char) - 1)

    def token_at(self, char: int) -> int:
        """Index of the token that starts at or after ``char``."""
        return self._token_index(char)

    def _token_holding(self, char: int) -> int:
        """Index of the token that holds ``char`` (or the last one starting before it)."""
        i = self._token_index(char)
        if i < len(self.doc) and self.doc[i].idx == char:
            return i
        return max(0, i - 1)

    def _token_index(self, char: int) -> int:
        lo, hi = 0, len(self.doc)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.doc[mid].idx < char:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _frame(self, k: int) -> Frame:
        doc, run_of, para_of = self.doc, self.run_of, self.para_of
        run = self.runs[k]
        # the tokens holding the run's first and last characters (a mark inside a word, "x“y",
        # leaves the run's start inside a token)
        first = min(self._token_holding(run.start), len(doc) - 1)
        last = max(first, min(self._token_holding(run.end - 1), len(doc) - 1))
        # the tokens of the marks belong to the run too
        lo = first
        while lo > 0 and run_of[lo - 1] == k:
            lo -= 1
        hi = last
        while hi + 1 < len(doc) and run_of[hi + 1] == k:
            hi += 1
        para = para_of[first]
        b = lo - 1
        while b >= 0 and run_of[b] == -1 and para_of[b] == para and doc[b].text not in SENTENCE_ENDS:
            b -= 1
        before = range(b + 1, lo)
        a = hi + 1
        quote_text = self.text[run.start:run.end].rstrip()
        ends_sentence = quote_text[-1:] in ".!?" if quote_text else False
        end = a
        while end < len(doc) and run_of[end] == -1 and para_of[end] == para:
            if doc[end].text in SENTENCE_ENDS:
                end += 1
                break
            end += 1
        after = range(a, end)
        if ends_sentence and after and doc[a].text[:1].isupper() \
                and (not _attribution_after(doc, after) or _leads_into_next(doc, run_of, after, k)):
            after = range(a, a)  # a new sentence begins after the quote
        return Frame(before, after, first, last)

    def quoted(self, token: Token) -> bool:
        return self.run_of[token.i] != -1


def _attribution_after(doc: Doc, span: range) -> bool:
    """'Hart asked.' or 'Mr. Danvers, now 81, said by telephone.' after '"... ?"': the clause
    after a quote that ends its sentence still attributes it when it opens with a speech verb,
    or with the subject of one."""
    if any(is_speech_verb(doc[i]) for i in span[:_CUE_REACH]):
        return True
    first = doc[span.start]
    if first.pos_ not in ("PROPN", "PRON"):
        return False
    subjects = range(span.start, min(span.stop, span.start + _SUBJECT_REACH))
    return any(is_speech_verb(doc[i]) and any(c.dep_ == "nsubj" and c.i in subjects for c in doc[i].children)
               for i in span)


def _leads_into_next(doc: Doc, run_of: list[int], span: range, k: int) -> bool:
    """'"... each other." Ana Ruiz, the chair, added: "Next quote."': the sentence after a quote
    that ends its sentence, ending in a colon right before the next quote, introduces that one."""
    last = span.stop - 1
    while last > span.start and doc[last].is_space:
        last -= 1
    return doc[last].text == ":" and span.stop < len(doc) and run_of[span.stop] == k + 1


def quote_kind(doc: Doc, layout: Layout, k: int) -> str:
    """'partial' for a quoted fragment inside the reporter's sentence, else 'direct'.

    Direct: the quote opens its sentence, or follows a colon or a cue and comma ("X said,
    '...'"). Partial: the reporter's words run on before it and it starts in lower case,
    or they run on after it too (the "Bernie or Bust" crowd), or it finishes a phrase the
    reporter opened (a word before it that cannot end a clause: 'calling it a "Fiasco."'),
    or it is one of several titles listed in marks ('named "Night Shift," "Harbor Lights" and ...').
    """
    run = layout.runs[k]
    frame = layout.frames[k]
    if not frame.before or doc[frame.before[-1]].text in (":", ",") and _cue_before(doc, frame.before):
        return "direct"
    if layout.text[run.start:run.start + 1].islower():
        return "partial"
    if doc[frame.before[-1]].pos_ in PHRASE_OPENER_POS and doc[frame.before[-1]].dep_ != "ROOT":
        return "partial"  # 'with Ana calling it a "total mess."': the words finish the reporter's phrase
    runs_on = frame.after and doc[frame.after[0]].is_alpha and not is_speech_verb(doc[frame.after[0]])
    return "partial" if runs_on or _listed(layout, k) else "direct"


def _listed(layout: Layout, k: int) -> bool:
    """One of several titles or phrases listed in the reporter's sentence ('X named "Night Shift,"
    "Harbor Lights" and ...'): words ending in a comma, the next phrase in marks right after them."""
    run = layout.runs[k]
    if run.close_mark is None or layout.text[run.start:run.end].rstrip()[-1:] != ",":
        return False
    rest = layout.text[run.close_mark + 1:run.close_mark + 40].lstrip(" \t\u00a0")
    return rest[:1] in OPENING_QUOTES or rest[:2] in ("``", "''")


def _cue_before(doc: Doc, before: range) -> bool:
    return any(is_speech_verb(doc[i]) for i in before[-4:])
