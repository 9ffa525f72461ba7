"""Event words: the nouns that name an event words were said at, the outlets and audiences they
were said to, and the verbs and prepositions that tie words to an event.

Lemmas, lower case; "event" is what the contract calls it ("said in an interview", "told KXTV",
"gave a speech", "on Twitter"). Which token names an event, and how sure, is ``events.candidates``'.
"""
from __future__ import annotations

from typing import Final

from .documents import WRITINGS

# Nouns that name an event words come from: the writings and recordings, and these.
EVENT_NOUNS: Final[frozenset[str]] = WRITINGS | frozenset("""
interview briefing conference gaggle speech address remarks hearing testimony rally
debate forum town-hall townhall tweets
show episode podcast program programme appearance event fundraiser
convention summit meeting session call stop visit tour gathering ceremony luncheon dinner gala
breakfast celebration announcement lecture sermon homily seminar keynote paper
deposition
discussion panel roundtable exposé expose blog website
protest vigil commencement cookout picnic barbecue
""".split())
# Events named by two words whose head alone names none: "a town hall", "a press release".
EVENT_COMPOUNDS: Final[frozenset[tuple[str, str]]] = frozenset({
    ("town", "hall"), ("spin", "room"), ("press", "release"), ("news", "release"),
    ("executive", "order"), ("court", "order"), ("campaign", "stop"), ("fact", "check"),
})
# Nouns that count events: "a series of tweets", "a flurry of posts" name the event.
SERIES_NOUNS: Final[frozenset[str]] = frozenset("series flurry string barrage stream pair couple round".split())
# Words that put an event in the future, so not one words came from.
NOT_YET: Final[frozenset[str]] = frozenset("next upcoming future coming forthcoming planned scheduled".split())
# Verbs that put words on a medium ("wrote on Chirper", "took to Chirper"), not on a topic ("commented on Roe").
POSTING_VERBS: Final[frozenset[str]] = frozenset("say add write post announce tweet take".split())
# A live audience one tells something: "told reporters", "told a crowd in Akron" (a weak event).
AUDIENCE_NOUNS: Final[frozenset[str]] = frozenset(
    "reporter journalist crowd audience supporter listener viewer".split())
# Bodies one tells something in session, an event: "told the committee", "told parliament", "told the court".
ASSEMBLY_NOUNS: Final[frozenset[str]] = frozenset(
    "committee subcommittee inquiry parliament court tribunal jury assembly congress senate council".split())
# Words that title a person one is interviewed by: "told Channel 9 host Jane Roe".
INTERVIEWERS: Final[frozenset[str]] = frozenset("host anchor co-host cohost interviewer moderator correspondent reporter".split())
# Time words right after an event: "an interview earlier Thursday", "a rally today".
TIME_ADVERBS: Final[frozenset[str]] = frozenset("recently earlier later today yesterday tonight".split())

# Prepositions that put words at an event: "said in an interview", "told reporters at a rally".
EVENT_PREPS: Final[frozenset[str]] = frozenset("in during at on aboard via through from after before following over".split())
# Prepositions that place words at an event whatever the verb: "at the hearing", "during a debate".
AT_EVENT_PREPS: Final[frozenset[str]] = frozenset("at during aboard".split())
# Prepositions that put words at an event, not before or after it: "said in", not "said after".
IN_EVENT_PREPS: Final[frozenset[str]] = frozenset("in during at on aboard via".split())
# Prepositions whose phrase belongs to the event: "an interview with ...", "a rally in ...".
PHRASE_PREPS: Final[frozenset[str]] = frozenset("with aboard at in on before of from by for".split())
# Verb and preposition that take an event: "agreed to an interview", "sat down for an interview".
TAKING_PREPS: Final[frozenset[tuple[str, str]]] = frozenset({("agree", "to"), ("sit", "for"), ("take", "to"),
                                                            ("speak", "to")})

# Verbs whose object is an event words are said at: "gave a speech", "issued a statement".
GIVING_VERBS: Final[frozenset[str]] = frozenset(
    "give hold deliver issue post release publish grant air conduct unleash fire write".split())
# Verbs of a short clause that belongs to the event: "a statement released Sunday".
ISSUING_VERBS: Final[frozenset[str]] = frozenset(
    "issue release post publish send air broadcast hold sponsor host file entitle title".split())
# Verbs of taking an award, with the award an event without a noun of speaking: "Accepting the prize, she said".
ACCEPTING_VERBS: Final[frozenset[str]] = frozenset("accept collect receive".split())
AWARD_NOUNS: Final[frozenset[str]] = frozenset("award prize trophy honour honor medal title cup".split())
# Verbs of speaking to an audience, an event without a noun: "speaking to a farmers group".
ADDRESSING_VERBS: Final[frozenset[str]] = frozenset("speak address".split())
# Verbs that name an event after "after", "before" or "while": "said after meeting with the mayor".
MEETING_VERBS: Final[frozenset[str]] = frozenset("meet speak talk testify visit campaign tour debate".split())
# Verbs whose object is an event only weakly tied to the speaker's words: "sent a letter".
SENDING_VERBS: Final[frozenset[str]] = frozenset("send do".split())
