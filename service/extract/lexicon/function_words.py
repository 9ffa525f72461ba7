"""Closed-class words: pronouns by person, number and gender, relative pronouns, determiners,
the possessive ending, and the connectives that open a sentence leaning on the one before.

All lower case. What a pronoun refers to is ``people.pronouns``' and ``speakers.mentions``'.
"""
from __future__ import annotations

from typing import Final

# Pronouns for one person, and the gender each gives.
PERSON_PRONOUNS: Final[dict[str, str]] = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
# Pronouns for many: what "they" stands for is a group, a body or coordinated people.
GROUP_PRONOUNS: Final[frozenset[str]] = frozenset({"they", "them"})
# The writer's own pronouns, and the reader's: a narrator, not someone the article names.
FIRST_PERSON_PRONOUNS: Final[frozenset[str]] = frozenset({"i", "me", "we", "us", "you"})
# Subject pronouns that stand for people: a description's subject ("She is the attorney general").
PERSONAL_SUBJECTS: Final[frozenset[str]] = frozenset({"he", "she", "they", "i", "we"})
# Subject pronouns that can stand for a quote's speaker, a body ("it") among them.
SPEAKER_PRONOUNS: Final[frozenset[str]] = PERSONAL_SUBJECTS | {"it"}
# Subject words that name no speaker on their own.
WEAK_SUBJECTS: Final[frozenset[str]] = frozenset({"it", "this", "that", "which", "there"})
# Relative pronouns that can be a clause's subject: "Beck, who said".
RELATIVE_PRONOUNS: Final[frozenset[str]] = frozenset({"who", "that", "which", "whom"})
# Relative pronouns that stand for what a verb names: "what he called", "which she called".
RELATIVE_OBJECTS: Final[frozenset[str]] = frozenset({"what", "which", "that", "whom"})
# Free relatives, which name no one: "talked about what will happen".
FREE_RELATIVES: Final[frozenset[str]] = frozenset({"what", "whatever"})
# Determiners that point back at something named before: "the statement", "that interview".
DEFINITE_DETERMINERS: Final[frozenset[str]] = frozenset({"the", "that", "this"})
# The possessive ending as the tokenizer splits it: "Roe's", "Roe’s", "the Joneses'".
POSSESSIVE: Final[frozenset[str]] = frozenset({"'s", "’s", "'", "’"})
# Words that open a sentence continuing the one before: it adds to, draws on or sets itself against it.
CONNECTIVES: Final[frozenset[str]] = frozenset("and also but however instead meanwhile so still then yet".split())
