"""Measure each attribution rule's precision on gold data: the ``confidence`` the answer gives.

    python -m scripts.calibrate [GOLD.jsonl ...]   # default: ../shared/eval/dev.jsonl and bbc_dev.jsonl

For every predicted quote that matches a gold quote (the scorer's own matching), the rule
that chose its speaker is right when the scorer's full-name check passes (or, where gold
has no resolved name, its mention check), counted over all the gold files together (US politics
and BBC news: a rule's confidence should hold on news of either kind). The precision is smoothed, (right + 1) / (n + 2),
so that a rule seen on a handful of quotes does not claim certainty. Prints a table and the
dict to paste into service/extract/speakers/sieves.py as RULE_PRECISION.
"""
from __future__ import annotations

import argparse
import collections
import dataclasses
import importlib.util
import json
import os

from scripts import EVAL_DIR
from scripts.corpus import parsed, read_articles
from service.config import DEFAULTS
from service.extract import extract
from service.nlp import load_pipeline


def _scorer(gold_path: str):
    path = os.path.join(os.path.dirname(os.path.abspath(gold_path)), "score.py")
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="*", default=[str(EVAL_DIR / "dev.jsonl"), str(EVAL_DIR / "bbc_dev.jsonl")])
    ap.add_argument("--model", default=os.environ.get("QUOTES_SPACY_MODEL", DEFAULTS["SPACY_MODEL"]))
    a = ap.parse_args()
    score = _scorer(a.gold[0])
    nlp = load_pipeline(a.model)
    articles = [art for path in a.gold for art in read_articles(path)]
    docs = parsed(nlp, articles, None)
    right, total = collections.Counter(), collections.Counter()
    for art, doc in zip(articles, docs):
        quotes = [dataclasses.asdict(q) for q in extract(doc).quotes]
        for gi, pi in score.match(art["quotes"], quotes, art["text"], 0.8):
            full, _, mention = score.speaker_verdict(art["quotes"][gi], quotes[pi])
            verdict = full if full is not None else mention
            if verdict is None:
                continue
            rule = quotes[pi]["rule"]
            total[rule] += 1
            right[rule] += bool(verdict)
    smoothed = {r: round((right[r] + 1) / (total[r] + 2), 2) for r in sorted(total)}
    print(f"{'rule':20} {'right':>6} {'of':>6} {'precision':>9} {'smoothed':>9}")
    for rule in sorted(total, key=lambda r: -total[r]):
        print(f"{rule:20} {right[rule]:6} {total[rule]:6} {right[rule] / total[rule]:9.2f} {smoothed[rule]:9.2f}")
    print("RULE_PRECISION =", json.dumps(smoothed))


if __name__ == "__main__":
    main()
