"""Nouns for people and for bodies: who a common noun can stand for.

A person ("surgeon", "spokeswoman"), people in the plural ("officials", "critics"), people a story
seldom names ("the announcer"), quantities whose "of" phrase says who ("63 percent of voters"),
bodies that speak as one ("the union", "the campaign"). Lemmas, lower case.
Not here: titles and positions (``titles``), gendered nouns and first names (``names``),
documents (``documents``). Which token is such a noun is ``people.person_words``'.
"""
from __future__ import annotations

from typing import Final

from .documents import DOCUMENT_NOUNS

# Description heads that name a body rather than a person: matched against organisation names.
ORG_NOUNS: Final[frozenset[str]] = frozenset("""
campaign union commission committee company department agency group organization organisation
court board council ministry government administration party firm bank office bureau network
newspaper paper magazine site website association institute center centre foundation university
school college team club service station channel league coalition alliance caucus
""".split())
# Nouns for a business that a story uses for the one it is about ("the company said"): "Company
# spokesman X" speaks for the company last named.
FIRM_NOUNS: Final[frozenset[str]] = frozenset("company firm".split())
# Nouns for a body or a thing that speaks: no person.
NON_PERSON_NOUNS: Final[frozenset[str]] = ORG_NOUNS | DOCUMENT_NOUNS
# Nouns for a body that are not also a document ("website" is both).
BODY_NOUNS: Final[frozenset[str]] = ORG_NOUNS - DOCUMENT_NOUNS
# Nouns that, after a name, make a body of an affiliation: "the Harlow campaign", "the Lund administration".
# Not merged with ORG_NOUNS: one list for both changes answers.
NAMED_BODY_NOUNS: Final[frozenset[str]] = frozenset("""
campaign administration team camp government family foundation caucus committee subcommittee panel
party department ministry agency office council board commission court union association institute
center centre university college school company firm bank network newspaper magazine group coalition
alliance league club church hospital army navy force police
""".split())
# Unnamed people who speak for a body, in the plural: "officials at X" speak as X.
SPOKESPEOPLE: Final[frozenset[str]] = frozenset("official spokesman spokeswoman spokesperson representative".split())
# Collective nouns a possessor has: "Scott's family" is not one named person.
KIN_GROUPS: Final[frozenset[str]] = frozenset("family relatives household team staff camp side entourage circle".split())

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
QUANTIFIERS: Final[frozenset[str]] = frozenset("several many most few some both all each".split())

# Nouns that, in the plural, stand for people: by ending ("activists", "politicians",
# "bureaucrats"), or one of these (lemmas); the endings "-er", "-or", "-ent" and the like name
# things as often ("centers", "events"), so those people are listed.
PEOPLE_ENDINGS: Final[tuple[str, ...]] = ("ist", "ian", "crat")
PEOPLE_PLURALS: Final[frozenset[str]] = frozenset("""
people person police official staff member leader expert critic folk man woman kid child friend
family parent ally aide fan troop force authority lawmaker legislator liberal
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
PERSON_NOUNS: Final[frozenset[str]] = frozenset("""
mogul tycoon magnate jock surgeon diplomat graduate chief head lady gentleman heir heiress star
celebrity icon veteran victor champion hero heroine rookie novice newcomer frontrunner hopeful
contender favorite favourite billionaire millionaire entrepreneur guy individual citizen native
""".split())
# Endings of singular nouns for a person ("developer", "organizer", "strategist").
PERSON_ENDINGS: Final[tuple[str, ...]] = ("er", "or", "ist", "ian", "crat", "man", "woman", "ee", "ent", "ant", "eon")
# Endings that make a noun a thing, though PERSON_ENDINGS would take it: "meeting", "government".
THING_ENDINGS: Final[tuple[str, ...]] = ("ing", "ment")
