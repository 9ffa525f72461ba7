"""Parsing, and the order of the extraction steps as they run.

``parse`` makes one ``Doc`` of an article's text; ``extract`` runs the stages over it: quote marks
(``quotes.marks``), frames (``quotes.frames``), the filters that drop runs nobody said
(``quotes.filters``), then one ``Article`` for the kept runs, the people (``people``), the speakers
(``speakers.sieves``) and the answer's records (``answer``: roles, claims, events). What each stage
decides is its own package's; this module only orders them and checks the deadline between them.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .deadline import NEVER, Deadline
from .answer import build
from .article import Article
from .quotes.filters import reason_to_drop
from .quotes.frames import Layout
from .quotes.marks import paragraphs, quoted_runs
from .people.people import People
from .parse_index import ParseIndex
from .records import Extraction
from .speakers.sieves import Attributor

# Paragraphs are parsed in batches of about this many characters, the deadline checked between them.
_BATCH_CHARS = 20_000
_LONGEST_WORD = 100
_LONG_WORD = re.compile(r"\S{%d,}" % (_LONGEST_WORD + 1))


def _chunks(text: str) -> list[str]:
    """Contiguous slices of ``text`` that join back to it: runs of whole lines of about
    _BATCH_CHARS, a longer line cut at a space (or, with none, anywhere) so no slice runs long."""
    out: list[str] = []
    start = 0
    while start < len(text):
        cut = text.find("\n", start + _BATCH_CHARS)
        end = len(text) if cut < 0 else cut + 1
        if end - start > 2 * _BATCH_CHARS:
            space = text.rfind(" ", start + 1, start + _BATCH_CHARS)
            end = space + 1 if space > start else start + _BATCH_CHARS
        out.append(text[start:end])
        start = end
    return out


def _split_long_words(piece: str) -> list[str]:
    """``piece`` cut inside any run of non-space characters longer than _LONGEST_WORD: spaCy's
    tokenizer takes time quadratic in such a run (thousands of commas or quote marks)."""
    out: list[str] = []
    start = 0
    for m in _LONG_WORD.finditer(piece):
        for cut in range(m.start() + _LONGEST_WORD, m.end(), _LONGEST_WORD):
            out.append(piece[start:cut])
            start = cut
    out.append(piece[start:])
    return [p for p in out if p]


def parse(nlp: Language, text: str, deadline: Deadline = NEVER) -> Doc:
    """One ``Doc`` for the whole text, whose ``doc.text == text`` exactly."""
    pieces = [p for chunk in _chunks(text) for p in _split_long_words(chunk)]
    if len(pieces) <= 1:
        deadline.check()
        return nlp(text)
    docs = []
    for doc in nlp.pipe(pieces, batch_size=1):  # one piece at a time, so the deadline is checked
        deadline.check()
        docs.append(doc)
    return Doc.from_docs(docs, ensure_whitespace=False)


def parse_many(nlp: Language, texts: Iterable[str], deadline: Deadline = NEVER) -> Iterator[Doc]:
    """One ``Doc`` per text, in order, each exactly as ``parse`` makes it.

    Texts that ``parse`` takes whole go through ``nlp.pipe`` together, in groups of at most
    _BATCH_CHARS characters (nlp.pipe yields nothing until its batch is through every
    component, so the deadline is checked between groups); the others go through ``parse``.
    """
    group: list[str] = []
    size = 0
    for text in texts:
        whole = len(text) <= _BATCH_CHARS and not _LONG_WORD.search(text)
        if group and (not whole or size + len(text) > _BATCH_CHARS):
            yield from _piped(nlp, group, deadline)
            group, size = [], 0
        if whole:
            group.append(text)
            size += len(text)
        else:
            yield parse(nlp, text, deadline)
    if group:
        yield from _piped(nlp, group, deadline)


def _piped(nlp: Language, texts: list[str], deadline: Deadline) -> list[Doc]:
    deadline.check()
    docs = list(nlp.pipe(texts, batch_size=len(texts)))
    deadline.check()
    return docs


def extract(doc: Doc, deadline: Deadline = NEVER) -> Extraction:
    """Quotes and speakers of a parsed article. ``deadline`` is checked for every quote and person
    (in the filters, attribution, roles, claims and events), so it stops the work within one
    quote's time of passing; every step is near-linear in the article and its quotes."""
    text = doc.text
    runs = quoted_runs(text)
    if not runs:
        return Extraction()
    paras = paragraphs(text)
    layout = Layout(doc, text, runs, paras)
    index = ParseIndex(doc)
    keep = []
    for k in range(len(runs)):
        deadline.check()
        if reason_to_drop(index, layout, k) is None:
            keep.append(k)
    if len(keep) < len(runs):
        runs = [runs[k] for k in keep]
        if not runs:
            return Extraction()
        layout = Layout(doc, text, runs, paras)
    # What every later stage reads of the article, computed once: the kept runs, the parse, the sentences.
    article = Article(doc, [(r.start, r.end) for r in runs], text, index)
    deadline.check()
    people = People(article, lambda i: layout.run_of[i] != -1)
    deadline.check()
    decisions = Attributor(article, layout, people).run(deadline)
    deadline.check()
    return build(article, layout, decisions, deadline)
