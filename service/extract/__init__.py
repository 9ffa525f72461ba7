"""The extraction core: article text in, quotes and speakers out. Knows nothing of HTTP.

``parse`` turns text into a spaCy ``Doc`` (in pieces, checking the deadline between them),
``parse_many`` does the same for many texts at once; ``extract`` turns a parsed ``Doc`` into
an ``Extraction`` of plain records.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .deadline import NEVER, Deadline, DeadlineExceeded
from .pipeline import extract, parse, parse_many
from .records import Extraction, Quote, Speaker, SpeakerRef, TextSpan

__all__ = [
    "Deadline", "DeadlineExceeded", "Extraction", "Quote", "Speaker", "SpeakerRef", "TextSpan",
    "extract", "extract_text", "parse", "parse_many",
]


def extract_text(nlp: Language, text: str, deadline: Deadline = NEVER) -> Extraction:
    """Parse ``text`` once and extract its quotes."""
    doc: Doc = parse(nlp, text, deadline)
    return extract(doc, deadline)
