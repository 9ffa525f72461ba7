"""What stands before or right after a name: the title run ("US President", "Sen.", "Harlow
police Chief") and a party-state tag ("(D-Mass.)", ", R-Ohio,", "(Vt.)").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..lexicon.function_words import POSSESSIVE
from ..lexicon.grammar import NAME_CHAIN_DEPS
from ..lexicon.parties import PARTY_WORDS, party_name
from ..lexicon.places import place_name
from ..parse_index import ParseIndex
from .phrases import Found, PARTY, PLACE, titleish
from ..lexicon.titles import ABBREVIATIONS, NO_ROLE_HONORIFICS, ROLE_QUALIFIERS, TITLE_HEADS, is_title

# "(D-Mass.)", "(R-Texas)", "(I-Vt.)", "(Vt.)", "(D-CA)", also with an en dash.
_STATE = r"([A-Z][A-Za-z]*\.?(?:\s?[A-Z][A-Za-z]*\.?)?)"
_TAG = re.compile(r"\s*\(\s*(?:([DRI])\s*[-–—]\s*)?" + _STATE + r"\s*\)")
# "Jane Roe, D-Mass., said" and "Jane Roe, Democrat of Massachusetts, said".
_COMMA_TAG = re.compile(r"\s*,\s*([DRI])\s*[-–—]\s*" + _STATE + r"\s*[,;]")
_LETTER_TAG = re.compile(r"\s*\(\s*([DR])\s*\)")
_WORD_TAG = re.compile(r"\s*,\s*(Democrat|Republican|Independent)\s+(?:of|from)\s+" + _STATE)
_PREMOD_MAX = 8  # tokens before a name that may title it: "the former Assistant Director of Parks"


def plural_title(tok: Token) -> bool:
    """A title in the plural: "Sens.", "Senators", "Lawmakers"."""
    word = tok.text.rstrip(".").lower()
    if word in ABBREVIATIONS:
        return ABBREVIATIONS.get(word[:-1]) == ABBREVIATIONS[word] and word.endswith("s")
    return word.endswith("s") and word[:-1] in TITLE_HEADS


def name_part(span: Span) -> tuple[int, Token] | None:
    """The first token of the name (titles before it left out, first names taken in) and the name's head."""
    head = span.root
    if head.pos_ != "PROPN" and head.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"):
        return None
    doc = span.doc
    # "Lim" of "Lim Eul-chul": the name's head is its last word.
    while head.dep_ in NAME_CHAIN_DEPS and head.head.pos_ == "PROPN" and 0 < head.head.i - head.i <= 4 \
            and head.head.ent_type_ == head.ent_type_:
        head = head.head
    start = span.start
    # A surname alone: take in the first names standing before it ("Mike" of "Gov. Mike Pence").
    while start > 0 and start > span.start - 6 and (_name_word(doc[start - 1]) or (
            _inline_space(doc[start - 1]) and start > 1 and _name_word(doc[start - 2]))):
        start -= 1
    while start < span.start and (doc[start].is_quote or doc[start].text == "." or doc[start].is_space):
        start += 1
    while start < head.i and (titleish(doc[start]) or doc[start].ent_type_ != "PERSON"):
        start += 1
    return start, head


def _inline_space(tok: Token) -> bool:
    """A space token inside a line (a no-break space between a title and a name): read through."""
    return tok.is_space and "\n" not in tok.text


def _name_word(tok: Token) -> bool:
    """A word of a name before a surname: a first name, an initial, a quoted nickname ("Bobby")."""
    if tok.is_quote:
        return True
    return tok.pos_ == "PROPN" and not titleish(tok) and (tok.ent_type_ in ("PERSON", "") or tok.text.endswith("."))


def _premod_token(tok: Token) -> bool:
    """A word that can stand in a title before a name ("former", "U.S.", "Sen.", "press", "-")."""
    if tok.text == "/" and tok.whitespace_ == "" and tok.i > 0 and tok.doc[tok.i - 1].whitespace_ == "":
        return True  # "songwriter/guitarist"
    if tok.is_space or tok.is_quote or tok.text in ("(", ")", ",", ";", ":", "—", "–", "―", "/"):
        return False
    if tok.ent_type_ in ("GPE", "ORG", "NORP") and tok.text[:1].isupper():
        return True  # a place or body the tagger took for a verb: "Harlow police Chief"
    if tok.text in ("-", "‑") and tok.whitespace_ == "":
        return True
    if tok.text in POSSESSIVE:
        return True
    if tok.pos_ in ("NOUN", "PROPN", "ADJ") or tok.text.endswith("."):
        return tok.pos_ != "PUNCT"
    if tok.tag_ == "VBG" and tok.text.islower() and tok.head.i == tok.i + 1 and is_title(tok.head.text):
        return True  # "managing" of "Acme managing director": the title's own word
    return tok.lower_ in ROLE_QUALIFIERS or tok.lower_ == "vice"


def premodifier(doc: Doc, name_start: int, span_start: int) -> list[Token]:
    """The words before a name that title it: "US President" of "US President Donald Trump"."""
    i = name_start - 1
    lo = max(0, name_start - _PREMOD_MAX)
    while i >= lo:
        tok = doc[i]
        if _inline_space(tok):
            i -= 1
            lo = max(0, lo - 1)
            continue
        if tok.text == "." and i > lo and doc[i - 1].whitespace_ == "" and doc[i - 1].lower_ in ABBREVIATIONS:
            i -= 1  # "Sens" "." split by the tokenizer: the dot belongs to the title
            continue
        if tok.lower_ == "of" and i - 1 >= lo and is_title(doc[i - 1].text) and doc[i + 1].is_title:
            i -= 1  # "Secretary of State"
            continue
        if i == name_start - 1 and tok.lower_.rstrip(".") in NO_ROLE_HONORIFICS and tok.text[:1].isupper():
            i -= 1  # "United manager Sir Al Dunn": the title run stands before the honorific
            continue
        if tok.lower_ in ("and", "&") and i > lo and i + 1 < name_start and is_title(doc[i - 1].text) \
                and is_title(doc[i + 1].text):
            i -= 1  # "founder and director": two titles of one person
            continue
        if tok.is_alpha and tok.whitespace_ == "" and doc[i + 1].text in ("-", "‑") and i + 1 < name_start - 1:
            i -= 1  # "Under" of "Treasury Under-Secretary": the first half of a hyphened title
            continue
        if not _premod_token(tok) or tok.lower_ in NO_ROLE_HONORIFICS or tok.lower_.rstrip(".") in NO_ROLE_HONORIFICS:
            break
        if tok.is_sent_start and i < span_start and tok.pos_ != "PROPN" and not is_title(tok.text):
            i -= 1
            break
        i -= 1
    run = [doc[k] for k in range(i + 1, name_start) if not doc[k].is_space]
    # An honorific right before the name ("Mr.") says nothing; a determiner-less run only.
    while run and (run[-1].lower_.rstrip(".") in NO_ROLE_HONORIFICS):
        run.pop()
    while run and run[0].text in POSSESSIVE | {"-"}:
        run.pop(0)
    return run


def party_state_tag(index: ParseIndex, span: Span) -> Found | None:
    """"(D-Mass.)" after a name: the party, or failing it the place. The letter stands for a party
    the article names in full elsewhere ("Democrats", "the Labour Party"), the one party named
    there whose name starts with it; an article that names none, or two that share the letter,
    leaves the letter unread. The place is kept as written ("Mass.")."""
    doc = index.doc
    after = doc[span.end:span.end + 10].text if span.end < len(doc) else ""
    gap = doc[span.end - 1].whitespace_
    tail = gap + after
    letter_only = _LETTER_TAG.match(tail)
    if letter_only:  # "Gov. Ray Lund (R)"
        party = _party_of_letter(index, letter_only.group(1))
        return Found(None, party, PARTY, span.start) if party else None
    m = _TAG.match(tail) or _COMMA_TAG.match(tail)
    if not m:
        w = _WORD_TAG.match(tail)
        if not w:
            return None
        party = party_name(w.group(1))
        if party:
            return Found(None, party, PARTY, span.start)
        return Found(None, _place(w.group(2)), PLACE, span.start)
    letter, where = m.group(1), m.group(2)
    party = _party_of_letter(index, letter) if letter else None
    if party:
        return Found(None, party, PARTY, span.start)
    if letter or where.endswith(".") or len(where) == 2 and where.isupper():
        return Found(None, _place(where), PLACE, span.start)
    return None


def _place(written: str) -> str:
    """A tag's place, a country by its name ("U.S." is "United States"), any other as written."""
    return place_name(written) or written


def _party_of_letter(index: ParseIndex, letter: str) -> str | None:
    """The one party the article names whose name starts with ``letter``, else None."""
    named = {party_name(t.text) for word in PARTY_WORDS for t in index.words(word)}
    # and any "<Name> Party" the article writes: "the Dixie Party"
    named.update(f"{t.nbor(-1).text} Party" for t in index.words("party") if t.text == "Party" and t.i > 0
                 and t.nbor(-1).is_title)
    matching = {p for p in named if p and p[:1].upper() == letter.upper()}
    return matching.pop() if len(matching) == 1 else None
