"""Rules that read a cue in the quote's own sentence: the speech verb and its subject
(``cue-subject``), "according to X" (``according-to``), a verb that frames a quoted phrase
without reporting speech (``frame-verb``), and a speech noun with an owner (``speech-noun``).

``sieves`` runs them in order (the cases each handles are tables in the tests); the grammar they read is ``cue_grammar.CueGrammar``'s. ``frame-verb`` and ``speech-noun``
share one climb from the quoted words (``_framing``): what it meets first, a verb or a speech
noun with its owner, says which of the two rules it is.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import chain, islice, pairwise

from spacy.tokens import Token

from ..lexicon.cues import NAMING_VERBS, SPEECH_NOUNS, is_according_to, is_speech_verb
from ..lexicon.function_words import FREE_RELATIVES, RELATIVE_PRONOUNS, WEAK_SUBJECTS
from ..lexicon.grammar import NAMED_DEPS, NOUN_COMPLEMENT_DEPS, SUBJECT_DEPS
from .mentions import Who, silent_document
from ..people.person_words import could_speak, person_noun
from .context import Context, Decision, antecedent, chars, resolved_to_nothing

_OWNER_REACH = 6  # heads climbed from a thing to the clause subject who has it
_FRAMING_REACH = 12  # heads climbed from a partial quote's words to the verb framing it; a bound so that a
# pathological parse stays linear
_NOUN_AROUND_REACH = 4  # heads from a partial quote's words up to the speech noun it stands in: "his 'no' remark"


def cue_subject(ctx: Context, k: int) -> Decision | None:
    """The subject of a speech verb in the quote's own sentence, the likeliest cue first."""
    if ctx.partial(k) and ctx.grammar.framed_inside(k):
        return None  # "she said Roe called her 'Lady Muffin'": the framing verb's subject (frame-verb)
    fallback = None
    for cue in _inverted_first(ctx, k, ctx.grammar.cues(k, is_speech_verb)):
        subject = ctx.grammar.subject(cue, k) or _name_tagged_adverb(ctx, cue)
        if subject is None:
            continue
        decision = Decision("cue-subject", ctx.speaker(subject, k), chars(cue))
        stand_in = antecedent(subject)
        if subject.lower_ in ("that", "which") and stand_in.i != subject.i \
                and resolved_to_nothing(stand_in, decision.speaker):
            # "the group is airing an ad that says '...'": whoever has the thing speaks
            owner = _thing_owner(ctx, stand_in, k)
            if owner is not None:
                decision = Decision("cue-subject", ctx.speaker(owner, k), chars(cue))
                stand_in = owner
        if stand_in.lower_ not in WEAK_SUBJECTS and not silent_document(stand_in):
            return decision
        fallback = fallback or decision  # "it" says: only when no person does
    return fallback


def _inverted_first(ctx: Context, k: int, cues: list[Token]) -> list[Token]:
    """A speech verb right after the closing mark ('"...?" asked Ana') is the quote's own tag,
    whatever the parser hung the words on ("- as critics allege - '...?' asked Ana")."""
    after = ctx.layout.frames[k].after
    if not after or not cues or cues[0].i == after.start:
        return cues
    tag = ctx.doc[after.start]
    if tag not in cues or not any(c.dep_ in SUBJECT_DEPS and c.i > tag.i for c in tag.children):
        return cues
    return [tag] + [c for c in cues if c.i != tag.i]


def according_to(ctx: Context, k: int) -> Decision | None:
    """The object of "according to" in the quote's sentence."""
    cue = ctx.grammar.nearest(k, is_according_to)
    if cue is None:
        cue = ctx.grammar.in_sentence(k, is_according_to)  # past an earlier quote of the same sentence
    if cue is None:
        return None
    objects = [c for c in cue.children if c.dep_ == "pobj"]
    target = objects[0] if objects else (cue.nbor(1) if cue.i + 1 < len(ctx.doc) else None)
    if target is None or ctx.layout.quoted(target):
        return None
    return Decision("according-to", ctx.speaker(target, k), (cue.nbor(-1).idx, cue.idx + len(cue)))


@dataclass(frozen=True)
class _Framing:
    """What the climb from a partial quote's words met first that ties them to someone: who,
    the word that ties them (a verb, or a speech noun), and whether that word is a speech noun
    whose owner's own words they are (``speech-noun``) rather than a verb framing them
    (``frame-verb``)."""

    speaker: Who
    cue: tuple[int, int]
    owners_words: bool = False


def _framing(ctx: Context, k: int) -> _Framing | None:
    """A partial quote: the first verb above its words that can frame it, and its subject; or a
    speech noun with a named owner met on the way, whose words they are."""
    if not ctx.partial(k):
        return None
    frame = ctx.layout.frames[k]
    # climb from the quote's words to the first outside verb with a subject that can speak;
    # copulas are passed over ("Maddox was 'disgusting'", tweeted Hart)
    words = ctx.doc[frame.first]
    first = None
    for below, token in pairwise(chain((words,), islice(words.ancestors, _FRAMING_REACH))):
        if _named_owner(token) is not None and not ctx.layout.quoted(token) \
                and (below.i < token.i or below.dep_ in NOUN_COMPLEMENT_DEPS):
            # "X seized on Hart's claim that '...'": the words are the named owner's
            return _Framing(ctx.speaker(_named_owner(token), k), chars(token), owners_words=True)
        if ctx.layout.quoted(token) or token.pos_ not in ("VERB", "AUX"):
            continue
        aside = ctx.grammar.parenthetical(token)
        if aside is not None:
            subject = ctx.grammar.subject(aside, k)
            if subject is not None and antecedent(subject).lower_ not in RELATIVE_PRONOUNS | WEAK_SUBJECTS:
                return _Framing(ctx.speaker(subject, k), chars(aside))
        if token.lemma_ == "be":
            continue
        subject = ctx.grammar.subject(token, k) or _name_tagged_adverb(ctx, token)
        if subject is not None and subject.lower_ == "it" and first is None:
            # "it" framing a phrase counts when it stands for a body: "the IMF ... it referenced '...'"
            who = ctx.speaker(subject, k)
            if who.entity is not None and who.entity.is_org:
                return _Framing(who, chars(token))
        # a free relative as subject ("talked about what will happen 'if we lose'") names no one: climb on
        if subject is not None and antecedent(subject).lower_ not in RELATIVE_PRONOUNS | WEAK_SUBJECTS | FREE_RELATIVES:
            claim = _owned_claim_above(ctx, token)
            if claim is not None:
                # "Roe's claim that thousands 'cheered in the streets'": Roe's words, not the thousands'
                return _Framing(ctx.speaker(claim[1], k), chars(claim[0]), owners_words=True)
            reported = _reporter(ctx, token, k)
            if reported is not None:
                return reported
            found = _Framing(ctx.speaker(subject, k), chars(token))
            if not resolved_to_nothing(antecedent(subject), found.speaker):
                return found
            # "a report found that money was coming from '...'": money frames nothing; climb on
            if first is None and person_noun(antecedent(subject)):
                first = found  # "a friend described him as '...'": an unnamed person, if no one else
    return first  # a thing alone ("the choice was between calling him '...'"): the later rules decide


def frame_verb(ctx: Context, k: int) -> Decision | None:
    """A partial quote: the subject of the first verb above its words that can frame it, unless
    the climb meets a speech noun's owner first (``speech_noun``, next in order)."""
    found = ctx.once(k, _framing)
    if found is None or found.owners_words:
        return None
    return Decision("frame-verb", found.speaker, found.cue)


def _name_tagged_adverb(ctx: Context, verb: Token) -> Token | None:
    """A known person's name before a verb with no subject, that the tagger took for an adverb
    ("Long described it as ...", "And Wise called him ..."): the verb's subject after all."""
    for child in verb.children:
        if child.i > verb.i:
            break
        if child.dep_ == "advmod" and child.pos_ in ("ADV", "ADJ") and not ctx.layout.quoted(child):
            entity = ctx.people.known_word(child)
            if entity is not None and not entity.is_org:
                return child
    return None


def _reporter(ctx: Context, verb: Token, k: int) -> _Framing | None:
    """A verb that neither reports speech nor names, inside the report of a speech verb with
    a subject: "Ana said the plan would 'bleed us dry'" quotes Ana, not the plan."""
    if is_speech_verb(verb) or verb.lemma_.lower() in NAMING_VERBS:
        return None
    outer = ctx.grammar.reporting(verb)
    if outer is None:
        return None
    subject = ctx.grammar.subject(outer, k)
    if subject is None or antecedent(subject).lower_ in RELATIVE_PRONOUNS | WEAK_SUBJECTS:
        return None
    return _Framing(ctx.speaker(subject, k), chars(outer))


def _thing_owner(ctx: Context, thing: Token, k: int) -> Token | None:
    """The subject of the clause a thing sits in, climbing past things: "Ana is airing an ad
    that ...", "Ana said the city lost a voice that ...": Ana."""
    for token in islice(thing.ancestors, _OWNER_REACH):
        if token.pos_ not in ("VERB", "AUX") or ctx.layout.quoted(token):
            continue
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and c.i != thing.i
                    and not ctx.layout.quoted(c) and could_speak(c)]
        if subjects and subjects[0].lower_ not in RELATIVE_PRONOUNS | WEAK_SUBJECTS \
                and not resolved_to_nothing(subjects[0], ctx.speaker(subjects[0], k)):
            return subjects[0]
    return None


def speech_noun(ctx: Context, k: int) -> Decision | None:
    """A quoted phrase that is a speech noun's own words: its owner. In order: a named owner's
    speech noun the climb from a partial quote meets before any verb frames it ("X seized on
    Hart's claim that '...'", "Roe's claim that thousands 'cheered'"); a speech noun the phrase
    stands in, with no verb between ("Vale's 'if you like your plan' promise"); the owner of a
    speech noun before the quote in its sentence ("Ana's main claim is that it is 'a fraud'")."""
    if ctx.partial(k):
        found = ctx.once(k, _framing)
        if found is not None and found.owners_words:
            decision = Decision("speech-noun", found.speaker, found.cue)
            if decision.known:
                return decision
        inside = _noun_around(ctx, k)
        if inside is not None:
            decision = Decision("speech-noun", ctx.speaker(inside[1], k), chars(inside[0]))
            if decision.known:
                return decision
    owner = _speech_noun_owner_before(ctx, k)
    if owner is not None:
        decision = Decision("speech-noun", ctx.speaker(owner, k), None)
        if decision.known:
            return decision
    return None


def _noun_around(ctx: Context, k: int) -> tuple[Token, Token] | None:
    """The speech noun a partial quote stands in, with no verb between, and its owner: "his 'fire
    in a theater' remark" -> (remark, his). Only the nearest such noun is looked at."""
    words = ctx.doc[ctx.layout.frames[k].first]
    for below, token in pairwise(chain((words,), islice(words.ancestors, _NOUN_AROUND_REACH))):
        if below.pos_ in ("VERB", "AUX") and not ctx.layout.quoted(below):
            return None
        if ctx.layout.quoted(token) or token.pos_ != "NOUN" or token.lemma_.lower() not in SPEECH_NOUNS:
            continue
        owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")), None)
        if owner is not None and not ctx.layout.quoted(owner):
            return token, owner
    return None


def _speech_noun_owner_before(ctx: Context, k: int) -> Token | None:
    """The owner of a speech noun earlier in the quote's sentence, with no speech verb
    between: "Ana's main claim is that the plan is 'a fraud'", "after her comment that, '...'"."""
    found = _speech_words_before(ctx)[ctx.layout.frames[k].first]
    if found < 0:
        return None
    t = ctx.doc[found]
    if is_speech_verb(t):
        return None
    return next((c for c in t.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")
                 and not ctx.layout.quoted(c)), None)


def _speech_words_before(ctx: Context) -> list[int]:
    """For each token, the nearest speech verb or speech noun before it in its own sentence and
    paragraph, outside every quote (-1: none). One pass per article, kept in ``layout.memo``, so a
    sentence of many quotes is not scanned back once per quote."""
    layout = ctx.layout
    cached = layout.memo.get("speech_words_before")
    if cached is not None:
        return cached
    para_of = layout.para_of
    before = [-1] * len(ctx.doc)
    last = -1
    for t in ctx.doc:
        i = t.i
        if t.is_sent_start or (i > 0 and para_of[i] != para_of[i - 1]):
            last = -1
        before[i] = last
        if not layout.quoted(t) and (is_speech_verb(t) or (t.pos_ == "NOUN" and t.lemma_.lower() in SPEECH_NOUNS)):
            last = i
    layout.memo["speech_words_before"] = before
    return before


def _owned_claim_above(ctx: Context, verb: Token) -> tuple[Token, Token] | None:
    """A speech noun with an owner whose own clause holds ``verb``, and that owner: "Roe's
    assertion that thousands cheered", "her claim that the plan failed". Not past a verb
    that reports or names (a report inside the claim is its own)."""
    for below, token in pairwise(chain((verb,), islice(verb.ancestors, _OWNER_REACH))):
        if ctx.layout.quoted(token):
            return None
        if token.pos_ in ("VERB", "AUX") and (is_speech_verb(token) or token.lemma_.lower() in NAMING_VERBS):
            return None
        if token.pos_ == "NOUN" and token.lemma_.lower() in SPEECH_NOUNS and below.dep_ in NOUN_COMPLEMENT_DEPS:
            if token.dep_ in NAMED_DEPS and token.head.lemma_.lower() in NAMING_VERBS:
                return None
            owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")
                          and not ctx.layout.quoted(c)), None)
            return (token, owner) if owner is not None else None
    return None


def _named_owner(noun: Token) -> Token | None:
    """The name owning a speech noun: "Hart" of "Hart's claim"."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SPEECH_NOUNS:
        return None
    if noun.dep_ in NAMED_DEPS and noun.head.lemma_.lower() in NAMING_VERBS:
        return None  # "Y called Hart's remarks 'racist'": Y's word for them
    return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
