"""Quoted runs nobody said: which are dropped before attribution, and which are kept."""
from __future__ import annotations

import pytest
from spacy.language import Language

from service.extract import parse
from service.extract.parse_index import ParseIndex
from service.extract.quotes.filters import reason_to_drop
from service.extract.quotes.frames import Layout
from service.extract.quotes.marks import paragraphs, quoted_runs


def _reasons(nlp: Language, text: str) -> dict[str, str | None]:
    """Each run's words -> the name of the test that drops it, or None when it is kept."""
    doc = parse(nlp, text)
    runs = quoted_runs(text)
    layout = Layout(doc, text, runs, paragraphs(text))
    return {text[r.start:r.end]: reason_to_drop(ParseIndex(doc), layout, k) for k, r in enumerate(runs)}


@pytest.mark.parametrize("text, run", [
    # a short title-case name in a sentence that tells of nobody saying anything
    ('The family watched "Harbor Lights" every night that winter.', "Harbor Lights"),
    ('Volunteers from the "Clean Rivers Project" planted trees along the bank.', "Clean Rivers Project"),
    ('The pianist played "Autumn Waltz" before the dinner.', "Autumn Waltz"),
])
def test_name_in_a_silent_sentence_is_dropped(nlp: Language, text: str, run: str) -> None:
    assert _reasons(nlp, text)[run] == "name-in-silent-sentence"


@pytest.mark.parametrize("text, run", [
    # a speech verb in the sentence: someone is reported to have said it
    ('The mayor said the plan was "Dead On Arrival" and left.', "Dead On Arrival"),
    ('"Not Today," the coach told the players.', "Not Today,"),
    # a framing verb it hangs on: the subject called it that
    ('The senator called the bill a "Budget Disaster" on Monday.', "Budget Disaster"),
    # an utterance named right before it: a chant, a slogan
    ('The crowd broke into chants of "Four More Years" as he walked in.', "Four More Years"),
    ('Her campaign ran on the slogan "Stronger Towns" for a year.', "Stronger Towns"),
    # a colon leads into it
    ('The banner over the stage read only this: "Welcome Home."', "Welcome Home."),
    # a sentence of its own after a quote: a continuation, not a name
    ('"We are proud of them," she said, smiling. "Our Heroes."', "Our Heroes."),
    # not title case, or longer than a name: left to attribution
    ('The family watched "the usual nonsense" every night that winter.', "the usual nonsense"),
    ('The family watched "Songs For A Very Long And Cold Winter" every night.', "Songs For A Very Long And Cold Winter"),
])
def test_run_with_a_sign_of_speech_is_kept(nlp: Language, text: str, run: str) -> None:
    assert _reasons(nlp, text)[run] is None


@pytest.mark.parametrize("text, run, reason", [
    # a title-case title right after a possessive or a word for a show or a book
    ('"We will win," she said on Channel Nine\'s "Morning Hour" today.', "Morning Hour", "title"),
    ('He wrote about it in his book "Roads Home" last year, he said.', "Roads Home", "title"),
    # negative: after "titled" the words are a piece's own (a memo, an ad), its author's words
    ('The campaign said in a memo titled "Where We Stand Now" that it was ahead.', "Where We Stand Now", None),
    # negative: not title case
    ('"We will win," she said on Channel Nine\'s "morning hour" today.', "morning hour", None),
])
def test_title_of_a_work(nlp: Language, text: str, run: str, reason: str | None) -> None:
    assert _reasons(nlp, text)[run] == reason


@pytest.mark.parametrize("text, run, reason", [
    # an attribute of markup left in the text
    ('<img alt="harbor at dusk" src="pier.jpg"> The pier closed on Monday, officials said.', "harbor at dusk",
     "markup"),
    # a nickname inside a name
    ('Lena "Lee" Marsh opened the bakery on Monday.', "Lee", "nickname"),
    # no words: a handle, a number
    ('Follow the council at "@harborcouncil" for news.', "@harborcouncil", "no-words"),
    ('The vote count was "1,204" by noon.', "1,204", "no-words"),
    # a stage direction in a transcript
    ('MARSH: We will win. "(CROSSTALK.)" REED: No.', "(CROSSTALK.)", "stage-direction"),
])
def test_runs_that_are_not_speech(nlp: Language, text: str, run: str, reason: str) -> None:
    assert _reasons(nlp, text)[run] == reason
