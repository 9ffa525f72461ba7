"""Which words stand for people: nouns for a person (by list, title, gender or ending), plural
nouns for people, people a story seldom names, quantities whose "of" phrase says who, quantity
words and numbers that speak ("several said"), and ages ("the 46-year-old").

Lexicons as typed data, and tests of one token; what a word refers to is ``mentions``'.
Not handled: a noun for people the lists and endings miss, and endings that also name things
("-er": "the banner", "the center"), which callers weigh with the token's place in the sentence.
"""
from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from ..lexicon.names import noun_gender, title_word
from .name_words import DOCUMENT_NOUNS, NON_PERSON_NOUNS

BODY_NOUNS: Final[frozenset[str]] = NON_PERSON_NOUNS - DOCUMENT_NOUNS

# Quantities and groups whose "of" phrase says who: "63 percent of registered voters".
PARTITIVE_NOUNS: Final[frozenset[str]] = frozenset("""
percent percentage majority minority group number half third quarter most some many few handful
dozen dozens hundreds thousands millions member members share portion plurality
""".split())
# People a story describes by their part in it and seldom names: kept as descriptions.
UNNAMED_ROLES: Final[frozenset[str]] = frozenset("""
announcer narrator reporter host anchor moderator caller voice crowd audience woman man girl boy
source official spokesman spokeswoman spokesperson aide staffer witness neighbor neighbour
resident protester supporter voter driver officer doctor nurse lawyer attorney
""".split())
# Quantity words the tagger calls adjectives that, as a subject, stand for people: "several said".
_QUANTIFIERS: Final[frozenset[str]] = frozenset("several many most few some both all each".split())
_NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY"})
# Entity labels of words that name no speaker: dates, numbers and places.
_NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "GPE", "LOC"})


# Nouns that, in the plural, stand for people: by ending ("activists", "politicians",
# "bureaucrats"), or one of these (lemmas); the endings "-er", "-or", "-ent" and the like name
# things as often ("centers", "events"), so those people are listed.
_PEOPLE_ENDINGS = ("ist", "ian", "crat")
_PEOPLE_PLURALS = frozenset("""
people person police official staff member leader expert critic folk man woman kid child friend
family parent ally aide fan troop force authority lawmaker legislator democrat republican liberal
conservative progressive independent other elite skeptic cleric representative executive relative
voter supporter protester protestor officer worker owner teacher reporter researcher organizer
viewer reader speaker manager player fighter farmer user caller buyer seller believer follower
insider outsider observer customer consumer employer lender donor senator governor investor
advisor adviser prosecutor inspector author editor director doctor visitor sponsor educator
negotiator investigator regulator moderator commentator demonstrator writer producer founder
partner backer strategist analyst pollster rival challenger volunteer villager neighbor neighbour
campaigner marcher delegate elector resident student opponent patient agent incumbent
correspondent participant immigrant migrant applicant defendant consultant assistant servant
tenant employee nominee refugee attendee appointee trustee detainee retiree
""".split())


# Singular nouns for a person that no ending or other list gives.
_PERSON_NOUNS = frozenset("""
mogul tycoon magnate jock surgeon diplomat graduate chief head lady gentleman heir heiress star
celebrity icon veteran victor champion hero heroine rookie novice newcomer frontrunner hopeful
contender favorite favourite billionaire millionaire entrepreneur guy individual citizen native
""".split())
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "crat", "man", "woman", "ee", "ent", "ant", "eon")


def person_noun(token: Token) -> bool:
    """A singular noun that names a person: a title, a gendered noun, one in a list of people,
    or one with an ending for people ("developer", "organizer", "strategist"), not an "-ing" word."""
    lemma = token.lemma_.lower()
    if lemma in _PERSON_NOUNS or lemma in _PEOPLE_PLURALS or lemma in UNNAMED_ROLES or title_word(lemma) \
            or noun_gender(lemma) is not None or aged(token):
        return True
    return lemma.endswith(_PERSON_ENDINGS) and not lemma.endswith(("ing", "ment"))


def people_plural(token: Token) -> bool:
    """A plural noun that can stand for people: "the officers", "critics", "Democrats"."""
    lemma = token.lemma_.lower()
    return lemma in _PEOPLE_PLURALS or lemma in UNNAMED_ROLES or token.ent_type_ == "NORP" \
        or lemma.endswith(_PEOPLE_ENDINGS) or lemma in BODY_NOUNS


def stands_for_people(token: Token) -> bool:
    """A number or quantity word as a subject, standing for people: "one of the aides", "four in
    10", "several", "most". Not a date or sum, nor a capitalised word inside a name or title
    ("The Latest on ...")."""
    if token.ent_type_ in _NOT_COUNTS:
        return False
    if token.text[:1].isupper() and not token.is_sent_start:
        return False
    return token.pos_ == "NUM" or token.lemma_.lower() in _QUANTIFIERS


def aged(token: Token) -> bool:
    """'the 46-year-old', which the tagger reads as an adjective: a description of a person."""
    return token.lower_ == "old" and any(c.lemma_.lower() == "year" for c in token.children)


def could_speak(token: Token) -> bool:
    """A token that could name a speaker: a name, pronoun or noun that is not a date, number or place."""
    return token.pos_ in ("PROPN", "PRON", "NOUN") and token.ent_type_ not in _NOT_SPEAKERS
