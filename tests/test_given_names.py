"""The given-name list: what it says of a first name, and how scripts/given_names.py builds it from
the census shares. The article's own evidence (pronouns, honorifics) is tested with the speakers."""
from __future__ import annotations

import pytest

from scripts.given_names import MIN_SHARE, genders, read_shares
from service.extract.lexicon.names import first_name_gender, given_name, title_word

FIRST_NAMES = [
    # (word, a given name?, usual gender)
    ("Mary", True, "f"), ("John", True, "m"), ("ann", True, "f"),
    # used by both: a name, no gender
    ("Casey", True, None), ("Taylor", True, None),
    # not given names: no gender either
    ("Zyxwv", False, None), ("the", False, None), ("Council", False, None),
]


@pytest.mark.parametrize("word,is_name,gender", FIRST_NAMES)
def test_what_the_list_says_of_a_first_name(word: str, is_name: bool, gender: str | None) -> None:
    assert (given_name(word), first_name_gender(word)) == (is_name, gender)


TITLE_WORDS = [
    # a country's or party's word stands before a name and is not part of it ...
    ("British", True), ("U.S.", True), ("Labour", True), ("Sen.", True), ("Mrs", True),
    # ... unless it is also a given name; ordinary words are no titles
    ("Chad", False), ("Jordan", False), ("Anna", False), ("river", False),
]


@pytest.mark.parametrize("word,expected", TITLE_WORDS)
def test_words_before_a_name(word: str, expected: bool) -> None:
    assert title_word(word) is expected


def test_shares_are_read_from_census_lines() -> None:
    lines = ["ANNA           0.500  0.500      1", "BO             0.010  0.510      2", "", "junk"]
    assert read_shares(lines) == {"anna": 0.5, "bo": 0.01}


GENDER_CASES = [
    # (female share, male share, kept as)
    (0.5, 0.0, "f"), (0.0, 0.5, "m"), (0.3, 0.01, "f"), (0.01, 0.3, "m"),
    # close shares: both use it
    (0.2, 0.1, "-"), (0.1, 0.2, "-"),
    # too rare in both: left out
    (MIN_SHARE / 2, 0.0, None), (0.0, MIN_SHARE / 2, None),
]


@pytest.mark.parametrize("female,male,expected", GENDER_CASES)
def test_a_name_gets_the_gender_most_people_with_it_have(female: float, male: float, expected: str | None) -> None:
    assert genders({"kim": female}, {"kim": male}).get("kim") == expected
