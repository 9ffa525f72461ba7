"""Pronouns and the mentions they stand in for: who a pronoun means, and which pronoun is the mention."""
from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from service.extract import extract_text
from service.extract.article import Article
from service.extract.people.people import People

from answers import mention_of, speaker_of  # tests/answers.py


def _with_entities(nlp: Language, text: str, labelled: list[tuple[int, str, str]]) -> Doc:
    """``text`` parsed, with the recogniser's entities replaced by ``labelled``: (nth occurrence, words, label),
    so that a test does not hang on what the model happens to tag."""
    doc = nlp(text)
    spans = []
    for nth, words, label in labelled:
        at = -1
        for _ in range(nth + 1):
            at = text.index(words, at + 1)
        spans.append(doc.char_span(at, at + len(words), label=label))
    doc.ents = spans
    return doc


# A full name the recogniser took for an organisation is still a person when it opens with a
# known first name, known before any lone surname is resolved: a headline's "Venn" is she, not
# the namesake the recogniser did tag a person further down.
MISLABELLED_FULL_NAMES = [
    # (text, entities, expected name of the headline surname's entity)
    ("Venn pushes on.\n\nCarly Venn took the stage on Monday. Later her husband, Frank Venn, joined her.",
     [(0, "Venn", "ORG"), (0, "Carly Venn", "ORG"), (0, "Frank Venn", "PERSON")],
     "Carly Venn"),
    # letters after a name that only a person carries make it a person, and are no part of the name
    ("Venn pushes on.\n\nOriel Venn QC took the stage on Monday. Later Frank Venn joined her.",
     [(0, "Venn", "ORG"), (0, "Oriel Venn QC", "ORG"), (0, "Frank Venn", "PERSON")],
     "Oriel Venn"),
    # a body whose name holds a body noun stays a body, whatever word opens it
    ("Venn pushes on.\n\nThe Carly Venn Foundation gave money. Later Frank Venn joined the board.",
     [(0, "Venn", "ORG"), (0, "Carly Venn Foundation", "ORG"), (0, "Frank Venn", "PERSON")],
     "Frank Venn"),
]


@pytest.mark.parametrize("text, entities, name", MISLABELLED_FULL_NAMES)
def test_a_full_name_labelled_a_body_is_a_person(nlp: Language, text: str, entities: list[tuple[int, str, str]],
                                                  name: str) -> None:
    doc = _with_entities(nlp, text, entities)
    people = People(Article(doc))
    assert people.by_name(people.name_span(doc[0])).name == name


# A body the recogniser also labels a person now and then stays a body unless more of its mentions
# say person; one it labels a person more often is a person.
_GREENLEAF = "Greenleaf won the vote. Greenleaf promised rents would fall. Critics said Greenleaf lied. Greenleaf denied it."
BODY_OR_PERSON = [
    ([(0, "Greenleaf", "ORG"), (1, "Greenleaf", "PERSON"), (2, "Greenleaf", "ORG"), (3, "Greenleaf", "PERSON")], True),
    ([(0, "Greenleaf", "ORG"), (1, "Greenleaf", "PERSON"), (2, "Greenleaf", "PERSON"), (3, "Greenleaf", "PERSON")],
     False),
]


@pytest.mark.parametrize("entities, is_org", BODY_OR_PERSON)
def test_a_body_labelled_a_person_at_times_goes_by_most_labels(nlp: Language, entities: list[tuple[int, str, str]],
                                                              is_org: bool) -> None:
    doc = _with_entities(nlp, _GREENLEAF, entities)
    people = People(Article(doc))
    for tok in doc:
        if tok.text == "Greenleaf":
            people.by_name(people.name_span(tok))
    assert people.by_name(people.name_span(doc[0])).is_org is is_org


# Words that look like a name only by their capital: a title owned by someone ("My Winter of Hope"),
# a word capitalised because it opens a sentence and written in lower case elsewhere ("Use of ...").
# A surname that is also a word, capitalised mid-sentence somewhere, is still a name.
NO_NAMES = [
    ("My Winter of Hope won the prize.", "Winter", None),
    ("Dana Wells studied the use of maps in class.\n\nUse of maps is rising, she says.", "Use", None),
    ("Ann Bell spoke on Monday. A bell rang at noon.\n\nBell won the vote.", "Bell", "Ann Bell"),
    # a nationality or a title after "the" describes someone
    ("Tom Reed leads the club. After the match the Scot conceded that the team was tired.", "Scot", None),
]


@pytest.mark.parametrize("text, word, name", NO_NAMES)
def test_a_capitalised_word_is_not_always_a_name(nlp: Language, text: str, word: str, name: str | None) -> None:
    doc = nlp(text)
    people = People(Article(doc))
    token = [t for t in doc if t.text == word][-1]
    entity = people.lookup((token.lower_,), token.idx)
    assert (entity.name if entity is not None else None) == name


# A person known by one word takes the full name of the first mention below the headline when
# that mention is a run of capitalised proper nouns ending in the word, whatever the recogniser
# labelled it; not a later namesake, and not a place before the surname.
INTRODUCED_IN_FULL = [
    # (text, entities, expected name of the headline surname's entity)
    ('Lee wins.\n\nFor Ann Lee, the move meant a new start. "We are ready," Lee said.',
     [(0, "Lee", "ORG"), (0, "Ann", "NORP"), (1, "Lee", "ORG"), (2, "Lee", "PERSON")], "Ann Lee"),
    ('Osei wins.\n\nThe club signed midfielder Kofi Osei on Monday. "I am happy," said Osei.',
     [(0, "Osei", "ORG"), (1, "Osei", "ORG"), (2, "Osei", "PERSON")], "Kofi Osei"),
    # the first mention is the surname alone: a full name further down is someone else
    ('Osei wins.\n\nOsei signed on Monday. His brother Kwame Osei watched. "I am happy," said Osei.',
     [(0, "Osei", "PERSON"), (1, "Osei", "PERSON"), (3, "Osei", "PERSON")], "Osei"),
    # a place before the surname is no first name
    ('Osei wins.\n\nIn Texas Osei won again. "I am happy," said Osei.',
     [(0, "Osei", "PERSON"), (0, "Texas", "GPE"), (1, "Osei", "PERSON"), (2, "Osei", "PERSON")], "Osei"),
    # a surname written as one word of several tokens, hyphen or apostrophe; a title before is no first name
    ("Kerr-O'Hara wins.\n\nBishop Nuala Kerr-O'Hara spoke on Monday. \"I am happy,\" said Kerr-O'Hara.",
     [(0, "Kerr-O'Hara", "ORG"), (1, "Kerr-O'Hara", "ORG"), (2, "Kerr-O'Hara", "PERSON")], "Nuala Kerr-O'Hara"),
    ("O'Hara wins.\n\nCoach Nuala O'Hara spoke on Monday. \"I am happy,\" said O'Hara.",
     [(0, "O'Hara", "ORG"), (1, "O'Hara", "ORG"), (2, "O'Hara", "PERSON")], "Nuala O'Hara"),
]


# A surname alone outside subject place that the recogniser left out or took for a place is a
# mention of the person named in full with it; a word no one is named by is not.
KNOWN_SURNAMES = [
    ("Ann Lee was nominated on Monday. It is the third award for Lee, who turns 60 in May.", [(1, "Lee", "GPE")],
     "Lee", True),
    ("Ann Lee was nominated on Monday. It is the third award for Lee, who turns 60 in May.", [], "Lee", True),
    ("Ann Lee was nominated on Monday. It is the third award for Ross, who turns 60 in May.", [(0, "Ross", "GPE")],
     "Ross", False),
]


@pytest.mark.parametrize("text, entities, word, known", KNOWN_SURNAMES)
def test_a_known_surname_the_recogniser_missed_is_a_mention(nlp: Language, text: str,
                                                            entities: list[tuple[int, str, str]], word: str,
                                                            known: bool) -> None:
    doc = _with_entities(nlp, text, [(0, "Ann Lee", "PERSON")] + entities)
    people = People(Article(doc))
    at = text.rindex(word)
    assert any(start == at for e in people.entities for start, _ in e.mentions) is known


# A name the article goes on with ", which ..." is a body, however it reads; "which" after an object
# ending its clause may stand for the whole clause, and says nothing of the name.
WHICH = [
    ("Ana Reed, which sells lamps across the region, said sales fell in March.", True),
    ("Sales of lamps were not rising for Ana Reed, which worried her aides.", False),
]


@pytest.mark.parametrize("text, is_org", WHICH)
def test_a_name_followed_by_which_is_a_body(nlp: Language, text: str, is_org: bool) -> None:
    doc = _with_entities(nlp, text, [(0, "Ana Reed", "PERSON")])
    people = People(Article(doc))
    assert people.lookup(("ana", "reed"), 0).is_org is is_org


def test_a_hyphenated_name_the_recogniser_cut_is_whole(nlp: Language) -> None:
    doc = nlp("Kerr-Lowe set for award\n\nActress Ann Kerr-Lowe is to be honoured in March.")
    people = People(Article(doc))
    assert people.by_name(people.name_span(doc[2])).name == "Ann Kerr-Lowe"


@pytest.mark.parametrize("text, entities, name", INTRODUCED_IN_FULL)
def test_a_surname_takes_the_full_name_it_was_introduced_by(nlp: Language, text: str,
                                                          entities: list[tuple[int, str, str]], name: str) -> None:
    doc = _with_entities(nlp, text, entities)
    people = People(Article(doc))
    assert people.by_name(people.name_span(doc[0])).name == name


# What a pronoun stands for past the nearest name. A definite description of a person as a clause's
# subject ("the cardinal gave ...") stands for the person last named with that title; a title no one
# was named with stands for no one. A "he" that is the subject of a higher clause than the name in the
# sentence before stands for what that "he" stands for, not for the name below it.
ANTECEDENTS_PAST_A_NAME = [
    ('Cardinal Tom Reed spoke on Monday.\n\nBishop Paul Okafor has criticised the war. The cardinal gave a '
     'sermon against it. "Peace is possible," he said.', "Peace is possible", "Tom Reed"),
    ('Tom Reed spoke on Monday.\n\nBishop Paul Okafor has criticised the war. The cardinal gave a '
     'sermon against it. "Peace is possible," he said.', "Peace is possible", "Paul Okafor"),
    ('Tom Reed gave evidence on Monday.\n\nHe insisted the story that Paul Okafor had written the report was '
     'wrong. "The words were mine," he said.', "words were mine", "Tom Reed"),
    # with no pronoun above it, the name
    ('Tom Reed gave evidence on Monday.\n\nThe story was that Paul Okafor had written the report. '
     '"The words were mine," he said.', "words were mine", "Paul Okafor"),
]


@pytest.mark.parametrize("text, words, name", ANTECEDENTS_PAST_A_NAME)
def test_a_pronoun_finds_its_antecedent_past_a_name(nlp: Language, text: str, words: str, name: str) -> None:
    assert speaker_of(extract_text(nlp, text), words) == name


def test_the_nearest_name_is_no_description(nlp: Language) -> None:
    text = "Cardinal Tom Reed spoke on Monday. The cardinal gave a sermon on peace."
    people = People(Article(nlp(text)))
    entity, (start, end) = people.nearest(len(text), 1000)
    assert (entity.name, text[start:end]) == ("Tom Reed", "Tom Reed")


# Two people introduced together who share a surname: the given name alone before "and" is a
# person of its own; not a place, and not the first of two full names.
INTRODUCED_TOGETHER = [
    ('Ann and Bo Lee opened a bakery in March.\n\n"We bake every night," Ann told reporters.', "Ann Lee"),
    ('Ann and Bo Lee opened a bakery in March.\n\n"We bake every night," Bo Lee said.', "Bo Lee"),
    ('Paris and Ann Lee met in March.\n\n"We bake every night," Lee said.', "Ann Lee"),
    ('Ann Roe and Bo Lee opened a bakery in March.\n\n"We bake every night," Ann told reporters.', "Ann Roe"),
]


@pytest.mark.parametrize("text, name", INTRODUCED_TOGETHER)
def test_people_introduced_together_share_the_surname(nlp: Language, text: str, name: str) -> None:
    assert speaker_of(extract_text(nlp, text), "bake every night") == name


# A quote ending on a comma and followed by its own "he said" takes that aside as its cue,
# over a framing verb before it; the speaker is the same, the mention is the aside's subject.
ASIDES = [
    ('Mayor Ana Torres praised the crews\' "steady work" - "work that never stopped for a day," she said - '
     'and thanked the volunteers.', "never stopped", "she"),
    ('Dana Wells described the flood as "terrible. It really changed the town," she said on Monday.',
     "terrible", "she"),
    ('Tom Grant declared that the town needs "a new bridge," he told reporters.', "new bridge", "he"),
    # not an aside: a clause of its own opened by a conjunction
    ('Tom Grant said the bridge needed "urgent repairs," but he said the money was not there.',
     "urgent repairs", "Tom Grant"),
    # not an aside: the quote ends its sentence, and the next sentence's verb is its own
    ('Tom Grant said the bridge was "unsafe." He said the council would meet on Friday.', "unsafe", "Tom Grant"),
]


@pytest.mark.parametrize("text, words, mention", ASIDES)
def test_an_aside_after_the_quote_is_its_cue(nlp: Language, text: str, words: str, mention: str) -> None:
    assert mention_of(extract_text(nlp, text), words) == mention


# "they" as the subject of a cue stands for what the article just gave as many: a plural
# description subject, a body that was the subject, or the first of people named together;
# never a lone person the sentence before was about, nor a plural thing.
THEY = [
    ('The officers reached the square at noon. "We did our job," they said.', "our job", "officers"),
    ('The nurses who staffed the ward went home late. "We are tired," they said.', "are tired", "nurses"),
    ('Ana Roe and Ben Osei spoke at the rally. "We want change," they said.', "want change", "Ana Roe"),
    ('The Harbor Workers Union voted on Monday, and they said: "We will strike."', "will strike",
     "Harbor Workers Union"),
    # the chain: a "they" before stands for the same group
    ('The farmers met in the barn. They stayed for hours. "Prices are too low," they said.', "too low", "farmers"),
    # not one person, and not a plural thing
    ('Ana Roe met the press on Monday. "We are ready," they said.', "are ready", None),
    ('The results came in after midnight. "It is close," they said.', "is close", None),
]


@pytest.mark.parametrize("text, words, name", THEY)
def test_they_stands_for_a_group(nlp: Language, text: str, words: str, name: str | None) -> None:
    assert speaker_of(extract_text(nlp, text), words) == name


# "they" for a body someone named has ("Roe's campaign", "her staff"): that body; not a thing
# someone has ("Roe's plan").
OWNED_BODIES = [
    ('Ana Roe toured the state in June. Roe\'s campaign is trying to set her plan apart from what they '
     'call the governor\'s "tired old ideas."', "tired old", "Roe's campaign"),
    ('Ana Roe toured the state in June.\n\nHer staff set up the stage early. "The hall is too small by half," '
     'they said.', "too small", "Her staff"),
]


@pytest.mark.parametrize("text, words, name", OWNED_BODIES)
def test_they_stands_for_an_owned_body(nlp: Language, text: str, words: str, name: str) -> None:
    assert speaker_of(extract_text(nlp, text), words) == name


def test_they_is_not_a_thing_someone_has(nlp: Language) -> None:
    text = 'The results came in after midnight. Roe\'s plan was judged the winner. "It is close," they said.'
    assert speaker_of(extract_text(nlp, text), "is close") != "Roe's plan"


# A first name the recogniser labels a product or a work ("Ivanka" as WORK_OF_ART) is still a
# person that a later "she" can mean; a product that opens with no first name stays no one.
MISLABELLED_PRODUCTS = [
    ("Carly Venn took the stage on Monday. Then she spoke.", [(0, "Carly Venn", "PRODUCT")], "Carly Venn", True),
    ("The crowd cheered for Carly on Monday. Then she spoke.", [(0, "Carly", "WORK_OF_ART")], "Carly", True),
    # not a first name, or inside quotes: a product or a title
    ("Shoppers bought the Venn Mixer on Monday.", [(0, "Venn Mixer", "PRODUCT")], "Venn Mixer", False),
    ('She read "Carly Venn" on Monday.', [(0, "Carly Venn", "WORK_OF_ART")], "Carly Venn", False),
]


@pytest.mark.parametrize("text, entities, name, known", MISLABELLED_PRODUCTS)
def test_a_first_name_labelled_a_product_is_a_person(nlp: Language, text: str, entities: list[tuple[int, str, str]],
                                                     name: str, known: bool) -> None:
    doc = _with_entities(nlp, text, entities)
    quoted = {t.i for t in doc if t.i > 0 and '"' in doc[:t.i].text and doc[:t.i].text.count('"') % 2 == 1}
    assert (name in {e.name for e in People(Article(doc), quoted=quoted.__contains__).entities}) is known
