"""Reading words as a role and an affiliation: a description ("a professor at Y", "Y's director
of Z", "the senator"), a run of title words, an affiliation phrase; what one finding holds.

The patterns that find such words around a person are in ``around_name`` (before the name)
and ``context`` (around a mention); ``choice`` chooses among the findings.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from enum import IntEnum
from typing import Sequence

from spacy.tokens import Doc, Span, Token

from ..lexicon.function_words import POSSESSIVE
from ..lexicon.grammar import (AFFILIATION_ENTS, AREA_ENTS, BODY_MODIFIER_DEPS, COORDINATION_DEPS, DETERMINER_DEPS,
                               NUMERIC_ENTS, PREP_OBJECT_DEPS, ROLE_MODIFIER_DEPS)
from ..lexicon.documents import DOCUMENT_NOUNS
from ..lexicon.parties import PARTY_WORDS_IF_NAMED, party_name
from ..lexicon.people import NAMED_BODY_NOUNS
from ..lexicon.places import MAX_WORDS, may_start_place, place_name
from ..lexicon.titles import (ABBREVIATIONS, AFFILIATION_PREPS, AGENT_ENDINGS, CHAMBERS, LEGISLATIVE_TITLES,
                              NO_ROLE_HONORIFICS, NOT_AGENTS, NOT_ROLES, NOW_WORDS, PAST_QUALIFIERS, ROLE_QUALIFIERS,
                              TITLE_LIKE_ENDINGS, expand, is_title)

# How an affiliation ranks: an organisation first, then a party, then a place.
ORG, PARTY, PLACE = 0, 1, 2
_ROLE_PREP_CHAIN = 3  # "of"/"for" phrases a role runs on through: "director of the office of policy for ..."


class Weight(IntEnum):
    """How sure a pattern is that what it found is the person's position now; ``choice`` adds
    a bonus for the body or party a role comes with, and only findings above PAST name a current body."""

    PAST = 0  # a position held once: "was the director of Y", "who helmed Y from 1995 to 1997"
    BODY = 1  # a body or party alone, no role: "X of Y", "works at Y", "her fellow Democrats"
    ASIDE = 2  # said of the person at a remove: a later description, "X is the director", a role that is no title
    AT_NAME = 3  # said right at the name: the title before it, an appositive, "X, who is the director of Y,"
    NOW = 4  # said to hold now: "X is now the director"


@dataclass(frozen=True)
class Found:
    """What one pattern found about the person."""

    role: str | None
    affiliation: str | None
    rank: int  # ORG, PARTY or PLACE; meaningless when affiliation is None
    order: int  # token index: earlier wins a tie
    weight: int = Weight.AT_NAME  # how sure the pattern is that this is the person's position now


def person_word(tok: Token) -> bool:
    """A word that names a person: tagged so, or the last word of a person named elsewhere."""
    if tok.ent_type_ == "PERSON":
        return True
    if tok.pos_ != "PROPN":
        return False
    # "the Harbour Library" is no person because "Library" alone was once taken for one: a name
    # with proper words before it is a person's only where a person's name ends in all those words.
    words = [c.text for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i >= tok.i - 3] + [tok.text]
    return any(e.label_ == "PERSON" and [t.text for t in e[-len(words):]] == words for e in tok.doc.ents)


def inside_quote(quoted: Sequence[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(quoted, offset, key=lambda r: r[0])
    return i > 0 and quoted[i - 1][0] <= offset < quoted[i - 1][1]


def run_title(run: list[Token]) -> Token:
    """The title word of a run before a name: its last title or abbreviated title."""
    return next((t for t in reversed(run) if is_title(t.text) or t.text.rstrip(".").lower() in ABBREVIATIONS),
                run[-1])


def party_named_again(tok: Token) -> str | None:
    """The party a capitalised outlook word names ("Conservative") in an article that also names that
    party outright, outside this word ("Tory", "the Tories"), else None."""
    party = PARTY_WORDS_IF_NAMED.get(tok.lower_) if tok.text[:1].isupper() else None
    if party is None:
        return None
    return party if any(party_name(t.text) == party for t in tok.doc if t.i != tok.i) else None


def titleish(tok: Token) -> bool:
    """A word that titles a name rather than being part of it."""
    word = tok.lower_.rstrip(".")
    return (is_title(tok.text) or word in NO_ROLE_HONORIFICS or word in ROLE_QUALIFIERS or tok.text in (".", "-")
            or party_name(tok.text) is not None)


def split_title_run(run: list[Token], need_title: bool) -> tuple[str | None, str | None, int]:
    """Split a title run into role and affiliation: "former U.S. Secretary of State" is
    (former Secretary of State, United States); "Harlow campaign manager" is (manager, Harlow campaign)."""
    toks = [t for t in run if t.pos_ != "DET"]
    # "South Florida-based president", "Harbor City-trained surgeon": the place words are no title.
    for k in range(len(toks) - 1, 0, -1):
        if toks[k - 1].text == "-" and toks[k].tag_ in ("VBN", "VBD", "JJ") and toks[k].lower_.endswith("ed"):
            toks = toks[k + 1:]
            break
    if not toks:
        return None, None, ORG
    qualifiers: list[Token] = []
    while toks and (toks[0].lower_.rstrip("-") in ROLE_QUALIFIERS
                    or (toks[0].pos_ == "ADJ" and toks[0].text.islower() and len(toks) > 2
                        and toks[1].ent_type_ in ("PERSON", "ORG") and not is_title(toks[1].text))):
        qualifiers.append(toks.pop(0))  # "former", and "top" of "a top Trump surrogate"
    aff_end, aff, rank = _leading_affiliation(toks)
    rest = toks[aff_end:]
    last = rest[-2] if len(rest) > 1 and rest[-1].text == "." else (rest[-1] if rest else None)
    titled = last is not None and (is_title(last.text) or (last is not rest[-1] and is_title(last.text + "."))
                                   or _split_title(rest)
                                   or _hyphen_title(rest) or _title_of(rest) or _agent_title(rest))
    if not titled:
        if need_title and rest:
            return None, None, ORG
        return None, aff, rank
    # A role word that names a body belongs to the affiliation too: "campaign manager" keeps "campaign".
    role_words = _words([q for q in qualifiers if q.lower_ != "current"] + rest)  # "current" adds nothing
    role = _join(role_words)
    return role or None, aff, rank


def _agent_title(rest: list[Token]) -> bool:
    """A run ending in a noun for someone by what they do, by its shape: "bassist", "policy co
    ordinator", "songwriter/guitarist"."""
    last = rest[-1]
    return last.tag_ == "NN" and (agent_noun(last) or title_like(last))


def _split_title(rest: list[Token]) -> bool:
    """A title whose hyphen the text lost: "co ordinator", "co founder"."""
    return len(rest) > 1 and rest[-2].text.islower() and is_title(rest[-2].text + rest[-1].text)


def shape_title(run: list[Token]) -> bool:
    """A title run that ends in no listed title, only a noun shaped like one ("computer games maker"):
    a description of the person more than a post, so it says less than any listed title."""
    last = run[-1]
    return not is_title(last.text) and not _split_title(run) and _agent_title([last])
def leading_body(run: list[Token]) -> tuple[str | None, int]:
    """The body, party or place a run of words before a person noun names, when it names one
    with all its words ("Tasmania" of "Tasmania man"); else (None, ORG)."""
    toks = [t for t in run if t.pos_ != "DET"]
    if not toks:
        return None, ORG
    end, aff, rank = _leading_affiliation(toks + [toks[-1]])  # the sentinel stands for the noun
    return (aff, rank) if end == len(toks) else (None, ORG)


def _title_of(rest: list[Token]) -> bool:
    """A title with its "of" phrase: "Secretary of State", "Director of National Intelligence"."""
    for k, tok in enumerate(rest):
        if tok.lower_ == "of" and k > 0 and is_title(rest[k - 1].text):
            return all(t.is_title or t.lower_ in ("and", "the") for t in rest[k + 1:]) and k + 1 < len(rest)
    return False


def _hyphen_title(rest: list[Token]) -> bool:
    """Titles spaCy splits at a hyphen: "President-elect", "vice-president", "fly-half"."""
    return len(rest) >= 3 and rest[-2].text == "-" and (is_title(rest[-3].text) or rest[-1].lower_ == "elect"
                                                        or is_title(rest[-3].text + "-" + rest[-1].text))


def _leading_affiliation(toks: list[Token]) -> tuple[int, str | None, int]:
    """How many leading tokens name a body, party or place, that affiliation and its rank."""
    i = 0
    n = len(toks)
    if not n:
        return 0, None, ORG  # the run was all qualifiers: "the former"
    if toks and toks[0].text in CHAMBERS and len(toks) > 1 \
            and expand(run_title(toks).text).lower() not in LEGISLATIVE_TITLES:
        return 0, None, ORG  # "House editor": the chamber is the beat, not the body; "House Speaker" leads it
    while i < n:
        tok = toks[i]
        if i + 1 < n and party_name(tokens_text(toks[i:i + 2])):  # "Liberal Democrat", "Lib Dem"
            return i + 2, party_name(tokens_text(toks[i:i + 2])), PARTY
        if i == 0 and n > 1 and (party := party_named_again(tok)):
            return 1, party, PARTY  # "Conservative co chairman", where the article writes "the Tories"
        if party_name(tok.text):
            body = _entity_run(toks, i)
            if body > i + 1 and body < n:  # "Republican National Committee Research Director"
                return body, tokens_text(toks[i:body]), ORG
            return i + 1, party_name(tok.text), PARTY
        if may_start_place(tok.text) and not (tok.ent_type_ == "ORG" and i + 1 < n and toks[i + 1].ent_iob_ == "I"
                                              and toks[i + 1].ent_type_ == "ORG"):
            # (a place that starts an organisation's name, "US Treasury", is the organisation)
            for size in range(min(MAX_WORDS, n - i), 0, -1):
                words = tokens_text(toks[i:i + size])
                if place_name(words) and (i + size == n or toks[i + size].text not in POSSESSIVE):
                    if i == 0 and i + size < n:
                        return size, place_name(words), PLACE
        if i == 0 and tok.ent_type_ == "GPE" and tok.ent_iob_ == "B":  # "Ohio Sen.": a region's title
            size = 1
            while size < n and toks[size].ent_type_ == "GPE" and toks[size].ent_iob_ == "I":
                size += 1
            if size < n and is_title(toks[size].text):
                return size, tokens_text(toks[:size]), PLACE
        break
    # A named body: tokens of an ORG/GPE/PERSON entity, or a proper noun and a body noun after it.
    if toks and toks[0].ent_type_ == "LOC":
        return 0, None, ORG  # "Asia director", "Middle East correspondent": a region is the beat
    j = 0
    while j < n - 1 and (toks[j].ent_type_ in AFFILIATION_ENTS or _acronym(toks[j])) and not is_title(toks[j].text):
        j += 1
        if j + 1 < n - 1 and toks[j].text == "-" and toks[j + 1].text[:1].isupper():
            j += 1  # "AFL-CIO President": a hyphenated name is one
    if not j and n > 2 and toks[0].pos_ == "PROPN" and toks[0].text[:1].isupper() \
            and toks[1].lower_ in NAMED_BODY_NOUNS and not titleish(toks[0]):
        j = 1  # "Harlow police chief": a proper noun and the body it names
    if not j and toks and toks[-1].text.islower() and is_title(toks[-1].text):
        # "Acme chief executive", "Riverton boss": capitalised proper nouns before a title written in
        # lower case name the body, whatever the recogniser made of them
        # (the small model tags an unfamiliar name a verb or a noun: "Acme" VB)
        while j < n - 1 and (toks[j].pos_ in ("PROPN", "NOUN", "VERB") or _named_adjective(toks[j])) \
                and toks[j].text[:1].isupper() and not toks[j].text.isupper() and not titleish(toks[j]):
            j += 1
    if j and all(t.ent_type_ == "NORP" for t in toks[:j]) and rank_of(tokens_text(toks[:j])) == ORG:
        j = 0  # "European commissioner", "Muslim cleric": a people's adjective that names no country is the role's
    if j and j < n and toks[j].text in POSSESSIVE:
        j += 1
    if j and j < n - 1 and toks[j].lower_ in NAMED_BODY_NOUNS:
        j += 1
    if j:
        words = tokens_text(toks[:j]).rstrip("'’s").strip() if toks[j - 1].text in POSSESSIVE else tokens_text(toks[:j])
        return j, normalise(words, toks[0].ent_type_), rank_of(words, toks[0].ent_type_)
    return 0, None, ORG


def _named_adjective(tok: Token) -> bool:
    """A name the tagger took for an adjective ("Rovers" of "Rovers coach" tagged JJ): capitalised,
    no nationality, and written capitalised where no sentence starts, nowhere in lower case."""
    if tok.pos_ != "ADJ" or tok.ent_type_ or not tok.text[:1].isupper() or tok.text.isupper():
        return False
    if not _opens_sentence(tok):
        return True
    same = [t for t in tok.doc if t.lower_ == tok.lower_ and t.i != tok.i]
    return any(not _opens_sentence(t) and t.text == tok.text for t in same) and not any(t.text.islower() for t in same)


def _opens_sentence(tok: Token) -> bool:
    """The first word of a sentence or line, after any quote marks and spaces before it."""
    k = tok.i - 1
    while k >= 0 and (tok.doc[k].is_space or tok.doc[k].is_quote):
        k -= 1
    return k < 0 or tok.doc[k + 1].is_sent_start or tok.doc[k].text in (".", "!", "?", ":") or "\n" in tok.doc[k + 1:tok.i].text


def _entity_run(toks: list[Token], i: int) -> int:
    """Where the ORG entity that starts at ``toks[i]`` ends within ``toks``."""
    k = i
    if toks[i].ent_type_ != "ORG" or toks[i].ent_iob_ != "B":
        return i + 1
    k = i + 1
    while k < len(toks) and toks[k].ent_type_ == "ORG" and toks[k].ent_iob_ == "I" and not is_title(toks[k].text):
        k += 1
    return k


def _acronym(tok: Token) -> bool:
    """An organisation's initials before a title: "IMF chief economist", "DNC chairwoman"."""
    # (three letters or more whatever the tagger made of them; two as a noun are a field: "TV", "PR")
    return (tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and len(tok) > 2) and tok.is_alpha and tok.is_upper \
        and 2 <= len(tok) <= 6 and tok.text not in CHAMBERS and place_name(tok.text) is None and party_name(tok.text) is None


def description_of(head: Token, any_noun: bool = False) -> tuple[str | None, str | None, int]:
    """Role and affiliation that a description headed by ``head`` gives. ``any_noun``: the words are
    said of the person (an appositive, a predicate), so any noun but a relative or a bare "man" will do."""
    if head.lower_ == "one" or (head.pos_ == "NUM" and any_noun):
        return _one_of(head, any_noun)
    if party_name(head.text) and head.tag_ in ("NNP", "NN", "NNPS", "NNS"):
        return None, party_name(head.text), PARTY  # "the top Democrat on the committee": the party, no position
    if (head.pos_ != "NOUN" and not is_title(head.text)) or head.lemma_.lower() in NOT_ROLES:
        return None, None, ORG
    titled = is_title(head.text) or title_like(head)
    if not titled and (not any_noun or head.tag_ in ("NNS", "NNPS") or not head.text.islower()):
        return None, None, ORG
    role, aff, rank = _modified_role(head)
    if aff is None:
        aff, rank = _possessor(head) or (aff, rank)
    role, aff2, rank2 = _preps(head, role)
    joined = _coordinated_title(head)
    if joined is not None:
        c_role, c_aff, c_rank = description_of(joined, any_noun)
        if c_role and is_past(role) and not is_past(c_role) and any(q.lower_ in NOW_WORDS | {"current"}
                                                                    for q in joined.lefts):
            # "the former city treasurer and current Green Party nominee": what the person is now wins
            return c_role, c_aff or aff or aff2, c_rank if c_aff else (rank if aff else rank2)
        if c_role:
            if not is_past(c_role) or is_past(role):  # "the commissioner and former minister": what they are now
                role = f"{role} and {c_role}"  # "a former chairman and presidential candidate": "former" is said of both
            if c_aff and (aff is None or c_rank < rank):
                aff, rank = c_aff, c_rank
    if aff2 and (aff is None or rank2 < rank):
        aff, rank = aff2, rank2
    if not titled and aff is None:
        return None, None, ORG  # "a fraud", "a winner": no position, no body
    return role, aff, rank


def _one_of(head: Token, any_noun: bool) -> tuple[str | None, str | None, int]:
    """What the "of" phrase after "one" or a number describes: "one of the mayor's oldest friends"."""
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = object_of(c)
            if pobj is not None and pobj.pos_ == "NOUN":
                return description_of(pobj, any_noun)
    return None, None, ORG


def _modified_role(head: Token) -> tuple[str, str | None, int]:
    """The role a noun and the modifiers before it spell ("former deputy chief"), with the body or
    party among those modifiers ("her Republican opponent"); the noun alone when they spell none."""
    left = [c for c in head.lefts if c.dep_ in ROLE_MODIFIER_DEPS
            and (c.pos_ != "VERB" or c.lower_ in ROLE_QUALIFIERS) and c.lower_ not in NOW_WORDS]
    start = min((c.left_edge.i for c in left), default=head.i)
    doc = head.doc
    run = [doc[k] for k in range(start, head.i + 1) if (not doc[k].is_punct or doc[k].text in ("-", "."))
           and not _superlative(doc[k])]
    run = [t for t in run if t.pos_ not in ("DET", "PRON") and t.text not in (",",)]
    role, aff, rank = split_title_run(run, need_title=True) if run else (None, None, ORG)
    if aff is None and len(run) > 1 and party_name(run[0].text):
        aff, rank = party_name(run[0].text), PARTY
    return role if role is not None else _word(head), aff, rank


def _superlative(tok: Token) -> bool:
    """A modifier that ranks the person rather than naming a position: "the youngest", "the most
    senior" of "the most senior female surgeon on the ward"."""
    return tok.tag_ in ("JJS", "RBS") or any(c.tag_ == "RBS" for c in tok.children)


def _possessor(head: Token) -> tuple[str, int] | None:
    """The possessor as affiliation, "Y's director", and its rank: a person ("McCrory's opponent") is
    no body, the weakest affiliation."""
    for c in head.lefts:
        if c.dep_ == "poss" and c.pos_ != "PRON" and (_named(c) or c.lemma_.lower() in NAMED_BODY_NOUNS):
            # "the play's organiser": a thing is no body; "the campaign's" is one
            phrase = affiliation_phrase(c)
            if phrase:
                return normalise(phrase, c.ent_type_), PLACE if person_word(c) else rank_of(phrase, c.ent_type_)
    return None


def _coordinated_title(head: Token) -> Token | None:
    """The first title noun coordinated after ``head``: "treasurer" in "the former mayor and treasurer"."""
    for c in head.rights:
        if c.dep_ == "conj" and is_title(c.text) and c.pos_ == "NOUN":
            return c
    return None


def agent_noun(tok: Token) -> bool:
    """A lower-case noun for someone who does something ("announcer", "narrator", "protester"), not a
    document or an event ("report", "paper", "letter"): a speaker known only by it has it as role."""
    word = tok.lemma_.lower()
    return tok.text.islower() and len(word) > 4 and word.endswith(AGENT_ENDINGS) and word not in NOT_AGENTS \
        and word not in NOT_ROLES


def is_past(role: str) -> bool:
    """A role the person no longer holds: "former secretary of state", "ex-chairman"."""
    first = role.split(" ", 1)[0].lower()
    return first in PAST_QUALIFIERS or first.startswith("ex-")


def title_like(head: Token) -> bool:
    """A noun that names what a person does by its ending: an economist, a historian, a spokesman."""
    w = head.lower_
    return head.pos_ == "NOUN" and w.endswith(TITLE_LIKE_ENDINGS) and len(w) > 5


def _preps(head: Token, role: str) -> tuple[str, str | None, int]:
    """Prepositional phrases after a role noun: "of Z" joins the role unless Z is a body; "at/for/with Y"
    is the affiliation; "in Y" is the place, a last resort."""
    aff: str | None = None
    rank = ORG
    place: str | None = None
    at_end: int | None = None  # where the "at" phrase that gave the affiliation ends
    node = head
    for _ in range(_ROLE_PREP_CHAIN):
        nxt = None
        for c in node.rights:
            if c.dep_ != "prep":
                continue
            pobj = object_of(c)
            if pobj is None:
                continue
            named = named_body(pobj)
            if named is not None:
                pobj = named[-1]  # "a director at analyst firm IDC": the firm's name
            prep = c.lower_
            if prep in ("of", "for") and node is head and not _body(pobj) and aff is None \
                    and (prep == "of" or _field(pobj)):
                role = f"{role} {prep} {_role_phrase(pobj)}"  # "director of admissions", "vice president for policy"
                nxt = pobj
                if prep == "for":  # "associate for youth organizing at Y": the body hangs inside the field
                    inner = next((t for t in pobj.subtree if t.dep_ == "prep" and t.lower_ in ("at", "with")
                                  and (p := object_of(t)) is not None and _named(p)), None)
                    phrase = affiliation_phrase(object_of(inner)) if inner is not None else None
                    if phrase:
                        aff, rank = normalise(phrase, ""), ORG
                elif pobj.lemma_.lower() in DOCUMENT_NOUNS:  # "author of the Acme report": the body that issued it
                    issuer = [t for t in pobj.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and not any(
                        e.label_ == "PERSON" and len(e) > 1 and e[-1].text == t.text for e in t.doc.ents)]  # no one's surname
                    if issuer:
                        aff, rank = normalise(tokens_text(issuer), issuer[-1].ent_type_), ORG
            elif (prep in AFFILIATION_PREPS or prep == "to") and aff is None and pobj.pos_ != "PRON" \
                    and (_named(pobj) or (prep != "to" and _body(pobj))) \
                    and not (prep != "at" and pobj.ent_type_ in ("PERSON", "") and person_word(pobj)
                             and pobj.lower_ not in NAMED_BODY_NOUNS):  # "an attorney for X": a person is no body
                outer = next((o for t in pobj.subtree if t.dep_ == "prep" and t.lower_ == "at" and prep == "at"
                              and (o := object_of(t)) is not None and _named(o)), None)
                if outer is not None:  # "a lecturer at the Centre for X at the University of Y": the university
                    pobj, named = outer, None
                at_end = pobj.right_edge.i if prep == "at" else None
                phrase = tokens_text(list(named)) if named is not None and pobj is named[-1] else affiliation_phrase(pobj)
                if phrase:
                    aff, rank = normalise(phrase, pobj.ent_type_), rank_of(phrase, pobj.ent_type_)
                    if prep == "of" and node.i == head.i and rank == PLACE:
                        rank = ORG  # "attorney general of Oklahoma": the government the person serves
            elif prep == "at" and aff is not None and at_end is not None and c.i == at_end + 1 and _named(pobj) \
                    and (phrase := affiliation_phrase(pobj)):
                # "a lecturer at the Centre for X at the University of Y": the body the first is part of
                aff, rank = normalise(phrase, pobj.ent_type_), rank_of(phrase, pobj.ent_type_)
            elif prep == "in" and pobj.ent_type_ in AREA_ENTS and place is None:
                place = affiliation_phrase(pobj)
        if nxt is None:
            break
        node = nxt
    if aff is None and place:
        return role, normalise(place, "GPE"), PLACE
    return role, aff, rank


def _body(tok: Token) -> bool:
    """True when a noun names an organisation, government or place rather than a field."""
    if tok.ent_type_ in AFFILIATION_ENTS or (tok.pos_ == "PROPN" and not tok.text.islower()):
        return True
    return tok.lemma_.lower() in NAMED_BODY_NOUNS and any(c.pos_ == "PROPN" or c.ent_type_ in AFFILIATION_ENTS
                                                          or c.dep_ in DETERMINER_DEPS for c in tok.lefts)


def _named(tok: Token) -> bool:
    """A phrase that names its body: a proper noun or an entity in it ("the Clinton campaign"), not
    "human rights" or "the president"."""
    return any((t.pos_ == "PROPN" and not t.text.islower()) or t.ent_type_ in AFFILIATION_ENTS
               for t in tok.subtree if t.i <= tok.i or t.dep_ == "compound")


def named_body_noun(tok: Token) -> bool:
    """A body noun with its name before it: "union" of "the Acme union", not "the union"."""
    return tok.lemma_.lower() in NAMED_BODY_NOUNS and _named(tok)


def _field(tok: Token) -> bool:
    """A lower-case noun after "for" that names a field of work, not a body: "for policy"."""
    return tok.pos_ == "NOUN" and tok.text.islower() and not any(c.dep_ in DETERMINER_DEPS for c in tok.lefts)


def _role_phrase(tok: Token) -> str:
    """A role's "of" object with its modifiers and coordinates: "geosciences and international affairs"."""
    doc = tok.doc
    start = tok.left_edge.i
    end = tok.i + 1
    if any(c.dep_ == "conj" and not is_title(c.text) for c in tok.rights):
        for c in tok.rights:
            if c.dep_ in COORDINATION_DEPS:
                end = c.right_edge.i + 1
    toks = [t for t in doc[start:end] if t.pos_ != "DET"]
    return tokens_text(toks)


def object_of(prep: Token) -> Token | None:
    for c in prep.children:
        if c.dep_ in PREP_OBJECT_DEPS:
            return c
    return None


def named_body(tok: Token) -> Span | None:
    """The name a common noun is given right after it: "IDC" of "analyst firm IDC", "Fairplay" of
    "campaign group Fairplay" (the parser may hang the name anywhere); None when none follows."""
    if tok.pos_ != "NOUN" or not tok.text.islower():
        return None
    doc = tok.doc
    end = tok.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and end - tok.i <= 4:
        end += 1
    run = doc[tok.i + 1:end]
    if len(run) and run[0].text[:1].isupper() and run[0].ent_type_ not in NUMERIC_ENTS \
            and not is_title(run[0].text) and not any(person_word(t) for t in run):
        return run
    return None


def body_phrase(tok: Token) -> tuple[str | None, Token]:
    """``affiliation_phrase`` of a body's noun, or of the name given right after it
    (``named_body``), with the token that carries the entity label."""
    run = named_body(tok)
    if run is not None:
        return tokens_text(list(run)), run[-1]
    return affiliation_phrase(tok), tok


def is_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON"


def affiliation_phrase(tok: Token) -> str | None:
    """The name of the body a token stands for: its entity, or its noun phrase without the article."""
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    if tok.ent_type_ and tok.ent_iob_ in ("B", "I"):
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    for c in tok.lefts:
        if c.dep_ in BODY_MODIFIER_DEPS or (c.dep_ == "punct" and c.text == "-"):
            start = min(start, c.left_edge.i)
    if tok.ent_type_ == "" or end == tok.i + 1:
        # "the University of Michigan" when the recogniser missed it: keep a proper "of" phrase.
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i == end:
                pobj = object_of(c)
                if pobj is not None and pobj.pos_ == "PROPN":
                    end = max(end, pobj.i + 1)
    if tok.ent_type_ and end > tok.i:
        end = _proper_run_end(doc, end)
    toks = [t for t in doc[start:end]]
    while toks and (toks[0].pos_ in ("DET", "PRON") or toks[0].is_punct or toks[0].text in POSSESSIVE):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].text in POSSESSIVE):
        toks.pop()
    while len(toks) > 1 and toks[0].text.islower() and toks[0].pos_ in ("NOUN", "ADJ") \
            and all(t.pos_ == "PROPN" or t.text.islower() for t in toks[1:]) and toks[-1].pos_ == "PROPN":
        toks.pop(0)  # "analyst firm Qorvel", "state-owned Rosco": the kind of body goes, the name stays
    if not toks:
        return None
    return tokens_text(toks)


def _proper_run_end(doc: Doc, end: int) -> int:
    """Where a name the recogniser cut short ends: "Harbor" of "Harbor and Canal Workers of Ohio"
    goes on through capitalised words joined by "and", "of", "for"."""
    k = end
    while k + 1 < len(doc) and doc[k].lower_ in ("and", "of", "for", "&") and doc[k + 1].pos_ == "PROPN" \
            and doc[k + 1].text[:1].isupper():
        k += 2
        while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k += 1
    return k


def normalise(words: str, ent_type: str = "") -> str:
    """A place as its name ("U.S." is "United States"), a party word as the party; else as written."""
    place = place_name(words)
    if place:
        return place
    if party_name(words):
        return party_name(words) or words
    if words.lower().startswith("the "):
        return words[4:]
    return words


def rank_of(words: str, ent_type: str = "") -> int:
    if party_name(words):
        return PARTY
    if place_name(words) or ent_type in AREA_ENTS:
        return PLACE
    return ORG


def _word(tok: Token) -> str:
    return expand(tok.text)


def _words(toks: list[Token]) -> list[str]:
    """Role words written out; a dot split from its abbreviation ("Lt" ".") is put back first."""
    out: list[str] = []
    raw: list[str] = []
    for t in toks:
        if t.text == "." and raw and t.idx == toks[0].doc[t.i - 1].idx + len(raw[-1]):
            raw[-1] += "."
            continue
        if t.text == ".":
            continue
        raw.append(t.text)
    for w in raw:
        out.append(expand(w))
    return out


def _join(words: list[str]) -> str:
    out = ""
    for w in words:
        if out and not out.endswith(("-", "/")) and w not in ("-", "/"):
            out += " "
        out += w
    return out.strip()


def tokens_text(toks: Sequence[Token]) -> str:
    """The article's words for a run of tokens, with its own spacing."""
    if not toks:
        return ""
    return toks[0].doc[toks[0].i: toks[-1].i + 1].text
