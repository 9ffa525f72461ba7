"""Rules for a quote with no cue of its own, which lean on what came before: the speaker of
the quote it carries on from (``carried-over``), the person the sentence before reports as
speaking (``previous-sentence``), the named subject opening its paragraph
(``paragraph-subject``), for a quoted phrase the person its sentence is about or the last
speaker (``previous-speaker``), and, last, the person named nearest before it
(``nearest-person``).

``sieves`` runs them in order; the cases each handles are tables in the tests (see ``sieves``). The first three share one look back from the quote (``_look_back``): what it meets first
says which of them it is.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from spacy.tokens import Token

from ..lexicon.cues import is_speech_verb
from ..lexicon.function_words import RELATIVE_PRONOUNS, WEAK_SUBJECTS
from ..lexicon.grammar import SUBJECT_DEPS
from ..people.people import how_named
from .mentions import Who
from .context import Context, Decision

_NEAREST_CHARS = 400  # how far back the last-resort rule looks for a named person


class _Met(Enum):
    """What the look back from a quote met first."""

    SPEECH = "an earlier quote, or the cue of one"
    REPORT = "a speech verb with a subject, in a sentence of the reporter's"
    OPENER = "the named subject of the reporter's sentence opening the quote's paragraph"


@dataclass(frozen=True)
class _Earlier:
    """The speaker the look back found, what it met, and the cue and quote it carries on from."""

    met: _Met
    speaker: Who | None
    cue: tuple[int, int] | None = None
    continues: int | None = None


def _looked_back(ctx: Context, k: int) -> _Earlier | None:
    """A quote with no cue of its own: what the look back from it found, read once for the
    three rules it may decide."""
    if ctx.partial(k):
        return None
    return ctx.once(k, _look_back)


def carried_over(ctx: Context, k: int) -> Decision | None:
    """No cue of its own, and an earlier quote or its cue met first: that quote's speaker."""
    found = _looked_back(ctx, k)
    if found is None or found.met is not _Met.SPEECH:
        return None
    return Decision("carried-over", found.speaker, found.cue, continues=found.continues)


def previous_sentence(ctx: Context, k: int) -> Decision | None:
    """No cue of its own, and a sentence reporting speech met first: the subject of its speech verb."""
    found = _looked_back(ctx, k)
    if found is None or found.met is not _Met.REPORT:
        return None
    return Decision("previous-sentence", found.speaker, None)


def paragraph_subject(ctx: Context, k: int) -> Decision | None:
    """No cue of its own, in a paragraph the reporter opens with a named subject: that person."""
    found = _looked_back(ctx, k)
    if found is None or found.met is not _Met.OPENER:
        return None
    return Decision("paragraph-subject", found.speaker, None)


def previous_speaker(ctx: Context, k: int) -> Decision | None:
    """A quote nothing else ties to anyone: the person its sentence is about, when its main
    clause has a named subject before the quote; else the nearest earlier speech, as a last resort."""
    subject = _sentence_subject(ctx, k)
    if subject is not None:
        decision = Decision("previous-speaker", ctx.speaker(subject, k), None)
        if decision.known and decision.speaker.entity is not None:
            return decision
    # looked back afresh, not through ``ctx.once``: the speakers resolved since (a quote with no
    # cue of its own was looked back from already) may change what the look back resolves
    found = _look_back(ctx, k)
    if found is None:
        return None
    return Decision("previous-speaker", found.speaker, None, found.continues)


def _sentence_subject(ctx: Context, k: int) -> Token | None:
    """The subject of the main clause of a partial quote's sentence, a name or a pronoun
    before the quote; the root itself when the parser left a name as the root."""
    first = ctx.doc[ctx.layout.frames[k].first]
    root = ctx.article.index.sentence_root(first)
    if ctx.layout.quoted(root) or root.i > first.i:
        return None
    if root.pos_ in ("VERB", "AUX"):
        subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS and not ctx.layout.quoted(c)), None)
    else:
        subject = root if root.pos_ == "PROPN" else None
    if subject is None or subject.i > first.i or subject.pos_ not in ("PROPN", "PRON", "NOUN") \
            or subject.lower_ in RELATIVE_PRONOUNS | WEAK_SUBJECTS | {"i", "we", "you"}:
        return None
    return subject


def nearest_person(ctx: Context, k: int) -> Decision | None:
    """Nothing ties the quote to anyone: the person named last before it, close by."""
    frame = ctx.layout.frames[k]
    found = ctx.people.nearest(ctx.doc[frame.first].idx, _NEAREST_CHARS)
    if found is None:
        return None
    entity, mention = found
    span = ctx.doc.char_span(*mention, alignment_mode="expand")
    return Decision("nearest-person", Who(entity, None, mention, how_named(entity, span)))


def _look_back(ctx: Context, k: int) -> _Earlier | None:
    """Walking back from a quote, within its paragraph and the one before: on crossing into the
    paragraph before, the named subject opening the quote's own paragraph; else the first earlier
    quote, the cue of one, or a speech verb with a subject in a sentence whose cue attributes no
    quote. None past the paragraph before, or at a quote no rule attributed."""
    layout, doc = ctx.layout, ctx.doc
    frame = layout.frames[k]
    para = layout.para_of[frame.first]
    i = (frame.before.start if frame.before else frame.first) - 1
    while i >= 0 and layout.run_of[i] == k:
        i -= 1
    crossed = False
    while i >= 0:
        tok = doc[i]
        if layout.para_of[i] < para - 1:
            return None
        if layout.para_of[i] < para and not crossed:
            crossed = True
            subject = _paragraph_subject(ctx, k)
            if subject is not None:
                return _Earlier(_Met.OPENER, ctx.speaker(subject, k))
        j = layout.run_of[i]
        if j != -1:
            prev = ctx.decisions[j] if j < len(ctx.decisions) else None
            if prev is None or not prev.known:
                return None
            same_para = layout.para_of[i] == para
            if same_para and not crossed and ctx.partial(j) and not ctx.partial(k):
                # a phrase in marks earlier in the paragraph, then a sentence about a named person:
                # 'Ana spoke of "culture wars". Ruiz knows this. "We must talk."' is Ruiz speaking
                subject = _paragraph_subject(ctx, k)
                if subject is not None:
                    return _Earlier(_Met.OPENER, ctx.speaker(subject, k))
            return _Earlier(_Met.SPEECH, prev.speaker, prev.cue if same_para else None, continues=j)
        if is_speech_verb(tok) and (tok.idx, tok.idx + len(tok)) in ctx.cue_owner:
            j = ctx.cue_owner[(tok.idx, tok.idx + len(tok))]
            prev = ctx.decisions[j]
            same_para = layout.para_of[tok.i] == para
            return _Earlier(_Met.SPEECH, prev.speaker, prev.cue if same_para else None, continues=j)
        if is_speech_verb(tok) and not _attributes_a_quote(ctx, tok):
            subject = ctx.grammar.subject(tok, k)
            if subject is not None:
                return _Earlier(_Met.REPORT, ctx.speaker(subject, k))
        i -= 1
    return None


def _attributes_a_quote(ctx: Context, verb: Token) -> bool:
    """A speech verb in a sentence whose own cue attributes a quote: "'We win,' Ana said,
    hours after the networks declared her the victor" reports Ana, not the networks."""
    sent = ctx.article.index.sentence_of(verb)
    return any((t.idx, t.idx + len(t)) in ctx.cue_owner for t in sent if t.i != verb.i)


def _paragraph_subject(ctx: Context, k: int) -> Token | None:
    """The person a quote's own paragraph is about, when a sentence of the reporter's opens
    the paragraph before the quote: Sen. Ana Ruiz toured the plant. "We owe them jobs."
    """
    layout, doc = ctx.layout, ctx.doc
    first = ctx.layout.frames[k].first
    i = first - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct) and layout.para_of[i] == layout.para_of[first]:
        i -= 1
    if i < 0 or layout.para_of[i] != layout.para_of[first] or layout.quoted(doc[i]):
        return None
    root = ctx.article.index.sentence_root(doc[i])
    if layout.quoted(root) or layout.para_of[root.i] != layout.para_of[first]:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj" and not layout.quoted(c)), None)
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ not in ("PERSON", ""):
        return None
    return subject
