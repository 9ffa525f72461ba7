"""Pronoun resolution: the person (he, she) or body (it) a pronoun stands for.

Owns where each name mention outside quotes stands in its sentence (sentence start, clause depth,
subject of a relative clause, a title in apposition) and ``antecedent``, which reads the rest from a
narrow read-only view of the article's people (``Timeline``). "They" is ``mentions``'. The cases are
tables in tests/test_pronouns.py. A pronoun stands for a pronoun before it only where that one is the
subject of a higher clause than the name the later one would take ("He said Roe had ... he said").
Not handled: other chains of pronouns, and gender the first-name list, honorifics and nouns do not give.
"""
from __future__ import annotations

import bisect
from itertools import islice
from typing import Callable, Iterator, Protocol

from spacy.tokens import Token

from .entity import Entity
from ..article import Article
from ..lexicon.function_words import PERSON_PRONOUNS
from ..lexicon.grammar import ARGUMENT_DEPS, CLAUSE_DEPS, SUBJECT_DEPS

# How many sentences back a name is still salient as the subject of its relative clause.
_RELATIVE_SENTENCES = 2
_COMMAND_CLIMB = 8  # clauses above a pronoun whose subject may be what it means; a bound so a pathological parse
# stays linear
# A person introduced with a title in apposition ranks between a main-clause subject and the next.
_INTRODUCED_DEPTH = 0.5
_CHAIN_HOPS = 2  # pronouns followed back through pronouns before the name they stand for


class Timeline(Protocol):
    """What pronoun resolution reads of an article's people, never changes."""

    def mentions_before(self, at: int, window: int | None = None) -> Iterator[tuple[int, Entity, bool]]:
        """Name mentions outside quotes before char offset ``at``, nearest first:
        (char offset, entity, is the subject of a clause)."""
        ...

    def entity_headed_by(self, i: int) -> Entity | None:
        """The entity of the name mention whose head word is token ``i``, if any."""
        ...


class Pronouns:
    """The places of one article's name mentions, and the antecedents of its pronouns."""

    def __init__(self, article: Article, people: Timeline) -> None:
        """``people`` is read only when a pronoun is resolved."""
        self.doc = article.doc
        self._text = article.text
        self._index = article.index
        self._people = people
        # char offset of a timeline mention -> (start of its sentence, clause depth of its word,
        # depth of a relative clause it is the subject of: "X, who said ...", else None)
        self._place: dict[int, tuple[int, int, int | None]] = {}
        self._runs = sorted(article.quoted)  # (start, end) of the quoted runs: a pronoun there is no antecedent
        # char offsets of a person's first mention, out of subject place, with a title in
        # apposition: "... concerns Jane Roe, president of the caucus." introduces Jane Roe
        self._introduced: set[int] = set()

    def note(self, start: int, root: Token, first_object_mention: bool) -> None:
        """Record where the name mention at char offset ``start``, headed by ``root``, stands;
        ``first_object_mention`` when it is a person's first mention, not as a subject."""
        depth = clause_depth(root)
        self._place[start] = (self._sentence_start(root), depth, depth + 1 if _relative_subject(root) else None)
        if first_object_mention and _titled_apposition(root):
            self._introduced.add(start)

    def antecedent(self, pronoun: Token, prefer: Entity | None = None, window: int = 1500,
                   hops: int = 0) -> Entity | None:
        """The entity a pronoun most likely refers to: a subject of a clause above it in its own
        sentence, nearest first; else the highest-clause subject of the nearest sentence before with a
        compatible one, unless a pronoun of the same gender is a subject above it there ("He said Ann
        Lee's aide, Bo Roe, had drafted it. ... he said": the first "he"'s antecedent); else
        ``prefer`` (the previous quote's speaker); else the nearest compatible mention."""
        word = pronoun.lower_
        gender = PERSON_PRONOUNS.get(word)
        want_org = word == "it"

        def fits(e: Entity) -> bool:
            if want_org != e.is_org:
                return False
            return not gender or e.gender in (gender, None)

        commanding = self._commanding_subject(pronoun, fits)
        if commanding is not None and gender and commanding.gender is None:
            # "Gov. Chris Roe called Ana Lee a disgrace after she spoke": one whose gender is
            # known to fit, named before the pronoun in its sentence, outranks one of unknown gender
            surely = self._gendered_in_sentence(pronoun, gender)
            if surely is not None:
                return surely
        if commanding is not None:
            return commanding
        fallback = None
        best: tuple[float, Entity, int] | None = None  # (clause depth, entity, offset) in the current sentence
        sentence = None
        seen = 0
        for start, e, is_subject in self._people.mentions_before(pronoun.idx, window):
            sent_start, depth, relative = self._place[start]
            if sent_start != sentence:
                if best is not None:
                    return self._above(best, pronoun, prefer, window, hops)
                sentence = sent_start
                seen += 1
            if not fits(e):
                continue
            if not is_subject and relative is not None and seen <= _RELATIVE_SENTENCES:
                is_subject, depth = True, relative  # "Y, who ...": a subject one clause down
            elif not is_subject and start in self._introduced:
                # a person just introduced outranks subjects of lower clauses, not the main one
                is_subject, depth = True, _INTRODUCED_DEPTH
            if is_subject and (best is None or depth < best[0]):
                best = (depth, e, start)
            if fallback is None:
                fallback = e
        if best is not None:
            return self._above(best, pronoun, prefer, window, hops)
        if prefer is not None and (gender is None or prefer.gender in (gender, None)):
            return prefer
        return fallback

    def _above(self, best: tuple[float, Entity, int], pronoun: Token, prefer: Entity | None, window: int,
               hops: int) -> Entity:
        """The subject ``best`` found in a sentence before the pronoun, or, when a "he" or "she" like
        this one is the subject of a higher clause of that sentence, what that pronoun stands for."""
        depth, entity, start = best
        gender = PERSON_PRONOUNS.get(pronoun.lower_)
        if not gender or hops >= _CHAIN_HOPS:
            return entity
        named = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if named is None:
            return entity
        for tok in self._index.sentence_of(named[0]):
            if tok.i >= pronoun.i:
                break
            if tok.dep_ in SUBJECT_DEPS and PERSON_PRONOUNS.get(tok.lower_) == gender and not self._quoted(tok.idx) \
                    and clause_depth(tok) < depth:
                return self.antecedent(tok, prefer, window, hops + 1) or entity
        return entity

    def _quoted(self, at: int) -> bool:
        i = bisect.bisect_right(self._runs, (at, float("inf"))) - 1
        return i >= 0 and self._runs[i][0] <= at < self._runs[i][1]

    def _gendered_in_sentence(self, pronoun: Token, gender: str) -> Entity | None:
        """The only person of a known, matching gender that a subject or object names before the
        pronoun in its sentence (not a possessor or a prepositional object: "criticism of Ana")."""
        start = self._sentence_start(pronoun)
        found: dict[int, Entity] = {}
        for t in self.doc[self._index.sentence_start(pronoun):pronoun.i]:
            e = self._people.entity_headed_by(t.i) if t.idx >= start and t.dep_ in ARGUMENT_DEPS else None
            if e is not None and e.gender == gender:
                found[e.key] = e
        return next(iter(found.values())) if len(found) == 1 else None

    def _commanding_subject(self, pronoun: Token, fits: Callable[[Entity], bool]) -> Entity | None:
        """The subject of the nearest clause above the pronoun, in its sentence, that names a fitting entity."""
        for token in islice(pronoun.ancestors, _COMMAND_CLIMB):
            for child in token.children:
                if child.dep_ in SUBJECT_DEPS and child.i < pronoun.i:
                    e = self._people.entity_headed_by(child.i)
                    if e is not None and fits(e):
                        return e
        return None

    def _sentence_start(self, token: Token) -> int:
        """Where a word's sentence starts; a paragraph break starts one too, whatever the parser says."""
        start = self.doc[self._index.sentence_start(token)].idx
        return max(start, self._text.rfind("\n", start, token.idx) + 1)


def clause_depth(token: Token) -> int:
    """How many clauses down from its sentence's main clause a word stands."""
    climb = [token, *token.ancestors]
    return sum(1 for t in climb[:-1] if t.dep_ in CLAUSE_DEPS)  # the sentence's root opens no clause of its own


def _titled_apposition(token: Token) -> bool:
    """A name followed by a comma and a singular common-noun apposition: "Jane Roe, president of
    the caucus" (a plural one is a list the parser took for an apposition: "X, Y and Z posters")."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].text != ",":
        return False
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.tag_ == "NN" and c.i > token.i for c in token.children)


def _relative_subject(token: Token) -> bool:
    """A name a relative clause says something of, as its subject: "Roe, who chairs the panel"."""
    return any(c.dep_ == "relcl" and any(g.dep_ in SUBJECT_DEPS and g.lower_ in ("who", "that")
                                         for g in c.children)
               for c in token.children)
