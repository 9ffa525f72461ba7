"""Which words stand for people: nouns for a person (by list, title, gender or ending), plural
nouns for people, people a story seldom names, quantities whose "of" phrase says who, quantity
words and numbers that speak ("several said"), ages ("the 46-year-old"), and words that name a
thing, not a person ("the budget", "the 9th Circuit").

Tests of one token or span, over the lists of ``lexicon.people``; what a word refers to is ``mentions``'.
Not handled: a noun for people the lists and endings miss, and endings that also name things
("-er": "the banner", "the center"), which callers weigh with the token's place in the sentence.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon.grammar import DATE_OR_SUM_ENTS, NOT_SPEAKER_ENTS
from ..lexicon.names import noun_gender, title_word
from ..lexicon.people import (BODY_NOUNS, NON_PERSON_NOUNS, PEOPLE_ENDINGS, PEOPLE_PLURALS, PERSON_ENDINGS, PERSON_NOUNS,
                              QUANTIFIERS, THING_ENDINGS, UNNAMED_ROLES)
from ..lexicon.titles import AGENT_ENDINGS, NOT_AGENTS, is_title


def person_noun(token: Token) -> bool:
    """A singular noun that names a person: a title, a gendered noun, one in a list of people,
    or one with an ending for people ("developer", "organizer", "strategist"), not an "-ing" word."""
    lemma = token.lemma_.lower()
    if lemma in PERSON_NOUNS or lemma in PEOPLE_PLURALS or lemma in UNNAMED_ROLES or title_word(lemma) \
            or is_title(lemma) or noun_gender(lemma) is not None or aged(token):
        return True
    return lemma.endswith(PERSON_ENDINGS) and not lemma.endswith(THING_ENDINGS)


def people_plural(token: Token) -> bool:
    """A plural noun that can stand for people: "the officers", "critics", "Democrats"."""
    lemma = token.lemma_.lower()
    return lemma in PEOPLE_PLURALS or lemma in UNNAMED_ROLES or token.ent_type_ == "NORP" \
        or lemma.endswith(PEOPLE_ENDINGS) or lemma in BODY_NOUNS


def stands_for_people(token: Token) -> bool:
    """A number or quantity word as a subject, standing for people: "one of the aides", "four in
    10", "several", "most". Not a date or sum, nor a capitalised word inside a name or title
    ("The Latest on ...")."""
    if token.ent_type_ in DATE_OR_SUM_ENTS:
        return False
    if token.text[:1].isupper() and not token.is_sent_start:
        return False
    return token.pos_ == "NUM" or token.lemma_.lower() in QUANTIFIERS


def aged(token: Token) -> bool:
    """'the 46-year-old', which the tagger reads as an adjective: a description of a person."""
    return token.lower_ == "old" and any(c.lemma_.lower() == "year" for c in token.children)


def could_speak(token: Token) -> bool:
    """A token that could name a speaker: a name, pronoun or noun that is not a date, number or place."""
    return token.pos_ in ("PROPN", "PRON", "NOUN") and token.ent_type_ not in NOT_SPEAKER_ENTS


# Is this word a mere thing? Each test answers a narrower question than the last; ``speakers.context``
# adds the one that needs the resolved speaker (``resolved_to_nothing``).

def names_no_one(token: Token) -> bool:
    """A singular common noun (tagged NN) that names no one: no entity, no role, no body or document."""
    return token.tag_ == "NN" and token.ent_type_ == "" \
        and token.lemma_.lower() not in UNNAMED_ROLES | NON_PERSON_NOUNS


def plain_thing_noun(token: Token) -> bool:
    """A common noun that names neither a person (no role, title or agent noun: "the mayor",
    "the organizer") nor a body or document that could speak."""
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and token.ent_type_ == "" and lemma not in UNNAMED_ROLES | NON_PERSON_NOUNS \
        and not is_title(lemma) and not (lemma.endswith(AGENT_ENDINGS) and lemma not in NOT_AGENTS)


def number_named_thing(span: Span) -> bool:
    """A capitalised word after a number names a thing, not a person: "the 13th Amendment",
    "the 9th Circuit"."""
    doc = span.doc
    words = doc[max(span.start - 1, 0):span.end]
    return any(t.like_num or t.text[:1].isdigit() for t in words)
