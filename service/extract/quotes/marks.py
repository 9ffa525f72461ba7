"""Quoted runs: pairing quotation marks paragraph by paragraph, from the text alone.

A paragraph is a line; marks are paired inside each one, so one bad paragraph cannot throw off the
rest. Owns which double marks (curly, straight, low, guillemets, the archive's '' and ``) open and
close a run, judged from what stands on either side; single marks are paired only in an article that
quotes with them alone (British style, ``single_marked``), and are otherwise apostrophes or quotes
nested in a double-quoted run; a run left open ends with its paragraph (``open_end``), or,
when a straight or doubled opening mark follows the end of a sentence in it, right before that mark
(paragraphs joined into one line without the closing mark between them). The cases are tables in
tests/test_marks.py. Not handled: an article that quotes with single marks and also uses a double
mark somewhere (read as double-marked), a single closing mark after a plural possessive ending a
run ("said the players'"), marks that span two paragraphs without a mark at the start of the second,
joined paragraphs in curly marks (an opening curly mark inside a run is read as a quote nested in it), and a closing mark dropped
before the reporter's words ('"We start now. He added: "...').
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

# Longest first, so that '' is read as one mark and not two apostrophes.
_MARK = re.compile(r"'''|''|``|[\"“”„‟«»]")
_OPENING = frozenset("“„‟«`")
_CLOSING = frozenset("”»")
# Characters after which a mark can only be opening, and before which it can only be closing.
_BEFORE_OPENING = frozenset("([{—–-/:;")
_AFTER_CLOSING = frozenset(".,;:!?)]}—–-…")
# What ends a sentence, and what may stand after that inside it (a single mark, a bracket).
_SENTENCE_FINAL = frozenset(".!?…")
_AFTER_SENTENCE_FINAL = "'’)]"


@dataclass(frozen=True)
class Run:
    """The words between an opening mark and its closing mark (or the paragraph's end)."""

    start: int  # first character after the opening mark
    end: int  # the closing mark's offset, or where the run was cut short, less trailing space
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph or the next run began first
    paragraph: int  # index of the paragraph (line) that holds the run

    @property
    def open_end(self) -> bool:
        """True when no closing mark ended the run: it ran to the end of its paragraph, or up to
        the next run's opening mark."""
        return self.close_mark is None


@dataclass(frozen=True)
class Paragraph:
    """One line of the article, by offsets."""

    index: int
    start: int
    end: int


def paragraphs(text: str) -> list[Paragraph]:
    """Every line of ``text`` that holds more than white space, in order."""
    out: list[Paragraph] = []
    pos = 0
    for index, line in enumerate(text.split("\n")):
        if line.strip():
            out.append(Paragraph(index, pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _role(text: str, i: int, size: int, lo: int, hi: int) -> str:
    """'open', 'close' or 'either' for the mark text[i:i+size] inside the line text[lo:hi]
    (``hi`` is where the line's last visible character ends)."""
    if i + size >= hi and i > lo:
        return "close"  # nothing after it in its paragraph: it can only end a run
    before = text[i - 1] if i > lo else " "
    after = text[i + size] if i + size < hi else " "
    can_open = before.isspace() or before in _BEFORE_OPENING or before in _OPENING
    can_close = after.isspace() or after in _AFTER_CLOSING or after in _CLOSING or after == "'"
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    mark = text[i]
    if mark in _OPENING:
        return "open"
    if mark in _CLOSING or text[i:i + size] == "''":
        return "close"
    return "either"


def _family(mark: str) -> str:
    """Marks of one family: curly, straight, doubled apostrophes, guillemets."""
    if mark in "“”„‟":
        return "curly"
    if mark in "«»":
        return "guillemet"
    if mark in ("''", "``"):
        return "doubled"
    return "straight"


def _restarts(text: str, start: int, i: int, family: str) -> bool:
    """Whether an opening mark at ``i``, of the family of the open run whose words begin at
    ``start``, starts a run again (``_cut_short`` says whether the earlier run ends there). Curly
    marks show their direction, so one opening inside an open run is a quote nested in it with
    the wrong marks ("... wearing “Go Team” shirts”), and the run ends at the first closing
    mark, unless nothing stands between the two opening marks (a doubled mark). Straight and
    doubled marks are read from context, so the earlier one is taken for a stray, or for the
    start of a run cut short."""
    return family != "curly" or not text[start:i].strip()


def _cut_short(text: str, start: int, i: int) -> bool:
    """Whether an opening mark at ``i`` ends the open run whose words begin at ``start`` without
    its closing mark: the words so far end a sentence and a space stands before the mark, where a
    closing mark was expected. Text that lost its paragraph breaks reads so, a quote over two
    paragraphs joined into one ("We start now. "Nobody will wait."): each part is its own run."""
    if i == start or not text[i - 1].isspace():
        return False
    words = text[start:i].rstrip().rstrip(_AFTER_SENTENCE_FINAL)
    return words[-1:] in _SENTENCE_FINAL


def _runs_in(text: str, para: Paragraph) -> Iterator[Run]:
    open_at: int | None = None  # offset of the pending opening mark
    open_size = 0
    family = ""
    visible_end = para.start + len(text[para.start:para.end].rstrip())
    for m in _MARK.finditer(text, para.start, para.end):
        i, size = m.start(), m.end() - m.start()
        role = _role(text, i, size, para.start, visible_end)
        if size == 3:  # a double mark with a single one nested next to it, inside the run
            i, size = (i, 2) if role != "close" and open_at is None else (i + 1, 2)
        family_here = _family(text[i:i + size])
        if open_at is None:
            if role != "close":
                open_at, open_size, family = i, size, family_here
            continue
        if role == "open":
            if family_here == family and _restarts(text, open_at + open_size, i, family):
                if _cut_short(text, open_at + open_size, i):
                    yield _trimmed(text, open_at + open_size, i, open_at_mark=open_at, close_mark=None, para=para)
                open_at, open_size = i, size  # else the earlier mark was a stray
            continue  # a quote nested inside the run is passed over
        start, end = open_at + open_size, i
        open_at = None
        if text[start:end].strip():
            yield _trimmed(text, start, end, open_at_mark=start - open_size, close_mark=i, para=para)
    if open_at is not None:
        start = open_at + open_size
        if text[start:para.end].strip():
            yield _trimmed(text, start, para.end, open_at_mark=open_at, close_mark=None, para=para)


def _trimmed(text: str, start: int, end: int, *, open_at_mark: int, close_mark: int | None,
             para: Paragraph) -> Run:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Run(start, end, open_at_mark, close_mark, para.index)


# Single marks, for articles that quote with them alone (British style: 'We start now,' she said).
_SINGLE = re.compile(r"[‘’']")
_SINGLE_OPENING_AFTER = frozenset("£$€#…(\"“")


def _single_role(text: str, i: int, lo: int, hi: int) -> str | None:
    """'open', 'close', 'weak' (a closing mark that may be a plural possessive: "the players' union")
    or None (an apostrophe: "don't", "O'Neill", "'90s") for the single mark at ``i`` in text[lo:hi]."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if before.isalnum() and after.isalnum():
        return None
    can_open = (before.isspace() or before in _BEFORE_OPENING) and (after.isalnum() or after in _SINGLE_OPENING_AFTER)
    can_close = not before.isspace() and (after.isspace() or after in _AFTER_CLOSING or after in _CLOSING)
    if text[i] == "‘":
        return "open" if can_open else None
    if can_close:
        nxt = text[i + 2:i + 3] if i + 2 < hi else ""
        return "weak" if before in "sS" and after.isspace() and nxt.islower() else "close"
    if can_open and text[i] == "'" and not text[i + 1:i + 3].isdigit():
        return "open"
    return None


def _single_runs_in(text: str, para: Paragraph) -> Iterator[Run]:
    """The runs of one paragraph quoted with single marks: each opening mark pairs with the first
    closing mark after it, passing over a plural possessive where a later closing mark follows
    before the next opening one; a run left open ends with its paragraph, or right before an
    opening mark after the end of a sentence in it (joined paragraphs, as with double marks)."""
    visible_end = para.start + len(text[para.start:para.end].rstrip())
    marks = [(m.start(), role) for m in _SINGLE.finditer(text, para.start, para.end)
             if (role := _single_role(text, m.start(), para.start, visible_end)) is not None]
    # per mark: whether a closing mark follows it before the next opening one (read backwards, once)
    close_follows = [False] * len(marks)
    seen_close = False
    for k in range(len(marks) - 1, -1, -1):
        close_follows[k] = seen_close
        role = marks[k][1]
        seen_close = role == "close" or (seen_close and role != "open")
    open_at: int | None = None
    for k, (i, role) in enumerate(marks):
        if open_at is None:
            if role == "open":
                open_at = i
            continue
        if role == "open":
            if _cut_short(text, open_at + 1, i):
                yield _trimmed(text, open_at + 1, i, open_at_mark=open_at, close_mark=None, para=para)
                open_at = i
            continue
        if role == "weak" and close_follows[k]:
            continue
        start, open_at = open_at + 1, None
        if text[start:i].strip():
            yield _trimmed(text, start, i, open_at_mark=start - 1, close_mark=i, para=para)
    if open_at is not None and text[open_at + 1:para.end].strip():
        yield _trimmed(text, open_at + 1, para.end, open_at_mark=open_at, close_mark=None, para=para)


def single_marked(text: str) -> bool:
    """An article that quotes with single marks alone: no double mark anywhere (two apostrophes
    for one count as one), and a single mark that opens a run somewhere. Where double marks quote,
    single ones are nested quotes or apostrophes and are never paired."""
    if _MARK.search(text):
        return False
    return any(_single_role(text, m.start(), 0, len(text)) == "open" for m in _SINGLE.finditer(text))


def quoted_runs(text: str) -> list[Run]:
    """Every quoted run in ``text``, in order of position."""
    runs_in = _single_runs_in if single_marked(text) else _runs_in
    return [run for para in paragraphs(text) for run in runs_in(text, para)]
