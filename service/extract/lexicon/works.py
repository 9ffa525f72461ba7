"""Words around the titles of works (shows, books, songs): what tells a quoted title from a quote.

Lower case. Whether a quoted run is a title is ``quotes.filters``'.
"""
from __future__ import annotations

from typing import Final

# Short words that stay lower case inside a title ("Gang of Eight", "Off the Record").
TITLE_SMALL_WORDS: Final[frozenset[str]] = frozenset(
    "a an and as at but by for from in into nor of on or the to with vs via de la".split())
# Words right before a title of a work: "a channel's 'Breakfast Hour'", "on 'Face the Nation'".
# Not "titled": the title of a memo, an ad or a paper is counted as its author's words.
WORK_CONTEXT: Final[frozenset[str]] = frozenset({
    "'s", "’s", "on", "show", "program", "programme", "film", "book", "series", "song", "album", "movie",
    "documentary", "episode", "newspaper", "magazine", "column", "headline", "memoir", "novel", "play", "musical",
    "podcast", "sitcom"})
