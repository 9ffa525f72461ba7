"""Name words as typed data: honorifics and titles that stand before a name, first names by gender,
suffixes after a surname ("Jr."), and the small words an organisation's initials skip.

Used to strip titles from a name ("Sen. Ted Cruz" is the person Ted Cruz) and to tell
a person's gender where the article does not ("Hillary" with "she"), or where it says
so with a noun ("spokeswoman", "her husband"). The first-name
list is a small, common-names sample: a name it lacks simply has no gender.
"""
from __future__ import annotations

from typing import Final

# Courtesy titles before a name, and the gender each gives (lower case, without the dot).
COURTESY_TITLES: Final[dict[str, str]] = {
    "mr": "m", "mister": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "dame": "f",
}
# Words that can stand before a name and are not part of it: courtesy, academic and clerical titles.
HONORIFICS: Final[dict[str, str | None]] = {
    **COURTESY_TITLES,
    "dr": None, "prof": None, "professor": None, "rev": None, "reverend": None, "fr": "m", "father": "m",
}

# Other words that can stand before a name and are not part of it: titles, abbreviated or not, and the
# words that go with them ("former", "U.S.", "Republican"). Not merged with ``titles.TITLE_HEADS``, the
# nouns that end a role: one list for both changes answers.
TITLES: Final[frozenset[str]] = frozenset("""
sen senator rep representative gov governor president vice pres secretary sec gen general
lt col colonel capt captain sgt sergeant adm admiral cmdr commander maj major cpl corporal
atty attorney judge justice chief minister premier chancellor mayor councilman councilwoman
ambassador amb sheriff officer detective coach speaker leader chairman chairwoman chair
ceo director commissioner superintendent supt trooper deputy agent pastor bishop rabbi imam
pope king queen prince princess lord lady former late then-candidate candidate nominee
u.s. us state house senate congressman congresswoman assemblyman assemblywoman delegate del
first republican democratic democrat gop presidential
""".split())

# Common first names by gender, a small sample: a name in neither list, or in both, gives no gender.
FEMALE_FIRST: Final[frozenset[str]] = frozenset("""
lily lillian ava ella emma mia isabella sophie chloe zoey leah audrey claudia carmen
veronica adriana azucena christina cristina karina gabriela daniela valeria lucia elena
natasha svetlana olga irina tatiana yulia ayaan malala benazir indira marine nicola
roseanne rosie whoopi joy beyonce rihanna selena miley britney vanessa tiffany heidi sandy
cindy mindy wendy brandy candace courtney krystal crystal ivana marla cheryl sheryl jodi jody
dolores fiona gwen gwendolyn harriet hattie maya marsha marcia lynn lynne sally shelley kathy
cathy katharine colleen eileen maureen noreen doreen irene ida iris ivy kellyanne hope carly
hillary melania michelle chelsea ivanka sarah sara elizabeth liz nancy susan karen
mary patricia jennifer linda barbara margaret lisa betty dorothy sandra ashley kimberly donna
emily amanda melissa deborah stephanie rebecca laura sharon cynthia kathleen amy shirley
angela helen anna brenda pamela nicole samantha katherine christine debra rachel carolyn janet
catherine maria heather diane ruth julie olivia joyce virginia victoria lauren
joan evelyn judith megan andrea hannah martha jacqueline frances gloria ann teresa kathryn
sophia alice judy madison doris abigail julia grace denise amber marilyn beverly danielle
theresa diana natalie brittany charlotte marie kayla alexis lori tina huma jill kamala
debbie tammy tulsi kirsten dianne maxine condoleezza madeleine loretta valerie jessica
anne jane joanne claire jeanne kate katie meghan megyn connie alicia gennifer monica paula
kellie erin elaine sheila stacey tamara tracy yvonne zoe nikki
melanie sonia sylvia rosa lena susie mika katy patti oprah ellen eva
""".split())

MALE_FIRST: Final[frozenset[str]] = frozenset("""
donald mike michael bill william barack bernie ted tim timothy paul john james robert david
richard joseph joe thomas charles christopher daniel matthew anthony mark steven steve kevin
brian george edward ronald jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
justin scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry
tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold keith
christian roger noah gerald carl sean austin arthur lawrence jesse dylan bryan
billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell
elijah louis bobby philip johnny reince newt rudy rudolph jeb marco rand lindsey mitch
harry jeh al ben hugh corey reid jim jimmy tom tommy dick ron rick ricky mitt tony
andrew andy howard martin nate neil norman ken kenneth greg jay jon bob rob dan dave
phil stan max leo ray rex vladimir moon shinzo emmanuel boris
antonin antonio carlos luis jorge francisco javier miguel pedro rafael ricardo
roberto sergio fernando alejandro eduardo manuel oscar raul ramon hector enrique
mehmet ahmed mohammed muhammad ali omar hassan hussein recep bashar bibi
dmitry sergei igor nikolai mikhail narendra bannon chuck
lyle ernest earl elmer floyd lloyd leon leroy lester
jared josh joshua don fred hank herb karl kurt lyndon ross spencer stuart todd trent vance
""".split())


# Nouns that say a person's gender when they stand before a name or next to it as an
# appositive ("Congresswoman Jane Roe", "Jane Roe, his wife,").
GENDERED_NOUNS: Final[dict[str, str]] = {
    **dict.fromkeys("""
    congresswoman assemblywoman councilwoman chairwoman spokeswoman businesswoman congresswomen
    queen princess duchess countess lady actress waitress wife mother daughter sister grandmother
    granddaughter aunt niece widow girlfriend fiancee stepmother mom
    """.split(), "f"),
    **dict.fromkeys("""
    congressman assemblyman councilman chairman spokesman businessman
    king prince duke lord husband father son brother grandfather grandson uncle nephew
    widower boyfriend fiance stepfather dad
    """.split(), "m"),
}

# Abbreviated titles, as news style writes them before a name, and their long forms, so "Gov. Mike
# Pence" is later "the governor"; a plural ("Sens. Roe and Doe") is written out in the singular, since
# a title belongs to one person. ``titles.ABBREVIATIONS`` writes the same as a role ("Senator").
TITLE_LONG_FORMS: Final[dict[str, str]] = {
    "sen": "senator", "sens": "senator", "rep": "representative", "reps": "representative",
    "gov": "governor", "lt": "lieutenant", "gen": "general", "col": "colonel", "maj": "major",
    "capt": "captain", "sgt": "sergeant", "cpl": "corporal", "adm": "admiral", "cmdr": "commander",
    "atty": "attorney", "sec": "secretary", "secy": "secretary", "pres": "president",
    "supt": "superintendent", "amb": "ambassador", "del": "delegate", "rev": "reverend",
    "prof": "professor", "insp": "inspector", "det": "detective", "sup": "superintendent",
    "asst": "assistant", "dep": "deputy", "cong": "congressman", "dr": "doctor",
}


# Words after a surname that are not the surname ("Ann Bo Lee Jr.").
NAME_SUFFIXES: Final[frozenset[str]] = frozenset("jr sr ii iii iv".split())

# Letters after a name that say an office, an honour or a degree, and are no part of the name
# ("Jo Ames QC", "Jo Ames MP", "Jo Ames OBE"); written in capitals, so a word "am" or "td" is never one.
POST_NOMINALS: Final[frozenset[str]] = frozenset("""
qc kc mp mep msp mla td am obe mbe cbe kbe dbe frs phd
""".split())

# Titles of the peerage: a peer named by one of them and one name alone is called by both ("Lord Ames"),
# unlike "Sir" or "Mr", which stand before a name that is whole without them.
PEER_TITLES: Final[frozenset[str]] = frozenset("""
lord lady baron baroness viscount viscountess earl countess marquess marchioness
""".split())

# Small words an organisation's initials skip: "international monetary fund" is "imf".
INITIALS_SKIP: Final[frozenset[str]] = frozenset({"of", "the", "for", "and", "on", "in", "&"})
# The same, and "to", where an organisation's full name is read for the acronym the article may use
# ("Campaign to Save Harbors": "CSH"). Kept apart: one list for both changes answers.
ORG_INITIALS_SKIP: Final[frozenset[str]] = INITIALS_SKIP | {"to"}


def long_title(word: str) -> str:
    """A title word in lower case, written out when abbreviated ("Sen." -> "senator")."""
    w = word.lower().rstrip(".")
    return TITLE_LONG_FORMS.get(w, w)


def title_word(word: str) -> bool:
    """A word that stands before a name but is not part of it (Mr., Sen., President, ...)."""
    w = word.lower().rstrip(".")
    return w in HONORIFICS or w in TITLES


def honorific_gender(word: str) -> str | None:
    """'m' or 'f' for Mr./Mrs./Ms. and the like; None otherwise."""
    return HONORIFICS.get(word.lower().rstrip("."))


def first_name_gender(word: str) -> str | None:
    """'m' or 'f' where the first name is a common one of that gender; None otherwise."""
    w = word.lower()
    if w in FEMALE_FIRST and w not in MALE_FIRST:
        return "f"
    if w in MALE_FIRST and w not in FEMALE_FIRST:
        return "m"
    return None


def noun_gender(word: str) -> str | None:
    """'m' or 'f' for a noun that says a person's gender ("spokeswoman", "husband"); None otherwise."""
    return GENDERED_NOUNS.get(word.lower().rstrip("."))
