"""Archives: the API's extraction over JSONL or Parquet archives on Ray Data, locally or on a cluster.

``python -m service archive INPUT OUTPUT`` (``command``) reads raw rows (``rows``), extracts
them in a pool of actors that each load the model once (``worker``), writes each batch as a
pair of shards of the ``quotes`` and ``articles`` tables (``tables``, ``shards``), skips what an
earlier run already wrote (``resume``) and counts the rows done (``totals``) under the
command line's progress bar (``service.progress``). The core
(``service.extract``) and the HTTP-free modules the API uses are reused unchanged; Ray is
imported only when the command runs, so ``service.cli`` stays light.
"""
from __future__ import annotations

from .command import add_parser, run

__all__ = ["add_parser", "run"]
