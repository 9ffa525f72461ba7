"""The occasion a quote's words came from, as a span of the article.

``event_for``: the occasion the words came from ("a press briefing aboard Air Force One on
Friday", "an interview with ...", "a statement released Sunday", "Twitter", "NBC's "Evening
Desk" on Friday"), with the time and place words that go with it, looked for in the quote's own
sentence, the claim, and then earlier sentences about the same speaker. None when the article
does not say.

The candidates are the article's occasions (``occasions.py``), each DIRECT, SETTING or WEAK. The
quote's own sentence and the claim take any, a sure one before a WEAK one and the quote's own
sentence first (the claim may frame an earlier occasion: "At a rally on Monday, Ortega
attacked the plan." then '"...," she said in an interview on Friday'); an earlier sentence
only a DIRECT or SETTING one, and only where the speaker acts in it ("Ortega thanked Reed on Twitter" is Ortega's occasion, not
Reed's), nearest first. A WEAK one of the quote's own sentences ("she told the crowd") gives way
to a surer one in the speaker's sentence just before ("At a rally in Dayton, Ortega ..."). An
occasion named again as "the <noun>" or by a bare name is answered with its nearest earlier,
fuller naming ("a statement on Tuesday" for a later "the statement"; "CBS Evening News" for a
later "CBS"). The answer (``answer.build``) gives a later quote with no occasion of its own the
speaker's first one. Not handled: occasions the reporter gives for a whole article without tying
them to the speaker (a hearing, a debate), and occasions named only by a verb ("tweeted").
"""
from __future__ import annotations

import bisect
from typing import Sequence

from spacy.tokens import Doc

from .occasions import Occasion, occasions
from .records import TextSpan
from .sentences import Sentences, own_sentence, sentences

_DEFINITE = frozenset("the that this".split())
_OBJECT_DEPS = frozenset("dobj pobj dative iobj".split())
# How many sentences back an occasion said at beats a weak one of the quote's own sentence.
_NEAR = 2


def event_for(doc: Doc, quote: tuple[int, int], claim: TextSpan | None,
              speaker_mentions: Sequence[tuple[int, int]] = (),
              quoted: Sequence[tuple[int, int]] = ()) -> TextSpan | None:
    """The occasion the quote came from, with its time and place words; None when not stated.

    Looked for in the quote's own sentence(s), then the claim, then earlier sentences that
    name the speaker as the one who acts (``speaker_mentions``, in text order), nearest first.
    ``quoted``: the article's quoted runs, in text order (an occasion named inside a quotation
    is not one).
    """
    sents = sentences(doc)
    if not sents.spans:
        return None
    found = occasions(doc, sents, quoted)
    if not found:
        return None
    own = own_sentence(sents, quote)
    places: list[int] = list(range(own[0], own[1] + 1))
    if claim is not None:
        places.append(sents.index_at(claim.start))
    # The quote's own sentence first: an occasion said there is the one of these very words.
    held = [found[k] for k in places if k in found]
    local = next((o for o in held if o.strong), held[0] if held else None)
    if local is not None and local.strong:
        return _fullest(found, local).span
    earlier = _earlier(doc, sents, found, own[0], set(places), speaker_mentions)
    # "At a rally, Ortega ..." then "she told the crowd": the rally, said just before, over the crowd.
    if earlier is not None and (local is None or earlier[0] >= own[0] - _NEAR):
        return _fullest(found, earlier[1]).span
    return _fullest(found, local).span if local is not None else None


def _earlier(doc: Doc, sents: Sentences, found: dict[int, Occasion], before: int, seen: set[int],
             speaker_mentions: Sequence[tuple[int, int]]) -> tuple[int, Occasion] | None:
    """The nearest earlier sentence in which the speaker acts with an occasion words were said at."""
    first = sents.spans[before][0]
    hi = bisect.bisect_left(speaker_mentions, first, key=lambda m: m[0])
    for m in range(hi - 1, -1, -1):
        k = sents.index_at(speaker_mentions[m][0])
        if k in seen or not _acts(doc, speaker_mentions[m]):
            continue
        seen.add(k)
        if k in found and found[k].strong:
            return k, found[k]
    return None


def _acts(doc: Doc, mention: tuple[int, int]) -> bool:
    """The mention is not what is done to in its sentence ("Ortega thanked Reed on Twitter": Ortega, not Reed)."""
    span = doc.char_span(*mention, alignment_mode="expand")
    if span is None or span.root.dep_ not in _OBJECT_DEPS:
        return True
    return any(c.dep_ == "relcl" for c in span.root.children)  # "a blow to Ortega, who walked out during the hearing"


def _fullest(found: dict[int, Occasion], occ: Occasion) -> Occasion:
    """The occasion, or for "the hearing" the nearest earlier "a Senate hearing on Tuesday" (for a bare
    "CBS", the earlier "CBS Evening News")."""
    words = occ.span.text.split(" ")
    if len(words) > 1 and words[0].lower() not in _DEFINITE:
        return occ
    for j in sorted((j for j, o in found.items() if o.span.start < occ.span.start), reverse=True):
        if found[j].head == occ.head:
            return found[j]
    return occ
