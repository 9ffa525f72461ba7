"""The occasion a quote's words came from, as a span of the article.

``event_for``: the occasion the words came from ("a press briefing aboard Air Force One on
Friday", "an interview with ...", "a statement", "Twitter"), with the time and place words
that go with it, looked for in the claim, the quote's own sentence, and then earlier
sentences about the same speaker. None when the article does not say. An occasion noun counts
after a verb of saying ("said in an interview"), opening a reporting sentence ("At a rally,
..."), or after "at", "during" or "aboard" whatever the verb ("was blunt at the hearing"); so do
"told CNN" and "told <outlet> host <name>", and an occasion given, held, issued or posted.
The answer (``answer.build``) gives a later quote with no occasion of its own the speaker's
first one. Occasions are found once per ``Doc`` (kept in ``doc.user_data``), the first of
each sentence. Not handled: events named only by a verb ("tweeted") without a noun for the
occasion.
"""
from __future__ import annotations

import bisect
from typing import Final, Sequence

from spacy.tokens import Doc, Token

from .records import TextSpan
from .sentences import Sentences, own_sentence, sentences

_EVENTS_KEY = "quotes.events"

# Verbs (lemmas) with which a reporter says what someone said or did with words.
REPORTING_VERBS: Final[frozenset[str]] = frozenset("""
say tell express announce argue claim warn add note state write tweet post call accuse insist
suggest explain acknowledge admit deny assert declare describe praise criticize criticise slam blast
defend urge predict promise vow pledge respond reply ask question emphasize emphasise stress underscore
reiterate recall joke concede complain contend maintain counter dismiss attack charge allege
confirm report reveal disclose testify announce propose reject refuse decline threaten boast brag
lament mock blame credit thank apologize apologise concede signal hint indicate point offer
share release issue speak talk address discuss comment weigh echo repeat double push press
""".split())

# Nouns that name an occasion words come from.
EVENT_NOUNS: Final[frozenset[str]] = frozenset("""
interview briefing conference gaggle statement speech address remarks hearing testimony rally
debate forum town-hall townhall post tweet tweets message letter memo email e-mail op-ed essay
column editorial broadcast show episode podcast program programme appearance event fundraiser
convention summit meeting session call stop visit tour gathering ceremony luncheon dinner gala
breakfast celebration announcement release video ad advertisement book memoir report ruling
filing complaint lawsuit motion order opinion decision testimony deposition transcript
""".split())
# Places an occasion is on: "on Twitter", "on Facebook".
MEDIA_NAMES: Final[frozenset[str]] = frozenset("twitter facebook instagram youtube tiktok reddit".split())
# Prepositions that put words at an occasion: "said in an interview", "told reporters at a rally".
_OCCASION_PREPS = frozenset("in during at on aboard via through from after before following over".split())
_TIME_ENTS = frozenset({"DATE", "TIME"})
# Prepositions that place words at an occasion whatever the verb: "at the hearing", "during a debate".
_AT_OCCASION = frozenset("at during aboard".split())
# Words that title a person one is interviewed by: "told Fox News host Jane Roe".
_INTERVIEWERS = frozenset("host anchor co-host cohost interviewer moderator correspondent reporter".split())
# Prepositions whose phrase belongs to the occasion: "an interview with ...", "a rally in ...".
_PHRASE_PREPS = frozenset("with aboard at in on before of".split())


def event_for(doc: Doc, quote: tuple[int, int], claim: TextSpan | None,
              speaker_mentions: Sequence[tuple[int, int]] = ()) -> TextSpan | None:
    """The occasion the quote came from, with its time and place words; None when not stated.

    Looked for in the claim, then the quote's own sentence(s), then earlier sentences that
    name the speaker (``speaker_mentions``, in text order), nearest first.
    """
    sents = sentences(doc)
    if not sents.spans:
        return None
    events = _events(doc, sents)
    if not events:
        return None
    own = own_sentence(sents, quote)
    places: list[int] = []
    if claim is not None:
        places.append(sents.index_at(claim.start))
    places.extend(range(own[0], own[1] + 1))
    for k in places:
        if k in events:
            return events[k]
    # Earlier sentences that name the speaker, nearest first.
    first = sents.spans[own[0]][0]
    hi = bisect.bisect_left(speaker_mentions, first, key=lambda m: m[0])
    seen: set[int] = set(places)
    for m in range(hi - 1, -1, -1):
        k = sents.index_at(speaker_mentions[m][0])
        if k in seen:
            continue
        seen.add(k)
        if k in events:
            return events[k]
    return None


def _events(doc: Doc, sents: Sentences) -> dict[int, TextSpan]:
    """The first occasion phrase of each sentence that names one, by sentence index (cached)."""
    cached = doc.user_data.get(_EVENTS_KEY)
    if isinstance(cached, dict):
        return cached
    found: dict[int, TextSpan] = {}
    for tok in doc:
        if not _is_occasion(tok):
            continue
        k = sents.index_at(tok.idx)
        if k in found:
            continue
        lo, hi = sents.spans[k]
        span = _event_phrase(tok, lo, hi, sents.text)
        if span is not None:
            found[k] = span
    doc.user_data[_EVENTS_KEY] = found
    return found


def _is_occasion(tok: Token) -> bool:
    """A noun naming an occasion where words were said: "said in an interview", "told CNN",
    "at a rally Friday, Trump said", "gave a speech", "wrote on Twitter"."""
    word = tok.lower_
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in _OCCASION_PREPS:
        prep = tok.head
        if _occasion_noun(tok) and (_speaking_above(prep.head) or _in_reporting_sentence(prep)
                                    or prep.lower_ in _AT_OCCASION):
            return True  # "said in an interview", "At a rally Friday, ...", "... at the committee hearing"
        # "said on Twitter", "said Thursday on Fox News's "Fox and Friends"", "appeared on MSNBC"
        return (prep.lower_ in ("on", "via") and _speaking(prep.head)
                and (word in MEDIA_NAMES or (tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "WORK_OF_ART", "")
                                             and tok.ent_type_ != "PERSON")))
    if tok.dep_ in ("dative", "dobj") and tok.head.lemma_ == "tell" and tok.pos_ == "PROPN":
        if tok.ent_type_ in ("ORG", "WORK_OF_ART", "") and tok.ent_type_ != "PERSON":
            return True  # "told CNN", "told MSNBC's Morning Joe"
        # "told Fox News host Jane Roe", "told Jane Roe of CNN": a named interviewer from an outlet.
        return any(c.dep_ == "compound" and c.lower_ in _INTERVIEWERS for c in tok.subtree) or any(
            c.dep_ == "prep" and c.lower_ == "of" and _pobj(c) is not None and _pobj(c).ent_type_ == "ORG"
            for c in tok.children)
    if tok.dep_ in ("dobj", "nsubjpass") and _occasion_noun(tok) and tok.head.lemma_ in (
            "give", "hold", "deliver", "issue", "post", "send", "release", "publish", "write", "grant", "run",
            "do", "air", "agree", "conduct"):
        return True
    return False


def _occasion_noun(tok: Token) -> bool:
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in EVENT_NOUNS:
        return False
    if tok.lemma_.lower() == "conference" and tok.i > 0 and tok.nbor(-1).lower_ not in ("press", "news"):
        return False
    return True


def _speaking_above(verb: Token) -> bool:
    """The verb, or one of the two verbs it hangs from, is a verb of saying:
    "expressed ..., throwing the ball ... during a briefing"."""
    for _ in range(3):
        if _speaking(verb):
            return True
        if verb.head is verb or verb.dep_ not in ("advcl", "xcomp", "conj", "ccomp", "pcomp"):
            return False
        verb = verb.head
    return False


def _in_reporting_sentence(prep: Token) -> bool:
    """A sentence-opening occasion: "At a rally Friday, Trump said ...", "In a statement, she called ..."."""
    verb = prep.head
    return prep.i < verb.i and verb.dep_ == "ROOT" and any(
        c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children) and verb.pos_ == "VERB"


def _speaking(verb: Token) -> bool:
    """A verb of saying (or appearing, speaking) that an occasion phrase can hang on."""
    return verb.pos_ in ("VERB", "AUX") and (verb.lemma_ in REPORTING_VERBS or verb.lemma_ in (
        "appear", "speak", "talk", "testify", "interview", "campaign", "rally", "tweet", "post"))


def _event_phrase(tok: Token, lo: int, hi: int, text: str) -> TextSpan | None:
    """The occasion noun with its modifiers, "with/aboard/at/in/on ..." phrases and time words."""
    doc = tok.doc
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in ("det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "npadvmod") \
                or (c.dep_ == "punct" and c.text == "-"):
            start = min(start, c.left_edge.i)
    end = tok.i + 1
    for c in tok.rights:
        if any(doc[k].is_punct and doc[k].text != "-" for k in range(end, c.left_edge.i)):
            break
        if c.dep_ == "prep" and c.lower_ in _PHRASE_PREPS:
            end = max(end, _pp_end(c))
        elif c.dep_ == "npadvmod" and c.ent_type_ in _TIME_ENTS:
            end = max(end, c.right_edge.i + 1)
        else:
            break
    # A time right after: "... on Friday", "... Monday night".
    if end < len(doc) and doc[end].ent_type_ in _TIME_ENTS:
        while end < len(doc) and doc[end].ent_type_ in _TIME_ENTS and doc[end].ent_iob_ in ("B", "I"):
            end += 1
    elif end + 1 < len(doc) and doc[end].lower_ == "on" and doc[end + 1].ent_type_ in _TIME_ENTS:
        end += 1
        while end < len(doc) and doc[end].ent_type_ in _TIME_ENTS:
            end += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    s, e = max(s, lo), min(e, hi)
    if e <= s:
        return None
    return TextSpan(text[s:e], s, e)


def _pp_end(prep: Token) -> int:
    """The token index after a prepositional phrase, up to its first comma or clause."""
    end = prep.i + 1
    for t in prep.subtree:
        if t.i < prep.i:
            continue
        if t.is_punct and t.text in (",", ";", "—", "–", "(") or t.pos_ in ("VERB", "AUX"):
            break
        end = t.i + 1
    return end


def _pobj(prep: Token) -> Token | None:
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            return c
    return None
