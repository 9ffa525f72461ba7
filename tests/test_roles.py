"""Role and affiliation of a speaker, pattern by pattern, as tables of invented sentences."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from service.extract.quotes.marks import quoted_runs
from service.extract.lexicon.parties import party_name
from service.extract.lexicon.places import place_name
from service.extract.roles.choice import longer_name, role_and_affiliation
from service.extract.roles.phrases import ORG, split_title_run
from service.extract.lexicon.titles import expand, is_title


def _mentions(doc: Doc, word: str) -> list[Span]:
    """Every place the article writes ``word`` (a surname), one token each."""
    return [doc[t.i:t.i + 1] for t in doc if t.text == word]


def _answer(nlp: Language, text: str, word: str, is_org: bool = False) -> tuple[str | None, str | None]:
    doc = nlp(text)
    quoted = [(r.start, r.end) for r in quoted_runs(text)]
    return role_and_affiliation(doc, _mentions(doc, word), is_org=is_org, quoted=quoted)


TITLE_BEFORE_NAME = [
    # the British order: a body written as a name, then a title in lower case, then the person
    ("Riverton boss Jo Bloggs said the team had played well.", "Bloggs", ("boss", "Riverton")),
    ("Harbour City striker Tom Reed scored twice on Saturday.", "Reed", ("striker", "Harbour City")),
    ("Labour MP Ann Frey said the bill was flawed.", "Frey", ("MP", "Labour Party")),
    ("Tory leader Ann Frey said the bill was flawed.", "Frey", ("leader", "Conservative Party")),
    ("Goalkeeper Ann Frey said she had been tired.", "Frey", ("Goalkeeper", None)),
    ("Riverton manager Sir Al Dunn said the side was ready.", "Dunn", ("manager", "Riverton")),
    ("Wales fly-half Tom Reed said the win was deserved.", "Reed", ("fly-half", "Wales")),
    ("Scotland manager Al Dunn said the side was ready.", "Dunn", ("manager", "Scotland")),
    ("Lib Dem leader Ann Frey said the bill was flawed.", "Frey", ("leader", "Liberal Democrats")),
    ("Liberal Democrat Ann Frey told the committee the plan was flawed.", "Frey", (None, "Liberal Democrats")),
    ("Liberal Democrat MP Ann Frey said the bill was flawed.", "Frey", ("MP", "Liberal Democrats")),
    # an honorific with no title before it gives nothing
    ("He thanked Mr Al Dunn for the gift.", "Dunn", (None, None)),
    # an age is no role
    ("The 25-year-old Ann Frey said she had been tired.", "Frey", (None, None)),
    ("US President Dale Harmon spoke to reporters on Friday.", "Harmon", ("President", "United States")),
    ("Unification Minister Park Min-ho told lawmakers the talks would resume.", "Park",
     ("Unification Minister", None)),
    ("North Korean leader Kim Jong-un inspected a factory.", "Kim", ("leader", "North Korea")),
    # a party tag's letter is the party the article names with that letter; else the place, as written
    ("Sen. Jane Roe (D-Mass.) questioned the bank's chief. Democrats wanted answers.", "Roe",
     ("Senator", "Democratic Party")),
    ("Sen. Jane Roe (D-Mass.) questioned the bank's chief.", "Roe", ("Senator", "Mass.")),
    ("Sen. Jane Roe (D-Mass.) questioned the bank's chief. The Democrats and the Dixie Party agreed.", "Roe",
     ("Senator", "Mass.")),
    ("Sen. Tom Birch (Vt.) voted against the bill.", "Birch", ("Senator", "Vt.")),
    ("Rep. Ann Lee, R-Ohio, said the bill would fail. Republicans held the House.", "Lee",
     ("Representative", "Republican Party")),
    ("Gov. Ray Lund signed the order on Monday.", "Lund", ("Governor", None)),
    ("Texas Gov. Ray Lund signed the order on Monday.", "Lund", ("Governor", "Texas")),
    ("Former Secretary of State Ann Cole praised the deal.", "Cole", ("Former Secretary of State", None)),
    ("Republican presidential nominee Carl Vance held a rally.", "Vance",
     ("presidential nominee", "Republican Party")),
    # a no-break space between the title and the name, as pasted web text often has
    ("Republican presidential nominee\u00a0Carl Vance held a rally.", "Vance",
     ("presidential nominee", "Republican Party")),
    # a plural title the tokenizer splits from its dot, written out for one person
    ("Sens. Jane Roe (D-Mass.) and Tom Birch (R-Ohio) asked for the records. Democrats sided with Republicans.", "Roe",
     ("Senator", "Democratic Party")),
]

APPOSITIVES_AND_CLAUSES = [
    ("Tom Reed, who will remain as Northwind chief executive, said orders rose.", "Reed",
     ("chief executive", "Northwind")),
    # an age said with a role is no part of it
    ("Ann Frey said the film was done. The 47-year-old director added that money was short.", "Frey",
     ("director", None)),
    # a description inside someone's quoted words is not the speaker's
    ('Ann Frey said the film was done. "The director wanted more money," she added.', "Frey", (None, None)),
    ("Mara Quist, a professor at Lakeview University's Center for Coastal Studies in Boston, said the data "
     "were clear.", "Quist", ("professor", "Lakeview University's Center for Coastal Studies")),
    ("Devon Hale, who heads the Harbor Policy Institute, said the rules were unclear.", "Hale",
     ("head", "Harbor Policy Institute")),
    ("Priya Nand, the chief executive of Northwind Freight, said orders had doubled.", "Nand",
     ("chief executive", "Northwind Freight")),
    ("Omar Reyes, Bluefield College's director of admissions, said applications rose.", "Reyes",
     ("director of admissions", "Bluefield College")),
    ("Rep. Dana Wills of Oregon said the vote was close.", "Wills", ("Representative", "Oregon")),
    ("Lena Ortiz is the chief economist at Harrow Bank. Ortiz expects rates to fall.", "Ortiz",
     ("chief economist", "Harrow Bank")),
    ("Sam Pike signed the bill on Monday. The Republican governor said the law would stand.", "Pike",
     ("governor", "Republican Party")),
    # a party noun in an appositive gives the party, not a position
    ("Rep. Ann Lee, the senior Democrat on the county Budget Committee, said the bill would fail.", "Lee",
     ("Representative", "Democratic Party")),
    ("Ann Lee, the top Democrat on the panel, said the bill would fail.", "Lee", (None, "Democratic Party")),
    # two coordinated roles: what the person is now wins over what they were
    ("Ann Lee spoke on Monday. The former governor and current Democratic nominee said the bill would fail.",
     "Lee", ("nominee", "Democratic Party")),
    # a definite description opening the sentence, then a comma and the name: the same subject
    ("It grew. The head of the Velmor Trust, Ann Lee said it grew.", "Lee", ("head", "Velmor Trust")),
    ("Prices rose.\n\nThe chairman of the Bar Guild, Ann Lee QC warned there was a risk.", "Lee",
     ("chairman", "Bar Guild")),
    # not when something stands before it, nor when the description is another clause's
    ("Now the head of the Velmor Trust, Ann Lee said it grew.", "Lee", (None, None)),
    ("After the chairman of the Bar Guild resigned, Ann Lee warned there was a risk.", "Lee", (None, None)),
]

# More of what the roles catalogue lists (roles/choice.py), one row per case not held above.
MORE_PLACES_A_ROLE_IS_GIVEN = [
    # a quoted nickname between the title and the name
    ('Sen. Ana "Cici" Ruiz said the vote would be close.', "Ruiz", ("Senator", None)),
    # ", Republican of Iowa," after the name: the party
    ("Tom Birch, Republican of Iowa, said the bill would pass.", "Birch", (None, "Republican Party")),
    # a body's title before the name, set off by commas
    ("Harrow Bank spokeswoman, Ivy Marsh, said the branch would close.", "Marsh", ("spokeswoman", "Harrow Bank")),
    # an adviser "to" a campaign
    ("Ivy Marsh, a senior adviser to the Vance campaign, said the polls were tight.", "Marsh",
     ("senior adviser", "Vance campaign")),
    # "who is the director of Y" and "a physicist who studies Z at Y"
    ("Ivy Marsh, who is the director of the Harbor Trust, said the pier would close.", "Marsh",
     ("director", "Harbor Trust")),
    ("Ivy Marsh, a physicist who studies tides at Lakeview University, said the data were clear.", "Marsh",
     ("physicist", "Lakeview University")),
    # "X, of Y,"
    ("Ivy Marsh, of the Harbor Trust, said the pier would close.", "Marsh", (None, "Harbor Trust")),
    # "X serves as ..."
    ("Ivy Marsh serves as treasurer of the Harbor Trust.", "Marsh", ("treasurer", "Harbor Trust")),
    # a region before a title is a beat, not an affiliation
    ("Ivy Marsh, the Asia director at Harrow Bank, said rates would rise.", "Marsh", ("Asia director", "Harrow Bank")),
    # a body's initials before the title
    ("IMF chief economist Lena Cruz said growth would slow.", "Cruz", ("chief economist", "IMF")),
    # an appositive after coordinated names is the last name's
    ("Lena Cruz and Ned Gray, the envoy, arrived on Monday.", "Gray", ("envoy", None)),
    ("Lena Cruz and Ned Gray, the envoy, arrived on Monday.", "Cruz", (None, None)),
    # what someone was counts when nothing else is said; what they are wins
    ("Lena Cruz was a partner at Dunmore Partners. She said the deal was fair.", "Cruz",
     ("partner", "Dunmore Partners")),
    ("Lena Cruz was a partner at Dunmore Partners. Cruz is the chief executive of Harrow Bank.", "Cruz",
     ("chief executive", "Harrow Bank")),
    # a later description as the possessor of the next sentence's subject
    ("Lena Cruz spoke on Monday. The nominee's plan would cut taxes.", "Cruz", ("nominee", None)),
    # the party the article counts the person among
    ("Lena Cruz joined her fellow Democrats in voting no.", "Cruz", (None, "Democratic Party")),
]

NO_ROLE = [
    # a qualifier alone before the name ("Then") leaves no title words: no role, and no failure
    ("Then Dorsey exposed the tactics of the prosecutors.", "Dorsey"),
    ("Tom Fisher said he would vote early.", "Fisher"),
    ("Ivy Marsh, his daughter, said the family was relieved.", "Marsh"),
    ("Ray Dunn is a fraud, his rivals say.", "Dunn"),
    ("Mr. Alvarez said the store would reopen.", "Alvarez"),
]


@pytest.mark.parametrize("text,word,expected", TITLE_BEFORE_NAME)
def test_title_before_the_name(nlp: Language, text: str, word: str, expected: tuple) -> None:
    assert _answer(nlp, text, word) == expected


@pytest.mark.parametrize("text,word,expected", APPOSITIVES_AND_CLAUSES)
def test_appositives_clauses_and_predicates(nlp: Language, text: str, word: str, expected: tuple) -> None:
    assert _answer(nlp, text, word) == expected


@pytest.mark.parametrize("text,word,expected", MORE_PLACES_A_ROLE_IS_GIVEN)
def test_more_places_a_role_is_given(nlp: Language, text: str, word: str, expected: tuple) -> None:
    assert _answer(nlp, text, word) == expected


@pytest.mark.parametrize("text,word", NO_ROLE)
def test_nothing_said_means_null(nlp: Language, text: str, word: str) -> None:
    assert _answer(nlp, text, word) == (None, None)


def test_a_description_mention_gives_its_own_words(nlp: Language) -> None:
    text = "A spokeswoman for the Greenway Party said the party would not comment."
    doc = nlp(text)
    description = doc.char_span(0, text.index(" said"))
    assert description is not None
    assert role_and_affiliation(doc, [description]) == ("spokeswoman", "Greenway Party")


def test_a_pronoun_mention_with_a_predicate(nlp: Language) -> None:
    text = "Nora Vidal took office in May. She is the attorney general of Ohio."
    doc = nlp(text)
    she = doc.char_span(text.index("She"), text.index("She") + 3)
    assert she is not None
    assert role_and_affiliation(doc, [she]) == ("attorney general", "Ohio")
    # "as" a title after a verb that is not "serve": the post the person holds
    text = "Lena Cruz took office in May. She occupies the post as the attorney general."
    doc = nlp(text)
    she = doc.char_span(text.index("She"), text.index("She") + 3)
    assert she is not None
    assert role_and_affiliation(doc, [doc[0:2], she]) == ("attorney general", None)


def test_a_place_alone_does_not_outweigh_a_party(nlp: Language) -> None:
    # Two descriptions of one person, each a mention: the one naming a party says more.
    text = "The Ohio businessman spoke first. Later the Republican nominee said the plan would fail."
    doc = nlp(text)
    first = doc.char_span(0, text.index(" spoke"))
    second = doc.char_span(text.index("the Republican"), text.index(" said"))
    assert first is not None and second is not None
    assert role_and_affiliation(doc, [first, second]) == ("nominee", "Republican Party")


def test_words_inside_a_quote_are_not_the_article_s(nlp: Language) -> None:
    text = '"Our next senator, Ken Doyle, will win this," a volunteer shouted.'
    assert _answer(nlp, text, "Doyle") == (None, None)


def test_an_organisation_s_owner_is_its_affiliation(nlp: Language) -> None:
    text = "CheckPoint said the claim was false. CheckPoint is operated by the Harrow Gazette."
    assert _answer(nlp, text, "CheckPoint", is_org=True) == (None, "Harrow Gazette")


def test_an_organisation_has_no_role(nlp: Language) -> None:
    text = "Harrow Bank, the largest lender in the region, said profits rose."
    role, _ = _answer(nlp, text, "Bank", is_org=True)
    assert role is None


def test_one_role_for_many_mentions(nlp: Language) -> None:
    text = ("Sen. Jane Roe (D-Mass.) opened the hearing for the Democrats.\n\n"
            "Roe said the bank had failed its customers.\n\n"
            "Later, Roe asked for the records.")
    assert _answer(nlp, text, "Roe") == ("Senator", "Democratic Party")


# --- which affiliation, of several the article gives ----------------------------------------------

AFFILIATION_CHOICE = [
    # a bare President serves the country whose seat of government the article names; nothing else does
    ("President Dale Harmon signed the order. The White House said more would follow.", "Harmon",
     ("President", "United States")),
    ("President Dale Harmon signed the order on Friday.", "Harmon", ("President", None)),
    ("Former President Dale Harmon spoke. The White House said nothing.", "Harmon", ("Former President", None)),
    ("President Lina Ortiz of Harrow College spoke. The White House said nothing.", "Ortiz",
     ("President", "Harrow College")),
    # where an object of the sentence was ("a mentor to X at Y") is not a body X belongs to
    ("Carl Voss was a mentor to Mayor Ann Pike at Dunmore College.", "Pike", ("Mayor", None)),
    # a chamber is the body of a leader's title, a beat before any other title
    ("House Speaker Ann Pike said the vote would wait.", "Pike", ("Speaker", "House")),
    ("House editor Ann Pike said the race was close.", "Pike", ("House editor", None)),
    # a party word that starts an organisation's name is the organisation
    ("Republican National Committee spokesman Ned Gray denied it.", "Gray",
     ("spokesman", "Republican National Committee")),
    # an acronym is written out where the article spells it
    ("The Harbor Workers Alliance met on Monday. HWA director Lena Cruz said pay must rise.", "Cruz",
     ("director", "Harbor Workers Alliance")),
    # "(R)" alone is the party
    ("Gov. Ray Lund (R) signed the order. Republicans cheered.", "Lund", ("Governor", "Republican Party")),
    # a body is named; a field is no affiliation and stays in the role
    ("Rep. Jo Park (D-Ore.), a leading advocate for clean water, spoke. Democrats agreed.", "Park",
     ("Representative", "Democratic Party")),
    ("Lena Cruz, vice president for research at the Dunmore Institute, said costs rose.", "Cruz",
     ("vice president for research", "Dunmore Institute")),
    ("Ned Gray, a senior adviser to the Harlow campaign, said the polls were wrong.", "Gray",
     ("senior adviser", "Harlow campaign")),
    # relative clauses on an appositive: what the person does now
    ("Ned Gray, a former Treasury official who runs Dunmore Partners, said rates would rise.", "Gray",
     ("former official", "Dunmore Partners")),
    ("Omar Hale, a chemist who is the chief scientist of the Clean Air Program, said so.", "Hale",
     ("chief scientist", "Clean Air Program")),
    # a position held once, in the past tense
    ("Ned Gray, who led the Harbor Workers Alliance from 1990 to 1996, said the strike would fail.", "Gray",
     ("former leader", "Harbor Workers Alliance")),
    # "now" says which of two positions is current
    ("Ned Gray, an aide to Senator Jo Park, spoke. Gray is now the chairman of the Harlow Foundation.", "Gray",
     ("chairman", "Harlow Foundation")),
    # a title "of" a state serves its government
    ("Lena Cruz, the Republican attorney general of Ohio, said she would appeal.", "Cruz",
     ("attorney general", "Ohio")),
    # the party the article counts the person among
    ("Fellow Democrats, including Senator Jo Park of Oregon, backed the bill.", "Park",
     ("Senator", "Democratic Party")),
    ("Oregon Sen. Jo Park spoke first.\n\nThe Democratic senator later asked for the records.", "Park",
     ("Senator", "Democratic Party")),
    ("Ann Pike, her Republican opponent, said the plan would fail.", "Pike", ("opponent", "Republican Party")),
    # a possessor, not the topic: only a party description that is the main subject is carried to
    ("When it comes to Ann Pike's record, the Democratic nominee's aides say little.", "Pike",
     ("nominee", "Democratic Party")),
    ("When it comes to Ann Pike's record, the nominee's aides say little.", "Pike", (None, None)),
    # the body a writer writes for, named even where the recogniser missed it; never a person
    ('"The race is close," wrote Ann Pike for the Lakeside Courier.', "Pike", (None, "Lakeside Courier")),
    ("Ann Pike wrote for Ned Gray in 2010. Gray won.", "Pike", (None, None)),
]

GUARDS = [
    # what the person is reported to say about someone else is not about them
    ("Ann Pike said the 80-year-old judge's mind was gone.", "Pike", (None, None)),
    # a party description only for the very title: "the Labour chancellor" is no Vice Chancellor's
    ("Vice Chancellor Ann Pike spoke. Voters cheered the Labour chancellor on Monday.", "Pike",
     ("Vice Chancellor", None)),
    # "presumptive" qualifies the role; the party word in it is the affiliation
    ("Presumptive Labour mayoral nominee Ann Pike spoke.", "Pike",
     ("Presumptive mayoral nominee", "Labour Party")),
    # a person after "to" is no affiliation; a noun that is no title says less than one
    ("Sen. Ned Gray, a close adviser to Ann Pike, spoke. Pike agreed.", "Gray", ("Senator", None)),
    ("Sen. Ned Gray (Ore.), her Democratic rival, spoke.", "Gray", ("Senator", "Democratic Party")),
    ("House Rep. Ned Gray (R-Wis.) voted no.", "Gray", ("Representative", "House")),
    ("AFL-CIO President Ned Gray said no.", "Gray", ("President", "AFL-CIO")),
]

NO_AFFILIATION = [
    # two senators: "the Democratic senator" could be either
    ("Oregon Sen. Jo Park spoke first. Sen. Ned Gray spoke next.\n\nThe Democratic senator later left.", "Park",
     ("Senator", "Oregon")),
    # a person as the possessor is the weakest affiliation, below a party tag
    ("Attorney General Roy Dane (D), Pike's opponent, spoke. Ann Pike, a Democrat, did not.", "Dane",
     ("Attorney General", "Democratic Party")),
]

# Bodies outside politics: companies, colleges, clubs, groups, as the article writes them.
BODIES_OUTSIDE_POLITICS = [
    # "X of Y" where the recogniser names no entity
    ('"Sales were poor," said retail analyst Tom Hale of Brightwater Securities.', "Hale",
     ("retail analyst", "Brightwater Securities")),
    # a body whose last word the recogniser once took for a person's name elsewhere
    ('The Library opened. "We are proud," said Ann Moss, chief executive of the Harbour Library.', "Moss",
     ("chief executive", "Harbour Library")),
    # a kind of body, then its name: the name
    ('"We will talk," said Jan Pitt, a research director at analyst firm Qorvel.', "Pitt",
     ("research director", "Qorvel")),
    # a department at a university: the university
    ("Rob Bell, lecturer at the Centre for Robotics at the University of Kent, said it works.", "Bell",
     ("lecturer", "University of Kent")),
    # the owner of the team the person heads
    ('"We see it often," said Ari Koski, who heads Norsoft\'s anti virus team.', "Koski", ("head of anti virus team", "Norsoft")),
    # the parser hangs the title on the body's name
    ('Meg Ross, Channel Nine political correspondent, added: "It is close."', "Ross",
     ("political correspondent", "Channel Nine")),
    # a place that starts an organisation's name, before a hyphened title
    ("US Treasury Under-Secretary Jon Tull said the US could not agree.", "Tull", ("Under-Secretary", "US Treasury")),
    # where the person comes from, before "man" or "woman", when nothing better is said
    ("Tasmania man Jim Coyle is confident he can win.", "Coyle", (None, "Tasmania")),
    # the article's own initials in brackets
    ('The service is run by the Royal Institute for Blind People (RIB). "We need it," said RIB technology '
     'director, Gus Gyles.', "Gyles", ("technology director", "Royal Institute for Blind People")),
    # a bare "the college" is the college the article named
    ('He opened a show at Harrow College of Art. Joy Jones, head of the college, said the show fitted.', "Jones",
     ("head", "Harrow College of Art")),
    # a thing as possessor is no body: the place is said instead
    ('"I\'m outraged," the show\'s organiser in Kenya, Sara Muka, told reporters.', "Muka", ("organiser", "Kenya")),
    # a people's adjective that names no country is the role's ("European commissioner"); one that does is the country
    ("Ali Khan, the European commissioner, said it.", "Khan", ("European commissioner", None)),
    ("Ann Moss, the French minister, said it.", "Moss", ("minister", "France")),
    ("The Catholic bishop Ann Moss said it.", "Moss", ("Catholic bishop", None)),
    # a field after "of" is the role's, not a body
    ('"We lost," said head of communications Jane Roe.', "Roe", ("head of communications", None)),
    # a company title said bare, in a story about one company: that company; not for other titles, nor
    # when two companies are named as often
    ('Harlan Motors profits fall\n\nHarlan Motors said on Monday that its profits fell. Shares in Harlan Motors '
     'dropped. "We will recover," chief executive Ann Lee said.', "Lee", ("chief executive", "Harlan Motors")),
    ('Harlan Motors profits fall\n\nHarlan Motors said on Monday that its profits fell. Shares in Harlan Motors '
     'dropped. "We will recover," analyst Ann Lee said.', "Lee", ("analyst", None)),
    ('Harlan Motors profits fall\n\nPrices rose on Monday. Harlan Motors said that its profits fell. Shares in '
     'Harlan Motors and Ivel Bank dropped. Ivel Bank was hit. Ivel Bank cut jobs. "We will recover," chief '
     'executive Ann Lee said.', "Lee", ("chief executive", None)),
    # the body whose report the person wrote; not a person named in the story
    ('"It grows," said Jon Crane, co author of the Ofcom report.', "Crane", ("co author of Ofcom report", "Ofcom")),
    ('Senator Roy Muller wrote the study last year. "It grows," said Jon Crane, co author of the Muller report.',
     "Crane", ("co author of Muller report", None)),
    # joining a body, past in form, is being with it now; joining no named body says nothing
    ("Tom Hale, 25, who joined Brightwater Rovers last year, said he was happy.", "Hale", (None, "Brightwater Rovers")),
    ("Tom Hale, 25, who joined the protest last year, said he was happy.", "Hale", (None, None)),
    # an age between the name and where the person is from; a body noun with its name before it
    ("Jo Bloggs, 27, of Harlow, said the road was dangerous.", "Bloggs", (None, "Harlow")),
    ('"We are worried," said Jo Bloggs of the GMB union.', "Bloggs", (None, "GMB union")),
    ('"We are worried," said Jo Bloggs of the union.', "Bloggs", (None, None)),
    # "managing" belongs to the title, so the body before it is reached
    ("Acme Holdings managing director Jo Bloggs said the deal was good.", "Bloggs",
     ("managing director", "Acme Holdings")),
    # a party office with the party's name in it is not the company's
    ('Harlan Motors profits fall\n\nHarlan Motors said on Monday that its profits fell. Shares in Harlan Motors '
     'dropped. "We will recover," Greenway co chairman Ann Lee said.', "Lee", ("co chairman", "Greenway")),
    # a team title said bare: the side the story names first and often; a side given at the name wins
    ('Norway hold on to win\n\nNorway beat Chile 2-1 on Saturday. Norway led early and Chile replied. Norway '
     'scored late. "We deserved it," said coach Ann Lee.', "Lee", ("coach", "Norway")),
    ('Norway hold on to win\n\nNorway beat Chile 2-1 on Saturday. Norway led early and Chile replied. Norway '
     'scored late. "We deserved it," said Chile coach Ann Lee.', "Lee", ("coach", "Chile")),
    ('Norway hold on to win\n\nNorway beat Chile 2-1 on Saturday. Norway led early and Chile replied. Norway '
     'scored late. "We deserved it," said fan Ann Lee.', "Lee", (None, None)),
    # two titles joined before the name are one role, the body before them its affiliation
    ('"This year\'s list shows real growth," said Velmor founder and director Ann Lee.', "Lee",
     ("founder and director", "Velmor")),
    ("Ann Pike and director Ann Lee said it grew.", "Lee", ("director", None)),
    # a body's initials before a title, whatever the tagger made of them; two letters are a field
    ("BIVA founder Ann Lee said the list shows real growth.", "Lee", ("founder", "BIVA")),
    ('"It grew," said TV presenter Ann Lee.', "Lee", ("TV presenter", None)),
    # "based at" a body: that body; based in a place says only where
    ("Professor Ann Lee, based at Harbour University, has spent years on it.", "Lee",
     ("Professor", "Harbour University")),
    ("Ann Lee, based in Leeds, has spent years on it.", "Lee", (None, None)),
    # "Conservative" before a title is the party where the article names that party outright too;
    # elsewhere an outlook, kept in the role
    ("The Tories hit back. Conservative co chairman Ann Lee said the plans were a sign of abuse.", "Lee",
     ("co chairman", "Conservative Party")),
    ("Labour hit back. Conservative co chairman Ann Lee said the plans were a sign of abuse.", "Lee",
     ("Conservative co chairman", None)),
    ("Conservative economist Ann Lee said it.", "Lee", ("Conservative economist", None)),
    # a short form of a body the article also writes in full: the full name
    ("Harbour Athletic won on Sunday. Ann Lee, the Harb Ath coach, said it was deserved.", "Lee",
     ("coach", "Harbour Athletic")),
    ("Ann Lee, the Harb Ath coach, said it was deserved.", "Lee", ("coach", "Harb Ath")),
    # a company said short in the headline and again, in full once: still the story's one company
    ('Velmor aims high after fall\n\nVelmorTransit saw profits fall. Velmor said costs rose. "We will recover," '
     'chief executive Ann Lee said.', "Lee", ("chief executive", "VelmorTransit")),
]

# A name's longer form in the article: word for word, each a shortening; or one word run into a longer one.
LONGER_NAMES = [
    ("Harb Ath won. Harbour Athletic lost.", "Harb Ath", "Harbour Athletic"),
    ("Velmor rose. VelmorTransit fell.", "Velmor", "VelmorTransit"),
    ("At The Harbour Athletic ground, Harb Ath won.", "Harb Ath", "Harbour Athletic"),
    # not a shortening: another first letter, a plural, two longer forms, initials, the name alone
    ("Harb Ath won. Marbour Athletic lost.", "Harb Ath", None),
    ("The Greens said the Green vote rose.", "Green", None),
    ("Harb Ath won. Harbour Athletic and Harbour Athletes lost.", "Harb Ath", None),
    ("BT rose. BTech fell.", "BT", None),
    ("Harb Ath won.", "Harb Ath", None),
]


@pytest.mark.parametrize("text,word,expected", AFFILIATION_CHOICE + GUARDS + NO_AFFILIATION + BODIES_OUTSIDE_POLITICS)
def test_which_affiliation(nlp: Language, text: str, word: str, expected: tuple) -> None:
    assert _answer(nlp, text, word) == expected


@pytest.mark.parametrize("text,name,expected", LONGER_NAMES)
def test_the_article_s_longer_name(text: str, name: str, expected: str | None) -> None:
    assert longer_name(text, name) == expected


ROLE_CHOICE = [
    # a plural title before two coordinated names is each one's; before one name it is nobody's
    ("Sens. Jon Tate (D-Mont.) and Dave Vale (R-La.) asked for a vote. Republicans and Democrats split.", "Vale",
     ("Senator", "Republican Party")),
    ("Angry Lawmakers Blast Dave Vale Over Vote.\n\nVale said nothing.", "Vale", (None, None)),
    # "former" said of both coordinated roles
    ("Ned Gray, a former Harbor Workers Alliance chairman and mayoral candidate, said so.", "Gray",
     ("former chairman and mayoral candidate", "Harbor Workers Alliance")),
]


# Roles outside politics and the words around them that are no part of a role.
ROLES_BY_SHAPE_AND_PARSE = [
    # a noun shaped like a job (-er, -or, -ist, -ian) before the name is a role, slash and lost hyphen kept
    ("He toured with Riverton songwriter/guitarist Tom Reed last year.", "Reed", ("songwriter/guitarist", "Riverton")),
    ("Labour policy co ordinator Tom Reed said the plan was costed.", "Reed", ("policy co ordinator", "Labour Party")),
    # ... but a listed title said of the person outweighs a description by shape
    ("Veteran games maker Tom Reed, the head of Lantern Studios, said the prize was a surprise.", "Reed",
     ("head", "Lantern Studios")),
    ("But it was Harlow donor Tom Reed, a Dover real estate tycoon, who paid for it.", "Reed",
     ("real estate tycoon", "Dover")),
    ("The film won three awards, and its star Ann Frey was named best actress.", "Frey", ("star", None)),
    # a name is no role ("moniker"), nor an age; the noun the name is given to is
    ("The Welsh gamer, known only by his moniker Zapper, bought the island.", "Zapper", ("gamer", "Wales")),
    ("A dog known as Rex barked all night.", "Rex", (None, None)),
    ("The teenager Tom Reed said he was tired.", "Reed", (None, None)),
    # a superlative ranks the person, it names no position
    ("Ann Frey, the youngest female captain in the league, said the hours were long.", "Frey",
     ("female captain", None)),
    ("Ann Frey, the most senior female surgeon on the ward, said the hours were long.", "Frey",
     ("female surgeon", None)),
    # a current role and a former one coordinated: the current one
    ("Ann Frey, the trade commissioner and former Labour minister, said the talks had stalled.", "Frey",
     ("trade commissioner", "Labour Party")),
    # "a member of" in a relative clause says less than the title before the name
    ("Labour MP Ann Frey, who is a member of the Harbor Finance Committee, said the bill was flawed.", "Frey",
     ("MP", "Labour Party")),
    # a body and its title in one appositive, the title hung on the body by the parser
    ("Carl Dunn, Lakeside Radio political correspondent, said the vote would be close.", "Dunn",
     ("political correspondent", "Lakeside Radio")),
    # "now" marks what the person is now, and is no part of the role
    ('Ivy Marsh, a former Lantern Bank aide, spoke first. "It was hard," said Marsh, now a consultant on trade in '
     'the private sector.', "Marsh", ("consultant", "Lantern Bank")),
    ("Ivy Marsh, now a consultant, said it was hard.", "Marsh", ("consultant", None)),
    # "who heads Y's unit": the unit is part of the role, Y the body; not what someone once ran
    ("Mikko Lahti, who heads Norsafe's anti virus team, said the hoax was old.", "Lahti",
     ("head of anti virus team", "Norsafe")),
    ("Ann Frey, who runs Harrow Bank's research unit, said rates would rise.", "Frey",
     ("head of research unit", "Harrow Bank")),
    ("Ann Frey, who loves Harrow Bank's new logo, said rates would rise.", "Frey", (None, None)),
    # a role read off a verb says less than the title before the name
    ("Labour peer Ann Frey, who is chairing the Harbor Inquiry into voting, said trust was low.", "Frey",
     ("peer", "Labour Party")),
    # one of a group with a title: each holds it
    ("The coach says his young players, particularly Tom Reed and Al Dent, are ready.", "Reed", ("player", None)),
    ("Three ministers, including Ann Frey, resigned on Monday.", "Frey", ("minister", None)),
    ("Several critics, including Ann Frey, spoke out on Monday.", "Frey", (None, None)),
    ("Her friends, particularly Ann Frey, were upset.", "Frey", (None, None)),
    # a name opening the first paragraph under a headline is its subject: the next sentence's description is them
    ("Reed loses to Dent in Dover\n\nTom Reed suffered a shock defeat to Al Dent in Dover on Friday.\n\n"
     "The top seed was a strong favourite for the title.", "Reed", ("top seed", None)),
    ("Upset in Dover\n\nA big crowd cheered for Tom Reed in Dover on Friday.\n\n"
     "The top seed was a strong favourite for the title.", "Reed", (None, None)),
]


@pytest.mark.parametrize("text,word,expected", ROLES_BY_SHAPE_AND_PARSE)
def test_roles_by_shape_and_parse(nlp: Language, text: str, word: str, expected: tuple) -> None:
    assert _answer(nlp, text, word) == expected


@pytest.mark.parametrize("text,word,expected", ROLE_CHOICE)
def test_which_role(nlp: Language, text: str, word: str, expected: tuple) -> None:
    assert _answer(nlp, text, word) == expected


@pytest.mark.parametrize("text,description,expected", [
    ('"Welcome home," an announcer told the crowd.', "an announcer", ("announcer", None)),
    ('"Vote early," the ad\'s narrator says.', "the ad's narrator", ("narrator", None)),
    # a document or an event speaks with no role
    ('"Costs rose," a report from the Dunmore Institute said.', "a report from the Dunmore Institute",
     (None, None)),
    # a group speaks for the body named before it; a person's name or an adjective names none
    ("Ofcom officials said they would act.", "Ofcom officials", (None, "Ofcom")),
    ("Ann Lee spoke. Lee supporters said they would act.", "Lee supporters", (None, None)),
    ("Angry workers said they would act.", "Angry workers", (None, None)),
])
def test_a_speaker_known_only_by_a_description(nlp: Language, text: str, description: str, expected: tuple) -> None:
    doc = nlp(text)
    start = text.index(description)
    span = doc.char_span(start, start + len(description))
    assert span is not None
    assert role_and_affiliation(doc, [span]) == expected


@pytest.mark.parametrize("later,expected", [
    # the description introduces someone named right after it: its role is theirs, not the linked person's
    ('"Nobody knew," Lord Dunmore told reporters.', (None, "Harbor Party")),
    # no one new is named: the description may be the person
    ('"Nobody knew," Frey told reporters.', ("chief executive", "Harbor Party")),
])
def test_a_description_that_introduces_someone_else(nlp: Language, later: str, expected: tuple) -> None:
    text = ('Ann Frey has been under fire this week. Ten members missed the vote. On Monday, the Harbor Party '
            'chief executive said it was '
            '"a mistake" that the party missed the vote. ' + later)
    doc = nlp(text)
    quoted = [(r.start, r.end) for r in quoted_runs(text)]
    start = text.index("Harbor Party chief executive")
    description = doc.char_span(start, start + len("Harbor Party chief executive"))
    assert description is not None
    assert role_and_affiliation(doc, _mentions(doc, "Frey") + [description], quoted=quoted) == expected


def test_a_name_hung_on_the_client_of_an_attorney(nlp: Language) -> None:
    # "An attorney for Y, X, said": X is the attorney; a person (Y) is no affiliation
    assert _answer(nlp, "An attorney for Bryce, Mark Dillard, said no.", "Dillard") == ("attorney", None)


def test_the_next_sentence_about_the_person_by_their_pronoun(nlp: Language) -> None:
    text = "Ann Pike grew up in Ohio. She serves as the chief judge of the Lane County court. Later she left."
    doc = nlp(text)
    she = [doc[t.i:t.i + 1] for t in doc if t.text == "she"]  # a later "she", not the predicate's
    # the pronoun is the person's own only when it is among their mentions
    assert role_and_affiliation(doc, [doc[0:2]])[0] is None
    assert role_and_affiliation(doc, [doc[0:2]] + she)[0] == "chief judge"


def test_an_organisation_is_not_its_own_affiliation(nlp: Language) -> None:
    text = "The Harbor Workers Alliance said its members would strike. The Harbor Workers Alliance has 900 members."
    doc = nlp(text)
    spans = [doc.char_span(text.index("Harbor"), text.index(" said")), doc.char_span(text.rindex("Harbor"),
                                                                                      text.index(" has"))]
    assert role_and_affiliation(doc, [s for s in spans if s], is_org=True) == (None, None)


def test_a_party_description_further_on_while_the_person_stays_the_subject(nlp: Language) -> None:
    text = ("Ann Pike spoke on Monday. She said taxes would fall. She also promised new roads. "
            "The GOP candidate did not say how she would pay for them.")
    doc = nlp(text)
    spans = [doc.char_span(0, 8)] + [doc[t.i:t.i + 1] for t in doc if t.text == "She"]
    assert role_and_affiliation(doc, spans) == ("candidate", "Republican Party")
    # without the person's own pronoun among the mentions, the chain is not followed
    assert role_and_affiliation(doc, spans[:1]) == (None, None)
    # nor through reported words, which may be about someone else
    quoted = ('Ann Pike spoke on Monday. "This man is unfit," she said. The GOP candidate did not reply.')
    doc = nlp(quoted)
    spans = [doc.char_span(0, 8)] + [doc[t.i:t.i + 1] for t in doc if t.lower_ == "she"]
    assert role_and_affiliation(doc, spans) == (None, None)


# --- the lexicons --------------------------------------------------------------------------------

PLACES = [
    ("US", "United States"), ("U.S.", "United States"), ("American", "United States"),
    ("United States", "United States"), ("North Korean", "North Korea"), ("British", "United Kingdom"),
    ("Kenyan", "Kenya"), ("Bremen", None), ("university", None),
    # a region, state or province is no country: kept as the article writes it
    ("Vt.", None), ("Texas", None), ("Quebec", None),
]


@pytest.mark.parametrize("words,expected", PLACES)
def test_places_are_written_as_their_names(words: str, expected: str | None) -> None:
    assert place_name(words) == expected


@pytest.mark.parametrize("word,expected", [("GOP", "Republican Party"), ("Democrat", "Democratic Party"),
                                           ("Democratic", "Democratic Party"), ("democratic", None),
                                           ("Senate", None)])
def test_party_words(word: str, expected: str | None) -> None:
    assert party_name(word) == expected


@pytest.mark.parametrize("word,expected", [("Sen.", "Senator"), ("Rep.", "Representative"), ("Gov.", "Governor"),
                                           ("Lt.", "Lieutenant"), ("Mayor", "Mayor"), ("professor", "professor")])
def test_abbreviated_titles_are_written_out(word: str, expected: str) -> None:
    assert expand(word) == expected


@pytest.mark.parametrize("word,expected", [("Sen.", True), ("spokeswoman", True), ("Senators", True),
                                           ("Mr.", False), ("Tuesday", False)])
def test_title_words(word: str, expected: bool) -> None:
    assert is_title(word) is expected


@pytest.mark.parametrize("text,word,expected", [
    ("U.S. Ambassador Jill Park met the minister.", "Park", ("Ambassador", "United States")),
    ("American diplomat Jill Park met the minister.", "Park", ("diplomat", "United States")),
    ("GOP strategist Ann Vale predicted a close race.", "Vale", ("strategist", "Republican Party")),
    ("British envoy Tim Gale arrived on Sunday.", "Gale", ("envoy", "United Kingdom")),
])
def test_affiliations_are_normalised(nlp: Language, text: str, word: str, expected: tuple) -> None:
    assert _answer(nlp, text, word) == expected


SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_804a390cb46da908.txt"


@pytest.mark.parametrize("surname,expected", [
    ("Lim", ("professor", "Kyungnam University’s Institute for Far Eastern Studies")),
    ("Trump", ("President", "United States")),
    ("Chung", ("Unification Minister", None)),
])
def test_the_seed_speakers(nlp: Language, surname: str, expected: tuple) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert _answer(nlp, text, surname) == expected


@pytest.mark.parametrize("words", ["late", "former", "then-", "onetime", "presumptive"])
def test_a_run_of_qualifiers_alone_is_no_role(nlp: Language, words: str) -> None:
    # "the late Ann Lee": the run before the name is all qualifiers, and leaves nothing to read
    doc = nlp(f"The {words} Ann Lee wrote it.")
    assert split_title_run([doc[1]], need_title=True) == (None, None, ORG)
