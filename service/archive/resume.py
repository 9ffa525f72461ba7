"""Resume state: OUTPUT's manifest, the ids already written, and the claims on ids during a run.

``manifest.json`` in OUTPUT records what made it (model, service version, format, id, text
and kept fields). A rerun into the same OUTPUT must match it: another model or service
version is refused unless forced, another format or other fields always (their shards would
not fit together). ``written`` counts the ids in the ``articles`` shards (after dropping
temporary files and ``quotes`` shards left without their ``articles`` shard by a crash), and
``IdClaims`` (one Ray actor per run) decides for every row read whether it is new, already
written (skipped) or a repeat of an id seen earlier in this run (``duplicate_id``).
"""
from __future__ import annotations

import json
import zlib
from collections import Counter
from typing import Any

import pyarrow.fs as pafs

from . import shards

MANIFEST = "manifest.json"
FORCEABLE = ("model", "version")


class Refused(Exception):
    """OUTPUT holds a run this one cannot continue."""


def check_manifest(fs: pafs.FileSystem, root: str, wanted: dict[str, Any], force: bool) -> None:
    """Write the manifest for a new OUTPUT; for an existing one, raise Refused on a mismatch
    (only model and version can be forced, and then the manifest is rewritten)."""
    path = f"{root}/{MANIFEST}"
    if fs.get_file_info(path).type == pafs.FileType.File:
        with fs.open_input_stream(path) as stream:
            found = json.loads(stream.read().decode("utf-8"))
        differ = [k for k in wanted if found.get(k) != wanted[k]]
        fixed = [k for k in differ if k not in FORCEABLE]
        if fixed:
            raise Refused("OUTPUT was written with another " + ", ".join(
                f"{k} ({found.get(k)!r}, now {wanted[k]!r})" for k in fixed) + "; use a new OUTPUT")
        if differ and not force:
            raise Refused("OUTPUT was written by another " + ", ".join(
                f"{k} ({found.get(k)!r}, now {wanted[k]!r})" for k in differ)
                + "; use a new OUTPUT, or --force to add to it anyway")
        if not differ:
            return
    with fs.open_output_stream(path) as out:
        out.write((json.dumps(wanted, indent=2) + "\n").encode("utf-8"))


def clean(fs: pafs.FileSystem, root: str) -> int:
    """Drop what a crash left: temporary files, and quotes shards without their articles shard; how many."""
    dropped = 0
    tmp = fs.get_file_info(pafs.FileSelector(f"{root}/{shards.TMP}", allow_not_found=True))
    for info in tmp:
        if info.type == pafs.FileType.File:
            fs.delete_file(info.path)
            dropped += 1
    done = set(shards.shard_names(fs, root, "articles"))
    for name in shards.shard_names(fs, root, "quotes"):
        if name not in done:
            fs.delete_file(f"{root}/quotes/{name}")
            dropped += 1
    return dropped


def written(fs: pafs.FileSystem, root: str, fmt: str) -> Counter[str]:
    """How many ``articles`` rows each id already has in OUTPUT."""
    counts: Counter[str] = Counter()
    for name in shards.shard_names(fs, root, "articles"):
        counts.update(shards.read_column(fs, f"{root}/articles/{name}", fmt, "id"))
    return counts


NEW, SKIP, DUPLICATE = "new", "skip", "duplicate"


def row_key(source: str, line: int) -> int:
    """A small, stable key for one input row (so a retried batch claims its own rows again)."""
    return zlib.crc32(f"{source}\0{line}".encode("utf-8", "surrogatepass")) << 32 | (line & 0xFFFFFFFF)


class IdClaims:
    """Who holds each id in this run (run as one Ray actor; a few bytes per id).

    The k-th distinct row to claim an id is skipped while k is within the rows OUTPUT already
    holds for it; past that, the first is new and the rest are duplicates. A row claiming again
    (a retried batch) gets the same answer."""

    def __init__(self, already: dict[str, int]) -> None:
        self.already = already
        self.holders: dict[str, int | list[int]] = {}

    def claim(self, ids: list[str], keys: list[int]) -> list[str]:
        out = []
        for given, key in zip(ids, keys):
            held = self.holders.get(given)
            if held is None:
                self.holders[given] = key
                rank = 0
            else:
                rows = held if isinstance(held, list) else [held]
                if key in rows:
                    rank = rows.index(key)
                else:
                    rows.append(key)
                    rank = len(rows) - 1
                    self.holders[given] = rows
            if rank < self.already.get(given, 0):
                out.append(SKIP)
            else:
                out.append(NEW if rank == 0 else DUPLICATE)
        return out
