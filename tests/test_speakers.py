"""Who said each quote: one table per phenomenon, in articles we wrote for the purpose."""
from __future__ import annotations

import pytest
from spacy.language import Language

from service.extract import Extraction, extract_text
from service.extract.lexicon.cues import is_speech_verb

from answers import quote_with, speaker_of  # tests/answers.py


def _run(nlp: Language, text: str) -> Extraction:
    return extract_text(nlp, text)


# (article, words of the quote, expected speaker name)
CUE_IN_SENTENCE = [
    ('"We will rebuild the bridge," Mayor Ana Torres said on Monday.', "rebuild", "Ana Torres"),
    ('"We will rebuild the bridge," said Ana Torres, the city\'s mayor.', "rebuild", "Ana Torres"),
    ('Ana Torres said: "We will rebuild the bridge."', "rebuild", "Ana Torres"),
    ('Ana Torres, a civil engineer at Delft University, said "the bridge is sound."', "sound", "Ana Torres"),
    ('The bridge is safe, according to Ana Torres, who called it "perfectly sound."', "perfectly", "Ana Torres"),
    ('Ana Torres spoke on Monday, warning that "repairs will take years."', "repairs", "Ana Torres"),
    ('"Are you serious?" asked Ana Torres.', "serious", "Ana Torres"),
    # a relative pronoun stands for the name right before it, however the clause is parsed
    ('Ana Torres leads the council. To settle the matter, they turned to the Harbor Authority which reported '
     '“40 closures” on the pier in May.', "40 closures", "Harbor Authority"),
    # the one who does the naming in a passive: "X has been called a fraud by Y for promoting '...'"
    ('Lena Brandt — a surgeon and TV host — has been called a quack by fellow surgeons for selling “magic” pills.',
     "magic", "fellow surgeons"),
    # ... but not for a passive that names nothing: the selling is still hers
    ('Lena Brandt — a surgeon and TV host — has been investigated by the state for selling “magic” pills.',
     "magic", "Lena Brandt"),
    # a thing no one stands behind frames nothing: the report that found it does
    ('An audit by the Harbor Authority found that money for the pier was coming from "the wrong accounts."',
     "wrong accounts", "Harbor Authority"),
    # no verb frames the phrase, a speech noun with an owner does
    ('Tom Grant spoke on Monday.\n\nIt is the pull of Dana Wells’s “no new taxes” pledge that keeps the party together.',
     "no new taxes", "Dana Wells"),
    # "it" framing a phrase stands for a body named before
    ('Tom Grant spoke on Monday.\n\nThe Harbor Authority released its forecast on Tuesday. Although the authority '
     'did not name Grant, it referenced "political tensions" in the city.', "political", "Harbor Authority"),
    # footage of someone speaking: the one in the footage, not the ad that uses it
    ('Tom Grant released a new ad on Monday.\n\nThe ad uses footage of Dana Wells asking, “Where did all the money '
     'go, you might ask?”', "money", "Dana Wells"),
    # a verb of manner of speaking
    ('The meeting ran late.\n\n"Get out of my office," Ana Torres barked at the clerk.', "Get out", "Ana Torres"),
    # a live blog's time stamp the parser hangs on the verb is no subject
    ('Live updates.\n\n3:40 p.m.\n\nMayor Ana Torres says the storm has passed, and “we’re going to rebuild” '
     'the pier.', "rebuild", "Ana Torres"),
]

RESOLUTION = [
    # a surname or a pronoun goes to the fullest name the article gives
    ('Senator Paul Okafor spoke first.\n\n"The budget is a disgrace," Okafor said.', "disgrace", "Paul Okafor"),
    ('Senator Paul Okafor spoke first.\n\n"The budget is a disgrace," he said.', "disgrace", "Paul Okafor"),
    ('Maria Lindqvist leads the union.\n\n"We will strike," she told reporters.', "strike", "Maria Lindqvist"),
    # the pronoun's gender picks between two people
    ('Maria Lindqvist met Tom Berger on Friday.\n\n"We will strike," she told reporters.', "strike", "Maria Lindqvist"),
    # a title written out before the name, then a description of the same person
    ('Gov. Helen Park vetoed the bill.\n\n"It was rushed," the governor said.', "rushed", "Helen Park"),
    # relatives: Mr. picks the man where the surname alone could be either
    ('Anna Kowalski and Piotr Kowalski run the bakery.\n\n"Bread is life," Mr. Kowalski said.', "Bread", "Piotr Kowalski"),
    # two people with one surname: a surname alone goes to the one who was the subject just before
    ('Ana Roe and Ben Roe run the farm. Ben Roe fixed the barn on Monday.\n\n"It took all day," Roe said.',
     "took all day", "Ben Roe"),
    # the last words of a longer name
    ('Tan Sor Mai Lin chairs the board.\n\n"We will expand," Mai Lin said.', "expand", "Tan Sor Mai Lin"),
    # a surname with a doubled letter written once is a misspelling of the same person
    ('Voters such as Delia Hannessey came to the rally.\n\nHanessey was unmoved.\n\n"Nothing changes," Hanessey said.',
     "Nothing changes", "Delia Hannessey"),
    # negative: a short surname one letter off is someone else
    ('Voters such as Delia Hall came to the rally.\n\n"Nothing changes," Hal said.', "Nothing changes", "Hal"),
    # a peer named by title and one name goes by both, however the surname is written later
    ('Lord Ames opened the debate.\n\n"The bill is flawed," Ames said.', "flawed", "Lord Ames"),
    ('"The bill is flawed," Ames said.\n\nBaroness Ames opened the debate on Monday.', "flawed", "Baroness Ames"),
    # ... where "Sir" or "Mr" stands before a name that is whole without it
    ('Sir Tom Ames opened the debate.\n\n"The bill is flawed," Ames said.', "flawed", "Tom Ames"),
    ('Mr Ames opened the debate.\n\n"The bill is flawed," he said.', "flawed", "Ames"),
    # a title opening a sentence, capitalised there, is no part of the name; a first name that is
    # also a title stays in a two-word name
    ('Striker Joris van Dijkstra signed on Monday.\n\n"I am happy," van Dijkstra said.', "happy",
     "Joris van Dijkstra"),
    ('Dean Reed signed on Monday.\n\n"I am happy," Reed said.', "happy", "Dean Reed"),
    # letters after a name for an office or an honour are no part of it
    ('"The bill is flawed," said Oriel Ames QC.', "flawed", "Oriel Ames"),
    ('Oriel Ames MP opened the debate.\n\n"The bill is flawed," Ames said.', "flawed", "Oriel Ames"),
]

PRONOUNS = [
    # the subject of the main clause of the sentence before, not a subject further down in it
    ('Ben Osei said Tom Berger had misread the figures.\n\n"The deficit is shrinking," he said.', "deficit", "Ben Osei"),
    ('Ben Osei argued that Tom Berger, who chairs the panel, was wrong.\n\n"He misread it," he said.', "misread", "Ben Osei"),
    # negative: with no name in the main clause, the nearest subject still wins
    ('When Ben Osei left, Tom Berger took over.\n\n"We start again," he said.', "start again", "Tom Berger"),
    # in the pronoun's own sentence, the subject of the clause just above it
    ('Ben Osei said Tom Berger was wrong when he said "the road is safe."', "road is safe", "Tom Berger"),
    ('Ben Osei said Tom Berger was wrong, and he said "the road is a death trap."', "death trap", "Ben Osei"),
    # a first name alone gives a gender too
    ('Tom Berger walked in as Maria cheered.\n\n"I love this town," he said.', "love this", "Tom Berger"),
    ('Maria Lindqvist spoke as Tom cheered.\n\n"I love this town," she said.', "love this", "Maria Lindqvist"),
    # a gendered title or appositive gives a gender; without one, the subject stays the choice
    ('Congressman Taylor Reyes met Casey Blake.\n\n"We disagree," she said.', "disagree", "Casey Blake"),
    ('Taylor Reyes met Casey Blake.\n\n"We disagree," she said.', "disagree", "Taylor Reyes"),
    ('Her husband, Taylor Blake, spoke after Casey Blake.\n\n"We disagree," Mrs. Blake said.', "disagree", "Casey Blake"),
    # the article's own pronouns give a gender the name does not ("Taylor" is used by both)
    ('Taylor Reyes said her plan was ready. Casey Blake said his team agreed.\n\n"We start now," she said.',
     "start now", "Taylor Reyes"),
    ('Taylor Reyes said his plan was ready. Casey Blake said her team agreed.\n\n"We start now," she said.',
     "start now", "Casey Blake"),
    # a capitalised word after a number is a thing, not a person a pronoun can mean
    ('Dana Whitfield made a film about it. The 13th Amendment is its subject.\n\n"Few people know it," she said.',
     "Few people", "Dana Whitfield"),
    # a name with a relative clause in the sentence just before is that clause's subject ...
    ('Dana Whitfield spoke first. The debate went on, with Maria Lindqvist, who leads the union, attacking the plan.'
     '\n\n"We will strike," she said.', "strike", "Maria Lindqvist"),
    # ... but not a few sentences back, where a subject of its own sentence comes first
    ('Dana Whitfield spoke first, after Maria Lindqvist, who leads the union. The hall was full. The debate went on.'
     ' Chairs were set out.\n\n"We will strike," she said.', "strike", "Dana Whitfield"),
    # a person just introduced with a title in apposition outranks a subject of a lower clause ...
    ('While Ben Osei had praise for the plan, that is something that worries Tom Berger, treasurer of the town'
     ' council.\n\n"We are broke," he said.', "broke", "Tom Berger"),
    ('As Ben Osei spoke, the crowd cheered for Tom Berger, a teacher from the valley.\n\n"We are broke," he said.',
     "broke", "Tom Berger"),
    # ... but not the subject of the main clause
    ('Ben Osei thanked Tom Berger, treasurer of the town council.\n\n"We are broke," he said.', "broke", "Ben Osei"),
    # in its own sentence, a person known to be a woman outranks a subject above of unknown gender ...
    ('Gov. Jordan Reyes described Maria Lindqvist as a "menace" after she said "the bridge is safe enough."',
     "safe enough", "Maria Lindqvist"),
    # ... and with no one of the pronoun's gender there, the subject above stays the choice
    ('Gov. Jordan Reyes described Tom Berger as a "menace" after she said "the bridge is safe enough."',
     "safe enough", "Jordan Reyes"),
    # negative: a plural noun after a name is a list, not a title
    ('Ben Osei bought the old Red Baron, Blue Max and Spitfire models.\n\n"I love them," he said.', "love them", "Ben Osei"),
]

CARRIED_OVER = [
    # a phrase in marks earlier in the paragraph, then a sentence about a named person: that person speaks
    ('Tom Berger spoke at the pier. There were talks on the "harbour wars" and the budget. But Ana Torres '
     'knows this and started a fund. "We will find the money."', "find the money", "Ana Torres"),
    # split by the attribution: the second part has the first part's speaker
    ('"We are ready," said Ana Torres. "The work starts tomorrow."', "work starts", "Ana Torres"),
    # a paragraph that is only a quote, after a quote by the same speaker
    ('"We are ready," said Ana Torres.\n\n"The work starts tomorrow and ends in May."', "work starts", "Ana Torres"),
    # after a sentence that reports her speaking
    ('Ana Torres underscored that the bridge was sound.\n\n"Nobody was ever in danger."', "Nobody", "Ana Torres"),
    # a byline after the quote
    ('“This city deserves better.” ― Jamal Reed\n“We need a new plan.” ― Lena Ortiz', "new plan", "Lena Ortiz"),
    # ... past a quote nested in the one the line opens with
    ('“This city deserves better.” ― Jamal Reed\n“What he calls “order” is chaos.” ― Lena Ortiz', "What he", "Lena Ortiz"),
    # a transcript
    ('"OKAFOR: I reject the premise of the question."', "reject", "Okafor"),
    # a speech verb in a clause of the previous quote's sentence reports no one new
    ('"We will win," Ana Torres said, hours after the networks declared her rival the victor.\n\n'
     '"It was a long night for all of us."', "long night", "Ana Torres"),
    # the person a sentence of the quote's own paragraph is about, over the speaker of the paragraph before
    ('"Taxes are too high," Pia Laine said.\n\nOn Sunday, Sen. Omar Vidal toured the plant. "We owe these '
     'workers their jobs."', "We owe", "Omar Vidal"),
    # ... but no such person: the speaker before
    ('"Taxes are too high," Pia Laine said.\n\nOn Sunday, the plant closed for good. "We owe these '
     'workers their jobs."', "We owe", "Pia Laine"),
]

UNATTRIBUTED = [
    # nobody is named anywhere
    ('"Nobody knows what happens next."', "Nobody"),
]


@pytest.mark.parametrize("text, words, name", CUE_IN_SENTENCE)
def test_cue_in_the_quotes_sentence(nlp: Language, text: str, words: str, name: str) -> None:
    assert speaker_of(_run(nlp, text), words) == name


@pytest.mark.parametrize("text, words, name", RESOLUTION)
def test_short_forms_resolve_to_the_full_name(nlp: Language, text: str, words: str, name: str) -> None:
    assert speaker_of(_run(nlp, text), words) == name


@pytest.mark.parametrize("text, words, name", PRONOUNS)
def test_pronouns_resolve_to_the_salient_subject(nlp: Language, text: str, words: str, name: str) -> None:
    assert speaker_of(_run(nlp, text), words) == name


def test_a_name_taken_for_a_product_is_still_a_pronouns_antecedent(nlp: Language) -> None:
    # the recogniser labels this name a product; as a subject it is a person all the same
    text = ('Tom Berger is a critic. In an iPhone ad last week, Linda Marsh acknowledged the problem.\n\n'
            '"We will fix it," she said.')
    quote = _run(nlp, text).quotes[0]
    assert (quote.speaker.name, quote.speaker.mention.text, quote.rule) == ("Linda Marsh", "she", "cue-subject")


@pytest.mark.parametrize("text, words, name", CARRIED_OVER)
def test_quotes_without_a_cue_of_their_own(nlp: Language, text: str, words: str, name: str) -> None:
    assert speaker_of(_run(nlp, text), words) == name


@pytest.mark.parametrize("text, words", UNATTRIBUTED)
def test_no_clue_gives_no_speaker(nlp: Language, text: str, words: str) -> None:
    result = _run(nlp, text)
    quote = next(q for q in result.quotes if words in q.text)
    assert quote.speaker.name is None and quote.speaker.id is None
    assert result.speakers == ()


@pytest.mark.parametrize("text, not_a_quote", [
    ('<tweet author="jdoe" date="2016-10-01">Vote!</tweet>', "jdoe"),
    ('Robert "Bobby" Vance said the plan would work.', "Bobby"),
    ('She appeared on CNN\'s "State of Affairs" on Sunday.', "State of Affairs"),
    ('Check pic.twitter.com/"1234567" for details.', "1234567"),
    ('"(LAUGHTER.)"', "LAUGHTER"),
])
def test_runs_nobody_said_are_dropped(nlp: Language, text: str, not_a_quote: str) -> None:
    assert all(not_a_quote not in q.text for q in _run(nlp, text).quotes)


def test_continues_chains_a_split_and_a_multi_paragraph_quote(nlp: Language) -> None:
    text = ('"We are ready," said Ana Torres. "The work starts tomorrow.\n\n'
            '"It ends in May.\n\n"And then we celebrate."')
    result = _run(nlp, text)
    assert [q.continues for q in result.quotes] == [None, "q1", "q2", "q3"]
    assert {q.speaker.name for q in result.quotes} == {"Ana Torres"}
    # a continuing quote repeats the mention its attribution rests on
    assert result.quotes[3].speaker.mention == result.quotes[0].speaker.mention


# Paragraphs joined into one line, the closing mark between them lost: each part is its own quote,
# the later ones continuing the first. (article, [(quote, speaker, continues)])
JOINED_PARAGRAPHS = [
    ('Mayor Ana Torres spoke at the pier on Monday. She said: "We start now. "Nobody will wait for us."',
     [("We start now.", "Ana Torres", None), ("Nobody will wait for us.", "Ana Torres", "q1")]),
    ('"The ferry stays," Ana Torres said. "It has run for a century. "It will run for another."',
     [("The ferry stays,", "Ana Torres", None), ("It has run for a century.", "Ana Torres", "q1"),
      ("It will run for another.", "Ana Torres", "q2")]),
]


@pytest.mark.parametrize("text, expected", JOINED_PARAGRAPHS)
def test_parts_of_joined_paragraphs_continue_the_first(nlp: Language, text: str,
                                                       expected: list[tuple[str, str, str | None]]) -> None:
    result = _run(nlp, text)
    assert [(q.text, q.speaker.name, q.continues) for q in result.quotes] == expected


# A sentence after a quote that ends in a colon before the next quote is that quote's lead-in, not
# the earlier quote's tag. (article, [(quote, speaker)])
LEAD_IN_AFTER_A_QUOTE = [
    ('"We stay," Ana Torres said. "We are not leaving." Carl Dietz, the harbor master, added: "The pier '
     'needs work."', [("We stay,", "Ana Torres"), ("We are not leaving.", "Ana Torres"),
                      ("The pier needs work.", "Carl Dietz")]),
    ('Ana Torres spoke first. She said: "We start now. "Nobody will wait for us." Carl Dietz, the harbor '
     'master, added: "The pier needs work."', [("We start now.", "Ana Torres"), ("Nobody will wait for us.", "Ana Torres"),
                                               ("The pier needs work.", "Carl Dietz")]),
    # negative: with no colon, the sentence after the quote tags it
    ('Ana Torres spoke first.\n\n"The pier needs work." Carl Dietz, the harbor master, said.',
     [("The pier needs work.", "Carl Dietz")]),
]


# A sentence of news after a quote that ends in a full stop, running on well past its speech verb,
# is no tag of that quote: the part with no cue of its own continues the previous speaker.
NEWS_AFTER_A_QUOTE = [
    ('Ana Torres spoke at the pier. She said: "We start now. "Nobody will wait for us." Work is continuing '
     'on plans for the harbour board to pay for the new pier next year.',
     [("We start now.", "Ana Torres"), ("Nobody will wait for us.", "Ana Torres")]),
    ('Ana Torres spoke at the pier. She said: "We start now. "Nobody will wait for us." The Greens accuse '
     'Mr Dietz of ignoring the fishermen on the north side of the bay.',
     [("We start now.", "Ana Torres"), ("Nobody will wait for us.", "Ana Torres")]),
    # negative: a short tag after the full stop still names the speaker
    ('Ana Torres spoke first.\n\n"The pier needs work." Carl Dietz said on Friday.',
     [("The pier needs work.", "Carl Dietz")]),
]


@pytest.mark.parametrize("text, expected", NEWS_AFTER_A_QUOTE)
def test_news_after_a_quote_is_not_its_tag(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.text, q.speaker.name) for q in _run(nlp, text).quotes] == expected


# A description or pronoun as the cue's subject: the person it refers to in the article, not the
# description's words, nor the name nearest it. (article, words of the quote, expected speaker)
DESCRIBED_SPEAKERS = [
    # "the Acme boss": the person speaking before, not the description
    ('Harbor Town manager Carl Dietz said: "We played well." The Harbor Town boss continued: "We can win it."',
     "win it", "Carl Dietz"),
    # a word the recogniser takes for a one-word name, always written after "the"
    ('Carl Dietz said his side were ready. The Welshman conceded he had doubts.\n\n'
     '"Ben Osei is our best player," he said.', "best player", "Carl Dietz"),
    # a pronoun after a sentence that opens with the same pronoun: the first one's person again
    ('Ana Torres gave evidence on Monday. "I was involved throughout," she said. She denied the claim that Maria '
     'Lindqvist had drafted the answer. "The answer was mine," she said.', "answer was mine", "Ana Torres"),
    # "a spokesman" is someone new, not the one named with that title before
    ('Party spokesman Tom Berger attacked the plan. "It will cost a fortune," a spokesman said.',
     "cost a fortune", "spokesman"),
    # ... and "he" after "a spokesman" opening the sentence before is that spokesman
    ('Carl Dietz wants a new pier. But a spokesman said its powers were limited.\n\n'
     '"Any proposal would be for the government," he said.', "Any proposal", "spokesman"),
    # negative: a named subject before is what the pronoun means, as ever
    ('Carl Dietz wants a new pier. Tom Berger said its powers were limited.\n\n'
     '"Any proposal would be for the government," he said.', "Any proposal", "Tom Berger"),
]


def test_a_description_goes_to_the_one_named_after_its_word(nlp: Language) -> None:
    # "the bishop": the one named right after that word before, whatever the recogniser made of the name
    text = 'Bishop Tomasz Wiercinski-Kowal will speak on Sunday. The bishop used a sermon to attack the "shameful" cuts.'
    assert speaker_of(_run(nlp, text), "shameful").endswith("Wiercinski-Kowal")


@pytest.mark.parametrize("text, words, name", DESCRIBED_SPEAKERS)
def test_a_description_goes_to_the_person_it_refers_to(nlp: Language, text: str, words: str, name: str) -> None:
    assert speaker_of(_run(nlp, text), words) == name


@pytest.mark.parametrize("text, expected", LEAD_IN_AFTER_A_QUOTE)
def test_a_lead_in_after_a_quote_introduces_the_next(nlp: Language, text: str,
                                                     expected: list[tuple[str, str]]) -> None:
    assert [(q.text, q.speaker.name) for q in _run(nlp, text).quotes] == expected


def test_a_transcript_turn_does_not_continue_the_other_speakers_turn(nlp: Language) -> None:
    text = ('The interview went as follows:\n\n"ROSS: Where were you on the night of the vote?\n\n'
            '"LAINE: At home, with my family, watching the count.\n\n"ROSS: All night long?')
    result = _run(nlp, text)
    assert [q.speaker.name for q in result.quotes] == ["Ross", "Laine", "Ross"]
    assert [q.continues for q in result.quotes] == [None, None, None]


def test_every_speaker_entry_lists_its_quotes_and_mentions(nlp: Language) -> None:
    text = ('Senator Paul Okafor spoke first.\n\n"The budget is a disgrace," Okafor said.\n\n'
            '"It must be rewritten," he added.')
    result = _run(nlp, text)
    assert len(result.speakers) == 1
    speaker = result.speakers[0]
    assert speaker.name == "Paul Okafor"
    assert speaker.quote_ids == ("q1", "q2")
    assert {m.text for m in speaker.mentions} >= {"Paul Okafor", "Okafor", "he"}
    for m in speaker.mentions:
        assert text[m.start:m.end] == m.text


def test_rule_and_confidence_are_set(nlp: Language) -> None:
    result = _run(nlp, '"We will rebuild," Ana Torres said.')
    q = result.quotes[0]
    assert q.rule == "cue-subject"
    assert 0.0 < q.confidence <= 1.0
    assert q.cue is not None and q.cue.text == "said"


# Where the speaker's word stands in the sentence: (article, words of the quote, expected speaker)
SPEAKER_IN_THE_PARSE = [
    # a relative pronoun speaks for the name before it
    ('The plan was backed by Ana Torres, who said it was "long overdue."', "overdue", "Ana Torres"),
    # a show's title in marks is no speaker
    ('"We are ready," Ana Torres, the mayor, said Thursday on WXYZ\'s "Sunrise Hour."', "ready", "Ana Torres"),
    # "said A and said B": the second "said" shares the first one's subject
    ('Ana Torres spoke on Friday.\n\nShe said the storm had cut power and said that crews were "working around the clock."',
     "clock", "Ana Torres"),
    # a passive question: the one asking speaks
    ('Ana Torres was asked by moderator Lee Chang whether "the budget can survive."', "survive", "Lee Chang"),
    # the one greeted does not speak the chant; the source does
    ('Mayor Ana Torres was greeted with chants of "Four more years!" at the rally, according to organizer Lee Chang.',
     "Four more", "Lee Chang"),
    # a second partial quote in the same report
    ('Ana Torres said it was "absolutely clear" that Mark Bell faced a "serious problem" with voters.',
     "serious problem", "Ana Torres"),
    # a verb that names someone, inside another's report: the namer's words
    ('Ana Torres said that Mark Bell called the plan "a disaster" last year.', "disaster", "Mark Bell"),
    # ... but not when the namer is a pronoun for the reporter herself
    ('Ana Torres said that she called the plan "a disaster" last year.', "disaster", "Ana Torres"),
    # a speech that has not happened yet is the reporter's
    ('Ana Torres said she expected that voters will say "no" to the plan.', "no", "Ana Torres"),
    # "who" after a body: the person before it
    ('"These are odd times," said Peter Hale, a lawyer for the Coastal Alliance, who has fought the port for years. '
     '"I am skeptical."', "skeptical", "Peter Hale"),
    # an inverted subject a few words after the verb
    ('"The race is close," added another New Hampshire Democrat.', "race", "Democrat"),
    # an "-ing" speech verb hangs on the clause before it, not on the sentence's first subject
    ('The former mayor spoke hours after Mark Bell held a briefing at which he kept up his attack, '
     'saying the town was "not safe."', "not safe", "Mark Bell"),
    # ... but not on a clause that only describes something
    ('Marchers circled the stadium where the Harbor Hawks played, chanting "Hands up."', "Hands up", "Marchers"),
    # "according to" before an earlier quote of the same sentence
    ('According to Lena Ortiz, the port lost "millions" and Mark Bell faces "serious trouble" this year.',
     "serious trouble", "Lena Ortiz"),
    # a byline's whole name, where two share a first name
    ('“We need a new plan.” ― Lena Ortiz\n“We need better schools.” ― Lena Park', "schools", "Lena Park"),
    # the words inside a named person's speech noun are that person's, whatever verb frames them ...
    ('The fact-checkers seized on Ana Torres\'s claim that the bridge had "no cracks at all" and tested it.',
     "no cracks", "Ana Torres"),
    ('The newspaper examined Ana Torres\'s statement about "record growth" in the county.', "record growth",
     "Ana Torres"),
    # ... also when a verb inside the noun's own clause frames them, and with a pronoun owner
    ('Critics doubted Ana Torres\'s assertion that "dozens" of families moved away in a year.', "dozens",
     "Ana Torres"),
    ('Ana Torres spoke first. Her claim that the mill had "never once" failed an inspection drew laughter.',
     "never once", "Ana Torres"),
    # ... but not what someone else calls them
    ('Ben Osei called Ana Torres\'s remarks about the budget "deeply dishonest" on Friday.', "deeply", "Ben Osei"),
    # a speech verb after a quote that closes its sentence, with a report of its own, opens the next sentence
    ('Lena Ortiz spoke to the council on Tuesday. "The port is losing money every week." Ben Osei said that the '
     'council would order an audit.', "losing money", "Lena Ortiz"),
    # a verb climbed to lends its passive agent only when it reports: "X was joined by Y and joked"
    ('Ana Torres was joined on stage by Mark Bell and joked, "We should do this more often."', "more often",
     "Ana Torres"),
    # ... and one passive of a speech verb with no agent gives no speaker: "the treasurer was charged"
    ('Ana Torres defended the budget as "fair to everyone" on Monday, hours after the treasurer was charged '
     'with fraud.', "fair to", "Ana Torres"),
    # ... but "was quoted as saying" still does
    ('Ana Torres was quoted as saying "the budget is fair."', "budget is fair", "Ana Torres"),
    # a state in parentheses after the name is not the speaker
    ('On Friday Sen. Ana Torres (D-Ore.) said the state budget was a "slow disaster."', "slow disaster", "Ana Torres"),
    # a dateline the parser takes for a subject is no speaker
    ('DAYTON, Ohio (AP) - Mayor Ana Torres has criticised the state budget, saying it would "gut our schools."',
     "gut our", "Ana Torres"),
    # a parenthetical "X said" set into the quote's clause
    ('The new bridge, Ana Torres said, had cost "far too much" and opened late.', "far too much", "Ana Torres"),
    # the subject is not sought past the paragraph the parse ran on into
    ('"We are done waiting," declared Lena Ortiz, 41, of Dayton, Ohio\n\nOf the four plans tested, voters liked '
     'the second one best.', "done waiting", "Lena Ortiz"),
    # "said X" set off by commas after a fronted phrase the parser took for the subject: X speaks
    ('Any fair reading of the law, said Lena Ortiz, a judge in Dayton, would find "no fault at all."', "no fault",
     "Lena Ortiz"),
    ('The new rules, said Lena Ortiz, are "a plain mess."', "plain mess", "Lena Ortiz"),
    # ... but a person before the verb keeps it, and the name after it is the report's subject
    ('The mayor, in turn, said Mark Bell, who runs the port, was "out of his depth."', "his depth", "mayor"),
    # an "-ing" speech verb on a relative clause with a person of its own as subject: that person
    ('The former mayor spoke hours after Mark Bell held a news conference in which he renewed his attack, '
     'mocking the budget and saying the town was "not safe."', "not safe", "Mark Bell"),
]


@pytest.mark.parametrize("text, words, name", SPEAKER_IN_THE_PARSE)
def test_the_speaker_is_found_in_the_parse(nlp: Language, text: str, words: str, name: str) -> None:
    assert speaker_of(_run(nlp, text), words) == name


def test_a_relative_pronoun_mention_runs_from_its_antecedent(nlp: Language) -> None:
    quote = quote_with(_run(nlp, SPEAKER_IN_THE_PARSE[0][0]), "overdue")
    assert quote.speaker.mention.text == "Ana Torres, who"


# Names, descriptions and documents that stand for someone named elsewhere in the article.
WHO_A_MENTION_MEANS = [
    # an acronym of an organisation named in full
    ('The International Monetary Fund cut its forecast.\n\n"Growth is slowing," the IMF said.', "slowing",
     "International Monetary Fund"),
    # an organisation's first word
    ('Halvorsen Shipping filed for bankruptcy on Monday.\n\nIn a statement, Halvorsen said: "We will pay every creditor."',
     "creditor", "Halvorsen Shipping"),
    # a nicknamed name, title dropped, claims the nickname and the surname
    ('Rep. Thomas J. "Tommy" Reyes hosted the picnic.\n\n"This is our year," Tommy Reyes said.\n\n"We need jobs," Reyes said.',
     "jobs", 'Thomas J. "Tommy" Reyes'),
    # a first name the list lacks, mid-sentence, stays part of the name
    ('"We are ready," said Everett William Ross, the director.', "ready", "Everett William Ross"),
    # a description with no title to match: the paragraph's subject, not one in a clause inside
    ('Lena Ortiz says the tax is too high.\n\nThe Ohio treasurer was speaking in Dayton hours after Mark Bell proposed the tax.'
     '\n\nThe Ohio treasurer said the plan is "a burden on families."', "burden", "Lena Ortiz"),
    # "the union" for the body named before
    ('The Guild of Bakers endorsed the plan on Monday.\n\n"It keeps ovens running," the union wrote.', "ovens",
     "Guild of Bakers"),
    # a document speaks for whoever made it
    ('A video by the Coastal Alliance shows the harbor.\n\nThe video says the harbor is "dying."', "dying", "Coastal Alliance"),
    # "Grant's former strategist" is someone other than Grant: the one the paragraph is about
    ('Dana Wells on Monday urged Tom Grant to apologize.\n\n"That was outrageous," Grant\'s former campaign strategist said.',
     "outrageous", "Dana Wells"),
    # ... but a spokesman or a family stays a description
    ('Dana Wells on Monday urged Tom Grant to apologize.\n\n"That was outrageous," Grant\'s spokesman said.',
     "outrageous", "Grant's spokesman"),
    # "I" is the letter's signer, or the essay's writer
    ('I voted for her twice. Then I told my neighbor, "Never again."\n\nJane Whitfield.', "Never", "Jane Whitfield"),
    ('When my sister asked, I said, "Not this year."\n\nJane Whitfield is a teacher in Ohio.', "Not this", "Jane Whitfield"),
    # unnamed officials of a body speak as the body; with no body named, they stay a description
    ('Officials at the Harbor Authority said they were "deeply concerned" about the pier.', "deeply", "Harbor Authority"),
    ('Officials said they were "deeply concerned" about the pier.', "deeply", "Officials"),
    # a nickname in marks tangles the parse: the person inside the apposition, not the district after her
    ('Tom Grant hosted the picnic.\n\n"This is our year!" Grant\'s niece, state Del. Rosalind "Roz" Whitley '
     '(D-Harbor City), shouted to the crowd. "We have his back."', "his back", 'Rosalind "Roz" Whitley'),
    # a rare first name opening a paragraph stays part of the name its surname later stands for
    ('Parents rallied on Monday.\n\nZorabel Okonkwo loves the school.\n\n"We need the money," said Okonkwo.', "money",
     "Zorabel Okonkwo"),
    # a document owned by a body named before speaks for that body
    ('The Harbor Licensing Council met on Monday.\n\n"The show is banned," the council\'s statement said.', "banned",
     "Harbor Licensing Council"),
    # "the festival" for the body whose name ends in that noun
    ('The Harbor Film Festival opened on Monday.\n\n"We sold every seat," the festival said.', "every seat",
     "Harbor Film Festival"),
]


@pytest.mark.parametrize("text, words, name", WHO_A_MENTION_MEANS)
def test_a_mention_resolves_to_who_it_means(nlp: Language, text: str, words: str, name: str) -> None:
    assert speaker_of(_run(nlp, text), words) == name


def test_a_document_keeps_its_own_words_as_the_mention(nlp: Language) -> None:
    quote = quote_with(_run(nlp, WHO_A_MENTION_MEANS[6][0]), "dying")
    assert quote.speaker.mention.text == "video"


@pytest.mark.parametrize("text, words", [
    # "I" with no signature and no note on the writer stays unknown
    ('When my sister asked, I said, "Not this year."', "Not this"),
])
def test_an_unsigned_narrator_stays_unknown(nlp: Language, text: str, words: str) -> None:
    assert speaker_of(_run(nlp, text), words) is None


# Two people with one surname: a title or Mr./Ms. tells which one a surname alone means.
NAMESAKES = [
    # "Mr. Delgado" is not Ruth Delgado, so neither is the ungendered "President Delgado"
    ('"Harvests are up," President Delgado said on Monday.\n\nMr. Delgado and the first lady, Ruth Delgado, '
     'toured the fair.', "Harvests", "Delgado"),
    # ... and he takes a first name of his gender given elsewhere in the article
    ('"Harvests are up," President Delgado said on Monday.\n\nMr. Delgado and the first lady, Ruth Delgado, '
     'toured the fair.\n\nThe Marco Delgado Library opens next year.', "Harvests", "Marco Delgado"),
    # a first name of the other gender is not his
    ('"Harvests are up," Mr. Delgado said on Monday.\n\nHe toured the fair with Ruth Delgado, his wife.',
     "Harvests", "Delgado"),
    # with no "Mr." anywhere, the surname alone is the one named in full
    ('Ruth Delgado opened the fair on Monday.\n\n"Harvests are up," President Delgado said.', "Harvests",
     "Ruth Delgado"),
]


@pytest.mark.parametrize("text, words, name", NAMESAKES)
def test_a_title_tells_namesakes_apart(nlp: Language, text: str, words: str, name: str) -> None:
    assert speaker_of(_run(nlp, text), words) == name


@pytest.mark.parametrize("text, words, not_name", [
    # a noun before the title must fit too: a band leader is not the party leader
    ('Party leader Tom Grant spoke first.\n\nAna Torres hosted the dinner. Later, the band leader said the night '
     'was "unforgettable."',
     "unforgettable", "Tom Grant"),
])
def test_a_description_with_another_kind_is_someone_else(nlp: Language, text: str, words: str, not_name: str) -> None:
    assert speaker_of(_run(nlp, text), words) != not_name


@pytest.mark.parametrize("text, words, mention", [
    # the parser hangs a headline's name on the body's "said" too: the subject in its paragraph
    ("Torres: ‘We Will Rebuild.’\n\nMonday at Greenfield College in Dover, OH, Mayor Ana Torres said, "
     "“We will rebuild the bridge before winter comes.”", "before winter", "Mayor Ana Torres"),
    # one subject: that one
    ("Mayor Ana Torres said on Monday, “We will rebuild the bridge before winter comes.”",
     "before winter", "Mayor Ana Torres"),
])
def test_of_several_subjects_the_one_by_the_cue_is_the_mention(nlp: Language, text: str, words: str,
                                                               mention: str) -> None:
    q = quote_with(_run(nlp, text), words)
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == mention


@pytest.mark.parametrize("text, words, mention", [
    # a thing that "says" speaks for whoever has it in the clause around it
    ('Ana Torres wore a shirt that said "Build the pier now."', "Build the pier", "Ana Torres"),
    ('The city council voted 6-1 for a resolution which said the pier was "a danger to swimmers."',
     "danger", "city council"),
    # a person the relative pronoun stands for speaks for themself
    ('At the rally, Ana Torres met a reporter who said "the pier is unsafe."', "unsafe", "reporter who"),
    # a mere thing as the subject of a speech verb inside a report: the reporter speaks
    ('Ana Torres is a careful planner, warning that the flooding along the river shows a need for '
     '"calm leadership."', "calm leadership", "Ana Torres"),
    ('Mark Bell said the area across the river suggested "a long decline."', "long decline", "Mark Bell"),
    # ... not a document, which stands for its issuer
    ('Mark Bell said the committee report shows "no fraud at all."', "no fraud", "Mark Bell"),
])
def test_a_thing_that_says_speaks_for_who_has_it(nlp: Language, text: str, words: str, mention: str) -> None:
    q = quote_with(_run(nlp, text), words)
    assert q.speaker.mention is not None and q.speaker.mention.text == mention


@pytest.mark.parametrize("text, words, name", [
    ('Lena Brandt spoke first. "It is far too late for that," Mark Lee shot back.', "far too late", "Mark Lee"),
    ('Lena Brandt asked about the pier. "You know, it happens," Mark Lee went on, as if he had not heard her.',
     "it happens", "Mark Lee"),
])
def test_a_verb_with_its_particle_reports_speech(nlp: Language, text: str, words: str, name: str) -> None:
    assert speaker_of(_run(nlp, text), words) == name


@pytest.mark.parametrize("text, verb, speech", [
    ("Mark Lee shot back angrily.", "shot", True),
    ("Mark Lee shot the deer.", "shot", False),
    ("Mark Lee went on to win the vote.", "went", False),
])
def test_a_particle_makes_a_speech_verb(nlp: Language, text: str, verb: str, speech: bool) -> None:
    token = next(t for t in nlp(text) if t.text == verb)
    assert is_speech_verb(token) is speech


# An article quoting with single marks alone is attributed as a double-marked one is.
SINGLE_MARKED = [
    ("Club captain Ann Lee was upbeat. ‘We can win this,’ she said.", "We can win", "Ann Lee"),
    ("'It is not over,' said Tom Hart, the council's leader.", "not over", "Tom Hart"),
    ("The players’ union met on Monday. ‘Nobody asked us,’ its chairman, Sam Hill, said.", "Nobody asked", "Sam Hill"),
]


@pytest.mark.parametrize("text, words, name", SINGLE_MARKED)
def test_single_marked_articles(nlp: Language, text: str, words: str, name: str) -> None:
    assert speaker_of(_run(nlp, text), words) == name
