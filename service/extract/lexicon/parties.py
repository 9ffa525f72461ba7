"""Party words as typed data: how news writing names a political party, and its one written form.

"Democrat", "Democratic", "Dem." and the "D" of "(D-Mass.)" are the Democratic Party;
"Republican", "GOP" and "R" are the Republican Party. Used by ``roles`` for affiliations.
"""
from __future__ import annotations

from typing import Final

# Words (lower case, dots dropped) that name a party, and the party's name; a few names are two words.
PARTY_WORDS: Final[dict[str, str]] = {
    "democrat": "Democratic Party", "democrats": "Democratic Party", "democratic": "Democratic Party",
    "dem": "Democratic Party", "dems": "Democratic Party",
    "republican": "Republican Party", "republicans": "Republican Party", "gop": "Republican Party",
    "libertarian": "Libertarian Party", "labour": "Labour Party",
    "tory": "Conservative Party", "tories": "Conservative Party",
    "lib dem": "Liberal Democrats", "lib dems": "Liberal Democrats", "liberal democrat": "Liberal Democrats",
    "liberal democrats": "Liberal Democrats",
}

# The one-letter tag in "(D-Mass.)": D, R; "I" (independent) names no party.
PARTY_LETTERS: Final[dict[str, str]] = {"d": "Democratic Party", "r": "Republican Party"}


def party_name(word: str) -> str | None:
    """The party a word names ("GOP" is "Republican Party"), else None. Capitalised words only:
    "democratic" in lower case is an ordinary adjective."""
    if not word[:1].isupper():
        return None
    return PARTY_WORDS.get(word.rstrip(".").lower())
