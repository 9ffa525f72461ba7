"""Role words as typed data: the titles and positions news writing gives people.

Used by ``roles`` to tell a title standing before a name ("Unification Minister Chung")
or heading a description ("a professor at ...") from other words, and to write out
abbreviated titles the way the contract wants them ("Sen." is "Senator"); the words that say a
role is past or present, and the verbs and prepositions that give one. Also the title
abbreviations whose dot ends no sentence, for ``quotes.sentences``.
All keys are lower case; abbreviations are keyed without their dot.
"""
from __future__ import annotations

from typing import Final

from .names import COURTESY_TITLES, TITLE_LONG_FORMS

# Abbreviated titles and their long forms as a role is written ("Sen." is "Senator"): ``names.TITLE_LONG_FORMS``
# but "Dr.", which names no position.
ABBREVIATIONS: Final[dict[str, str]] = {abbrev: long.capitalize() for abbrev, long in TITLE_LONG_FORMS.items()
                                        if abbrev != "dr"}

# Abbreviated titles that stand before a name, so their dot never ends a sentence ("Sens. Roe and ...").
# Not merged with ABBREVIATIONS and ``names.HONORIFICS``: one list for both changes answers.
ABBREVIATIONS_BEFORE_NAMES: Final[frozenset[str]] = frozenset("""
mr mrs ms dr sen sens rep reps gov govs pres lt gen col capt sgt cpl maj adm cmdr prof rev hon
""".split())

# Nouns that name a position: the last word of a role ("press secretary", "chief economist").
TITLE_HEADS: Final[frozenset[str]] = frozenset("""
president vice-president president-elect senator representative congressman congresswoman
congressperson governor lieutenant mayor minister premier chancellor secretary undersecretary
chairman chairwoman chairperson chair co-chair cochair leader whip speaker nominee candidate
spokesman spokeswoman spokesperson director co-director deputy head chief ceo cfo coo cto
executive officer founder co-founder cofounder owner manager strategist
adviser advisor aide counsel counselor attorney lawyer prosecutor judge justice magistrate
commissioner ambassador envoy diplomat general admiral colonel major captain sergeant
commander trooper sheriff marshal detective inspector superintendent principal dean
provost professor lecturer instructor teacher researcher scientist economist analyst
scholar fellow historian pollster consultant surrogate operative organizer organiser activist
advocate lobbyist editor reporter correspondent columnist writer journalist anchor host
commentator contributor producer publisher author novelist playwright playwright-in-residence
actor actress singer rapper musician artist comedian coach quarterback player
physician doctor surgeon nurse psychiatrist psychologist epidemiologist pastor
priest bishop archbishop cardinal pope rabbi imam reverend chaplain treasurer
comptroller controller auditor clerk administrator coordinator delegate assemblyman assemblywoman
councilman councilwoman councilmember alderman legislator lawmaker senator-elect king queen
prince princess monarch dictator strongman ruler regent governor-general
official agent investigator specialist expert engineer architect
entrepreneur investor banker developer businessman businesswoman mogul tycoon
veteran staffer associate
boss mp mep msp peer footballer cricketer golfer athlete sprinter runner cyclist swimmer
boxer jockey striker goalkeeper keeper goalie midfielder defender winger fullback full-back fly-half scrum-half
flanker batsman bowler pitcher catcher referee umpire seed filmmaker film-maker chef star
""".split())

# Nouns that say who someone is to others, not what position they hold: never a role.
NOT_ROLES: Final[frozenset[str]] = frozenset("""
man woman person people guy girl boy child kid son daughter father mother wife husband brother sister
niece nephew uncle aunt cousin grandson granddaughter grandfather grandmother grandchild parent-in-law
friend boyfriend girlfriend fiancé fiancee widow widower neighbor neighbour one thing name age year
family relative relatives teenager youngster pensioner
""".split())

# Endings of nouns for people by what they do ("announcer", "narrator", "protester", "applicant"),
# and the nouns with those endings that name things instead ("-ent" names too many things to list:
# "government", "percent", "movement").
AGENT_ENDINGS: Final[tuple[str, ...]] = ("er", "or", "ist", "ant")
NOT_AGENTS: Final[frozenset[str]] = frozenset("""
paper newspaper letter order poster flyer number banner trailer chapter center centre matter answer
cover computer monitor document report error sector factor mirror motor favor favour behavior
behaviour color colour horror rumor rumour power tower water border corner quarter register moniker
""".split())

# Words that only describe a role and are kept with it ("former President", "acting director").
ROLE_QUALIFIERS: Final[frozenset[str]] = frozenset("""
former ex then acting interim incoming outgoing retired late longtime long-time current
onetime one-time erstwhile future then- presumptive
""".split())

# A verb in "X, who heads Y" and the role it gives.
ROLE_VERBS: Final[dict[str, str]] = {
    "head": "head", "lead": "leader", "chair": "chair", "direct": "director", "found": "founder",
    "co-found": "co-founder", "cofound": "co-founder", "manage": "manager", "own": "owner",
    "run": "head", "edit": "editor", "teach": "teacher", "coach": "coach", "represent": "",
    "work": "", "serve": "", "helm": "head",
}

# Of those, the roles one holds for a time: "who helmed Y until 1997" was the former head of Y.
ROLE_VERBS_HELD: Final[frozenset[str]] = frozenset({"head", "leader", "chair", "director", "manager", "editor", "coach"})

# Titles held in a company and said bare in a story about it ("Chief executive Jo Bloggs said"):
# the company the story is about is the body.
COMPANY_TITLES: Final[frozenset[str]] = frozenset({
    "chief executive", "chief executive officer", "ceo", "chairman", "chairwoman", "managing director",
    "finance director", "chief financial officer", "spokesman", "spokeswoman", "spokesperson", "boss",
})

# Titles held in a sports team and said bare in a story about it ("coach Jo Bloggs said"): the team
# (a club, or a country's side) the story is about is the body.
TEAM_TITLES: Final[frozenset[str]] = frozenset({"coach", "head coach", "manager", "captain", "skipper"})

# Titles of a national government's leaders: a bare "President" serves the country whose seat of
# government the article names ("the White House"), see ``places.SEATS``.
NATIONAL_TITLES: Final[frozenset[str]] = frozenset({
    "president", "vice president", "vice-president", "president-elect", "secretary of state",
    "prime minister", "first lady",
})

# Chambers of a legislature. Before a title that leads one ("Senate Majority Leader", "House Speaker")
# the chamber is the body the person belongs to; before any other title ("House editor") it is part of
# the role, a beat rather than an employer.
CHAMBERS: Final[frozenset[str]] = frozenset({"Senate", "House", "Assembly"})
LEGISLATIVE_TITLES: Final[frozenset[str]] = frozenset({
    "leader", "speaker", "whip", "chairman", "chairwoman", "chair", "member", "majority", "minority",
    "president", "clerk", "parliamentarian", "chaplain", "representative", "delegate",
})

# Honorifics that stand before a name but say nothing about a position: the courtesy titles, "Dr." and
# "Madame" ("Prof." and "Rev." are roles here). Not merged with ``names.HONORIFICS``: that changes answers.
NO_ROLE_HONORIFICS: Final[frozenset[str]] = frozenset(COURTESY_TITLES) | {"dr", "madame"}

# Words that mark a role as one the person no longer holds: "former secretary", "ex-chairman".
PAST_QUALIFIERS: Final[frozenset[str]] = frozenset({"former", "ex", "ex-", "onetime", "one-time", "erstwhile", "then",
                                                    "then-"})
# Words that say a role is held now: "X is now the chief economist", "currently a director".
NOW_WORDS: Final[frozenset[str]] = frozenset({"now", "currently"})
# Endings of nouns that name what a person does: an economist, a historian, a spokesman.
TITLE_LIKE_ENDINGS: Final[tuple[str, ...]] = ("ist", "ian", "spokesman", "woman")
# Prepositions that give a role's body: "a professor at Y", "a spokeswoman for Y", "the CEO of Y".
AFFILIATION_PREPS: Final[frozenset[str]] = frozenset({"at", "for", "with", "of", "from"})
# Verbs of becoming a member ("who joined Acme", "who signed for Rovers"): past in form, the body now.
JOIN_VERBS: Final[frozenset[str]] = frozenset({"join", "sign"})
# Verbs whose "at/for/with Y" names the employer: "works at Y", "wrote for Y", "serves with Y".
EMPLOYED_VERBS: Final[frozenset[str]] = frozenset({"work", "serve", "write", "report", "teach", "study"})
# Verbs whose agent owns the subject: "FactDesk is operated by Y".
OWNED_VERBS: Final[frozenset[str]] = frozenset({"operate", "own", "run", "publish", "fund"})


def expand(word: str) -> str:
    """A title word written out: "Sen." is "Senator"; any other word is returned as it is."""
    key = word.rstrip(".").lower()
    if word.endswith(".") or key in ABBREVIATIONS and word[:1].isupper() and len(word) <= 5:
        return ABBREVIATIONS.get(key, word)
    return word


def is_title(word: str) -> bool:
    """True for a word that can end a role: a position noun or an abbreviated title."""
    key = word.lower()
    if word.endswith(".") and key.rstrip(".") in ABBREVIATIONS:
        return True
    # "Senators Roe and Doe": a plural title before names.
    return key in TITLE_HEADS or (key.endswith("s") and key[:-1] in TITLE_HEADS and word[:1].isupper())
