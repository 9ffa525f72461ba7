"""Scripts that measure, score and exercise the service, run from the repository as modules.

    python -m scripts.bench          # likewise scripts.load, scripts.accuracy_gate, scripts.hostile ...

They import the service as the installed package (``make install`` installs the project
into .venv, editable) and each other as ``scripts.*``. Default paths are relative to the
repository: ``ROOT`` is it, ``EVAL_DIR`` the shared evaluation data beside it.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT.parent / "shared" / "eval"
SEED_PATH = ROOT / "seeds" / "000_804a390cb46da908.txt"
