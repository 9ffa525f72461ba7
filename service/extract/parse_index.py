"""The parse of one article, indexed once (``ParseIndex``): a token's sentence and that sentence's
root, and a token's children by dependency, in constant time.

spaCy's ``Token.sent`` walks back to the sentence start and on to its end on every call, and
``Span.root`` walks the sentence again, so asking them once per quote is quadratic in the quotes
of one long sentence (a run-on article with no sentence end is one sentence). The index gives
the same spans as ``Token.sent`` and the same roots as ``Span.root``. These are the parser's
sentences, which ``quotes.sentences`` reads to cut the article's own.

Likewise ``Token.children`` lists every child: a verb the parser hangs a thousand quotes on has
a thousand, and asking for its subject once per quote is quadratic. ``children_with`` gives the
children with some dependencies, ``has_child`` whether there is one with a dependency or tag.
``sentence_words`` finds a word in a token's sentence without reading the sentence, ``words``
in the article.
Each part is built on its first use, once per article. Not handled: tokens of another ``Doc``.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable

from spacy.tokens import Doc, Span, Token


@dataclass
class _Bounds:
    start: list[int]  # per token: the index of its sentence's first token
    end: list[int]  # per token: one past its sentence's last token


@dataclass
class _Children:
    by_dep: defaultdict[int, dict[str, list[int]]]  # head -> dependency -> children, in order
    tags: defaultdict[int, set[str]]  # head -> its children's tags


class ParseIndex:
    """The sentences and children of one ``Doc``'s parse, for tokens of that ``Doc``."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._roots: dict[int, Token] = {}  # sentence start -> root, as asked

    @cached_property
    def _bounds(self) -> _Bounds:
        doc = self.doc
        start = [0] * len(doc)
        end = [0] * len(doc)
        for sent in doc.sents:
            start[sent.start:sent.end] = [sent.start] * (sent.end - sent.start)
            end[sent.start:sent.end] = [sent.end] * (sent.end - sent.start)
        return _Bounds(start, end)

    @cached_property
    def _children(self) -> _Children:
        built = _Children(defaultdict(dict), defaultdict(set))
        for t in self.doc:
            head = t.head.i
            if head != t.i:
                built.by_dep[head].setdefault(t.dep_, []).append(t.i)
                built.tags[head].add(t.tag_)
        return built

    @cached_property
    def _words(self) -> dict[str, list[int]]:
        words: dict[str, list[int]] = {}
        for t in self.doc:
            words.setdefault(t.lower_, []).append(t.i)
        return words

    def sentence_of(self, token: Token) -> Span:
        """``token.sent``, without a walk over the sentence."""
        bounds = self._bounds
        return self.doc[bounds.start[token.i]:bounds.end[token.i]]

    def sentence_start(self, token: Token) -> int:
        """``token.sent.start``."""
        return self._bounds.start[token.i]

    def sentence_end(self, token: Token) -> int:
        """``token.sent.end``."""
        return self._bounds.end[token.i]

    def sentence_root(self, token: Token) -> Token:
        """``token.sent.root``, found once per sentence."""
        bounds = self._bounds
        start = bounds.start[token.i]
        root = self._roots.get(start)
        if root is None:
            root = self._roots[start] = self.doc[start:bounds.end[token.i]].root
        return root

    def children_with(self, token: Token, deps: Iterable[str]) -> list[Token]:
        """``[c for c in token.children if c.dep_ in deps]``, in the same order."""
        by_dep = self._children.by_dep.get(token.i)
        if not by_dep:
            return []
        found = [i for dep in set(deps) for i in by_dep.get(dep, ())]
        return [self.doc[i] for i in sorted(found)]

    def has_child(self, token: Token, dep: str | None = None, tag: str | None = None) -> bool:
        """Whether a child of ``token`` has the dependency ``dep`` or the tag ``tag``."""
        index = self._children
        return (dep is not None and dep in index.by_dep.get(token.i, ())) \
            or (tag is not None and tag in index.tags.get(token.i, ()))

    def words(self, lower: str) -> list[Token]:
        """The article's tokens whose lower-case form is ``lower``, in order."""
        return [self.doc[i] for i in self._words.get(lower, [])]

    def sentence_words(self, token: Token, lower: str) -> list[Token]:
        """The tokens of ``token``'s sentence whose lower-case form is ``lower``, in order."""
        found = self._words.get(lower, [])
        bounds = self._bounds
        lo = bisect.bisect_left(found, bounds.start[token.i])
        hi = bisect.bisect_left(found, bounds.end[token.i])
        return [self.doc[i] for i in found[lo:hi]]
