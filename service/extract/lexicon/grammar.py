"""spaCy's labels as named sets: dependency labels, entity types, part-of-speech and fine tags.

Each set is named for what the code asks of a token ("a clause's subject", "a date or a sum"), so
a set of labels is typed once and read by its name. A single label is compared where it is read
(``tok.dep_ == "prep"``). The labels are those of spaCy's English pipelines: ClearNLP-style
dependencies, OntoNotes entity types, Universal POS and Penn Treebank tags.
Not here: what any word means; that is the other lexicon modules'.
"""
from __future__ import annotations

from typing import Final

# --- dependencies: a verb's arguments --------------------------------------------------------------

# A clause's subject, active or passive.
SUBJECT_DEPS: Final[frozenset[str]] = frozenset({"nsubj", "nsubjpass"})
# A clause's subject or direct object: the names a pronoun later in the sentence may stand for.
ARGUMENT_DEPS: Final[frozenset[str]] = SUBJECT_DEPS | {"dobj"}
# An object of a verb or a preposition, of any kind.
OBJECT_DEPS: Final[frozenset[str]] = frozenset({"dobj", "pobj", "dative", "iobj"})
# A verb's direct object, or the subject of the verb in the passive: "gave a speech", "a statement was issued".
DIRECT_OBJECT_DEPS: Final[frozenset[str]] = frozenset({"dobj", "nsubjpass"})
# What a naming verb names: "called it ...", "called ... 'a fraud'" (object predicate), "was called ...".
NAMED_DEPS: Final[frozenset[str]] = frozenset({"dobj", "oprd", "nsubjpass"})
# Whom a verb of telling tells: "told KXTV", "told reporters".
TOLD_DEPS: Final[frozenset[str]] = frozenset({"dative", "dobj"})
# A preposition's object: a noun phrase, or a clause ("after meeting with ...").
PREP_OBJECT_DEPS: Final[frozenset[str]] = frozenset({"pobj", "pcomp"})
# A preposition, or the "to" of a dative ("speaking to a group").
PREPOSITION_DEPS: Final[frozenset[str]] = frozenset({"prep", "dative"})
# The particle of a phrasal verb, or an adverb in its place: "shot back", "went on".
PARTICLE_DEPS: Final[frozenset[str]] = frozenset({"prt", "advmod"})
# What a phrasal verb of speech has none of: "went on to win", "pushed back the date", "cut in line".
PHRASAL_OBJECT_DEPS: Final[frozenset[str]] = frozenset({"xcomp", "dobj", "prep"})
# Words between a verb and a phrase the parser hangs on them instead: "said Monday in", "said so in".
HANGER_DEPS: Final[frozenset[str]] = frozenset({"advmod", "npadvmod", "dobj"})

# --- dependencies: clauses -------------------------------------------------------------------------

# Dependencies that open a clause below the one their head belongs to.
CLAUSE_DEPS: Final[frozenset[str]] = frozenset({"ccomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "pcomp",
                                                 "xcomp"})
# Dependencies that open a finite clause of its own below a verb.
OWN_CLAUSE_DEPS: Final[frozenset[str]] = frozenset({"ccomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj"})
# A clause on a noun: "a briefing at which ...", "the plan unveiled Monday".
RELATIVE_CLAUSE_DEPS: Final[frozenset[str]] = frozenset({"acl", "relcl"})
# How a noun's own words hang on it: "claim that ...", "remarks about ...", "words he used".
NOUN_COMPLEMENT_DEPS: Final[frozenset[str]] = frozenset({"acl", "relcl", "prep", "ccomp"})
# A clause that completes a verb: "said it was", "wanted to say".
COMPLEMENT_CLAUSE_DEPS: Final[frozenset[str]] = frozenset({"ccomp", "xcomp"})
# A reported clause, bound or set off: "said the plan failed", "the plan, she said, failed".
REPORT_DEPS: Final[frozenset[str]] = frozenset({"ccomp", "parataxis"})
# How a verb hangs under a verb that may report it: "said she thought that ...", "said A and said B".
REPORTED_CLAUSE_DEPS: Final[frozenset[str]] = frozenset({"ccomp", "xcomp", "conj", "advcl"})
# How a verb with no subject of its own hangs on the clause it shares one with: "he went on, mocking ...".
SHARED_SUBJECT_DEPS: Final[frozenset[str]] = frozenset({"advcl", "conj", "xcomp"})
# How a verb hangs on a verb above it: "expressed ..., throwing the ball ... during a briefing".
VERB_CHAIN_DEPS: Final[frozenset[str]] = frozenset({"advcl", "xcomp", "conj", "ccomp", "pcomp"})

# --- dependencies: inside a noun phrase ------------------------------------------------------------

# A noun or an adjective before a noun: "party chairman", "former aide".
ATTRIBUTIVE_DEPS: Final[frozenset[str]] = frozenset({"compound", "amod"})
# A word that makes one name with the noun after it: "town hall", "press release", "campaign stop".
NOUN_MODIFIER_DEPS: Final[frozenset[str]] = frozenset({"compound", "amod", "nmod"})
# Words before a role noun that belong to the role: "chief economist", "vice president".
ROLE_MODIFIER_DEPS: Final[frozenset[str]] = frozenset({"compound", "amod", "nmod", "advmod"})
# Words before a body's noun that belong to its name: "the Harlow city council", "the state's 2nd district".
BODY_MODIFIER_DEPS: Final[frozenset[str]] = frozenset({"compound", "amod", "nmod", "poss", "nummod", "case"})
# Words that lead rightwards to the head noun of their phrase: "New" of "New Hampshire Democrat".
PREMODIFIER_DEPS: Final[frozenset[str]] = frozenset({"compound", "amod", "det", "nmod", "poss", "nummod"})
# All the words before a noun in its phrase: "a 30-minute phone interview", "Friday's briefing".
NOUN_PHRASE_LEFT_DEPS: Final[frozenset[str]] = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod",
                                                           "case", "quantmod", "npadvmod"})
# A noun's owner, or a name compounded onto it: "X's letter", "the IMF report".
OWNER_DEPS: Final[frozenset[str]] = frozenset({"poss", "compound"})
# A determiner or an owner before a noun: "the campaign", "its board".
DETERMINER_DEPS: Final[frozenset[str]] = frozenset({"det", "poss"})
# A conjunction and what it joins: "geosciences and international affairs".
COORDINATION_DEPS: Final[frozenset[str]] = frozenset({"cc", "conj"})
# A word of a name hung on the next word of it: "Lim" of "Lim Eul-chul".
NAME_CHAIN_DEPS: Final[frozenset[str]] = frozenset({"compound", "flat"})
# Proper nouns that carry a name on after its head word.
NAME_PART_DEPS: Final[frozenset[str]] = frozenset({"flat", "compound", "appos"})
# A name beside a title the parser split from it: "Gov. and Roe", "the President, Jo Roe,".
BESIDE_TITLE_DEPS: Final[frozenset[str]] = frozenset({"conj", "appos"})
# The links from a body up to the person it is said of: "Roe, a lawyer for the Harbor Trust, who".
BODY_TO_PERSON_DEPS: Final[frozenset[str]] = frozenset({"pobj", "prep", "appos", "compound"})

# --- entity types ----------------------------------------------------------------------------------

# A date or a time of day.
TIME_ENTS: Final[frozenset[str]] = frozenset({"DATE", "TIME"})
# Dates, times, numbers and amounts: never a name.
NUMERIC_ENTS: Final[frozenset[str]] = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# A date or a sum: a number tagged so counts no people, and a word tagged so is no surname.
DATE_OR_SUM_ENTS: Final[frozenset[str]] = frozenset({"DATE", "TIME", "MONEY", "QUANTITY"})
# A place: a country, city or state, a building, a region.
PLACE_ENTS: Final[frozenset[str]] = frozenset({"GPE", "FAC", "LOC"})
# A place that is an area, not a building: a country, city or state, a region.
AREA_ENTS: Final[frozenset[str]] = frozenset({"GPE", "LOC"})
# Words that name no speaker: dates, numbers and areas.
NOT_SPEAKER_ENTS: Final[frozenset[str]] = NUMERIC_ENTS | AREA_ENTS
# A body: an organisation, a government, a people ("Democrats"), a building that stands for one.
BODY_ENTS: Final[frozenset[str]] = frozenset({"ORG", "GPE", "NORP", "FAC"})
# A name of a person or a body.
NAME_ENTS: Final[frozenset[str]] = BODY_ENTS | {"PERSON"}
# What an affiliation can be read from: a body, a region, or a person's name ("McCrory's opponent").
AFFILIATION_ENTS: Final[frozenset[str]] = BODY_ENTS | {"LOC", "PERSON"}
# Entity types that may name a seat of government (a government named by the building it sits in).
SEAT_ENTS: Final[frozenset[str]] = frozenset({"ORG", "FAC", "GPE", "LOC"})
# Entities a sports team goes by: a club, or a country whose side it is.
TEAM_ENTS: Final[frozenset[str]] = frozenset({"ORG", "GPE"})
# What an outlet or a show can be tagged, or left untagged: "told KXTV", "on 'Evening Desk'".
OUTLET_ENTS: Final[frozenset[str]] = frozenset({"ORG", "WORK_OF_ART", ""})
# What a platform one posts on can be tagged, or left untagged: "said on Chirper".
PLATFORM_ENTS: Final[frozenset[str]] = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", ""})
# What the recogniser calls a person's name by mistake (a full name read as a product), or no entity.
MISLABELLED_ENTS: Final[frozenset[str]] = frozenset({"", "PRODUCT", "WORK_OF_ART"})

# --- parts of speech and tags ----------------------------------------------------------------------

# Words that cannot end a clause: what follows them completes the reporter's phrase.
PHRASE_OPENER_POS: Final[frozenset[str]] = frozenset({"DET", "ADP", "ADJ"})
# Words that can make up a short noun phrase: "the state's top lawyer".
NOUN_PHRASE_POS: Final[frozenset[str]] = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "PART"})
# A finite verb in the past or the present: "said", "says", "say".
FINITE_TAGS: Final[frozenset[str]] = frozenset({"VBD", "VBZ", "VBP"})
