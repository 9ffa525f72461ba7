"""The extraction core: article text in, quotes and speakers out. Knows nothing of HTTP.

``parse`` turns text into a spaCy ``Doc`` (paragraph by paragraph, checking the deadline
between batches); ``extract`` turns a parsed ``Doc`` into an ``Extraction`` of plain records.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .deadline import NEVER, Deadline, DeadlineExceeded
from .pipeline import extract, parse
from .records import Extraction, Quote, Speaker, SpeakerRef, TextSpan

__all__ = [
    "Deadline", "DeadlineExceeded", "Extraction", "Quote", "Speaker", "SpeakerRef", "TextSpan",
    "extract", "extract_text", "parse",
]


def extract_text(nlp: Language, text: str, deadline: Deadline = NEVER) -> Extraction:
    """Parse ``text`` once and extract its quotes."""
    doc: Doc = parse(nlp, text, deadline)
    return extract(doc, deadline)
