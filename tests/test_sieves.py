"""The weaker attribution rules: a closing clause, lead-ins, signature lines, speech-noun
owners, tags the parser misread, and what makes a quote partial; each table holds cases the
rule must decide and cases it must leave alone."""
from __future__ import annotations

import pytest
from spacy.language import Language

from service.extract import extract_text
from service.extract.article import Article
from service.extract.speakers import tag_sieves
from service.extract.quotes.frames import Layout
from service.extract.quotes.marks import paragraphs, quoted_runs
from service.extract.people.people import People
from service.extract.speakers.context import Context

from answers import quote_with  # tests/answers.py

# (article, words of the quote, speaker name, mention)
CLOSING_CLAUSE = [
    # a verb that does not report speech still closes the quote's sentence with its speaker
    ('Mayor Ana Torres spoke first.\n\n"The bridge stays open," Torres said.\n\n'
     '"Not while I run the harbor," Carl Dietz shrugged.', "harbor", "Carl Dietz", "Carl Dietz"),
    ('Mayor Ana Torres spoke first.\n\n"The bridge stays open," Torres said.\n\n'
     '"Who will pay for it?" beamed Carl Dietz.', "pay for it", "Carl Dietz", "Carl Dietz"),
    # a subject with a relative clause between commas
    ('Mayor Ana Torres spoke first.\n\n"The bridge stays open," Torres said.\n\n'
     '"The money is gone," a city clerk, who asked not to be named, confided to reporters.',
     "money is gone", "city clerk", "city clerk"),
    # an apposition with commas of its own between the name and the speech verb
    ('Mayor Ana Torres spoke first.\n\n“The bridge stays open,” Carl Dietz, now 70 and retired in Salem, Ore., '
     'said by telephone this week.', "bridge stays", "Carl Dietz", "Carl Dietz"),
    # a sign "reads", though the tagger takes the word for a noun
    ('Carl Dietz marched with the crowd.\n\n"Fix the bridge now," the banner read.', "Fix the bridge", "banner", "banner"),
]

# (article, words of the quote, speaker name)
LEAD_IN = [
    # a comma after a verb that is not a speech verb
    ('Carl Dietz spoke first.\n\nAna Torres leaned toward the microphone, "The bridge will outlive us all."',
     "outlive", "Ana Torres"),
    # a name set apart by a dash before the colon: the name, not the headline words
    ('HARBOR PLANS SHIFT AGAIN - Ana Torres: "We will start over in May."', "start over", "Ana Torres"),
    # a phrase in marks inside the lead-in does not end it
    ('Carl Dietz spoke first.\n\nAna Torres called the plan "reckless" and then turned to the crowd: '
     '"We cannot afford it."', "afford", "Ana Torres"),
]

# (article, words of the quote, a name the quote must not get)
NOT_A_LEAD_IN = [
    # a title after a participle is no one speaking
    ('Ana Torres wrote a column for the Harbor Times, entitled, "Why The Bridge Matters."', "Why The Bridge", "Harbor Times"),
]

# (article, words of the quote, speaker name)
SIGNATURE_LINE = [
    ('Quotes of the week.\n\n"We will finish the bridge before winter."\n\n- Ana Torres, at the harbor meeting.\n\n'
     '"Nobody believes that."\n\n- Carl Dietz.', "Nobody believes", "Carl Dietz"),
    ('Quotes of the week.\n\n"We will finish the bridge before winter."\n\n- Ana Torres, at the harbor meeting.',
     "finish the bridge", "Ana Torres"),
]

# (article, words of the quote, speaker name)
PARTIAL_IN_A_SENTENCE = [
    # the owner of a speech noun earlier in the sentence, past a copula
    ('Carl Dietz spoke at length.\n\nBut Ana Torres\'s main claim was that the audit had been "a stitch-up from '
     'day one."', "stitch-up", "Ana Torres"),
    # a thing a relative pronoun stands for frames nothing: the verb above it does
    ('The harbor vote was close.\n\nCarl Dietz fears an "empty shell" that could turn into "a museum of rust."',
     "museum", "Carl Dietz"),
    ('The harbor vote was close.\n\nCarl Dietz called the mayor a "lame duck" who is acting "like a king."',
     "like a king", "Carl Dietz"),
    # so does a free relative ("what will happen")
    ('The harbor vote was close.\n\nCarl Dietz laid off ten clerks and started to speak of what comes next '
     '"if the levy fails."', "levy fails", "Carl Dietz"),
    # a thing alone frames nothing: the sentence's named subject or the previous speaker, never the thing
    ('Carl Dietz spoke for an hour. "We will rebuild the pier," he said.\n\nThat choice left him one path: '
     'calling the levy "a tax on hope."', "tax on hope", "Carl Dietz"),
    ('Ana Torres said the harbor deal was fair.\n\nHer standing rose after the vote and her call for "a full '
     'audit" of the port.', "full audit", "Ana Torres"),
    # an unnamed person still frames it when no one named does
    ('The harbor vote was close.\n\nA former teacher remembers the mayor as "a boy in a hurry."',
     "boy in a hurry", "former teacher"),
    # and when no one is named at all, no one: not the thing
    ('The harbor vote was close.\n\nThat choice left one path: calling the levy "a tax on hope."',
     "tax on hope", None),
]

# (article, words of the quote, speaker name, rule)
TAG_OVER_THE_PARSE = [
    # a speech verb right after the closing mark tags the quote, whatever verb the parser hung it on
    ('Mayor Ana Torres spoke first.\n\nIf the harbor floods — as engineers warn, and the mayor denies — '
     '“who pays for the damage?” asked Carl Dietz, a city clerk.', "who pays", "Carl Dietz", "cue-subject"),
    # a known surname the tagger took for an adverb is still the verb's subject
    ('The county chairman, Rex Long, backs the plan.\n\nTold of the vote, Long described it as '
     '“a surprise to me.”', "surprise to me", "Rex Long", "cue-subject"),
    # negative: a real adverb is no one; the subject speaks
    ('The county chairman, Rex Long, backs the plan.\n\nLater, the mayor described it as “a surprise to me.”',
     "surprise to me", "mayor", "cue-subject"),
]

# (article, words of the quote, kind, speaker name)
QUOTE_KIND = [
    # words that finish the reporter's phrase are a partial quote, though they close the sentence
    ('Mayor Ana Torres spoke first.\n\nCouncil members were upset about the delays, with Carl Dietz calling it a '
     '“Harbor Fiasco.”', "Harbor Fiasco", "partial", "Carl Dietz"),
    # one of several titles listed in the reporter's sentence
    ('Mayor Ana Torres spoke first.\n\nCarl Dietz, the city clerk, named “Harbor Lights,” “Night Watch” and '
     '“Old Pier” as his favourite films.', "Harbor Lights", "partial", "Carl Dietz"),
    # negatives: after a colon or a cue and comma, and a sentence of its own, the words are direct
    ('Mayor Ana Torres spoke first.\n\nCarl Dietz told the crowd: “We Will Win.”', "We Will Win", "direct", "Carl Dietz"),
    ('Mayor Ana Torres spoke first.\n\nCarl Dietz said, “The Harbor Is Ours.”', "Harbor Is Ours", "direct", "Carl Dietz"),
    ('Mayor Ana Torres spoke first.\n\n“We won,” “we really did,” Carl Dietz said.', "We won", "direct", "Carl Dietz"),
]

# (article, index of the quote, how the name or description of whom the closing clause names begins)
CLAUSE_PAST_MARKS = [
    # a nickname in marks inside the clause
    ('Carl Dietz hosted the picnic.\n\n"This is a big night for our harbor, Carl Dietz!" Dietz\'s niece, state Sen. '
     'Carla "Cici" Ruiz (D-Salem), shouted to the crowd.', 0, "Carla"),
    # a slogan in marks inside an apposition
    ('The fair ended at dusk.\n\nNot everyone was cheering.\n\n“We’ve had better fairs than this one,” Ohio farmer '
     'Tom Baker, wearing a straw hat and “Vote Baker” buttons, said quietly as the lights went out.', 0, "Tom Baker"),
    # negative: a quote of its own ends the clause before it
    ('“We’ve had better fairs than this one,” Tom Baker said. “Next year,” the crowd answered.', 0, "Tom Baker"),
    ('“We’ve had better fairs than this one,” Tom Baker said. “Next year,” the crowd answered.', 1, "crowd"),
]


def _closing_clause_speaker(nlp: Language, text: str, k: int) -> str | None:
    doc = nlp(text)
    layout = Layout(doc, text, quoted_runs(text), paragraphs(text))
    article = Article(doc, [(r.start, r.end) for r in layout.runs])
    ctx = Context(article, layout, People(article, lambda i: layout.run_of[i] != -1))
    decision = tag_sieves.trailing_clause(ctx, k)
    if decision is None or decision.speaker is None:
        return None
    who = decision.speaker
    return who.entity.name if who.entity is not None else who.description


@pytest.mark.parametrize("text, k, name", CLAUSE_PAST_MARKS)
def test_a_closing_clause_reads_past_a_short_phrase_in_marks(nlp: Language, text: str, k: int, name: str) -> None:
    assert (_closing_clause_speaker(nlp, text, k) or "").startswith(name)


@pytest.mark.parametrize("text, words, name, mention", CLOSING_CLAUSE)
def test_a_closing_clause_names_the_speaker(nlp: Language, text: str, words: str, name: str, mention: str) -> None:
    quote = quote_with(extract_text(nlp, text), words)
    assert quote.speaker.name == name and quote.speaker.mention.text.startswith(mention)


@pytest.mark.parametrize("text, words, name", LEAD_IN)
def test_a_lead_in_names_the_speaker(nlp: Language, text: str, words: str, name: str) -> None:
    assert quote_with(extract_text(nlp, text), words).speaker.name == name


@pytest.mark.parametrize("text, words, not_name", NOT_A_LEAD_IN)
def test_a_title_is_no_lead_in(nlp: Language, text: str, words: str, not_name: str) -> None:
    assert quote_with(extract_text(nlp, text), words).speaker.name != not_name


@pytest.mark.parametrize("text, words, name", SIGNATURE_LINE)
def test_a_signature_line_after_the_quote_signs_it(nlp: Language, text: str, words: str, name: str) -> None:
    quote = quote_with(extract_text(nlp, text), words)
    assert (quote.speaker.name, quote.rule) == (name, "byline")


@pytest.mark.parametrize("text, words, name", PARTIAL_IN_A_SENTENCE)
def test_a_partial_quote_goes_to_who_the_sentence_reports(nlp: Language, text: str, words: str, name: str) -> None:
    assert quote_with(extract_text(nlp, text), words).speaker.name == name


@pytest.mark.parametrize("text, words, name, rule", TAG_OVER_THE_PARSE)
def test_a_tag_is_read_past_a_misleading_parse(nlp: Language, text: str, words: str, name: str, rule: str) -> None:
    quote = quote_with(extract_text(nlp, text), words)
    assert (quote.speaker.name, quote.rule) == (name, rule)


@pytest.mark.parametrize("text, words, kind, name", QUOTE_KIND)
def test_a_quote_inside_the_reporters_phrase_is_partial(nlp: Language, text: str, words: str, kind: str,
                                                         name: str) -> None:
    quote = quote_with(extract_text(nlp, text), words)
    assert (quote.kind, quote.speaker.name) == (kind, name)


def test_a_clause_about_the_words_is_not_their_source(nlp: Language) -> None:
    text = ('Ana Torres spoke first.\n\n"The bridge is safe," Torres said.\n\n'
            '"It will last a century," which Carl Dietz doubts.')
    assert quote_with(extract_text(nlp, text), "century").speaker.name != "Carl Dietz"
