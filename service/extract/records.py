"""The records the extraction core returns: plain frozen dataclasses, no spaCy, no Flask.

Offsets are code points (Python ``str`` indices) into the exact text that was parsed,
and every ``text`` field equals ``source[start:end]``.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TextSpan:
    """A stretch of the article: its words and their offsets."""

    text: str
    start: int
    end: int


# How a speaker's name was reached from the mention (``SpeakerRef.resolved_by``), one of:
RESOLVED_BY: tuple[str, ...] = (
    "name",               # the name ("Jane Lee"), two or more of its words, or a one-word name, whole
    "surname",            # the surname alone ("Lee"), misspelt too
    "first-name",         # the first name alone, or a nickname ("Jane")
    "title-and-surname",  # a title or honorific right before the surname ("Ms. Lee", "Sen. Lee")
    "pronoun",            # a pronoun ("she", "they", a signed letter's "I")
    "description",        # a description of someone the article names ("the governor")
    "organisation",       # one word of an organisation's name, its acronym, or its unnamed officials
    "document",           # a document that speaks for whoever issued it ("the ministry's statement")
    "unnamed",            # a description of someone the article never names: the name is the description
)


@dataclass(frozen=True)
class SpeakerRef:
    """Who a quote is attributed to. ``id`` and ``name`` are None when the article gives no clue,
    and so is ``resolved_by`` (one of RESOLVED_BY)."""

    id: str | None
    name: str | None
    mention: TextSpan | None
    resolved_by: str | None = None
    role: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class Quote:
    """One quoted run: the words between an opening mark and its closing mark (or paragraph end)."""

    id: str
    text: str
    start: int
    end: int
    kind: str  # "direct" or "partial"
    continues: str | None
    speaker: SpeakerRef
    cue: TextSpan | None
    claim: TextSpan | None
    event: TextSpan | None
    rule: str
    confidence: float


@dataclass(frozen=True)
class Speaker:
    """One person (or organisation) that speaks in the article, with every mention of it."""

    id: str
    name: str
    role: str | None
    affiliation: str | None
    mentions: tuple[TextSpan, ...]
    quote_ids: tuple[str, ...]


@dataclass(frozen=True)
class Extraction:
    """Everything the core found in one article."""

    quotes: tuple[Quote, ...] = field(default_factory=tuple)
    speakers: tuple[Speaker, ...] = field(default_factory=tuple)
