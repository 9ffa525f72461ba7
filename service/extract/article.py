"""One parsed article and the facts its stages share, each computed once (``Article``).

The pipeline makes one ``Article`` per ``Doc`` and hands it to the stages: the filters, the
people, the speakers' context, roles, claims and events. It holds the ``Doc``, its text, the
quoted runs, the parse index (``parse_index.ParseIndex``) and the article's sentences
(``quotes.sentences``). Facts only one stage reads are computed once by that stage's own
per-article object, made from the ``Article``: the event candidates by ``events.choice.Events``,
the role facts said once for everybody by ``roles.choice.Roles``, the sentences' claim
readings by ``events.claims.Claims``; this module imports no stage, so every stage may import it.
Nothing is kept on the ``Doc`` itself: a ``Doc`` extracted twice is read twice.
"""
from __future__ import annotations

from functools import cached_property
from typing import Sequence

from spacy.tokens import Doc

from .parse_index import ParseIndex
from .quotes.sentences import Sentences, split_sentences


class Article:
    """A parsed article: ``doc``, its ``text``, the ``quoted`` runs as (start, end) in text order,
    the parse ``index`` and, when first asked, its ``sentences``."""

    def __init__(self, doc: Doc, quoted: Sequence[tuple[int, int]] = (), text: str | None = None,
                 index: ParseIndex | None = None) -> None:
        """``text`` is ``doc.text`` when the caller has it already (Doc.text joins every token anew);
        ``index`` one already made for this ``doc`` (the filters read it before the runs are final)."""
        self.doc = doc
        self.text = doc.text if text is None else text
        self.quoted: tuple[tuple[int, int], ...] = tuple(quoted)
        self.index = ParseIndex(doc) if index is None else index

    @cached_property
    def sentences(self) -> Sentences:
        return split_sentences(self.doc)
