"""Run the extraction core over a gold JSONL file and write predictions for score.py --pred.

    python -m scripts.predict GOLD.jsonl OUT.jsonl [--docs CACHE.spacy]

With --docs, parsed documents are read from (or, when absent, written to) a DocBin cache,
so that rule changes can be measured without parsing again.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os

from scripts.corpus import parsed, read_articles
from service.config import DEFAULTS
from service.extract import extract
from service.nlp import load_pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold")
    ap.add_argument("out")
    ap.add_argument("--docs", help="DocBin cache of the parsed articles")
    ap.add_argument("--model", default=os.environ.get("QUOTES_SPACY_MODEL", DEFAULTS["SPACY_MODEL"]))
    a = ap.parse_args()
    articles = read_articles(a.gold)
    docs = parsed(load_pipeline(a.model), articles, a.docs)
    with open(a.out, "w", encoding="utf-8") as out:
        for art, doc in zip(articles, docs):
            result = extract(doc)
            quotes = [dataclasses.asdict(q) for q in result.quotes]
            out.write(json.dumps({"id": art["id"], "quotes": quotes}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
