"""Role and affiliation of one speaker, from what the article itself says about them.

``Roles(article).role_and_affiliation(mentions)`` reads every place the article names or describes
the person (a title before the name, a definite description opening its sentence before it and a
comma, a party-state tag, an appositive or relative clause, a
predicate about the name or their own pronoun, a later description while they stay the topic, the
party the article counts them among; for a description, its own words) and returns one
(role, affiliation): the finding that says most, the earliest on a tie, with the affiliation that
goes with it. Titles, places, parties and acronyms are written out, and a body's short form as the
longer name the article also writes for it ("Harb Ath", "Harbour Athletic"); mentions inside quoted runs
are the speaker's words, not the article's, and are skipped. The patterns live in ``around_name``,
``context`` and ``phrases``; the cases are tables in tests/test_roles.py. Not handled: roles only
implied by verbs outside ``titles.ROLE_VERBS``; a description far from the name or before it
(coreference, the caller's to pass as a mention); fronted appositives ("Now the top prosecutor,
Okafor said"); a body's title with a place or campaign before it ("Harlow police Chief",
"Harlow campaign manager": the whole is the role); "one of the mayor's aides"; stacked titles,
kept whole ("nominee Gov."); what quoted words call a person; and anything the article does not
say (a President with no seat of government named gets no country).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Sequence

from spacy.tokens import Doc, Span

from ..article import Article
from ..parse_index import ParseIndex
from ..lexicon.grammar import SEAT_ENTS, SUBJECT_DEPS, TEAM_ENTS
from ..lexicon.names import ORG_INITIALS_SKIP
from ..lexicon.people import FIRM_NOUNS, ORG_NOUNS
from ..lexicon.parties import party_name
from ..lexicon.places import SEATS
from .around_name import name_part
from .context import findings_about
from .phrases import Found, ORG, PARTY, PLACE, Weight, inside_quote, is_past, normalise, rank_of, tokens_text
from ..lexicon.titles import COMPANY_TITLES, NATIONAL_TITLES, ROLE_QUALIFIERS, TEAM_TITLES, expand, is_title

_INTRODUCED_WITHIN = 2  # sentences after a description in which a newly named subject is the one it introduces
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# An age said with a role ("the 47-year-old director"): the age is no part of it.
_AGE = re.compile(r"\S*-years?-old\s*")


def role_and_affiliation(doc: Doc, mentions: Sequence[Span], is_org: bool = False,
                         quoted: Sequence[tuple[int, int]] = ()) -> tuple[str | None, str | None]:
    """``Roles.role_and_affiliation`` for one person of ``doc``, whose quoted runs are ``quoted``
    ((start, end), in text order). For the people of one article, ``Roles(article)``."""
    return Roles(Article(doc, quoted)).role_and_affiliation(mentions, is_org)


class Roles:
    """The roles and affiliations of one article's people; what the article says once for
    everybody (``_ArticleFacts``) is read on first need, once."""

    def __init__(self, article: Article) -> None:
        self.article = article

    @cached_property
    def _facts(self) -> _ArticleFacts:
        return _article_facts(self.article.doc, self.article.quoted)

    @cached_property
    def _topic_company(self) -> str | None:
        return _topic_body(self.article.doc, self.article.quoted, frozenset({"ORG"}))

    @cached_property
    def _topic_team(self) -> str | None:
        return _topic_body(self.article.doc, self.article.quoted, TEAM_ENTS)

    def role_and_affiliation(self, mentions: Sequence[Span], is_org: bool = False) -> tuple[str | None, str | None]:
        """(role, affiliation) of the person the ``mentions`` (names, or descriptions such as "the
        senator") name or describe; None where the article is silent. An organisation (``is_org``)
        has no role, only an affiliation ("X, a unit of Y")."""
        quoted, index = self.article.quoted, self.article.index
        found: list[Found] = []
        seen: set[tuple[int, int]] = set()
        pronouns = {m.text.lower() for m in mentions if m.text.lower() in ("he", "she")}
        pronoun = pronouns.pop() if len(pronouns) == 1 else None  # the person's own, when the article says
        own = {m[-1].text for m in mentions if len(m)}
        for span in mentions:
            if (span.start, span.end) in seen or len(span) == 0 or inside_quote(quoted, span.start_char):
                continue
            seen.add((span.start, span.end))
            if _names_someone_next(index, span, own, quoted):
                # its role is the newly named person's; the body it names is left to the affiliation
                found.extend(Found(None, f.affiliation, f.rank, f.order, Weight.BODY)
                             for f in findings_about(index, span, pronoun, quoted) if f.affiliation)
                continue
            found.extend(findings_about(index, span, pronoun, quoted))
        if not found:
            return None, None
        with_role = [f for f in found if f.role]
        role = None
        chosen: Found | None = None
        if with_role and not is_org:
            chosen = min(with_role, key=lambda f: (-_weight(f), f.order))
            role = _AGE.sub("", chosen.role or "").strip() or None
        affiliation = _affiliation(found, chosen)
        if role is not None and (affiliation is None or _rank(found, affiliation) == PLACE):
            affiliation = _titled_party(self._facts, role, mentions) or affiliation
        if affiliation is not None and any(affiliation.lower() == _seat_key(m.text) for m in mentions):
            affiliation = None  # "the Department of Homeland Security" is not its own affiliation
        if affiliation is not None and affiliation.lower() in ORG_NOUNS and mentions:
            # "head of the college", "Company spokesman": the body of that kind the article named last
            affiliation = _named_before(self.article, affiliation.lower(), min(m.start_char for m in mentions)) \
                or affiliation
        if affiliation is None and role is not None and mentions \
                and all(w.islower() or is_title(w) or w.lower() in ROLE_QUALIFIERS for w in role.split()):
            # (not "Conservative co chairman": a name in the role says whose the title is)
            words = role.lower().split()
            title = next((t for t in (" ".join(words[k:]) for k in range(len(words)))
                          if t in COMPANY_TITLES | TEAM_TITLES), "")  # "acting chief executive", "former captain"
            if title in COMPANY_TITLES:
                affiliation = self._topic_company  # "Chief executive Jo Bloggs said", in a story about one company
            elif title in TEAM_TITLES:
                affiliation = self._topic_team  # "coach Jo Bloggs said", in a story about one team or country
        if affiliation is not None and _ACRONYM.fullmatch(affiliation):
            affiliation = self._facts.acronyms.get(affiliation.upper()) or affiliation
        if affiliation is None and role is not None and _national_title(role):
            affiliation = _seat_country(self._facts)
        if affiliation is not None and rank_of(affiliation) == ORG:
            affiliation = longer_name(self.article.doc.text, affiliation) or affiliation
        return role, affiliation


def _rank(found: list[Found], affiliation: str) -> int:
    """The rank the findings gave ``affiliation`` (a place, a party, a body), else its rank as words."""
    return min((f.rank for f in found if f.affiliation == affiliation), default=rank_of(affiliation))


def _names_someone_next(index: ParseIndex, span: Span, own: set[str], quoted: Sequence[tuple[int, int]]) -> bool:
    """"The union's general secretary said ... "We will strike," Ann Lee told reporters.": a description
    (no name in it) followed, in its paragraph, by a person the article names there for the first time
    as a subject, introduces that person (within the next sentences: the parse may split one at its
    quoted words); the role it gives is not for the person it was linked to."""
    if name_part(span) is not None or span.root.pos_ not in ("NOUN", "PROPN"):
        return False
    doc = span.doc
    end = index.sentence_end(span.root)
    for _ in range(_INTRODUCED_WITHIN):  # quoted words may split a sentence in the parse
        k = end + 1 if end < len(doc) and doc[end].is_space else end
        if k < len(doc):
            end = index.sentence_end(doc[k])
    for tok in doc[span.end:end]:
        if "\n" in tok.text:
            return False  # in the description's own paragraph
        # the subject named: "Lord Lee told reporters", whatever the recogniser made of the name
        if tok.pos_ == "PROPN" and tok.dep_ in SUBJECT_DEPS and tok.ent_type_ in ("PERSON", "") \
                and tok.text[:1].isupper() and tok.text not in own and not inside_quote(quoted, tok.idx) \
                and not any(t.i < tok.i and t.text == tok.text for t in index.words(tok.lower_)):
            return True
    return False


def _affiliation(found: list[Found], chosen: Found | None) -> str | None:
    """The affiliation that goes with the chosen role: its own, unless that is only a place and another
    finding names a body or party; failing it, the best-ranked of what the person is now (a past
    position's body, "she was a partner at Y", counts only when nothing else is said)."""
    with_aff = [f for f in found if f.affiliation]
    if not with_aff:
        return None
    best_rank = min(f.rank for f in with_aff)
    if chosen is not None and chosen.role and is_past(chosen.role):
        # "a former official who runs Y": what the person does now names the body
        now = [f for f in with_aff if f.weight > Weight.PAST and not (f.role and is_past(f.role)) and f.rank <= chosen.rank]
        if now:
            return min(now, key=lambda f: (f.rank, f.order)).affiliation
    if chosen is not None and chosen.affiliation and (chosen.rank == best_rank or chosen.rank != PLACE):
        return chosen.affiliation
    current = [f for f in with_aff if f.weight > Weight.PAST]
    if not current and (chosen is None or chosen.weight == Weight.PAST):
        current = with_aff  # a past position's body only goes with a past or no position
    if not current:
        return None
    best_rank = min(f.rank for f in current)
    return min((f for f in current if f.rank == best_rank), key=lambda f: f.order).affiliation


@dataclass(frozen=True)
class _ArticleFacts:
    """What the article says once for everybody, gathered in one pass (outside quoted runs)."""

    party_titles: dict[str, frozenset[str]]  # "senator" -> parties of "the Democratic senator"
    titled_names: dict[str, frozenset[str]]  # "senator" -> last words of names with that title before them
    acronyms: dict[str, str]  # "IMF" -> "International Monetary Fund", the first written out
    seat_countries: frozenset[str]  # countries whose seat of government is named ("the White House")


def _article_facts(doc: Doc, quoted: Sequence[tuple[int, int]]) -> _ArticleFacts:
    """The article-wide facts, outside the quoted runs ``quoted``."""
    party_titles: dict[str, set[str]] = {}
    for tok in doc[2:]:
        if tok.pos_ == "NOUN" and tok.text.islower() and doc[tok.i - 2].lower_ == "the" \
                and (party := party_name(doc[tok.i - 1].text)) and not inside_quote(quoted, tok.idx):
            party_titles.setdefault(tok.lower_, set()).add(party)  # exactly "the Democratic senator"
    titled_names: dict[str, set[str]] = {}
    acronyms: dict[str, str] = _spelled_acronyms(doc)  # the article's own "X (ABC)" first
    countries: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start > 0:
            titled_names.setdefault(expand(doc[ent.start - 1].text).lower(), set()).add(ent[-1].text)
        if ent.label_ == "ORG":
            words = [t for t in ent if t.lower_ not in ORG_INITIALS_SKIP]
            if words and all(t.text[:1].isupper() for t in words):
                acronyms.setdefault("".join(t.text[0] for t in words).upper(), normalise(
                    tokens_text([t for t in ent if not (t.i == ent.start and t.lower_ == "the")]), "ORG"))
        if ent.label_ in SEAT_ENTS and (seat := _seat_key(ent.text)) in SEATS \
                and not inside_quote(quoted, ent.start_char):
            countries.add(SEATS[seat])
    return _ArticleFacts({k: frozenset(v) for k, v in party_titles.items()},
                         {k: frozenset(v) for k, v in titled_names.items()}, acronyms, frozenset(countries))


def _topic_body(doc: Doc, quoted: Sequence[tuple[int, int]], labels: frozenset[str]) -> str | None:
    """The body a story is about (an organisation; for a team, a club or a country): named in its
    headline or first sentence, and three times at least outside quotes. For an organisation, more
    often than any other; for a team, the first named (a match story names both sides often)."""
    as_person = Counter(t.text for ent in doc.ents if ent.label_ == "PERSON" for t in ent)
    surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    as_body = Counter(ent.text for ent in doc.ents if ent.label_ in labels)
    names = {ent.text.removeprefix("the ").removesuffix("'s") for ent in doc.ents
             if ent.label_ in labels and not party_name(ent.text)  # a party is no company
             and not any(as_person[t.text] >= as_body[ent.text] or t.text in surnames for t in ent)}  # "Bell" is a person
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for name in names:  # every time the article writes the name, whatever the recogniser made of it there
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", doc.text):
            if not inside_quote(quoted, m.start()):
                counts[name] = counts.get(name, 0) + 1
                first.setdefault(name, m.start())
    for name in list(counts):  # "Acme" counts for the "AcmeCorp" the article also writes
        if (full := longer_name(doc.text, name)) is not None:
            where = [m.start() for m in re.finditer(r"\b" + re.escape(full) + r"\b", doc.text)
                     if not inside_quote(quoted, m.start())]
            counts[full] = counts.pop(name) + len(where)
            first[full] = min([first.pop(name)] + where)
    opening = next((s.end_char for k, s in enumerate(doc.sents) if k == 1), len(doc.text))  # headline, first sentence
    if labels == TEAM_ENTS:
        team = min((k for k, n in counts.items() if n >= 3 and first[k] < opening), key=first.get, default=None)
        return normalise(team, "ORG") if team else None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked:
        return None
    top, n = ranked[0]
    if n < 3 or (len(ranked) > 1 and ranked[1][1] == n) or first[top] >= opening:
        return None
    return normalise(top, "ORG")


def longer_name(text: str, name: str) -> str | None:
    """The one longer name ``text`` also writes that ``name`` is a short form of, word for word: each
    word the start of the other's and its letters in order ("Acme Intl" for "Acme International"),
    or one word the start of a name written as one ("Acme" for "AcmeWorks"); None if none or several."""
    words = name.split()
    if not words or not all(w[:1].isupper() and w.isalpha() and not w.isupper() for w in words):
        return None  # initials are the acronym table's
    if len(words) == 1:
        pattern = r"\b" + re.escape(name) + r"[A-Z][A-Za-z]+\b"  # "Acme" -> "AcmeWorks"
    else:
        pattern = r"\b" + r"\s+".join(r"[A-Z][a-z]+" for _ in words) + r"\b"
    found = {m.group(1) for m in re.finditer(r"(?=(" + pattern + r"))", text)  # overlapping: "The Acme Intl"
             if len(words) == 1 or all(_shortens(w, f) for w, f in zip(words, m.group(1).split()))}
    found.discard(name)
    return found.pop() if len(found) == 1 else None


def _shortens(short: str, full: str) -> bool:
    """``short`` is ``full`` or a shortening of it: the same first letter, then its letters in order."""
    if short == full:
        return True
    if len(short) >= len(full) or short[0] != full[0]:
        return False
    rest = iter(full[1:].lower())
    return all(c in rest for c in short[1:].lower())


def _named_before(article: Article, noun: str, before: int) -> str | None:
    """The organisation a bare body noun ("the college") stands for: the last one named before
    ``before`` with that word in its name ("Harrow College"); for a business noun ("the company"),
    the last one named at all. Outside quoted runs."""
    last_any: str | None = None
    for ent in reversed(article.doc.ents):
        if ent.start_char >= before or ent.label_ != "ORG" or inside_quote(article.quoted, ent.start_char):
            continue
        words = [t.lower_ for t in ent]
        if noun in words:
            return normalise(ent.text, "ORG")
        if last_any is None:
            last_any = normalise(ent.text, "ORG")
    return last_any if noun in FIRM_NOUNS else None


def _spelled_acronyms(doc: Doc) -> dict[str, str]:
    """"the Royal Institute for Blind People (RIB)": initials the article spells out before it gives
    them in brackets, whatever the initials leave out, as the name written before them."""
    out: dict[str, str] = {}
    for tok in doc[1:-1]:
        if tok.text != "(" or not _ACRONYM.fullmatch(doc[tok.i + 1].text) or tok.i + 2 >= len(doc) \
                or doc[tok.i + 2].text != ")":
            continue
        k = tok.i
        while k > 0 and not doc[k].is_sent_start and (doc[k - 1].text[:1].isupper()
                                                      or doc[k - 1].lower_ in ORG_INITIALS_SKIP):
            k -= 1
        while k < tok.i and (doc[k].lower_ in ORG_INITIALS_SKIP or doc[k].lower_ == "the"):
            k += 1
        letters = doc[tok.i + 1].text
        words = doc[k:tok.i]
        if len(words) >= 2 and words[0].text[0] == letters[0] and all(w.text[:1].isupper() or w.lower_ in ORG_INITIALS_SKIP
                                                                        for w in words):
            out.setdefault(letters, words.text)
    return out


def _titled_party(article: _ArticleFacts, role: str, mentions: Sequence[Span]) -> str | None:
    """"Vermont Sen. Jane Roe ... The Democratic senator also asked": a definite description with
    a party and the person's own title, when nobody else in the article is given that title before
    their name, is the person; the party it names is theirs."""
    if len(role.split()) > 1 or any(party_name(w) for w in role.split()):
        return None  # "Vice Chancellor" is no "chancellor"; a role that names its party has it
    title = role.lower()
    parties = article.party_titles.get(title, frozenset())
    if len(parties) != 1:
        return None
    own = {m.root.text for m in mentions}
    titled = article.titled_names.get(title, frozenset())
    return next(iter(parties)) if titled and titled <= own else None


def _national_title(role: str) -> bool:
    """A national government's title held now ("President", "Secretary of State"; not "former President")."""
    return role.lower() in NATIONAL_TITLES


def _seat_country(article: _ArticleFacts) -> str | None:
    """The country whose seat of government the article names in its own words ("the White House"),
    when it names exactly one: the government a bare "President" serves."""
    return next(iter(article.seat_countries)) if len(article.seat_countries) == 1 else None


def _seat_key(text: str) -> str:
    """A name as a lookup key: lower case, without "the" before it or "'s" after it."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    key = " ".join(words).lower()
    return key[:-2] if key.endswith(("'s", "’s")) else key


def _weight(f: Found) -> int:
    """How much a finding says: a role with the body or party it serves beats a bare role
    (a place alone, "a New York businessman", says less; a body more than a party)."""
    if not f.affiliation:
        return f.weight
    if f.weight >= Weight.AT_NAME:  # a body outweighs a party
        return f.weight + {ORG: 2, PARTY: 1}.get(f.rank, 0)
    return f.weight + (1 if f.rank != PLACE else 0)
