"""Cues: the words that tie a quote to its speaker, as typed lexicons, and the search for them.

Owns the speech verbs (the surest cues), framing and naming verbs (weaker; naming verbs decide a
partial quote even inside another speaker's report), "according to", verbs that report speech only
with a particle, an object or no clause of their own ("shot back", "as X put it", '"...," she
continued'), speech nouns, and the other lists of saying, each for one reader (``UTTERANCE_NOUNS``,
``REPORTING_VERBS``, ``WRITING_VERBS``, passives whose subject still speaks). The cases are tables in
tests/test_cues.py. Not handled: a verb that reports in one sense and acts in another with the same
frame ("offered a defense" / "offered refuge").
"""
from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from .grammar import PARTICLE_DEPS, PHRASAL_OBJECT_DEPS, PREP_OBJECT_DEPS, TIME_ENTS

# Verbs that report speech or writing, by lemma. Not verbs whose news uses mostly do something
# else ("put" a plan together, "fire" an aide, "open" an office, "thank" or "greet" a crowd,
# "point" to a record, "mention" a name): those report speech only with their particle or
# object below ("fired back", "pointed out", "as X put it"), or not at all.
SPEECH_VERBS: Final[frozenset[str]] = frozenset("""
say tell add ask answer reply respond claim underscore note insist warn boast tweet write post
explain argue declare announce state assert acknowledge admit concede confirm deny recall remark
comment observe suggest predict promise vow pledge urge caution complain lament quip joke shout
yell scream cry whisper mutter sing chant conclude repeat reiterate
emphasize emphasise stress report reveal disclose testify allege charge contend
maintain agree disagree object protest counter retort rebut snap rail thunder exclaim
brag gush praise laud hail tout crow rave recount describe recite read quote cite
characterize characterise summarize summarise offer hit retweet email
wonder muse speculate guess estimate reckon bemoan grumble groan sigh
concur affirm proclaim demand plead beg implore advise recommend propose opine
interject interrupt chime counsel lecture preach remind assure reassure inform notify
told telling apologize apologise criticize criticise
blast slam attack accuse condemn denounce decry mock ridicule deride dismiss scoff sneer
taunt jab needle lash question challenge press
bark growl roar holler gripe fume rant scold chide marvel reason
""".split())

# Framing verbs that put a name on someone or something ("X called it a 'disaster'"): a partial
# quote under one of them is that verb's subject's, even inside another speaker's report.
NAMING_VERBS: Final[frozenset[str]] = frozenset("""
call label brand dub term name nickname liken compare refer describe characterize characterise
portray accuse
""".split())

# Verbs that frame a quoted phrase without reporting speech: their subject is the source
# only for a partial quote inside the reporter's sentence ("X called it a 'disaster'"). The
# naming verbs, and these.
FRAMING_VERBS: Final[frozenset[str]] = NAMING_VERBS | frozenset("""
deem consider view see regard
blame credit dismiss reject slam blast attack
praise hail welcome criticize criticise condemn denounce mock ridicule deride
paint cast frame present promise pledge vow threaten urge demand want seek hope
go pound hammer target tout champion defend insist predict warn
""".split())


# Nouns for something said: their owner said it ("Vale's 'keep your plan' promise").
SPEECH_NOUNS: Final[frozenset[str]] = frozenset("""
promise pledge vow comment remark aside quip claim statement slogan phrase line words warning
boast taunt jab insult description catchphrase mantra refrain motto tweet question answer
assertion accusation contention allegation argument suggestion insistence declaration announcement
admission complaint prediction response reply retort assurance criticism denial observation
explanation reminder plea demand threat joke word message
""".split())

# Nouns for words someone said or wrote, which make a quoted run after them speech
# ("chants of 'Four more years'", "the slogan 'Yes We Can'"). Not merged with SPEECH_NOUNS, whose
# nouns give the quote to their owner: one list for both changes answers.
UTTERANCE_NOUNS: Final[frozenset[str]] = frozenset({
    "chant", "cry", "shout", "call", "scream", "yell", "slogan", "motto", "refrain", "catchphrase", "mantra",
    "message", "sign", "placard", "banner", "headline", "tweet", "tagline", "words", "word", "phrase", "remark",
    "comment", "line"})

# Verbs (lemmas) with which a reporter says what someone said or did with words: the verbs an
# event phrase hangs on ("said in an interview", "appeared on KXTV", "campaigned in Ohio").
# Not merged with SPEECH_VERBS, the cues of a quote: one list for both changes answers.
REPORTING_VERBS: Final[frozenset[str]] = frozenset("""
say tell express announce argue claim warn add note state write tweet post call accuse insist
suggest explain acknowledge admit deny assert declare describe praise criticize criticise slam blast
defend urge predict promise vow pledge respond reply ask question emphasize emphasise stress underscore
reiterate recall joke concede complain contend maintain counter dismiss attack charge allege
confirm report reveal disclose testify propose reject refuse decline threaten boast brag
lament mock blame credit thank apologize apologise signal hint indicate point offer
share release issue speak talk address discuss comment weigh echo repeat double push press
appear interview campaign rally
""".split())

# Verbs with which a writing says something: "the report stated", "the study found", "the ad questions whether".
# Not merged with REPORTING_VERBS: one list for both changes answers.
WRITING_VERBS: Final[frozenset[str]] = frozenset("""
say state read note write find show conclude question reference cite claim argue warn describe suggest
report allege accuse add call
""".split())

# Speech verbs whose passive subject still speaks: "X was quoted as saying", "was heard telling".
SPEAKER_PASSIVES: Final[frozenset[str]] = frozenset("quote hear record overhear catch cite".split())


# Verbs that report speech only with their particle: "X shot back", "X went on".
PHRASAL_SPEECH_VERBS: Final[dict[str, frozenset[str]]] = {
    "shoot": frozenset({"back"}), "go": frozenset({"on"}), "push": frozenset({"back"}),
    "weigh": frozenset({"in"}), "cut": frozenset({"in"}), "break": frozenset({"in"}),
    "spell": frozenset({"out"}), "sum": frozenset({"up"}), "speak": frozenset({"up", "out"}),
    "fire": frozenset({"back"}), "point": frozenset({"out"}),
}

# Verbs that report speech only with their preposition: "X called for a 'new start'", "called on".
PREPOSITION_SPEECH_VERBS: Final[dict[str, frozenset[str]]] = {"call": frozenset({"for", "on"})}

# Verbs that report speech only standing alone, with no object or clause of their own:
# '"...," she continued', not "continued his attack", "began to cry".
BARE_SPEECH_VERBS: Final[frozenset[str]] = frozenset({"continue", "begin"})

# Verbs that report speech only with a fixed object: "as X put it".
OBJECT_SPEECH_VERBS: Final[dict[str, frozenset[str]]] = {"put": frozenset({"it"})}


def is_speech_verb(token: Token) -> bool:
    """A verb that reports speech, by lemma (the lemma of an AUX 'say' is still 'say'), or by
    lemma and particle ("shot back", "went on"; not "went on to win")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma in SPEECH_VERBS:
        return True
    if lemma in BARE_SPEECH_VERBS:
        return not any(c.dep_ in _COMPLEMENTS for c in token.children)
    preposition = PREPOSITION_SPEECH_VERBS.get(lemma)
    if preposition is not None and token.i + 1 < len(token.doc):
        after = token.nbor(1)
        if after.dep_ == "prep" and after.head.i == token.i and after.lower_ in preposition:
            # something called for, someone called on; not a day ("called on Monday")
            return any(c.dep_ in PREP_OBJECT_DEPS and c.ent_type_ not in TIME_ENTS for c in after.children)
    objects = OBJECT_SPEECH_VERBS.get(lemma)
    if objects is not None:
        return any(c.dep_ == "dobj" and c.lower_ in objects for c in token.children)
    particles = PHRASAL_SPEECH_VERBS.get(lemma)
    if particles is None:
        return False
    children = list(token.children)
    return any(c.dep_ in PARTICLE_DEPS and c.lower_ in particles and c.i == token.i + 1 for c in children) \
        and not any(c.dep_ in PHRASAL_OBJECT_DEPS or _infinitive(c) for c in children)


# What a bare speech verb has none of: a clause of its own ("continued to press", "began to cry").
_COMPLEMENTS: Final[frozenset[str]] = frozenset({"xcomp"})


def _infinitive(token: Token) -> bool:
    """'to win' of "went on to win": the clause a phrasal verb goes on to, no speech."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def is_according_to(token: Token) -> bool:
    """The 'to' of 'according to'."""
    return token.lower_ == "to" and token.i > 0 and token.nbor(-1).lower_ == "according"
