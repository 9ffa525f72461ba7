"""Offsets in invented test articles: quoted runs, a quote's words, every mention of a word."""
from __future__ import annotations

from service.extract.quotes.marks import quoted_runs


def runs(text: str) -> list[tuple[int, int]]:
    """Every quoted run of ``text`` as (start, end), in text order."""
    return [(r.start, r.end) for r in quoted_runs(text)]


def quote(text: str, words: str) -> tuple[int, int]:
    """(start, end) of the first occurrence of ``words``."""
    start = text.index(words)
    return start, start + len(words)


def mentions(text: str, word: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of ``word``, in text order."""
    out, at = [], text.find(word)
    while at >= 0:
        out.append((at, at + len(word)))
        at = text.find(word, at + 1)
    return out
