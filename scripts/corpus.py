"""Gold articles and their parsed documents, for the scripts that measure the core without HTTP."""
from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402

from service.extract import parse  # noqa: E402


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
