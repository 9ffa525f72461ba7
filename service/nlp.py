"""The spaCy pipeline: loaded once per process (gunicorn --preload loads it before forking)."""
from __future__ import annotations

import threading

import spacy
from spacy.language import Language

_lock = threading.Lock()
_loaded: dict[str, Language] = {}


def load_pipeline(name: str) -> Language:
    """Load the named spaCy pipeline once and return the same object on every later call."""
    with _lock:
        if name not in _loaded:
            _loaded[name] = spacy.load(name)
        return _loaded[name]


def model_label(name: str, nlp: Language) -> str:
    """``meta.model``: the name spacy.load takes, a space, and the model's version."""
    return f"{name} {nlp.meta.get('version', 'unknown')}"
