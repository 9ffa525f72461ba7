"""What every attribution rule reads: one article's tokens, quote layout, grammar and people,
and the decisions already made for the quotes before the one in hand.

A rule is a function ``(ctx, k) -> Decision | None`` over quote ``k`` (see ``sieves``), and
``Decision`` is what it decided. Also here, the readings every family of rules shares: what a
relative pronoun stands for, a subject that is a mere thing ("money was coming from ..."), and who a
description or pronoun the resolver left unresolved or misread refers to in the article ("the Acme
boss continued:", "the cardinal", "a spokesman", a chain of "he ... he said"; ``Context.speaker``).
The subject words that name no speaker on their own ("it", "which") are
``lexicon.function_words.WEAK_SUBJECTS``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from typing import Callable, TypeVar

from spacy.tokens import Token

from ..article import Article
from .cue_grammar import CueGrammar
from ..lexicon.function_words import RELATIVE_PRONOUNS
from ..lexicon.grammar import BODY_ENTS, BODY_TO_PERSON_DEPS, SUBJECT_DEPS
from ..lexicon.people import NON_PERSON_NOUNS, PARTITIVE_NOUNS, UNNAMED_ROLES
from ..lexicon.cues import is_speech_verb
from ..people.person_words import person_noun
from ..quotes.frames import Layout, quote_kind
from .mentions import Resolver, Who
from ..people.entity import Entity
from ..people.people import People

T = TypeVar("T")

_TITLE_WORDS = 3  # words before a name where the word of a later description may stand: "Tory MP Jo Roe"
_TITLE_CHARS = 40
_WORDS = re.compile(r"[\w'’-]+")
_CHAIN = 3  # pronouns back a chain of "he ... he said" is followed
_CHAIN_SENTENCES = 4  # sentences back, past wholly quoted ones, to the reporter's sentence a pronoun follows
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
        who = self._chained(stand_in, k)
        if who is None:
            who = self._described(stand_in, self.resolver.speaker(stand_in, prefer=self.previous_entity()), k)
        if stand_in.i != token.i and who.mention is not None:
            # the mention runs from the antecedent to the relative pronoun: "Beck, who"
            mention = (min(who.mention[0], token.idx), max(who.mention[1], token.idx + len(token)))
            who = Who(who.entity, who.description, mention, who.resolved_by)
        return who

    def _chained(self, pronoun: Token, k: int, depth: int = 0) -> Who | None:
        """Who "he" or "she" is when the reporter's sentence before opens with the same pronoun or
        with an unnamed person: "He denied that Lee had drafted it. '...,' he said." is the first
        "he" again, not Lee; "A spokesman declined. '...,' he said." is the spokesman. None when that
        subject is a name, or the pronoun has a subject above it in its own sentence."""
        word = pronoun.lower_
        if word not in ("he", "she") or pronoun.dep_ not in SUBJECT_DEPS or depth > _CHAIN:
            return None
        if any(c.dep_ in SUBJECT_DEPS and c.i < pronoun.i and not self.layout.quoted(c)
               for t in pronoun.ancestors for c in t.children):
            return None
        subject = self._opening_subject(pronoun)
        if subject is None:
            return None
        if subject.lower_ == word:
            found = self._chained(subject, k, depth + 1)
            if found is None:
                found = self.resolver.speaker(subject, prefer=self.previous_entity())
            return Who(found.entity, found.description, chars(pronoun), "pronoun") if found.entity else None
        if subject.pos_ != "NOUN" or subject.tag_ != "NN" or not person_noun(subject) \
                or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children):
            return None
        found = self._described(subject, self.resolver.speaker(subject, prefer=self.previous_entity()), k)
        if found.entity is None and found.description is None:
            return None
        return Who(found.entity, found.description, chars(pronoun), "pronoun")

    def _opening_subject(self, token: Token) -> Token | None:
        """The subject of the main clause of the reporter's sentence before ``token``'s, within
        its paragraph or the one before, past sentences wholly quoted."""
        index, layout = self.article.index, self.layout
        sentence = index.sentence_of(token)
        para = layout.para_of[token.i]
        for _ in range(_CHAIN_SENTENCES):
            if sentence.start == 0:
                return None
            sentence = index.sentence_of(self.doc[sentence.start - 1])
            root = sentence.root
            if layout.para_of[root.i] < para - 1:
                return None
            if layout.quoted(root):
                continue
            return next((c for c in root.children if c.dep_ in SUBJECT_DEPS and not layout.quoted(c)), None)
        return None

    def _described(self, token: Token, who: Who, k: int) -> Who:
        """The person a description stands for when the resolver found no one by its words: "the
        Acme boss said", "the Scot added" (a word the recogniser took for a one-word name that the
        article only ever writes after "the"), and a pronoun resolved to such a word. The last
        speaker, else the person the paragraphs are about; never one named in the same sentence,
        whom a description sets apart ("Roe is back, but the Welshman conceded")."""
        if who.resolved_by == "description" and who.mention is not None and person_noun(token) \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            # "a spokesman said": someone new, not the one named with that title before
            return Who(None, self.layout.text[who.mention[0]:who.mention[1]], who.mention, "unnamed")
        if who.entity is not None:
            if not self._the_word(who.entity):
                return who
        elif who.resolved_by != "unnamed" or not _definite_noun(token):
            return who
        sentence = self.article.index.sentence_of(token)
        avoid = self.people.named_at([t.i for t in sentence if t.i != token.i and t.pos_ == "PROPN"])
        if who.entity is not None:
            avoid |= {who.entity.key}
        found = self._titled_before(token, avoid) if who.entity is None else None
        if found is None and (who.entity is not None or _person_or_speaking(token, self.partial(k))):
            last = self.previous_entity()
            if last is not None and (last.is_org or last.key in avoid or self._the_word(last)):
                last = None
            found = last or self.people.topic(token.idx, is_org=False, avoid=avoid) \
                or self.people.salient_person(token.idx, avoid)
        if found is None or self._the_word(found):
            return who
        return Who(found, None, who.mention, "description" if who.entity is None else who.resolved_by)

    def _titled_before(self, token: Token, avoid: frozenset[int]) -> Entity | None:
        """The one last named right after the description's word, whatever the recogniser took the
        name for: "the cardinal" is "Cardinal Jo Roe", "the Labour MP" is "Labour MP Jo Roe"."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        noun = token.lower_
        text = self.layout.text
        best: tuple[int, Entity] | None = None
        for entity in self.people.entities:
            if entity.key in avoid:
                continue
            for start, _ in entity.mentions:
                if start >= token.idx or (best is not None and start <= best[0]):
                    continue
                words = _WORDS.findall(text[max(0, start - _TITLE_CHARS):start].lower())[-_TITLE_WORDS:]
                if noun in words:
                    best = (start, entity)
        return best[1] if best is not None else None

    def _the_word(self, entity: Entity) -> bool:
        """A one-word "name" that every mention writes after "the": a description ("the Scot",
        "the Dutchman"), not a person's name."""
        if entity.is_org or len(entity.words) != 1 or not entity.mentions:
            return False
        text = self.layout.text
        return all(text[max(0, start - 4):start].lower() == "the " for start, _ in entity.mentions)

    def previous_entity(self) -> Entity | None:
        """The last speaker decided so far that is a known entity."""
        for d in reversed(self.decisions):
            if d.speaker is not None and d.speaker.entity is not None:
                return d.speaker.entity
        return None

    def partial(self, k: int) -> bool:
        return quote_kind(self.doc, self.layout, k) == "partial"


def _definite_noun(token: Token) -> bool:
    """A singular noun with "the" and no owner that may stand for a person named before: "the Acme
    boss", "the cardinal"; not a body, a document, a quantity or a role the article seldom names
    ("the announcer")."""
    if token.tag_ not in ("NN", "NNP") or token.ent_type_ != "":
        return False  # "the Labour MP for X asked" is tagged a proper noun
    if token.lemma_.lower() in NON_PERSON_NOUNS | UNNAMED_ROLES | PARTITIVE_NOUNS:
        return False
    children = list(token.children)
    return not any(c.dep_ == "poss" for c in children) and any(c.dep_ == "det" and c.lower_ == "the" for c in children)


def _person_or_speaking(token: Token, partial: bool) -> bool:
    """A word for a person, or one that speaks a whole quote ("the boss said: '...'"): not "the
    plan would 'fail'", nor "the festival praises his 'fine start'"."""
    return person_noun(token) or (not partial and token.dep_ in SUBJECT_DEPS and is_speech_verb(token.head))


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
