"""Parsing and the order of the extraction steps."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .deadline import NEVER, Deadline
from .marks import quoted_runs
from .records import Extraction, Quote, SpeakerRef

# Paragraphs are parsed in batches of about this many characters, the deadline checked between them.
_BATCH_CHARS = 20_000


def _chunks(text: str) -> list[str]:
    """Contiguous slices of ``text``, each a run of whole lines, that join back to ``text``."""
    out: list[str] = []
    start = 0
    while start < len(text):
        cut = text.find("\n", start + _BATCH_CHARS)
        end = len(text) if cut < 0 else cut + 1
        out.append(text[start:end])
        start = end
    return out


def parse(nlp: Language, text: str, deadline: Deadline = NEVER) -> Doc:
    """One ``Doc`` for the whole text, whose ``doc.text == text`` exactly."""
    if len(text) <= _BATCH_CHARS:
        deadline.check()
        return nlp(text)
    docs = []
    for doc in nlp.pipe(_chunks(text)):
        deadline.check()
        docs.append(doc)
    return Doc.from_docs(docs, ensure_whitespace=False)


def extract(doc: Doc, deadline: Deadline = NEVER) -> Extraction:
    """Quotes and speakers of a parsed article."""
    text = doc.text
    quotes = []
    for n, run in enumerate(quoted_runs(text), start=1):
        quotes.append(Quote(
            id=f"q{n}", text=text[run.start:run.end], start=run.start, end=run.end, kind="direct",
            continues=None, speaker=SpeakerRef(None, None, None), cue=None, claim=None, event=None,
            rule="none", confidence=0.0,
        ))
    deadline.check()
    return Extraction(quotes=tuple(quotes), speakers=())
