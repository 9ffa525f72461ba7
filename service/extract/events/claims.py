"""The claim a quote backs up: the reporter's own sentence, as a span of the article.

Owns choosing that sentence (``claim_for``; ``Claims`` reads each sentence once per article): the
quote's own sentence when the reporter leads it with words of their own, else the nearest earlier
statement within two paragraphs that frames it (preferring one about the speaker where it must
choose; past one on something else to the speaker's words reported earlier when the reporter leads
the quote in by naming its speaker, 'Ortega said: "..."'), else the quote's own sentence; a claim
is cut to ``MAX_CLAIM_CHARS`` around the quote.
The cases are tables in tests/test_claims.py (the length cut in tests/test_bounds.py).
Measured on the dev data: asking every earlier sentence to be about the speaker did worse
(reporters frame a quote with the topic sentence as often as with "X said"), and carrying a
speaker's claim to their next quote gained as much as it lost, so claims are shared along
``continues`` only (``answer.build``). Not handled: a claim that comes after its quote, and a
framing sentence with a quoted phrase further back than the sentence just before.
"""
from __future__ import annotations

import bisect
import re
from typing import Final, Sequence

from spacy.tokens import Doc, Token

from ..article import Article
from ..lexicon.function_words import CONNECTIVES, PERSONAL_SUBJECTS, SPEAKER_PRONOUNS
from ..lexicon.grammar import SUBJECT_DEPS
from ..lexicon.names import NAME_SUFFIXES
from ..records import TextSpan
from ..quotes.sentences import own_sentence, span

_PARAGRAPHS_BACK: Final[int] = 2
_OPENING_MARKS = frozenset("\"“„«'‘`")
# The longest claim, in characters. A sentence longer than this is one whose end the parser
# could not find (run-on text, a list with no full stops): as it stands it would repeat most
# of the article once for every quote in it, so the claim is cut to a window of it (``_window``).
# Real sentences rarely reach it (before the cut: 5 of 955 claims on dev, 0 on BBC, 27 of 8,738 on
# the PolNeAR training split, each a run of sentences the parser did not split).
MAX_CLAIM_CHARS: Final[int] = 600
# A quote's own sentence with at least this many words of the reporter's is the claim itself.
OWN_WORDS: int = 10
# An earlier sentence shorter than this is a heading, a time stamp or a byline, never a claim.
MIN_WORDS: int = 4
# A lead-in ending in a colon with fewer words only says who speaks ("The Times reports:").
LEAD_IN_WORDS: int = 6
# Before a quote whose speaker is only a pronoun, a framing sentence needs this many words of its own.
PRONOUN_FRAMING_WORDS: int = 6
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def claim_for(doc: Doc, quote: tuple[int, int], quoted: Sequence[tuple[int, int]],
              mentions: Sequence[tuple[int, int]] = (), name: str | None = None,
              role: str | None = None, cue_subject: tuple[int, int] | None = None) -> TextSpan | None:
    """The sentence the quote backs up; None only for an empty article. Spans are (start, end):
    ``quote`` the quote's words, ``quoted`` every quoted run in text order; ``mentions``, ``name``
    and ``role`` (when known) tell a sentence about the speaker, ``cue_subject`` the words naming
    them for this quote. For many quotes of one article, ``Claims(article).claim_for``."""
    return Claims(Article(doc, quoted)).claim_for(quote, mentions, name, role, cue_subject)


class Claims:
    """The claims of one article's quotes: what ``claim_for`` reads of a sentence (its quotations,
    whether it is a statement, its words of the reporter's) is read once and kept, so a sentence
    or paragraph of many quotes is not read again for each."""

    def __init__(self, article: Article) -> None:
        self.doc = article.doc
        self.sents = article.sentences
        self.quoted = article.quoted
        self._reporter: dict[tuple[int, int], int] = {}
        self._candidate_before: list[int] | None = None
        self._quotation_before: list[bool] | None = None

    def claim_for(self, quote: tuple[int, int], mentions: Sequence[tuple[int, int]] = (),
                  name: str | None = None, role: str | None = None,
                  cue_subject: tuple[int, int] | None = None) -> TextSpan | None:
        """``claim_for`` of the module, for this article."""
        sents = self.sents
        if not sents.spans:
            return None
        chosen = self._sentence_span(quote, mentions, name, role, cue_subject)
        return span(sents.text, *_window(sents.text, chosen, quote))

    def _sentence_span(self, quote: tuple[int, int], mentions: Sequence[tuple[int, int]], name: str | None,
                       role: str | None, cue_subject: tuple[int, int] | None) -> tuple[int, int]:
        sents = self.sents
        own = own_sentence(sents, quote)
        start = sents.spans[own[0]][0]
        end = sents.spans[own[1]][1]
        about = _About(sents.text, sorted(mentions), _surname(name), _described(role))
        earlier = self._earlier_statement(own[0], about)
        if sents.text[start] not in _OPENING_MARKS and self._reporter_words(start, end) >= OWN_WORDS:
            # The quote sits inside the reporter's own statement: that sentence is the claim, unless
            # an earlier sentence of the paragraph already says it of the speaker (as its subject: one
            # naming them in passing, "a storm near Ortega's home", is about something else).
            if earlier is not None and sents.paragraph[earlier] == sents.paragraph[own[0]] and (
                    self._subject(earlier, about) or (earlier == own[0] - 1 and _leans_back(sents.text, start))):
                return sents.spans[earlier]
            return start, end
        by_pronoun = cue_subject is not None and _is_pronoun(sents.text, *cue_subject) and start <= cue_subject[0] < end
        framing = self._framing_before(own[0], about, by_pronoun)
        if framing is not None:
            return sents.spans[framing]
        if earlier is not None and not (_new_voice(mentions, start) and self._after_quotation(earlier)):
            if start <= (cue_subject or quote)[0] < quote[0] and not self._of_someone(earlier, about):
                # The reporter leads the quote in by naming its speaker ('Ortega said: "..."') after a
                # sentence on something else: the speaker's words reported earlier frame it.
                reported = self._reported_before(earlier, sents.paragraph[own[0]], about)
                if reported is not None:
                    return sents.spans[reported]
            return sents.spans[earlier]
        return start, end

    def _reported_before(self, k: int, para: int, about: _About) -> int | None:
        """The nearest statement before sentence ``k`` (within ``_PARAGRAPHS_BACK`` of paragraph
        ``para``) that reports the speaker's words in the reporter's own."""
        before = self._candidates()
        k = before[k]
        while k >= 0 and self.sents.paragraph[k] >= para - _PARAGRAPHS_BACK:
            if about(*self.sents.spans[k]) and any(
                    self._said_by(verb, k, about) for verb in self._tokens(k) if _has_clause(verb)):
                return k
            k = before[k]
        return None

    def _said_by(self, verb: Token, k: int, about: _About) -> bool:
        """The speaker is the subject of ``verb`` in sentence ``k``; where the parse gives it none (a
        headline run into the lead makes it a verb's conjunct), the words before it in the sentence."""
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return any(_names(about, s) for s in subjects)
        return about(self.sents.spans[k][0], verb.idx)

    def _of_someone(self, k: int, about: _About) -> bool:
        """Sentence ``k`` is about the speaker, carries a person on by a pronoun ("She said ...") or
        reports anyone's words ("The engineers warned that ...")."""
        return about(*self.sents.spans[k]) or any(
            tok.lower_ in PERSONAL_SUBJECTS or _reporting(tok) for tok in self._tokens(k) if tok.dep_ in SUBJECT_DEPS)

    def _tokens(self, k: int) -> Sequence[Token]:
        sent = self.doc.char_span(*self.sents.spans[k], alignment_mode="expand")
        return sent if sent is not None else ()

    def _subject(self, k: int, about: _About) -> bool:
        """The speaker is the subject of a verb in sentence ``k`` ("Ortega attacked the budget")."""
        start, end = self.sents.spans[k]
        if not about(start, end):
            return False
        sent = self.doc.char_span(start, end, alignment_mode="expand")
        return sent is not None and any(tok.dep_ in SUBJECT_DEPS and _covers(about, _antecedent(tok)) for tok in sent)

    def _reporter_words(self, start: int, end: int) -> int:
        key = (start, end)
        if key not in self._reporter:
            self._reporter[key] = _reporter_words(self.sents.text, start, end, self.quoted)
        return self._reporter[key]

    def _candidates(self) -> list[int]:
        """For each sentence, the nearest one before it that holds no quotation and is a
        statement (-1: none): the sentences ``_earlier_statement`` steps through."""
        if self._candidate_before is None:
            sents, last = self.sents, -1
            self._candidate_before = []
            for k, (start, end) in enumerate(sents.spans):
                self._candidate_before.append(last)
                if not _has_quotation(self.quoted, start, end) and _statement(sents.text, start, end):
                    last = k
        return self._candidate_before

    def _after_quotation(self, k: int) -> bool:
        """True when the sentence just before sentence ``k``, in its paragraph, holds a quotation: then
        ``k`` is the reporter's word on those quoted words, not the lead-in to a new speaker's (a quotation
        further back does not count: text that lost its paragraph breaks runs many speakers together)."""
        if self._quotation_before is None:
            sents = self.sents
            self._quotation_before = []
            seen = False
            for j, (start, end) in enumerate(sents.spans):
                if j > 0 and sents.paragraph[j] != sents.paragraph[j - 1]:
                    seen = False
                self._quotation_before.append(seen)
                seen = _has_quotation(self.quoted, start, end)
        return self._quotation_before[k]

    def _framing_before(self, first: int, about: _About, by_pronoun: bool) -> int | None:
        """The sentence just before sentence ``first`` when the reporter leads it about the speaker with a
        quoted phrase of theirs inside ('Ortega said the plan was "a disgrace."'): in the same paragraph,
        or, when the quote names its speaker only by a pronoun ('"..." she said'), one paragraph back too
        and with fewer words of the reporter's: the pronoun carries that sentence's subject on."""
        sents = self.sents
        k = first - 1
        if k < 0 or sents.paragraph[k] < sents.paragraph[first] - (1 if by_pronoun else 0):
            return None
        start, end = sents.spans[k]
        if sents.text[start] in _OPENING_MARKS or not _has_quotation(self.quoted, start, end):
            return None
        least = PRONOUN_FRAMING_WORDS if by_pronoun else OWN_WORDS
        if not _statement(sents.text, start, end) or self._reporter_words(start, end) < least:
            return None
        return k if about(start, end) else None

    def _earlier_statement(self, first: int, about: _About) -> int | None:
        """The nearest sentence before sentence ``first`` that can be its claim, or None.

        In the quote's paragraph or up to ``_PARAGRAPHS_BACK`` before it, holding no quotation and
        a statement; the farthest paragraph back only when the sentence is about the speaker.
        """
        sents = self.sents
        before = self._candidates()
        para = sents.paragraph[first]
        k = before[first]
        while k >= 0 and sents.paragraph[k] >= para - _PARAGRAPHS_BACK:
            if sents.paragraph[k] > para - _PARAGRAPHS_BACK or about(*sents.spans[k]):
                return k
            k = before[k]
        return None


def _window(text: str, chosen: tuple[int, int], quote: tuple[int, int]) -> tuple[int, int]:
    """``chosen`` (a sentence's start and end) cut to at most MAX_CLAIM_CHARS at word boundaries:
    around the quote when the sentence holds it, the sentence's end (nearest the quote) when not;
    for a quote that long or longer, the quote's own first words."""
    lo, hi = chosen
    if hi - lo <= MAX_CLAIM_CHARS:
        return chosen
    qs, qe = quote
    if not lo <= qs < hi:
        return _snap(text, hi - MAX_CLAIM_CHARS, hi, hi, hi)
    if qe - qs >= MAX_CLAIM_CHARS:
        return _snap(text, qs, qs + MAX_CLAIM_CHARS, qs, qs)
    room = MAX_CLAIM_CHARS - (qe - qs)
    right = min(room - min(room // 2, qs - lo), hi - qe)
    left = min(room - right, qs - lo)
    return _snap(text, qs - left, qe + right, qs, qe)


def _snap(text: str, start: int, end: int, keep_start: int, keep_end: int) -> tuple[int, int]:
    """[start, end) narrowed to whole words (a cut word dropped, never past keep_start or
    keep_end), then trimmed of spaces."""
    if start > 0 and not text[start - 1].isspace():
        space = text.find(" ", start, keep_start)
        start = space + 1 if space >= 0 else start
    if end < len(text) and not text[end].isspace():
        space = text.rfind(" ", keep_end, end)
        end = space if space >= 0 else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _antecedent(tok: Token) -> Token:
    """What a relative pronoun stands for ("Cruz, who refused": Cruz); any other token itself."""
    if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _covers(about: _About, tok: Token) -> bool:
    """The noun phrase ``tok`` ends is about the speaker (what follows it, "the quake, which hit Ortega's
    town", is not)."""
    end = _phrase_end(tok)
    return about(tok.left_edge.idx, end.idx + len(end.text))


def _phrase_end(tok: Token) -> Token:
    """The last word of the noun phrase ``tok`` heads, its apposition included ("His creator, Dana
    Kim, said")."""
    end = tok
    for c in tok.rights:
        if c.dep_ == "appos":
            end = c.right_edge
    return end


def _names(about: _About, tok: Token) -> bool:
    """The noun phrase ``tok`` heads names the speaker, past any owner before it ("Ortega's aide
    Dana Kim" names Kim, not Ortega)."""
    owners = [c for c in tok.lefts if c.dep_ == "poss"]
    first = tok.doc[owners[-1].right_edge.i + 1] if owners else tok.left_edge
    end = _phrase_end(tok)
    return about(first.idx, end.idx + len(end.text))


def _has_clause(verb: Token) -> bool:
    """``verb`` takes a clause of what was said or thought ("insisted [the plan was sound]")."""
    return any(c.dep_ == "ccomp" for c in verb.children)


def _reporting(tok: Token) -> bool:
    """``tok`` is the subject of a verb with a clause of what was said or thought."""
    return tok.dep_ in SUBJECT_DEPS and _has_clause(tok.head)


def _leans_back(text: str, start: int) -> bool:
    """True when the sentence at ``start`` opens with a connective that leans on the one before
    ("However, ...", "So when ...", "And ...")."""
    word = _WORD.match(text, start)
    return word is not None and word.group(0).lower() in CONNECTIVES


def _new_voice(mentions: Sequence[tuple[int, int]], start: int) -> bool:
    """True when the speaker is first named at or after ``start`` (the quote's sentence)."""
    return bool(mentions) and min(m[0] for m in mentions) >= start


def _is_pronoun(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is a personal pronoun that can name a speaker ("she", "they")."""
    return text[start:end].lower() in SPEAKER_PRONOUNS


class _About:
    """Whether a stretch of the article is about the speaker: it overlaps one of their mentions,
    holds their surname or refers back to them by title ("the senator")."""

    def __init__(self, text: str, mentions: Sequence[tuple[int, int]], surname: re.Pattern[str] | None,
                 described: re.Pattern[str] | None) -> None:
        self.text = text
        self.mentions = mentions
        self.surname = surname
        self.described = described

    def __call__(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.mentions, (start, -1))
        if i > 0 and self.mentions[i - 1][1] > start:
            return True
        if i < len(self.mentions) and self.mentions[i][0] < end:
            return True
        if self.surname is not None and self.surname.search(self.text, start, end) is not None:
            return True
        return self.described is not None and self.described.search(self.text, start, end) is not None


def _described(role: str | None) -> re.Pattern[str] | None:
    """'the <role>' (any case, any words between): how a reporter refers back to a titled speaker."""
    words = _WORD.findall(role or "")
    return re.compile(rf"\bthe (?:\w+ ){{0,2}}{re.escape(words[-1])}\b", re.IGNORECASE) if words else None


# A description owned by someone ("Clinton's campaign") or counted ("55 percent of voters").
_OWNED_OR_COUNTED = re.compile(r"\w(?:'s|’s|'|’)\s|\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b",
                               re.IGNORECASE)


def _surname(name: str | None) -> re.Pattern[str] | None:
    """The last word of the speaker's name as a whole-word pattern; None when there is no name,
    and none for a description owned by someone or counted, whose head noun is anyone's: a
    sentence on "the presidential campaign" is not about "Clinton's campaign", nor one on
    "blue-collar voters" about "55 percent of voters" ("the commission" keeps its noun)."""
    words = [w for w in _WORD.findall(name or "") if w.lower().rstrip(".") not in NAME_SUFFIXES]
    if not words or (words[-1].islower() and _OWNED_OR_COUNTED.search(name or "")):
        return None
    return re.compile(rf"\b{re.escape(words[-1])}\b")


def _has_quotation(quoted: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """True when a quoted run overlaps [start, end)."""
    i = bisect.bisect_left(quoted, end, key=lambda r: r[0])
    # The run starting last before ``end``: any earlier run that reaches into the sentence would too.
    for j in (i - 1, i - 2):
        if j >= 0 and quoted[j][1] > start and quoted[j][0] < end:
            return True
    return False


def _reporter_words(text: str, start: int, end: int, quoted: Sequence[tuple[int, int]]) -> int:
    """How many words of text[start:end] stand outside every quoted run."""
    i = bisect.bisect_left(quoted, start, key=lambda r: r[1])
    pos = start
    count = 0
    while pos < end:
        if i < len(quoted) and quoted[i][0] < end:
            q0, q1 = quoted[i]
            count += len(_WORD.findall(text, pos, max(pos, min(q0, end))))
            pos = max(pos, q1)
            i += 1
        else:
            count += len(_WORD.findall(text, pos, end))
            break
    return count


def _statement(text: str, start: int, end: int) -> bool:
    """A sentence that can state something: a few words, not a question, a dateline, time stamp,
    byline or bare lead-in ("He said:"; "Later that day Ortega made the following promise:" is a statement)."""
    words = len(_WORD.findall(text, start, end))
    if words < (LEAD_IN_WORDS if text[end - 1] == ":" else MIN_WORDS):
        return False
    return text[start] not in "―—–-@" and text[end - 1] != "?"
