"""The core on hostile input stays linear, bounded and under its deadline: the work grows with
the quotes of one sentence or paragraph about linearly (counted in function calls, never timed),
a claim is never longer than MAX_CLAIM_CHARS, and the deadline is checked per quote and person.
"""
from __future__ import annotations

import cProfile
import pstats
import traceback
from typing import Callable

import pytest
from spacy.language import Language

from service.extract import DeadlineExceeded, extract, parse
from service.extract.events.claims import MAX_CLAIM_CHARS, _window

from hostile import crowded_prose, repeated_quotes, run_on


def _calls(nlp: Language, text: str) -> int:
    """Python function calls ``extract`` makes on ``text`` (the parse not counted)."""
    doc = parse(nlp, text)
    profile = cProfile.Profile()
    profile.enable()
    extract(doc)
    profile.disable()
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined]


# (how n quotes are set out, n): each shape was quadratic before its fix
GROWTH = [
    # one sentence of bare quotes: the "according to" scan and the speech-noun scan, per quote
    (lambda n: repeated_quotes("zib", n), 300),
    # one speech verb the parser hangs every quote on: its children read per quote
    (lambda n: "Ana said: " + repeated_quotes("yes,", n), 200),
    # partial quotes in one sentence under a naming verb: the verb's asides read per quote
    (lambda n: "Ana Lee called the plan " + ", ".join(f'"bad {i % 7}"' for i in range(n)) + " and left.", 200),
    # one paragraph of many quoted sentences: the earlier-statement walk back, per quote
    (lambda n: " ".join(f'"We {w} it." Ana Lee said. He added: "It is {w}."'
                        for w in ("won", "lost", "saw") * (n // 6)), 300),
    # one speaker, one event, many paragraphs: the speaker's earlier mentions, per quote
    (lambda n: "Ana Lee spoke at a rally in Varnet on Friday.\n\n"
     + "\n\n".join(f'"We win {i}," Ana Lee said.' for i in range(n)), 200),
    # run-on text, no sentence end: one sentence of the whole article (its claims were quadratic in size)
    (lambda n: run_on(125 * n, n), 150),
]


@pytest.mark.parametrize("shape, n", GROWTH, ids=["bare", "one-verb", "partial", "paragraph", "one-speaker", "run-on"])
def test_work_grows_linearly_with_the_quotes(nlp: Language, shape: Callable[[int], str], n: int) -> None:
    assert _calls(nlp, shape(2 * n)) / _calls(nlp, shape(n)) <= 2.6


def _claims(nlp: Language, text: str) -> list[tuple[str, str]]:
    """(quote, claim) of every quote with a claim of its own (a continuing quote shares one)."""
    return [(q.text, q.claim.text) for q in extract(parse(nlp, text)).quotes
            if q.claim is not None and q.continues is None]


@pytest.mark.parametrize("text", [
    run_on(20_000, 60),
    repeated_quotes("zib", 400),
    # a quote longer than the window, in a run-on line
    run_on(3_000, 0) + ' "' + run_on(2_000, 0) + '" ' + run_on(3_000, 0, seed=3),
], ids=["run-on", "bare-quotes", "long-quote"])
def test_a_claim_is_never_longer_than_the_window(nlp: Language, text: str) -> None:
    claims = _claims(nlp, text)
    assert claims
    for quote, claim in claims:
        assert len(claim) <= MAX_CLAIM_CHARS
        assert claim in text
        if len(quote) < MAX_CLAIM_CHARS - 2:
            assert quote in claim
        else:
            assert quote.startswith(claim)


def test_claims_of_ordinary_sentences_are_whole_sentences(nlp: Language) -> None:
    text = crowded_prose(3_000)
    claims = _claims(nlp, text)
    assert claims and all(len(c) < 300 and c[-1] in '.!?"' for _, c in claims)


_LINE = "lorem " * 200 + '"the quoted words" ' + "ipsum " * 200  # one line of 2,418 characters
_Q = (_LINE.index("the quoted"), _LINE.index("the quoted") + len("the quoted words"))


# (the sentence, the quote, what the window must be)
WINDOWS = [
    # short enough: the sentence itself
    ((0, 500), _Q, (0, 500)),
    # around the quote, whole words only, both sides alike
    ((0, len(_LINE) - 1), _Q, None),
    # a quote near the sentence's start: the room goes to the right
    ((_Q[0] - 13, len(_LINE) - 1), _Q, None),
    # an earlier sentence (the quote outside it): its last words
    ((0, 1_199), _Q, None),
]


@pytest.mark.parametrize("chosen, quote, expected", WINDOWS, ids=["short", "around", "near-start", "earlier"])
def test_window(chosen: tuple[int, int], quote: tuple[int, int], expected: tuple[int, int] | None) -> None:
    start, end = _window(_LINE, chosen, quote)
    if expected is not None:
        assert (start, end) == expected
        return
    assert end - start <= MAX_CLAIM_CHARS and chosen[0] <= start < end <= chosen[1]
    assert end - start >= MAX_CLAIM_CHARS - 12  # cut at word boundaries, not much shorter
    assert _LINE[start - 1:start] in ("", " ") and _LINE[end:end + 1] in ("", " ")
    if chosen[0] <= quote[0] < chosen[1]:
        assert start <= quote[0] and quote[1] <= end
    else:
        assert end == chosen[1]


def test_a_quote_longer_than_the_window_gives_its_first_words() -> None:
    text = "word " * 400
    start, end = _window(text, (0, len(text) - 1), (5, len(text) - 6))
    assert start == 5 and end - start <= MAX_CLAIM_CHARS and text[end] == " "


class _Counting:
    """A deadline that notes which function checks it, and passes after ``limit`` checks (None: never)."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = limit
        self.callers: list[str] = []

    def check(self) -> None:
        self.callers.append(traceback.extract_stack(limit=2)[0].name)
        if self.limit is not None and len(self.callers) > self.limit:
            raise DeadlineExceeded()


def test_every_quote_and_person_is_checked(nlp: Language) -> None:
    doc = parse(nlp, crowded_prose(4_000))
    deadline = _Counting()
    answer = extract(doc, deadline)  # type: ignore[arg-type]
    quotes, people = len(answer.quotes), len(answer.speakers)
    assert quotes > 10 and people > 3
    assert deadline.callers.count("run") == quotes  # attribution
    assert deadline.callers.count("build") == quotes + people  # roles, then claims and events
    assert deadline.callers.count("extract") >= quotes  # the filters, and between steps


@pytest.mark.parametrize("where", ["run", "build"], ids=["attribution", "answer"])
def test_a_deadline_passing_mid_work_stops_it_there(nlp: Language, where: str) -> None:
    doc = parse(nlp, crowded_prose(4_000))
    deadline = _Counting()
    extract(doc, deadline)  # type: ignore[arg-type]
    limit = deadline.callers.index(where) + 3  # a few quotes into that step
    with pytest.raises(DeadlineExceeded) as raised:
        extract(doc, _Counting(limit))  # type: ignore[arg-type]
    functions = [frame.name for frame in traceback.extract_tb(raised.value.__traceback__)]
    assert functions[-2:] == [where, "check"]
