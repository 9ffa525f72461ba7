"""The parse, indexed once per ``Doc``: a token's sentence and that sentence's root, and a
token's children by dependency, in constant time.

spaCy's ``Token.sent`` walks back to the sentence start and on to its end on every call, and
``Span.root`` walks the sentence again, so asking them once per quote is quadratic in the quotes
of one long sentence (a run-on article with no sentence end is one sentence). The index is
built on the first call and kept in ``doc.user_data``; it gives the same spans as ``Token.sent``
and the same roots as ``Span.root``. These are the parser's sentences, which ``sentences``
reads to cut the article's own.

Likewise ``Token.children`` lists every child: a verb the parser hangs a thousand quotes on has
a thousand, and asking for its subject once per quote is quadratic. ``children_with`` gives the
children with some dependencies, ``has_child`` whether there is one with a dependency or tag.
``sentence_words`` finds a word in a token's sentence without reading the sentence.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from spacy.tokens import Doc, Span, Token

_KEY = "quotes.parsed_sentences"
_CHILDREN_KEY = "quotes.children"
_WORDS_KEY = "quotes.words"


@dataclass
class _Index:
    start: list[int]  # per token: the index of its sentence's first token
    end: list[int]  # per token: one past its sentence's last token
    roots: dict[int, Token] = field(default_factory=dict)  # sentence start -> root, as asked


def _index(doc: Doc) -> _Index:
    cached = doc.user_data.get(_KEY)
    if isinstance(cached, _Index):
        return cached
    start = [0] * len(doc)
    end = [0] * len(doc)
    for sent in doc.sents:
        start[sent.start:sent.end] = [sent.start] * (sent.end - sent.start)
        end[sent.start:sent.end] = [sent.end] * (sent.end - sent.start)
    built = _Index(start, end)
    doc.user_data[_KEY] = built
    return built


def sentence_of(token: Token) -> Span:
    """``token.sent``, without a walk over the sentence."""
    index = _index(token.doc)
    return token.doc[index.start[token.i]:index.end[token.i]]


def sentence_start(token: Token) -> int:
    """``token.sent.start``."""
    return _index(token.doc).start[token.i]


def sentence_end(token: Token) -> int:
    """``token.sent.end``."""
    return _index(token.doc).end[token.i]


def sentence_root(token: Token) -> Token:
    """``token.sent.root``, found once per sentence."""
    index = _index(token.doc)
    start = index.start[token.i]
    root = index.roots.get(start)
    if root is None:
        root = index.roots[start] = token.doc[start:index.end[token.i]].root
    return root


@dataclass
class _Children:
    by_dep: defaultdict[int, dict[str, list[int]]]  # head -> dependency -> children, in order
    tags: defaultdict[int, set[str]]  # head -> its children's tags


def _children(doc: Doc) -> _Children:
    cached = doc.user_data.get(_CHILDREN_KEY)
    if isinstance(cached, _Children):
        return cached
    built = _Children(defaultdict(dict), defaultdict(set))
    for t in doc:
        head = t.head.i
        if head != t.i:
            built.by_dep[head].setdefault(t.dep_, []).append(t.i)
            built.tags[head].add(t.tag_)
    doc.user_data[_CHILDREN_KEY] = built
    return built


def children_with(token: Token, deps: Iterable[str]) -> list[Token]:
    """``[c for c in token.children if c.dep_ in deps]``, in the same order."""
    by_dep = _children(token.doc).by_dep.get(token.i)
    if not by_dep:
        return []
    found = [i for dep in set(deps) for i in by_dep.get(dep, ())]
    return [token.doc[i] for i in sorted(found)]


def has_child(token: Token, dep: str | None = None, tag: str | None = None) -> bool:
    """Whether a child of ``token`` has the dependency ``dep`` or the tag ``tag``."""
    index = _children(token.doc)
    return (dep is not None and dep in index.by_dep.get(token.i, ())) \
        or (tag is not None and tag in index.tags.get(token.i, ()))


def sentence_words(token: Token, lower: str) -> list[Token]:
    """The tokens of ``token``'s sentence whose lower-case form is ``lower``, in order."""
    doc = token.doc
    words = doc.user_data.get(_WORDS_KEY)
    if not isinstance(words, dict):
        words = {}
        for t in doc:
            words.setdefault(t.lower_, []).append(t.i)
        doc.user_data[_WORDS_KEY] = words
    found = words.get(lower, [])
    index = _index(doc)
    lo = bisect.bisect_left(found, index.start[token.i])
    hi = bisect.bisect_left(found, index.end[token.i])
    return [doc[i] for i in found[lo:hi]]
