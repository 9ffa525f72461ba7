"""The claim around a quote, as tables of invented articles (its event: test_events.py; the seed's both here)."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from service.extract import extract
from service.extract.events.claims import _About, _described, _surname, claim_for
from service.extract.events.choice import event_for
from service.extract.quotes.sentences import _runs_on, split_sentences

import spans  # tests/spans.py: offsets in invented articles


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
    # two paragraphs back only for a sentence about the speaker (by title here)
    ("The mayor warned that taxes would rise if the state cut its grants.\n\n"
     '"We cannot pay for everything ourselves," she said.\n\n'
     '"Somebody has to give."',
     "Somebody has to give.",
     "The mayor warned that taxes would rise if the state cut its grants."),
    ("The state cut its grants to every city in the region last year.\n\n"
     '"Nobody saw it coming," a clerk said.\n\n'
     '"Somebody has to give," Ortega said.',
     "Somebody has to give,",
     '"Somebody has to give," Ortega said.'),
    # a quoted phrase in the reporter's sentence, after a sentence of the paragraph about the speaker
    ('Ortega attacked the budget on Monday. She called the plan "a disgrace to the city" '
     "and vowed to block it when the council votes next week.",
     "a disgrace to the city",
     "Ortega attacked the budget on Monday."),
    # the speaker only named in passing there, not what it is about: the reporter's own sentence
    ('A storm flooded the streets near the home of Ortega on Monday. Ortega called the plan "a disgrace to the city" '
     "and vowed to block it when the council votes next week.",
     "a disgrace to the city",
     'Ortega called the plan "a disgrace to the city" and vowed to block it when the council votes next week.'),
    # the speaker in apposition to the subject
    ('Her rival, Lin Ortega, attacked the budget on Monday. She called the plan "a disgrace to the city" '
     "and vowed to block it when the council votes next week.",
     "a disgrace to the city",
     "Her rival, Lin Ortega, attacked the budget on Monday."),
    # the speaker as the subject of a relative clause
    ('The vote was a blow to Ortega, who had fought the plan for a year. She called it "a disgrace to the city" '
     "and vowed to block it when the council votes next week.",
     "a disgrace to the city",
     "The vote was a blow to Ortega, who had fought the plan for a year."),
    ('The council met on Monday to debate the budget. Ortega called the plan "a disgrace to the city" '
     "and vowed to block it when the council votes next week.",
     "a disgrace to the city",
     'Ortega called the plan "a disgrace to the city" and vowed to block it when the council votes next week.'),
    # the sentence just before, the reporter's about the speaker with a quoted phrase inside
    ('Ortega said the new budget was "a waste of money" and promised a vote on Friday. '
     '"We will fix it," she said.',
     "We will fix it,",
     'Ortega said the new budget was "a waste of money" and promised a vote on Friday.'),
    ('The council called the new budget "a waste of money" and asked for a vote on Friday. '
     '"We will fix it," Ortega said.',
     "We will fix it,",
     '"We will fix it," Ortega said.'),
    # a question states nothing: the claim is the statement before it
    ("Ortega promised on Tuesday to repave every road in the city by spring. But who will pay for it?\n\n"
     '"We will find the money," she said.',
     "We will find the money,",
     "Ortega promised on Tuesday to repave every road in the city by spring."),
    # a lead-in ending in a colon is a claim when it says more than who speaks
    ("Later that day Ortega made the following promise to the council:\n\n"
     '"We will fix every road in the city."',
     "We will fix every road in the city.",
     "Later that day Ortega made the following promise to the council:"),
    ("Ortega spoke to the council after lunch.\n\nShe said:\n\n"
     '"We will fix every road in the city."',
     "We will fix every road in the city.",
     "Ortega spoke to the council after lunch."),
    # an earlier sentence about the speaker in another paragraph does not displace the reporter's own
    ("Ortega attacked the budget on Monday.\n\n"
     'She called the plan "a disgrace to the city" and vowed to block it when the council votes next week.',
     "a disgrace to the city",
     'She called the plan "a disgrace to the city" and vowed to block it when the council votes next week.'),
]


@pytest.mark.parametrize("text,words,expected", CLAIMS)
def test_claim(nlp: Language, text: str, words: str, expected: str) -> None:
    doc = nlp(text)
    claim = claim_for(doc, spans.quote(text, words), spans.runs(text), spans.mentions(text, "Ortega"), "Lin Ortega", "Mayor")
    assert claim is not None
    assert claim.text == expected
    assert text[claim.start:claim.end] == claim.text


# A new voice after a reporter's sentence that follows a quotation: that sentence belongs to the
# quoted words before it, so the quote's own sentence is the claim.
# A reporter's sentence that opens with a connective leans on the sentence before it.
# (article, the quote's words, the speaker's name, the sentence the claim must be)
TURNS = [
    ('The council spent an hour on what it calls the "road fund" on Monday. Residents filled the hall.\n\n'
     '"We cannot wait another year," said Dana Kim, who runs a bakery downtown.',
     "We cannot wait another year,", "Dana Kim",
     '"We cannot wait another year," said Dana Kim, who runs a bakery downtown.'),
    # no quotation before the closing sentence: it frames the quote
    ("The council spent an hour on the road fund on Monday. Residents filled the hall.\n\n"
     '"We cannot wait another year," said Dana Kim, who runs a bakery downtown.',
     "We cannot wait another year,", "Dana Kim",
     "Residents filled the hall."),
    # a quotation further back in the paragraph (the paragraph breaks lost): the sentence just before
    # the quote's frames it
    ('"We will wait," said a clerk. The council spent an hour on the road fund on Monday. Residents filled '
     'the hall. "We cannot wait another year," said Dana Kim, who runs a bakery downtown.',
     "We cannot wait another year,", "Dana Kim",
     "Residents filled the hall."),
    # the speaker was named before: no new voice
    ('Dana Kim spent an hour at what the council calls the "road fund" hearing. Residents filled the hall.\n\n'
     '"We cannot wait another year," said Kim, who runs a bakery downtown.',
     "We cannot wait another year,", "Dana Kim",
     "Residents filled the hall."),
    ("Critics had doubted the repaving plan for months. However, Ortega told reporters on Tuesday that "
     'the roads were "in far better shape than anyone expected" after the work.',
     "in far better shape than anyone expected", "Lin Ortega",
     "Critics had doubted the repaving plan for months."),
    # no connective: the reporter's own sentence stands
    ("Critics had doubted the repaving plan for months. Ortega told reporters on Tuesday that "
     'the roads were "in far better shape than anyone expected" after the work.',
     "in far better shape than anyone expected", "Lin Ortega",
     'Ortega told reporters on Tuesday that the roads were "in far better shape than anyone expected" after the work.'),
    # the sentence before sits in another paragraph
    ("Critics had doubted the repaving plan for months.\n\nHowever, Ortega told reporters on Tuesday that "
     'the roads were "in far better shape than anyone expected" after the work.',
     "in far better shape than anyone expected", "Lin Ortega",
     'However, Ortega told reporters on Tuesday that the roads were "in far better shape than anyone expected" after the work.'),
]


@pytest.mark.parametrize("text,words,name,expected", TURNS)
def test_claim_at_a_turn(nlp: Language, text: str, words: str, name: str, expected: str) -> None:
    doc = nlp(text)
    claim = claim_for(doc, spans.quote(text, words), spans.runs(text), spans.mentions(text, name.split()[-1]), name, None)
    assert claim is not None
    assert claim.text == expected


# A quote whose speaker is only a pronoun carries on the sentence just before it, one paragraph
# back too, when the reporter leads that sentence about the speaker with a quoted phrase inside.
# (article, the quote's words, the words naming its speaker, the sentence the claim must be)
PRONOUN_CLAIMS = [
    ('Ortega said the new budget was "a waste of money" on Friday.\n\n'
     '"We will fix it," she said.',
     "We will fix it,", "she",
     'Ortega said the new budget was "a waste of money" on Friday.'),
    ('Ortega told the council that the plan was "not ready" yet.\n\n'
     '"Give us a month," they said.',
     "Give us a month,", "they",
     'Ortega told the council that the plan was "not ready" yet.'),
    # named, not a pronoun: no carrying on over the paragraph break
    ('Ortega said the new budget was "a waste of money" on Friday.\n\n'
     '"We will fix it," Ortega said.',
     "We will fix it,", "Ortega",
     '"We will fix it," Ortega said.'),
    # the sentence before is not about the speaker
    ('The council called the new budget "a waste of money" on Friday.\n\n'
     '"We will fix it," she said.',
     "We will fix it,", "she",
     '"We will fix it," she said.'),
    # too few words of the reporter's
    ('Ortega: "a waste of money" again.\n\n"We will fix it," she said.',
     "We will fix it,", "she",
     '"We will fix it," she said.'),
]


# A quote the reporter leads in by naming its speaker ('Ortega said: "..."') after a sentence that is
# about something else: the speaker's own words reported earlier frame it ("Ortega insisted ...").
# (article, the quote's words, the words naming its speaker, the sentence the claim must be)
LEAD_IN_CLAIMS = [
    ("Mayor Lin Ortega insisted the new bridge would open on time.\n\n"
     'Heavy rain flooded the site twice in March. Ortega said: "We are still on schedule."',
     "We are still on schedule.", "Ortega",
     "Mayor Lin Ortega insisted the new bridge would open on time."),
    # the attribution trails the quote: the sentence just before frames it
    ("Mayor Lin Ortega insisted the new bridge would open on time.\n\n"
     'Heavy rain flooded the site twice in March. "We are still on schedule," Ortega said.',
     "We are still on schedule,", "Ortega",
     "Heavy rain flooded the site twice in March."),
    # the sentence just before is about the speaker
    ("Mayor Lin Ortega insisted the new bridge would open on time.\n\n"
     'Ortega visited the site twice in March. Ortega said: "We are still on schedule."',
     "We are still on schedule.", "Ortega",
     "Ortega visited the site twice in March."),
    # the sentence just before reports someone else's words
    ("Mayor Lin Ortega insisted the new bridge would open on time.\n\n"
     'The engineers warned that the rain had flooded the site. Ortega said: "We are still on schedule."',
     "We are still on schedule.", "Ortega",
     "The engineers warned that the rain had flooded the site."),
    # the speaker named after an owner's word: still the one who insisted
    ("Dana Kim's deputy Lin Ortega insisted the new bridge would open on time.\n\n"
     'Heavy rain flooded the site twice in March. Ortega said: "We are still on schedule."',
     "We are still on schedule.", "Ortega",
     "Dana Kim's deputy Lin Ortega insisted the new bridge would open on time."),
    # negative: the speaker only owns the subject; their deputy insisted
    ("Lin Ortega's deputy insisted the new bridge would open on time.\n\n"
     'Heavy rain flooded the site twice in March. Ortega said: "We are still on schedule."',
     "We are still on schedule.", "Ortega",
     "Heavy rain flooded the site twice in March."),
    # the earlier sentence names the speaker but does not report what they said
    ("Mayor Lin Ortega visited the new bridge on Monday.\n\n"
     'Heavy rain flooded the site twice in March. Ortega said: "We are still on schedule."',
     "We are still on schedule.", "Ortega",
     "Heavy rain flooded the site twice in March."),
]


@pytest.mark.parametrize("text,words,subject,expected", PRONOUN_CLAIMS + LEAD_IN_CLAIMS)
def test_claim_after_a_cue(nlp: Language, text: str, words: str, subject: str, expected: str) -> None:
    doc = nlp(text)
    quote = spans.quote(text, words)
    # the cue's subject after the quote ('"...," she said') or, failing that, before it ('Ortega said: "..."')
    at = text.find(subject, quote[1])
    at = at if at >= 0 else text.rindex(subject, 0, quote[0])
    claim = claim_for(doc, quote, spans.runs(text), spans.mentions(text, "Ortega"), "Lin Ortega", "Mayor",
                      cue_subject=(at, at + len(subject)))
    assert claim is not None
    assert claim.text == expected


def test_sentences_never_cross_a_line(nlp: Language) -> None:
    text = 'The mayor spoke\nto the council. "We will win," she said.\n\nThe end'
    doc = nlp(text)
    spans = split_sentences(doc).spans
    assert all("\n" not in text[s:e] for s, e in spans)
    assert ("The mayor spoke" in [text[s:e] for s, e in spans])
    assert '"We will win," she said.' in [text[s:e] for s, e in spans]


# (article, its sentences): a parser start is dropped where the sentence plainly goes on
SENTENCES = [
    ('\u201cAre we there yet?\u201d the boy asked his mother. She laughed.',
     ["\u201cAre we there yet?\u201d the boy asked his mother.", "She laughed."]),
    ('"Out!" the crowd yelled at the umpire.', ['"Out!" the crowd yelled at the umpire.']),
    ('Who will pay?" she asked. Nobody answered.', ['Who will pay?" she asked.', "Nobody answered."]),
    # a parser start right after a word, with no closing punctuation, goes on the same sentence
    ("Ortega said she found the 13th Amendment worth a film.", ["Ortega said she found the 13th Amendment worth a film."]),
    # negative: a capitalised start after a full stop is a new sentence
    ("The vote was close. Ortega won.", ["The vote was close.", "Ortega won."]),
    # a quotation opening the next sentence after a figure or a run of capitals
    ('Sales rose by 13%. "We are pleased," Kim said.', ["Sales rose by 13%.", '"We are pleased," Kim said.']),
    ('The film went straight to DVD. "It sells," Kim said.',
     ["The film went straight to DVD.", '"It sells," Kim said.']),
    # negative: a lone initial before a quoted nickname goes on
    ('Ortega met Thomas F. "Red" Doe at the harbour.', ['Ortega met Thomas F. "Red" Doe at the harbour.']),
]


@pytest.mark.parametrize("text,expected", SENTENCES)
def test_sentences(nlp: Language, text: str, expected: list[str]) -> None:
    doc = nlp(text)
    assert [text[s:e] for s, e in split_sentences(doc).spans] == expected


# (text, offset of a parser sentence start, whether the sentence before runs on there)
RUNS_ON = [
    ('"Out!" the crowd yelled.', 7, True),
    ("It was backed by Sens. Ann Lowe and Tom Reyes.", 23, True),
    ("He thanked Rep. Jo Kim.", 16, True),
    ("Ask Dr. Lee.", 8, True),
    ("She found the 13th Amendment worth a film.", 19, True),
    # negatives: a full stop after an ordinary word or another abbreviation
    ("The vote was close. Ortega won.", 20, False),
    ("She was born in Selma, Ala. But she left.", 28, False),
    ("He came home at 5 p.m. Then he slept.", 23, False),
]


@pytest.mark.parametrize("text,at,expected", RUNS_ON)
def test_runs_on(text: str, at: int, expected: bool) -> None:
    assert _runs_on(text, at) is expected


# (sentence, speaker name, role, whether the sentence is about the speaker)
ABOUT = [
    ("Ortega promised lower taxes.", "Lin Ortega", None, True),
    ("Ortega promised lower taxes.", "Lin Ortega Jr.", None, True),
    ("The mayor promised lower taxes.", "Lin Ortega", "Mayor", True),
    ("The deputy mayor promised lower taxes.", "Lin Ortega", "Mayor", True),
    # negatives: another person, a word that only contains the surname, a title without "the"
    ("Reyes promised lower taxes.", "Lin Ortega", "Mayor", False),
    ("The Ortegaville council promised lower taxes.", "Lin Ortega", None, False),
    ("Mayors across the state promised lower taxes.", "Lin Ortega", "Mayor", False),
    ("Reyes promised lower taxes.", None, None, False),
    # a description's noun stands for it, unless someone owns it or it is counted: then the
    # noun is anyone's ("the presidential campaign" is not "Ortega's campaign")
    ("The commission met in January.", "commission", None, True),
    ("It came late in the presidential campaign.", "Ortega's campaign", None, False),
    ("It came late in the presidential campaign.", "Ortega’s campaign", None, False),
    ("Rural voters warmed to Ortega.", "55 percent of voters", None, False),
    ("Rural voters warmed to Ortega.", "Nearly six in 10 voters", None, False),
]


@pytest.mark.parametrize("text,name,role,expected", ABOUT)
def test_about_the_speaker(text: str, name: str | None, role: str | None, expected: bool) -> None:
    about = _About(text, [], _surname(name), _described(role))
    assert about(0, len(text)) is expected


def test_about_the_speaker_by_mention() -> None:
    text = "She promised lower taxes. He did not."
    about = _About(text, [(0, 3)], None, None)
    assert about(0, 25) is True
    assert about(26, len(text)) is False


def test_an_empty_article_has_no_claim(nlp: Language) -> None:
    doc = nlp("")
    assert claim_for(doc, (0, 0), []) is None


def test_the_seed_claim_and_event(nlp: Language) -> None:
    text = (Path(__file__).resolve().parent.parent / "seeds" / "000_804a390cb46da908.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    quote = spans.quote(text, "I would if he would contact,")
    claim = claim_for(doc, quote, spans.runs(text))
    assert claim is not None and "press briefing" in claim.text and "Air Force One" in claim.text
    event = event_for(doc, quote, claim, spans.mentions(text, "Trump"))
    assert event is not None and event.text == "a press briefing aboard Air Force One on Friday"


def test_a_continuing_quote_shares_its_claim_only_with_the_same_speaker(nlp: Language) -> None:
    split = ('Ana Torres said on Monday that the bridge would reopen within a week.\n\n'
             '"We are ready," said Ana Torres. "The work starts tomorrow."')
    quotes = extract(nlp(split)).quotes
    assert quotes[1].continues == "q1"
    assert quotes[1].claim == quotes[0].claim
    # a transcript whose lines the attribution chains although each names another speaker
    transcript = ('The host pressed Senator Paul Okafor on the budget during a radio interview on Sunday.\n\n'
                  '"HOST: Will you vote for the budget next week, Senator?\n\n'
                  '"OKAFOR: I will vote against it, because it raises taxes on every family.\n\n'
                  '"HOST: Even if your party backs it?')
    quotes = extract(nlp(transcript)).quotes
    assert quotes[2].speaker.id != quotes[1].speaker.id
    assert quotes[2].claim is not None and "Even if your party" in quotes[2].claim.text
