"""Party words as typed data: how news writing names a political party, and its one written form.

"Democrat", "Democratic" and "Dem." are the Democratic Party; "Labour" the Labour Party, "Tory" the
Conservative Party. Used by ``roles`` for affiliations. The letter of a party tag ("(D-Ohio)") is not
listed here: ``roles`` reads it as the party the article itself names with that letter.
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

# Words that name a party only in an article that also names that party by one of the words above
# ("Conservative co chairman X" where the article writes "the Tories"); elsewhere an outlook
# ("Conservative economist X").
PARTY_WORDS_IF_NAMED: Final[dict[str, str]] = {
    "conservative": "Conservative Party", "conservatives": "Conservative Party",
}


def party_name(word: str) -> str | None:
    """The party a word names ("GOP" is "Republican Party"), else None. Capitalised words only:
    "democratic" in lower case is an ordinary adjective."""
    if not word[:1].isupper():
        return None
    return PARTY_WORDS.get(word.rstrip(".").lower())
