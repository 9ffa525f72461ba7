"""The entity type: one person or organisation of an article, with its name forms and mentions.

A leaf: ``people`` builds and resolves entities, ``pronouns`` and the speaker rules read them;
none of that lives here.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Entity:
    """A person or organisation, with the name forms and mentions the article gives it."""

    key: int
    name: str
    words: tuple[str, ...]  # lower-case name words, titles dropped
    is_org: bool
    gender: str | None = None
    titles: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # char offsets
