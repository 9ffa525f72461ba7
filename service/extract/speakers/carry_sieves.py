"""Rules for a quote with no cue of its own, which lean on what came before: the speaker of
the quote it carries on from (``carried-over``), the person the sentence before reports as
speaking (``previous-sentence``), the named subject opening its paragraph
(``paragraph-subject``), for a quoted phrase the person its sentence is about or the last
speaker (``previous-speaker``), and, last, the person named nearest before it
(``nearest-person``).

What each rule does and does not handle is listed in ``speakers``, which runs them in order.
The speech word before each quote in its sentence is found in one pass per article, not by a
walk back per quote.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.cues import SPEECH_NOUNS, is_speech_verb
from ..lexicon.function_words import RELATIVE_PRONOUNS, WEAK_SUBJECTS
from ..lexicon.grammar import SUBJECT_DEPS
from .mentions import Who
from ..parse_index import sentence_of, sentence_root
from .context import Context, Decision

_NEAREST_CHARS = 400  # how far back the last-resort rule looks for a named person


def carried_over(ctx: Context, k: int) -> Decision | None:
    """No cue of its own: the nearest earlier speech, a quote or a reporting sentence."""
    if ctx.partial(k):
        return None
    return _carry(ctx, k)


def previous_speaker(ctx: Context, k: int) -> Decision | None:
    """A quoted phrase no verb ties to anyone: the person the sentence is about, when its
    main clause has a named subject before the phrase; else the nearest earlier speech, as
    a last resort."""
    owner = _speech_noun_owner(ctx, k)
    if owner is not None:
        decision = Decision("speech-noun", ctx.speaker(owner, k), None)
        if decision.known:
            return decision
    subject = _sentence_subject(ctx, k)
    if subject is not None:
        decision = Decision("previous-speaker", ctx.speaker(subject, k), None)
        if decision.known and decision.speaker.entity is not None:
            return decision
    decision = _carry(ctx, k)
    if decision is None:
        return None
    return Decision("previous-speaker", decision.speaker, None, decision.continues)


def _speech_noun_owner(ctx: Context, k: int) -> Token | None:
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


def _sentence_subject(ctx: Context, k: int) -> Token | None:
    """The subject of the main clause of a partial quote's sentence, a name or a pronoun
    before the quote; the root itself when the parser left a name as the root."""
    first = ctx.doc[ctx.layout.frames[k].first]
    root = sentence_root(first)
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
    return Decision("nearest-person", Who(entity, None, mention))


def _carry(ctx: Context, k: int) -> Decision | None:
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
                return Decision("paragraph-subject", ctx.speaker(subject, k), None)
        j = layout.run_of[i]
        if j != -1:
            prev = ctx.decisions[j] if j < len(ctx.decisions) else None
            if prev is None or not prev.known:
                return None
            same_para = layout.para_of[i] == para
            return Decision("carried-over", prev.speaker, prev.cue if same_para else None, continues=j)
        if is_speech_verb(tok) and (tok.idx, tok.idx + len(tok)) in ctx.cue_owner:
            j = ctx.cue_owner[(tok.idx, tok.idx + len(tok))]
            prev = ctx.decisions[j]
            same_para = layout.para_of[tok.i] == para
            return Decision("carried-over", prev.speaker, prev.cue if same_para else None, continues=j)
        if is_speech_verb(tok) and not _attributes_a_quote(ctx, tok):
            subject = ctx.grammar.subject(tok, k)
            if subject is not None:
                return Decision("previous-sentence", ctx.speaker(subject, k), None)
        i -= 1
    return None


def _attributes_a_quote(ctx: Context, verb: Token) -> bool:
    """A speech verb in a sentence whose own cue attributes a quote: "'We win,' Ana said,
    hours after the networks declared her the victor" reports Ana, not the networks."""
    sent = sentence_of(verb)
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
    root = sentence_root(doc[i])
    if layout.quoted(root) or layout.para_of[root.i] != layout.para_of[first]:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj" and not layout.quoted(c)), None)
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ not in ("PERSON", ""):
        return None
    return subject
