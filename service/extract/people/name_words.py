"""Reading a name from a span of the article: the words that make it, and what it cannot be.

Owns the helpers that turn a span into lower-case name words: titles, determiners and a
trailing 's dropped ("Sen. Jo Roe's" is "jo roe"), tokens written together kept as one word
("O'Neill"), markup glued to a word cleared, an acronym formed ("imf"), a doubled letter written once.
They also tell a person's name the recogniser mislabelled or cut short ("Carly Venn" as an
organisation, "Marisol Ferrante" tagged "Ferrante") from a thing ("the 13th Amendment").
Which entity the words belong to is ``people``'s business.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..lexicon.function_words import POSSESSIVE
from ..lexicon.grammar import BODY_ENTS
from ..lexicon.names import INITIALS_SKIP, POST_NOMINALS, affiliation_word, given_name, title_word
from ..lexicon.people import ORG_NOUNS
from ..lexicon.titles import TITLE_HEADS


def strip_name(span: Span) -> Span | None:
    """The name inside a span: leading titles and determiners and a trailing 's dropped; a country's
    or party's word ("British") only before a person's name, not in a body's ("Ugandan Film Board")."""
    start, end = span.start, span.end
    doc = span.doc
    body = span.label_ in BODY_ENTS

    def leading(word: str) -> bool:
        return title_word(word) and not (body and affiliation_word(word))
    # the last word always stays: a surname can be a title word too (Dana Bishop)
    while start < end - 1 and (leading(doc[start].text) or doc[start].pos_ in ("DET", "PUNCT")
                           or doc[start].text in ("(", "―", "—", "-") or doc[start].is_lower):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].pos_ == "PUNCT"):
        end -= 1
    if ends_in_post_nominal(doc[start:end]):
        end -= 1  # "Jo Ames QC" is Jo Ames
    if end - start >= 3 and doc[start].lower_ in TITLE_HEADS and doc[start + 1].is_title:
        start += 1  # "Striker Jo Ames" opening a sentence; "Dean Ames" may be a first name, and stays
    if start >= end:
        return None
    if end - start == 1 and any(affiliation_word(t.text) for t in doc[span.start:start]) \
            and (title_word(doc[start].text) or doc[start].text.rstrip(".").lower() in POST_NOMINALS):
        return None  # "Labour MP", "the French minister": a description, no name
    return doc[start:end]


def post_nominal(token: Token) -> bool:
    """Letters after a name that say an office or an honour ("QC", "MP", "OBE", "PhD"), no part of it."""
    return token.lower_.replace(".", "") in POST_NOMINALS and (token.is_upper or token.text == "PhD")


def ends_in_post_nominal(span: Span) -> bool:
    """A name of two words or more with letters after it that only a person carries ("Jo Ames QC"):
    a person, whatever the recogniser's label ("Green MP" is a title, no name)."""
    words = [t for t in span if not t.is_punct and t.text not in POSSESSIVE]
    return len(words) >= 3 and post_nominal(words[-1]) and all(t.text[:1].isupper() for t in words[-3:-1])


def name_words(span: Span) -> tuple[str, ...]:
    """Lower-case name words; tokens written together are one word (O'Neill, however split)."""
    words: list[str] = []
    glued = False
    for t in span:
        if any(c.isalpha() for c in t.text):
            word = _JUNK_EDGES.sub("", t.lower_.replace("’", "'"))  # '">sanders' from markup left in the text
            if glued and words:
                words[-1] += word
            else:
                words.append(word)
        glued = not t.whitespace_ and t.text[-1:] in "'’-"
    return tuple(words)


# Characters that cannot open or close a name: markup and marks glued to a word.
_JUNK_EDGES = re.compile(r"^[^\w(]+|[^\w.)'’\"”]+$")


def trim_junk(text: str) -> str:
    """A word or name without the markup and marks glued to its edges."""
    return _JUNK_EDGES.sub("", text)


def initials(words: tuple[str, ...]) -> str:
    """The acronym of a multi-word name: "international monetary fund" -> "imf"."""
    letters = [w[0] for w in words if w not in INITIALS_SKIP]
    return "".join(letters) if len(letters) >= 2 else ""


def given_name_before(span: Span) -> Span:
    """A one-word person with a first name the recogniser left out: "Marisol Ferrante", where the
    word before is a capitalised proper noun of no other entity, compounded onto the name."""
    if span.start == 0:
        return span
    before = span.doc[span.start - 1]
    if before.pos_ == "PROPN" and before.dep_ == "compound" and before.head.i == span.start and before.is_alpha \
            and before.text[:1].isupper() and not before.is_upper and not before.ent_type_ and not title_word(before.text):
        return span.doc[span.start - 1:span.end]
    return span


_DOUBLED = re.compile(r"(\w)\1")


def single_letters(word: str) -> str:
    """A word with every doubled letter written once."""
    return _DOUBLED.sub(r"\1", word)


def opens_line(span: Span) -> bool:
    """A span not run on from a lower-case word: a headline verb may stand before a name there
    ("Rip Jane Roe"), but not in "said Jo Anne Roe"."""
    return span.start == 0 or not span.doc[span.start - 1].is_lower


def personal_name(span: Span) -> bool:
    """A person's full name the recogniser took for an organisation: two or three capitalised
    words, the first a known first name ("Carly Venn" as ORG), none of them a body's noun."""
    words = [t for t in span if not t.is_punct]
    return 2 <= len(words) <= 3 and all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in words) \
        and given_name(words[0].text) and not any(t.lower_ in ORG_NOUNS for t in words)
