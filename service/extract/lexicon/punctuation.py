"""Punctuation as the tokenizer gives it: marks that open, close or break a run of words.

Sets of whole tokens (a mark may be two or three characters: "--", "..."). The characters the
quote finder scans for, one at a time, are ``quotes.marks``' own.
"""
from __future__ import annotations

from typing import Final

# Opening quotation marks: what the next phrase in a list of titles opens with ('named "A," "B" ...').
OPENING_QUOTES: Final[frozenset[str]] = frozenset({"“", '"', "‘"})
# Tokens that end a sentence.
SENTENCE_ENDS: Final[frozenset[str]] = frozenset({".", "!", "?", "…", "...", "?!", "!!"})
# Marks around a nickname inside a name: 'Carla "Cici" Diaz'.
NICKNAME_OPENERS: Final[frozenset[str]] = frozenset({'"', "“"})
NICKNAME_CLOSERS: Final[frozenset[str]] = frozenset({'"', "”"})
# A dash or an ellipsis before a colon lead-in sets the name apart from what comes before it.
LEAD_IN_BREAKS: Final[frozenset[str]] = frozenset({"-", "–", "—", "―", "--", "…", "..."})
# What a quote's words end with when the reporter's sentence runs on after it.
OPEN_ENDINGS: Final[frozenset[str]] = frozenset({",", "?", "!", "—", "-"})
