"""The events words were said at, found once per article (by ``choice.Events``): the candidates
``choice.Events.event_for`` picks from.

Owns which tokens name an event and how sure each is: DIRECT (an event noun a verb of saying is
in, at or on, one given or issued, an outlet, gathering or body told, a writing that speaks),
SETTING (an event noun opening a sentence, after or before a verb of saying, speaking to an audience
or in a place, an award accepted) and WEAK (an audience told, a letter sent, an event at another
verb, a place); one per sentence, the surest, the first among equals; its words are ``phrases.phrase``'s. The cases are tables in
tests/test_events.py. Not events: one still to come, one inside what is reported said or inside a
quotation of more than a few words, a people ("told Canadians"). Not handled: events named only
by a verb ("tweeted"), or by a noun outside ``lexicon.events``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import chain, islice
from typing import Final, Sequence

from spacy.tokens import Doc, Token

from ..lexicon.cues import REPORTING_VERBS, WRITING_VERBS
from ..lexicon.documents import WRITINGS
from ..lexicon.events import (ACCEPTING_VERBS, ADDRESSING_VERBS, ASSEMBLY_NOUNS, AT_EVENT_PREPS, AUDIENCE_NOUNS,
                              AWARD_NOUNS, EVENT_COMPOUNDS, EVENT_NOUNS, EVENT_PREPS, GIVING_VERBS, IN_EVENT_PREPS,
                              INTERVIEWERS, MEETING_VERBS, NOT_YET, POSTING_VERBS, SENDING_VERBS, SERIES_NOUNS,
                              TAKING_PREPS)
from ..lexicon.grammar import (DIRECT_OBJECT_DEPS, HANGER_DEPS, NOUN_MODIFIER_DEPS, OUTLET_ENTS, OWNER_DEPS, PLACE_ENTS,
                               PLATFORM_ENTS, PREP_OBJECT_DEPS, PREPOSITION_DEPS, TOLD_DEPS, VERB_CHAIN_DEPS)
from .phrases import phrase, pobj
from ..records import TextSpan
from ..quotes.sentences import Sentences

# How sure it is that words were said at an event: "said in an interview", "told KXTV",
# "gave a speech" (DIRECT); "At a rally, she ...", "said after the meeting" (SETTING);
# "told reporters", "sent a letter", "was blunt at the hearing" (WEAK).
DIRECT: Final = 2
SETTING: Final = 1
WEAK: Final = 0


@dataclass(frozen=True)
class EventCandidate:
    """One event phrase; ``head`` is its noun's lemma, ``rank`` how sure words were said at it."""

    span: TextSpan
    head: str
    rank: int

    @property
    def strong(self) -> bool:
        return self.rank >= SETTING


_FAR = 1 << 62
_REPORT_CLIMB = 8  # the word and the heads above it that may be a reported clause; a bound so a pathological parse
# stays linear
_SPEAKING_REACH = 3  # the verb and the two it hangs from: "expressed ..., throwing the ball ... during a briefing"


def event_candidates(doc: Doc, sents: Sentences, quoted: Sequence[tuple[int, int]] = ()) -> dict[int, EventCandidate]:
    """The event of each sentence that names one, by sentence index.

    ``quoted``: the quoted runs, in text order; an event a speaker names inside a quotation
    of more than a few words is not the reporter's ("At our first lunch, ..." she said).
    """
    found: dict[int, EventCandidate] = {}
    quoted = [q for q in quoted if sents.text.count(" ", *q) >= 4]  # not a title: "Evening Desk"
    for tok in doc:
        rank = _rank(tok, quoted)
        if rank is None or inside(quoted, tok.idx):
            continue
        k = sents.index_at(tok.idx)
        if k in found and found[k].rank >= rank:
            continue
        lo, hi = sents.spans[k]
        span = phrase(tok, lo, hi, sents.text)
        if span is not None:
            found[k] = EventCandidate(span, _head(tok), rank)
    return found


def inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    k = bisect.bisect_right(spans, (offset, _FAR)) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


def _rank(tok: Token, quoted: Sequence[tuple[int, int]]) -> int | None:
    """How sure it is that words were said at the event ``tok`` names; None for no event."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according" and _event_noun(tok):
        return DIRECT  # "according to a complaint filed Monday"
    if tok.dep_ == "pcomp" and tok.pos_ == "VERB" and tok.lemma_ in MEETING_VERBS and _speaking_above(tok.head.head) \
            and not _reported(tok.head.head, quoted):
        return SETTING  # "said after meeting with the mayor"
    if tok.dep_ in PREP_OBJECT_DEPS and tok.head.dep_ in PREPOSITION_DEPS:
        return _after_preposition(tok, tok.head, quoted)
    if tok.dep_ in TOLD_DEPS and tok.head.lemma_ == "tell":
        return _told(tok)
    if tok.dep_ == "nsubj" and tok.is_lower and _event_noun(tok) and tok.lemma_.lower() in WRITINGS \
            and tok.head.lemma_ in WRITING_VERBS and not _reported(tok.head, quoted):
        return DIRECT  # "the report stated", "said the ruling", "A campaign ad claimed that ..."
    if tok.pos_ == "VERB" and tok.is_lower and tok.lemma_ in ADDRESSING_VERBS and _addresses(tok) and not _reported(tok, quoted):
        return SETTING  # "Ortega, speaking to a farmers group in Iowa, said"
    if tok.dep_ == "advcl" and tok.pos_ == "VERB" and tok.lemma_ in ACCEPTING_VERBS and _speaking(tok.head) and any(
            c.dep_ in DIRECT_OBJECT_DEPS and c.lemma_.lower() in AWARD_NOUNS for c in tok.children):
        return SETTING  # "Accepting the award for best film, she thanked ..."
    if tok.dep_ in DIRECT_OBJECT_DEPS and _event_noun(tok) and not _reported(tok.head, quoted):
        if tok.head.lemma_ in GIVING_VERBS and not (tok.head.lemma_ == "conduct" and tok.lemma_.lower() in WRITINGS):
            return DIRECT  # "gave a speech", "a statement was issued"; not "conducted the study"
        if tok.head.lemma_ in SENDING_VERBS:
            return WEAK
    return None


def _addresses(verb: Token) -> bool:
    """Speaking to someone, or at or in a place: "speaking to a farmers group", "spoke Friday in Dayton"."""
    for c in verb.rights:
        o = pobj(c) if c.dep_ in PREPOSITION_DEPS else None
        if o is None or o.pos_ == "PRON":
            continue
        if c.lower_ == "to" or c.lower_ in ("at", "in") and o.ent_type_ in PLACE_ENTS:
            return True
    return False


def _after_preposition(tok: Token, prep: Token, quoted: Sequence[tuple[int, int]]) -> int | None:
    """"said in an interview", "At a rally, ...", "agreed to an interview", "said on Twitter"."""
    p = prep.lower_
    verb = prep.head
    if p == "of" and verb.lower_ == "part" and verb.dep_ in PREP_OBJECT_DEPS and verb.head.lower_ == "as":
        prep, p, verb = verb.head, "during", verb.head.head  # "spoke as part of a panel"
    elif p == "as" and verb.dep_ == "pcomp" and any(c.lower_ == "what" for c in verb.children):
        prep = verb.head  # "In what was seen as a personal speech, she said"
        p, verb = prep.lower_, prep.head
    if verb.dep_ in HANGER_DEPS and verb.pos_ != "VERB":
        verb = verb.head  # "noted later in the hearing", "said so in", "said Monday on"
    if _event_noun(tok):
        if p in EVENT_PREPS and (_speaking_above(verb) or _opens_sentence(prep)) and not _reported(verb, quoted):
            return DIRECT if p in IN_EVENT_PREPS and _speaking_above(verb) else SETTING
        if (verb.lemma_, p) in TAKING_PREPS:
            return DIRECT
        if p in AT_EVENT_PREPS and not _reported(verb, quoted):
            return WEAK  # "was blunt at the hearing"
        return None  # nor what was said: "insisted that ... at the meeting", "said she would speak at ..."
    if p in ("in", "at") and tok.ent_type_ in PLACE_ENTS and _speaking(verb) and not _reported(verb, quoted):
        return WEAK  # "argued in Dayton, Ohio, on Monday": where, when no event is named
    # "said on Chirper", "said Thursday on WKR's "Evening Desk"", "took to Chirper"
    if (p in ("on", "via") and _speaking(verb) or (verb.lemma_, p) == ("take", "to")) and _platform(tok, verb):
        return DIRECT
    if p in ("on", "via") and _speaking(verb) and _outlet(tok):
        return DIRECT
    return None


def _reported(tok: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    """The word sits in what someone is reported to have said: "insisted that ... at the meeting"
    (a verb of saying inside a quotation does not count: the parser often hangs the attribution on it)."""
    for t in islice(chain((tok,), tok.ancestors), _REPORT_CLIMB):
        if t.dep_ == "ccomp" and _speaking(t.head) and not inside(quoted, t.head.idx):
            return True
    return False


def _told(tok: Token) -> int | None:
    """"told KXTV", "told WKR's Evening Desk", "told Channel 9 host Jane Roe", "told the Daily Ledger", "told
    a news conference", "told the committee", "told Radio Riverside's Early Edition"; weakly "told reporters"."""
    if _event_noun(tok) and tok.lemma_.lower() not in WRITINGS or tok.lemma_.lower() in ASSEMBLY_NOUNS:
        return DIRECT  # not what is told: "told the story of ..."
    if tok.pos_ == "PROPN":
        # a name with an article is no person's: "told the Daily Ledger"
        if _outlet(tok) or any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return DIRECT
        # A named interviewer from an outlet: "told Channel 9 host Jane Roe", "told Jane Roe of KXTV".
        if any(c.dep_ == "compound" and c.lower_ in INTERVIEWERS for c in tok.subtree) or any(
                c.dep_ == "prep" and c.lower_ == "of" and pobj(c) is not None and pobj(c).ent_type_ == "ORG"
                for c in tok.children):
            return DIRECT
        return None
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in AUDIENCE_NOUNS:
        return WEAK
    return None


def _outlet(tok: Token) -> bool:
    """A proper name that is not a person's: an outlet, a show."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in OUTLET_ENTS:
        return False
    # An untagged name counts when written in capitals or owned by an outlet: "WKR's "Evening Desk"".
    return tok.ent_type_ != "" or tok.is_upper or any(
        c.ent_type_ in ("ORG", "WORK_OF_ART") for c in tok.children if c.dep_ in OWNER_DEPS)


def _platform(tok: Token, verb: Token) -> bool:
    """A capitalised name one posts or speaks on, untagged or tagged as a body or a product:
    "on Chirper", "via Photogram". Not a place or a date ("said on Monday"); a name the recogniser
    took for a person's only after a verb that words are put on ("wrote on Chirper", not
    "commented on Roe")."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return False
    return tok.ent_type_ in PLATFORM_ENTS or tok.ent_type_ == "PERSON" and verb.lemma_ in POSTING_VERBS


def _head(tok: Token) -> str:
    return tok.lemma_.lower()


def _event_noun(tok: Token) -> bool:
    # A titled event is tagged a name: "a "Town Forum"", "the Harvest Convention".
    if tok.pos_ != "NOUN" and not (tok.pos_ == "PROPN" and tok.lower_ in EVENT_NOUNS and tok.lower_ != "post"):
        return False
    word = tok.lemma_.lower()
    if word in SERIES_NOUNS:
        return any(c.lower_ == "of" and (o := pobj(c)) is not None and _event_noun(o) for c in tok.rights)
    before = {c.lower_ for c in tok.lefts if c.dep_ in NOUN_MODIFIER_DEPS}
    if any((b, word) in EVENT_COMPOUNDS for b in before):
        return True
    if word not in EVENT_NOUNS:
        return False
    if any(c.dep_ == "amod" and c.lower_ in NOT_YET for c in tok.lefts):
        return False  # words are not said at "the next hearing" or "the upcoming vote"
    return True


def _speaking_above(verb: Token) -> bool:
    """The verb, or one of the two verbs it hangs from, is a verb of saying:
    "expressed ..., throwing the ball ... during a briefing"."""
    for v in islice(chain((verb,), verb.ancestors), _SPEAKING_REACH):
        if _speaking(v):
            return True
        if v.dep_ not in VERB_CHAIN_DEPS:
            return False
    return False


def _opens_sentence(prep: Token) -> bool:
    """A phrase before the main verb: "At a rally Friday, Ortega said ...", "In a statement, she was ..."."""
    verb = prep.head
    return prep.i < verb.i and verb.dep_ == "ROOT" and verb.pos_ in ("VERB", "AUX")


def _speaking(verb: Token) -> bool:
    """A verb of saying (or appearing, speaking) that an event phrase can hang on."""
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_ in REPORTING_VERBS
