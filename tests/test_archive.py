"""``python -m service archive``: rows judged, ids claimed, and whole runs on a local Ray with 2 workers.

The runs (one Ray for the module) read the same invented articles as JSONL and as Parquet,
with bad rows among them: every good article's quotes equal POST /v1/quotes's, and every bad
row has its error in the articles table. Kill and resume is tests/test_archive_resume.py.
"""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, Iterator

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from service.archive import resume, tables, worker
from service.archive.rows import judge, list_inputs
from service.cli import main
from service.problems import ApiError

from archive_data import BAD_LINES, GOOD, MAX_CHARS, good_lines  # tests/archive_data.py

ray = pytest.importorskip("ray")


def _judge(raw: bytes, kind: str = "jsonl", **options: Any) -> Any:
    settings = dict(id_field="id", text_field="text", keep=("date",), max_chars=MAX_CHARS,
                    max_id_chars=1024, several_files=False)
    settings.update(options)
    return judge("in.jsonl", 7, kind, raw, **settings)


# --- judging one raw row ---------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected_id, code", [
    (b'{"id": "x1", "text": "Hello there.", "date": "2024-01-01"}', "x1", None),
    (b'{"id": 12, "text": "An integer id is kept as its digits."}', "12", None),
    (b'{"text": "No id at all."}', "row:7", None),
    (b'{"id": null, "text": "A null id."}', "row:7", None),
    (b'{"id": 1.5, "text": "A float id."}', "row:7", "invalid_request"),
    (b'{"id": true, "text": "A boolean id."}', "row:7", "invalid_request"),
    (b'{"id": "x2", "text": 3}', "x2", "invalid_request"),
    (b'{"id": "x3", "text": null}', "x3", "invalid_request"),
    (b'{"id": "x4"}', "x4", "invalid_request"),
    (b'{"id": "x5", "text": ""}', "x5", "invalid_request"),
    (b'"just a string"', "row:7", "invalid_request"),
    (b'{"id": "x6", "text": "half', "row:7", "invalid_json"),
    (b'\xff\xfe{"id": "x7"}', "row:7", "invalid_encoding"),
    (b'{"id": "x8", "text": "\\ud800 lone"}', "x8", "invalid_encoding"),
    (b'{"id": "x9", "text": "' + b"w" * (MAX_CHARS + 1) + b'"}', "x9", "payload_too_large"),
    (b'{"id": "x10", "text": NaN}', "row:7", "invalid_json"),
])
def test_a_raw_line_is_judged_as_the_api_judges_a_body(raw, expected_id, code):
    judged = _judge(raw)
    assert judged.id == expected_id
    if code is None:
        assert not isinstance(judged.article, ApiError)
    else:
        assert isinstance(judged.article, ApiError) and judged.article.code == code


@pytest.mark.parametrize("options, raw, expected_id, text", [
    ({"id_field": "slug", "text_field": "body"}, b'{"slug": "s1", "body": "Hi.", "id": "no"}', "s1", "Hi."),
    ({"several_files": True}, b'{"text": "No id."}', "row:in.jsonl:7", "No id."),
])
def test_fields_and_row_names_follow_the_options(options, raw, expected_id, text):
    judged = _judge(raw, **options)
    assert judged.id == expected_id and judged.article["text"] == text


@pytest.mark.parametrize("value, kept", [
    ("2024-05-01", "2024-05-01"), (None, None), (2024, "2024"), ({"a": 1}, '{"a": 1}'),
])
def test_kept_fields_are_strings(value, kept):
    import pickle
    judged = _judge(pickle.dumps({"id": "p", "text": "Hello.", "date": value}), kind="parquet")
    assert judged.kept == {"date": kept}


def test_an_unreadable_file_is_one_failed_row():
    judged = _judge(b"cannot read in.jsonl: broken", kind="unreadable")
    assert isinstance(judged.article, ApiError) and judged.article.code == "invalid_request"


# --- claiming ids ----------------------------------------------------------------------------

@pytest.mark.parametrize("already, claims, verdicts", [
    ({}, [("a", 1), ("b", 2), ("a", 3)], ["new", "new", "duplicate"]),
    ({}, [("a", 1), ("a", 1)], ["new", "new"]),  # a retried batch claims its rows again
    ({"a": 1}, [("a", 1), ("a", 2), ("b", 3)], ["skip", "duplicate", "new"]),
    ({"a": 2}, [("a", 5), ("a", 6), ("a", 7)], ["skip", "skip", "duplicate"]),
])
def test_ids_are_claimed_once(already, claims, verdicts):
    registry = resume.IdClaims(already)
    assert [registry.claim([i], [k])[0] for i, k in claims] == verdicts


# --- one batch, without Ray ------------------------------------------------------------------

def _batch(lines: list[bytes]) -> dict[str, list[Any]]:
    return {"source": ["in.jsonl"] * len(lines), "line": list(range(1, len(lines) + 1)),
            "kind": ["jsonl"] * len(lines), "raw": lines, "weight": [len(x) for x in lines]}


def _no_claims(ids: list[str], keys: list[int]) -> list[str]:
    return [resume.NEW] * len(ids)


def test_a_row_past_the_deadline_times_out_alone(nlp):
    settings = worker.Settings(model="m", output="/nowhere", format="parquet", timeout_s=1e-9)
    _, articles, summaries = worker.process(nlp, "label", settings, _batch([l.encode() for l in good_lines()[:2]]),
                                            _no_claims)
    assert articles.column("error_code").to_pylist() == ["timeout", "timeout"]
    assert [s["status"] for s in summaries] == ["failed", "failed"]


def test_a_row_that_raises_is_an_internal_error_and_the_others_go_on(nlp, fail_extract):
    fail_extract(worker, "harbour")
    settings = worker.Settings(model="m", output="/nowhere", format="parquet")
    quotes, articles, _ = worker.process(nlp, "label", settings, _batch([l.encode() for l in good_lines()]),
                                         _no_claims)
    codes = dict(zip(articles.column("id").to_pylist(), articles.column("error_code").to_pylist()))
    assert codes["g3"] == "internal_error" and codes["g1"] is None and quotes.num_rows > 0


# --- whole runs on a local Ray ---------------------------------------------------------------

@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """One Ray with 2 CPUs for the module, started and stopped here (runs find it initialized)."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def archive(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    status = main(["archive", *argv], stdout=io.StringIO(), stderr=err)
    return status, err.getvalue()


def read_table(folder: Path, name: str) -> list[dict[str, Any]]:
    files = sorted((folder / name).glob("part-*"))
    if not files:
        return []
    if files[0].suffix == ".jsonl":
        return [json.loads(line) for f in files for line in f.read_text().splitlines()]
    return pa.concat_tables([pq.read_table(f) for f in files]).to_pylist()


def api_quote_rows(client, article: dict[str, Any]) -> list[dict[str, Any]]:
    body = client.post("/v1/quotes", json={"id": article["id"], "text": article["text"]}).get_json()
    return [tables.quote_row(article["id"], {"date": article["date"]}, q) for q in body["quotes"]]


def check_run(client, out: Path, bad: dict[str, str]) -> None:
    articles = read_table(out, "articles")
    quotes = read_table(out, "quotes")
    by_id: dict[str, list[dict[str, Any]]] = {}
    for row in articles:
        by_id.setdefault(row["id"], []).append(row)
    expected_quotes = []
    for article in GOOD:
        row = by_id[article["id"]][0] if article["id"] != "g1" else next(
            r for r in by_id["g1"] if r["error_code"] is None)
        assert row["error_code"] is None and row["date"] == article["date"]
        wanted = api_quote_rows(client, article)
        assert row["quote_count"] == len(wanted)
        assert sorted((q for q in quotes if q["article_id"] == article["id"]), key=lambda q: q["start"]) == wanted
        expected_quotes.extend(wanted)
    assert sum(1 for a in GOOD if api_quote_rows(client, a)) >= 5  # the table is not trivially empty
    assert len(quotes) == len(expected_quotes)
    failed = {(r["id"], r["error_code"]) for r in articles if r["error_code"] is not None}
    assert failed == set(bad.items())
    assert len(articles) == len(GOOD) + len(bad)
    assert {r["version"] for r in articles} and all(r["model"] for r in articles)


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setenv("QUOTES_MAX_CHARS", str(MAX_CHARS))


def test_jsonl_with_bad_rows_on_two_workers(local_ray, small_limit, client, tmp_path):
    lines = good_lines()
    for k, (line, _) in enumerate(BAD_LINES):
        lines.insert(1 + 2 * k, line)
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n\n")
    status, err = archive(str(source), str(tmp_path / "out"), "--workers", "2", "--batch-size", "3",
                          "--keep-fields", "date")
    assert status == 1, err
    # invalid_json and the list row give no id: they are named by their line
    numbers = {line: n for n, line in enumerate(lines, start=1)}
    bad = {json.loads(line)["id"] if line.startswith("{\"") else f"row:{numbers[line]}": code
           for line, code in BAD_LINES}
    check_run(client, tmp_path / "out", bad)
    assert err.strip().splitlines()[-1].startswith(f"archive: {len(lines)} articles, ")
    assert f", {len(BAD_LINES)} failed, " in err

    # rerun: everything is skipped, nothing is written twice
    status, err = archive(str(source), str(tmp_path / "out"), "--workers", "2", "--keep-fields", "date")
    assert status == 0 and f"{len(lines)} skipped" in err, err
    check_run(client, tmp_path / "out", bad)


def test_parquet_folder_with_bad_rows_and_jsonl_output(local_ray, small_limit, client, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    import datetime
    good = pa.table({"id": [a["id"] for a in GOOD], "text": [a["text"] for a in GOOD],
                     "date": [datetime.date.fromisoformat(a["date"]) for a in GOOD]})
    pq.write_table(good, folder / "a.parquet")
    bad = pa.table({"id": pa.array([7, 8, None], pa.int64()), "text": [None, "", "“Fine,” said Jo Park."],
                    "date": pa.array([None, None, None], pa.date32())})
    pq.write_table(bad, folder / "b.parquet")
    (folder / "c.parquet").write_bytes(b"not a parquet file")
    status, err = archive(str(folder), str(tmp_path / "out"), "--workers", "2", "--format", "jsonl",
                          "--keep-fields", "date")
    assert status == 1, err
    articles = {r["id"]: r for r in read_table(tmp_path / "out", "articles")}
    assert articles["7"]["error_code"] == "invalid_request" and articles["8"]["error_code"] == "invalid_request"
    assert articles["row:b.parquet:3"]["error_code"] is None and articles["row:b.parquet:3"]["quote_count"] == 1
    assert articles["row:c.parquet:1"]["error_code"] == "invalid_request"
    quotes = read_table(tmp_path / "out", "quotes")
    for article in GOOD:
        assert articles[article["id"]]["date"] == article["date"]
        mine = sorted((q for q in quotes if q["article_id"] == article["id"]), key=lambda q: q["start"])
        assert mine == api_quote_rows(client, article)


@pytest.mark.parametrize("change, argv, status", [
    ({"version": "0.0.1"}, [], 2),
    ({"model": "another_model 1.0"}, [], 2),
    ({"version": "0.0.1"}, ["--force"], 0),
    ({"keep_fields": ["url"]}, ["--force"], 2),
])
def test_resuming_into_another_runs_output_is_refused_unless_forced(local_ray, tmp_path, change, argv, status):
    source = tmp_path / "in.jsonl"
    source.write_text(good_lines()[2] + "\n")
    out = tmp_path / "out"
    assert archive(str(source), str(out), "--keep-fields", "date", "--workers", "1")[0] == 0
    manifest = json.loads((out / "manifest.json").read_text())
    (out / "manifest.json").write_text(json.dumps({**manifest, **change}))
    got, err = archive(str(source), str(out), "--keep-fields", "date", "--workers", "1", *argv)
    assert got == status, err
    if status == 2:
        assert "OUTPUT was written" in err


@pytest.mark.parametrize("argv", [
    ["--keep-fields", "text"], ["--keep-fields", "date,date"], ["--workers", "0"], ["--batch-size", "0"],
    ["--format", "csv"],
])
def test_usage_errors_exit_2(tmp_path, argv):
    source = tmp_path / "in.jsonl"
    source.write_text(good_lines()[0] + "\n")
    assert archive(str(source), str(tmp_path / "out"), *argv)[0] == 2


def test_no_input_is_a_usage_error(tmp_path):
    status, err = archive(str(tmp_path / "missing.jsonl"), str(tmp_path / "out"))
    assert status == 2 and "no such file" in err


def test_inputs_are_listed_from_a_folder_or_a_glob(tmp_path):
    for name in ("a.jsonl", "b.parquet", "notes.txt", "sub/c.jsonl"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("")
    assert [f.name for f in list_inputs(str(tmp_path))] == ["a.jsonl", "b.parquet", "sub/c.jsonl"]
    assert [f.name for f in list_inputs(str(tmp_path / "*.jsonl"))] == ["a.jsonl"]
    assert [f.kind for f in list_inputs(str(tmp_path / "notes.txt"))] == ["jsonl"]
