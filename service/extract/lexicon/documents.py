"""Nouns for writings and recordings that speak for whoever issued them: "the report stated",
"a statement from X", "the ad claims".

Lemmas, lower case. Two lists for two readers, kept apart (see each): ``DOCUMENT_NOUNS`` for the
speaker a document stands for, ``WRITINGS`` for the event words came from.
"""
from __future__ import annotations

from typing import Final

# Description heads that name a thing that speaks: a document, a publication, a post.
DOCUMENT_NOUNS: Final[frozenset[str]] = frozenset("""
report study book letter statement article ad advertisement document memo poll survey ruling
decision order platform bill law story piece column editorial video website post tweet release
analysis review audit complaint lawsuit suit filing indictment verdict transcript email message
brief motion opinion clip spot note photo photograph picture image passage excerpt petition caption
playbook manual handbook
""".split())
# Events that are writings or recordings, which speak for their authors: "the report stated".
# Not merged with DOCUMENT_NOUNS: one list for both changes answers.
WRITINGS: Final[frozenset[str]] = frozenset("""
statement post tweet message letter memo email e-mail op-ed essay column editorial broadcast video ad
advertisement book memoir report ruling filing complaint lawsuit motion opinion decision transcript
profile feature article story piece newsletter brief clip document study note
""".split())
