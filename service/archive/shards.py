"""Writing shards: each batch's rows of the two tables as a pair of files under OUTPUT.

A batch's ``quotes`` shard is written first and its ``articles`` shard last, each to a
temporary name under ``OUTPUT/_tmp/`` and then moved to ``OUTPUT/<table>/part-<name>.<ext>``,
so a shard appears under its final name only when complete, and a batch counts as written
only once its ``articles`` shard is there (``resume`` drops a ``quotes`` shard left without one).
Formats: Parquet (default) or JSON lines. Which rows go in is ``worker``'s and ``tables``'.
"""
from __future__ import annotations

import json
import os
import uuid
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs

TABLES = ("quotes", "articles")
TMP = "_tmp"
SUFFIXES = {"parquet": ".parquet", "jsonl": ".jsonl"}


def output_fs(output: str) -> tuple[pafs.FileSystem, str]:
    """OUTPUT's filesystem and path (a local path made absolute, or any URI pyarrow opens)."""
    if "://" in output:
        return pafs.FileSystem.from_uri(output)
    return pafs.LocalFileSystem(), os.path.abspath(output)


def prepare(fs: pafs.FileSystem, root: str) -> None:
    """Make OUTPUT and its table and temporary folders."""
    for folder in (*TABLES, TMP):
        fs.create_dir(f"{root}/{folder}", recursive=True)


def _write(fs: pafs.FileSystem, path: str, rows: pa.Table, fmt: str) -> None:
    if fmt == "parquet":
        import pyarrow.parquet as pq
        with fs.open_output_stream(path) as out:
            pq.write_table(rows, out)
    else:
        with fs.open_output_stream(path) as out:
            for row in rows.to_pylist():
                out.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))


def write_pair(fs: pafs.FileSystem, root: str, fmt: str, quotes: pa.Table, articles: pa.Table) -> str:
    """Write one batch's shards (quotes first, when it has any; articles last); the shard's name."""
    name = f"part-{uuid.uuid4().hex}{SUFFIXES[fmt]}"
    for table_name, rows in (("quotes", quotes), ("articles", articles)):
        if table_name == "quotes" and rows.num_rows == 0:
            continue
        tmp = f"{root}/{TMP}/{table_name}-{name}"
        _write(fs, tmp, rows, fmt)
        fs.move(tmp, f"{root}/{table_name}/{name}")
    return name


def shard_names(fs: pafs.FileSystem, root: str, table_name: str) -> list[str]:
    """The complete shards of one table (their file names)."""
    infos = fs.get_file_info(pafs.FileSelector(f"{root}/{table_name}", allow_not_found=True))
    return sorted(i.base_name for i in infos if i.type == pafs.FileType.File and i.base_name.startswith("part-"))


def read_column(fs: pafs.FileSystem, path: str, fmt: str, column: str) -> list[Any]:
    """One column of one shard."""
    if fmt == "parquet":
        import pyarrow.parquet as pq
        with fs.open_input_file(path) as handle:
            return pq.read_table(handle, columns=[column]).column(column).to_pylist()
    with fs.open_input_stream(path) as stream:
        return [json.loads(line)[column] for line in stream.read().decode("utf-8").splitlines() if line]
