"""Role and affiliation of one speaker, from what the article itself says about them.

``role_and_affiliation(doc, mentions)`` reads every place the article names or describes
the person and returns one (role, affiliation) pair: the most complete the article gives.
Handled, for a mention that is a name:
- a title before the name: "US President Donald Trump" (President, United States),
  "Unification Minister Chung", "North Korean leader Kim" (leader, North Korea),
  "Harlow campaign manager Dee Park" (manager, Harlow campaign), "IMF chief economist X" and
  "Tulsa police Chief X" (a body's initials or a place and a body noun), "Republican National
  Committee spokesman X" (a party word that starts an organisation's name is that organisation),
  "Sen. Jane Roe" (Senator), "Secretary of State Ann Cole", a first name or quoted nickname in
  between, a no-break space read as a space; a plural title ("Sens. Roe and Doe") is written out
  in the singular and given to each coordinated name, and to no single name ("Lawmakers Rip X");
  a chamber is the body of a leader's title ("House Speaker": House) and part of any other
  ("House editor"); a region is a beat ("Asia director"), not an affiliation;
- a party-state tag after it: "(D-Mass.)", ", D-Mass.," or "(D)" (Democratic Party), "(Vt.)"
  (Vermont), ", Republican of Iowa," (Republican Party);
- an appositive on either side: "X, a professor at Y,", "X, the CEO of Y,", "X, Y's director
  of Z,", "X, one of the mayor's aides,", "Y spokeswoman, X,", "X, a senior adviser to the Y
  campaign,", "X, her Republican opponent,"; one after coordinated names ("X and Y, the envoy,")
  is the last name's; a relative clause on the name or its appositive: "X, who heads Y,",
  "X, who is the director of Y,", "X, a physicist who studies Z at Y," (Y), "X, who helmed Y
  until 1997," (former head); "X of Y" and "X, of Y," (not "a mentor to X at Y": an object's);
- a predicate about the name or a pronoun that stands for it: "X is the chief economist at Y",
  "X serves as ...", "she occupies the post as the attorney general", "X wrote for Y",
  "Y is operated by Z" (an organisation's owner); what someone *was* counts only when nothing
  else is said, what they are "now" most; the next sentence's predicate when its subject is the
  person's own pronoun (known from their mentions);
- a later description of a title, as the subject (or the subject's possessor: "the nominee's
  plan") of the rest of the sentence or the next one, with nobody else named in between, after
  the name as the topic (subject, or the main subject's possessor): "Trump spoke on Monday. The
  Republican nominee said ..."; a description with a party goes on being theirs while the
  following sentences' subject is the person's own pronoun ("He said ... The GOP candidate did"),
  and a name that is only a possessor gets a party description that is the main subject (or its
  possessor) of the same sentence ("as to X's health, the Democratic nominee's doctor says");
- the party the article counts them among: "Republicans, including Senator X", "her fellow
  Democrats"; and "the Democratic senator" anywhere, when nobody else is titled Senator by name;
and for a mention that is a description ("a spokeswoman for Y", "the senator"), its own words; a
speaker known only by a noun for what they do has it as role ("an announcer", "the ad's narrator":
not "a report"), and "an attorney for Y, X," is X's even where the parser hangs X on Y.
A party noun in a description ("the top Democrat on the committee") gives the party, no role;
coordinated roles ("the former secretary of state and current Democratic nominee") keep the one
marked current, else both ("a former chairman and presidential candidate": former is said of
both; "current" itself is dropped). "for" a field stays in the role ("vice president for
policy"); an affiliation must name its body (a proper noun or entity, or a body noun: "the
campaign"), never a field ("an advocate for human rights") or a person ("an attorney for Bryce").
Mentions inside quoted runs (``quoted``) are the speaker's words, not the article's: skipped.
Abbreviated titles are written out (Sen. is Senator); places become their names (U.S. and
American are United States, Vt. is Vermont); party words become the party (GOP is the
Republican Party); an acronym is the name the article spells out for it ("IMF": International
Monetary Fund); any other affiliation keeps the article's words; a body is never its own.
Among several findings the one that says most wins (a title before the name or an appositive
over a later description or a predicate; with an organisation over a party over a place or a
person, "McCrory's opponent"), the earliest on a tie. The affiliation is the chosen role's own,
unless that is only a place and another finding names a body or party ("Massachusetts Sen." and
"the Democratic senator"), or the role is a past one and a current body is named; else the best
ranked of the current findings. A title "of" a state or country serves its government ("the
attorney general of Oklahoma": Oklahoma, over a party). A national leader's title held now
("President", "Secretary of State") with no country said takes the country whose seat of
government the article names in its own words, when it names one ("the White House": United
States); "former President" does not.
Not handled: roles only implied by verbs other than those in ``titles.ROLE_VERBS``, a
description far from the name or before it (that is coreference, the caller's to pass as a
mention), fronted appositives ("Now the top prosecutor, Lynch said"), stacked titles are kept
whole ("nominee Gov." is "nominee Governor"), what a person's own or another speaker's quoted
words call them, and anything the article does not say (a President in an article that names no
seat of government gets no country, though gold data often gives one).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Doc, Span, Token

from .parties import PARTY_LETTERS, party_name
from .places import MAX_WORDS, SEATS, may_start_place, place_name, state_name
from .titles import (ABBREVIATIONS, AGENT_ENDINGS, CHAMBERS, NOT_AGENTS, HONORIFICS, LEGISLATIVE_TITLES, NATIONAL_TITLES, NOT_ROLES,
                     ROLE_QUALIFIERS, ROLE_VERBS, ROLE_VERBS_HELD, TITLE_HEADS, expand, is_title)

# How an affiliation ranks: an organisation first, then a party, then a place.
ORG, PARTY, PLACE = 0, 1, 2
_AFF_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PERSON"})
_PLACE_ENTS = frozenset({"GPE", "LOC"})
_SEAT_ENTS = frozenset({"ORG", "FAC", "GPE", "LOC"})
# Nouns that, after a name, make a body: "the Harlow campaign", "the Lund administration".
_BODY_NOUNS = frozenset("""
campaign administration team camp government family foundation caucus committee subcommittee panel
party department ministry agency office council board commission court union association institute
center centre university college school company firm bank network newspaper magazine group coalition
alliance league club church hospital army navy force police
""".split())
# "(D-Mass.)", "(R-Texas)", "(I-Vt.)", "(Vt.)", "(D-CA)", also with an en dash.
_STATE = r"([A-Z][A-Za-z]*\.?(?:\s?[A-Z][A-Za-z]*\.?)?)"
_TAG = re.compile(r"\s*\(\s*(?:([DRI])\s*[-–—]\s*)?" + _STATE + r"\s*\)")
# "Jane Roe, D-Mass., said" and "Jane Roe, Democrat of Massachusetts, said".
_COMMA_TAG = re.compile(r"\s*,\s*([DRI])\s*[-–—]\s*" + _STATE + r"\s*[,;]")
_LETTER_TAG = re.compile(r"\s*\(\s*([DR])\s*\)")
_WORD_TAG = re.compile(r"\s*,\s*(Democrat|Republican|Independent)\s+(?:of|from)\s+" + _STATE)
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_PREMOD_MAX = 8
_CHAIN_SENTENCES = 3
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"pobj", "dobj", "dative", "iobj"})
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_AFF_PREPS = frozenset({"at", "for", "with", "of", "from"})
_NOW = frozenset({"now", "currently"})
# Verbs whose "at/for/with Y" names the employer: "works at Y", "wrote for Y", "serves with Y".
_EMPLOYED_VERBS = frozenset({"work", "serve", "write", "report", "teach", "study"})
# Verbs whose agent owns the subject: "PolitiFact is operated by Y".
_OWNED_VERBS = frozenset({"operate", "own", "run", "publish", "fund"})


@dataclass(frozen=True)
class _Found:
    """What one pattern found about the person."""

    role: str | None
    affiliation: str | None
    rank: int  # ORG, PARTY or PLACE; meaningless when affiliation is None
    order: int  # token index: earlier wins a tie
    weight: int = 3  # how sure the pattern is that this is the person's position now


def role_and_affiliation(doc: Doc, mentions: Sequence[Span], is_org: bool = False,
                         quoted: Sequence[tuple[int, int]] = ()) -> tuple[str | None, str | None]:
    """(role, affiliation) of the person the ``mentions`` name or describe; None where the article is silent.

    ``mentions`` are the spans where the article names the person (full name, surname,
    with or without titles) or describes them ("the senator", "a spokeswoman for Y").
    An organisation (``is_org``) has no role; its affiliation comes only from words like
    "X, a unit of Y". ``quoted``: the article's quoted runs (start, end), in text order;
    mentions inside them are a speaker's words, not the article's, and are passed over.
    """
    found: list[_Found] = []
    seen: set[tuple[int, int]] = set()
    pronouns = {m.text.lower() for m in mentions if m.text.lower() in ("he", "she")}
    pronoun = pronouns.pop() if len(pronouns) == 1 else None  # the person's own, when the article says
    for span in mentions:
        if (span.start, span.end) in seen or len(span) == 0 or _inside(quoted, span.start_char):
            continue
        seen.add((span.start, span.end))
        found.extend(_about(span, pronoun))
    if not found:
        return None, None
    with_role = [f for f in found if f.role]
    role = None
    chosen: _Found | None = None
    if with_role and not is_org:
        chosen = min(with_role, key=lambda f: (-_weight(f), f.order))
        role = chosen.role
    affiliation = _affiliation(found, chosen)
    if role is not None and (affiliation is None or _rank(affiliation) == PLACE):
        affiliation = _titled_party(doc, role, mentions, quoted) or affiliation
    if affiliation is not None and any(affiliation.lower() == _seat_key(m.text) for m in mentions):
        affiliation = None  # "the Department of Homeland Security" is not its own affiliation
    if affiliation is not None and _ACRONYM.fullmatch(affiliation):
        affiliation = _spelled_out(doc, affiliation) or affiliation
    if affiliation is None and role is not None and _national_title(role):
        affiliation = _seat_country(doc, quoted)
    return role, affiliation


def _affiliation(found: list[_Found], chosen: _Found | None) -> str | None:
    """The affiliation that goes with the chosen role: its own, unless that is only a place and another
    finding names a body or party; failing it, the best-ranked of what the person is now (a past
    position's body, "she was a partner at Y", counts only when nothing else is said)."""
    with_aff = [f for f in found if f.affiliation]
    if not with_aff:
        return None
    best_rank = min(f.rank for f in with_aff)
    if chosen is not None and chosen.role and _past(chosen.role):
        # "a former official who runs Y": what the person does now names the body
        now = [f for f in with_aff if f.weight > 0 and not (f.role and _past(f.role)) and f.rank <= chosen.rank]
        if now:
            return min(now, key=lambda f: (f.rank, f.order)).affiliation
    if chosen is not None and chosen.affiliation and (chosen.rank == best_rank or chosen.rank != PLACE):
        return chosen.affiliation
    current = [f for f in with_aff if f.weight > 0]
    if not current and (chosen is None or chosen.weight == 0):
        current = with_aff  # a past position's body only goes with a past or no position
    if not current:
        return None
    best_rank = min(f.rank for f in current)
    return min((f for f in current if f.rank == best_rank), key=lambda f: f.order).affiliation


def _titled_party(doc: Doc, role: str, mentions: Sequence[Span], quoted: Sequence[tuple[int, int]]) -> str | None:
    """"Massachusetts Sen. Jane Roe ... The Democratic senator also asked": a definite description with
    a party and the person's own title, when nobody else in the article is given that title before
    their name, is the person; the party it names is theirs."""
    if len(role.split()) > 1 or any(party_name(w) for w in role.split()):
        return None  # "Vice President" is no "president"; a role that names its party has it
    title = role.lower()
    parties: set[str] = set()
    for tok in doc:
        if tok.lower_ == title and tok.pos_ == "NOUN" and tok.text.islower() and tok.i >= 2 \
                and doc[tok.i - 2].lower_ == "the" and party_name(doc[tok.i - 1].text) \
                and not _inside(quoted, tok.idx):
            parties.add(party_name(doc[tok.i - 1].text) or "")  # exactly "the Democratic senator"
    if len(parties) != 1:
        return None
    own = {m.root.text for m in mentions}
    titled = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and ent.start > 0
              and expand(doc[ent.start - 1].text).lower() == title}
    return parties.pop() if titled and titled <= own else None


def _spelled_out(doc: Doc, acronym: str) -> str | None:
    """The name an acronym stands for where the article writes it out: "IMF" is the "International
    Monetary Fund" of an earlier or later sentence (its capitalised words' initials)."""
    for ent in doc.ents:
        if ent.label_ != "ORG" or len(ent) < len(acronym):
            continue
        words = [t for t in ent if t.lower_ not in ("the", "of", "for", "and", "to", "on", "in", "&")]
        if words and all(t.text[:1].isupper() for t in words) \
                and "".join(t.text[0] for t in words).upper() == acronym.upper():
            return _normalise(_text([t for t in ent if not (t.i == ent.start and t.lower_ == "the")]), "ORG")
    return None


def _national_title(role: str) -> bool:
    """A national government's title held now ("President", "Secretary of State"; not "former President")."""
    return role.lower() in NATIONAL_TITLES


def _seat_country(doc: Doc, quoted: Sequence[tuple[int, int]]) -> str | None:
    """The country whose seat of government the article names in its own words ("the White House"),
    when it names exactly one: the government a bare "President" serves."""
    countries = {SEATS[key] for ent in doc.ents if ent.label_ in _SEAT_ENTS
                 and (key := _seat_key(ent.text)) in SEATS and not _inside(quoted, ent.start_char)}
    return countries.pop() if len(countries) == 1 else None


def _seat_key(text: str) -> str:
    """A name as a lookup key: lower case, without "the" before it or "'s" after it."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    key = " ".join(words).lower()
    return key[:-2] if key.endswith(("'s", "’s")) else key


def _person_word(tok: Token) -> bool:
    """A word that names a person: tagged so, or the last word of a person named elsewhere."""
    if tok.ent_type_ == "PERSON":
        return True
    return tok.pos_ == "PROPN" and any(e.label_ == "PERSON" and e[-1].text == tok.text for e in tok.doc.ents)


def _weight(f: _Found) -> int:
    """How much a finding says: a role with the body or party it serves beats a bare role
    (a place alone, "a New York businessman", says less; a body more than a party)."""
    if not f.affiliation:
        return f.weight
    if f.weight >= 3:  # said right at the name: a body outweighs a party
        return f.weight + {ORG: 2, PARTY: 1}.get(f.rank, 0)
    return f.weight + (1 if f.rank != PLACE else 0)


def _inside(quoted: Sequence[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(quoted, offset, key=lambda r: r[0])
    return i > 0 and quoted[i - 1][0] <= offset < quoted[i - 1][1]


# --- one mention ---------------------------------------------------------------------------------

def _about(span: Span, pronoun: str | None = None) -> list[_Found]:
    doc = span.doc
    name = _name_part(span)
    if name is None:  # a description: "the senator", "a spokeswoman for the campaign"
        head = span.root
        if head.pos_ == "PRON" and head.lower_ in _PERSON_PRONOUNS:
            return _predicate(head.head) if head.dep_ in _SUBJECTS else []  # "She is the attorney general"
        if head.pos_ in ("NOUN", "PROPN") and not head.ent_type_ == "PERSON":
            # a speaker known only by a description is what it says ("an announcer", "the narrator")
            role, aff, rank = _describe(head)
            if role is None and _agent_noun(head) and head.tag_ == "NN":
                role = head.text
            if aff is not None and aff.islower():
                aff = None  # "the ad's narrator": a thing is no body
            return [_Found(role, aff, rank, head.i, 2)] if role or aff else []
        return []
    start, head = name
    out: list[_Found] = []
    premod = _premodifier(doc, start, span.start)
    if not premod and head.dep_ == "conj" and head.head.pos_ == "PROPN":
        # "Sens. Jane Roe (D-Mass.) and Tom Birch (R-Ohio)": a plural title before the first name
        k = head.head.i
        while k > 0 and doc[k - 1].ent_type_ == "PERSON" and doc[k - 1].pos_ == "PROPN":
            k -= 1
        run = _premodifier(doc, k, k)
        if run and _plural_title(_run_title(run)):
            premod = run
    role, aff, rank = _split_title_run(premod, need_title=True) if premod else (None, None, ORG)
    if role and premod and _plural_title(_run_title(premod)) and head.dep_ != "conj" \
            and not any(c.dep_ == "conj" for c in head.children):
        role = None  # "Black Lawmakers Rip Donald Trump": a plural title is not one person's
    tag = _party_state_tag(doc, span)
    # "Sen. Jane Roe (D-Mass.)": the tag's party outranks a place in the title.
    if tag is not None and tag.affiliation and (aff is None or tag.rank < rank):
        aff, rank = tag.affiliation, tag.rank
    if role or aff:
        out.append(_Found(role, aff, rank, premod[0].i if premod else head.i, 3 if role else 1))
    out.extend(_around(head))
    out.extend(_later_descriptions(head, pronoun))
    out.extend(_next_predicate(head, pronoun))
    out.extend(_party_company(head))
    return out


def _party_company(head: Token) -> list[_Found]:
    """The party the article counts the person among: "some Republicans, including Senator X," and
    "X was more careful than her fellow Democrats" (X the subject, "her" hers)."""
    prep = head.head
    if head.dep_ == "pobj" and (prep.lower_ in ("including", "like") or (prep.lower_ == "as" and prep.i > 0
                                                                         and prep.doc[prep.i - 1].lower_ == "such")):
        group = prep.head
        if group.tag_ in ("NNS", "NNPS") and party_name(group.text):
            return [_Found(None, party_name(group.text), PARTY, group.i, 1)]
    if head.dep_ in _SUBJECTS:
        for tok in head.sent:
            if tok.lower_ == "fellow" and tok.dep_ == "amod" and party_name(tok.head.text) \
                    and tok.head.tag_ in ("NNS", "NNPS") \
                    and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in tok.head.children):
                return [_Found(None, party_name(tok.head.text), PARTY, tok.i, 1)]
    return []


def _run_title(run: list[Token]) -> Token:
    """The title word of a run before a name: its last title or abbreviated title."""
    return next((t for t in reversed(run) if is_title(t.text) or t.text.rstrip(".").lower() in ABBREVIATIONS),
                run[-1])


def _plural_title(tok: Token) -> bool:
    """A title in the plural: "Sens.", "Senators", "Lawmakers"."""
    word = tok.text.rstrip(".").lower()
    if word in ABBREVIATIONS:
        return ABBREVIATIONS.get(word[:-1]) == ABBREVIATIONS[word] and word.endswith("s")
    return word.endswith("s") and word[:-1] in TITLE_HEADS


def _next_predicate(head: Token, pronoun: str | None) -> list[_Found]:
    """"Lynch rose to prominence. She occupies the post as the attorney general": the next sentence's
    predicate, when its subject is the person's own pronoun."""
    if pronoun is None or head.dep_ not in _SUBJECTS:
        return []
    nxt = _next_sentence(head.doc, head.sent)
    if nxt is None or not _pronoun_subject(nxt, pronoun):
        return []
    return _predicate(nxt.root)


def _later_descriptions(head: Token, pronoun: str | None = None) -> list[_Found]:
    """"Trump said ... The Republican nominee added": a definite description of a title in the rest of
    the name's sentence or the next one, with no other person named in between, is the same person.
    The name must be the topic (the subject, or its possessor: "Trump's plan"); the description the
    subject or the subject's possessor ("the nominee's plan")."""
    doc = head.doc
    out: list[_Found] = []
    topic = _topic(head)
    if not topic and head.dep_ != "poss":
        return out  # only the topic of a sentence is carried on to "the nominee" after it
    end = head.sent.end
    # Any other possessor ("when it comes to X's health, the Democratic nominee's doctor says") is
    # carried only to a party description that is the main subject or its possessor, in its own sentence.
    nxt = _next_sentence(doc, head.sent) if topic else None
    if nxt is not None:
        end = nxt.end
        # "Trump spoke. He said ... He added ... The GOP candidate did not": while the person stays the
        # subject as "he" or "she" (their own pronoun), a party description further on is still them.
        sent = nxt
        for _ in range(_CHAIN_SENTENCES):
            if not pronoun or not _pronoun_subject(sent, pronoun) or any(t.is_quote for t in sent):
                break  # reported words ("'This man ...,' he added") may be about someone else
            following = _next_sentence(doc, sent)
            if following is None:
                break
            end, sent = following.end, following
    i = head.i + 1
    while i < end:
        tok = doc[i]
        if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" and tok.ent_iob_ == "B":
            break  # someone else is named: later descriptions may be theirs
        if tok.lower_ == "the" and tok.dep_ == "det":
            noun = tok.head
            if noun.i > i and noun.pos_ == "NOUN" and noun.tag_ == "NN" and is_title(noun.text) \
                    and (noun.dep_ in _SUBJECTS or (noun.dep_ == "poss" and noun.head.dep_ in _SUBJECTS)) \
                    and not _within(noun, head.head) and not _named_after(noun, head.text) \
                    and not _reported(noun, head) \
                    and not (noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ == "PROPN"):
                role, aff, rank = _describe(noun)
                near = nxt is None or noun.i < nxt.end
                if not topic:
                    main = noun.head if noun.dep_ == "poss" else noun
                    near = main.dep_ in _SUBJECTS and main.head.dep_ == "ROOT" and rank == PARTY
                if role and (near or rank == PARTY) and (topic or near):
                    out.append(_Found(role, aff, rank, noun.i, 2))
                i = noun.i + 1
                continue
        i += 1
    return out


def _reported(noun: Token, head: Token) -> bool:
    """"Trump said the justice's mind is shot": a description inside what the person is reported to
    say, in their own sentence, is someone they speak of."""
    if noun.sent != head.sent:
        return False
    tok = noun
    while tok.dep_ != "ROOT" and tok.head is not tok:
        if tok.dep_ in ("ccomp", "parataxis") and head.head in tok.head.subtree and tok.head == head.head:
            return True
        tok = tok.head
    return False


def _within(tok: Token, ancestor: Token) -> bool:
    """``tok`` stands in the phrase ``ancestor`` heads, its verb aside: "Rhodes, one of the president's
    aides," holds "the president" inside the name's own appositive."""
    return ancestor.pos_ in ("NOUN", "PROPN") and ancestor.left_edge.i <= tok.i <= ancestor.right_edge.i


def _topic(head: Token) -> bool:
    """The name is what its sentence is about: the subject, or the main subject's possessor."""
    return head.dep_ in _SUBJECTS or (head.dep_ == "poss" and head.head.dep_ in _SUBJECTS
                                      and head.head.head.dep_ == "ROOT")


def _named_after(noun: Token, name: str) -> bool:
    """"The director chastised Clinton": the person named again in the description's sentence is
    someone else than the description."""
    return any(t.text == name for t in noun.doc[noun.i + 1:noun.sent.end])


def _next_sentence(doc: Doc, sent: Span) -> Span | None:
    """The sentence right after ``sent``, one space or line break between them at most."""
    k = sent.end
    if k < len(doc) and doc[k].is_space:
        k += 1
    return doc[k].sent if k < len(doc) and k - sent.end <= 1 else None


def _pronoun_subject(sent: Span, pronoun: str) -> bool:
    """The sentence's main subject is the person's pronoun: the topic carries on."""
    return any(c.dep_ in _SUBJECTS and c.lower_ == pronoun for c in sent.root.children)


def _name_part(span: Span) -> tuple[int, Token] | None:
    """The first token of the name (titles before it left out, first names taken in) and the name's head."""
    head = span.root
    if head.pos_ != "PROPN" and head.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"):
        return None
    doc = span.doc
    # "Lim" of "Lim Eul-chul": the name's head is its last word.
    while head.dep_ in ("compound", "flat") and head.head.pos_ == "PROPN" and 0 < head.head.i - head.i <= 4 \
            and head.head.ent_type_ == head.ent_type_:
        head = head.head
    start = span.start
    # A surname alone: take in the first names standing before it ("Mike" of "Gov. Mike Pence").
    while start > 0 and start > span.start - 6 and (_name_word(doc[start - 1]) or (
            _inline_space(doc[start - 1]) and start > 1 and _name_word(doc[start - 2]))):
        start -= 1
    while start < span.start and (doc[start].is_quote or doc[start].text == "." or doc[start].is_space):
        start += 1
    while start < head.i and (_titleish(doc[start]) or doc[start].ent_type_ != "PERSON"):
        start += 1
    return start, head


def _inline_space(tok: Token) -> bool:
    """A space token inside a line (a no-break space between a title and a name): read through."""
    return tok.is_space and "\n" not in tok.text


def _name_word(tok: Token) -> bool:
    """A word of a name before a surname: a first name, an initial, a quoted nickname ("Bobby")."""
    if tok.is_quote:
        return True
    return tok.pos_ == "PROPN" and not _titleish(tok) and (tok.ent_type_ in ("PERSON", "") or tok.text.endswith("."))


def _titleish(tok: Token) -> bool:
    """A word that titles a name rather than being part of it."""
    word = tok.lower_.rstrip(".")
    return (is_title(tok.text) or word in HONORIFICS or word in ROLE_QUALIFIERS or tok.text in (".", "-")
            or party_name(tok.text) is not None)


def _premod_token(tok: Token) -> bool:
    """A word that can stand in a title before a name ("former", "U.S.", "Sen.", "press", "-")."""
    if tok.is_space or tok.is_quote or tok.text in ("(", ")", ",", ";", ":", "—", "–", "―", "/"):
        return False
    if tok.ent_type_ in ("GPE", "ORG", "NORP") and tok.text[:1].isupper():
        return True  # a place or body the tagger took for a verb: "Tulsa police Chief"
    if tok.text in ("-", "‑") and tok.whitespace_ == "":
        return True
    if tok.text in _POSSESSIVE:
        return True
    if tok.pos_ in ("NOUN", "PROPN", "ADJ") or tok.text.endswith("."):
        return tok.pos_ != "PUNCT"
    return tok.lower_ in ROLE_QUALIFIERS or tok.lower_ == "vice"


def _premodifier(doc: Doc, name_start: int, span_start: int) -> list[Token]:
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
        if not _premod_token(tok) or tok.lower_ in HONORIFICS or tok.lower_.rstrip(".") in HONORIFICS:
            break
        if tok.is_sent_start and i < span_start and tok.pos_ != "PROPN" and not is_title(tok.text):
            i -= 1
            break
        i -= 1
    run = [doc[k] for k in range(i + 1, name_start) if not doc[k].is_space]
    # An honorific right before the name ("Mr.") says nothing; a determiner-less run only.
    while run and (run[-1].lower_.rstrip(".") in HONORIFICS):
        run.pop()
    while run and run[0].text in _POSSESSIVE | {"-"}:
        run.pop(0)
    return run


def _split_title_run(run: list[Token], need_title: bool) -> tuple[str | None, str | None, int]:
    """Split a title run into role and affiliation: "former U.S. Secretary of State" is
    (former Secretary of State, United States); "Harlow campaign manager" is (manager, Harlow campaign)."""
    toks = [t for t in run if t.pos_ != "DET"]
    # "South Florida-based president", "Ivy League-trained surgeon": the place words are no title.
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
                                   or _hyphen_title(rest) or _title_of(rest))
    if not titled:
        if need_title and rest:
            return None, None, ORG
        return None, aff, rank
    # A role word that names a body belongs to the affiliation too: "campaign manager" keeps "campaign".
    role_words = _words([q for q in qualifiers if q.lower_ != "current"] + rest)  # "current" adds nothing
    role = _join(role_words)
    return role or None, aff, rank


def _title_of(rest: list[Token]) -> bool:
    """A title with its "of" phrase: "Secretary of State", "Director of National Intelligence"."""
    for k, tok in enumerate(rest):
        if tok.lower_ == "of" and k > 0 and is_title(rest[k - 1].text):
            return all(t.is_title or t.lower_ in ("and", "the") for t in rest[k + 1:]) and k + 1 < len(rest)
    return False


def _hyphen_title(rest: list[Token]) -> bool:
    """Titles spaCy splits at a hyphen: "President-elect", "vice-president"."""
    return len(rest) >= 3 and rest[-2].text == "-" and (is_title(rest[-3].text) or rest[-1].lower_ == "elect")


def _leading_affiliation(toks: list[Token]) -> tuple[int, str | None, int]:
    """How many leading tokens name a body, party or place, that affiliation and its rank."""
    i = 0
    n = len(toks)
    if toks and toks[0].text in CHAMBERS and len(toks) > 1 \
            and expand(_run_title(toks).text).lower() not in LEGISLATIVE_TITLES:
        return 0, None, ORG  # "House editor": the chamber is the beat, not the body; "House Speaker" leads it
    while i < n:
        tok = toks[i]
        if party_name(tok.text):
            body = _entity_run(toks, i)
            if body > i + 1 and body < n:  # "Republican National Committee Research Director"
                return body, _text(toks[i:body]), ORG
            return i + 1, party_name(tok.text), PARTY
        if may_start_place(tok.text):
            for size in range(min(MAX_WORDS, n - i), 0, -1):
                words = _text(toks[i:i + size])
                if place_name(words) and (i + size == n or toks[i + size].text not in _POSSESSIVE):
                    if i == 0 and i + size < n:
                        return size, place_name(words), PLACE
        break
    # A named body: tokens of an ORG/GPE/PERSON entity, or a proper noun and a body noun after it.
    if toks and toks[0].ent_type_ == "LOC":
        return 0, None, ORG  # "Asia director", "Middle East correspondent": a region is the beat
    j = 0
    while j < n - 1 and (toks[j].ent_type_ in _AFF_ENTS or _acronym(toks[j])) and not is_title(toks[j].text):
        j += 1
        if j + 1 < n - 1 and toks[j].text == "-" and toks[j + 1].text[:1].isupper():
            j += 1  # "AFL-CIO President": a hyphenated name is one
    if not j and n > 2 and toks[0].pos_ == "PROPN" and toks[0].text[:1].isupper() and toks[1].lower_ in _BODY_NOUNS \
            and not _titleish(toks[0]):
        j = 1  # "Tulsa police chief": a proper noun and the body it names
    if j and j < n and toks[j].text in _POSSESSIVE:
        j += 1
    if j and j < n - 1 and toks[j].lower_ in _BODY_NOUNS:
        j += 1
    if j:
        words = _text(toks[:j]).rstrip("'’s").strip() if toks[j - 1].text in _POSSESSIVE else _text(toks[:j])
        return j, _normalise(words, toks[0].ent_type_), _rank(words, toks[0].ent_type_)
    return 0, None, ORG


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
    return tok.pos_ == "PROPN" and tok.is_alpha and tok.is_upper and 2 <= len(tok) <= 6 \
        and tok.text not in CHAMBERS and place_name(tok.text) is None and party_name(tok.text) is None


def _party_state_tag(doc: Doc, span: Span) -> _Found | None:
    """"(D-Mass.)" after a name: the party, or failing it the state."""
    after = doc[span.end:span.end + 10].text if span.end < len(doc) else ""
    gap = doc[span.end - 1].whitespace_
    tail = gap + after
    letter_only = _LETTER_TAG.match(tail)
    if letter_only:  # "Gov. Ray Lund (R)"
        return _Found(None, PARTY_LETTERS[letter_only.group(1).lower()], PARTY, span.start)
    m = _TAG.match(tail) or _COMMA_TAG.match(tail)
    if not m:
        w = _WORD_TAG.match(tail)
        if not w:
            return None
        party = party_name(w.group(1))
        if party:
            return _Found(None, party, PARTY, span.start)
        state = state_name(w.group(2))
        return _Found(None, state, PLACE, span.start) if state else None
    letter, where = m.group(1), m.group(2)
    if letter and letter.lower() in PARTY_LETTERS:
        return _Found(None, PARTY_LETTERS[letter.lower()], PARTY, span.start)
    state = state_name(where)
    if state and (letter or where.endswith(".") or where == state):
        return _Found(None, state, PLACE, span.start)
    return None


def _around(head: Token) -> list[_Found]:
    """Appositives, relative clauses, "X of Y" and predicates attached to a name's head."""
    out: list[_Found] = []
    doc = head.doc
    conj_at = min((c.i for c in head.children if c.dep_ == "conj"), default=len(doc))
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN", "NUM") and child.ent_type_ != "PERSON" \
                and not _is_name(child) and child.i < conj_at:
            # "X and Y, the envoy,": an appositive after a coordinated name describes the last one
            role, aff, rank = _describe(child, any_noun=True)
            if role or aff:
                # a past role, or a noun that is no title ("her Democratic rival"), says less
                sure = 2 if role and (_past(role) or not (is_title(child.text) or _title_like(child))) else 3
                out.append(_Found(role, aff, rank, child.i, sure))
            for c in child.children:  # "X, a physicist who is co-director of Y," "X, an official who runs Y,"
                if c.dep_ == "relcl":
                    out.extend(f if f.role is None or c.lemma_ in ("be", "serve", "work")
                               else _Found(None, f.affiliation, f.rank, f.order, 1) for f in _relative(c))
        elif child.dep_ == "relcl":
            out.extend(_relative(child))
        elif child.dep_ == "prep" and child.lower_ in ("of", "with", "at", "from") \
                and (child.i == head.i + 1 or (child.i == head.i + 2 and doc[head.i + 1].text == ",")) \
                and (child.lower_ == "of" or head.dep_ not in _OBJECTS):
            # "a mentor to X at Y": where an object of the sentence was is no body they belong to.
            pobj = _pobj(child)
            if pobj is not None and pobj.ent_type_ in ("ORG", "GPE", "NORP", "FAC"):
                aff = _phrase(pobj)
                if aff:
                    out.append(_Found(None, _normalise(aff, pobj.ent_type_), _rank(aff, pobj.ent_type_), pobj.i, 1))
    # "Y spokeswoman, X," and "the senator, X": the name is the appositive of a description;
    # "an attorney for Y, X," where the parser hangs the name on Y.
    described = head.head if head.dep_ == "appos" else None
    if described is not None and described.pos_ == "PROPN" and described.dep_ == "pobj" \
            and described.head.dep_ == "prep" and described.head.head.pos_ == "NOUN" \
            and is_title(described.head.head.text):
        described = described.head.head
    if described is not None and described.pos_ == "NOUN" and described.i < head.i:
        role, aff, rank = _describe(described)
        if role or aff:
            out.append(_Found(role, aff, rank, described.i))
    # "X is the chief economist at Y", "X serves as chairman of Y", "Y is operated by Z".
    if head.dep_ in ("nsubj", "nsubjpass"):
        verb = head.head
        out.extend(_predicate(verb))
    return out


def _predicate(verb: Token) -> list[_Found]:
    out: list[_Found] = []
    # What someone was is a weaker answer than what they are; what they are "now" a stronger one.
    weight = 0 if verb.tag_ == "VBD" else (4 if any(c.lower_ in _NOW for c in verb.children) else 2)
    if verb.lemma_ == "be":
        for child in verb.children:
            if child.dep_ == "attr" and child.pos_ in ("NOUN", "NUM"):
                role, aff, rank = _describe(child, any_noun=True)
                if role or aff:
                    out.append(_Found(role, aff, rank, child.i, weight))
        return out
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        pobj = _pobj(child)
        if pobj is None:
            continue
        if child.lower_ == "as" and pobj.pos_ == "NOUN" \
                and (verb.lemma_ in ("serve", "work") or (is_title(pobj.text) and child.i > verb.i)):
            # "serves as chairman", and "she occupies the post as the attorney general"
            role, aff, rank = _describe(pobj, any_noun=True)
            if role or aff:
                out.append(_Found(role, aff, rank, pobj.i, weight))
        elif child.lower_ in ("at", "for", "with") and verb.lemma_ in _EMPLOYED_VERBS \
                and (pobj.ent_type_ in ("ORG", "GPE") or (pobj.pos_ == "PROPN" and pobj.ent_type_ == ""
                                                          and not _person_word(pobj))):
            aff = _phrase(pobj)  # "works at Y", "wrote for Y"
            if aff:
                out.append(_Found(None, _normalise(aff, pobj.ent_type_), _rank(aff, pobj.ent_type_), pobj.i, 1))
    for child in verb.children:
        # "PolitiFact is operated by the Tampa Bay Times": the owner is the affiliation.
        if child.dep_ == "agent" and verb.lemma_ in _OWNED_VERBS and verb.tag_ == "VBN":
            pobj = _pobj(child)
            if pobj is not None and pobj.ent_type_ == "ORG":
                aff = _phrase(pobj)
                if aff:
                    out.append(_Found(None, _normalise(aff, "ORG"), ORG, pobj.i, 1))
    return out


def _relative(verb: Token) -> list[_Found]:
    """"X, who heads Y," "X, who is the director of Y," and "X, who studies Z at Y,"."""
    if not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in verb.children):
        return []
    if verb.lemma_ in ("be", "serve", "work"):
        # said right at the name, as sure as an appositive (unless it is what they were)
        return [_Found(f.role, f.affiliation, f.rank, f.order, 3) if f.weight else f for f in _predicate(verb)]
    role = ROLE_VERBS.get(verb.lemma_)
    if role is not None:
        for child in verb.children:
            if child.dep_ == "dobj" and (child.ent_type_ in ("ORG", "GPE", "NORP", "FAC") or child.pos_ == "PROPN"):
                aff = _phrase(child)
                if aff:
                    if verb.tag_ == "VBD" and role in ROLE_VERBS_HELD:
                        # "who helmed Y from 1995 to 1997": a position held once
                        return [_Found(f"former {role}", _normalise(aff, child.ent_type_),
                                       _rank(aff, child.ent_type_), verb.i, 0)]
                    return [_Found(role or None, _normalise(aff, child.ent_type_), _rank(aff, child.ent_type_), verb.i)]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("at", "for", "with") and verb.tag_ != "VBD":
            pobj = _pobj(child)
            if pobj is not None and pobj.ent_type_ == "ORG":
                aff = _phrase(pobj)
                if aff:
                    return [_Found(None, _normalise(aff, "ORG"), ORG, pobj.i, 1)]
    return []


# --- a description: "a professor at Y", "Y's director of Z", "the senator" ----------------------------

def _describe(head: Token, any_noun: bool = False) -> tuple[str | None, str | None, int]:
    """Role and affiliation that a description headed by ``head`` gives. ``any_noun``: the words are
    said of the person (an appositive, a predicate), so any noun but a relative or a bare "man" will do."""
    if head.lower_ == "one" or (head.pos_ == "NUM" and any_noun):
        # "one of the president's closest aides"
        for c in head.rights:
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = _pobj(c)
                if pobj is not None and pobj.pos_ == "NOUN":
                    return _describe(pobj, any_noun)
        return None, None, ORG
    if party_name(head.text) and head.tag_ in ("NNP", "NN", "NNPS", "NNS"):
        return None, party_name(head.text), PARTY  # "the top Democrat on the committee": the party, no position
    if head.pos_ != "NOUN" and not is_title(head.text):
        return None, None, ORG
    if head.lemma_.lower() in NOT_ROLES:
        return None, None, ORG
    titled = is_title(head.text) or _title_like(head)
    if not titled and (not any_noun or head.tag_ in ("NNS", "NNPS") or not head.text.islower()):
        return None, None, ORG
    left = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod", "advmod")
            and (c.pos_ != "VERB" or c.lower_ in ROLE_QUALIFIERS)]
    start = min((c.left_edge.i for c in left), default=head.i)
    doc = head.doc
    run = [doc[k] for k in range(start, head.i + 1) if not doc[k].is_punct or doc[k].text in ("-", ".")]
    run = [t for t in run if t.pos_ not in ("DET", "PRON") and t.text not in (",",)]
    role, aff, rank = _split_title_run(run, need_title=True) if run else (None, None, ORG)
    if aff is None and len(run) > 1 and party_name(run[0].text):
        aff, rank = party_name(run[0].text), PARTY  # "her Republican opponent"
    if role is None:
        role = _word(head)
    # "Y's director": the possessor is the affiliation.
    for c in head.lefts:
        if c.dep_ == "poss" and c.pos_ != "PRON" and aff is None:
            phrase = _phrase(c)
            if phrase:
                aff, rank = _normalise(phrase, c.ent_type_), _rank(phrase, c.ent_type_)
                if _person_word(c):
                    rank = PLACE  # "McCrory's opponent": a person is no body, the weakest affiliation
    role, aff2, rank2 = _preps(head, role)
    for c in head.rights:
        if c.dep_ == "conj" and is_title(c.text) and c.pos_ == "NOUN":
            # "the former secretary of state and current Democratic presidential nominee": what the
            # person is now wins over what they were; otherwise both are kept ("a former chairman and
            # presidential candidate": "former" is said of both).
            c_role, c_aff, c_rank = _describe(c, any_noun)
            if c_role and _past(role) and not _past(c_role) and any(q.lower_ in _NOW | {"current"} for q in c.lefts):
                return c_role, c_aff or aff or aff2, c_rank if c_aff else (rank if aff else rank2)
            if c_role:
                role = f"{role} and {c_role}"
                if c_aff and (aff is None or c_rank < rank):
                    aff, rank = c_aff, c_rank
            break
    if aff2 and (aff is None or rank2 < rank):
        aff, rank = aff2, rank2
    if not titled and aff is None:
        return None, None, ORG  # "a fraud", "a winner": no position, no body
    return role, aff, rank


def _agent_noun(tok: Token) -> bool:
    """A lower-case noun for someone who does something ("announcer", "narrator", "protester"), not a
    document or an event ("report", "paper", "letter"): a speaker known only by it has it as role."""
    word = tok.lemma_.lower()
    return tok.text.islower() and len(word) > 4 and word.endswith(AGENT_ENDINGS) and word not in NOT_AGENTS \
        and word not in NOT_ROLES


def _past(role: str) -> bool:
    """A role the person no longer holds: "former secretary of state", "ex-chairman"."""
    first = role.split(" ", 1)[0].lower()
    return first in ("former", "ex", "ex-", "onetime", "one-time", "erstwhile", "then", "then-") or first.startswith("ex-")


def _title_like(head: Token) -> bool:
    """A noun that names what a person does by its ending: an economist, a historian, a spokesman."""
    w = head.lower_
    return head.pos_ == "NOUN" and w.endswith(("ist", "ian", "spokesman", "woman")) and len(w) > 5


def _preps(head: Token, role: str) -> tuple[str, str | None, int]:
    """Prepositional phrases after a role noun: "of Z" joins the role unless Z is a body; "at/for/with Y"
    is the affiliation; "in Y" is the place, a last resort."""
    aff: str | None = None
    rank = ORG
    place: str | None = None
    node = head
    for _ in range(3):
        nxt = None
        for c in node.rights:
            if c.dep_ != "prep":
                continue
            pobj = _pobj(c)
            if pobj is None:
                continue
            prep = c.lower_
            if prep in ("of", "for") and node is head and not _body(pobj) and aff is None \
                    and (prep == "of" or _field(pobj)):
                role = f"{role} {prep} {_role_phrase(pobj)}"  # "director of admissions", "vice president for policy"
                nxt = pobj
                if prep == "for":  # "associate for youth organizing at Y": the body hangs inside the field
                    inner = next((t for t in pobj.subtree if t.dep_ == "prep" and t.lower_ in ("at", "with")
                                  and (p := _pobj(t)) is not None and _named(p)), None)
                    phrase = _phrase(_pobj(inner)) if inner is not None else None
                    if phrase:
                        aff, rank = _normalise(phrase, ""), ORG
            elif (prep in _AFF_PREPS or prep == "to") and aff is None and pobj.pos_ != "PRON" \
                    and (_named(pobj) or (prep != "to" and _body(pobj))) \
                    and not (pobj.ent_type_ in ("PERSON", "") and _person_word(pobj)
                             and pobj.lower_ not in _BODY_NOUNS):  # "an attorney for X": a person is no body
                phrase = _phrase(pobj)
                if phrase:
                    aff, rank = _normalise(phrase, pobj.ent_type_), _rank(phrase, pobj.ent_type_)
                    if prep == "of" and node is head and rank == PLACE:
                        rank = ORG  # "attorney general of Oklahoma": the government the person serves
            elif prep == "in" and pobj.ent_type_ in _PLACE_ENTS and place is None:
                place = _phrase(pobj)
        if nxt is None:
            break
        node = nxt
    if aff is None and place:
        return role, _normalise(place, "GPE"), PLACE
    return role, aff, rank


def _body(tok: Token) -> bool:
    """True when a noun names an organisation, government or place rather than a field."""
    if tok.ent_type_ in _AFF_ENTS or (tok.pos_ == "PROPN" and not tok.text.islower()):
        return True
    return tok.lemma_.lower() in _BODY_NOUNS and any(c.pos_ == "PROPN" or c.ent_type_ in _AFF_ENTS
                                                      or c.dep_ in ("det", "poss") for c in tok.lefts)


def _named(tok: Token) -> bool:
    """A phrase that names its body: a proper noun or an entity in it ("the Clinton campaign"), not
    "human rights" or "the president"."""
    return any((t.pos_ == "PROPN" and not t.text.islower()) or t.ent_type_ in _AFF_ENTS
               for t in tok.subtree if t.i <= tok.i or t.dep_ == "compound")


def _field(tok: Token) -> bool:
    """A lower-case noun after "for" that names a field of work, not a body: "for policy"."""
    return tok.pos_ == "NOUN" and tok.text.islower() and not any(c.dep_ in ("det", "poss") for c in tok.lefts)


def _role_phrase(tok: Token) -> str:
    """A role's "of" object with its modifiers and coordinates: "geosciences and international affairs"."""
    doc = tok.doc
    start = tok.left_edge.i
    end = tok.i + 1
    if any(c.dep_ == "conj" and not is_title(c.text) for c in tok.rights):
        for c in tok.rights:
            if c.dep_ in ("cc", "conj"):
                end = c.right_edge.i + 1
    toks = [t for t in doc[start:end] if t.pos_ != "DET"]
    return _text(toks)


def _pobj(prep: Token) -> Token | None:
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            return c
    return None


def _is_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON"


# --- affiliation phrases -----------------------------------------------------------------------

def _phrase(tok: Token) -> str | None:
    """The name of the body a token stands for: its entity, or its noun phrase without the article."""
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    if tok.ent_type_ and tok.ent_iob_ in ("B", "I"):
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "nummod", "case") or (c.dep_ == "punct" and c.text == "-"):
            start = min(start, c.left_edge.i)
    if tok.ent_type_ == "" or end == tok.i + 1:
        # "the University of Michigan" when the recogniser missed it: keep a proper "of" phrase.
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i == end:
                pobj = _pobj(c)
                if pobj is not None and pobj.pos_ == "PROPN":
                    end = max(end, pobj.i + 1)
    if tok.ent_type_ and end > tok.i:
        end = _proper_run_end(doc, end)
    toks = [t for t in doc[start:end]]
    while toks and (toks[0].pos_ in ("DET", "PRON") or toks[0].is_punct or toks[0].text in _POSSESSIVE):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].text in _POSSESSIVE):
        toks.pop()
    if not toks:
        return None
    return _text(toks)


def _proper_run_end(doc: Doc, end: int) -> int:
    """Where a name the recogniser cut short ends: "Iraq" of "Iraq and Afghanistan Veterans of America"
    goes on through capitalised words joined by "and", "of", "for"."""
    k = end
    while k + 1 < len(doc) and doc[k].lower_ in ("and", "of", "for", "&") and doc[k + 1].pos_ == "PROPN" \
            and doc[k + 1].text[:1].isupper():
        k += 2
        while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k += 1
    return k


def _normalise(words: str, ent_type: str = "") -> str:
    """A place as its name ("U.S." is "United States"), a party word as the party; else as written."""
    place = place_name(words)
    if place:
        return place
    single = words.split()
    if len(single) == 1 and party_name(words):
        return party_name(words) or words
    if words.lower().startswith("the "):
        return words[4:]
    return words


def _rank(words: str, ent_type: str = "") -> int:
    if len(words.split()) == 1 and party_name(words):
        return PARTY
    if place_name(words) or ent_type in _PLACE_ENTS:
        return PLACE
    return ORG


# --- text ---------------------------------------------------------------------------------------

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
        if out and not out.endswith("-") and w != "-":
            out += " "
        out += w
    return out.strip()


def _text(toks: Sequence[Token]) -> str:
    """The article's words for a run of tokens, with its own spacing."""
    if not toks:
        return ""
    return toks[0].doc[toks[0].i: toks[-1].i + 1].text
