"""Reading rows: the input files, a Ray datasource of raw rows, and one raw row judged as an article.

``list_inputs`` turns INPUT (a file, a folder or a glob; a local path or any URI pyarrow opens)
into files. ``RawRows`` reads them as raw rows and never judges them: a JSONL line is kept as
its bytes, a Parquet row as its values (read in batches, pickled one by one), so a malformed
line, a non-string text or an integer id cannot fail the read; a file that cannot be read at
all becomes one row saying so. ``judge`` (run in the workers) turns a raw row into an article
or its error, with the checks the API makes (``service.inputs``). Extraction is ``worker``'s.
"""
from __future__ import annotations

import fnmatch
import json
import os
import pickle
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

import pyarrow as pa
import pyarrow.fs as pafs

from ..inputs import decode_utf8, load_article, parse_json, raw_id
from ..problems import ApiError, invalid_request

PARQUET_SUFFIXES = (".parquet", ".pq")
JSONL_SUFFIXES = (".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz", ".ndjson.gz")

# Raw rows per block a read task yields, and bytes read from a file at a time.
ROWS_PER_BLOCK = 1000
READ_BYTES = 1 << 20

RAW_SCHEMA = pa.schema([("source", pa.string()), ("line", pa.int64()), ("kind", pa.string()),
                        ("raw", pa.binary()), ("weight", pa.int64())])


@dataclass(frozen=True)
class InputFile:
    """One input file: its filesystem, path, the name rows cite it by, its size and format."""
    fs: pafs.FileSystem
    path: str
    name: str
    size: int
    kind: str  # "jsonl" or "parquet"


def _kind(path: str) -> str | None:
    lower = path.lower()
    if lower.endswith(PARQUET_SUFFIXES):
        return "parquet"
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return None


def _filesystem(uri: str) -> tuple[pafs.FileSystem, str]:
    if "://" in uri:
        return pafs.FileSystem.from_uri(uri)
    return pafs.LocalFileSystem(), os.path.abspath(uri)


def list_inputs(spec: str) -> list[InputFile]:
    """The files INPUT names, sorted: a file (of any name), a folder's JSONL and Parquet files
    (recursively), or a glob's matches; ValueError when it names none."""
    fs, path = _filesystem(spec)
    pattern = any(c in path for c in "*?[")
    if pattern:
        base = path[:min(path.find(c) for c in "*?[" if c in path)].rsplit("/", 1)[0] or "/"
        infos = fs.get_file_info(pafs.FileSelector(base, recursive=True, allow_not_found=True))
        # "*" stays within a folder, as in a shell; "**" crosses folders
        deep = "**" in path
        chosen = [i for i in infos if i.type == pafs.FileType.File and fnmatch.fnmatch(i.path, path)
                  and (deep or i.path.count("/") == path.count("/"))]
        root = base
    else:
        info = fs.get_file_info(path)
        if info.type == pafs.FileType.File:
            chosen, root = [info], path.rsplit("/", 1)[0]
        elif info.type == pafs.FileType.Directory:
            infos = fs.get_file_info(pafs.FileSelector(path, recursive=True))
            chosen = [i for i in infos if i.type == pafs.FileType.File and _kind(i.path)
                      and not i.base_name.startswith((".", "_"))]
            root = path
        else:
            raise ValueError(f"{spec}: no such file or folder")
    files = [InputFile(fs, i.path, i.path[len(root):].lstrip("/") or i.base_name, i.size or 0,
                       _kind(i.path) or "jsonl") for i in sorted(chosen, key=lambda i: i.path)]
    if not files:
        raise ValueError(f"{spec}: names no JSONL or Parquet file")
    return files


# --- reading, in Ray's read tasks ---------------------------------------------------------------

def _block(rows: list[tuple[str, int, str, bytes, int]]) -> pa.Table:
    source, line, kind, raw, weight = (list(c) for c in zip(*rows))
    return pa.Table.from_arrays([pa.array(source, pa.string()), pa.array(line, pa.int64()),
                                 pa.array(kind, pa.string()), pa.array(raw, pa.binary()),
                                 pa.array(weight, pa.int64())], schema=RAW_SCHEMA)


def _jsonl_rows(f: InputFile) -> Iterator[tuple[str, int, str, bytes, int]]:
    """(source, line number, "jsonl", the line's bytes, its size) of each non-blank line; a byte
    order mark at the start dropped. The file is read a megabyte at a time."""
    number = 0
    rest = b""
    with f.fs.open_input_stream(f.path, compression="detect") as stream:
        while True:
            chunk = stream.read(READ_BYTES)
            if chunk:
                lines = (rest + chunk).split(b"\n")
                rest = lines.pop()
            else:
                lines = [rest] if rest else []
            for raw in lines:
                number += 1
                if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if raw.strip():
                    yield f.name, number, "jsonl", raw, len(raw) + 1
            if not chunk:
                return


def _parquet_rows(f: InputFile, columns: Sequence[str]) -> Iterator[tuple[str, int, str, bytes, int]]:
    """(source, row number from 1, "parquet", the row's wanted values pickled, its share of the
    file's bytes) of each row, read in batches."""
    import pyarrow.parquet as pq

    with f.fs.open_input_file(f.path) as handle:
        parquet = pq.ParquetFile(handle)
        present = [c for c in dict.fromkeys(columns) if c in parquet.schema_arrow.names]
        weight = f.size // max(parquet.metadata.num_rows, 1)
        number = 0
        for batch in parquet.iter_batches(batch_size=ROWS_PER_BLOCK, columns=present):
            for values in batch.to_pylist():
                number += 1
                yield f.name, number, "parquet", pickle.dumps(values), weight


def read_file(f: InputFile, columns: Sequence[str]) -> Iterator[pa.Table]:
    """Blocks of raw rows of one file; a failure to read it ends it with one "unreadable" row."""
    rows: list[tuple[str, int, str, bytes, int]] = []
    last = 0
    try:
        for row in (_parquet_rows(f, columns) if f.kind == "parquet" else _jsonl_rows(f)):
            rows.append(row)
            last = row[1]
            if len(rows) >= ROWS_PER_BLOCK:
                yield _block(rows)
                rows = []
    except (OSError, pa.ArrowException) as exc:
        rows.append((f.name, last + 1, "unreadable", f"cannot read {f.name}: {exc}".encode(), 0))
    if rows:
        yield _block(rows)


def datasource(files: Sequence[InputFile], columns: Sequence[str]) -> Any:
    """A Ray datasource with one read task per file, yielding RAW_SCHEMA blocks (streamed)."""
    from ray.data.block import BlockMetadata
    from ray.data.datasource import Datasource, ReadTask

    class RawRows(Datasource):
        def estimate_inmemory_data_size(self) -> int | None:
            return sum(f.size for f in files)

        def get_read_tasks(self, parallelism: int, per_task_row_limit: int | None = None,
                           data_context: Any = None) -> list[ReadTask]:
            def task(f: InputFile) -> ReadTask:
                meta = BlockMetadata(num_rows=None, size_bytes=f.size, exec_stats=None, input_files=[f.path])
                return ReadTask(lambda: read_file(f, columns), meta, schema=RAW_SCHEMA)
            return [task(f) for f in files]

    return RawRows()


# --- judging a raw row, in the workers -------------------------------------------------------

@dataclass
class Judged:
    """One raw row read: its id, the kept fields, and the article or the error it gets."""
    id: str
    kept: dict[str, str | None]
    article: dict[str, Any] | ApiError


def _kept_value(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        return str(value)


def row_name(source: str, line: int, several_files: bool) -> str:
    """The id of a row that gives none usable: ``row:<line>``, or ``row:<file>:<line>`` with several files."""
    return f"row:{source}:{line}" if several_files else f"row:{line}"


def judge(source: str, line: int, kind: str, raw: bytes, *, id_field: str, text_field: str,
          keep: Sequence[str], max_chars: int, max_id_chars: int, several_files: bool) -> Judged:
    """The article a raw row holds, with the API's checks (``load_article``), or its error.

    Its id: the id field when valid (an integer as its digits), else ``row_name``. Kept fields
    are strings (other values as JSON, dates in ISO 8601), null when absent."""
    data: Any = None
    try:
        if kind == "unreadable":
            raise invalid_request({"file": [raw.decode("utf-8", "replace")]})
        if kind == "parquet":
            data = pickle.loads(raw)
        else:
            data = parse_json(decode_utf8(raw, "the line"), "the line")
        if not isinstance(data, dict):
            raise invalid_request({"_schema": ["must be a JSON object"]})
        fields = {name: data[key] for name, key in (("text", text_field), ("id", id_field)) if key in data}
        article: dict[str, Any] | ApiError = load_article(fields, max_chars, max_id_chars)
    except ApiError as exc:
        article = exc
    given = raw_id({"id": data.get(id_field)}, max_id_chars) if isinstance(data, dict) else None
    kept = {k: _kept_value(data.get(k)) if isinstance(data, dict) else None for k in keep}
    name = str(given) if given is not None else row_name(source, line, several_files)
    return Judged(name, kept, article)
