"""The articles the scripts read: gold JSON lines and their parsed documents (calibrate, predict),
the seed and the dev set's first articles or all their paragraphs (bench, linearity).

Where the dev set is absent, bench and linearity fall back on the seed (and articles rearranged
from its paragraphs), and say so. Scoring is the eval directory's score.py, not this module's.
"""
from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from scripts import EVAL_DIR, SEED_PATH
from service.extract import parse

DEV_PATH = EVAL_DIR / "dev.jsonl"


def read_articles(path: str) -> list[dict]:
    """One article a line: {"id", "text", ...}."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def parsed(nlp: Language, articles: list[dict], cache: str | None = None) -> list[Doc]:
    """The articles parsed as the service parses them; read from (or written to) a DocBin cache."""
    if cache and os.path.exists(cache):
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = [parse(nlp, art["text"]) for art in articles]
    if cache:
        store = DocBin()
        for doc in docs:
            store.add(doc)
        store.to_disk(cache)
    return docs


@dataclass(frozen=True)
class Article:
    """One article to measure: an id and its text."""

    id: str
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def read_seed(path: Path = SEED_PATH) -> str:
    return path.read_bytes().decode("utf-8")


def paragraphs_of(text: str) -> list[str]:
    """The non-blank lines of ``text`` (a paragraph is a line, docs/api.md)."""
    return [line for line in text.split("\n") if line.strip()]


def synthetic_articles(seed: str, count: int) -> list[Article]:
    """``count`` articles made of the seed's paragraphs, shuffled and cut to varied lengths."""
    paras = paragraphs_of(seed)
    out = []
    for i in range(count):
        rng = random.Random(i)
        chosen = paras[:]
        rng.shuffle(chosen)
        keep = rng.randint(max(1, len(chosen) // 3), len(chosen))
        out.append(Article(f"synthetic-{i + 1}", "\n\n".join(chosen[:keep]) + "\n"))
    return out


def load_articles(count: int, dev_path: Path | None) -> tuple[list[Article], str]:
    """The seed and the first ``count`` dev articles, and a word saying where they came from."""
    seed = Article("seed", read_seed())
    if dev_path is not None and dev_path.is_file():
        with dev_path.open(encoding="utf-8") as f:
            dev = []
            for line in f:
                if len(dev) >= count:
                    break
                if line.strip():
                    item = json.loads(line)
                    dev.append(Article(str(item.get("id", len(dev) + 1)), item["text"]))
        return [seed] + dev, f"seed + first {len(dev)} articles of {dev_path}"
    return [seed] + synthetic_articles(seed.text, count), (
        f"seed + {count} synthetic articles built from the seed ({dev_path} not found)")


def corpus_paragraphs(dev_path: Path | None) -> tuple[list[str], str]:
    """The paragraphs of the seed and of every dev article (the seed alone when there is no dev set)."""
    paras = paragraphs_of(read_seed())
    if dev_path is None or not dev_path.is_file():
        return paras, f"seed paragraphs only ({dev_path} not found)"
    with dev_path.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    return paras + [p for t in texts for p in paragraphs_of(t)], f"seed + all {len(texts)} articles of {dev_path}"
