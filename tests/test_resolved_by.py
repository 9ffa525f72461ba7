"""``quotes[].speaker.resolved_by``: how the speaker's name was reached from the mention, one table
of invented sentences per value, with the cases that look alike but are another value."""
from __future__ import annotations

import pytest
from spacy.language import Language

from service.extract import extract_text
from service.extract.records import RESOLVED_BY

from answers import quote_with  # tests/answers.py

# (article, words of the quote, speaker name, mention, resolved_by)
CASES = {
    "name": [
        # the mention is the whole name ...
        ('Harbor master Jane Okafor opened the pier on Monday. "It will carry the ferries for fifty years," '
         'Jane Okafor said.', "ferries", "Jane Okafor", "Jane Okafor", "name"),
        # ... or two of its words: a shorter form is no surname
        ('Lena Marie Ford closed the pier on Monday. "The beams are rotten," Lena Ford said.', "beams",
         "Lena Marie Ford", "Lena Ford", "name"),
        # a one-word name is the whole name the article gives, whatever stands before it
        ('Ford toured the pier on Monday. "The beams are rotten," Ford said.', "beams", "Ford", "Ford", "name"),
        ('Lena Ford closed the pier on Monday. Mr. Ford, her husband, said "nobody listens."', "nobody listens",
         "Ford", "Ford", "name"),
        # a relative "who" speaks as the name it stands for
        ('Lena Ford, who said the pier "is a wreck," resigned on Monday.', "wreck", "Lena Ford", "Lena Ford, who",
         "name"),
        # the last person named, as the mention gives them
        ('Lena Ford toured the pier on Monday with Tom Reyes.\n\n"Long overdue."', "overdue", "Tom Reyes",
         "Tom Reyes", "name"),
    ],
    "surname": [
        ('Harbor master Jane Okafor opened the pier on Monday. "It will carry the ferries for fifty years," '
         'Okafor said.', "ferries", "Jane Okafor", "Okafor", "surname"),
        # misspelt
        ('Lena Mcallister closed the pier on Monday. "The beams are rotten," Mcalister said.', "beams",
         "Lena Mcallister", "Mcalister", "surname"),
        # a quote carried over from a surname's quote keeps its mention and how it was reached
        ('Harbor master Lena Ford closed the pier on Monday.\n\n"Nobody will sail from here until it is fixed," '
         'Ford said.\n\n"The beams are rotten and the rails are gone."', "rails", "Lena Ford", "Ford", "surname"),
        # the last person named before the quote, as that mention names them
        ('Harbor master Lena Ford toured the pier on Monday. Later Ford walked the beach.\n\n"Long overdue."',
         "overdue", "Lena Ford", "Ford", "surname"),
    ],
    "first-name": [
        ('Jane Okafor opened the pier on Monday. "It will carry the ferries for fifty years," Jane said.',
         "ferries", "Jane Okafor", "Jane", "first-name"),
        # a nickname stands for the first name
        ('Robert J. "Robin" Vale toured the pier on Monday. "The beams are rotten," Robin said.', "beams",
         'Robert J. "Robin" Vale', "Robin", "first-name"),
    ],
    "title-and-surname": [
        ('Harbor master Jane Okafor opened the pier on Monday.\n\n"It will carry the ferries for fifty years," '
         'Ms. Okafor said.', "ferries", "Jane Okafor", "Okafor", "title-and-surname"),
        # any title, not only an honorific
        ('Jane Okafor, a state senator, opened the pier on Monday.\n\n"It will carry the ferries for fifty '
         'years," Sen. Okafor said.', "ferries", "Jane Okafor", "Okafor", "title-and-surname"),
    ],
    "pronoun": [
        ('Jane Okafor opened the pier on Monday. "It will carry the ferries for fifty years," she said.',
         "ferries", "Jane Okafor", "she", "pronoun"),
        ('Lena Ford, the harbor master, closed the pier on Monday.\n\n"Nobody will sail from here until it is '
         'fixed," she said. "The beams are rotten."', "beams", "Lena Ford", "she", "pronoun"),
        # "they" for coordinated people: the first of them
        ('Tom Reyes and Lena Ford signed the lease on Monday. "We will open in spring," they said.', "spring",
         "Tom Reyes", "they", "pronoun"),
        # a letter's "I", named by its signature line
        ('Dear editor, I read your piece on the pier. "It is a wreck," I told my neighbours.\n\nLena Ford.',
         "wreck", "Lena Ford", "I", "pronoun"),
    ],
    "description": [
        ('Jane Okafor, the harbor master, opened the pier on Monday.\n\n"It will carry the ferries for fifty '
         'years," the harbor master said.', "ferries", "Jane Okafor", "harbor master", "description"),
    ],
    "organisation": [
        # an acronym
        ('Officials from the Northern Harbor Commission met on Monday. "We will rebuild the pier within a year," '
         'the NHC said.', "rebuild", "Northern Harbor Commission", "NHC", "organisation"),
        # the first word of its name
        ('Shares of Brightwater Ferries Inc. rose on Monday. Brightwater said the ferries "will run again by '
         'June."', "run again", "Brightwater Ferries Inc.", "Brightwater", "organisation"),
        # its unnamed officials
        ('Brightwater Ferries bought the old pier on Monday. "We will rebuild it within a year," officials at '
         'Brightwater Ferries said.', "rebuild", "Brightwater Ferries", "officials", "organisation"),
    ],
    "document": [
        ('The Northern Harbor Commission\'s report called the pier "a danger to every boat in the bay."', "danger",
         "Northern Harbor Commission", "Northern Harbor Commission's report", "document"),
        ('The Northern Harbor Commission released a report on Monday. The report called the pier "a danger to '
         'every boat in the bay."', "danger", "Northern Harbor Commission", "report", "document"),
        # a writing by or from someone, and "the letter" after they sent one, "the ruling" after a court ruled
        ('A letter from Dana Wells called the vote "a farce."', "farce", "Dana Wells", "letter", "document"),
        ('A video by Dana Wells called the vote "a farce."', "farce", "Dana Wells", "video", "document"),
        ('Dana Wells sent a letter to the council on Monday.\n\n"The vote was a farce," the letter said.', "farce",
         "Dana Wells", "letter", "document"),
        ('The Lane County court ruled on Monday.\n\n"The law stands," the ruling said.', "law stands",
         "Lane County court", "ruling", "document"),
    ],
    "unnamed": [
        # the name is the description itself
        ('The pier closed on Monday. "Nobody told us anything," a ferry pilot said.', "Nobody", "ferry pilot",
         "ferry pilot", "unnamed"),
        ('The pier closed on Monday. "Nobody told us anything," said one of three fishermen who watched.',
         "Nobody", "one of three fishermen", "one of three fishermen", "unnamed"),
    ],
    "null": [
        # no clue who spoke: name, id and resolved_by are null
        ('"Nobody told us anything."', "Nobody", None, None, None),
    ],
}


def test_every_value_has_cases() -> None:
    assert set(CASES) == {*RESOLVED_BY, "null"}
    assert all(c[-1] == (None if value == "null" else value) for value, cases in CASES.items() for c in cases)


@pytest.mark.parametrize("text, words, name, mention, resolved_by",
                         [c for cases in CASES.values() for c in cases],
                         ids=[f"{value}-{i}" for value, cases in CASES.items() for i in range(len(cases))])
def test_how_the_name_was_reached(nlp: Language, text: str, words: str, name: str | None, mention: str | None,
                                  resolved_by: str | None) -> None:
    speaker = quote_with(extract_text(nlp, text), words).speaker
    got = (speaker.name, speaker.mention.text if speaker.mention else None, speaker.resolved_by)
    assert got == (name, mention, resolved_by)
