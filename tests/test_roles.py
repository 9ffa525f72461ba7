"""Role and affiliation of a speaker, pattern by pattern, as tables of invented sentences."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from service.extract.marks import quoted_runs
from service.extract.parties import party_name
from service.extract.places import place_name, state_name
from service.extract.roles import role_and_affiliation
from service.extract.titles import expand, is_title


def _mentions(doc: Doc, word: str) -> list[Span]:
    """Every place the article writes ``word`` (a surname), one token each."""
    return [doc[t.i:t.i + 1] for t in doc if t.text == word]


def _answer(nlp: Language, text: str, word: str, is_org: bool = False) -> tuple[str | None, str | None]:
    doc = nlp(text)
    quoted = [(r.start, r.end) for r in quoted_runs(text)]
    return role_and_affiliation(doc, _mentions(doc, word), is_org=is_org, quoted=quoted)


TITLE_BEFORE_NAME = [
    ("US President Dale Harmon spoke to reporters on Friday.", "Harmon", ("President", "United States")),
    ("Unification Minister Park Min-ho told lawmakers the talks would resume.", "Park",
     ("Unification Minister", None)),
    ("North Korean leader Kim Jong-un inspected a factory.", "Kim", ("leader", "North Korea")),
    ("Sen. Jane Roe (D-Mass.) questioned the bank's chief.", "Roe", ("Senator", "Democratic Party")),
    ("Sen. Tom Birch (Vt.) voted against the bill.", "Birch", ("Senator", "Vermont")),
    ("Rep. Ann Lee, R-Ohio, said the bill would fail.", "Lee", ("Representative", "Republican Party")),
    ("Gov. Ray Lund signed the order on Monday.", "Lund", ("Governor", None)),
    ("Texas Gov. Ray Lund signed the order on Monday.", "Lund", ("Governor", "Texas")),
    ("Former Secretary of State Ann Cole praised the deal.", "Cole", ("Former Secretary of State", None)),
    ("Republican presidential nominee Carl Vance held a rally.", "Vance",
     ("presidential nominee", "Republican Party")),
    # a no-break space between the title and the name, as pasted web text often has
    ("Republican presidential nominee\u00a0Carl Vance held a rally.", "Vance",
     ("presidential nominee", "Republican Party")),
    # a plural title the tokenizer splits from its dot, written out for one person
    ("Sens. Jane Roe (D-Mass.) and Tom Birch (R-Ohio) asked for the records.", "Roe",
     ("Senator", "Democratic Party")),
]

APPOSITIVES_AND_CLAUSES = [
    ("Mara Quist, a professor at Lakeview University's Center for Coastal Studies in Boston, said the data "
     "were clear.", "Quist", ("professor", "Lakeview University's Center for Coastal Studies")),
    ("Devon Hale, who heads the Harbor Policy Institute, said the rules were unclear.", "Hale",
     ("head", "Harbor Policy Institute")),
    ("Priya Nand, the chief executive of Northwind Freight, said orders had doubled.", "Nand",
     ("chief executive", "Northwind Freight")),
    ("Omar Reyes, Bluefield College's director of admissions, said applications rose.", "Reyes",
     ("director of admissions", "Bluefield College")),
    ("Rep. Dana Wills of Oregon said the vote was close.", "Wills", ("Representative", "Oregon")),
    ("Lena Ortiz is the chief economist at Harrow Bank. Ortiz expects rates to fall.", "Ortiz",
     ("chief economist", "Harrow Bank")),
    ("Sam Pike signed the bill on Monday. The Republican governor said the law would stand.", "Pike",
     ("governor", "Republican Party")),
    # a party noun in an appositive gives the party, not a position
    ("Rep. Ann Lee, the top Democrat on the House Budget Committee, said the bill would fail.", "Lee",
     ("Representative", "Democratic Party")),
    ("Ann Lee, the top Democrat on the panel, said the bill would fail.", "Lee", (None, "Democratic Party")),
    # two coordinated roles: what the person is now wins over what they were
    ("Ann Lee spoke on Monday. The former governor and current Democratic nominee said the bill would fail.",
     "Lee", ("nominee", "Democratic Party")),
]

NO_ROLE = [
    ("Tom Fisher said he would vote early.", "Fisher"),
    ("Ivy Marsh, his daughter, said the family was relieved.", "Marsh"),
    ("Ray Dunn is a fraud, his rivals say.", "Dunn"),
    ("Mr. Alvarez said the store would reopen.", "Alvarez"),
]


@pytest.mark.parametrize("text,word,expected", TITLE_BEFORE_NAME)
def test_title_before_the_name(nlp: Language, text: str, word: str, expected: tuple) -> None:
    assert _answer(nlp, text, word) == expected


@pytest.mark.parametrize("text,word,expected", APPOSITIVES_AND_CLAUSES)
def test_appositives_clauses_and_predicates(nlp: Language, text: str, word: str, expected: tuple) -> None:
    assert _answer(nlp, text, word) == expected


@pytest.mark.parametrize("text,word", NO_ROLE)
def test_nothing_said_means_null(nlp: Language, text: str, word: str) -> None:
    assert _answer(nlp, text, word) == (None, None)


def test_a_description_mention_gives_its_own_words(nlp: Language) -> None:
    text = "A spokeswoman for the Greenway Party said the party would not comment."
    doc = nlp(text)
    description = doc.char_span(0, text.index(" said"))
    assert description is not None
    assert role_and_affiliation(doc, [description]) == ("spokeswoman", "Greenway Party")


def test_a_pronoun_mention_with_a_predicate(nlp: Language) -> None:
    text = "Nora Vidal took office in May. She is the attorney general of Ohio."
    doc = nlp(text)
    she = doc.char_span(text.index("She"), text.index("She") + 3)
    assert she is not None
    assert role_and_affiliation(doc, [she]) == ("attorney general", "Ohio")


def test_a_place_alone_does_not_outweigh_a_party(nlp: Language) -> None:
    # Two descriptions of one person, each a mention: the one naming a party says more.
    text = "The Ohio businessman spoke first. Later the Republican nominee said the plan would fail."
    doc = nlp(text)
    first = doc.char_span(0, text.index(" spoke"))
    second = doc.char_span(text.index("the Republican"), text.index(" said"))
    assert first is not None and second is not None
    assert role_and_affiliation(doc, [first, second]) == ("nominee", "Republican Party")


def test_words_inside_a_quote_are_not_the_article_s(nlp: Language) -> None:
    text = '"Our next senator, Ken Doyle, will win this," a volunteer shouted.'
    assert _answer(nlp, text, "Doyle") == (None, None)


def test_an_organisation_has_no_role(nlp: Language) -> None:
    text = "Harrow Bank, the largest lender in the region, said profits rose."
    role, _ = _answer(nlp, text, "Bank", is_org=True)
    assert role is None


def test_one_role_for_many_mentions(nlp: Language) -> None:
    text = ("Sen. Jane Roe (D-Mass.) opened the hearing.\n\n"
            "Roe said the bank had failed its customers.\n\n"
            "Later, Roe asked for the records.")
    assert _answer(nlp, text, "Roe") == ("Senator", "Democratic Party")


# --- the lexicons --------------------------------------------------------------------------------

PLACES = [
    ("US", "United States"), ("U.S.", "United States"), ("American", "United States"),
    ("United States", "United States"), ("North Korean", "North Korea"), ("British", "United Kingdom"),
    ("Vt.", "Vermont"), ("Calif.", "California"), ("Texas", "Texas"), ("N.Y.", "New York"),
    ("Bremen", None), ("university", None),
]


@pytest.mark.parametrize("words,expected", PLACES)
def test_places_are_written_as_their_names(words: str, expected: str | None) -> None:
    assert place_name(words) == expected


@pytest.mark.parametrize("tag,expected", [("Mass.", "Massachusetts"), ("Vt", "Vermont"), ("CA", "California"),
                                          ("W.Va.", "West Virginia"), ("Nowhere", None)])
def test_state_tags(tag: str, expected: str | None) -> None:
    assert state_name(tag) == expected


@pytest.mark.parametrize("word,expected", [("GOP", "Republican Party"), ("Democrat", "Democratic Party"),
                                           ("Democratic", "Democratic Party"), ("democratic", None),
                                           ("Senate", None)])
def test_party_words(word: str, expected: str | None) -> None:
    assert party_name(word) == expected


@pytest.mark.parametrize("word,expected", [("Sen.", "Senator"), ("Rep.", "Representative"), ("Gov.", "Governor"),
                                           ("Lt.", "Lieutenant"), ("Mayor", "Mayor"), ("professor", "professor")])
def test_abbreviated_titles_are_written_out(word: str, expected: str) -> None:
    assert expand(word) == expected


@pytest.mark.parametrize("word,expected", [("Sen.", True), ("spokeswoman", True), ("Senators", True),
                                           ("Mr.", False), ("Tuesday", False)])
def test_title_words(word: str, expected: bool) -> None:
    assert is_title(word) is expected


@pytest.mark.parametrize("text,word,expected", [
    ("U.S. Ambassador Jill Park met the minister.", "Park", ("Ambassador", "United States")),
    ("American diplomat Jill Park met the minister.", "Park", ("diplomat", "United States")),
    ("GOP strategist Ann Vale predicted a close race.", "Vale", ("strategist", "Republican Party")),
    ("British envoy Tim Gale arrived on Sunday.", "Gale", ("envoy", "United Kingdom")),
])
def test_affiliations_are_normalised(nlp: Language, text: str, word: str, expected: tuple) -> None:
    assert _answer(nlp, text, word) == expected


SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_804a390cb46da908.txt"


@pytest.mark.parametrize("surname,expected", [
    ("Lim", ("professor", "Kyungnam University’s Institute for Far Eastern Studies")),
    ("Trump", ("President", "United States")),
    ("Chung", ("Unification Minister", None)),
])
def test_the_seed_speakers(nlp: Language, surname: str, expected: tuple) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert _answer(nlp, text, surname) == expected
