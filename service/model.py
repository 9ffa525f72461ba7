"""The app's spaCy pipeline and whether it is loaded yet: what /readyz reports.

Loaded at app creation by default, so that gunicorn ``--preload`` loads it once before
forking. ``MODEL_LOADING`` may instead load it on a background thread (the app answers
``/healthz`` at once and ``/readyz`` turns 200 when done; never with ``--preload``, since
threads do not survive a fork) or leave it to the caller (``manual``: ``load()`` it yourself).
``memory_zone`` wraps each request's spaCy work, so the vocabulary does not grow with it.
"""
from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from itertools import islice
from typing import Any, Iterator

from spacy.language import Language

from .problems import ApiError
from .nlp import load_pipeline, model_label

log = logging.getLogger("service.model")

LOADING_MODES = ("eager", "background", "manual")

# spaCy's memory zones must not nest, and the end of one drops every string added since it
# began, a concurrent request's too: one zone at a time per process (uncontended in a sync worker).
_ZONE_LOCK = threading.Lock()


@contextmanager
def memory_zone(nlp: Language) -> Iterator[None]:
    """``nlp.memory_zone()``, one at a time: the strings and lexemes a request adds to the
    vocabulary (every never-seen word) are freed when it ends, so memory stays flat. Nothing
    made inside (Doc, Span, Token, Lexeme) may be used after it; the core's records are plain.

    spaCy's lemmatizer keeps a cache keyed by each word's string id that the zone does not
    clear: the entries the zone added for words it dropped are dropped with them."""
    with _ZONE_LOCK:
        caches = _word_caches(nlp)
        sizes = [len(cache) for cache in caches]
        try:
            with nlp.memory_zone():
                yield
        finally:
            for cache, size in zip(caches, sizes):
                _forget_dropped_words(nlp, cache, size)


def _word_caches(nlp: Language) -> list[dict[Any, Any]]:
    """The components' caches keyed by (string id, ...): the rule lemmatizer's."""
    caches = [getattr(pipe, "cache", None) for _, pipe in nlp.pipeline]
    return [cache for cache in caches if isinstance(cache, dict)]


def _forget_dropped_words(nlp: Language, cache: dict[Any, Any], size: int) -> None:
    """Drop the entries added after the first ``size`` (dicts keep insertion order) whose word
    is no longer in the string store."""
    strings = nlp.vocab.strings
    added = islice(reversed(cache), max(0, len(cache) - size))  # the newest first, never the old ones
    stale = [key for key in added
             if isinstance(key, tuple) and key and isinstance(key[0], int) and key[0] not in strings]
    for key in stale:
        del cache[key]


class Model:
    """A named spaCy pipeline that may not be loaded yet."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.label: str | None = None  # meta.model, known once loaded
        self._nlp: Language | None = None

    @property
    def ready(self) -> bool:
        return self._nlp is not None

    def load(self) -> Language:
        """Load the pipeline (once per process; later calls return the same one)."""
        nlp = load_pipeline(self.name)
        self.label = model_label(self.name, nlp)
        self._nlp = nlp
        log.info("model loaded: %s", self.label)
        return nlp

    def load_in_background(self) -> threading.Thread:
        """Start loading on a daemon thread; a failure is logged and the app stays not ready."""
        def run() -> None:
            try:
                self.load()
            except Exception:
                log.exception("loading model %r failed", self.name)

        thread = threading.Thread(target=run, name="load-model", daemon=True)
        thread.start()
        return thread

    def pipeline(self) -> Language:
        """The loaded pipeline, or 503 ``not_ready``."""
        if self._nlp is None:
            raise ApiError(503, "not_ready", "the language model is still loading; retry shortly",
                           headers={"Retry-After": "5"})
        return self._nlp
