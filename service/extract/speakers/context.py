"""What every attribution rule reads: one article's tokens, quote layout, grammar and people,
and the decisions already made for the quotes before the one in hand.

A rule is a function ``(ctx, k) -> Decision | None`` over quote ``k`` (see ``sieves``), and
``Decision`` is what it decided. Also here, the readings every family of rules shares: what a
relative pronoun stands for, and a subject that is a mere thing ("money was coming from ...").
The subject words that name no speaker on their own ("it", "which") are
``lexicon.function_words.WEAK_SUBJECTS``.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Callable, TypeVar

from spacy.tokens import Token

from ..article import Article
from .cue_grammar import CueGrammar
from ..lexicon.function_words import RELATIVE_PRONOUNS
from ..lexicon.grammar import BODY_ENTS, BODY_TO_PERSON_DEPS, SUBJECT_DEPS
from ..lexicon.people import NON_PERSON_NOUNS, UNNAMED_ROLES
from ..quotes.frames import Layout, quote_kind
from .mentions import Resolver, Who
from ..people.entity import Entity
from ..people.people import People

T = TypeVar("T")

_BODY_TO_PERSON_REACH = 6  # heads from a body up to the person it hangs on: "Roe, a lawyer for the Harbor Trust, who"


@dataclass(frozen=True)
class Decision:
    """What one rule decided for one quote."""

    rule: str
    speaker: Who | None
    cue: tuple[int, int] | None = None
    continues: int | None = None  # index of the earlier quote this one continues

    @property
    def known(self) -> bool:
        return self.speaker is not None and (self.speaker.entity is not None or self.speaker.description is not None)


class Context:
    """One article as the rules see it, and the decisions so far, in order of position."""

    def __init__(self, article: Article, layout: Layout, people: People) -> None:
        self.article = article
        self.doc = article.doc
        self.layout = layout
        self.people = people
        self.resolver = Resolver(article, layout, people)
        self.grammar = CueGrammar(article, layout)
        self.decisions: list[Decision] = []
        self.cue_owner: dict[tuple[int, int], int] = {}  # cue offsets -> the first quote they attribute
        self._read: dict[tuple[str, int], object] = {}

    def once(self, k: int, reading: Callable[[Context, int], T]) -> T:
        """``reading(self, k)``, read once per quote: rules that share a reading (a climb, a look
        back) each decide from the same finding, and its speakers are resolved once."""
        key = (reading.__name__, k)
        if key not in self._read:
            self._read[key] = reading(self, k)
        return self._read[key]  # type: ignore[return-value]

    def speaker(self, token: Token, k: int) -> Who:
        """Who ``token`` names, as the speaker of quote ``k``."""
        stand_in = antecedent(token)
        who = self.resolver.speaker(stand_in, prefer=self.previous_entity())
        if stand_in.i != token.i and who.mention is not None:
            # the mention runs from the antecedent to the relative pronoun: "Beck, who"
            mention = (min(who.mention[0], token.idx), max(who.mention[1], token.idx + len(token)))
            who = Who(who.entity, who.description, mention, who.resolved_by)
        return who

    def previous_entity(self) -> Entity | None:
        """The last speaker decided so far that is a known entity."""
        for d in reversed(self.decisions):
            if d.speaker is not None and d.speaker.entity is not None:
                return d.speaker.entity
        return None

    def partial(self, k: int) -> bool:
        return quote_kind(self.doc, self.layout, k) == "partial"


def resolved_to_nothing(subject: Token, who: Who | None) -> bool:
    """A subject that names a thing no one stands behind: a common noun that resolved to no
    entity and is neither a person nor a document (the tests of the word alone are in
    ``people.person_words``: ``names_no_one``, ``plain_thing_noun``)."""
    return who is not None and who.entity is None and subject.pos_ == "NOUN" and subject.ent_type_ == "" \
        and subject.lemma_.lower() not in UNNAMED_ROLES | NON_PERSON_NOUNS and not subject.tag_ == "NNS"


def antecedent(token: Token) -> Token:
    """What a relative pronoun subject stands for ("Beck" in "Beck, who said"); any other token itself.
    "who" passes over a body to the person it hangs on: "Roe, a lawyer for the Harbor Trust, who"."""
    if token.lower_ not in RELATIVE_PRONOUNS or token.dep_ not in SUBJECT_DEPS:
        return token
    if token.head.dep_ != "relcl":
        # the parser hung the relative clause elsewhere ("turned to the police, which reported"):
        # the name right before the pronoun
        before = token.doc[token.i - 1] if token.i > 0 else None
        if before is not None and before.text == "," and before.i > 0:
            before = token.doc[before.i - 1]
        if token.tag_ in ("WDT", "WP") and before is not None and before.pos_ == "PROPN":
            return before
        return token
    antecedent = token.head.head
    if token.lower_ == "who" and antecedent.ent_type_ in BODY_ENTS:
        below = antecedent
        for t in islice(antecedent.ancestors, _BODY_TO_PERSON_REACH):
            if below.dep_ not in BODY_TO_PERSON_DEPS:
                break
            if t.ent_type_ == "PERSON":
                return t
            below = t
    return antecedent


def chars(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token)
