"""Turning attribution decisions into the answer's records: ids, speakers, roles, claims, events.

One pass over the people and one over the quotes, with the roles, claims and events of the article
read through one ``Roles``, one ``Claims`` and one ``Events`` made from the ``Article``, and the
deadline checked per person and per quote.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .article import Article
from .events.claims import Claims
from .deadline import NEVER, Deadline
from .events.choice import Events
from .quotes.frames import Layout, quote_kind
from .speakers.mentions import speaker_name
from .records import Extraction, Quote, Speaker, SpeakerRef, TextSpan
from .roles.choice import Roles
from .speakers.sieves import RULE_PRECISION, Decision


@dataclass
class _Person:
    """A speaker being assembled: its name, mentions in order of first use, and quotes."""

    id: str
    name: str
    is_org: bool
    mentions: list[tuple[int, int]] = field(default_factory=list)
    quote_ids: list[str] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(text[start:end], start, end)


def _people(decisions: list[Decision]) -> tuple[list[_Person], list[_Person | None]]:
    """One _Person per speaking entity (or description), and each quote's person."""
    by_key: dict[object, _Person] = {}
    seen: dict[str, set[tuple[int, int]]] = {}  # each person's mentions, for a cheap membership test
    of_quote: list[_Person | None] = []
    for k, decision in enumerate(decisions):
        who = decision.speaker
        name = speaker_name(who)
        if who is None or name is None:
            of_quote.append(None)
            continue
        key: object = who.entity.key if who.entity is not None else ("description", name.lower())
        person = by_key.get(key)
        if person is None:
            is_org = who.entity.is_org if who.entity is not None else False
            person = by_key[key] = _Person(f"s{len(by_key) + 1}", name, is_org)
            if who.entity is not None:
                person.mentions.extend(who.entity.mentions)
            seen[person.id] = set(person.mentions)
        if who.mention is not None and who.mention not in seen[person.id]:
            seen[person.id].add(who.mention)
            person.mentions.append(who.mention)
        person.quote_ids.append(f"q{k + 1}")
        of_quote.append(person)
    return list(by_key.values()), of_quote


def build(article: Article, layout: Layout, decisions: list[Decision], deadline: Deadline = NEVER) -> Extraction:
    """The records of one article, from its layout (whose runs are ``article.quoted``) and the
    attribution of each quote; ``deadline`` checked before each person's role and each quote's
    claim and event."""
    doc = article.doc
    text = layout.text
    runs = layout.runs
    persons, of_quote = _people(decisions)
    roles = Roles(article)
    for person in persons:
        deadline.check()
        person.mentions.sort()
        spans = [s for s in (doc.char_span(a, b, alignment_mode="expand") for a, b in person.mentions) if s]
        person.role, person.affiliation = roles.role_and_affiliation(spans, person.is_org)

    claims, events = Claims(article), Events(article)
    quotes: list[Quote] = []
    events_of: dict[str, TextSpan] = {}
    for k, (run, decision, person) in enumerate(zip(runs, decisions, of_quote)):
        deadline.check()
        continues = decision.continues
        # A quote shares the claim of the quote it continues; not when attribution gives the two
        # different speakers (a transcript's "NAME:" lines): then the link is no continuation.
        if continues is not None and quotes[continues].claim is not None and of_quote[continues] is person:
            claim = quotes[continues].claim
        else:
            claim = claims.claim_for((run.start, run.end), person.mentions if person else (),
                                     person.name if person else None, person.role if person else None,
                                     decision.speaker.mention if person and decision.speaker else None)
        # A continuing quote came from the event of the quote it continues unless its own sentence names one
        # (the claim it shares may name another: "X held a meeting ..." before '"A," Y told the Ledger. "B."').
        continued = quotes[continues].event if continues is not None and of_quote[continues] is person else None
        event = events.event_for((run.start, run.end), claim, person.mentions if person else (), continued)
        if person is not None:
            # One event per speaker: a later quote that names none of its own came from the same one.
            if event is None:
                event = events_of.get(person.id)
            elif person.id not in events_of:
                events_of[person.id] = event
        who = decision.speaker
        mention = _span(text, *who.mention) if person and who and who.mention else None
        quotes.append(Quote(
            id=f"q{k + 1}", text=text[run.start:run.end], start=run.start, end=run.end,
            kind=quote_kind(doc, layout, k),
            continues=f"q{continues + 1}" if continues is not None else None,
            speaker=SpeakerRef(person.id, person.name, mention, resolved_by=who.resolved_by if who else None,
                               role=person.role, affiliation=person.affiliation)
            if person else SpeakerRef(None, None, None),
            cue=_span(text, *decision.cue) if decision.cue else None,
            claim=claim, event=event, rule=decision.rule,
            confidence=RULE_PRECISION.get(decision.rule, 0.0),
        ))
    speakers = tuple(
        Speaker(id=p.id, name=p.name, role=p.role, affiliation=p.affiliation,
                mentions=tuple(_span(text, a, b) for a, b in p.mentions), quote_ids=tuple(p.quote_ids))
        for p in persons
    )
    return Extraction(quotes=tuple(quotes), speakers=speakers)
