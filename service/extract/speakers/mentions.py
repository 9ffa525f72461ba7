"""From the word a cue points at to a speaker: a name, a pronoun, a description or a document.

Owns ``Resolver.speaker(token)``: turning the subject of a cue into a ``Who``, the entity it names
or refers to (through ``people.People``), or, when the article never names who it is, the
description itself ("a ferry pilot", "one of three fishermen"). It reads names past titles,
appositives and nicknames; pronouns, and "they" (a plural subject above or just before, else the
previous speaker); numbers and quantity words for people; definite descriptions of someone named
before; documents that speak for their issuer; a letter's or essay's writer; and unnamed officials
of a named body. Which words can stand for people at all is ``person_words``'. Each ``Who`` says
how it was reached (``resolved_by``, one of ``records.RESOLVED_BY``; for a name,
``people.how_named``). The cases are tables in tests/test_mentions.py, test_speakers.py and
test_resolved_by.py. Not handled: coordinated speakers of one cue ("Ana and Carl said": Ana), "we"
outside a quote (a narrator), and descriptions of someone the article never names.
"""
from __future__ import annotations

import re
from itertools import chain, islice
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..article import Article
from ..lexicon.cues import is_speech_verb
from ..lexicon.documents import DOCUMENT_NOUNS
from ..lexicon.function_words import FIRST_PERSON_PRONOUNS, GROUP_PRONOUNS
from ..lexicon.grammar import BESIDE_TITLE_DEPS, DATE_OR_SUM_ENTS, OWN_CLAUSE_DEPS, OWNER_DEPS, SUBJECT_DEPS
from ..lexicon.people import (BODY_NOUNS, KIN_GROUPS, NON_PERSON_NOUNS, PARTITIVE_NOUNS, SPOKESPEOPLE,
                              UNNAMED_ROLES)
from ..lexicon.punctuation import NICKNAME_CLOSERS, NICKNAME_OPENERS
from ..quotes.frames import Layout
from ..lexicon.names import title_word
from ..lexicon.titles import is_title
from ..people.entity import Entity
from ..people.people import People, clause_depth, how_named
from ..people.person_words import aged, could_speak, people_plural, person_noun, stands_for_people

_DOCUMENT_LOOKBACK = 300  # tokens back to the document's first mention
# A letter's signature: a line that is only a name ("Jane Q. Roe."), within a few lines after.
_SIGNATURE = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}\.?$")
_SIGNATURE_REACH = 6  # paragraphs after the one with "I" where the signature may stand
# An essay's note on its writer, in its last lines: "Jane Roe is a professor ...".
_BIO = re.compile(r"^([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}) (?:is|was|writes|teaches|serves|has been)\b")
_BIO_LINES = 2  # the essay's last paragraphs, where such a note stands


@dataclass(frozen=True)
class Who:
    """Who a mention stands for: a known entity, or a description when no name is known; and how
    the mention reached it (``records.RESOLVED_BY``), None when it reached no one."""

    entity: Entity | None
    description: str | None
    mention: tuple[int, int] | None
    resolved_by: str | None


NOBODY = Who(None, None, None, None)


class Resolver:
    """Resolves cue subjects of one article to speakers."""

    def __init__(self, article: Article, layout: Layout, people: People) -> None:
        self.doc = article.doc
        self.index = article.index
        self.layout = layout
        self.people = people

    def speaker(self, token: Token, prefer: Entity | None = None) -> Who:
        """The speaker a subject token stands for; ``prefer`` helps a pronoun with no clear antecedent."""
        people = self.people
        if token.pos_ == "PRON" or token.lower_ in ("he", "she", "they", "it"):
            if token.lower_ in FIRST_PERSON_PRONOUNS:
                return self._narrator(token)
            if token.lower_ in GROUP_PRONOUNS:
                return self._group(token, prefer)
            entity = people.antecedent(token, prefer)
            return Who(entity, None, _chars(token), "pronoun" if entity is not None else None)
        token = _whose_owner(token) or _person_of(token) or _name_after_joined_titles(token) or _name_after_title(token)
        span = people.name_span(token)
        if span is None and token.pos_ in ("NOUN", "PROPN"):
            # a name in apposition, not a group ("critics, many of them Catholics")
            named = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                     and c.tag_ != "NNPS" and c.ent_type_ != "NORP"]
            if named and named[0].ent_type_ != "PERSON":
                # a parse tangled by a nickname in marks: the person named inside the apposition
                named = [t for t in named[0].subtree if t.ent_type_ == "PERSON"] or named
            if named:
                span = people.name_span(named[0])
                while span is not None and len(span) > 1 and span[-1].is_punct:
                    span = span[:-1]  # 'Marcia "' of a tangled nickname
        if span is not None:
            span = _nicknamed(span)
            entity = people.by_name(span)
            if entity is not None:
                return Who(entity, None, (span.start_char, span.end_char), how_named(entity, span))
        issuer = _issuer(token)
        if issuer is not None and issuer.lemma_.lower() not in DOCUMENT_NOUNS:
            # the document speaks for its issuer; the mention stays the words that name it
            who = self.speaker(issuer, prefer)
            phrase = self._phrase(token)
            return Who(who.entity, who.description, (phrase.start_char, phrase.end_char),
                       "document" if who.resolved_by is not None else None)
        if token.pos_ in ("NOUN", "PROPN", "X", "ADP", "ADJ", "ADV", "VERB"):
            known = people.known_word(token)
            if known is not None:  # a name the tagger missed: '">Ruiz' after markup, "Over said"
                return Who(known, None, _chars(token), how_named(known, token.doc[token.i:token.i + 1]))
        if token.pos_ in ("NUM", "ADJ") and stands_for_people(token):
            return self._counted(token)
        body = _body_of(token)
        if body is not None:
            span = people.name_span(body)
            entity = people.by_name(span) if span is not None else None
            if entity is not None and entity.is_org:
                phrase = self._phrase(token)
                return Who(entity, None, (phrase.start_char, phrase.end_char), "organisation")
        if token.pos_ in ("NOUN", "PROPN") or aged(token):
            entity = people.by_description(token)
            if entity is None and _definite_person(token) and not (_speaks(token) and not person_noun(token)):
                others = self._named_beside(token)  # "the businessman said of Ana": not Ana
                entity = people.topic(token.idx, is_org=False, avoid=others) or people.salient_person(token.idx, others)
            elif entity is None and _possessed_person(token) is not None:
                entity = self._topic_not(token, _possessed_person(token))
            elif entity is None and _definite_body(token):
                entity = people.topic(token.idx, is_org=True)
            phrase = self._phrase(token)
            # a description of someone named ("the governor"), else of no one the article names
            return Who(entity, None if entity else phrase.text, (phrase.start_char, phrase.end_char),
                       "description" if entity else "unnamed")
        return NOBODY

    def _group(self, token: Token, prefer: Entity | None, depth: int = 0) -> Who:
        """Who "they" stands for: the plural subject the article just gave ("the officers ... they
        said": the officers), a body that was the subject ("the union said ... they will"), the
        first of coordinated people ("Ana Roe and Ben Osei ... they said": Roe); else unresolved."""
        found = self._group_antecedent(token)
        if found is not None:
            if found.lower_ in GROUP_PRONOUNS:
                who = self._group(found, prefer, depth + 1) if depth < _GROUP_CHAIN else NOBODY
            else:
                who = self.speaker(found, prefer)
            if who.entity is not None or who.description is not None:
                return Who(who.entity, who.description, _chars(token), "pronoun")
        # nothing the article says: the previous speaker, as for any cue with no clear subject
        return Who(prefer, None, _chars(token), "pronoun" if prefer is not None else None)

    def _group_antecedent(self, token: Token) -> Token | None:
        """The subject "they" most likely stands for: one of a clause above it in its sentence,
        else, a sentence or two back, the highest subject that can be many."""
        for head in islice(token.ancestors, _GROUP_CLIMB):
            for child in head.children:
                if child.dep_ in SUBJECT_DEPS and child.i < token.i and not self.layout.quoted(child):
                    found = self._many(child)
                    if found is not None:
                        return found
        doc = self.doc
        sent = self.index.sentence_of(token)
        para = self.layout.paragraph_at(token.idx)
        for _ in range(_GROUP_SENTENCES):
            if sent.start == 0:
                break
            sent = self.index.sentence_of(doc[sent.start - 1])
            if self.layout.paragraph_at(sent.end_char - 1) < para - 1:
                break
            subjects = sorted((t for t in sent if t.dep_ in SUBJECT_DEPS and not self.layout.quoted(t)),
                              key=lambda t: (clause_depth(t), t.i))
            for subject in subjects:
                found = self._many(subject)
                if found is not None:
                    return found
        return None

    def _many(self, subject: Token) -> Token | None:
        """The word to resolve when a subject can be many: a plural noun for people, a body, the
        first of coordinated names or pronouns, or another "they"; None for one person or a thing."""
        if subject.lower_ in GROUP_PRONOUNS:
            return subject
        if subject.pos_ in ("PROPN", "PRON", "NOUN") and any(c.dep_ == "conj" and c.pos_ in ("PROPN", "PRON", "NOUN")
                                                             for c in subject.children):
            return subject
        if subject.pos_ == "PRON":
            return None
        if subject.tag_ in ("NNS", "NNPS"):
            return subject if people_plural(subject) else None
        keys = self.people.named_at([subject.i])
        if keys:
            return subject if all(self.people.entities[k].is_org for k in keys) else None
        if subject.pos_ == "NOUN" and (_definite_body(subject) or _owned_body(subject)):
            return subject
        return None

    def _counted(self, token: Token) -> Who:
        """A number or quantity word that speaks: "One of the men, Jane Roe, said" is Roe; "one of
        three neighbours said", "nearly six in 10 said", "several said" stay descriptions."""
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                span = self.people.name_span(child)
                entity = self.people.by_name(span) if span is not None else None
                if entity is not None and not entity.is_org:
                    return Who(entity, None, (span.start_char, span.end_char), how_named(entity, span))
        phrase = self._phrase(token)
        return Who(None, phrase.text, (phrase.start_char, phrase.end_char), "unnamed")

    def _narrator(self, token: Token) -> Who:
        """Who "I" is: the writer of a letter, signed in a line of its own after it, or of an
        essay whose last lines say who wrote it ("Jane Roe is a professor at ...")."""
        if token.lower_ not in ("i", "me"):
            return NOBODY
        paras = self.layout.paragraphs
        text = self.layout.text
        here = self.layout.paragraph_at(token.idx)
        for p in paras[here + 1:here + 1 + _SIGNATURE_REACH]:
            if _SIGNATURE.match(text[p.start:p.end].strip()):
                return self._named(p.start, p.end, token)
        for p in paras[-_BIO_LINES:]:
            m = _BIO.match(text[p.start:p.end])
            if m and p.start > token.idx:
                return self._named(p.start, p.start + len(m.group(1)), token)
        return NOBODY

    def _named(self, start: int, end: int, token: Token) -> Who:
        span = self.doc.char_span(start, end, alignment_mode="contract")
        if span is not None and span.text.endswith("."):
            span = span[:-1]
        entity = self.people.by_name(span) if span is not None and len(span) else None
        if entity is None or entity.is_org:
            return NOBODY
        return Who(entity, None, _chars(token), "pronoun")  # "I", named by the signature

    def _named_beside(self, token: Token) -> frozenset[int]:
        """Entities named after a description in its own clause: "the businessman said of Ana"
        does not mean Ana; a name before it may ("As Ana spoke, the senator said"), and so may
        one in a clause further down ("the senator said critics think Ana erred")."""
        verb = token.head
        if token.dep_ not in SUBJECT_DEPS or verb.pos_ not in ("VERB", "AUX"):
            return frozenset()
        tokens = [t.i for t in verb.subtree if t.i > token.right_edge.i and _same_clause(t, verb)]
        return self.people.named_at(tokens)

    def _topic_not(self, token: Token, owner: Token) -> Entity | None:
        """"Vale's former strategist": the person the paragraph is about, when that is not Vale."""
        topic = self.people.topic(token.idx, is_org=False)
        span = self.people.name_span(owner)
        if topic is None or span is None or self.people.by_name(span) is topic:
            return None
        return topic

    def _phrase(self, token: Token) -> Span:
        """The words of a description up to its head, determiners and quoted words dropped
        ("63 percent of registered voters" for "percent")."""
        left = token.left_edge.i
        while left < token.i and (self.doc[left].pos_ in ("DET", "PUNCT") or self.layout.quoted(self.doc[left])):
            left += 1
        return self.doc[left:_partitive(token).i + 1]


_GROUP_SENTENCES = 2  # sentences back a plural subject is still what "they" means
_GROUP_CLIMB = 8  # clauses above "they" whose subject it may stand for; a bound so a pathological parse stays linear
_GROUP_CHAIN = 2  # "they" standing for a "they" before it, at most this many times


def _speaks(token: Token) -> bool:
    """The subject of a speech verb: "the note says", "the pitch reads"."""
    return token.dep_ in SUBJECT_DEPS and is_speech_verb(token.head)


def speaker_name(speaker: Who | None) -> str | None:
    """The name a quote's speaker gets in the answer."""
    if speaker is None:
        return None
    if speaker.entity is not None:
        return speaker.entity.name
    return speaker.description


def _issuer(token: Token) -> Token | None:
    """Who stands behind a document that speaks: "X issued a statement calling ...", "a
    complaint filed by X", "X's letter", "the IMF report", and "the letter" after "X sent a
    letter"."""
    if token.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    issuer = _direct_issuer(token)
    if issuer is not None or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return issuer
    # "the ruling" after "the court ruled"; "the letter" after "X sent a letter": the same
    # document named before, or the verb it names
    doc = token.doc
    verb = _nominalised(token)
    for i in range(token.i - 1, max(token.i - _DOCUMENT_LOOKBACK, -1), -1):
        earlier = doc[i]
        if earlier.lemma_ == token.lemma_ and earlier.pos_ == "NOUN":
            return _direct_issuer(earlier)
        elif earlier.pos_ == "VERB" and earlier.lemma_.lower() in verb:
            subjects = [c for c in earlier.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")]
            return subjects[0] if subjects else None
    return None


def _direct_issuer(document: Token) -> Token | None:
    """Who a document's own words name as its issuer: "the IMF report", "X's letter", "the council's
    ruling", "a complaint filed by X", "a video by X", "a letter from X", "X sent a letter"."""
    for child in document.children:
        if child.dep_ in OWNER_DEPS and (child.pos_ == "PROPN" and could_speak(child) or _definite_body(child)):
            return child  # "the IMF report", "the council's ruling"
        if child.dep_ == "acl":
            agents = [g for g in child.children if g.dep_ == "agent"]
            objs = [o for a in agents for o in a.children if o.dep_ == "pobj"]
            if objs:
                return objs[0]
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objs = [o for o in child.children if o.dep_ == "pobj" and could_speak(o) and o.pos_ != "PRON"]
            if objs:
                return objs[0]
    return _sender(document)


def _body_of(token: Token) -> Token | None:
    """The organisation unnamed officials speak for: "officials at the agency", "spokesmen for X"."""
    if token.tag_ != "NNS" or token.lemma_.lower() not in SPOKESPEOPLE:
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("at", "from", "for", "with", "of"):
            objs = [o for o in child.children if o.dep_ == "pobj" and o.ent_type_ == "ORG"]
            if objs:
                return objs[0]
    return None


def _nominalised(noun: Token) -> frozenset[str]:
    """The verb lemmas a document noun in -ing may name: "ruling" -> rule, "finding" -> find."""
    word = noun.lower_
    if not word.endswith("ing") or len(word) < 6:
        return frozenset()
    return frozenset({word[:-3], word[:-3] + "e"})


def silent_document(token: Token) -> bool:
    """A document noun with no one behind it ("the advertisement suggests"): a weak speaker."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in DOCUMENT_NOUNS and _issuer(token) is None


def _sender(document: Token) -> Token | None:
    """The subject of the verb a document is the object of: "a group sent a letter"."""
    if document.dep_ == "dobj" and document.head.pos_ == "VERB":
        subjects = [c for c in document.head.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")]
        if subjects:
            return subjects[0]
    return None


def _partitive(token: Token) -> Token:
    """The last word of "63 percent of registered voters", "small groups of protesters", "one of
    the aides"."""
    if token.lemma_.lower() not in PARTITIVE_NOUNS and token.pos_ != "NUM":
        return token
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [o for o in child.children if o.dep_ == "pobj"]
            if objs:
                return objs[0]
    return token


def _nicknamed(span: Span) -> Span:
    """A first name the parser cut off before a nickname in marks ('Carla' of 'Carla "Cici" Diaz'):
    the whole name, so the surname, and what stands after it ("(D-Bay City)"), belong to it.
    The surname may be tagged a common noun ("Price"). Not a quoted word after a full name,
    nor one followed by a date ('"Folly" Monday')."""
    doc = span.doc
    i = span.end
    if len(span) > 2 or i + 3 >= len(doc) or doc[i].text not in NICKNAME_OPENERS \
            or doc[i + 2].text not in NICKNAME_CLOSERS:
        return span
    nickname, surname = doc[i + 1], doc[i + 3]
    if not (nickname.is_alpha and nickname.is_title and surname.is_alpha and surname.is_title
            and surname.pos_ in ("PROPN", "NOUN") and surname.ent_type_ not in DATE_OR_SUM_ENTS):
        return span
    end = i + 4
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON":
        end += 1
    return doc[span.start:end]


def _whose_owner(token: Token) -> Token | None:
    """The name a "whose" phrase hangs on: 'Ms. Lee, whose newest venture, Brightloom, sells lamps,
    said' is Lee speaking, not the venture or the name in apposition to it."""
    if token.dep_ == "appos" and token.pos_ == "PROPN":
        token = token.head  # the name in apposition to the owned thing
    whose = [c for c in token.children if c.dep_ == "poss" and c.lower_ == "whose"]
    if not whose or whose[0].i < 2:
        return None
    before = token.doc[whose[0].i - 1]
    if before.text == ",":
        before = token.doc[before.i - 1]
    return before if before.pos_ == "PROPN" else None


def _name_after_title(token: Token) -> Token:
    """The person a title stands before when the parser split them ("Vice Chair for sales
    Jo Roe", "former Gov. and party Chairman Jo Roe" read as "Gov. and Roe"; "the President,
    Jo Roe,"): the name."""
    if not title_word(token.text):
        return token
    names = [c for c in token.children if c.dep_ in BESIDE_TITLE_DEPS and c.ent_type_ == "PERSON" and c.pos_ == "PROPN"]
    return names[0] if names else token


def _person_of(token: Token) -> Token | None:
    """The person a phrase "Jo Roe of Acme" opens, where the parser made the body its head ("Jo Roe of
    campaign group Acme! said" read as Acme saying): the person's name, when the recogniser tagged it."""
    if token.pos_ != "PROPN" or token.ent_type_ == "PERSON":
        return None
    first = token.left_edge
    if first.ent_type_ != "PERSON" or first.ent_iob_ != "B" or first.i >= token.i:
        return None
    end = first.i + 1
    while end < token.i and token.doc[end].ent_iob_ == "I":
        end += 1
    return token.doc[end - 1] if end < token.i and token.doc[end].lower_ == "of" else None


def _name_after_joined_titles(token: Token) -> Token | None:
    """The name after two titles joined by "and" ("said Acme owner and manager Jo Roe", "according
    to sales and marketing adviser Jo Roe"), which the parser reads as the first title coordinated with the
    name: the name. Not a name with no title of its own before it ("the mayor and Jo Roe")."""
    if token.pos_ != "NOUN" or token.i + 3 >= len(token.doc) or token.doc[token.i + 1].lower_ != "and":
        return None
    for conj in token.children:
        if conj.dep_ != "conj" or conj.pos_ != "PROPN" or conj.ent_type_ not in ("PERSON", ""):
            continue
        between = token.doc[token.i + 2:conj.i]
        nouns = [t for t in between if t.pos_ != "PROPN"]
        if nouns and is_title(nouns[-1].text) and nouns[-1].is_lower \
                and all(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in between) \
                and all(t.pos_ == "PROPN" for t in token.doc[nouns[-1].i + 1:conj.i]):
            return conj
    return None


def _same_clause(token: Token, verb: Token) -> bool:
    """A word of ``verb``'s own clause: no clause of its own opens between them."""
    for t in chain((token,), token.ancestors):
        if t.i == verb.i:
            return True
        if t.dep_ in OWN_CLAUSE_DEPS:
            return False
    return False


def _possessed_person(token: Token) -> Token | None:
    """The named owner in "Vale's former campaign strategist", a singular person noun."""
    if token.tag_ != "NN" or token.lemma_.lower() in NON_PERSON_NOUNS | UNNAMED_ROLES | PARTITIVE_NOUNS | KIN_GROUPS:
        return None
    owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    return owners[0] if owners else None


def _definite_person(token: Token) -> bool:
    """'the former secretary': one person the article has named already. Not "the ad's
    narrator" or "the announcer", whom the article never names. (A thing as the subject of a
    speech verb is ruled out by the caller; elsewhere, as the subject of a verb framing a
    phrase, the topic person it leads to is right as often as not, measured on dev.)"""
    if token.tag_ in ("NNS", "NNPS") or token.lemma_.lower() in NON_PERSON_NOUNS | UNNAMED_ROLES:
        return False
    children = list(token.children)
    if any(c.dep_ == "poss" for c in children):
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in children)


def _definite_body(token: Token) -> bool:
    """'the union', 'the committee': one body the article has named already."""
    if token.tag_ in ("NNS", "NNPS") or token.lemma_.lower() not in BODY_NOUNS:
        return False
    children = list(token.children)
    return not any(c.dep_ == "poss" for c in children) and any(c.dep_ == "det" and c.lower_ == "the" for c in children)


def _owned_body(token: Token) -> bool:
    """'Ana's campaign', 'his staff': a body someone named has, which "they" can stand for."""
    return token.tag_ == "NN" and token.lemma_.lower() in BODY_NOUNS | KIN_GROUPS \
        and any(c.dep_ == "poss" for c in token.children)


def _chars(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token)
