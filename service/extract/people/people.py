"""One entity per person (or organisation) in the article, and the resolution of a mention to it.

Owns building the entities once per article (spaCy's named entities and the proper-noun subjects
of verbs, with the recogniser's slips mended: a full name read as a product, work or organisation
that opens with a known first name) and ``People.lookup``: a name's later short forms (surname,
first name, nickname, Mr./Ms., a misspelt surname), an organisation's acronym and first word,
namesakes kept apart (a surname alone by Mr./Ms., a title, or the subject just before), gender for
the pronouns, and descriptions ("the senator", "the union") to the latest holder of that title or
name word. Mentions inside quotes are registered but never antecedents. The cases are tables in
tests/test_speakers.py, test_mentions.py and test_resolved_by.py. Not handled: first-person
narrators, gender the first-name list, honorifics and nouns do not give, and people the article
never names in a way spaCy's tagger or recogniser can see.

Split out: the ``Entity`` type lives in ``entity``, name words in ``name_words``, pronoun resolution
in ``pronouns`` (which reads the mention timeline here through ``mentions_before`` and
``entity_headed_by`` only). ``People.antecedent`` and ``clause_depth`` stay importable from here.
"""
from __future__ import annotations

import bisect
import re
from typing import Callable, Iterator

from spacy.tokens import Doc, Span, Token

from .entity import Entity
from ..article import Article
from .name_words import (ends_in_post_nominal, given_name_before, initials, name_words, opens_line, personal_name,
                         post_nominal, single_letters, strip_name, trim_junk)
from ..lexicon.function_words import PERSON_PRONOUNS, POSSESSIVE
from ..lexicon.grammar import (ATTRIBUTIVE_DEPS, BODY_ENTS, MISLABELLED_ENTS, NAME_ENTS, NAME_PART_DEPS, NUMERIC_ENTS,
                               OBJECT_DEPS, PLACE_ENTS, SUBJECT_DEPS)
from ..lexicon.names import (PEER_TITLES, first_name_gender, given_name, honorific_gender, long_title, noun_gender,
                             title_word)
from ..lexicon.people import ORG_NOUNS
from ..lexicon.titles import TITLE_HEADS
from .pronouns import Pronouns, clause_depth
from .person_words import number_named_thing

# Re-exported: other modules import these from here.
__all__ = ["People", "clause_depth", "how_named"]

_NICKNAMED = re.compile(r"\b([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}) [\"“]([A-Z][\w'’-]+)[\"”] ([A-Z][\w'’-]+)")
_RECENT_CHARS = 600
_SALIENT_CHARS = 1200
_VARIANT_MIN = 5  # shorter surnames differ by one letter too often ("Hall", "Hal")


def how_named(entity: Entity, span: Span) -> str:
    """How a name mention reaches its entity's name (an answer's ``resolved_by``, docs/api.md):
    ``name`` for two or more of the name's words; for one word, ``organisation``, ``surname``,
    ``title-and-surname`` (a title or honorific right before it) or ``first-name``. Read from the
    words, not from the way ``People.lookup`` went; the cases are tests/test_resolved_by.py's."""
    stripped = strip_name(span)
    words = name_words(stripped) if stripped is not None else ()
    if len(words) != 1 or words == entity.words:
        return "name"
    if entity.is_org:
        return "organisation"
    word, surname = words[0], entity.words[-1]
    if word != surname and single_letters(word) != single_letters(surname):
        return "first-name"
    titled = stripped is not None and stripped.start > 0 and title_word(stripped.doc[stripped.start - 1].text)
    return "title-and-surname" if titled else "surname"


def _written_together(token: Token) -> Span:
    """The tokens written together with ``token`` into one name word: "Murphy-O'Connor" is three
    tokens, "O'Neill" may be two; a word that stands alone is itself."""
    doc = token.doc
    end = token.i + 1
    while end < len(doc) and not doc[end - 1].whitespace_ and (doc[end - 1].text[-1] in "'’-" or doc[end].text in "-'’"):
        end += 1
    while end - 1 > token.i and not doc[end - 1].text[-1].isalpha():
        end -= 1  # a mark that ends the run ("Lee-" before a dash) is no part of it
    return doc[token.i:end]


def _relative_which(token: Token) -> bool:
    """A name, not an object, that a relative clause opened by "which" hangs on ("Acme, which sells
    lamps, said"); after an object ending its clause ("... not happening for Lee, which worries
    them") "which" may stand for the whole clause."""
    if token.dep_ in OBJECT_DEPS:
        return False  # an object ending its clause: "which" may say something of the whole clause
    return any(c.dep_ == "relcl" and c.i > token.i
               and any(g.lower_ == "which" and g.dep_ in SUBJECT_DEPS for g in c.children)
               for c in token.children)


def _hyphenated(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A name's tokens widened over the hyphen that joins a capitalised word to it ("Day" of
    "Kerr-Lowe", which the recogniser left out)."""
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha and doc[start - 2].is_title:
        start -= 2
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_title:
        end += 2
    return start, end


def _bare_title(span: Span) -> bool:
    """Capitalised words after "the" that end in a title ("the Bishop said", "the Green MP"), or one
    the recogniser calls a person or a nationality ("the Welshman said"): a description, no name."""
    if span.start == 0 or span.doc[span.start - 1].lower_ != "the":
        return False
    word = span[-1]
    if word.lower_ in TITLE_HEADS:
        return True  # "the Bishop", "the Green MP"
    return len(span) == 1 and word.ent_type_ in ("PERSON", "NORP") and word.tag_ == "NNP" and word.ent_iob_ == "B" \
        and word.is_title


def _opens_sentence(tok: Token) -> bool:
    """A word at the start of a sentence, a line, or a quotation, where any word is capitalised."""
    if tok.i == 0 or tok.is_sent_start:
        return True
    before = tok.doc[tok.i - 1]
    return before.is_space or before.is_quote or before.text in (".", "!", "?", ":", "(", "-", "—")


def _peer_name(span: Span) -> str | None:
    """"Lord Ames" for a one-word name after a title of the peerage: together they are the name the
    peer goes by, where "Mr Ames" or "Sir Jo Ames" is a title before a name."""
    if span.start == 0 or len(span) != 1:
        return None
    title = span.doc[span.start - 1]
    return f"{title.text} {span.text}" if title.lower_ in PEER_TITLES and title.is_title else None


def _main_clause(verb: Token) -> bool:
    """The verb of a sentence's main clause, or one coordinated with it."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


class People:
    """The entities of one article, and resolution of mentions to them.

    Name words come from ``name_words``; ``antecedent`` hands pronouns to ``pronouns.Pronouns``,
    which reads this timeline through ``mentions_before`` and ``entity_headed_by``."""

    def __init__(self, article: Article, quoted: Callable[[int], bool] = lambda i: False) -> None:
        """``quoted(token_index)`` tells which tokens lie inside quotes: mentions there are
        registered but never taken as antecedents or descriptions."""
        self.doc = article.doc
        self._quoted = quoted
        self.entities: list[Entity] = []
        self._by_full: dict[tuple[str, ...], Entity] = {}
        self._by_last: dict[str, list[Entity]] = {}
        self._by_first: dict[str, list[Entity]] = {}
        # (char offset, entity key, is subject) of every name mention, in order of position.
        self._timeline: list[tuple[int, int, bool]] = []
        self._positions: list[int] = []
        self._noted: set[tuple[int, int]] = set()
        # (char offset, entity key) of every subject of a main clause: what a paragraph is about.
        self._topics: list[tuple[int, int]] = []
        self._by_root: dict[int, int] = {}  # head word of a timeline mention -> entity key
        self._described: dict[int, int] = {}  # head word of a description in the timeline -> entity key
        self._described_at: set[int] = set()  # char offsets of those descriptions
        self._text = article.text
        self._pronouns = Pronouns(article, self)
        # surname -> gender -> how often Mr./Mrs./Ms. of that gender stands before it
        self._honored: dict[str, dict[str, int]] = {}
        # words written only in lower case or at a sentence's start; words capitalised mid-sentence
        self._casing: tuple[set[str], set[str]] | None = None
        # name words -> how many more of their mentions the recogniser labels a person than a body:
        # a body it also calls a person ("Labour" twice each) is a person only when more say so
        self._person_votes: dict[tuple[str, ...], int] = {}
        self._build()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        spans = [e for e in self.doc.ents if e.label_ in ("PERSON", "ORG") or self._mislabelled_person(e)]
        for s in self.doc.ents:
            stripped = strip_name(s) if s.label_ in NAME_ENTS else None
            if stripped is not None:
                words = name_words(stripped)
                self._person_votes[words] = self._person_votes.get(words, 0) + (1 if s.label_ == "PERSON" else -1)
        # Nicknamed names first: 'Robert J. "Robin" Vale' claims "Robin Vale" before it stands alone.
        self._nicknamed()
        # Full names first, so that a surname before its full name still finds its person.
        for s in spans:
            stripped = strip_name(s)
            if s.label_ == "PERSON" and stripped is not None and len(stripped) == 1:
                stripped = given_name_before(stripped)
            if stripped is not None and len(name_words(stripped)) >= 2 \
                    and (s.label_ == "PERSON" or personal_name(stripped) or ends_in_post_nominal(s)):
                words = name_words(stripped)
                if self.lookup(words, stripped.start_char) is None:
                    self._new(stripped, words, is_org=False)
        # "Mr. Roe" where only Jane Roe is named in full: a person of their own, known
        # before any ungendered "Governor Roe" has to choose between them.
        for s in spans:
            self._gendered_surname(s)
        named = {t.i for s in spans for t in s}
        for s in spans:
            self.by_name(s)
        # Proper-noun subjects the recogniser missed ("Ham said"): people too; not a title owned by
        # someone ("My Winter of Hope").
        for tok in self.doc:
            if tok.pos_ == "PROPN" and tok.dep_ in SUBJECT_DEPS and tok.i not in named \
                    and tok.ent_type_ in MISLABELLED_ENTS and tok.text[:1].isupper() and tok.is_alpha \
                    and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
                span = self.name_span(tok)
                if span is not None and not number_named_thing(span):
                    self.by_name(span)
        self._introduced_in_full()
        self._introduced_together()
        self._gender_from_pronouns()
        self._given_names()
        self._known_surnames()
        self._things_by_which()
        self._described_subjects()

    def _known_surnames(self) -> None:
        """A surname alone that the recogniser left untagged or took for a place, outside subject place
        ("... but Lee is unfazed", parsed as a conjunct; "a nomination for Lee"): a mention of the person
        the article named in full with it. (A subject so tagged is read when it speaks; noted here, the
        roles read a title for it from the paragraph before, measured on dev.)"""
        surnames = {e.words[-1] for e in self.entities if len(e.words) >= 2 and not e.is_org}
        for tok in self.doc:
            if tok.lower_ in surnames and tok.pos_ == "PROPN" and tok.is_title and tok.ent_iob_ != "I" \
                    and (tok.i + 1 == len(self.doc) or self.doc[tok.i + 1].ent_iob_ != "I") \
                    and tok.dep_ not in SUBJECT_DEPS and tok.i not in self._by_root and not self._quoted(tok.i):
                span = self.name_span(tok)
                if span is not None and len(span) == 1:
                    self.by_name(span)

    def _things_by_which(self) -> None:
        """A name the article goes on with ", which ..." is a body or a thing, not a person, however
        it reads ("Ana Reed, which sells lamps, ...": a shop named after its founder)."""
        text = self._text
        for entity in self.entities:
            if entity.is_org:
                continue
            for start, end in entity.mentions:
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is not None and text.startswith(", which ", end) and not self._quoted(span.start) \
                        and _relative_which(span.root):
                    entity.is_org, entity.gender = True, None
                    break

    def _described_subjects(self) -> None:
        """A definite description of one person as a clause's subject ("the bishop said", "the
        Welshman conceded he ...") stands in the pronouns' timeline for the person it describes, the
        latest one named with that title; not the paragraph's topic, which is too often someone
        else in sports and arts writing ("None more so than Lee. The 23-year-old ..."). Not a name mention:
        the answer's mentions and the descriptions' own resolution do not read it."""
        found = []
        for tok in self.doc:
            if tok.dep_ not in SUBJECT_DEPS or tok.i in self._by_root or self._quoted(tok.i) \
                    or tok.tag_ not in ("NN", "NNP", "JJ") \
                    or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
                    or any(c.dep_ == "poss" for c in tok.children):
                continue
            if tok.pos_ == "PROPN" and not _bare_title(tok.doc[tok.i:tok.i + 1]):
                continue
            entity = self.by_description(tok)
            if entity is not None and not entity.is_org:
                found.append((tok, entity))
        for tok, entity in found:
            entry = (tok.idx, entity.key, True)
            at = bisect.bisect_left(self._timeline, entry)
            self._timeline.insert(at, entry)
            self._positions.insert(at, tok.idx)
            self._pronouns.note(tok.idx, tok, first_object_mention=False)
            self._described[tok.i] = entity.key
            self._described_at.add(tok.idx)

    def _mislabelled_person(self, span: Span) -> bool:
        """A person's name the recogniser took for a product or a work ("Ivanka" as a work of
        art): one or two capitalised words outside quotes, the first a known first name."""
        if span.label_ not in MISLABELLED_ENTS or self._quoted(span.start):
            return False
        words = [t for t in span if not t.is_punct]
        return 1 <= len(words) <= 2 and all(t.is_alpha and t.is_title and t.pos_ == "PROPN" for t in words) \
            and given_name(words[0].text)

    def _introduced_in_full(self) -> None:
        """A person known by one word ("Lee said") whose first mention below the headline is a run
        of capitalised proper nouns ending in that word ("For Ann Lee, ...", "guitarist Ann Lee"):
        that run is the full name, whatever label the recogniser gave it or its words. Only the
        first mention counts: news names a person in full there, and "Bo Lee" further down is a
        relative, not the Lee already introduced."""
        doc = self.doc
        surnames = {o.words[-1] for o in self.entities if len(o.words) >= 2}
        lone = {e.words[0]: e for e in self.entities if len(e.words) == 1 and e.words[0].replace("'", "").isalpha()
                and e.words[0] not in surnames}
        if not lone:
            return
        body = self._text.find("\n")
        seen: set[str] = set()
        for tok in doc:
            if tok.idx < body or self._quoted(tok.i) or not (tok.is_title and tok.pos_ == "PROPN"):
                continue
            surname = _written_together(tok)  # "Murphy-O'Connor", "O'Neill": one word of several tokens
            word = name_words(surname)[0] if len(surname) > 1 else tok.lower_
            if word not in lone or word in seen:
                continue
            seen.add(word)
            start = tok.i
            while start > 0 and tok.i - start < 2 and self._given_word(doc[start - 1]):
                start -= 1
            if start == tok.i:
                continue
            entity = lone[word]
            span = doc[start:surname.end]
            words = name_words(span)
            if words in self._by_full:
                continue
            entity.name, entity.words, entity.is_org = span.text, words, False
            self._by_full[words] = entity
            self._by_first.setdefault(words[0], []).append(entity)
            self._note(entity, span)  # a mention too: what stands before it describes the person

    def _introduced_together(self) -> None:
        """Two people introduced together who share a surname ("Ann and Bo Lee"): the first given
        name alone before "and" is a person of its own, Ann Lee, whom a later "Ann said" means."""
        doc = self.doc
        for entity in list(self.entities):
            if entity.is_org or len(entity.words) < 2:
                continue
            for start, _ in list(entity.mentions):
                first = doc.char_span(start, start + 1, alignment_mode="expand")
                if first is None or first.start < 2 or doc[first.start - 1].lower_ != "and":
                    continue
                given = doc[first.start - 2]
                if not (given.pos_ == "PROPN" and given.is_alpha and given.is_title) or title_word(given.text) \
                        or given.ent_type_ in PLACE_ENTS or self._quoted(given.i) \
                        or (given.i > 0 and doc[given.i - 1].pos_ == "PROPN"):
                    continue
                words = (given.lower_, entity.words[-1])
                alone = self._by_full.get((given.lower_,))  # the recogniser's "Ann" on its own
                if words in self._by_full or given.lower_ in self._by_last and alone is None \
                        or alone is not None and (alone.is_org or given.idx not in {m[0] for m in alone.mentions}):
                    continue
                name = f"{given.text} {entity.name.split()[-1]}"
                if alone is not None:
                    alone.name, alone.words = name, words
                    self._by_full[words] = alone
                    continue
                person = self._new(doc[given.i:given.i + 1], words, is_org=False)
                person.name = name
                self._note(person, doc[given.i:given.i + 1])

    def _gender_from_pronouns(self) -> None:
        """The gender the article itself gives a person: "Roe said his side ..." or "Roe, whose
        team ..., said she ...": a third-person pronoun later in a sentence whose subject names
        that person and no one else. Taken only where every such sentence agrees; a gender the
        name list, an honorific or a noun gave is kept (they are read first, and rarely wrong)."""
        doc = self.doc
        named: dict[int, set[int]] = {}  # sentence start -> the entities named in it
        for root_i, key in self._by_root.items():
            named.setdefault(doc[root_i].sent.start, set()).add(key)
        votes: dict[int, set[str]] = {}
        for root_i, key in self._by_root.items():
            entity = self.entities[key]
            root = doc[root_i]
            if entity.gender is not None or entity.is_org or root.dep_ not in SUBJECT_DEPS:
                continue
            sent = root.sent
            if len(named[sent.start]) > 1:
                continue
            found = {PERSON_PRONOUNS[t.lower_] for t in doc[root_i + 1:sent.end]
                     if t.lower_ in PERSON_PRONOUNS and not self._quoted(t.i)}
            if found:
                votes.setdefault(key, set()).update(found)
        for key, genders in votes.items():
            if len(genders) == 1:
                self.entities[key].gender = genders.pop()

    def _common_word(self, span: Span) -> bool:
        """One word capitalised only because it opens a sentence, and written in lower case
        elsewhere in the article ("Use of games grew"): no name. A surname that is also a word
        ("Bell") is capitalised mid-sentence somewhere, where the person is introduced."""
        if len(span) != 1 or not _opens_sentence(span[0]):
            return False
        if self._casing is None:
            lower, capitalised = set(), set()
            for tok in self.doc:
                if tok.is_lower:
                    lower.add(tok.lower_)
                elif tok.is_title and not _opens_sentence(tok):
                    capitalised.add(tok.lower_)
            self._casing = (lower - capitalised, capitalised)
        return span[0].lower_ in self._casing[0]

    def _given_word(self, tok: Token) -> bool:
        """A word that can open a full name before a surname: a capitalised proper noun that is
        no title, no place and no name already known on its own."""
        return tok.pos_ == "PROPN" and tok.is_alpha and tok.is_title and not title_word(tok.text) \
            and tok.lower_ not in TITLE_HEADS and tok.ent_type_ not in PLACE_ENTS and not self._quoted(tok.i) \
            and tok.lower_ not in self._by_last and (tok.lower_,) not in self._by_full

    def _given_names(self) -> None:
        """A person known only as "Mr. Roe" takes the first name the article gives that surname
        anywhere ("the John Roe library"), when that first name is of the person's gender."""
        lone = {e.words[0]: e for e in self.entities if len(e.words) == 1 and not e.is_org and e.gender}
        if not lone:
            return
        doc = self.doc
        for tok in doc[:-1]:
            nxt = doc[tok.i + 1]
            entity = lone.get(nxt.lower_)
            if entity is None or not tok.text[:1].isupper() or first_name_gender(tok.text) != entity.gender:
                continue
            words = (tok.lower_, nxt.lower_)
            if words in self._by_full:
                continue
            entity.name, entity.words = f"{tok.text} {entity.name}", words
            self._by_full[words] = entity
            self._by_first.setdefault(words[0], []).append(entity)
            del lone[nxt.lower_]

    def _nicknamed(self) -> None:
        """'Robert J. "Robin" Vale' is one person, also known as Robin Vale."""
        doc = self.doc
        for m in _NICKNAMED.finditer(self._text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
            if span is None or self._quoted(span.start):
                continue
            while len(span) > 1 and title_word(span[0].text):
                span = span[1:]  # "Rep. Robert C. "Bobby" Scott" is Robert C. "Bobby" Scott
            given = tuple(w.lower() for w in m.group(1).split() if len(w.rstrip(".")) > 1 and not title_word(w))
            nickname, last = m.group(2).lower(), m.group(3).lower()
            words = given + (last,)
            if words in self._by_full or not given:
                continue
            entity = self._new(span, words, is_org=False)
            self._by_full[(nickname, last)] = entity
            self._by_first.setdefault(nickname, []).append(entity)

    def _gendered_surname(self, span: Span) -> None:
        """Register a surname after Mr./Ms. as its own person when every full name with that
        surname is of the other gender."""
        stripped = strip_name(span)
        if span.label_ != "PERSON" or stripped is None or stripped.start == 0 or self._quoted(stripped.start):
            return
        words = name_words(stripped)
        gender = honorific_gender(self.doc[stripped.start - 1].text)
        if len(words) != 1 or gender is None:
            return
        honored = self._honored.setdefault(words[0], {})
        honored[gender] = honored.get(gender, 0) + 1
        namesakes = self._by_last.get(words[0], [])
        if namesakes and all(e.gender not in (gender, None) for e in namesakes):
            self._new(stripped, words, is_org=False).gender = gender

    def _note(self, entity: Entity, span: Span) -> None:
        mention = (span.start_char, span.end_char)
        if mention in self._noted:
            return
        self._noted.add(mention)
        entity.mentions.append(mention)
        if self._quoted(span.start):
            return
        self._describe(entity, span)
        root = span.root
        # one of coordinated subjects is a subject too ("the owner and manager Jo Roe said")
        entry = (span.start_char, entity.key, root.dep_ in SUBJECT_DEPS
                 or (root.dep_ == "conj" and root.head.dep_ in SUBJECT_DEPS and root.head.i < root.i))
        if entry[2] and _main_clause(span.root.head):
            bisect.insort(self._topics, (span.start_char, entity.key))
        at = bisect.bisect_left(self._timeline, entry)
        self._timeline.insert(at, entry)
        self._positions.insert(at, span.start_char)
        self._pronouns.note(span.start_char, span.root,
                            first_object_mention=not entry[2] and not entity.is_org and len(entity.mentions) == 1)
        self._by_root[span.root.i] = entity.key

    def _describe(self, entity: Entity, span: Span) -> None:
        """Gender and descriptor words from what stands next to a name mention."""
        doc = span.doc
        i = span.start - 1
        while i >= 0 and i >= span.start - 4 and (title_word(doc[i].text) or doc[i].pos_ in ("PROPN", "NOUN", "ADJ")) \
                and not self._quoted(i) and doc[i].text[:1] not in ",(\"“”":
            g = honorific_gender(doc[i].text)
            if g and (entity.gender is None or len(entity.words) > 1 and entity.gender == first_name_gender(entity.words[0])):
                entity.gender = g  # an honorific outweighs the given-name list ("Mr. Robin Hale")
            if doc[i].pos_ != "PROPN" or title_word(doc[i].text) or doc[i].lower_ in TITLE_HEADS:
                entity.titles.add(long_title(doc[i].text))  # "Bishop Ann Lee" is later "the bishop"
            if entity.gender is None and not entity.is_org:
                entity.gender = noun_gender(doc[i].text)
            i -= 1
        if span.end < len(doc) and post_nominal(doc[span.end]):
            entity.titles.add(doc[span.end].lower_)  # "Jo Ames MP" is later "the MP"
        root = span.root
        # "Roe's son" misparsed as an apposition says nothing of Roe's gender
        possessed = span.end < len(doc) and doc[span.end].text in POSSESSIVE
        for other in [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else []):
            if other.pos_ == "NOUN":
                entity.titles.add(other.lemma_.lower())
                entity.titles.update(long_title(c.text) for c in other.children if c.dep_ in ATTRIBUTIVE_DEPS)
                if entity.gender is None and not entity.is_org and not possessed:
                    entity.gender = noun_gender(other.lemma_)

    def _new(self, span: Span, words: tuple[str, ...], is_org: bool) -> Entity:
        if not is_org and len(words) >= 3 and not given_name(words[0]) \
                and given_name(words[1]) and span[1].text[:1].isupper() and len(span) == len(words) and opens_line(span):
            span, words = span[1:], words[1:]  # a headline verb before a name: "Rip Tom Hart"
            if words in self._by_full:
                return self._by_full[words]
        name = span.text.title() if span.text.isupper() and not is_org else span.text  # "LUND:" in a transcript
        name = trim_junk(name.strip())
        if not is_org and len(words) == 1:
            name = _peer_name(span) or name
        entity = Entity(len(self.entities), name, words, is_org)
        if not is_org:
            entity.gender = first_name_gender(words[0])  # also a first name alone: "Rosalind said"
        self.entities.append(entity)
        self._by_full[words] = entity
        self._by_last.setdefault(words[-1], []).append(entity)
        self._by_first.setdefault(words[0], []).append(entity)
        return entity

    def lookup(self, words: tuple[str, ...], at: int, span_text: Span | None = None,
               is_org: bool = False) -> Entity | None:
        """The entity these name words refer to at char offset ``at``, if any is known."""
        if words in self._by_full and len(words) >= 2:
            return self._by_full[words]
        if len(words) >= 2:
            # "Ann Marie Lee" and "Ann Lee": same first and last word;
            # "Mai Lin" and "Tan Sor Mai Lin", "Security Council" and "United Nations Security Council".
            for e in self._by_last.get(words[-1], []):
                if e.words[0] == words[0] or len(e.words) == 1 or e.words[-len(words):] == words:
                    return e
            return None
        word = words[0]
        gender = self._honorific(span_text)
        candidates = self._by_last.get(word, [])
        if not candidates:
            candidates = [e for e in self._by_first.get(word, []) if len(e.words) >= 2 and not e.is_org]
        if not candidates:
            candidates = self._spelling_variant(word)
        if not candidates and not given_name(word):
            # "Halvorsen" for "Halvorsen Mining": an organisation's short form is its first word
            candidates = [e for e in self._by_first.get(word, []) if len(e.words) >= 2 and e.is_org]
        if not candidates and span_text is not None and span_text.text.isupper():
            candidates = [e for e in self.entities if e.is_org and initials(e.words) == word]  # "IMF"
        if not candidates:
            return None
        if gender:
            candidates = [e for e in candidates if e.gender in (gender, None)]
            if not candidates:
                return None  # "Mr. Roe" where only Jane Roe is named: someone else
        if len(candidates) == 1:
            return candidates[0]
        # A surname alone is the one just named in full, or else the principal bearer's:
        # relatives and namesakes are named in full.
        people = [e for e in candidates if not e.is_org]
        candidates = people or candidates
        if len(candidates) == 1:
            return candidates[0]
        recent = self._most_recent(candidates, at, window=_RECENT_CHARS, subjects_only=True)
        if recent is not None:
            return recent
        # the one Mr./Mrs./Ms. stands before most often in the whole article: "Mr. Roe" ten
        # times makes him the Roe of "Governor Roe", though Jane Roe is named in full
        honored = self._honored.get(word, {})
        return max(candidates, key=lambda e: (honored.get(e.gender, 0), len(e.mentions), -e.key))

    def _spelling_variant(self, word: str) -> list[Entity]:
        """People whose surname is this one with a doubled letter written once, or the other way
        round ("Mcallister" and "Mcalister"): a misspelling, not another person."""
        if len(word) < _VARIANT_MIN or not word.isalpha():
            return []
        key = single_letters(word)
        return [e for last, found in self._by_last.items() if last != word and len(last) >= _VARIANT_MIN
                and abs(len(last) - len(word)) == 1 and single_letters(last) == key
                for e in found if len(e.words) >= 2 and not e.is_org]

    @staticmethod
    def _honorific(span: Span | None) -> str | None:
        """The gender the Mr./Mrs./Ms. before a name span gives, if any."""
        if span is None or span.start == 0:
            return None
        return honorific_gender(span.doc[span.start - 1].text)

    def _most_recent(self, candidates: list[Entity], at: int, window: int, subjects_only: bool = False) -> Entity | None:
        keys = {e.key for e in candidates}
        for _, entity, is_subject in self._names_before(at, window):
            if entity.key in keys and (is_subject or not subjects_only):
                return entity
        return None

    # -- resolution -----------------------------------------------------------------------
    def name_span(self, token: Token) -> Span | None:
        """The name a proper-noun token belongs to: its entity, or its compound/flat chain."""
        doc = self.doc
        if token.ent_type_ in NAME_ENTS:
            start, end = token.i, token.i + 1
            while doc[start].ent_iob_ == "I":
                start -= 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            start, end = _hyphenated(doc, start, end)
            return Span(doc, start, end, label=token.ent_type_)
        if token.pos_ != "PROPN":
            return None
        start = end = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i in range(start, token.i + 1):
            start -= 1
        while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].dep_ in NAME_PART_DEPS \
                and doc[end + 1].head.i == token.i:
            end += 1
        start, end = _hyphenated(doc, start, end + 1)
        return doc[start:end]

    def by_name(self, span: Span) -> Entity | None:
        """The entity for a name span, registering it as a new one when unknown."""
        stripped = strip_name(span)
        if stripped is None or span.label_ in NUMERIC_ENTS or not any(t.text[:1].isupper() for t in stripped):
            return None
        words = name_words(stripped)
        if not words or _bare_title(stripped) or self._common_word(stripped):
            return None
        is_org = span.label_ in BODY_ENTS and not given_name(words[0]) and not ends_in_post_nominal(span)
        entity = self.lookup(words, stripped.start_char, span_text=stripped, is_org=is_org)
        if entity is None:
            entity = self._new(stripped, words, is_org)
        elif len(words) > len(entity.words) and entity.words == words[-len(entity.words):] and not is_org \
                and (len(entity.words) == 1 or not given_name(entity.words[0])):
            entity.name, entity.words = stripped.text, words  # a fuller form of the same name
        elif len(entity.words) == 1 and not entity.is_org and not is_org and entity.name == stripped.text:
            entity.name = _peer_name(stripped) or entity.name  # "Ames", later "Lord Ames"
        if entity.is_org and span.label_ == "PERSON" and self._person_votes.get(words, 1) > 0:
            entity.is_org = False
        self._note(entity, stripped)
        return entity

    def antecedent(self, pronoun: Token, prefer: Entity | None = None, window: int = 1500) -> Entity | None:
        """The entity a pronoun most likely refers to; ``prefer`` is the previous quote's speaker
        (see ``pronouns.Pronouns.antecedent`` for the order of preference)."""
        return self._pronouns.antecedent(pronoun, prefer, window)

    # -- read-only views (what ``pronouns`` reads) ------------------------------------------
    def mentions_before(self, at: int, window: int | None = None) -> Iterator[tuple[int, Entity, bool]]:
        """Name mentions outside quotes that start before char offset ``at`` (within ``window``
        characters of it, when given), nearest first: (char offset, entity, is a clause's subject)."""
        i = bisect.bisect_left(self._positions, at) - 1
        while i >= 0 and (window is None or self._positions[i] >= at - window):
            start, key, is_subject = self._timeline[i]
            yield start, self.entities[key], is_subject
            i -= 1

    def _names_before(self, at: int, window: int | None = None) -> Iterator[tuple[int, Entity, bool]]:
        """``mentions_before`` without the descriptions only the pronouns read ("the bishop")."""
        return ((start, e, subject) for start, e, subject in self.mentions_before(at, window)
                if start not in self._described_at)

    def entity_headed_by(self, i: int) -> Entity | None:
        """The entity of the name mention outside quotes whose head word is token ``i``, if any."""
        key = self._by_root.get(i, self._described.get(i))
        return None if key is None else self.entities[key]

    def nearest(self, at: int, window: int) -> tuple[Entity, tuple[int, int]] | None:
        """The person named last before ``at``, within ``window`` characters, and that mention."""
        for start, entity, _ in self._names_before(at, window):
            if not entity.is_org:
                return entity, next(m for m in entity.mentions if m[0] == start)
        return None

    def salient_person(self, at: int, avoid: frozenset[int] = frozenset()) -> Entity | None:
        """The person most recently named as a subject before ``at``, within a few paragraphs;
        not one of the entity keys in ``avoid``."""
        for _, entity, is_subject in self._names_before(at, _SALIENT_CHARS):
            if is_subject and not entity.is_org and entity.key not in avoid:
                return entity
        return None

    def topic(self, at: int, is_org: bool, avoid: frozenset[int] = frozenset()) -> Entity | None:
        """The person (or body) last named as the subject of a main clause before ``at``, within a
        few paragraphs: whom "the governor" or "the union" means when no title or name says.
        A subject of a clause inside another ("hours after Hart tweeted") is passed over, and so
        is an entity whose key is in ``avoid``."""
        i = bisect.bisect_left(self._topics, (at, -1)) - 1
        while i >= 0 and self._topics[i][0] >= at - _SALIENT_CHARS:
            entity = self.entities[self._topics[i][1]]
            if entity.is_org == is_org and entity.key not in avoid:
                return entity
            i -= 1
        return None

    def named_at(self, tokens: list[int]) -> frozenset[int]:
        """The keys of the known entities these words name: a name's head word, or a proper noun
        the recogniser left out that is a known name ("said of Torres")."""
        keys = set()
        for i in tokens:
            if i in self._by_root:
                keys.add(self._by_root[i])
            elif self.doc[i].pos_ == "PROPN" and self.doc[i].text[:1].isupper():
                span = strip_name(self.name_span(self.doc[i]))
                entity = self.lookup(name_words(span), span.start_char) if span is not None and len(span) else None
                if entity is not None:
                    keys.add(entity.key)
        return frozenset(keys)

    def known_word(self, token: Token) -> Entity | None:
        """The entity a capitalised word the tagger took for no name stands for, if it is a
        surname or name already known ("Sands" glued to markup)."""
        word = trim_junk(token.text)
        if not word[:1].isupper() or title_word(word):
            return None
        return self.lookup((word.lower().replace("’", "'"),), token.idx)

    def by_description(self, head: Token) -> Entity | None:
        """A person or organisation a description refers to ("the senator", "the union").

        The most recent entity named before it with that word among its titles or in its
        name; failing that, the only entity in the whole article that fits.
        """
        noun = head.lemma_.lower()
        is_body = noun in ORG_NOUNS
        if head.tag_ == "NNS" and not is_body:
            return None  # "police say", "Sands supporters": many people, not the one with that title
        # "the band leader" is no party leader: a noun before the head must fit as well
        kinds = [c.lemma_.lower() for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        # "the festival" for the Harbor Film Festival: a body's name ends in the noun that says what it is
        fits = [e for e in self.entities
                if (e.is_org == is_body or not is_body)
                and (noun in e.titles or (is_body and noun in e.words) or (e.is_org and e.words[-1] == noun))
                and all(w in e.titles or w in e.words for w in kinds)]
        if not fits:
            return None
        keys = {e.key for e in fits}
        for _, entity, _ in self._names_before(head.idx):
            if entity.key in keys:
                return entity
        return fits[0] if len(fits) == 1 else None
