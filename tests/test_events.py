"""The event a quote came from (``Events.event_for`` over the event candidates), as tables of invented articles."""
from __future__ import annotations

import pytest
from spacy.language import Language

from service.extract import extract
from service.extract.events.claims import claim_for
from service.extract.events.choice import event_for
from service.extract.records import TextSpan

import spans  # tests/spans.py: offsets in invented articles


def _event(nlp: Language, text: str, words: str) -> TextSpan | None:
    doc = nlp(text)
    quote = spans.quote(text, words)
    runs = spans.runs(text)
    claim = claim_for(doc, quote, runs)
    event = event_for(doc, quote, claim, spans.mentions(text, "Ortega"), runs)
    if event is not None:
        assert text[event.start:event.end] == event.text
    return event


def _check(nlp: Language, text: str, words: str, expected: str | None) -> None:
    event = _event(nlp, text, words)
    if expected is None:
        assert event is None, event
    else:
        assert event is not None and event.text == expected


# (article, the quote's words, the event's words or None)
SAID_AT = [
    ('Ortega said in an interview with the Daily Ledger on Friday that taxes would "fall for everyone."',
     "fall for everyone.", "an interview with the Daily Ledger on Friday"),
    ('At a rally in Dayton on Monday, Ortega said the race was "far from over."', "far from over.",
     "a rally in Dayton on Monday"),
    ('During a press briefing aboard the ferry, Ortega called the strike "a shame."', "a shame.",
     "a press briefing aboard the ferry"),
    ('During a town hall in Akron, Ortega called the plan "a scam."', "a scam.", "a town hall in Akron"),
    ('Ortega sat down for an interview with the Daily Ledger and called the plan "a scam."', "a scam.",
     "an interview with the Daily Ledger"),
    ('Ortega noted later in the hearing that the plan was "a scam."', "a scam.", "the hearing"),
    ('Ortega said so in an interview with the Daily Ledger: the plan was "a scam."', "a scam.",
     "an interview with the Daily Ledger"),
    ('Ortega agreed to an interview with the Daily Ledger and called the plan "a scam."', "a scam.",
     "an interview with the Daily Ledger"),
    # given: the event noun a verb of giving takes
    ('Ortega gave a speech in Dayton on Monday and called the plan "a scam."', "a scam.", "a speech"),
    # opening the sentence, whatever the verb; a short "issued <time>" clause belongs to it
    ('In a statement released Sunday, Ortega was blunt. "It is a scam," she said.', "It is a scam,",
     "a statement released Sunday"),
    ('Ortega fired off a series of tweets on Friday calling the plan "a scam."', "a scam.",
     "a series of tweets on Friday"),
    ('Ortega called the plan "a scam" in a letter sent to the council.', "a scam", "a letter sent to the council"),
    ('"We agreed on nothing," Ortega said after meeting with the mayor.', "We agreed on nothing,",
     "after meeting with the mayor"),
    # "of" what it is about is not part of it; "of" a name is
    ('In a memoir of her years on the council, Ortega called the job "a grind."', "a grind.", "a memoir"),
    ('In an interview of Ortega by the Daily Ledger, she called the job "a grind."', "a grind.",
     "an interview of Ortega by the Daily Ledger"),
    # outside politics: a note to clients, a paper by its title, a lecture, a panel, an award taken
    ('"Play matters," Ortega argued in her paper titled Toys for Every Classroom.', "Play matters,",
     "her paper titled Toys for Every Classroom"),
    ('"Prices will fall," Ortega said in a note to clients.', "Prices will fall,", "a note"),
    ('Ortega delivered the annual Harbour Lecture in Leeds and called the plan "a scam."', "a scam.",
     "the annual Harbour Lecture in Leeds"),
    ('Ortega spoke as part of a discussion panel and called the plan "a scam."', "a scam.", "a discussion panel"),
    ('In what was seen as a defiant speech in Leeds, Ortega called the plan "a scam."', "a scam.",
     "a defiant speech in Leeds"),
    ('Accepting the award for best director, Ortega described the crew as "the finest in the business."',
     "the finest in the business.", "Accepting the award for best director"),
    # no event stated
    ('Ortega said taxes would "fall for everyone."', "fall for everyone.", None),
    # a debate that is the topic, not the event
    ('Ortega said the debate was "a waste of everyone\'s time."', "a waste of everyone's time.", None),
    # a noun that only looks like one: a sports conference
    ('The football conference changed its rules, and Ortega called it "a mistake."', "a mistake.", None),
]

OUTLETS_AND_PLACES = [
    ('Ortega wrote on Twitter that the plan was "dead on arrival."', "dead on arrival.", "Twitter"),
    ('Ortega took to Facebook to call the plan "a scam."', "a scam.", "Facebook"),
    ('Ortega said on Twitter that the plan was "a scam."', "a scam.", "Twitter"),
    # a show named after its outlet is part of it
    ('Ortega told CBS Evening News on Monday that the plan was "a scam."', "a scam.",
     "CBS Evening News on Monday"),
    ('Ortega told NBC\'s "Evening Desk" on Monday that the plan was "a scam."', "a scam.",
     'NBC\'s "Evening Desk"'),
    # a named interviewer from an outlet is the event; a bare name is not
    ('Ortega told Daily Ledger host Sam Reed on Friday that taxes would "fall for everyone."',
     "fall for everyone.", "Daily Ledger host Sam Reed on Friday"),
    ('Ortega told Sam Reed that taxes would "fall for everyone."', "fall for everyone.", None),
    # speaking to an audience is an event without a noun; speaking of something is not
    ('Ortega, speaking to a farmers group in Iowa, called the plan "a scam."', "a scam.",
     "speaking to a farmers group in Iowa"),
    ('Ortega, speaking on condition of anonymity, called the plan "a scam."', "a scam.", None),
    # an audience, and a place, when nothing better is named
    ('Ortega told reporters that the plan was "a scam."', "a scam.", "reporters"),
    ('Ortega argued in Dayton, Ohio, that the plan was "a scam."', "a scam.", "Dayton, Ohio"),
    ('Ortega told a crowd in Akron that the plan was "a scam."', "a scam.", "a crowd in Akron"),
    # told a gathering, a programme, an outlet with an article, a body in session; not what is told
    ('Ortega told her monthly news conference that the plan was "a scam."', "a scam.",
     "her monthly news conference"),
    ('Ortega told Radio Riverside\'s Early Edition that the plan was "a scam."', "a scam.",
     "Radio Riverside's Early Edition"),
    ('Ortega told the Riverside Drive-Time programme that the plan was "a scam."', "a scam.",
     "the Riverside Drive-Time programme"),
    ('"The plan is a scam," Ortega told the club\'s official website.', "The plan is a scam,",
     "the club's official website"),
    ('"The plan is a scam," Ortega told the Riverside Bugle.', "The plan is a scam,", "the Riverside Bugle"),
    ('Ortega told the transport committee that the plan was "a scam."', "a scam.", "the transport committee"),
    ('"The plan is a scam," Ortega told parliament.', "The plan is a scam,", "parliament"),
    ('Ortega told the story of the bridge and called the plan "a scam."', "a scam", None),
    # one event per sentence, the surest: a rally over the reporters told
    ('Ortega told reporters at a rally in Akron that the plan was "a scam."', "a scam.", "a rally in Akron"),
]

WRITINGS = [
    ('The audit report stated that the city had "lost track of the money."', "lost track of the money.",
     "The audit report"),
    ('A campaign ad claimed that the plan was "a scam."', "a scam.", "A campaign ad"),
    ('According to a complaint filed Monday, the firm "hid the losses for years."', "hid the losses for years.",
     "a complaint filed Monday"),
]

NOT_AN_EVENT = [
    # in the future: words are not said at an event still to come
    ('Ortega said she would call the plan "a scam" at the upcoming debate.', "a scam", None),
    ('Ortega said the plan was "a scam" and that she would say so at the next session.', "a scam", None),
    # inside what is reported said, not where it was said
    ('Ortega insisted that the budget was cut at the meeting and called the cut "a disgrace."', "a disgrace.",
     None),
    # a study conducted is no occasion of speech; a meeting held inside what is reported said
    ('Ortega, who conducted the study, called the results "a shock."', "a shock.", None),
    ('Ortega said the rival had held a meeting with the mayor. "It is a scam," she said.', "It is a scam,", None),
    # a people told is no audience
    ('Ortega told Canadians that the plan was "a scam."', "a scam.", None),
    # named inside the quotation: the speaker's event, not the reporter's
    ('"At our first hearing before the board, they laughed at me," Ortega recalled in an interview.',
     "At our first hearing before the board, they laughed at me,", "an interview"),
    ('Ortega recalled the day. "At the hearing on Monday, I told them it was a scam and they laughed."',
     "At the hearing on Monday, I told them it was a scam and they laughed.", None),
]


@pytest.mark.parametrize("text,words,expected", SAID_AT)
def test_an_event_words_were_said_at(nlp: Language, text: str, words: str, expected: str | None) -> None:
    _check(nlp, text, words, expected)


@pytest.mark.parametrize("text,words,expected", OUTLETS_AND_PLACES)
def test_outlets_audiences_and_places(nlp: Language, text: str, words: str, expected: str | None) -> None:
    _check(nlp, text, words, expected)


@pytest.mark.parametrize("text,words,expected", WRITINGS)
def test_a_writing_that_speaks(nlp: Language, text: str, words: str, expected: str | None) -> None:
    _check(nlp, text, words, expected)


@pytest.mark.parametrize("text,words,expected", NOT_AN_EVENT)
def test_what_is_not_the_event(nlp: Language, text: str, words: str, expected: str | None) -> None:
    _check(nlp, text, words, expected)


# (article, the quote's words, the event's words or None): events from earlier sentences
EARLIER = [
    # said at: carried to the speaker's later quote
    ("In a statement on Tuesday, Ortega criticised the plan.\n\nThe council will vote again in May.\n\n"
     '"It is a mistake," she said.', "It is a mistake,", "a statement on Tuesday"),
    ('Ortega thanked Reed on Twitter.\n\nThe vote is in May.\n\n"It is a mistake," Ortega said.',
     "It is a mistake,", "Twitter"),
    # not carried: the speaker only named as the object; a weak event (a letter sent, "at" with
    # another verb)
    ('Reed thanked Ortega on Twitter.\n\nThe vote is in May.\n\n"It is a mistake," Ortega said.',
     "It is a mistake,", None),
    ('Ortega sent a letter to the board.\n\nThe vote is in May.\n\n"It is a mistake," Ortega said.',
     "It is a mistake,", None),
    ("Ortega was blunt at the committee hearing on Tuesday.\n\nThe vote is in May.\n\n"
     '"It is a mistake," Ortega said.', "It is a mistake,", None),
    # the rally said just before beats the crowd of the quote's own sentence
    ('At a rally in Dayton, Ortega spoke for an hour.\n\nShe told the crowd the plan was "a scam."', "a scam.",
     "a rally in Dayton"),
    # the speaker acting by a pronoun right after a sentence that names them: nearer than their named event
    ('Ortega arrived in Leeds on Monday. She delivered the annual Harbour Lecture at the town hall.\n\n'
     'The council will vote in May.\n\n"It is a scam," Ortega said.', "It is a scam,", "the annual Harbour Lecture"),
    ('Ortega gave a speech in Dayton on Monday.\n\nOrtega then flew to Leeds. She delivered the annual '
     'Harbour Lecture there.\n\n"It is a scam," Ortega said.', "It is a scam,", "the annual Harbour Lecture"),
    # named inside someone else's quotation, the speaker does not act there
    ('"Ortega gave her all," Reed said in a statement on Monday.\n\nThe vote is in May.\n\n'
     '"It is a scam," Ortega said.', "It is a scam,", None),
    # the pronoun after a sentence naming someone else is theirs
    ('Reed arrived in Leeds on Monday. He delivered the annual Harbour Lecture at the town hall.\n\n'
     'The council will vote in May.\n\n"It is a scam," Ortega said.', "It is a scam,", None),
    # the quote's own sentence names its event: that one, over the claim's earlier event
    ('At a rally in Dayton on Monday, Ortega attacked the plan.\n\n'
     '"It is a scam," Ortega said in an interview with the Daily Ledger on Friday.', "It is a scam,",
     "an interview with the Daily Ledger on Friday"),
    # "the statement" is the earlier, fuller one
    ('Ortega issued a statement on Tuesday.\n\nIn the statement, she called the plan "a scam."', "a scam.",
     "a statement on Tuesday"),
    # a bare name: the earlier, fuller naming of the outlet
    ('Ortega told the Daily Ledger on Friday that taxes would rise.\n\nLater she told the Ledger the plan was '
     '"a scam."', "a scam.", "the Daily Ledger on Friday"),
]


@pytest.mark.parametrize("text,words,expected", EARLIER)
def test_an_event_from_an_earlier_sentence(nlp: Language, text: str, words: str, expected: str | None) -> None:
    _check(nlp, text, words, expected)


def test_an_earlier_event_needs_the_speakers_mentions(nlp: Language) -> None:
    text = ("In a statement on Tuesday, Ortega criticised the plan.\n\n"
            "The council will vote again in May.\n\n"
            '"It is a mistake," she said.')
    doc = nlp(text)
    quote = spans.quote(text, "It is a mistake,")
    own = TextSpan('"It is a mistake," she said.', text.index('"It is'), len(text))
    assert event_for(doc, quote, own, ()) is None  # without the speaker's mentions, nothing ties it
    event = event_for(doc, quote, own, spans.mentions(text, "Ortega"))
    assert event is not None and event.text == "a statement on Tuesday"


# (article, the continuing quote's words, its event's words): a quote that continues another came from
# the same event, whatever its shared claim names
CONTINUING = [
    ('The builders held a meeting with the council on Sunday.\n\n"We are ready," Ana Torres told the Daily '
     'Ledger. "The work starts tomorrow."', "The work starts tomorrow.", "the Daily Ledger"),
    ('"We are ready," Ana Torres said in a statement. "The work starts tomorrow."', "The work starts tomorrow.",
     "a statement"),
]


@pytest.mark.parametrize("text,words,expected", CONTINUING)
def test_a_continuing_quote_shares_its_event(nlp: Language, text: str, words: str, expected: str) -> None:
    quotes = extract(nlp(text)).quotes
    later = next(q for q in quotes if q.text == words)
    assert later.continues is not None and later.event is not None and later.event.text == expected
