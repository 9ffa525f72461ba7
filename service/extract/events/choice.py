"""The event a quote's words came from, as a span of the article, with its time and place words.

Owns choosing among the candidates (``candidates``): the quote's own sentence first, then the
claim (a sure event before a WEAK one), then earlier sentences where the speaker acts (named, or as
"he"/"she" right after a sentence naming them), nearest first and only a DIRECT or SETTING event; an
event named again ("the statement", "the Ledger") is answered with its nearest earlier, fuller naming. None when the article does not say; the answer
(``answer.build``) gives a later quote with no event of its own the speaker's first one. ``Events``
reads the candidates once per article. The cases are tables in tests/test_events.py. Not handled:
events the reporter gives for a whole article without tying them to the speaker, and events named
only by a verb ("tweeted").
"""
from __future__ import annotations

import bisect
from typing import Sequence

from spacy.tokens import Doc

from ..article import Article
from .candidates import EventCandidate, inside, event_candidates
from ..lexicon.function_words import DEFINITE_DETERMINERS
from ..lexicon.grammar import OBJECT_DEPS
from ..records import TextSpan
from ..quotes.sentences import own_sentence

# How many sentences back an event said at beats a weak one of the quote's own sentence.
_NEAR = 2


def event_for(doc: Doc, quote: tuple[int, int], claim: TextSpan | None,
              speaker_mentions: Sequence[tuple[int, int]] = (),
              quoted: Sequence[tuple[int, int]] = ()) -> TextSpan | None:
    """The event the quote came from, with its time and place words; None when not stated.
    ``speaker_mentions`` and ``quoted`` (the article's quoted runs) are (start, end) in text order.
    For many quotes of one article, ``Events(article).event_for``."""
    return Events(Article(doc, quoted)).event_for(quote, claim, speaker_mentions)


class Events:
    """The events of one article's quotes. What does not change from quote to quote is read once:
    the event candidates (outside the article's quoted runs) and their head words, and for each
    speaker's mentions (the same sequence object from quote to quote) which of them act in a
    sentence with a sure event."""

    def __init__(self, article: Article) -> None:
        self.doc = article.doc
        self.sents = article.sentences
        self.quoted = article.quoted
        self.found = event_candidates(self.doc, self.sents, article.quoted) if self.sents.spans else {}
        self._by_head: dict[str, tuple[list[int], list[int]]] | None = None
        self._pronoun_sentences: list[int] | None = None
        # id of a mentions sequence -> (that sequence, for each mention the last one up to it that acts
        # in a sentence with a sure event, or -1)
        self._acting: dict[int, tuple[Sequence[tuple[int, int]], list[int]]] = {}

    def event_for(self, quote: tuple[int, int], claim: TextSpan | None,
                  speaker_mentions: Sequence[tuple[int, int]] = (),
                  continued: TextSpan | None = None) -> TextSpan | None:
        """``event_for`` of the module, for this article. ``continued``: the event of the quote this one
        continues (same speaker); this one's own when its own sentence names a sure one, else that."""
        sents, found = self.sents, self.found
        if not found:
            return continued
        own = own_sentence(sents, quote)
        if continued is not None:
            mine = next((found[k] for k in range(own[0], own[1] + 1) if k in found and found[k].strong), None)
            return self._fullest(mine).span if mine is not None else continued
        places: list[int] = list(range(own[0], own[1] + 1))
        if claim is not None:
            places.append(sents.index_at(claim.start))
        # The quote's own sentence first: an event said there is the one of these very words.
        held = [found[k] for k in places if k in found]
        local = next((o for o in held if o.strong), held[0] if held else None)
        if local is not None and local.strong:
            return self._fullest(local).span
        earlier = self._earlier(own[0], set(places), speaker_mentions)
        # "At a rally, Ortega ..." then "she told the crowd": the rally, said just before, over the crowd.
        if earlier is not None and (local is None or earlier[0] >= own[0] - _NEAR):
            return self._fullest(earlier[1]).span
        return self._fullest(local).span if local is not None else None

    def _earlier(self, before: int, places: set[int],
                 speaker_mentions: Sequence[tuple[int, int]]) -> tuple[int, EventCandidate] | None:
        """The nearest earlier sentence, not one of ``places``, in which the speaker acts with an
        event words were said at."""
        sents = self.sents
        acting = self._acting_mentions(speaker_mentions)
        hi = bisect.bisect_left(speaker_mentions, sents.spans[before][0], key=lambda m: m[0])
        m = acting[hi - 1] if hi > 0 else -1
        found_k = -1
        while m >= 0:
            k = sents.index_at(speaker_mentions[m][0])
            if k not in places:
                found_k = k
                break
            # every mention of that sentence is passed over
            first = bisect.bisect_left(speaker_mentions, sents.spans[k][0], key=lambda m: m[0])
            m = acting[first - 1] if first > 0 else -1
        # "Ortega spoke in Leeds. She delivered the annual lecture." : a nearer sentence the speaker
        # acts in by a pronoun, right after one that names them
        for j in reversed(self._pronoun_led()):
            if j <= found_k:
                break
            if j >= before or j in places:
                continue
            lo, hi = sents.spans[j - 1]
            at = bisect.bisect_left(speaker_mentions, lo, key=lambda m: m[0])
            if at < len(speaker_mentions) and speaker_mentions[at][0] < hi:
                return j, self.found[j]
        return (found_k, self.found[found_k]) if found_k >= 0 else None

    def _pronoun_led(self) -> list[int]:
        """The sentences, in order, with a sure event whose main verb's subject is "he" or "she"."""
        if self._pronoun_sentences is None:
            self._pronoun_sentences = []
            for k in sorted(self.found):
                if k == 0 or not self.found[k].strong:
                    continue
                sent = self.doc.char_span(*self.sents.spans[k], alignment_mode="expand")
                if sent is not None and any(t.dep_ == "nsubj" and t.lower_ in ("he", "she") and t.head.dep_ == "ROOT"
                                            and not inside(self.quoted, t.idx) for t in sent):
                    self._pronoun_sentences.append(k)
        return self._pronoun_sentences

    def _acting_mentions(self, mentions: Sequence[tuple[int, int]]) -> list[int]:
        cached = self._acting.get(id(mentions))
        if cached is not None and cached[0] is mentions:
            return cached[1]
        acting: list[int] = []
        last = -1
        for m, mention in enumerate(mentions):
            k = self.sents.index_at(mention[0])
            if k in self.found and self.found[k].strong and not inside(self.quoted, mention[0]) \
                    and _acts(self.doc, mention):
                last = m
            acting.append(last)
        self._acting[id(mentions)] = (mentions, acting)
        return acting

    def _fullest(self, candidate: EventCandidate) -> EventCandidate:
        """The event, or for "the hearing" the nearest earlier "a Senate hearing on Tuesday" (for a
        bare "WKR", the earlier "WKR Evening News")."""
        words = candidate.span.text.split(" ")
        if len(words) > 1 and words[0].lower() not in DEFINITE_DETERMINERS:
            return candidate
        if self._by_head is None:
            self._by_head = {}
            for j in sorted(self.found):
                starts, ks = self._by_head.setdefault(self.found[j].head, ([], []))
                starts.append(self.found[j].span.start)
                ks.append(j)
        starts, ks = self._by_head[candidate.head]
        at = bisect.bisect_left(starts, candidate.span.start)
        return self.found[ks[at - 1]] if at > 0 else candidate


def _acts(doc: Doc, mention: tuple[int, int]) -> bool:
    """The mention is not what is done to in its sentence ("Ortega thanked Reed on Twitter": Ortega, not Reed)."""
    span = doc.char_span(*mention, alignment_mode="expand")
    if span is None or span.root.dep_ not in OBJECT_DEPS:
        return True
    return any(c.dep_ == "relcl" for c in span.root.children)  # "a blow to Ortega, who walked out during the hearing"
