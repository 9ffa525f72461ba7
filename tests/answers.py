"""The quote an extraction gives for some of its words, and that quote's speaker."""
from __future__ import annotations

from service.extract import Extraction, Quote


def quote_with(result: Extraction, words: str) -> Quote:
    """The first quote whose text holds ``words``; a test fails when none does."""
    for q in result.quotes:
        if words in q.text:
            return q
    raise AssertionError(f"no quote holds {words!r}: {[q.text for q in result.quotes]}")


def speaker_of(result: Extraction, words: str) -> str | None:
    """The speaker's name of the quote holding ``words``."""
    return quote_with(result, words).speaker.name


def mention_of(result: Extraction, words: str) -> str | None:
    """The words of the mention of the quote holding ``words``."""
    mention = quote_with(result, words).speaker.mention
    return mention.text if mention else None


def name_and_mention(result: Extraction, words: str) -> tuple[str | None, str | None]:
    """(name, mention words) of the quote holding ``words``."""
    return speaker_of(result, words), mention_of(result, words)
