"""Cue subjects the resolver turns into speakers: numbers and quantity words that stand for
people, and definite descriptions that do not mean someone their own clause names."""
from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from service.extract import Extraction, extract_text
from service.extract.records import SpeakerRef
from service.extract.speakers.mentions import _person_of

from answers import name_and_mention  # tests/answers.py

# A number or quantity word as the subject of a cue stands for people: the person named in
# apposition, else the words themselves ("one of two neighbours"), never a person named nearby.
COUNTED_SUBJECTS = [
    ('Mayor Ana Torres opened the bridge on Monday. "It shook when the trucks came," said one of two '
     'neighbours who watched the work.', "It shook", (None, "one of two neighbours")),
    ('Mayor Ana Torres opened the bridge on Monday. Nearly six in 10 said they were "glad to see it done."',
     "glad to see", (None, "Nearly six in 10")),
    ('Mayor Ana Torres met the residents of Elm Street on Monday.\n\nSeveral said they would "wait and see" '
     'how the traffic changes.', "wait and see", (None, "Several")),
    ('Mayor Ana Torres met the fishermen on Monday. One of the men, Paul Okafor, said: "We were never asked '
     'about the bridge."', "never asked", ("Paul Okafor", "Paul Okafor")),
]


@pytest.mark.parametrize("text, words, expected", COUNTED_SUBJECTS)
def test_a_counted_subject_speaks(nlp: Language, text: str, words: str, expected: tuple[str | None, str]) -> None:
    name, mention = name_and_mention(extract_text(nlp, text), words)
    assert mention == expected[1]
    assert name == (expected[0] or expected[1])


# Numbers that are no speakers stay out: a date, a sum, and a capitalised word inside a title.
NOT_COUNTED = [
    ('Mayor Ana Torres spoke at the opening. "The bridge is open," she said. In 2015 said the council '
     'nothing at all.', "The bridge is open", "Ana Torres"),
]


@pytest.mark.parametrize("text, words, name", NOT_COUNTED)
def test_a_number_that_is_no_one_does_not_take_the_quote(nlp: Language, text: str, words: str, name: str) -> None:
    assert name_and_mention(extract_text(nlp, text), words)[0] == name


# "The builder said of Ana ..." does not mean Ana: a definite description stands for someone
# named before it, but not for a person its own clause names after it. A name before it, or in
# a clause further down, does not bar that person.
DESCRIPTIONS = [
    ('Paul Okafor built the new bridge. Ana Torres opened it on Monday.\n\n'
     'The builder said of Torres, "She never missed a meeting."', "never missed", "Paul Okafor"),
    # no name after it in its clause: the last person a main clause was about
    ('Ana Torres opened the new bridge on Monday.\n\n"It took nine years," the mayor said.',
     "nine years", "Ana Torres"),
    # a name in a clause further down does not bar the person
    ('Ana Torres opened the new bridge on Monday.\n\n"It took nine years," the mayor said, '
     'adding that Okafor had built it well.', "nine years", "Ana Torres"),
    # letters after a name are a title the person is described by later ("the Green MP")
    ('Oriel Ames MP spoke on Monday. Tom Reed listened.\n\n"It is a scandal," the Green MP '
     'for Hull said.', "scandal", "Oriel Ames"),
    # a title as the subject of a speech verb is the person the paragraph is about
    ('Tom Reed backed the plan on Monday.\n\n"It is the right call," Reed said. The Rovers boss added: '
     '"We need a new stand."', "new stand", "Tom Reed"),
    # a title capitalised by house style is a description too, of the person it stood before
    ('Bishop Nuala Kerr led the service on Sunday. Mayor Ana Torres read a lesson.\n\n'
     '"Peace is possible," the Bishop said.', "Peace is possible", "Nuala Kerr"),
    # a plural description is many people, not the one person with that title
    ('Sen. Ana Torres opened the hearing on Monday.\n\n"We cannot keep waiting for the report," senators said.',
     "keep waiting", "senators"),
    ('Officer Ana Torres opened the station on Monday.\n\n"We cannot keep working double shifts," the officers '
     'said.', "double shifts", "officers"),
]


@pytest.mark.parametrize("text, words, name", DESCRIPTIONS)
def test_a_description_does_not_mean_a_name_in_its_own_clause(nlp: Language, text: str, words: str, name: str) -> None:
    assert name_and_mention(extract_text(nlp, text), words)[0] == name


# A known surname the tagger took for another part of speech ("Over" as a preposition) is still
# the person: not whoever was named last.
MISTAGGED_SURNAMES = [
    ('The council hired Dana Over in March to run the port. Mayor Ana Torres backed the choice.\n\n'
     '"We will not sell the docks," Over said.', "sell the docks", ("Dana Over", "Over")),
    # a word no one in the article is called stays out of it
    ('Mayor Ana Torres backed the choice.\n\n"We will not sell the docks," Over said.', "sell the docks",
     ("Ana Torres", "Ana Torres")),
]


@pytest.mark.parametrize("text, words, expected", MISTAGGED_SURNAMES)
def test_a_mistagged_surname_is_its_person(nlp: Language, text: str, words: str, expected: tuple[str, str]) -> None:
    assert name_and_mention(extract_text(nlp, text), words) == expected


# A name in apposition to a common noun is who speaks ("the chairman, Paul Okafor,"); a group
# in apposition ("many of them Republicans") is not.
APPOSITIONS = [
    ('Mayor Ana Torres opened the bridge on Monday.\n\nThe chairman, Paul Okafor, said: "It took nine years."',
     "nine years", "Paul Okafor"),
    ('Mayor Ana Torres opened the bridge on Monday.\n\nHer critics, many of them Republicans, said: '
     '"It cost far too much."', "far too much", "Her critics"),
]


@pytest.mark.parametrize("text, words, mention", APPOSITIONS)
def test_a_group_in_apposition_is_not_the_speaker(nlp: Language, text: str, words: str, mention: str) -> None:
    assert name_and_mention(extract_text(nlp, text), words)[1] == mention


# A title the parser split from the name after it ("Gov. and ... Chairman Tom Adler" read as
# "Gov." and "Adler") stands for that name; a title with no name joined to it stays as it was.
TITLES_BEFORE_NAMES = [
    ('Acme Radio Vice Chair for sales and marketing Dana Reyes called the show "our finest hour."',
     "finest hour", "Dana Reyes"),
    ('"It is over," said former Ohio Gov. and Harbor Trust Chairman Tom Adler.',
     "It is over", "Tom Adler"),
    ('Vice Chair Dana Reyes spoke on Monday. "It is over," she said.', "It is over", "Dana Reyes"),
    # two titles joined by "and" before one name, read as the first title and the name coordinated
    ('"We grew this year," said Acme owner and manager Oriel Ames.', "grew this year", "Oriel Ames"),
    ('The firm will do well, "because the market is growing," according to sales and marketing adviser Oriel Ames.',
     "market is growing", "Oriel Ames"),
]


@pytest.mark.parametrize("text, words, name", [
    # a name with no title of its own after "and" is someone else
    ('Oriel Ames chairs Acme. "We grew this year," said the chairman and his friend Tom Reed.', "grew this year",
     "Tom Reed"),
])
def test_a_title_joined_to_another_name_is_not_its_name(nlp: Language, text: str, words: str, name: str) -> None:
    assert name_and_mention(extract_text(nlp, text), words)[0] != name


@pytest.mark.parametrize("text, words, name", TITLES_BEFORE_NAMES)
def test_a_split_title_stands_for_the_name_after_it(nlp: Language, text: str, words: str, name: str) -> None:
    assert name_and_mention(extract_text(nlp, text), words)[0] == name


# "said the 46-year-old": an age the tagger reads as an adjective (and the recogniser as a date)
# is a description of a person the article has named, as "the baker" is.
AGES = [
    ('Ana Torres opened the bakery in 2009.\n\n"I never wanted to leave this street," said the 46-year-old.',
     "never wanted", ("Ana Torres", "46-year-old")),
    ('Ana Torres opened the bakery in 2009.\n\n"I never wanted to leave this street," the 46-year-old said.',
     "never wanted", ("Ana Torres", "46-year-old")),
]


@pytest.mark.parametrize("text, words, expected", AGES)
def test_an_age_describes_a_person(nlp: Language, text: str, words: str, expected: tuple[str, str]) -> None:
    assert name_and_mention(extract_text(nlp, text), words) == expected


def _speaker_record(result: Extraction, words: str) -> SpeakerRef:
    for q in result.quotes:
        if words in q.text:
            return q.speaker
    raise AssertionError(f"no quote holds {words!r}: {[q.text for q in result.quotes]}")


# A nickname in marks after a first name ('Rosalind "Roz" Whitley') belongs to the mention: the
# surname and the party tag after it ("(D-Harbor City)") are read with it; a quoted phrase
# after a full name is no nickname.
NICKNAMED_MENTIONS = [
    ('Tom Grant hosted the Democrats\' picnic.\n\n"This is a big day for our next governor, Tom Grant!" Grant\'s niece, '
     'state Del. Donna "Dee" Hale (D-Fair Haven), shouted to the crowd.', "big day",
     ('Donna "Dee" Hale', 'Donna "Dee" Hale', "Democratic Party")),
    ('Tom Grant hosted the Democrats\' picnic.\n\n"This is a big day for our next governor, Tom Grant!" Grant\'s niece, '
     'Del. Anna "Annie" Lee (D-Bay City), shouted to the crowd.', "big day",
     ('Anna "Annie" Lee', 'Anna "Annie" Lee', "Democratic Party")),
    # no nickname: the name as it stands
    ('Tom Grant hosted the Democrats\' picnic.\n\n"This is our year!" his niece, Donna Hale (D-Fair Haven), '
     'shouted to the crowd.', "our year", ("Donna Hale", "Donna Hale", "Democratic Party")),
    # a quoted word after a full name is no nickname
    ('"We are done," said Donna Hale "Friday" after the vote.', "We are done", ("Donna Hale", "Donna Hale", None)),
]


@pytest.mark.parametrize("text, words, expected", NICKNAMED_MENTIONS)
def test_a_nickname_in_marks_belongs_to_the_mention(nlp: Language, text: str, words: str,
                                                    expected: tuple[str, str, str | None]) -> None:
    speaker = _speaker_record(extract_text(nlp, text), words)
    assert (speaker.name, speaker.mention.text, speaker.affiliation) == expected


# A "whose" phrase hangs on the name before it: that person speaks, not the thing they own nor
# the name in apposition to it; without "whose" the name in apposition stands as it is.
WHOSE_PHRASES = [
    ('Ana Lee has founded four firms. Ms. Lee, whose newest venture, Brightloom, sells lamps online, said the '
     'tax was "a burden on every small shop."', "a burden", "Ana Lee"),
    ('Ana Lee has founded four firms. Her newest venture, Brightloom, said the tax was "a burden on every '
     'small shop."', "a burden", "Brightloom"),
]


@pytest.mark.parametrize("text, words, name", WHOSE_PHRASES)
def test_a_whose_phrase_speaks_for_its_owner(nlp: Language, text: str, words: str, name: str) -> None:
    assert name_and_mention(extract_text(nlp, text), words)[0] == name


# "the sign says": a thing that speaks is no person the paragraph is about; a document someone
# was said to send or post speaks for them. A noun for a person still means the one named.
THINGS_THAT_SPEAK = [
    ('Dana Wells spoke to the crowd for an hour. The sign above the stage says "jobs come first" in red letters.',
     "jobs come", ("sign", "sign")),
    ('Dana Wells posted a photo of her dog on Monday. The photo says "Best friend."', "Best friend",
     ("Dana Wells", "photo")),
    ('Dana Wells spoke to the crowd for an hour. "We are not done," the candidate said.', "not done",
     ("Dana Wells", "candidate")),
    ('Dana Wells spoke to the crowd for an hour. "We are not done," the organizer said.', "not done",
     ("Dana Wells", "organizer")),
]


@pytest.mark.parametrize("text, words, expected", THINGS_THAT_SPEAK)
def test_a_thing_that_speaks_is_not_the_topic_person(nlp: Language, text: str, words: str,
                                                     expected: tuple[str, str]) -> None:
    assert name_and_mention(extract_text(nlp, text), words) == expected


def _parsed(nlp: Language, words: list[str], heads: list[int], deps: list[str], pos: list[str],
            ents: list[str]) -> Doc:
    """A parse given by hand: the tangled ones a test cannot count on the model to make."""
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_a_person_of_a_body_speaks_when_the_body_was_made_the_head(nlp: Language) -> None:
    # "Ben Hale of rights group Fairplay! said", parsed with the body as the subject and the person under it
    words = ["Ben", "Hale", "of", "rights", "group", "Fairplay", "!", "said"]
    doc = _parsed(nlp, words, heads=[1, 5, 1, 4, 2, 7, 5, 7],
                  deps=["compound", "nmod", "prep", "compound", "pobj", "nsubj", "punct", "ROOT"],
                  pos=["PROPN", "PROPN", "ADP", "NOUN", "NOUN", "PROPN", "PUNCT", "VERB"],
                  ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"])
    assert _person_of(doc[5]).text == "Hale"
    # the body named on its own speaks for itself
    doc = _parsed(nlp, ["Fairplay", "said"], heads=[1, 1], deps=["nsubj", "ROOT"], pos=["PROPN", "VERB"],
                  ents=["B-ORG", "O"])
    assert _person_of(doc[0]) is None
