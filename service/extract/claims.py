"""The claim a quote backs up and the event it came from, as spans of the article.

``claim_for``: the reporter's own sentence that the quote supports. When the quote sits
inside a sentence the reporter leads with ten or more words of their own ("The mayor called
the plan "a disgrace" and vowed to block it ..."), that sentence. Otherwise,
going back from the quote, the nearest earlier sentence (in the quote's paragraph, or one
or two paragraphs back; a paragraph is a line) that holds no quotation and is a statement
(four words or more, not a lead-in ending in a colon, a time stamp or a byline). When there
is none, the whole sentence (or sentences) that holds the quote. Measured on the dev data,
asking the earlier sentence to name the speaker or to have a reporting verb did worse:
reporters frame a quote with the topic sentence as often as with "X said".

``event_for``: the occasion the words came from ("a press briefing aboard Air Force One on
Friday", "an interview with ...", "a statement", "Twitter"), with the time and place words
that go with it, looked for in the claim, the quote's own sentence, and then earlier
sentences about the same speaker. None when the article does not say. An occasion noun counts
after a verb of saying ("said in an interview"), opening a reporting sentence ("At a rally,
..."), or after "at", "during" or "aboard" whatever the verb ("was blunt at the hearing"); so do
"told CNN" and "told <outlet> host <name>", and an occasion given, held, issued or posted.
The answer (``answer.build``) gives a later quote with no occasion of its own the speaker's
first one. Measured on the dev data, carrying a speaker's previous claim to their next quote
gained as many as it lost, so claims are shared along ``continues`` only.

Sentences are computed once per ``Doc`` (kept in ``doc.user_data``) from the parser's
sentence starts, cut at every line break and never started on closing punctuation, so
every function here costs a bisect and a look at a few sentences, not a pass over the text.
Not handled: a claim that comes after its quote, and events named only by a verb
("tweeted") without a noun for the occasion.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Final, Sequence

from spacy.tokens import Doc, Token

from .records import TextSpan

_SENTENCES_KEY = "quotes.claims.sentences"
_EVENTS_KEY = "quotes.claims.events"
# Characters that close what came before: a sentence start here belongs to the sentence before.
_CLOSERS = frozenset("”’\"')]},.;:!?»")
_PARAGRAPHS_BACK: Final[int] = 2
_OPENING_MARKS = frozenset("\"“„«'‘`")
# End of a sentence, then an opening quotation mark that starts the next one.
_QUOTE_OPENS_SENTENCE = re.compile(r"(?<=[a-z0-9)][.!?])[ \t]+(?=[“\"]\w)")
# A quote's own sentence with at least this many words of the reporter's is the claim itself.
OWN_WORDS: int = 10
# An earlier sentence shorter than this is a heading, a time stamp or a byline, never a claim.
MIN_WORDS: int = 4
_WORD = re.compile(r"[A-Za-z][\w'’-]*")

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


@dataclass(frozen=True)
class Sentences:
    """The sentences of one article, each with the paragraph it sits in (counting non-empty lines)."""

    text: str
    spans: tuple[tuple[int, int], ...]
    paragraph: tuple[int, ...]
    starts: tuple[int, ...]

    def index_at(self, offset: int) -> int:
        """The sentence that holds ``offset`` (or the last one that starts before it)."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


def sentences(doc: Doc) -> Sentences:
    """The article's sentences; built on the first call and kept in ``doc.user_data``."""
    cached = doc.user_data.get(_SENTENCES_KEY)
    if isinstance(cached, Sentences):
        return cached
    built = _build_sentences(doc)
    doc.user_data[_SENTENCES_KEY] = built
    return built


def claim_for(doc: Doc, quote: tuple[int, int], quoted: Sequence[tuple[int, int]]) -> TextSpan | None:
    """The sentence the quote backs up (see the module docstring); None only for an empty article.

    ``quote`` is the (start, end) of the quote's words; ``quoted`` every quoted run of the
    article, (start, end) in text order (as ``marks.quoted_runs`` gives them).
    """
    sents = sentences(doc)
    if not sents.spans:
        return None
    own = _own_sentence(sents, quote)
    start = sents.spans[own[0]][0]
    end = sents.spans[own[1]][1]
    if sents.text[start] not in _OPENING_MARKS and _reporter_words(sents.text, start, end, quoted) >= OWN_WORDS:
        # The quote sits inside the reporter's own statement: that sentence is the claim.
        return _span(sents.text, start, end)
    para = sents.paragraph[own[0]]
    k = own[0] - 1
    while k >= 0 and sents.paragraph[k] >= para - _PARAGRAPHS_BACK:
        start, end = sents.spans[k]
        if not _has_quotation(quoted, start, end) and _statement(sents.text, start, end):
            return _span(sents.text, start, end)
        k -= 1
    start = sents.spans[own[0]][0]
    end = sents.spans[own[1]][1]
    return _span(sents.text, start, end)


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
    own = _own_sentence(sents, quote)
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


# --- sentences ----------------------------------------------------------------------------------

def _build_sentences(doc: Doc) -> Sentences:
    text = doc.text
    line_starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        line_starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    cuts: set[int] = set(line_starts)
    if doc.has_annotation("SENT_START"):
        for tok in doc:
            if tok.i > 0 and tok.is_sent_start:
                at = tok.idx
                while at < len(text) and text[at] in _CLOSERS:
                    at += 1
                if at == tok.idx or (at < len(text) and text[at] in " \t"):
                    cuts.add(at)
    # The parser often runs a sentence on into a quotation that opens the next one: 'Monday. "Every'.
    cuts.update(m.end() for m in _QUOTE_OPENS_SENTENCE.finditer(text))
    ordered = sorted(cuts)
    spans: list[tuple[int, int]] = []
    lines: list[int] = []
    for n, start in enumerate(ordered):
        end = ordered[n + 1] if n + 1 < len(ordered) else len(text)
        nl = text.find("\n", start, end)
        if nl >= 0:
            end = nl
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
            lines.append(bisect.bisect_right(line_starts, s) - 1)
    # Paragraph numbers count non-empty lines only.
    paragraph: list[int] = []
    ordinal = -1
    previous = -1
    for line in lines:
        if line != previous:
            ordinal += 1
            previous = line
        paragraph.append(ordinal)
    return Sentences(text, tuple(spans), tuple(paragraph), tuple(s for s, _ in spans))


def _own_sentence(sents: Sentences, quote: tuple[int, int]) -> tuple[int, int]:
    """First and last sentence index that the quote's words touch (its opening mark included)."""
    first = sents.index_at(max(0, quote[0] - 1))
    last = sents.index_at(max(quote[0], quote[1] - 1))
    if sents.paragraph[last] != sents.paragraph[first]:
        last = first
    return first, max(first, last)


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
    """A sentence that can state something: a few words, not a dateline, time stamp, byline or lead-in."""
    if len(_WORD.findall(text, start, end)) < MIN_WORDS:
        return False
    return text[end - 1] != ":" and text[start] not in "―—–-@"


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(text[start:end], start, end)


# --- events -------------------------------------------------------------------------------------

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
