"""Cue lexicons and the choice of cue verb: which verbs report speech, and whose report a
quoted phrase is when verbs nest (cues.py, cue_grammar.py)."""
from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from service.extract import extract_text
from service.extract.speakers.cue_grammar import _conjunct_speech
from service.extract.lexicon.cues import is_speech_verb

from answers import quote_with  # tests/answers.py


# (sentence, verb as written, whether it reports speech there)
@pytest.mark.parametrize("text, verb, speech", [
    # reporting verbs whose other uses are rarer in the news
    ('"It is old," Ana Ruiz continued.', "continued", True),
    ('"Friends," began Mark Lee.', "began", True),
    ("Mark Lee fired back.", "fired", True),
    ("As Ana Ruiz put it, the pier is old.", "put", True),
    ("Ana Ruiz pointed out that the pier is old.", "pointed", True),
    ("Ana Ruiz told the council about the pier.", "told", True),
    # the same verbs doing something else
    ("Ana Ruiz continued to press for repairs.", "continued", False),
    ("Mark Lee began to cry.", "began", False),
    ("Mark Lee fired the harbor master.", "fired", False),
    ("Ana Ruiz put the pier up for sale.", "put", False),
    ("Ana Ruiz pointed to her record on the pier.", "pointed", False),
    # verbs that seldom report speech at all
    ("Ana Ruiz mentioned the pier twice.", "mentioned", False),
    ("Ana Ruiz thanked the crowd.", "thanked", False),
    ("Ana Ruiz opened an office on the pier.", "opened", False),
    # "call" reports speech with "for" or "on" ("called for a recount"), not when it names or phones
    ("Ana Ruiz called for a new pier.", "called", True),
    ("Ana Ruiz called on the council to act.", "called", True),
    ("Ana Ruiz called the pier a ruin.", "called", False),
    ("Ana Ruiz called the harbor master.", "called", False),
    ("Ana Ruiz called on Monday.", "called", False),
])
def test_which_verbs_report_speech(nlp: Language, text: str, verb: str, speech: bool) -> None:
    token = next(t for t in nlp(text) if t.text == verb)
    assert is_speech_verb(token) is speech


# (article, words of the quote, speaker's name, the mention that names them)
@pytest.mark.parametrize("text, words, name, mention", [
    # a verb that is no reporting verb inside a report leaves the phrase to the reporter
    ('Ana Ruiz said the pier had fired the imagination of "a whole generation."', "whole generation",
     "Ana Ruiz", "Ana Ruiz"),
    # an -ing cue hung on a reported clause about a thing speaks for the reporter, not the thing
    ('Ana Ruiz argued that a registry would keep the streets safe, saying it is "all about order."', "order",
     "Ana Ruiz", "Ana Ruiz"),
    # a report that has not happened yet gives way to the verb reporting it
    ('Ana Ruiz said that once in office she would ask the council to keep working to "finish the pier."', "finish",
     "Ana Ruiz", "Ana Ruiz"),
    # a naming verb with a pronoun subject in a clause of its own names for that pronoun
    ('Ana Ruiz toured the pier on Monday. Mark Lee announced that it would stay open, but she called the '
     'delay "a gamble with lives."', "gamble", "Ana Ruiz", "she"),
    # ... but the reporter's hedge on a term stays the reporter's
    ('Ana Ruiz condemned what she called "a reckless vote."', "reckless", "Ana Ruiz", "Ana Ruiz"),
    # a named subject of a naming verb inside a report names for itself, as before
    ('Mark Lee said Ana Ruiz called it "a disaster."', "disaster", "Ana Ruiz", "Ruiz"),
    # "as X put it"
    ('As Ana Ruiz put it, the pier is "a monument to delay."', "monument", "Ana Ruiz", "Ana Ruiz"),
])
def test_whose_report_a_nested_cue_gives(nlp: Language, text: str, words: str, name: str, mention: str) -> None:
    q = quote_with(extract_text(nlp, text), words)
    assert q.speaker.name == name
    assert q.speaker.mention is not None and q.speaker.mention.text == mention


@pytest.mark.parametrize("text, words, name", [
    ('Mark Lee\'s assertion that the pier is "perfectly safe" drew laughter.', "perfectly safe", "Mark Lee"),
    ('Ana Ruiz spoke at length. Mark Lee\'s contention that the pier "will outlast us all" went unanswered.',
     "outlast", "Mark Lee"),
])
def test_a_claim_noun_belongs_to_its_owner(nlp: Language, text: str, words: str, name: str) -> None:
    q = quote_with(extract_text(nlp, text), words)
    assert q.speaker.name == name and q.rule == "speech-noun"


def _parsed(nlp: Language, words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """A doc with the parse given, to pin down a misparse the model makes only on some texts."""
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    for token, lemma in zip(doc, (w.lower() for w in words)):
        token.lemma_ = {"told": "tell", "hailed": "hail"}.get(lemma, lemma)
    return doc


# "Ana hailed it. ¶ Mark did not mention it, but told them": the parser has hung the second
# paragraph's "mention" on "hailed"; "told" shares Mark, the subject of its own paragraph.
_WORDS = ["Ana", "hailed", "it", ".", "Mark", "did", "not", "mention", "it", ",", "but", "told", "them"]
_HEADS = [1, 1, 1, 1, 7, 7, 7, 1, 7, 7, 7, 7, 11]
_DEPS = ["nsubj", "ROOT", "dobj", "punct", "nsubj", "aux", "neg", "ccomp", "dobj", "punct", "cc", "conj", "dobj"]
_POS = ["PROPN", "VERB", "PRON", "PUNCT", "PROPN", "AUX", "PART", "VERB", "PRON", "PUNCT", "CCONJ", "VERB", "PRON"]


@pytest.mark.parametrize("para_of, shared", [
    ([0] * 4 + [1] * 9, None),  # two paragraphs: "told" shares nothing with "hailed"
    ([0] * 13, 1),  # one paragraph: the conjoined "told" is taken for a second report of "hailed"
])
def test_a_conjoined_speech_verb_shares_no_subject_across_paragraphs(
        nlp: Language, para_of: list[int], shared: int | None) -> None:
    doc = _parsed(nlp, _WORDS, _HEADS, _DEPS, _POS)
    found = _conjunct_speech(doc[11], para_of)
    assert (found.i if found is not None else None) == shared
