"""Rules that read the words set around a quote: a speaker's name in capitals opening its words
(``transcript``), a colon or comma lead-in (``colon-lead-in``), a dash and a name after it or a
signature line (``byline``), and the reporter's clause closing its sentence whatever its verb
(``trailing-clause``).

``sieves`` runs them in order; the cases each handles are tables in the tests (see ``sieves``).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..lexicon.cues import is_speech_verb
from ..lexicon.function_words import RELATIVE_PRONOUNS, WEAK_SUBJECTS
from ..lexicon.grammar import FINITE_TAGS, NOUN_PHRASE_POS
from ..lexicon.punctuation import LEAD_IN_BREAKS, OPEN_ENDINGS
from ..people.person_words import could_speak
from .context import Context, Decision, antecedent, chars

_BYLINE = re.compile(r"'?[^\S\n]*(―|—|–|--?)[^\S\n]*(?=[A-Z])")
# The next paragraph opening with a dash and a name; a signature line is no longer than this.
_SIGNATURE_LINE = re.compile(r"[^\S\n]*\n\s*(―|—|–|--?)[^\S\n]*(?=[A-Z])")
_SIGNATURE_CHARS = 80
# A closing mark, a long dash and a name with no mark after it, up to the end of the line.
_LINE_BYLINE = re.compile(r"(?<=[”\"’])[^\S\n]*(―|—)[^\S\n]*(?=[A-Z][^“”\"\n]*$)")
_TAIL = 4  # words after the verb of a tag that follows a quote ending in "?" or "!"
_SUBJECT_REACH = 12  # tokens before the verb of a closing clause that may hold its subject
_NAME_IN_MARKS_WORDS = 4  # a phrase in marks this short inside a closing clause is part of it
_APPOSITION_REACH = 20  # ... when an apposition with commas of its own stands between them


def transcript(ctx: Context, k: int) -> Decision | None:
    """A quote whose words open with a name in capitals and a colon: "LUND: ..."."""
    frame = ctx.layout.frames[k]
    doc = ctx.doc
    i = frame.first
    words = []
    while i <= frame.last and doc[i].is_upper and doc[i].is_alpha and len(words) < 3:
        words.append(doc[i])
        i += 1
    if not words or i > frame.last or doc[i].text != ":" or len(words[-1]) < 2:
        return None
    return Decision("transcript", ctx.speaker(words[-1], k), chars(doc[i]))


def colon_lead_in(ctx: Context, k: int) -> Decision | None:
    """A colon right before the opening mark, in the same paragraph or ending the one
    before: "Hart said:", "Ana made the following comment:", "LUND:"."""
    layout, doc = ctx.layout, ctx.doc
    frame = layout.frames[k]
    colon = (frame.before[-1] if frame.before else _previous_paragraph_end(ctx, k))
    while colon is not None and colon > 0 and doc[colon].is_space and colon - 1 in frame.before:
        colon -= 1  # "Ana replied:  '...'": spaces the tokenizer kept
    if colon is None or doc[colon].text not in (":", ","):
        return None
    comma = doc[colon].text == ","
    if comma and not ctx.layout.text[ctx.layout.runs[k].start:ctx.layout.runs[k].start + 1].isupper():
        return None
    i = colon - 1
    tokens: list[Token] = []
    while i >= 0 and doc[i].text not in (".", "!", "?") and layout.para_of[i] == layout.para_of[colon]:
        if doc[i].text in LEAD_IN_BREAKS and tokens and doc[i].whitespace_:
            break  # "HEADLINE WORDS - Ana Ruiz:", "he wrote ... Ana Ruiz:": the name after the break
        if not layout.quoted(doc[i]):  # a phrase in marks inside the lead-in: "Ana called it "x" and said:"
            tokens.append(doc[i])
        i -= 1
    for verb in (t for t in tokens if t.pos_ in ("VERB", "AUX")):
        if comma and verb.tag_ not in FINITE_TAGS:
            return None  # "a column entitled, '...'": a title, no one speaking
        subject = ctx.grammar.subject(verb, k)
        if subject is not None and antecedent(subject).lower_ not in WEAK_SUBJECTS:
            return Decision("colon-lead-in", ctx.speaker(subject, k), chars(verb))
        if comma:
            return None  # a comma lead-in speaks through the verb nearest the quote only
    if comma:
        return None
    names = [t for t in tokens if t.pos_ in ("PROPN", "PRON") or t.is_upper]
    if names and len(tokens) <= 6:
        return Decision("colon-lead-in", ctx.speaker(names[0], k), chars(doc[colon]))
    return None


def _previous_paragraph_end(ctx: Context, k: int) -> int | None:
    """The last token before a quote that opens its paragraph, when it ends the paragraph before."""
    layout = ctx.layout
    frame = layout.frames[k]
    i = frame.first - 1
    while i >= 0 and layout.run_of[i] == k:
        i -= 1
    while i >= 0 and ctx.doc[i].is_space:
        i -= 1
    if i < 0 or layout.run_of[i] != -1 or layout.para_of[i] == layout.para_of[frame.first]:
        return None
    return i


def byline(ctx: Context, k: int) -> Decision | None:
    """A dash and a name right after the quote, ending its line, or on a short line of its own."""
    run = ctx.layout.runs[k]
    if run.close_mark is None:
        return None
    match = _BYLINE.match(ctx.layout.text, run.close_mark + 1) or _line_byline(ctx, k) or _signature_line(ctx, k)
    if match is None:
        return None
    i = ctx.layout.token_at(match.end())
    if i >= len(ctx.doc) or ctx.doc[i].pos_ != "PROPN":
        return None
    dash = match.group(1)
    last = i  # the signature's last name word holds the whole name: "― Jane Q Roe."
    while last + 1 < len(ctx.doc) and last - i < 3 and ctx.doc[last + 1].is_alpha and ctx.doc[last + 1].text[:1].isupper() \
            and ctx.layout.para_of[last + 1] == ctx.layout.para_of[i]:
        last += 1
    return Decision("byline", ctx.speaker(ctx.doc[last], k), (match.start(1), match.start(1) + len(dash)))


def _line_byline(ctx: Context, k: int) -> re.Match[str] | None:
    """A signature ending the line of a quote that opens the line, past quotes nested in it:
    '"I'd call it "madness" and worse." ― Jane Roe'."""
    run, text = ctx.layout.runs[k], ctx.layout.text
    if text[text.rfind("\n", 0, run.open_mark) + 1:run.open_mark].strip():
        return None
    end = text.find("\n", run.close_mark)
    return _LINE_BYLINE.search(text, run.close_mark + 1, len(text) if end == -1 else end)


def _signature_line(ctx: Context, k: int) -> re.Match[str] | None:
    """A short line of its own right after a quote that ends its paragraph, opening with a
    dash and a name: '"..." ¶ - Jane Roe, tweeting after the speech.'"""
    run, text = ctx.layout.runs[k], ctx.layout.text
    match = _SIGNATURE_LINE.match(text, run.close_mark + 1)
    if match is None:
        return None
    end = text.find("\n", match.end())
    return match if (len(text) if end == -1 else end) - match.end() <= _SIGNATURE_CHARS else None


def trailing_clause(ctx: Context, k: int) -> Decision | None:
    """The reporter's clause that closes the quote's sentence names who spoke, whatever its
    verb: '"...," Ana shot back.', '"...?" reacted Ana.', '"...," a source, who asked not to
    be named, told the paper.'"""
    run = ctx.layout.runs[k]
    if run.close_mark is None or ctx.partial(k):
        return None
    ending = ctx.layout.text[run.start:run.end].rstrip()[-1:]
    if ending not in OPEN_ENDINGS:
        return None
    clause = _closing_clause(ctx, k)
    if not clause:
        return None
    doc = ctx.doc
    first = doc[clause[0]]
    if first.lower_ in RELATIVE_PRONOUNS:
        return None  # '"...," which Ana doubts': a clause about the words, not their source
    if first.pos_ in ("VERB",) and first.tag_ in FINITE_TAGS:
        head = _inverted_subject(doc, clause[1:])
        verb = first
    else:
        verb, head = _subject_then_verb(doc, clause)
    if verb is None or head is None or not could_speak(head) or head.lower_ in RELATIVE_PRONOUNS | WEAK_SUBJECTS:
        return None
    if ending in "?!" and first.text[:1].isupper() and len(clause) > verb.i - clause[0] + _TAIL:
        return None  # a new sentence of the reporter's, not a tag after the quote
    return Decision("trailing-clause", ctx.speaker(head, k), chars(verb))


def _closing_clause(ctx: Context, k: int) -> list[int]:
    """Tokens after the quote's closing mark up to the end of its sentence, in its paragraph,
    when no other quote stands in them."""
    layout, doc = ctx.layout, ctx.doc
    i = layout.frames[k].last + 1
    while i < len(doc) and layout.run_of[i] == k:
        i += 1
    para = layout.para_of[layout.frames[k].last]
    out: list[int] = []
    while i < len(doc) and layout.para_of[i] == para and not doc[i].is_space:
        if layout.run_of[i] != -1:
            end = _past_a_name_in_marks(ctx, i)
            if end is None:
                return out  # '"...," she went on, "...': the clause ends where the next part opens
            i = end  # 'Ana "Nan" Ruiz, wearing "Vote Ruiz" pins, said': a nickname or a slogan inside the clause
            continue
        if doc[i].text in (".", "!", "?", ";"):
            return out
        out.append(i)
        i += 1
    return out


def _past_a_name_in_marks(ctx: Context, i: int) -> int | None:
    """The token after a short phrase in marks that opens at token ``i`` inside a closing clause
    (a nickname, a slogan, a title), when the clause runs on after it; None for a quote of its own."""
    layout, doc = ctx.layout, ctx.doc
    k = layout.run_of[i]
    run = layout.runs[k]
    words = layout.text[run.start:run.end]
    if len(words.split()) > _NAME_IN_MARKS_WORDS or any(c in words for c in ".,!?;:"):
        return None
    j = i
    while j < len(doc) and layout.run_of[j] == k:
        j += 1
    if j >= len(doc) or doc[j].is_space or doc[j].text in (".", "!", "?", ";"):
        return None
    return j


def _inverted_subject(doc: Doc, tokens: list[int]) -> Token | None:
    """The subject after an inverted verb: "reacted Ana Ruiz", "beamed a delegate from Ohio"."""
    phrase: list[Token] = []
    for i in tokens:
        t = doc[i]
        if t.pos_ not in NOUN_PHRASE_POS and t.text not in ("-", "."):
            break
        phrase.append(t)
    heads = [t for t in phrase if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not heads:
        return None
    propn = [t for t in heads if t.pos_ == "PROPN"]
    return propn[-1] if propn and heads[0].pos_ == "PROPN" else heads[0] if heads[0].pos_ == "PRON" else _last_of_run(heads)


def _misread_read(token: Token, j: int, tokens: list[int]) -> bool:
    """ "read" ending a short clause after a quote is the verb, though the tagger often makes
    it a noun: '"...," the sign read.'"""
    return token.lower_ in ("read", "reads") and j == len(tokens) - 1


def _last_of_run(heads: list[Token]) -> Token:
    """The last word of the first run of nouns: "a delegate from Ohio" -> delegate."""
    last = heads[0]
    for t in heads[1:]:
        if t.i != last.i + 1:
            break
        last = t
    return last


def _tag_after_commas(doc: Doc, tokens: list[int], j: int, phrase: list[Token]) -> tuple[Token | None, Token | None]:
    """A long apposition with commas of its own before the tag's speech verb: "Ana Ruiz, now 81 and
    retired in Salem, Ore., said by phone": the first speech verb set off by a comma, and the name."""
    heads = [p for p in phrase if p.pos_ in ("PROPN", "NOUN", "PRON")]
    for m in range(j + 1, min(len(tokens), j + _APPOSITION_REACH)):
        t = doc[tokens[m]]
        if t.pos_ == "VERB" and t.tag_ in FINITE_TAGS and doc[tokens[m - 1]].text == ",":
            return (t, heads[-1]) if heads and is_speech_verb(t) else (None, None)
    return None, None


def _subject_then_verb(doc: Doc, tokens: list[int]) -> tuple[Token | None, Token | None]:
    """A closing clause that opens with its subject: "Ana shot back", "an angry Ana retaliated",
    "a source, who asked not to be named, told the paper": the verb and the subject's head word."""
    phrase: list[Token] = []
    j = 0
    while j < min(len(tokens), _SUBJECT_REACH):
        t = doc[tokens[j]]
        if phrase and (t.pos_ == "VERB" and t.tag_ in FINITE_TAGS or _misread_read(t, j, tokens)):
            heads = [p for p in phrase if p.pos_ in ("PROPN", "NOUN", "PRON")]
            return (t, heads[-1]) if heads else (None, None)
        if t.text == "," and phrase:
            # an apposition or a relative clause between commas: "Ana Ruiz, a nurse,", "a source, who ...,"
            tagged = _tag_after_commas(doc, tokens, j, phrase)
            if tagged[0] is not None:
                return tagged
            close = next((m for m in range(j + 1, min(len(tokens), j + _SUBJECT_REACH)) if doc[tokens[m]].text == ","), None)
            if close is None:
                return None, None
            j = close + 1
            continue
        if t.pos_ not in NOUN_PHRASE_POS and t.text != "-":
            return None, None
        phrase.append(t)
        j += 1
    return None, None
