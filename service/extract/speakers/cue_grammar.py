"""How a quote's sentence reads: the speech verbs (cues) around a quoted run, the verb a run hangs
on, and a verb's subject.

Owns reading the grammar with care (relative pronouns, passive agents, subjects after the verb or
past a fronted phrase, names in apposition, a parenthetical "X said", reports that have not
happened, naming verbs): which subject a cue has, not who it means (``mentions.Resolver``'s) nor
which rule decides (``sieves``'). A sentence's first cue is read once for all its quotes, a verb's
children through the article's ``ParseIndex``, so a verb with a thousand quotes costs no more per
quote than one with one. The cases are tables in tests/test_cues.py, test_sieves.py and
test_speakers.py. Not handled: a speech verb in a relative clause on a thing inside a report
("said he saw schools that reminded him of '...'").
"""
from __future__ import annotations

from itertools import chain, islice
from typing import Callable

from spacy.tokens import Doc, Token

from ..article import Article
from ..lexicon.cues import NAMING_VERBS, SPEAKER_PASSIVES, is_speech_verb
from ..lexicon.function_words import RELATIVE_OBJECTS
from ..lexicon.grammar import (COMPLEMENT_CLAUSE_DEPS, PLACE_ENTS, PREMODIFIER_DEPS, RELATIVE_CLAUSE_DEPS,
                               REPORTED_CLAUSE_DEPS, SHARED_SUBJECT_DEPS, SUBJECT_DEPS, TIME_ENTS)
from ..lexicon.people import NON_PERSON_NOUNS
from ..quotes.frames import Layout
from ..parse_index import ParseIndex
from ..people.person_words import aged, could_speak, names_no_one, plain_thing_noun

_INVERTED_REACH = 7  # "said" + this many tokens may hold its subject: "added another New Hampshire Democrat"
_ASIDE_REACH = 4  # "Mr. Roe said" after a closing mark
_TAG_WORDS = 6  # words after the verb of a tag that follows a quote ending in "." ("Ana said in a statement on Friday.")
_CLOSE_AFTER = 6  # a cue further after the quote than this many tokens belongs to another clause
_CLIMB_REACH = 12  # heads climbed from a quote's words to its cue, which stands a few clauses up at most; a bound
# so that a pathological parse stays linear
_REPORT_REACH = 4  # clauses climbed from a verb to the speech verb reporting it: "said she thought that voters would"
_SUBJECT_REACH = 5  # the cue and the verbs above it whose subject may speak for it, within its paragraph
_NAME_BEFORE_REACH = 4  # tokens before a cue that may name its speaker when the parse gave none: "Sen. Ana Ruiz said"
_CONJUNCT_REACH = 3  # heads above "He said A and said B"'s second "said" where the first may stand
_APPOSITION_REACH = 12  # tokens back from an appositive's closing comma to the name it follows: "Dunn, a top surrogate,"
_PARENTHESIS_REACH = 8  # tokens back from a closing parenthesis to its opening one: "(D-Ore.)"


class CueGrammar:
    """The cue and subject readings of one article's quotes (``k`` is a quote's index in the layout)."""

    def __init__(self, article: Article, layout: Layout) -> None:
        self.doc = article.doc
        self.index = article.index
        self.layout = layout
        # (test, sentence start, paragraph) -> in_sentence's answer, the same for every quote there
        self._in_sentence: dict[tuple[Callable[[Token], bool], int, int], Token | None] = {}

    def nearest(self, k: int, test: Callable[[Token], bool]) -> Token | None:
        return next(iter(self.cues(k, test)), None)

    def cues(self, k: int, test: Callable[[Token], bool]) -> list[Token]:
        """Cue tokens for a quote, the likeliest first: the verb the quote hangs on (after an
        aside of its own, "..., she said", when that verb stands before the quote), then the
        frame's tokens close after the quote, then those before it from the nearest, then the rest."""
        frame = self.layout.frames[k]
        doc = self.doc
        order: list[Token] = []
        governor = self.governor(k, test)
        aside = self._aside(k, test)
        if aside is not None and governor is not None and governor.i < frame.first:
            order.append(aside)  # "X praised 'A' - 'B,' he said": B's cue is the aside
        if governor is not None:
            outer = self.reporting(governor) if _unrealised(self.index, governor) else None
            order += [outer, governor] if outer is not None else [governor]
        after = [doc[i] for i in frame.after if not self.reports_another(doc[i], k)]
        order += [t for t in after if t.i < frame.after.start + _CLOSE_AFTER and test(t)]
        order += [doc[i] for i in reversed(frame.before) if test(doc[i])]
        order += [t for t in after if t.i >= frame.after.start + _CLOSE_AFTER and test(t)]
        seen: set[int] = set()
        return [t for t in order if not (t.i in seen or seen.add(t.i))]

    def reports_another(self, verb: Token, k: int) -> bool:
        """A verb after a quote that closes its sentence ('... campaign." Ana said she would
        ...') with a report of its own: it opens the next sentence, not the quote's cue."""
        run = self.layout.runs[k]
        if not self.layout.text[run.start:run.end].rstrip().endswith("."):
            return False
        if any(c.dep_ == "ccomp" and c.i > verb.i and not self.layout.quoted(c) for c in verb.children):
            return True
        # '... for us." Work goes on to find the money.': a sentence of its own that
        # runs on well past its verb is news, not a tag ("Ana said.", "said Ana Ruiz, the chair.")
        end = self.index.sentence_end(verb)
        words = [i for i in range(verb.i + 1, end) if self.doc[i].is_alpha
                 and self.layout.para_of[i] == self.layout.para_of[verb.i]]
        inverted = verb.i + 1 < len(self.doc) and self.doc[verb.i + 1].pos_ == "PROPN"
        return not inverted and len(words) > _TAG_WORDS

    def parenthetical(self, verb: Token) -> Token | None:
        """A speech verb with a subject set into ``verb``'s clause: "The mayor, Lee said, had
        sat on the council for 'far too long'" is Lee's report."""
        for child in self.index.children_with(verb, ("parataxis",)):
            if is_speech_verb(child) and not self.layout.quoted(child) \
                    and any(c.dep_ == "nsubj" and not self.layout.quoted(c) for c in child.children):
                return child
        return None

    def _aside(self, k: int, test: Callable[[Token], bool]) -> Token | None:
        """A cue set right after the closing mark with its subject before it: "..., he said"
        (a quote ending on a comma: one ending a sentence leaves the next sentence's verb alone)."""
        run = self.layout.runs[k]
        if not self.layout.text[run.start:run.end].rstrip().endswith(","):
            return None
        after = self.layout.frames[k].after
        for i in after[:_ASIDE_REACH]:
            verb = self.doc[i]
            if test(verb):
                # the subject opens the aside: not "..., but he said", "..., while 61 percent said"
                subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.left_edge.i == after.start]
                return verb if subjects else None
        return None

    def reporting(self, verb: Token) -> Token | None:
        """The speech verb whose reported clause holds ``verb``, with a subject of its own:
        "Roe said she thought that voters would answer 'never'" is Roe's report."""
        below = verb
        for v in islice(verb.ancestors, _REPORT_REACH):
            if below.dep_ not in REPORTED_CLAUSE_DEPS or self.layout.quoted(v):
                return None
            if is_speech_verb(v) and not _unrealised(self.index, v) and any(c.dep_ in SUBJECT_DEPS for c in v.children):
                return v
            below = v
        return None

    def governor(self, k: int, test: Callable[[Token], bool]) -> Token | None:
        """The first cue up the parse from the quote's words, within the quote's frame:
        in "Dunn said Hart was 'absolutely right' when he said ...", Dunn's "said"."""
        frame = self.layout.frames[k]
        for token in islice(self.doc[frame.first].ancestors, _CLIMB_REACH):
            if self.layout.quoted(token):
                continue
            if token.i not in frame.before and token.i not in frame.after and not self.same_sentence(token, k):
                return None
            if test(token):
                return token
        return None

    def framed_inside(self, k: int) -> bool:
        """A verb that frames without reporting speech ("called", "branded") stands between the
        quoted words and the nearest speech verb above them, with a subject of its own."""
        for token in islice(self.doc[self.layout.frames[k].first].ancestors, _CLIMB_REACH):
            if self.layout.quoted(token) or token.pos_ not in ("VERB", "AUX"):
                continue
            if is_speech_verb(token):
                return False
            if token.lemma_.lower() in NAMING_VERBS:
                subject = next((c for c in token.children if c.dep_ == "nsubj" and not self.layout.quoted(c)), None)
                return subject is not None and (subject.pos_ != "PRON" or _own_naming(token, subject))
        return False

    def in_sentence(self, k: int, test: Callable[[Token], bool]) -> Token | None:
        """The first token of the quote's sentence and paragraph, outside every quote, that passes ``test``."""
        first = self.doc[self.layout.frames[k].first]
        para = self.layout.para_of[first.i]
        sent = self.index.sentence_of(first)
        key = (test, sent.start, para)
        if key not in self._in_sentence:
            self._in_sentence[key] = next(
                (t for t in sent if not self.layout.quoted(t) and self.layout.para_of[t.i] == para and test(t)), None)
        return self._in_sentence[key]

    def same_sentence(self, token: Token, k: int) -> bool:
        """A token of the quote's own sentence that the frame left out, since another quote
        stands between: "Orr said it was 'absolutely clear' that Lee faced a 'slam-dunk'"."""
        first = self.doc[self.layout.frames[k].first]
        return self.index.sentence_start(token) == self.index.sentence_start(first) \
            and self.layout.para_of[token.i] == self.layout.para_of[first.i]

    def subject(self, verb: Token, k: int) -> Token | None:
        """The speaker-to-be of a cue: its subject, or the subject of what it hangs on."""
        named = self._ing_on_name(verb)
        if named is not None:
            return named
        if verb.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            shared = self._shared_subject(verb)
            if shared is not None:
                return shared
        return self._climbed_subject(verb, k)

    def _ing_on_name(self, verb: Token) -> Token | None:
        """The name an -ing cue describes: "footage of Ann Lee asking, '...'", however parsed."""
        if verb.tag_ != "VBG":
            return None
        if verb.dep_ == "acl" and verb.head.pos_ == "PROPN" and not self.layout.quoted(verb.head):
            return verb.head
        before = verb.doc[verb.i - 1] if verb.i > 0 else None
        if before is not None and before.ent_type_ == "PERSON" and before.dep_ == "pobj" \
                and before.head.lower_ == "of" and not self.layout.quoted(before):
            return before  # parsed as "uses footage ... asking"
        return None

    def _shared_subject(self, verb: Token) -> Token | None:
        """The subject an -ing cue with none of its own shares ("..., boasting of their 'great
        relationship'"): that of the clause it hangs on ("he continued his assault, mocking ... and
        saying"), else that of the sentence's main clause."""
        layout = self.layout
        below = verb
        for v in verb.ancestors:
            if below.dep_ not in SHARED_SUBJECT_DEPS or v.pos_ not in ("VERB", "AUX"):
                break
            if v.dep_ in RELATIVE_CLAUSE_DEPS \
                    or any(c.lower_ in ("where", "when") and c.dep_ == "advmod" for c in v.children):
                own = self._relative_speaker(v)
                if own is not None:
                    return own  # "a briefing at which he kept up his attack, mocking ..."
                break  # a clause that only describes something ("an architect who said")
            subjects = [c for c in v.children if c.dep_ in SUBJECT_DEPS and not layout.quoted(c)]
            if subjects and not layout.quoted(v):
                agent = _naming_agent(self.index, v)  # "X was called a fraud by Y for promoting '...'": Y
                if agent is not None and not layout.quoted(agent):
                    return agent
                reporter = self._thing_reporter(v, subjects)
                return reporter if reporter is not None else _not_place(subjects)
            below = v
        root = self.index.sentence_root(verb)
        subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS and not layout.quoted(c)]
        if root.i != verb.i and not layout.quoted(root) and subjects:
            agent = _naming_agent(self.index, root)
            return agent if agent is not None and not layout.quoted(agent) else _not_place(subjects)
        return None

    def _relative_speaker(self, clause: Token) -> Token | None:
        """A person as the subject of a relative clause: "he" in "a briefing at which he renewed his attack"."""
        if clause.dep_ != "relcl":
            return None
        return next((c for c in clause.children if c.dep_ == "nsubj" and not self.layout.quoted(c)
                     and (c.lower_ in ("he", "she", "they") or c.ent_type_ == "PERSON")), None)

    def _climbed_subject(self, verb: Token, k: int) -> Token | None:
        """The subject or agent of the cue, else of a verb above it in its paragraph, else what the
        relative clause on the way describes; failing all, a name beside the cue."""
        start = _conjunct_speech(verb, self.layout.para_of) or verb
        for v in islice(chain((start,), start.ancestors), _SUBJECT_REACH):
            if v.pos_ in ("VERB", "AUX"):
                agent = self._lent_agent(v, verb)
                if agent is not None and not self.layout.quoted(agent):
                    return agent  # "Lee was asked by the host": the host speaks
                if v.i == verb.i and agent is None and _addressed(self.index, v):
                    return None  # "X was asked '...'", "X was greeted with chants of '...'": not X's words
                found = self._verb_subject(v, verb, k)
                if found is not None:
                    return found
            described = self._described(v)
            if described is not None:
                return described  # "Hart, boasting of ..."
            if self.layout.quoted(v.head) or v.dep_ == "ROOT" \
                    or self.layout.para_of[v.head.i] != self.layout.para_of[verb.i]:  # a parse run on past the paragraph
                break
        return self.adjacent_name(verb, k)

    def _lent_agent(self, v: Token, verb: Token) -> Token | None:
        """The "by" phrase of the cue, or of a verb climbed to that reports or names (not "X was
        joined by Y and joked")."""
        if v.i == verb.i or is_speech_verb(v) or v.lemma_.lower() in NAMING_VERBS:
            return _agent(self.index, v)
        return None

    def _verb_subject(self, v: Token, verb: Token, k: int) -> Token | None:
        """The speaker among ``v``'s subjects: a name set after the cue past a fronted phrase, the
        reporter of a clause whose subject is a mere thing, else the subject nearest the verb."""
        layout = self.layout
        # a live blog's time stamp the parser takes for a subject ("12:15 p.m. ¶ Hart says") is no speaker
        subjects = [c for c in self.index.children_with(v, SUBJECT_DEPS) if not layout.quoted(c)
                    and not _in_title(c, layout.text) and (c.ent_type_ not in TIME_ENTS or aged(c))]
        if v.i == verb.i:
            inverted = _inverted_name(self.index, v, subjects)
            if inverted is not None and not layout.quoted(inverted):
                return inverted  # "Any fair reading, said Jane Roe, an analyst, would ...": Roe
            if subjects and all(plain_thing_noun(s) for s in subjects):
                outer = self._outer_report(v, k)
                if outer is not None:
                    return outer  # "Ana warned that the flooding shows a need for '...'": Ana
        return self.best_subject(subjects, v) if subjects else None  # "Beck, who said": through its antecedent

    def _described(self, v: Token) -> Token | None:
        """The name or pronoun a relative or participle clause hangs on, when it could speak."""
        head = v.head
        if v.dep_ in RELATIVE_CLAUSE_DEPS and not self.layout.quoted(head) and could_speak(head) \
                and (head.pos_ != "NOUN" or head.lemma_.lower() not in NON_PERSON_NOUNS) \
                and (head.pos_ in ("PROPN", "PRON") or head.ent_type_ in ("PERSON", "ORG", "NORP")):
            return head
        return None

    def _outer_report(self, verb: Token, k: int) -> Token | None:
        """The speaker of the speech verb whose reported clause holds ``verb``, when ``verb``'s
        own subject is a mere thing: a thing that "shows" or "underscores" speaks for no one."""
        outer = verb.head
        if verb.dep_ != "ccomp" or not outer.i < verb.i \
                or self.index.sentence_start(outer) != self.index.sentence_start(verb) \
                or not is_speech_verb(outer) or self.layout.quoted(outer):
            return None
        found = self.subject(outer, k)
        return found if found is not None and could_speak(found) and not plain_thing_noun(found) else None

    def _thing_reporter(self, clause: Token, subjects: list[Token]) -> Token | None:
        """The subject of the speech verb reporting ``clause``, when the clause's own subjects are
        mere things: in "Ana argued that a registry would help, saying '...'" Ana says it, not the
        database."""
        if clause.dep_ != "ccomp" or not all(names_no_one(s) for s in subjects):
            return None
        outer = clause.head
        if not is_speech_verb(outer) or self.layout.quoted(outer):
            return None
        found = [c for c in outer.children if c.dep_ in SUBJECT_DEPS and not self.layout.quoted(c)]
        return found[0] if found and could_speak(found[0]) else None

    def best_subject(self, subjects: list[Token], verb: Token) -> Token:
        """One subject of a verb the parser gave several ("Kemp: ..." in a headline and the
        "Gov. Kemp" before "said"): one in the verb's paragraph, not a place, nearest the verb."""
        if len(subjects) == 1:
            return subjects[0]
        para = self.layout.para_of[verb.i]
        return min(subjects, key=lambda s: (self.layout.para_of[s.i] != para, s.ent_type_ in PLACE_ENTS, abs(s.i - verb.i)))

    def adjacent_name(self, verb: Token, k: int) -> Token | None:
        """Parse failed: the name right after the verb ("said Hart") or right before it."""
        doc, layout = self.doc, self.layout
        frame = layout.frames[k]
        inverted = verb.i in frame.after and (verb.i == frame.after.start
                                              or (verb.i == frame.after.start + 1 and doc[frame.after.start].is_punct))
        if inverted:
            i, stop = verb.i + 1, min(verb.i + _INVERTED_REACH, frame.after.stop)
            while i < stop and not layout.quoted(doc[i]) and doc[i].text not in (",", ".", ";"):
                head = _phrase_head(doc[i], stop)  # "added another New Hampshire Democrat"
                if could_speak(head):
                    return head
                i = max(i, head.i) + 1
        i = verb.i - 1
        if i > 0 and doc[i].text == ")":
            i = _before_parenthesis(doc, i)  # "Sen. Ana Ruiz (D-Ore.) said": not "Ore."
        if i > 0 and doc[i].text == ",":
            i = _before_apposition(doc, i)  # "Dunn, a top surrogate, said"
        for i in range(i, max(i - _NAME_BEFORE_REACH, -1), -1):
            if layout.quoted(doc[i]):
                break
            if could_speak(doc[i]) and (doc[i].pos_ != "NOUN" or (i == verb.i - 1 and _determined(doc[i]))):
                return doc[i]  # a noun only right before the verb: "..., the candidate stated"
        return None


def _not_place(subjects: list[Token]) -> Token:
    """The first of a verb's subjects that is not a place: a dateline the parser took for one
    ("PARIS (AP) - Ana Ruiz has criticised ..., saying") speaks for no one."""
    return next((s for s in subjects if s.ent_type_ not in PLACE_ENTS), subjects[0])


def _inverted_name(index: ParseIndex, verb: Token, subjects: list[Token]) -> Token | None:
    """The name right after a speech verb set off by commas when the parser took a fronted
    phrase for its subject: in "Any fair reading of it, said Jane Roe, an analyst, would
    ...", Roe speaks, not the reading. Only when every parsed subject before the verb is a
    common noun that names no one, and the name closes its phrase with a comma or the sentence."""
    doc = verb.doc
    if verb.i < 1 or verb.i + 1 >= len(doc) or doc[verb.i - 1].text != ",":
        return None
    before = [s for s in subjects if s.i < verb.i]
    if not before or not all(plain_thing_noun(s) for s in before):
        return None
    head = _phrase_head(doc[verb.i + 1], index.sentence_end(verb))
    if head.ent_type_ != "PERSON" or head.pos_ != "PROPN":
        return None
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    return head if after is None or after.text in (",", ".", ";") or after.is_space else None


def _own_naming(verb: Token, pronoun: Token) -> bool:
    """A naming verb whose pronoun subject names in a clause of its own ("Ana said the plan
    failed, but he called it 'a triumph'"), not in the reporter's hedge on a term ("Ana
    condemned what she called 'a breach'", "which he called"), whose pronoun is the reporter
    again, nor through a relative pronoun ("Roe, who called it ..."), left to the report."""
    if pronoun.tag_ != "PRP":
        return False
    return verb.dep_ != "relcl" and not any(c.lower_ in RELATIVE_OBJECTS for c in verb.children)


def _unrealised(index: ParseIndex, verb: Token) -> bool:
    """A speech verb that reports no speech yet: "will say", "would tell", "to say", "urged them to say"."""
    return index.has_child(verb, dep="neg", tag="MD") or verb.dep_ == "xcomp"


def _addressed(index: ParseIndex, verb: Token) -> bool:
    """A passive speech verb whose subject is spoken to, not speaking: "was asked", "was told"."""
    return verb.lemma_.lower() not in SPEAKER_PASSIVES and index.has_child(verb, dep="nsubjpass")


def _agent(index: ParseIndex, verb: Token) -> Token | None:
    """The "by" phrase of a passive verb: who did the asking in "X was asked by Y"."""
    for child in index.children_with(verb, ("agent",)):
        objs = [c for c in child.children if c.dep_ == "pobj"]
        if objs:
            return objs[0]
    return None


def _conjunct_speech(verb: Token, para_of: list[int]) -> Token | None:
    """The first speech verb of "He said A and said B" when the parser hung the second "said"
    on a verb inside A: the speech verb up the tree whose subject the second one shares, in
    the same paragraph (a parse run on from the paragraph before shares no subject)."""
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS for c in verb.children) or not is_speech_verb(verb):
        return None
    v = verb.head
    if is_speech_verb(v) or v.dep_ not in COMPLEMENT_CLAUSE_DEPS:
        return None
    for v in islice(v.ancestors, _CONJUNCT_REACH):
        if para_of[v.i] != para_of[verb.i]:
            return None
        if is_speech_verb(v) and any(c.dep_ in SUBJECT_DEPS for c in v.children):
            return v
    return None


def _in_title(token: Token, text: str) -> bool:
    """A word right after an opening mark that is no quote of ours: a show's or a book's title
    ("said on Channel 9's “Morning Crew”"), never a speaker. ``text`` is the article's text."""
    return token.idx > 0 and text[token.idx - 1] in "“\"‘"


def _naming_agent(index: ParseIndex, verb: Token) -> Token | None:
    """Who did the naming in "X was called a fraud by Y": Y; not for other passives ("X was
    investigated by Y for promoting '...'" is still X's doing)."""
    return _agent(index, verb) if verb.lemma_.lower() in NAMING_VERBS else None


def _before_apposition(doc: Doc, comma: int) -> int:
    """The token before an appositive set off by commas and ending at ``comma``, or the one
    before ``comma`` when there is none."""
    for i in range(comma - 1, max(comma - _APPOSITION_REACH, 0), -1):
        if doc[i].text == "," and doc[i - 1].pos_ == "PROPN":
            return i - 1
        if doc[i].text in (".", ";", ":") or doc[i].is_space:
            break
    return comma - 1


def _before_parenthesis(doc: Doc, close: int) -> int:
    """The token before the parenthesis that ``close`` ends, or ``close`` when it opens no one."""
    for i in range(close - 1, max(close - _PARENTHESIS_REACH, 0), -1):
        if doc[i].text == "(":
            return i - 1
        if doc[i].text in (")", ".", ";") and not doc[i].is_alpha:
            break
    return close


def _determined(noun: Token) -> bool:
    """A singular noun with "the" or an owner: "the candidate", "Vale's spokesman"."""
    return noun.tag_ == "NN" and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in noun.children)


def _phrase_head(token: Token, stop: int) -> Token:
    """The head noun a modifier leads to, rightwards and before ``stop``: "New" in "New Hampshire Democrat"."""
    while token.dep_ in PREMODIFIER_DEPS and token.i < token.head.i < stop:
        token = token.head
    return token
