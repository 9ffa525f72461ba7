"""The claim around a quote, as tables of invented articles (its event: test_events.py; the seed's both here)."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from service.extract.claims import claim_for
from service.extract.events import event_for
from service.extract.sentences import sentences
from service.extract.marks import quoted_runs


def _runs(text: str) -> list[tuple[int, int]]:
    return [(r.start, r.end) for r in quoted_runs(text)]


def _quote(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _mentions(text: str, word: str) -> list[tuple[int, int]]:
    out, at = [], text.find(word)
    while at >= 0:
        out.append((at, at + len(word)))
        at = text.find(word, at + 1)
    return out


# (article, the quote's words, the sentence the claim must be)
CLAIMS = [
    # the reporter's framing in the paragraph before
    ("Mayor Lin Ortega promised on Tuesday to repave every road in the city by spring.\n\n"
     '"We will get it done," Ortega said.',
     "We will get it done,",
     "Mayor Lin Ortega promised on Tuesday to repave every road in the city by spring."),
    # the framing earlier in the same paragraph
    ("Ortega defended the new budget before the council on Monday. "
     '"Every cent is accounted for," she said.',
     "Every cent is accounted for,",
     "Ortega defended the new budget before the council on Monday."),
    # a quoted fragment inside the reporter's own sentence: that sentence is the claim
    ("The council met at noon.\n\n"
     'The mayor called the plan "a disgrace to the city" and vowed to block it when the council votes next week.',
     "a disgrace to the city",
     'The mayor called the plan "a disgrace to the city" and vowed to block it when the council votes next week.'),
    # two paragraphs back, over a paragraph that is all quotation
    ("Ortega warned that taxes would rise if the state cut its grants.\n\n"
     '"We cannot pay for everything ourselves," she said.\n\n'
     '"Somebody has to give."',
     "Somebody has to give.",
     "Ortega warned that taxes would rise if the state cut its grants."),
    # nothing earlier: the quote's own sentence
    ('"We will win this race," Ortega said.', "We will win this race,", '"We will win this race," Ortega said.'),
    # a time stamp or heading is no claim
    ('7 p.m.\n\n"We will win this race," Ortega said.', "We will win this race,",
     '"We will win this race," Ortega said.'),
    # more than two paragraphs back is too far
    ("Ortega promised lower taxes for every family in the city.\n\n"
     '"One," she said.\n\n"Two," she said.\n\n"Three," she said.',
     "Three,",
     '"Three," she said.'),
]


@pytest.mark.parametrize("text,words,expected", CLAIMS)
def test_claim(nlp: Language, text: str, words: str, expected: str) -> None:
    doc = nlp(text)
    claim = claim_for(doc, _quote(text, words), _runs(text))
    assert claim is not None
    assert claim.text == expected
    assert text[claim.start:claim.end] == claim.text


def test_sentences_never_cross_a_line(nlp: Language) -> None:
    text = 'The mayor spoke\nto the council. "We will win," she said.\n\nThe end'
    doc = nlp(text)
    spans = sentences(doc).spans
    assert all("\n" not in text[s:e] for s, e in spans)
    assert ("The mayor spoke" in [text[s:e] for s, e in spans])
    assert '"We will win," she said.' in [text[s:e] for s, e in spans]


def test_an_empty_article_has_no_claim(nlp: Language) -> None:
    doc = nlp("")
    assert claim_for(doc, (0, 0), []) is None


def test_the_seed_claim_and_event(nlp: Language) -> None:
    text = (Path(__file__).resolve().parent.parent / "seeds" / "000_804a390cb46da908.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    quote = _quote(text, "I would if he would contact,")
    claim = claim_for(doc, quote, _runs(text))
    assert claim is not None and "press briefing" in claim.text and "Air Force One" in claim.text
    event = event_for(doc, quote, claim, _mentions(text, "Trump"))
    assert event is not None and event.text == "a press briefing aboard Air Force One on Friday"
