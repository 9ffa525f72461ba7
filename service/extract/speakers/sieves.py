"""Who said each quote: ordered attribution rules (sieves), the surest first.

Each rule is a small function that looks at one quote and either decides its speaker
or passes; the first rule that decides wins, and its name goes with the answer, so a
wrong speaker traces to one rule. In order:

1. ``transcript``: a quote whose words open with a speaker's name in capitals ("PENCE: ..."):
   the name says who speaks, whatever verb the words hold; an open quote runs on into the
   next paragraph (``continues``) unless that paragraph names another speaker.
2. ``cue-subject``: a speech verb in the quote's own sentence ("X said", "said X", "X, a
   professor, said", "X said that ...", "..., boasting of") and its subject; for a second
   partial quote in one report, the speech verb before the first one. The subject is read with
   care: a relative pronoun stands for its antecedent ("Beck, who said"; "who" after a body is
   the person before it), a passive verb's agent speaks ("X was asked by Y"), a time stamp is no
   subject ("12:15 p.m. ¶ Trump says"), the passive subject of a speech verb does not ("X was
   asked", "was greeted with", "X was charged with fraud"; but "was quoted as saying"), a word
   in title marks is no subject, a state in parentheses is not the name before it ("Sen. Ana
   Ruiz (D-Ore.) said"), a dateline is no subject, a speech verb after a quote that closes its
   sentence and reports a clause of its own opens the next sentence, "X said A and said B"
   shares X, of several subjects the parser gave one verb the one in its paragraph nearest it
   wins, a thing that "says" speaks for the subject of the clause that has it ("X wore a shirt
   that said"), and a speech that has not happened ("voters will say") gives way to the verb
   reporting it. A partial quote under a naming verb with a named subject inside the report
   ("Ana said Mark called it 'a disaster'") is left to rule 10. A speech verb right after the
   closing mark with its subject after it ('"...?" asked Ana') comes first, whatever verb the
   parser hung the quote on; a known surname the tagger took for an adverb ("Long described it
   as") is a subject.
3. ``according-to``: "according to X" in the quote's sentence, even before an earlier quote.
4. ``colon-lead-in``: "X said:" / "X:" right before the opening mark (past a phrase in marks
   inside the lead-in; after a dash or ellipsis, the name after it: "HEADLINE - X:"); also a
   comma after a finite verb with a subject, before a quote that opens in capitals ("X leaned
   in, '...'"), though not a title ("a column entitled, '...'").
5. ``byline``: a dash and a name right after the quote ("― Jane Roe"), the whole name; or
   ending the line the quote opens, past quotes nested in it; or a short line of its own
   right after the quote's paragraph ("- Jane Roe, at the rally.").
6. ``trailing-clause``: the reporter's clause closing the quote's sentence, whatever its verb
   ('"...," Ana shrugged.', '"...?" beamed Ana.', '"...," the sign read.'), past an apposition
   with commas of its own ('"...," Ana, now 67 and living in Salem, Ore., said') and a short
   phrase in marks inside the clause ('"...," Ana "Cici" Ruiz, wearing "Vote Ruiz" pins, said');
   not a clause about the words ('"...," which Ana doubts').
7-9. A quote that is a sentence or more, with no cue of its own: one look back from it, within
   its paragraph and the one before, and what it meets first says which of three rules decides:
7. ``carried-over``: the quote just before it (same or previous paragraph), or the cue of one:
   that quote's speaker.
8. ``previous-sentence``: the person the sentence before it reports as speaking ("Lim
   underscored that ...", then a paragraph that is only a quote; not a verb in a clause of
   a sentence whose own cue attributes a quote).
9. ``paragraph-subject``: a named person who is the subject of the reporter's sentence
   opening the quote's own paragraph ("Sen. Vidal toured the plant. '...'"), before
   looking into the paragraph above.
10. ``frame-verb``: a quoted phrase in the reporter's sentence framed by a verb that does not
   report speech ("X called it a '...'", "X accused Y of being '...'"): X; in a passive naming
   verb, who did the naming ("X was called a fraud by Y for selling '...'": Y); a subject that
   is a mere thing ("money was coming from '...'"), also through a relative pronoun ("a 'bubble'
   that could turn into '...'"), or a free relative ("what will happen '...'"), gives way to one
   higher up, else to an unnamed person noun ("a friend described him as '...'"), else to the
   later rules, never the thing itself; a known surname tagged as an adverb ("Wise called him
   '...'") is the subject; "it" counts when it stands for a body ("the IMF ... it referenced
   '...'"); a parenthetical report set into the clause ("The bridge, Ana said, cost 'far too
   much'") or a speech verb whose report holds a verb that neither speaks nor names ("Ana said
   the plan would 'bleed us dry'") gives the reporter. The climb to the verb stops at a speech
   noun with a named owner whose own words the phrase is ("X seized on Trump's claim that
   '...'", not "X called Trump's remarks '...'"), or one whose own clause holds the framing
   verb ("her claim that 'dozens' left"): that is rule 11's.
11. ``speech-noun``: a quoted phrase that is a speech noun's own words: the owner. The noun the
   climb of rule 10 stopped at; else a speech noun the phrase stands in, no verb between ("it is
   the pull of Obama's 'keep your plan' promise"); else, for any quote, the owner of a speech
   noun before it in its sentence ("X's main claim was that it is 'a fraud'").
12. ``previous-speaker``: a quote nothing else ties: the named subject of its sentence's main
   clause, else what the look back of rules 7-9 meets, last resort.
13. ``nearest-person``: the person named last before the quote, close by.
14. ``none``: no rule decided; speaker unknown (name and id null).

The rules live by what they read: ``tag_sieves`` (the words set around a quote: 1, 4, 5, 6),
``cue_sieves`` (a cue in the quote's sentence: 2, 3, 10, 11), ``carry_sieves``
(what came before: 7, 8, 9, 12, 13), all over one ``context.Context``; each rule's name comes
from one function named after it (``speech_noun`` for ``speech-noun``), and readings two rules
share (a climb, a look back) are read once per quote and return findings, not rule names.
Reading the sentence (cues, the verb a quote hangs on, a verb's subject) is
``cue_grammar.CueGrammar``'s; turning the word a rule points at into a speaker is
``mentions.Resolver``'s. Not handled:
speakers named only inside another quote, coordinated speakers ("Obama and Clinton
said"), and a speech noun's owner named by a pronoun where a verb frames the quote too
("X seized on his claim that '...'").
"""
from __future__ import annotations

from typing import Callable

from . import carry_sieves, cue_sieves, tag_sieves
from ..article import Article
from ..deadline import NEVER, Deadline
from ..quotes.frames import Layout
from ..people.people import People
from .context import Context, Decision

Rule = Callable[[Context, int], Decision | None]

# The order of the rules: the first that decides a known speaker wins; ``none`` when none does.
RULES: tuple[Rule, ...] = (
    tag_sieves.transcript, cue_sieves.cue_subject, cue_sieves.according_to, tag_sieves.colon_lead_in,
    tag_sieves.byline, tag_sieves.trailing_clause, carry_sieves.carried_over, carry_sieves.previous_sentence,
    carry_sieves.paragraph_subject, cue_sieves.frame_verb, cue_sieves.speech_noun, carry_sieves.previous_speaker,
    carry_sieves.nearest_person,
)


def none(ctx: Context, k: int) -> Decision:
    """No rule decided a known speaker: the speaker is unknown (name and id null)."""
    return Decision("none", None)


class Attributor:
    """Runs the rules over every quote of one article, in order of position."""

    def __init__(self, article: Article, layout: Layout, people: People) -> None:
        self.ctx = Context(article, layout, people)

    def run(self, deadline: Deadline = NEVER) -> list[Decision]:
        """Every quote's decision, in order; ``deadline`` checked before each quote."""
        ctx = self.ctx
        for k in range(len(ctx.layout.runs)):
            deadline.check()
            decision = None
            for rule in RULES:
                decision = rule(ctx, k)
                if decision is not None and decision.known:
                    break
            else:
                decision = none(ctx, k)
            ctx.decisions.append(self._link(k, decision))
            if decision.cue is not None and decision.known:
                ctx.cue_owner.setdefault(decision.cue, k)
        return ctx.decisions

    def _link(self, k: int, decision: Decision) -> Decision:
        """Set ``continues``: same speaker as the quote just before, with no cue of its own between."""
        if decision.continues is not None or k == 0 or decision.speaker is None:
            return decision
        layout = self.ctx.layout
        prev = self.ctx.decisions[k - 1]
        run, prev_run = layout.runs[k], layout.runs[k - 1]
        same = prev.speaker is not None and prev.speaker.entity is not None \
            and decision.speaker.entity is prev.speaker.entity
        other = prev.speaker is not None and prev.speaker.entity is not None \
            and decision.speaker.entity is not None and decision.speaker.entity is not prev.speaker.entity
        # an open quote runs on into the next paragraph, unless that one names another speaker ("PENCE: ...")
        multi_para = prev_run.open_end and run.paragraph > prev_run.paragraph and not other
        shared_cue = decision.cue is not None and decision.cue == prev.cue and run.paragraph == prev_run.paragraph
        if (same and shared_cue) or multi_para:
            return Decision(decision.rule, decision.speaker, decision.cue, continues=k - 1)
        return decision


# Each rule's precision on the dev data (share of its quotes given the gold full name,
# smoothed as (right + 1) / (n + 2)), measured by scripts/calibrate.py; the answer's
# ``confidence``. A quote no rule attributes has no speaker and confidence 0.
RULE_PRECISION: dict[str, float] = {
    "according-to": 0.89, "byline": 0.96, "carried-over": 0.93, "colon-lead-in": 0.75, "cue-subject": 0.94,
    "frame-verb": 0.85, "nearest-person": 0.8, "paragraph-subject": 0.67, "previous-sentence": 0.75,
    "previous-speaker": 0.71, "speech-noun": 0.83, "transcript": 0.92, "trailing-clause": 0.67, "none": 0.0,
}
