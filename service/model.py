"""The app's spaCy pipeline and whether it is loaded yet: what /readyz reports.

Loaded at app creation by default, so that gunicorn ``--preload`` loads it once before
forking. ``MODEL_LOADING`` may instead load it on a background thread (the app answers
``/healthz`` at once and ``/readyz`` turns 200 when done; never with ``--preload``, since
threads do not survive a fork) or leave it to the caller (``manual``: ``load()`` it yourself).
"""
from __future__ import annotations

import logging
import threading

from spacy.language import Language

from .errors import ApiError
from .nlp import load_pipeline, model_label

log = logging.getLogger("service.model")

LOADING_MODES = ("eager", "background", "manual")


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
