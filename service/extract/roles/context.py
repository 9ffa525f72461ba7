"""What the article says about one mention of a person: the title before the name, appositives,
relative clauses, predicates, later descriptions and the party it counts them among, as findings.
A mention's sentence, and the words of it looked for ("fellow"), come from the article's
``ParseIndex``, not from a walk over the sentence per mention. Not bounded: the later descriptions
are read up to the end of the mention's sentence, per mention (a long parser sentence with many
mentions of a person).
"""
from __future__ import annotations

from itertools import chain, pairwise
from typing import Sequence

from spacy.tokens import Doc, Span, Token

from ..lexicon.function_words import PERSONAL_SUBJECTS
from ..lexicon.grammar import BODY_ENTS, OBJECT_DEPS, REPORT_DEPS, SUBJECT_DEPS
from ..lexicon.parties import party_name
from ..parse_index import ParseIndex
from .phrases import (Found, ORG, PARTY, Weight, affiliation_phrase, agent_noun, body_phrase, inside_quote,
                           description_of, is_name, is_past, normalise, object_of, person_word,
                           leading_body, named_body_noun, rank_of, run_title, shape_title, split_title_run,
                           title_like, tokens_text)
from .around_name import name_part, party_state_tag, plural_title, premodifier
from ..lexicon.titles import EMPLOYED_VERBS, NOW_WORDS, OWNED_VERBS, ROLE_VERBS, ROLE_VERBS_HELD, is_title
from ..lexicon.titles import JOIN_VERBS, NOT_ROLES

_CHAIN_SENTENCES = 3  # sentences on that the person may stay the subject as "he" or "she"


def findings_about(index: ParseIndex, span: Span, pronoun: str | None = None,
                   quoted: Sequence[tuple[int, int]] = ()) -> list[Found]:
    doc = span.doc
    name = name_part(span)
    if name is None:  # a description: "the senator", "a spokeswoman for the campaign"
        head = span.root
        if head.pos_ == "PRON" and head.lower_ in PERSONAL_SUBJECTS:
            return _predicate(head.head) if head.dep_ in SUBJECT_DEPS else []  # "She is the attorney general"
        if head.pos_ in ("NOUN", "PROPN") and not head.ent_type_ == "PERSON":
            # a speaker known only by a description is what it says ("an announcer", "the narrator")
            role, aff, rank = description_of(head)
            if role is None and agent_noun(head) and head.tag_ == "NN":
                role = head.text
            if aff is not None and aff.islower():
                aff = None  # "the ad's narrator": a thing is no body
            if role is None and aff is None and head.tag_ in ("NNS", "NNPS"):
                # "Acme workers", "G8 finance ministers": the body a group speaks for, named before it
                named = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and not person_word(c)]
                if named and (phrase := affiliation_phrase(named[0])):
                    aff, rank = normalise(phrase, named[0].ent_type_), rank_of(phrase, named[0].ent_type_)
            return [Found(role, aff, rank, head.i, Weight.ASIDE)] if role or aff else []
        return []
    start, head = name
    out: list[Found] = []
    premod = premodifier(doc, start, span.start)
    if not premod and head.dep_ == "conj" and head.head.pos_ == "PROPN":
        # "Sens. Jane Roe (D-Mass.) and Tom Birch (R-Ohio)": a plural title before the first name
        k = head.head.i
        while k > 0 and doc[k - 1].ent_type_ == "PERSON" and doc[k - 1].pos_ == "PROPN":
            k -= 1
        run = premodifier(doc, k, k)
        if run and plural_title(run_title(run)):
            premod = run
    role, aff, rank = split_title_run(premod, need_title=True) if premod else (None, None, ORG)
    if not role and not aff and len(premod) > 1 and premod[-1].lemma_.lower() in NOT_ROLES:
        # "Tasmania man Jo Bloggs", "the Acme woman": who the person is by where they come from
        aff, rank = leading_body(premod[:-1])
    if role and premod and plural_title(run_title(premod)) and head.dep_ != "conj" \
            and not any(c.dep_ == "conj" for c in head.children):
        role = None  # "Angry Farmers Blast Ann Lee": a plural title is not one person's
    tag = party_state_tag(index, span)
    # "Sen. Jane Roe (D-Mass.)": the tag's party outranks a place in the title.
    if tag is not None and tag.affiliation and (aff is None or tag.rank < rank):
        aff, rank = tag.affiliation, tag.rank
    if role or aff:
        # a role known only by its shape ("Rubio donor") is a last resort: any listed title said of them wins
        sure = Weight.BODY if not role or shape_title(premod) else Weight.AT_NAME
        out.append(Found(role, aff, rank, premod[0].i if premod else head.i, sure))
    if not role:
        out.extend(_fronted_description(doc, min(start, span.start), head))
    out.extend(_around(head))
    out.extend(_later_descriptions(index, head, pronoun, quoted))
    out.extend(_next_predicate(index, head, pronoun))
    out.extend(_party_company(index, head))
    return out


def _fronted_description(doc: Doc, start: int, head: Token) -> list[Found]:
    """"The chairman of the Bar Guild, Ann Lee(,) warned": a definite description of a title right
    before the name and a comma, the two one subject (both the verb's, or one the other's appositive)."""
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
        start -= 1  # first names the recogniser left out of the person
    if start < 3 or doc[start - 1].text != ",":
        return []
    noun = next((t for t in doc[start - 2].ancestors if t.right_edge.i == start - 2 and t.pos_ == "NOUN"), None) \
        if doc[start - 2].right_edge.i == start - 2 and doc[start - 2].pos_ != "NOUN" else doc[start - 2]
    if noun is None or noun.pos_ != "NOUN" or noun.right_edge.i != start - 2 or not is_title(noun.text) \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return []
    first = noun.left_edge.i
    while first > 0 and (doc[first - 1].is_space or doc[first - 1].is_quote):
        first -= 1
    if not (first == 0 or doc[first].is_sent_start or doc[first - 1].text in (".", "!", "?") or doc[first].is_space):
        return []  # the sentence opens with the description ("Now the top prosecutor, Lee said" is a fronted aside)
    same_subject = (noun.dep_ in SUBJECT_DEPS and head.dep_ in SUBJECT_DEPS and noun.head == head.head) \
        or (head.dep_ == "appos" and head.head == noun) or (noun.dep_ == "appos" and noun.head == head)
    if not same_subject:
        return []
    role, aff, rank = description_of(noun, any_noun=True)
    return [Found(role, aff, rank, noun.i, Weight.AT_NAME)] if role else []


def _party_company(index: ParseIndex, head: Token) -> list[Found]:
    """The party the article counts the person among: "some Republicans, including Senator X," and
    "X was more careful than her fellow Democrats" (X the subject, "her" hers)."""
    prep = head.head
    if head.dep_ == "pobj" and (prep.lower_ in ("including", "like") or (prep.lower_ == "as" and prep.i > 0
                                                                         and prep.doc[prep.i - 1].lower_ == "such")):
        group = prep.head
        if group.tag_ in ("NNS", "NNPS") and party_name(group.text):
            return [Found(None, party_name(group.text), PARTY, group.i, Weight.BODY)]
    if head.dep_ in SUBJECT_DEPS:
        for tok in index.sentence_words(head, "fellow"):
            if tok.dep_ == "amod" and party_name(tok.head.text) \
                    and tok.head.tag_ in ("NNS", "NNPS") \
                    and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in tok.head.children):
                return [Found(None, party_name(tok.head.text), PARTY, tok.i, Weight.BODY)]
    return []


def _next_predicate(index: ParseIndex, head: Token, pronoun: str | None) -> list[Found]:
    """"Okafor rose quickly. She now holds the post of attorney general": the next sentence's
    predicate, when its subject is the person's own pronoun."""
    if pronoun is None or head.dep_ not in SUBJECT_DEPS:
        return []
    nxt = _next_sentence(index, index.sentence_of(head))
    if nxt is None or not _pronoun_subject(nxt, pronoun):
        return []
    return _predicate(nxt.root)


def _later_descriptions(index: ParseIndex, head: Token, pronoun: str | None = None,
                        quoted: Sequence[tuple[int, int]] = ()) -> list[Found]:
    """"Trump said ... The Republican nominee added": a definite description of a title in the rest of
    the name's sentence or the next one, with no other person named in between, is the same person.
    The name must be the topic (the subject, or its possessor: "Trump's plan"); the description the
    subject or the subject's possessor ("the nominee's plan"); not one inside the quoted runs ``quoted``
    ("Neither the president nor ..." is someone's words about someone else)."""
    doc = head.doc
    out: list[Found] = []
    topic = _topic(head)
    if not topic and head.dep_ != "poss":
        return out  # only the topic of a sentence is carried on to "the nominee" after it
    end = index.sentence_end(head)
    # Any other possessor ("when it comes to X's health, the Democratic nominee's doctor says") is
    # carried only to a party description that is the main subject or its possessor, in its own sentence.
    nxt = _next_sentence(index, index.sentence_of(head)) if topic else None
    if nxt is not None:
        end = nxt.end
        # "Trump spoke. He said ... He added ... The GOP candidate did not": while the person stays the
        # subject as "he" or "she" (their own pronoun), a party description further on is still them.
        sent = nxt
        for _ in range(_CHAIN_SENTENCES):
            if not pronoun or not _pronoun_subject(sent, pronoun) or any(t.is_quote for t in sent):
                break  # reported words ("'This man ...,' he added") may be about someone else
            following = _next_sentence(index, sent)
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
                    and (noun.dep_ in SUBJECT_DEPS or (noun.dep_ == "poss" and noun.head.dep_ in SUBJECT_DEPS)) \
                    and not _within(noun, head.head) and not _named_after(index, noun, head.text) \
                    and not _reported(index, noun, head) and not inside_quote(quoted, noun.idx) \
                    and not (noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ == "PROPN"):
                role, aff, rank = description_of(noun)
                near = nxt is None or noun.i < nxt.end
                if not topic:
                    main = noun.head if noun.dep_ == "poss" else noun
                    near = main.dep_ in SUBJECT_DEPS and main.head.dep_ == "ROOT" and rank == PARTY
                if role and (near or rank == PARTY) and (topic or near):
                    out.append(Found(role, aff, rank, noun.i, Weight.ASIDE))
                i = noun.i + 1
                continue
        i += 1
    return out


def _reported(index: ParseIndex, noun: Token, head: Token) -> bool:
    """"Trump said the justice's mind is shot": a description inside what the person is reported to
    say, in their own sentence, is someone they speak of."""
    if index.sentence_start(noun) != index.sentence_start(head):
        return False
    for tok, above in pairwise(chain((noun,), noun.ancestors)):
        if tok.dep_ == "ROOT":
            return False
        if tok.dep_ in REPORT_DEPS and above == head.head:
            return True
    return False


def _within(tok: Token, ancestor: Token) -> bool:
    """``tok`` stands in the phrase ``ancestor`` heads, its verb aside: "Rhodes, one of the president's
    aides," holds "the president" inside the name's own appositive."""
    return ancestor.pos_ in ("NOUN", "PROPN") and ancestor.left_edge.i <= tok.i <= ancestor.right_edge.i


def _topic(head: Token) -> bool:
    """The name is what its sentence is about: the subject, or the main subject's possessor."""
    return head.dep_ in SUBJECT_DEPS or (head.dep_ == "poss" and head.head.dep_ in SUBJECT_DEPS
                                      and head.head.head.dep_ == "ROOT") or _opens_line(head)


def _opens_line(head: Token) -> bool:
    """"Ann Lee won on Friday." opening a paragraph, its verb right after the name: the subject, even where
    the parser ran the line on from a headline without a full stop and hung the name on the headline."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].is_space:
        start -= 1
    if start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        return False
    verb = doc[head.i + 1] if head.i + 1 < len(doc) else None
    return verb is not None and verb.tag_ in ("VBD", "VBZ", "VBP", "MD") and verb.pos_ in ("VERB", "AUX")


def _named_after(index: ParseIndex, noun: Token, name: str) -> bool:
    """"The director chastised Clinton": the person named again in the description's sentence is
    someone else than the description."""
    return any(t.text == name for t in noun.doc[noun.i + 1:index.sentence_end(noun)])


def _next_sentence(index: ParseIndex, sent: Span) -> Span | None:
    """The sentence right after ``sent``, one space or line break between them at most."""
    doc = index.doc
    k = sent.end
    if k < len(doc) and doc[k].is_space:
        k += 1
    return index.sentence_of(doc[k]) if k < len(doc) and k - sent.end <= 1 else None


def _pronoun_subject(sent: Span, pronoun: str) -> bool:
    """The sentence's main subject is the person's pronoun: the topic carries on."""
    return any(c.dep_ in SUBJECT_DEPS and c.lower_ == pronoun for c in sent.root.children)


def _around(head: Token) -> list[Found]:
    """Appositives, relative clauses, "X of Y" and predicates attached to a name's head."""
    out: list[Found] = []
    doc = head.doc
    conj_at = min((c.i for c in head.children if c.dep_ == "conj"), default=len(doc))
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN", "NUM") and child.ent_type_ != "PERSON" \
                and not is_name(child) and child.i < conj_at:
            # "X and Y, the envoy,": an appositive after a coordinated name describes the last one
            role, aff, rank = description_of(child, any_noun=True)
            inner = _title_after_body(child)
            if role is None and inner is not None:
                # "X, Harbor News 24 political correspondent,": the parser hangs the title on the body
                role, aff, rank = description_of(inner, any_noun=True)
                body = affiliation_phrase(child)
                if role and aff is None and body:
                    aff, rank = normalise(body, child.ent_type_), rank_of(body, child.ent_type_)
                child = inner
            if not (role or aff) and child.pos_ == "PROPN":
                role, aff, rank = _body_then_title(child)
            if role or aff:
                # a past role, or a noun that is no title ("her Democratic rival"), says less
                aside = role and (is_past(role) or not (is_title(child.text) or title_like(child)))
                sure = Weight.ASIDE if aside else Weight.AT_NAME
                if any(c.lower_ in NOW_WORDS for c in child.children) and not is_past(role or ""):
                    sure = Weight.NOW  # "said X, now a consultant": what the person is now
                out.append(Found(role, aff, rank, child.i, sure))
            for c in child.children:  # "X, a chemist who is head of Y," "X, an official who runs Y,"
                if c.dep_ == "relcl":
                    out.extend(f if f.role is None or c.lemma_ in ("be", "serve", "work")
                               else Found(None, f.affiliation, f.rank, f.order, Weight.BODY) for f in _relative(c))
        elif child.dep_ == "relcl":
            out.extend(_relative(child))
        elif child.dep_ == "prep" and child.lower_ in ("of", "with", "at", "from") \
                and (child.i == head.i + 1 or (child.i == head.i + 2 and doc[head.i + 1].text == ",")
                     or (child.i == head.i + 4 and doc[head.i + 1].text == doc[head.i + 3].text == ","
                         and doc[head.i + 2].like_num)) \
                and (child.lower_ == "of" or head.dep_ not in OBJECT_DEPS):
            # (", 27, of Harlow": an age between the name and where the person is from)
            # "a mentor to X at Y": where an object of the sentence was is no body they belong to.
            pobj = object_of(child)
            aff, pobj = body_phrase(pobj) if pobj is not None else (None, None)  # "X of campaign group Y"
            if pobj is not None and (pobj.ent_type_ in BODY_ENTS or (  # "X of Acme Securities", unrecognised
                    pobj.pos_ == "PROPN" and pobj.ent_type_ == "" and pobj.text[:1].isupper()
                    and not person_word(pobj) and not is_title(pobj.text))
                    or named_body_noun(pobj)):  # "X of the Acme union"
                if aff:
                    out.append(Found(None, normalise(aff, pobj.ent_type_), rank_of(aff, pobj.ent_type_), pobj.i, Weight.BODY))
    out.extend(_based_at(head))
    known = _known_as(head)
    if known is not None:
        role, aff, rank = description_of(known, any_noun=True)
        if role or aff:
            out.append(Found(role, aff, rank, known.i, Weight.ASIDE))
    group = _group_of(head)
    if group is not None:
        out.append(Found(group.lemma_.lower(), None, ORG, group.i, Weight.ASIDE))
    # "Y spokeswoman, X," and "the senator, X": the name is the appositive of a description;
    # "an attorney for Y, X," where the parser hangs the name on Y.
    described = head.head if head.dep_ == "appos" else None
    if described is not None and described.pos_ == "PROPN" and described.dep_ == "pobj" \
            and described.head.dep_ == "prep" and described.head.head.pos_ == "NOUN" \
            and is_title(described.head.head.text):
        described = described.head.head
    if described is not None and described.pos_ == "NOUN" and described.i < head.i:
        role, aff, rank = description_of(described)
        if role or aff:
            out.append(Found(role, aff, rank, described.i))
    # "X is the chief economist at Y", "X serves as chairman of Y", "Y is operated by Z".
    if head.dep_ in SUBJECT_DEPS:
        verb = head.head
        out.extend(_predicate(verb))
    return out


def _based_at(head: Token) -> list[Found]:
    """"X, based at Harbour University,": the body the person works from (a place only says where)."""
    out: list[Found] = []
    for acl in head.children:
        if acl.dep_ != "acl" or acl.lemma_ != "base" or acl.tag_ != "VBN" or acl.i != head.i + 2:
            continue
        for prep in acl.children:
            pobj = object_of(prep) if prep.dep_ == "prep" and prep.lower_ in ("at", "in", "with") else None
            aff, pobj = body_phrase(pobj) if pobj is not None else (None, None)
            if aff and pobj is not None and (pobj.ent_type_ == "ORG" or named_body_noun(pobj)) \
                    and rank_of(aff, pobj.ent_type_) == ORG:
                out.append(Found(None, normalise(aff, pobj.ent_type_), ORG, pobj.i, Weight.BODY))
    return out


def _known_as(head: Token) -> Token | None:
    """"the gamer, known only by his moniker X," and "a hacker known as X": the noun the name is given to."""
    prep = head.head
    verb = prep.head
    if head.dep_ != "pobj" or prep.lower_ not in ("as", "by") or verb.lemma_ not in ("know", "call", "name") \
            or verb.tag_ != "VBN" or verb.dep_ != "acl" or verb.head.pos_ != "NOUN" or verb.head.i > verb.i:
        return None
    return verb.head


def _group_of(head: Token) -> Token | None:
    """"his young players, particularly X," and "three ministers, including X,": a plural title noun the
    name is one of, as its appositive or after "including"; each of them holds the title."""
    group = head.head if head.dep_ == "appos" else None
    if head.dep_ == "pobj" and head.head.lower_ == "including":
        group = head.head.head
    if group is None or group.pos_ != "NOUN" or group.tag_ != "NNS" or not group.text.islower() \
            or group.i > head.i or not is_title(group.lemma_):
        return None
    return group


def _title_after_body(body: Token) -> Token | None:
    """The title noun a body's name stands before inside one appositive, as its own appositive."""
    if body.pos_ != "PROPN" or body.ent_type_ not in BODY_ENTS:
        return None
    return next((c for c in body.rights if c.dep_ == "appos" and c.pos_ == "NOUN" and is_title(c.text)), None)
def _body_then_title(body: Token) -> tuple[str | None, str | None, int]:
    """"X, Acme News political correspondent,": an appositive the parser hung on the body's name,
    with the title noun after it; the title's role and the body."""
    title = next((t for t in body.rights if t.pos_ == "NOUN" and t.text.islower() and is_title(t.text)), None)
    if title is None:
        return None, None, ORG
    role, aff, rank = split_title_run([t for t in body.doc[body.left_edge.i:title.i + 1]], need_title=True)
    if role is None or aff is None:
        return None, None, ORG
    own, _, _ = description_of(title, any_noun=True)
    return own or role, aff, rank


def _predicate(verb: Token) -> list[Found]:
    out: list[Found] = []
    # What someone was is a weaker answer than what they are; what they are "now" a stronger one.
    weight = Weight.PAST if verb.tag_ == "VBD" \
        else Weight.NOW if any(c.lower_ in NOW_WORDS for c in verb.children) else Weight.ASIDE
    if verb.lemma_ == "be":
        for child in verb.children:
            if child.dep_ == "attr" and child.pos_ in ("NOUN", "NUM"):
                role, aff, rank = description_of(child, any_noun=True)
                if role or aff:
                    out.append(Found(role, aff, rank, child.i, weight))
        return out
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        pobj = object_of(child)
        if pobj is None:
            continue
        if child.lower_ == "as" and pobj.pos_ == "NOUN" \
                and (verb.lemma_ in ("serve", "work") or (is_title(pobj.text) and child.i > verb.i)):
            # "serves as chairman", and "she occupies the post as the attorney general"
            role, aff, rank = description_of(pobj, any_noun=True)
            if role or aff:
                out.append(Found(role, aff, rank, pobj.i, weight))
        elif child.lower_ in ("at", "for", "with") and verb.lemma_ in EMPLOYED_VERBS:
            aff, pobj = body_phrase(pobj)  # "works at Y", "wrote for Y", "works for campaign group Y"
            if aff and (pobj.ent_type_ in ("ORG", "GPE") or (pobj.pos_ == "PROPN" and pobj.ent_type_ == ""
                                                             and not person_word(pobj))):
                out.append(Found(None, normalise(aff, pobj.ent_type_), rank_of(aff, pobj.ent_type_), pobj.i, Weight.BODY))
    for child in verb.children:
        # "FactDesk is operated by the Harbor Daily": the owner is the affiliation.
        if child.dep_ == "agent" and verb.lemma_ in OWNED_VERBS and verb.tag_ == "VBN":
            pobj = object_of(child)
            if pobj is not None and pobj.ent_type_ == "ORG":
                aff = affiliation_phrase(pobj)
                if aff:
                    out.append(Found(None, normalise(aff, "ORG"), ORG, pobj.i, Weight.BODY))
    return out


def _titled(noun: Token) -> bool:
    """A noun that names a position, by the list or by its ending."""
    return is_title(noun.text) or title_like(noun)


def _relative(verb: Token) -> list[Found]:
    """"X, who heads Y," "X, who is the director of Y," and "X, who studies Z at Y,"."""
    if not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in verb.children):
        return []
    if verb.lemma_ in ("be", "serve", "work", "remain", "stay"):
        # said right at the name ("who will remain as chief executive"), as sure as an appositive (unless it is what they were,
        # or a noun that is no title: "who is a member of the committee" says less, as in an appositive)
        return [Found(f.role, f.affiliation, f.rank, f.order, Weight.AT_NAME if f.role is None or _titled(verb.doc[f.order])
                      else Weight.ASIDE) if f.weight != Weight.PAST else f
                for f in _predicate(verb)]
    if verb.lemma_ in JOIN_VERBS:
        # "who joined Acme Rovers last year", "who signed for Acme": the body the person is with now
        for child in verb.children:
            pobj = child if child.dep_ == "dobj" else object_of(child) if child.dep_ == "prep" \
                and child.lower_ in ("for", "with") else None
            if pobj is not None and (pobj.ent_type_ in ("ORG", "GPE") or (pobj.pos_ == "PROPN" and not person_word(pobj))):
                aff = affiliation_phrase(pobj)
                if aff:
                    return [Found(None, normalise(aff, pobj.ent_type_), rank_of(aff, pobj.ent_type_), pobj.i, Weight.BODY)]
    role = ROLE_VERBS.get(verb.lemma_)
    if role is not None:
        for child in verb.children:
            if child.dep_ != "dobj":
                continue
            if child.ent_type_ in BODY_ENTS or child.pos_ == "PROPN":
                aff = affiliation_phrase(child)
                if aff:
                    if verb.tag_ == "VBD" and role in ROLE_VERBS_HELD:
                        # "who helmed Y from 1995 to 1997": a position held once
                        return [Found(f"former {role}", normalise(aff, child.ent_type_),
                                       rank_of(aff, child.ent_type_), verb.i, Weight.PAST)]
                    return [Found(role or None, normalise(aff, child.ent_type_), rank_of(aff, child.ent_type_), verb.i,
                                  Weight.ASIDE if role else Weight.AT_NAME)]  # a role read off a verb says less than a title
            owner = next((c for c in child.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            if child.dep_ == "dobj" and child.pos_ == "NOUN" and role and owner is not None:
                # "who heads Acme's research team": the unit is part of the role, its owner the body
                aff = affiliation_phrase(owner)
                unit = [t for t in child.subtree if t.i > owner.right_edge.i and t.i <= child.i]
                if aff and unit:
                    past = verb.tag_ == "VBD" and role in ROLE_VERBS_HELD  # "who headed Acme's team until 2001"
                    return [Found(f"{'former ' if past else ''}{role} of {tokens_text(unit)}",
                                  normalise(aff, owner.ent_type_), rank_of(aff, owner.ent_type_), verb.i,
                                  Weight.PAST if past else Weight.ASIDE)]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("at", "for", "with") and verb.tag_ != "VBD":
            pobj = object_of(child)
            if pobj is not None and pobj.ent_type_ == "ORG":
                aff = affiliation_phrase(pobj)
                if aff:
                    return [Found(None, normalise(aff, "ORG"), ORG, pobj.i, Weight.BODY)]
    return []
