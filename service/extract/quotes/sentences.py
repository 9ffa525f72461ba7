"""The article's sentences, each with its paragraph: the units claims and events are cut from.

Read from the parser's sentence starts (once per article, by ``article.Article``), cut
at every line break and never started on closing punctuation, and cut again where a
sentence runs on into a quotation that opens the next one, so that a lookup costs a bisect.
A parser start is dropped where the sentence plainly goes on: before a lower-case word
('"Out!" the crowd yelled'), right after a word with no closing punctuation ("the 13th |
Amendment") and after a title abbreviation ("Sens. Jane Roe and ...").
A paragraph is a non-empty line. Not handled: a sentence the parser runs on past its full
stop with no quotation after it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..lexicon.titles import ABBREVIATIONS_BEFORE_NAMES
from ..records import TextSpan

# Characters that close what came before: a sentence start here belongs to the sentence before.
_CLOSERS = frozenset("”’\"')]},.;:!?»")
# End of a sentence, then an opening quotation mark that starts the next one: after a word, a
# figure ("13%."), or a run of capitals ("on DVD."), never a lone initial ('John F. "Jack" Doe').
_QUOTE_OPENS_SENTENCE = re.compile(r"(?:(?<=[a-z0-9%)][.!?])|(?<=[A-Z]{2}[.!?]))[ \t]+(?=[“\"]\w)")
_LAST_WORD = re.compile(r"\b([A-Za-z]+)\.$")


@dataclass(frozen=True)
class Sentences:
    """The sentences of one article, each with the paragraph it sits in (counting non-empty lines)."""

    text: str
    spans: tuple[tuple[int, int], ...]
    paragraph: tuple[int, ...]
    starts: tuple[int, ...]

    def index_at(self, offset: int) -> int:
        """The sentence that holds ``offset`` (or the last one that starts before it)."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


def split_sentences(doc: Doc) -> Sentences:
    """The article's sentences (``Article.sentences`` keeps them for the stages)."""
    text = doc.text
    line_starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        line_starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    cuts: set[int] = set(line_starts)
    if doc.has_annotation("SENT_START"):
        for tok in doc:
            if tok.i > 0 and tok.is_sent_start:
                at = tok.idx
                while at < len(text) and text[at] in _CLOSERS:
                    at += 1
                if (at == tok.idx or (at < len(text) and text[at] in " \t")) and not _runs_on(text, tok.idx):
                    cuts.add(at)
    # The parser often runs a sentence on into a quotation that opens the next one: 'Monday. "Every'.
    cuts.update(m.end() for m in _QUOTE_OPENS_SENTENCE.finditer(text))
    ordered = sorted(cuts)
    spans: list[tuple[int, int]] = []
    lines: list[int] = []
    for n, start in enumerate(ordered):
        end = ordered[n + 1] if n + 1 < len(ordered) else len(text)
        nl = text.find("\n", start, end)
        if nl >= 0:
            end = nl
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
            lines.append(bisect.bisect_right(line_starts, s) - 1)
    # Paragraph numbers count non-empty lines only.
    paragraph: list[int] = []
    ordinal = -1
    previous = -1
    for line in lines:
        if line != previous:
            ordinal += 1
            previous = line
        paragraph.append(ordinal)
    return Sentences(text, tuple(spans), tuple(paragraph), tuple(s for s, _ in spans))


def _runs_on(text: str, at: int) -> bool:
    """True when the sentence before ``at`` plainly goes on there (see the module docstring)."""
    if text[at].islower():
        return True
    end = at
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    if end > 0 and text[end - 1].isalnum():  # no closing punctuation: the parser cut a phrase
        return True
    last = _LAST_WORD.search(text, max(0, end - 12), end)
    return last is not None and last.group(1).lower() in ABBREVIATIONS_BEFORE_NAMES


def own_sentence(sents: Sentences, quote: tuple[int, int]) -> tuple[int, int]:
    """First and last sentence index that the quote's words touch (its opening mark included)."""
    first = sents.index_at(max(0, quote[0] - 1))
    last = sents.index_at(max(quote[0], quote[1] - 1))
    if sents.paragraph[last] != sents.paragraph[first]:
        last = first
    return first, max(first, last)


def span(text: str, start: int, end: int) -> TextSpan:
    """text[start:end] as a TextSpan."""
    return TextSpan(text[start:end], start, end)
