"""Who said each quote: ordered attribution rules (sieves), the surest first.

Each rule is a small function that looks at one quote and either decides its speaker or passes;
the first rule that decides wins, and its name goes with the answer, so a wrong speaker traces to
one rule. ``RULES`` gives the order (the README lists it; ``none`` when no rule decides) and
``RULE_PRECISION`` each rule's calibrated confidence. The rules live by what they read:
``tag_sieves`` (the words set around a quote), ``cue_sieves`` (a cue in the quote's sentence) and
``carry_sieves`` (what came before), all over one ``context.Context``; reading the sentence is
``cue_grammar.CueGrammar``'s, turning the word a rule points at into a speaker ``mentions.Resolver``'s.
The cases each rule handles are tables in tests/test_rules.py, test_speakers.py, test_sieves.py and
test_cues.py. Not handled: speakers named only inside another quote, coordinated speakers ("Ana and
Carl said"), and a speech noun's owner named by a pronoun where a verb frames the quote too.
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
        # an open quote runs on into the next paragraph, unless that one names another speaker ("LUND: ...")
        multi_para = prev_run.open_end and run.paragraph > prev_run.paragraph and not other
        shared_cue = decision.cue is not None and decision.cue == prev.cue and run.paragraph == prev_run.paragraph
        if (same and shared_cue) or multi_para:
            return Decision(decision.rule, decision.speaker, decision.cue, continues=k - 1)
        return decision


# Each rule's precision on dev and bbc_dev together (share of its quotes given the gold full name,
# smoothed as (right + 1) / (n + 2)), measured by scripts/calibrate.py; the answer's
# ``confidence``. A quote no rule attributes has no speaker and confidence 0.
RULE_PRECISION: dict[str, float] = {
    "according-to": 0.83, "byline": 0.96, "carried-over": 0.94, "colon-lead-in": 0.69, "cue-subject": 0.94,
    "frame-verb": 0.82, "nearest-person": 0.8, "paragraph-subject": 0.8, "previous-sentence": 0.89,
    "previous-speaker": 0.73, "speech-noun": 0.83, "transcript": 0.92, "trailing-clause": 0.67, "none": 0.0,
}
