"""Parsing, and the order of the extraction steps: marks, frames, people, speakers, records."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .deadline import NEVER, Deadline
from .frames import Layout
from .filters import reason_to_drop
from .marks import Paragraph, Run, paragraphs, quoted_runs
from .people import People
from .records import Extraction, Quote, Speaker, SpeakerRef, TextSpan
from .speakers import RULE_PRECISION, Attributor, Decision, quote_kind, speaker_name

# Paragraphs are parsed in batches of about this many characters, the deadline checked between them.
_BATCH_CHARS = 20_000


def _chunks(text: str) -> list[str]:
    """Contiguous slices of ``text``, each a run of whole lines, that join back to ``text``."""
    out: list[str] = []
    start = 0
    while start < len(text):
        cut = text.find("\n", start + _BATCH_CHARS)
        end = len(text) if cut < 0 else cut + 1
        out.append(text[start:end])
        start = end
    return out


def parse(nlp: Language, text: str, deadline: Deadline = NEVER) -> Doc:
    """One ``Doc`` for the whole text, whose ``doc.text == text`` exactly."""
    if len(text) <= _BATCH_CHARS:
        deadline.check()
        return nlp(text)
    docs = []
    for doc in nlp.pipe(_chunks(text)):
        deadline.check()
        docs.append(doc)
    return Doc.from_docs(docs, ensure_whitespace=False)


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(text[start:end], start, end)


def _attribute(doc: Doc, runs: list[Run], paras: list[Paragraph]) -> tuple[Layout, list[Decision]]:
    layout = Layout(doc, runs, paras)
    people = People(doc, lambda i: layout.run_of[i] != -1)
    return layout, Attributor(doc, layout, people).run()


def extract(doc: Doc, deadline: Deadline = NEVER) -> Extraction:
    """Quotes and speakers of a parsed article."""
    text = doc.text
    runs = quoted_runs(text)
    if not runs:
        return Extraction()
    paras = paragraphs(text)
    layout, decisions = _attribute(doc, runs, paras)
    deadline.check()
    keep = [k for k in range(len(runs)) if reason_to_drop(doc, layout, k, decisions[k]) is None]
    if len(keep) < len(runs):
        # Attribute again without them: a title between two quotes must not carry a speaker over.
        runs = [runs[k] for k in keep]
        if not runs:
            return Extraction()
        layout, decisions = _attribute(doc, runs, paras)
        deadline.check()

    speaker_ids: dict[object, str] = {}
    speaker_quotes: dict[str, list[str]] = {}
    speaker_info: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    quotes: list[Quote] = []
    for k, (run, decision) in enumerate(zip(runs, decisions)):
        qid = f"q{k + 1}"
        who = decision.speaker
        name = speaker_name(who)
        sid = None
        if name is not None and who is not None:
            key: object = who.entity.key if who.entity is not None else ("description", name.lower())
            sid = speaker_ids.setdefault(key, f"s{len(speaker_ids) + 1}")
            speaker_quotes.setdefault(sid, []).append(qid)
            mentions = list(who.entity.mentions) if who.entity is not None else []
            if sid in speaker_info:
                mentions = speaker_info[sid][1]
            if who.mention is not None and who.mention not in mentions:
                mentions.append(who.mention)
            speaker_info[sid] = (name, mentions)
        mention = _span(text, *who.mention) if who is not None and who.mention is not None and sid else None
        quotes.append(Quote(
            id=qid, text=text[run.start:run.end], start=run.start, end=run.end,
            kind=quote_kind(doc, layout, k),
            continues=f"q{decision.continues + 1}" if decision.continues is not None else None,
            speaker=SpeakerRef(sid, name if sid else None, mention),
            cue=_span(text, *decision.cue) if decision.cue else None,
            claim=None, event=None, rule=decision.rule,
            confidence=RULE_PRECISION.get(decision.rule, 0.0),
        ))
    speakers = tuple(
        Speaker(id=sid, name=name, role=None, affiliation=None,
                mentions=tuple(_span(text, s, e) for s, e in sorted(set(mentions))),
                quote_ids=tuple(speaker_quotes[sid]))
        for sid, (name, mentions) in speaker_info.items()
    )
    return Extraction(quotes=tuple(quotes), speakers=speakers)
