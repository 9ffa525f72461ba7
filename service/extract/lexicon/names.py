"""Name words as typed data: honorifics and titles that stand before a name, given names and their usual gender,
suffixes after a surname ("Jr."), and the small words an organisation's initials skip.

Used to strip titles from a name ("Sen. Jo Roe" is the person Jo Roe) and to tell
a person's gender where the article does not ("Ann" with "she"), or where it says
so with a noun ("spokeswoman", "her husband"). The given-name
list is a public census list (see ``GIVEN_NAMES``): a name it lacks simply has no gender.
"""
from __future__ import annotations

from pathlib import Path
from typing import Final

from .parties import PARTY_WORDS
from .places import place_name

# Courtesy titles before a name, and the gender each gives (lower case, without the dot).
COURTESY_TITLES: Final[dict[str, str]] = {
    "mr": "m", "mister": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "dame": "f",
}
# Words that can stand before a name and are not part of it: courtesy, academic and clerical titles.
HONORIFICS: Final[dict[str, str | None]] = {
    **COURTESY_TITLES,
    "dr": None, "prof": None, "professor": None, "rev": None, "reverend": None, "fr": "m", "father": "m",
}

# Other words that can stand before a name and are not part of it: titles, abbreviated or not, and the
# words that go with them ("former", "state"); a country's or a party's word ("British", "Labour") is
# not part of a name either (``title_word``). Not merged with ``titles.TITLE_HEADS``, the
# nouns that end a role: one list for both changes answers.
TITLES: Final[frozenset[str]] = frozenset("""
sen senator rep representative gov governor president vice pres secretary sec gen general
lt col colonel capt captain sgt sergeant adm admiral cmdr commander maj major cpl corporal
atty attorney judge justice chief minister premier chancellor mayor councilman councilwoman
ambassador amb sheriff officer detective coach speaker leader chairman chairwoman chair
ceo director commissioner superintendent supt trooper deputy agent pastor bishop rabbi imam
pope king queen prince princess lord lady former late then-candidate candidate nominee
state house senate congressman congresswoman assemblyman assemblywoman delegate del
first presidential
""".split())

# Given names and the gender each usually goes with ("f", "m", or None where both use it), from the
# 1990 US Census first-name files (public domain; built by ``scripts/given_names.py``, README "Data").
# A general list, not a roster: a name it lacks simply has no gender here, and the article's own
# evidence (an honorific, a gendered noun, the pronouns used of the person) comes first in ``people``.
def _given_names() -> dict[str, str | None]:
    table: dict[str, str | None] = {}
    path = Path(__file__).with_name("data") / "given_names.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            table[name] = None if gender == "-" else gender
    return table


GIVEN_NAMES: Final[dict[str, str | None]] = _given_names()


# Nouns that say a person's gender when they stand before a name or next to it as an
# appositive ("Congresswoman Jane Roe", "Jane Roe, his wife,").
GENDERED_NOUNS: Final[dict[str, str]] = {
    **dict.fromkeys("""
    congresswoman assemblywoman councilwoman chairwoman spokeswoman businesswoman congresswomen
    queen princess duchess countess lady actress waitress wife mother daughter sister grandmother
    granddaughter aunt niece widow girlfriend fiancee stepmother mom
    """.split(), "f"),
    **dict.fromkeys("""
    congressman assemblyman councilman chairman spokesman businessman
    king prince duke lord husband father son brother grandfather grandson uncle nephew
    widower boyfriend fiance stepfather dad
    """.split(), "m"),
}

# Abbreviated titles, as news style writes them before a name, and their long forms, so "Gov. Mike
# Lund" is later "the governor"; a plural ("Sens. Roe and Doe") is written out in the singular, since
# a title belongs to one person. ``titles.ABBREVIATIONS`` writes the same as a role ("Senator").
TITLE_LONG_FORMS: Final[dict[str, str]] = {
    "sen": "senator", "sens": "senator", "rep": "representative", "reps": "representative",
    "gov": "governor", "lt": "lieutenant", "gen": "general", "col": "colonel", "maj": "major",
    "capt": "captain", "sgt": "sergeant", "cpl": "corporal", "adm": "admiral", "cmdr": "commander",
    "atty": "attorney", "sec": "secretary", "secy": "secretary", "pres": "president",
    "supt": "superintendent", "amb": "ambassador", "del": "delegate", "rev": "reverend",
    "prof": "professor", "insp": "inspector", "det": "detective", "sup": "superintendent",
    "asst": "assistant", "dep": "deputy", "cong": "congressman", "dr": "doctor",
}


# Words after a surname that are not the surname ("Ann Bo Lee Jr.").
NAME_SUFFIXES: Final[frozenset[str]] = frozenset("jr sr ii iii iv".split())

# Letters after a name that say an office, an honour or a degree, and are no part of the name
# ("Jo Ames QC", "Jo Ames MP", "Jo Ames OBE"); written in capitals, so a word "am" or "td" is never one.
POST_NOMINALS: Final[frozenset[str]] = frozenset("""
qc kc mp mep msp mla td am obe mbe cbe kbe dbe frs phd
""".split())

# Titles of the peerage: a peer named by one of them and one name alone is called by both ("Lord Ames"),
# unlike "Sir" or "Mr", which stand before a name that is whole without them.
PEER_TITLES: Final[frozenset[str]] = frozenset("""
lord lady baron baroness viscount viscountess earl countess marquess marchioness
""".split())

# Small words an organisation's initials skip: "international monetary fund" is "imf".
INITIALS_SKIP: Final[frozenset[str]] = frozenset({"of", "the", "for", "and", "on", "in", "&"})
# The same, and "to", where an organisation's full name is read for the acronym the article may use
# ("Campaign to Save Harbors": "CSH"). Kept apart: one list for both changes answers.
ORG_INITIALS_SKIP: Final[frozenset[str]] = INITIALS_SKIP | {"to"}


def long_title(word: str) -> str:
    """A title word in lower case, written out when abbreviated ("Sen." -> "senator")."""
    w = word.lower().rstrip(".")
    return TITLE_LONG_FORMS.get(w, w)


def title_word(word: str) -> bool:
    """A word that stands before a name but is not part of it: Mr., Sen., President, ..., and a
    country's or a party's word ("U.S.", "British", "Labour"), unless it is also a given name ("Chad")."""
    w = word.lower().rstrip(".")
    return w in HONORIFICS or w in TITLES or affiliation_word(word)


def affiliation_word(word: str) -> bool:
    """A country's or a party's word ("U.S.", "British", "Labour"), unless it is also a given name
    ("Chad"): before a person's name it says whom they serve; in a body's name it is part of it."""
    w = word.lower().rstrip(".")
    return (w in PARTY_WORDS or place_name(word) is not None) and w not in GIVEN_NAMES


def honorific_gender(word: str) -> str | None:
    """'m' or 'f' for Mr./Mrs./Ms. and the like; None otherwise."""
    return HONORIFICS.get(word.lower().rstrip("."))


def given_name(word: str) -> bool:
    """A word used as a given name ("Ann", "Jordan"), whatever its gender."""
    return word.lower() in GIVEN_NAMES


def first_name_gender(word: str) -> str | None:
    """'m' or 'f' where the given name usually goes with that gender; None otherwise."""
    return GIVEN_NAMES.get(word.lower())


def noun_gender(word: str) -> str | None:
    """'m' or 'f' for a noun that says a person's gender ("spokeswoman", "husband"); None otherwise."""
    return GENDERED_NOUNS.get(word.lower().rstrip("."))
