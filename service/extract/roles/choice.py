"""Role and affiliation of one speaker, from what the article itself says about them.

``Roles(article).role_and_affiliation(mentions)`` reads every place the article names or describes
the person and returns one (role, affiliation) pair: the most complete the article gives (for one
person of a parsed ``Doc``, the module's ``role_and_affiliation(doc, mentions)``).
Handled, for a mention that is a name:
- a title before the name: "US President Donald Trump" (President, United States),
  "Unification Minister Chung", "North Korean leader Kim" (leader, North Korea),
  "Harlow campaign manager Dee Park" (manager, Harlow campaign), "IMF chief economist X" and
  "Harlow police Chief X" (a body's initials or a place and a body noun), "Republican National
  Committee spokesman X" (a party word that starts an organisation's name is that organisation),
  "Sen. Jane Roe" (Senator), "Secretary of State Ann Cole", a first name or quoted nickname in
  between, a no-break space read as a space; a plural title ("Sens. Roe and Doe") is written out
  in the singular and given to each coordinated name, and to no single name ("Lawmakers Rip X");
  a chamber is the body of a leader's title ("House Speaker": House) and part of any other
  ("House editor"); a region is a beat ("Asia director"), not an affiliation;
- a party-state tag after it: "(D-Mass.)", ", D-Mass.," or "(D)" (Democratic Party), "(Vt.)"
  (Vermont), ", Republican of Iowa," (Republican Party);
- an appositive on either side: "X, a professor at Y,", "X, the CEO of Y,", "X, Y's director
  of Z,", "X, one of the mayor's aides,", "Y spokeswoman, X,", "X, a senior adviser to the Y
  campaign,", "X, her Republican opponent,"; one after coordinated names ("X and Y, the envoy,")
  is the last name's; a relative clause on the name or its appositive: "X, who heads Y,",
  "X, who is the director of Y,", "X, a physicist who studies Z at Y," (Y), "X, who helmed Y
  until 1997," (former head); "X of Y" and "X, of Y," (not "a mentor to X at Y": an object's);
- a predicate about the name or a pronoun that stands for it: "X is the chief economist at Y",
  "X serves as ...", "she occupies the post as the attorney general", "X wrote for Y",
  "Y is operated by Z" (an organisation's owner); what someone *was* counts only when nothing
  else is said, what they are "now" most; the next sentence's predicate when its subject is the
  person's own pronoun (known from their mentions);
- a later description of a title, as the subject (or the subject's possessor: "the nominee's
  plan") of the rest of the sentence or the next one, with nobody else named in between, after
  the name as the topic (subject, or the main subject's possessor): "Trump spoke on Monday. The
  Republican nominee said ..."; a description with a party goes on being theirs while the
  following sentences' subject is the person's own pronoun ("He said ... The GOP candidate did"),
  and a name that is only a possessor gets a party description that is the main subject (or its
  possessor) of the same sentence ("as to X's health, the Democratic nominee's doctor says");
- the party the article counts them among: "Republicans, including Senator X", "her fellow
  Democrats"; and "the Democratic senator" anywhere, when nobody else is titled Senator by name;
and for a mention that is a description ("a spokeswoman for Y", "the senator"), its own words; a
speaker known only by a noun for what they do has it as role ("an announcer", "the ad's narrator":
not "a report"), and "an attorney for Y, X," is X's even where the parser hangs X on Y.
A party noun in a description ("the top Democrat on the committee") gives the party, no role;
coordinated roles ("the former city treasurer and current Green Party nominee") keep the one
marked current, else both ("a former chairman and presidential candidate": former is said of
both; "current" itself is dropped). "for" a field stays in the role ("vice president for
policy"); an affiliation must name its body (a proper noun or entity, or a body noun: "the
campaign"), never a field ("an advocate for human rights") or a person ("an attorney for Bryce").
Mentions inside quoted runs (``quoted``) are the speaker's words, not the article's: skipped.
Abbreviated titles are written out (Sen. is Senator); places become their names (U.S. and
American are United States, Vt. is Vermont); party words become the party (GOP is the
Republican Party); an acronym is the name the article spells out for it ("IMF": International
Monetary Fund); any other affiliation keeps the article's words; a body is never its own.
Among several findings the one that says most wins (a title before the name or an appositive
over a later description or a predicate; with an organisation over a party over a place or a
person, "McCrory's opponent"), the earliest on a tie. The affiliation is the chosen role's own,
unless that is only a place and another finding names a body or party ("Vermont Sen." and
"the Democratic senator"), or the role is a past one and a current body is named; else the best
ranked of the current findings. A title "of" a state or country serves its government ("the
attorney general of Oklahoma": Oklahoma, over a party). A national leader's title held now
("President", "Secretary of State") with no country said takes the country whose seat of
government the article names in its own words, when it names one ("the White House": United
States); "former President" does not.
The patterns live in ``around_name`` (before and right after a name), ``context`` (around
a mention) and ``phrases`` (reading a description or a run of words).
Not handled: roles only implied by verbs other than those in ``titles.ROLE_VERBS``, a
description far from the name or before it (that is coreference, the caller's to pass as a
mention), fronted appositives ("Now the top prosecutor, Okafor said"), stacked titles are kept
whole ("nominee Gov." is "nominee Governor"), what a person's own or another speaker's quoted
words call them, and anything the article does not say (a President in an article that names no
seat of government gets no country, though gold data often gives one).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Sequence

from spacy.tokens import Doc, Span

from ..article import Article
from ..lexicon.grammar import SEAT_ENTS
from ..lexicon.names import ORG_INITIALS_SKIP
from ..lexicon.parties import party_name
from ..lexicon.places import SEATS
from .context import findings_about
from .phrases import Found, ORG, PARTY, PLACE, Weight, inside_quote, is_past, normalise, rank_of, tokens_text
from ..lexicon.titles import NATIONAL_TITLES, expand

_ACRONYM = re.compile(r"[A-Z]{2,6}")


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

    def role_and_affiliation(self, mentions: Sequence[Span], is_org: bool = False) -> tuple[str | None, str | None]:
        """(role, affiliation) of the person the ``mentions`` name or describe; None where the article is silent.

        ``mentions`` are the spans where the article names the person (full name, surname,
        with or without titles) or describes them ("the senator", "a spokeswoman for Y").
        An organisation (``is_org``) has no role; its affiliation comes only from words like
        "X, a unit of Y". Mentions inside the article's quoted runs are a speaker's words, not
        the article's, and are passed over.
        """
        quoted, index = self.article.quoted, self.article.index
        found: list[Found] = []
        seen: set[tuple[int, int]] = set()
        pronouns = {m.text.lower() for m in mentions if m.text.lower() in ("he", "she")}
        pronoun = pronouns.pop() if len(pronouns) == 1 else None  # the person's own, when the article says
        for span in mentions:
            if (span.start, span.end) in seen or len(span) == 0 or inside_quote(quoted, span.start_char):
                continue
            seen.add((span.start, span.end))
            found.extend(findings_about(index, span, pronoun))
        if not found:
            return None, None
        with_role = [f for f in found if f.role]
        role = None
        chosen: Found | None = None
        if with_role and not is_org:
            chosen = min(with_role, key=lambda f: (-_weight(f), f.order))
            role = chosen.role
        affiliation = _affiliation(found, chosen)
        if role is not None and (affiliation is None or rank_of(affiliation) == PLACE):
            affiliation = _titled_party(self._facts, role, mentions) or affiliation
        if affiliation is not None and any(affiliation.lower() == _seat_key(m.text) for m in mentions):
            affiliation = None  # "the Department of Homeland Security" is not its own affiliation
        if affiliation is not None and _ACRONYM.fullmatch(affiliation):
            affiliation = self._facts.acronyms.get(affiliation.upper()) or affiliation
        if affiliation is None and role is not None and _national_title(role):
            affiliation = _seat_country(self._facts)
        return role, affiliation


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
    acronyms: dict[str, str] = {}
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


def _titled_party(article: _ArticleFacts, role: str, mentions: Sequence[Span]) -> str | None:
    """"Vermont Sen. Jane Roe ... The Democratic senator also asked": a definite description with
    a party and the person's own title, when nobody else in the article is given that title before
    their name, is the person; the party it names is theirs."""
    if len(role.split()) > 1 or any(party_name(w) for w in role.split()):
        return None  # "Vice President" is no "president"; a role that names its party has it
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
