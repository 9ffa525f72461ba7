"""The words of an event: from the token that names it to the end of its phrase.

``phrase``: the event noun with its modifiers ("a 30-minute phone interview"), its
"with/aboard/at/in/on/of/from/by/for ..." phrases ("an interview with the Daily Ledger",
"a rally in Dayton, Ohio"), a short "issued/released/posted <time>" clause, a show's name after
its outlet ("WKR Evening News", "WKR's "Evening Desk""), a place hung on the verb ("told a
crowd in Akron") and time words ("on Friday", "earlier Thursday"). For a verb of speaking, the
verb and its phrases ("speaking to a farmers group in Iowa", "after meeting with the mayor"). A phrase stops at a comma
(except inside a place's name) or a clause. Kept inside the sentence.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon.events import ISSUING_VERBS, PHRASE_PREPS, SERIES_NOUNS, TIME_ADVERBS
from ..lexicon.grammar import NOUN_PHRASE_LEFT_DEPS, PLACE_ENTS, PREP_OBJECT_DEPS, SUBJECT_DEPS, TIME_ENTS
from ..records import TextSpan

# Punctuation inside an event phrase: "a fund-raiser", "a "Town Forum" held by".
_JOINING_PUNCT = frozenset('-”’"')
_CLOSING = frozenset('”"')


def phrase(tok: Token, lo: int, hi: int, text: str) -> TextSpan | None:
    """The event noun with its modifiers, its phrases, a show's name and time words."""
    doc = tok.doc
    if tok.pos_ == "VERB":  # "speaking to a farmers group", "after meeting with the mayor"
        start = tok.head.i if tok.dep_ == "pcomp" else tok.i
        return _span(doc, start, _time_end(doc, _pp_end(tok)), lo, hi, text)
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in NOUN_PHRASE_LEFT_DEPS or (c.dep_ == "punct" and c.text == "-"):
            start = min(start, c.left_edge.i)
    end = _right_end(tok)
    nxt = end + 1 if end < len(doc) and doc[end].is_space else end
    if nxt < len(doc) and doc[nxt].lower_ in ("in", "at") and (o := pobj(doc[nxt])) is not None \
            and o.ent_type_ in PLACE_ENTS:
        end = _pp_end(doc[nxt])  # "told a crowd in Akron", the place hung on the verb
    if tok.pos_ == "PROPN":
        end = _name_end(doc, end)
    end = _time_end(doc, end)
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].pos_ == "ADP"):
        end -= 1
    if end < len(doc) and doc[end].text in _CLOSING and _open_mark(doc[start:end].text):
        end += 1  # WKR's "Evening Desk", its closing mark kept
    return _span(doc, start, end, lo, hi, text)


def _span(doc: Doc, start: int, end: int, lo: int, hi: int, text: str) -> TextSpan | None:
    """Tokens ``start:end`` as a span of the text, within the sentence ``lo:hi``."""
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    s, e = max(s, lo), min(e, hi)
    if e <= s:
        return None
    return TextSpan(text[s:e], s, e)


def _open_mark(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _right_end(tok: Token) -> int:
    """After the noun: its phrases ("with ...", "in Ohio"), a time, a short "released Sunday" clause."""
    doc = tok.doc
    end = tok.i + 1
    for c in tok.rights:
        if c.dep_ == "punct" and c.i == end and (c.text in _JOINING_PUNCT or _between_places(c)):
            end += 1
            continue
        if c.dep_ == "appos" and c.ent_type_ == "GPE" and c.i == end:
            end = c.right_edge.i + 1  # "Dayton, Ohio"
            continue
        gap = range(end, c.left_edge.i)
        if any(doc[k].is_punct and doc[k].text not in _JOINING_PUNCT for k in gap):
            break
        end = max(end, gap.stop) if gap else end  # past a closing mark: "a "Town Forum" sponsored by"
        if c.dep_ == "prep" and c.lower_ in PHRASE_PREPS:
            o = pobj(c)
            if c.lower_ == "of" and tok.lemma_.lower() not in SERIES_NOUNS and (
                    o is None or not o.ent_type_ and o.pos_ != "PROPN"):
                break  # "a memoir of her years in office": what it is about, not which one
            end = max(end, _pp_end(c))
        elif c.dep_ == "npadvmod" and c.ent_type_ in TIME_ENTS or c.dep_ == "advmod" and (
                c.lower_ in TIME_ADVERBS or any(t.ent_type_ in TIME_ENTS for t in c.subtree)):
            end = max(end, c.right_edge.i + 1)  # "an interview Friday", "an interview earlier Thursday"
        elif c.dep_ == "acl" and c.lemma_ in ISSUING_VERBS and c.i == end:
            end = max(end, _pp_end(c))
        else:
            break
    return end


def _name_end(doc: Doc, end: int) -> int:
    """Past a show's name after its outlet: "WKR Evening News", "WKR's "Evening Desk"."""
    k = end
    while k < len(doc):
        t = doc[k]
        if t.text in ("'s", "’s", "“", "”", '"') or (t.is_title and not t.is_sent_start and t.ent_type_ not in TIME_ENTS
                                                    and t.dep_ not in SUBJECT_DEPS):
            k += 1
        else:
            break
    return k if any(doc[j].is_title for j in range(end, k)) else end


def _time_end(doc: Doc, end: int) -> int:
    """Past a time right after: "... on Friday", "... Monday night", "... earlier Thursday"."""
    if end + 1 < len(doc) and doc[end].lower_ in TIME_ADVERBS and doc[end + 1].ent_type_ in TIME_ENTS:
        end += 1
    if end < len(doc) and doc[end].ent_type_ in TIME_ENTS:
        while end < len(doc) and doc[end].ent_type_ in TIME_ENTS and doc[end].ent_iob_ in ("B", "I"):
            end += 1
    elif end + 1 < len(doc) and doc[end].lower_ == "on" and doc[end + 1].ent_type_ in TIME_ENTS:
        end += 1
        while end < len(doc) and doc[end].ent_type_ in TIME_ENTS:
            end += 1
    return end


def _pp_end(head: Token) -> int:
    """The token index after a phrase, up to its first comma or clause (a name may hold a verb;
    a place may hold a comma: "in Dayton, Ohio")."""
    end = head.i + 1
    for t in head.subtree:
        if t.i < head.i:
            continue
        if _between_places(t):
            continue
        if t.is_punct and t.text in (",", ";", "—", "–", "(") or (t.pos_ in ("VERB", "AUX") and t.i != head.i
                                                                  and not t.ent_type_) or t.tag_ == "WRB":
            break  # a comma, or a clause: "... when she walked in"
        end = t.i + 1
    return end


def _between_places(t: Token) -> bool:
    """A comma inside a place's name: "Dayton, Ohio"."""
    doc = t.doc
    return t.text == "," and 0 < t.i < len(doc) - 1 and doc[t.i - 1].ent_type_ == doc[t.i + 1].ent_type_ == "GPE"


def pobj(prep: Token) -> Token | None:
    for c in prep.children:
        if c.dep_ in PREP_OBJECT_DEPS:
            return c
    return None
