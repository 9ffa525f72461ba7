"""Who said each quote: ordered attribution rules (sieves), the surest first.

Each rule is a small function that looks at one quote and either decides its speaker
or passes; the first rule that decides wins, and its name goes with the answer, so a
wrong speaker traces to one rule. In order:

1. ``transcript``: a quote whose words open with a speaker's name in capitals ("PENCE: ..."):
   the name says who speaks, whatever verb the words hold; an open quote runs on into the
   next paragraph (``continues``) unless that paragraph names another speaker.
2. ``cue-subject``: a speech verb in the quote's own sentence ("X said", "said X",
   "X, a professor, said", "X said that ...", "..., boasting of") and its subject; for a
   second partial quote in one report, the speech verb before the first one. The subject
   is read with care: a relative pronoun stands for its antecedent ("Beck, who said"; "who"
   after a body is the person before it), a passive verb's agent speaks ("X was asked by
   Y"), a time stamp is no subject ("12:15 p.m. ¶ Trump says"), the passive subject of
   a speech verb does not ("X was asked", "was greeted with", "X was charged with fraud"; but "was
   quoted as saying"), a word in title marks is no subject, a state in parentheses is not the name
   before it ("Sen. Ana Ruiz (D-Ore.) said"), a dateline is no subject, a speech verb after a quote
   that closes its sentence and reports a clause of its own opens the next sentence, "X said A and said B" shares X, of
   several subjects the parser gave one verb the one in its paragraph nearest it wins, a thing
   that "says" speaks for the subject of the clause that has it ("X wore a shirt that said"), and a
   speech that has not happened ("voters will say") gives way to the verb reporting it.
   A partial quote under a naming verb with a named subject inside the report ("Ana said
   Mark called it 'a disaster'") is left to rule 7.
3. ``according-to``: "according to X" in the quote's sentence, even before an earlier quote.
4. ``colon-lead-in``: "X said:" / "X:" right before the opening mark (past a phrase in marks
   inside the lead-in; after a dash or ellipsis, the name after it: "HEADLINE - X:"); also a
   comma after a finite verb with a subject, before a quote that opens in capitals ("X leaned
   in, '...'"), though not a title ("a column entitled, '...'").
5. ``byline``: a dash and a name right after the quote ("― Jane Roe"), the whole name; or
   ending the line the quote opens, past quotes nested in it; or a short line of its own
   right after the quote's paragraph ("- Jane Roe, at the rally.").
   ``trailing-clause``: the reporter's clause closing the quote's sentence, whatever its verb
   ('"...," Ana shrugged.', '"...?" beamed Ana.', '"...," the sign read.'); not a clause
   about the words ('"...," which Ana doubts').
6. ``carried-over``: a quote that is a sentence or more, with no cue of its own; the
   speaker of the quote just before it (same or previous paragraph), or
   ``previous-sentence``: the person the sentence before it reports as speaking ("Lim
   underscored that ...", then a paragraph that is only a quote; not a verb in a clause of
   a sentence whose own cue attributes a quote), or
   ``paragraph-subject``: a named person who is the subject of the reporter's sentence
   opening the quote's own paragraph ("Sen. Vidal toured the plant. '...'"), before
   looking into the paragraph above.
7. ``frame-verb``: a quoted phrase in the reporter's sentence framed by a verb that does
   not report speech ("X called it a '...'", "X accused Y of being '...'"): X; in a
   passive naming verb, who did the naming ("X was called a fraud by Y for selling '...'": Y);
   a subject that is a mere thing ("money was coming from '...'") gives way to one higher up;
   "it" counts when it stands for a body ("the IMF ... it referenced '...'"); a parenthetical
   report set into the clause ("The bridge, Ana said, cost 'far too much'") or a speech verb whose
   report holds a verb that neither speaks nor names ("Ana said the plan would 'bleed us dry'")
   gives the reporter.
8. ``speech-noun``: a quoted phrase no verb frames, inside a speech noun with an owner
   ("it is the pull of Obama's 'keep your plan' promise"): the owner. Checked before
   ``frame-verb`` climbs past it when the owner is named and the phrase is the noun's own
   words ("X seized on Trump's claim that '...'", not "X called Trump's remarks '...'"). ``previous-speaker``:
   a quoted phrase that nothing else ties: the owner of a speech noun before it in its
   sentence ("X's main claim was that it is 'a fraud'"), the named subject of its sentence's
   main clause, else as in 6, last resort.
9. ``nearest-person``: the person named last before the quote, close by.
10. no rule: speaker unknown (name and id null).

Reading the sentence (cues, the verb a quote hangs on, a verb's subject) is
``cue_grammar.CueGrammar``'s; turning the word a rule points at into a speaker is
``mentions.Resolver``'s. Not handled:
speakers named only inside another quote, coordinated speakers ("Obama and Clinton
said"), and a speech noun's owner named by a pronoun where a verb frames the quote too
("X seized on his claim that '...'").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc, Token

from .cue_grammar import SUBJECT_DEPS, CueGrammar
from .cues import NAMING_VERBS, SPEECH_NOUNS, is_according_to, is_speech_verb
from .frames import Layout, quote_kind
from .mentions import NON_PERSON_NOUNS, UNNAMED_ROLES, Resolver, Who, could_speak, silent_document
from .people import Entity, People

_WEAK_SUBJECTS = frozenset({"it", "this", "that", "which", "there"})
_NEAREST_CHARS = 400  # how far back the last-resort rule looks for a named person
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_OWNER_REACH = 6  # heads climbed from a thing to the clause subject who has it
_BYLINE = re.compile(r"'?[^\S\n]*(―|—|–|--?)[^\S\n]*(?=[A-Z])")
# The next paragraph opening with a dash and a name; a signature line is no longer than this.
_SIGNATURE_LINE = re.compile(r"[^\S\n]*\n\s*(―|—|–|--?)[^\S\n]*(?=[A-Z])")
_SIGNATURE_CHARS = 80
# A closing mark, a long dash and a name with no mark after it, up to the end of the line.
_LINE_BYLINE = re.compile(r"(?<=[”\"’])[^\S\n]*(―|—)[^\S\n]*(?=[A-Z][^“”\"\n]*$)")


@dataclass(frozen=True)
class Decision:
    """What one rule decided for one quote."""

    rule: str
    speaker: Who | None
    cue: tuple[int, int] | None = None
    continues: int | None = None  # index of the earlier quote this one continues

    @property
    def known(self) -> bool:
        return self.speaker is not None and (self.speaker.entity is not None or self.speaker.description is not None)


class Attributor:
    """Runs the rules over every quote of one article, in order of position."""

    def __init__(self, doc: Doc, layout: Layout, people: People) -> None:
        self.doc = doc
        self.layout = layout
        self.people = people
        self.resolver = Resolver(doc, layout, people)
        self.grammar = CueGrammar(doc, layout)
        self.decisions: list[Decision] = []
        self._cue_owner: dict[tuple[int, int], int] = {}  # cue offsets -> the first quote they attribute
        self.rules: list[Callable[[int], Decision | None]] = [
            self.transcript, self.cue_subject, self.according_to, self.colon_lead_in, self.byline,
            self.trailing_clause, self.carried_over, self.frame_verb, self.speech_noun, self.previous_speaker, self.nearest_person,
        ]

    def run(self) -> list[Decision]:
        for k in range(len(self.layout.runs)):
            decision = None
            for rule in self.rules:
                decision = rule(k)
                if decision is not None and decision.known:
                    break
            else:
                decision = Decision("none", None)
            self.decisions.append(self._link(k, decision))
            if decision.cue is not None and decision.known:
                self._cue_owner.setdefault(decision.cue, k)
        return self.decisions

    # -- the rules --------------------------------------------------------------------------
    def cue_subject(self, k: int) -> Decision | None:
        if self._partial(k) and self.grammar.framed_inside(k):
            return None  # "she said Trump called her 'Miss Piggy'": the framing verb's subject (frame-verb)
        fallback = None
        for cue in self.grammar.cues(k, is_speech_verb):
            subject = self.grammar.subject(cue, k)
            if subject is None:
                continue
            decision = Decision("cue-subject", self._speaker(subject, k), _chars(cue))
            stand_in = _antecedent(subject)
            if subject.lower_ in ("that", "which") and stand_in is not subject and _mere_thing(stand_in, decision.speaker):
                # "the group is airing an ad that says '...'": whoever has the thing speaks
                owner = self._thing_owner(stand_in, k)
                if owner is not None:
                    decision = Decision("cue-subject", self._speaker(owner, k), _chars(cue))
                    stand_in = owner
            if stand_in.lower_ not in _WEAK_SUBJECTS and not silent_document(stand_in):
                return decision
            fallback = fallback or decision  # "it" says: only when no person does
        return fallback

    def according_to(self, k: int) -> Decision | None:
        cue = self.grammar.nearest(k, is_according_to)
        if cue is None:
            cue = self.grammar.in_sentence(k, is_according_to)  # past an earlier quote of the same sentence
        if cue is None:
            return None
        objects = [c for c in cue.children if c.dep_ == "pobj"]
        target = objects[0] if objects else (cue.nbor(1) if cue.i + 1 < len(self.doc) else None)
        if target is None or self.layout.quoted(target):
            return None
        return Decision("according-to", self._speaker(target, k), (cue.nbor(-1).idx, cue.idx + len(cue)))

    def colon_lead_in(self, k: int) -> Decision | None:
        """A colon right before the opening mark, in the same paragraph or ending the one
        before: "Trump said:", "Sanders made the following comment:", "PENCE:"."""
        layout, doc = self.layout, self.doc
        frame = layout.frames[k]
        colon = (frame.before[-1] if frame.before else self._previous_paragraph_end(k))
        while colon is not None and colon > 0 and doc[colon].is_space and colon - 1 in frame.before:
            colon -= 1  # "Ana replied:  '...'": spaces the tokenizer kept
        if colon is None or doc[colon].text not in (":", ","):
            return None
        comma = doc[colon].text == ","
        if comma and not self.layout.text[self.layout.runs[k].start:self.layout.runs[k].start + 1].isupper():
            return None
        i = colon - 1
        tokens: list[Token] = []
        while i >= 0 and doc[i].text not in (".", "!", "?") and layout.para_of[i] == layout.para_of[colon]:
            if doc[i].text in _LEAD_IN_BREAKS and tokens and doc[i].whitespace_:
                break  # "HEADLINE WORDS - Ana Ruiz:", "he wrote ... Ana Ruiz:": the name after the break
            if not layout.quoted(doc[i]):  # a phrase in marks inside the lead-in: "Ana called it "x" and said:"
                tokens.append(doc[i])
            i -= 1
        for verb in (t for t in tokens if t.pos_ in ("VERB", "AUX")):
            if comma and verb.tag_ not in _FINITE:
                return None  # "a column entitled, '...'": a title, no one speaking
            subject = self.grammar.subject(verb, k)
            if subject is not None and _antecedent(subject).lower_ not in _WEAK_SUBJECTS:
                return Decision("colon-lead-in", self._speaker(subject, k), _chars(verb))
            if comma:
                return None  # a comma lead-in speaks through the verb nearest the quote only
        if comma:
            return None
        names = [t for t in tokens if t.pos_ in ("PROPN", "PRON") or t.is_upper]
        if names and len(tokens) <= 6:
            return Decision("colon-lead-in", self._speaker(names[0], k), _chars(doc[colon]))
        return None

    def _previous_paragraph_end(self, k: int) -> int | None:
        """The last token before a quote that opens its paragraph, when it ends the paragraph before."""
        layout = self.layout
        frame = layout.frames[k]
        i = frame.first - 1
        while i >= 0 and layout.run_of[i] == k:
            i -= 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        if i < 0 or layout.run_of[i] != -1 or layout.para_of[i] == layout.para_of[frame.first]:
            return None
        return i

    def transcript(self, k: int) -> Decision | None:
        frame = self.layout.frames[k]
        doc = self.doc
        i = frame.first
        words = []
        while i <= frame.last and doc[i].is_upper and doc[i].is_alpha and len(words) < 3:
            words.append(doc[i])
            i += 1
        if not words or i > frame.last or doc[i].text != ":" or len(words[-1]) < 2:
            return None
        return Decision("transcript", self._speaker(words[-1], k), _chars(doc[i]))

    def byline(self, k: int) -> Decision | None:
        run = self.layout.runs[k]
        if run.close_mark is None:
            return None
        match = _BYLINE.match(self.layout.text, run.close_mark + 1) or self._line_byline(k) or self._signature_line(k)
        if match is None:
            return None
        i = self.layout.token_at(match.end())
        if i >= len(self.doc) or self.doc[i].pos_ != "PROPN":
            return None
        dash = match.group(1)
        last = i  # the signature's last name word holds the whole name: "― Jane Q Roe."
        while last + 1 < len(self.doc) and last - i < 3 and self.doc[last + 1].is_alpha and self.doc[last + 1].text[:1].isupper() \
                and self.layout.para_of[last + 1] == self.layout.para_of[i]:
            last += 1
        return Decision("byline", self._speaker(self.doc[last], k), (match.start(1), match.start(1) + len(dash)))

    def _line_byline(self, k: int) -> re.Match[str] | None:
        """A signature ending the line of a quote that opens the line, past quotes nested in it:
        '"I'd call it "madness" and worse." ― Jane Roe'."""
        run, text = self.layout.runs[k], self.layout.text
        if text[text.rfind("\n", 0, run.open_mark) + 1:run.open_mark].strip():
            return None
        end = text.find("\n", run.close_mark)
        return _LINE_BYLINE.search(text, run.close_mark + 1, len(text) if end == -1 else end)

    def trailing_clause(self, k: int) -> Decision | None:
        """The reporter's clause that closes the quote's sentence names who spoke, whatever its
        verb: '"...," Ana shot back.', '"...?" reacted Ana.', '"...," a source, who asked not to
        be named, told the paper.'"""
        run = self.layout.runs[k]
        if run.close_mark is None or self._partial(k):
            return None
        ending = self.layout.text[run.start:run.end].rstrip()[-1:]
        if ending not in _OPEN_ENDINGS:
            return None
        clause = self._closing_clause(k)
        if not clause:
            return None
        doc = self.doc
        first = doc[clause[0]]
        if first.lower_ in _RELATIVE:
            return None  # '"...," which Ana doubts': a clause about the words, not their source
        if first.pos_ in ("VERB",) and first.tag_ in _FINITE:
            head = _inverted_subject(doc, clause[1:])
            verb = first
        else:
            verb, head = _subject_then_verb(doc, clause)
        if verb is None or head is None or not could_speak(head) or head.lower_ in _RELATIVE | _WEAK_SUBJECTS:
            return None
        if ending in "?!" and first.text[:1].isupper() and len(clause) > verb.i - clause[0] + _TAIL:
            return None  # a new sentence of the reporter's, not a tag after the quote
        return Decision("trailing-clause", self._speaker(head, k), _chars(verb))

    def _closing_clause(self, k: int) -> list[int]:
        """Tokens after the quote's closing mark up to the end of its sentence, in its paragraph,
        when no other quote stands in them."""
        layout, doc = self.layout, self.doc
        i = layout.frames[k].last + 1
        while i < len(doc) and layout.run_of[i] == k:
            i += 1
        para = layout.para_of[layout.frames[k].last]
        out: list[int] = []
        while i < len(doc) and layout.para_of[i] == para and not doc[i].is_space:
            if layout.run_of[i] != -1:
                return out  # '"...," she went on, "...': the clause ends where the next part opens
            if doc[i].text in (".", "!", "?", ";"):
                return out
            out.append(i)
            i += 1
        return out

    def _signature_line(self, k: int) -> re.Match[str] | None:
        """A short line of its own right after a quote that ends its paragraph, opening with a
        dash and a name: '"..." ¶ - Jane Roe, tweeting after the speech.'"""
        run, text = self.layout.runs[k], self.layout.text
        match = _SIGNATURE_LINE.match(text, run.close_mark + 1)
        if match is None:
            return None
        end = text.find("\n", match.end())
        return match if (len(text) if end == -1 else end) - match.end() <= _SIGNATURE_CHARS else None

    def carried_over(self, k: int) -> Decision | None:
        """No cue of its own: the nearest earlier speech, a quote or a reporting sentence."""
        if self._partial(k):
            return None
        return self._carry(k)

    def speech_noun(self, k: int) -> Decision | None:
        """A quoted phrase no verb frames, inside a speech noun with an owner: "Obama's 'if you
        like your plan' promise", "his 'fire in a theater' remark": the owner."""
        if not self._partial(k):
            return None
        token = self.doc[self.layout.frames[k].first]
        for _ in range(4):
            if token.head is token or token.pos_ in ("VERB", "AUX") and not self.layout.quoted(token):
                return None
            token = token.head
            if self.layout.quoted(token) or token.pos_ != "NOUN" or token.lemma_.lower() not in SPEECH_NOUNS:
                continue
            owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")), None)
            if owner is not None and not self.layout.quoted(owner):
                return Decision("speech-noun", self._speaker(owner, k), _chars(token))
        return None

    def previous_speaker(self, k: int) -> Decision | None:
        """A quoted phrase no verb ties to anyone: the person the sentence is about, when its
        main clause has a named subject before the phrase; else the nearest earlier speech, as
        a last resort."""
        owner = self._speech_noun_owner(k)
        if owner is not None:
            decision = Decision("speech-noun", self._speaker(owner, k), None)
            if decision.known:
                return decision
        subject = self._sentence_subject(k)
        if subject is not None:
            decision = Decision("previous-speaker", self._speaker(subject, k), None)
            if decision.known and decision.speaker.entity is not None:
                return decision
        decision = self._carry(k)
        if decision is None:
            return None
        return Decision("previous-speaker", decision.speaker, None, decision.continues)

    def _speech_noun_owner(self, k: int) -> Token | None:
        """The owner of a speech noun earlier in the quote's sentence, with no speech verb
        between: "Ana's main claim is that the plan is 'a fraud'", "after her comment that, '...'"."""
        layout, doc = self.layout, self.doc
        first = layout.frames[k].first
        sent_start = doc[first].sent.start
        for i in range(first - 1, sent_start - 1, -1):
            t = doc[i]
            if layout.para_of[i] != layout.para_of[first]:
                break
            if layout.quoted(t):
                continue
            if is_speech_verb(t):
                return None
            if t.pos_ == "NOUN" and t.lemma_.lower() in SPEECH_NOUNS:
                owner = next((c for c in t.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")
                              and not layout.quoted(c)), None)
                return owner
        return None

    def _sentence_subject(self, k: int) -> Token | None:
        """The subject of the main clause of a partial quote's sentence, a name or a pronoun
        before the quote; the root itself when the parser left a name as the root."""
        first = self.doc[self.layout.frames[k].first]
        root = first.sent.root
        if self.layout.quoted(root) or root.i > first.i:
            return None
        if root.pos_ in ("VERB", "AUX"):
            subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and not self.layout.quoted(c)), None)
        else:
            subject = root if root.pos_ == "PROPN" else None
        if subject is None or subject.i > first.i or subject.pos_ not in ("PROPN", "PRON", "NOUN") \
                or subject.lower_ in _RELATIVE | _WEAK_SUBJECTS | {"i", "we", "you"}:
            return None
        return subject

    def nearest_person(self, k: int) -> Decision | None:
        """Nothing ties the quote to anyone: the person named last before it, close by."""
        frame = self.layout.frames[k]
        found = self.people.nearest(self.doc[frame.first].idx, _NEAREST_CHARS)
        if found is None:
            return None
        entity, mention = found
        return Decision("nearest-person", Who(entity, None, mention))

    def _carry(self, k: int) -> Decision | None:
        layout, doc = self.layout, self.doc
        frame = layout.frames[k]
        para = layout.para_of[frame.first]
        i = (frame.before.start if frame.before else frame.first) - 1
        while i >= 0 and layout.run_of[i] == k:
            i -= 1
        crossed = False
        while i >= 0:
            tok = doc[i]
            if layout.para_of[i] < para - 1:
                return None
            if layout.para_of[i] < para and not crossed:
                crossed = True
                subject = self._paragraph_subject(k)
                if subject is not None:
                    return Decision("paragraph-subject", self._speaker(subject, k), None)
            j = layout.run_of[i]
            if j != -1:
                prev = self.decisions[j] if j < len(self.decisions) else None
                if prev is None or not prev.known:
                    return None
                same_para = layout.para_of[i] == para
                return Decision("carried-over", prev.speaker, prev.cue if same_para else None, continues=j)
            if is_speech_verb(tok) and (tok.idx, tok.idx + len(tok)) in self._cue_owner:
                j = self._cue_owner[(tok.idx, tok.idx + len(tok))]
                prev = self.decisions[j]
                same_para = layout.para_of[tok.i] == para
                return Decision("carried-over", prev.speaker, prev.cue if same_para else None, continues=j)
            if is_speech_verb(tok) and not self._attributes_a_quote(tok):
                subject = self.grammar.subject(tok, k)
                if subject is not None:
                    return Decision("previous-sentence", self._speaker(subject, k), None)
            i -= 1
        return None

    def _attributes_a_quote(self, verb: Token) -> bool:
        """A speech verb in a sentence whose own cue attributes a quote: "'We win,' Ana said,
        hours after the networks declared her the victor" reports Ana, not the networks."""
        sent = verb.sent
        return any((t.idx, t.idx + len(t)) in self._cue_owner for t in sent if t.i != verb.i)

    def _paragraph_subject(self, k: int) -> Token | None:
        """The person a quote's own paragraph is about, when a sentence of the reporter's opens
        the paragraph before the quote: Sen. Ana Ruiz toured the plant. "We owe them jobs."
        """
        layout, doc = self.layout, self.doc
        first = self.layout.frames[k].first
        i = first - 1
        while i >= 0 and (doc[i].is_space or doc[i].is_punct) and layout.para_of[i] == layout.para_of[first]:
            i -= 1
        if i < 0 or layout.para_of[i] != layout.para_of[first] or layout.quoted(doc[i]):
            return None
        root = doc[i].sent.root
        if layout.quoted(root) or layout.para_of[root.i] != layout.para_of[first]:
            return None
        subject = next((c for c in root.children if c.dep_ == "nsubj" and not layout.quoted(c)), None)
        if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ not in ("PERSON", ""):
            return None
        return subject

    def frame_verb(self, k: int) -> Decision | None:
        if not self._partial(k):
            return None
        frame = self.layout.frames[k]
        # climb from the quote's words to the first outside verb with a subject that can speak;
        # copulas are passed over ("Machado was 'disgusting'", tweeted Trump)
        token = self.doc[frame.first]
        first = None
        for _ in range(12):
            if token.head is token:
                break
            below, token = token, token.head
            if _named_owner(token) is not None and not self.layout.quoted(token) \
                    and (below.i < token.i or below.dep_ in _NOUN_COMPLEMENTS):
                # "X seized on Trump's claim that '...'": the words are the named owner's
                return Decision("speech-noun", self._speaker(_named_owner(token), k), _chars(token))
            if self.layout.quoted(token) or token.pos_ not in ("VERB", "AUX"):
                continue
            aside = self.grammar.parenthetical(token)
            if aside is not None:
                subject = self.grammar.subject(aside, k)
                if subject is not None and _antecedent(subject).lower_ not in _RELATIVE | _WEAK_SUBJECTS:
                    return Decision("frame-verb", self._speaker(subject, k), _chars(aside))
            if token.lemma_ == "be":
                continue
            subject = self.grammar.subject(token, k)
            if subject is not None and subject.lower_ == "it" and first is None:
                # "it" framing a phrase counts when it stands for a body: "the IMF ... it referenced '...'"
                who = self._speaker(subject, k)
                if who.entity is not None and who.entity.is_org:
                    return Decision("frame-verb", who, _chars(token))
            if subject is not None and _antecedent(subject).lower_ not in _RELATIVE | _WEAK_SUBJECTS:
                reported = self._reporter(token, k)
                if reported is not None:
                    return reported
                decision = Decision("frame-verb", self._speaker(subject, k), _chars(token))
                if not _mere_thing(subject, decision.speaker):
                    return decision
                # "a report found that money was coming from '...'": money frames nothing; climb on
                first = first or decision
        return first

    # -- helpers ------------------------------------------------------------------------------

    def _reporter(self, verb: Token, k: int) -> Decision | None:
        """A verb that neither reports speech nor names, inside the report of a speech verb with
        a subject: "Ana said the plan would 'bleed us dry'" quotes Ana, not the plan."""
        if is_speech_verb(verb) or verb.lemma_.lower() in NAMING_VERBS:
            return None
        outer = self.grammar.reporting(verb)
        if outer is None:
            return None
        subject = self.grammar.subject(outer, k)
        if subject is None or _antecedent(subject).lower_ in _RELATIVE | _WEAK_SUBJECTS:
            return None
        return Decision("frame-verb", self._speaker(subject, k), _chars(outer))

    def _thing_owner(self, thing: Token, k: int) -> Token | None:
        """The subject of the clause a thing sits in, climbing past things: "Ana is airing an ad
        that ...", "Ana said the city lost a voice that ...": Ana."""
        token = thing
        for _ in range(_OWNER_REACH):
            if token.head is token:
                return None
            token = token.head
            if token.pos_ not in ("VERB", "AUX") or self.layout.quoted(token):
                continue
            subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and c is not thing
                        and not self.layout.quoted(c) and could_speak(c)]
            if subjects and subjects[0].lower_ not in _RELATIVE | _WEAK_SUBJECTS \
                    and not _mere_thing(subjects[0], self._speaker(subjects[0], k)):
                return subjects[0]
        return None


    def _speaker(self, token: Token, k: int) -> Who:
        antecedent = _antecedent(token)
        who = self.resolver.speaker(antecedent, prefer=self._previous_entity(k))
        if antecedent is not token and who.mention is not None:
            # the mention runs from the antecedent to the relative pronoun: "Beck, who"
            who = Who(who.entity, who.description, (min(who.mention[0], token.idx), max(who.mention[1], token.idx + len(token))))
        return who

    def _previous_entity(self, k: int) -> Entity | None:
        for d in reversed(self.decisions):
            if d.speaker is not None and d.speaker.entity is not None:
                return d.speaker.entity
        return None

    def _partial(self, k: int) -> bool:
        return quote_kind(self.doc, self.layout, k) == "partial"

    def _link(self, k: int, decision: Decision) -> Decision:
        """Set ``continues``: same speaker as the quote just before, with no cue of its own between."""
        if decision.continues is not None or k == 0 or decision.speaker is None:
            return decision
        layout = self.layout
        prev = self.decisions[k - 1]
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


# A dash or an ellipsis before a colon lead-in sets the name apart from what comes before it.
_LEAD_IN_BREAKS = frozenset({"-", "–", "—", "―", "--", "…", "..."})
# What a quote's words end with when the reporter's sentence runs on after it.
_OPEN_ENDINGS = frozenset({",", "?", "!", "—", "-"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_TAIL = 4  # words after the verb of a tag that follows a quote ending in "?" or "!"
_PHRASE_TAGS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "PART"})
_SUBJECT_REACH = 12  # tokens before the verb of a closing clause that may hold its subject


def _inverted_subject(doc: Doc, tokens: list[int]) -> Token | None:
    """The subject after an inverted verb: "reacted Ana Ruiz", "beamed a delegate from Ohio"."""
    phrase: list[Token] = []
    for i in tokens:
        t = doc[i]
        if t.pos_ not in _PHRASE_TAGS and t.text not in ("-", "."):
            break
        phrase.append(t)
    heads = [t for t in phrase if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not heads:
        return None
    propn = [t for t in heads if t.pos_ == "PROPN"]
    return propn[-1] if propn and heads[0].pos_ == "PROPN" else heads[0] if heads[0].pos_ == "PRON" else _last_of_run(heads)


def _misread_read(token: Token, j: int, tokens: list[int]) -> bool:
    """ "read" ending a short clause after a quote is the verb, though the tagger often makes
    it a noun: '"...," the sign read.'"""
    return token.lower_ in ("read", "reads") and j == len(tokens) - 1


def _last_of_run(heads: list[Token]) -> Token:
    """The last word of the first run of nouns: "a delegate from Ohio" -> delegate."""
    last = heads[0]
    for t in heads[1:]:
        if t.i != last.i + 1:
            break
        last = t
    return last


def _subject_then_verb(doc: Doc, tokens: list[int]) -> tuple[Token | None, Token | None]:
    """A closing clause that opens with its subject: "Ana shot back", "an angry Ana retaliated",
    "a source, who asked not to be named, told the paper": the verb and the subject's head word."""
    phrase: list[Token] = []
    j = 0
    while j < min(len(tokens), _SUBJECT_REACH):
        t = doc[tokens[j]]
        if phrase and (t.pos_ == "VERB" and t.tag_ in _FINITE or _misread_read(t, j, tokens)):
            heads = [p for p in phrase if p.pos_ in ("PROPN", "NOUN", "PRON")]
            return (t, heads[-1]) if heads else (None, None)
        if t.text == "," and phrase:
            # an apposition or a relative clause between commas: "Ana Ruiz, a nurse,", "a source, who ...,"
            close = next((m for m in range(j + 1, min(len(tokens), j + _SUBJECT_REACH)) if doc[tokens[m]].text == ","), None)
            if close is None:
                return None, None
            j = close + 1
            continue
        if t.pos_ not in _PHRASE_TAGS and t.text != "-":
            return None, None
        phrase.append(t)
        j += 1
    return None, None


# How a speech noun's own words hang on it ("claim that ...", "remarks about ..."); a quote
# right after it otherwise is what someone called it ("called Trump's remarks 'racist'").
_NOUN_COMPLEMENTS = frozenset({"acl", "relcl", "prep", "ccomp"})


def _named_owner(noun: Token) -> Token | None:
    """The name owning a speech noun: "Trump" of "Trump's claim"."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SPEECH_NOUNS:
        return None
    if noun.dep_ in ("dobj", "oprd", "nsubjpass") and noun.head.lemma_.lower() in NAMING_VERBS:
        return None  # "Y called Trump's remarks 'racist'": Y's word for them
    return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)



def _mere_thing(subject: Token, who: Who | None) -> bool:
    """A subject that names a thing no one stands behind: a common noun that resolved to no
    entity and is neither a person nor a document."""
    return who is not None and who.entity is None and subject.pos_ == "NOUN" and subject.ent_type_ == "" \
        and subject.lemma_.lower() not in UNNAMED_ROLES | NON_PERSON_NOUNS and not subject.tag_ == "NNS"



def _antecedent(token: Token) -> Token:
    """What a relative pronoun subject stands for ("Beck" in "Beck, who said"); any other token itself.
    "who" passes over a body to the person it hangs on: "Morgan, a lawyer for the Sierra Club, who"."""
    if token.lower_ not in _RELATIVE or token.dep_ not in SUBJECT_DEPS:
        return token
    if token.head.dep_ != "relcl":
        # the parser hung the relative clause elsewhere ("turned to the police, which reported"):
        # the name right before the pronoun
        before = token.doc[token.i - 1] if token.i > 0 else None
        if before is not None and before.text == "," and before.i > 0:
            before = token.doc[before.i - 1]
        if token.tag_ in ("WDT", "WP") and before is not None and before.pos_ == "PROPN":
            return before
        return token
    antecedent = token.head.head
    if token.lower_ == "who" and antecedent.ent_type_ in ("ORG", "GPE", "NORP", "FAC"):
        t = antecedent
        for _ in range(6):
            if t.dep_ not in ("pobj", "prep", "appos", "compound") or t.head is t:
                break
            t = t.head
            if t.ent_type_ == "PERSON":
                return t
    return antecedent


def _chars(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token)


# Each rule's precision on the dev data (share of its quotes given the gold full name,
# smoothed as (right + 1) / (n + 2)), measured by scripts/calibrate.py; the answer's
# ``confidence``. A quote no rule attributes has no speaker and confidence 0.
RULE_PRECISION: dict[str, float] = {
    "according-to": 0.89, "byline": 0.96, "carried-over": 0.93, "colon-lead-in": 0.73, "cue-subject": 0.93,
    "frame-verb": 0.84, "nearest-person": 0.8, "paragraph-subject": 0.5, "previous-sentence": 0.6,
    "previous-speaker": 0.77, "speech-noun": 0.83, "transcript": 0.92, "trailing-clause": 0.8, "none": 0.0,
}
