"""``python -m service extract``: files, standard input, JSON lines, bad lines, exit statuses."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from service.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from service.progress import Bar

ROOT = Path(__file__).resolve().parent.parent

SHORT = "“We will win this,” said coach Mara Lind. “Nobody else believes it.”"
NO_QUOTES = "The council met on Tuesday and adjourned early."
EMOJI = "🎉🎉 Party time. “Bring snacks 🍕,” said Tom Reyes."


class Run:
    """One in-process run of ``extract ARGV``: exit status, standard output, standard error."""

    def __init__(self, argv: list[str], stdin: bytes = b"") -> None:
        out, err = io.StringIO(), io.StringIO()
        self.status = main(["extract", *argv], stdin=io.BytesIO(stdin), stdout=out, stderr=err)
        self.out, self.err = out.getvalue(), err.getvalue()

    def json(self) -> Any:
        return json.loads(self.out)

    def lines(self) -> list[Any]:
        return [json.loads(line) for line in self.out.splitlines()]


@pytest.fixture
def write(tmp_path):
    def write(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return str(path)
    return write


def _without_meta(body: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k not in {"meta", "id"}}


# --- files --------------------------------------------------------------------------------------

def test_one_file_prints_what_the_api_answers(nlp, client, seed_text, check):
    run = Run([str(ROOT / "seeds" / "000_804a390cb46da908.txt")])
    assert run.status == EXIT_OK, run.err
    body = run.json()
    api = client.post("/v1/quotes", data=seed_text.encode("utf-8"), content_type="text/plain").get_json()
    assert _without_meta(body) == _without_meta(api)
    assert body["id"].endswith("000_804a390cb46da908.txt")
    assert set(body["meta"]) == {"model", "version", "elapsed_ms"} and body["meta"]["model"] == api["meta"]["model"]
    check(seed_text, body)


@pytest.mark.parametrize("text", [SHORT, NO_QUOTES, EMOJI, "   \n  ", "line one\r\n“Two,” she said.\r\n"])
def test_file_text_is_read_exactly_as_the_api_reads_plain_text(nlp, client, write, check, text):
    run = Run([write("a.txt", text)])
    assert run.status == EXIT_OK
    api = client.post("/v1/quotes", data=text.encode("utf-8"), content_type="text/plain").get_json()
    assert _without_meta(run.json()) == _without_meta(api)
    check(text, run.json())


def test_several_files_make_a_list_in_argument_order(nlp, write):
    names = [write("b.txt", NO_QUOTES), write("a.txt", SHORT)]
    run = Run(names)
    assert run.status == EXIT_OK
    body = run.json()
    assert isinstance(body, list) and [item["id"] for item in body] == names
    assert len(body[0]["quotes"]) == 0 and len(body[1]["quotes"]) == 2


def test_dash_reads_standard_input(nlp):
    run = Run(["-"], stdin=SHORT.encode("utf-8"))
    assert run.status == EXIT_OK
    assert run.json()["id"] == "-" and [q["text"] for q in run.json()["quotes"]] == \
        ["We will win this,", "Nobody else believes it."]


def test_indent_makes_it_readable_but_the_same(nlp, write):
    name = write("a.txt", SHORT)
    compact, indented = Run([name]), Run(["--indent", "2", name])
    assert "\n  " in indented.out and "\n" not in compact.out.rstrip("\n")
    assert _without_meta(compact.json()) == _without_meta(indented.json())


@pytest.mark.parametrize("content, code, status", [
    (b"", "invalid_request", 422),                               # empty, as the API says it
    (b"\xff\xfe not utf-8", "invalid_encoding", 400),
    (("x" * 201).encode(), "payload_too_large", 413),            # over QUOTES_MAX_CHARS below
])
def test_bad_files_get_the_error_in_their_place(nlp, write, monkeypatch, content, code, status):
    monkeypatch.setenv("QUOTES_MAX_CHARS", "200")
    good, bad = write("good.txt", SHORT), write("bad.txt", content)
    run = Run([good, bad])
    assert run.status == EXIT_FAILED
    first, second = run.json()
    assert first["id"] == good and first["quotes"]
    assert set(second) == {"id", "error"} and second["id"] == bad
    assert (second["error"]["status"], second["error"]["code"]) == (status, code)
    assert set(second["error"]) == {"status", "code", "message", "details", "request_id"}
    assert bad in run.err


def test_a_missing_file_fails_that_input(nlp, tmp_path):
    missing = str(tmp_path / "nowhere.txt")
    run = Run([missing])
    assert run.status == EXIT_FAILED
    assert run.json()["error"]["code"] == "invalid_request" and "nowhere.txt" in run.json()["error"]["message"]


# --- JSON lines ---------------------------------------------------------------------------------

def _jsonl(*items: Any) -> bytes:
    return b"".join((item if isinstance(item, bytes) else json.dumps(item).encode()) + b"\n" for item in items)


def test_jsonl_writes_one_batch_result_per_article(nlp, client, write, check):
    articles = [{"id": "a", "text": SHORT}, {"id": 7, "text": NO_QUOTES}, {"text": EMOJI}]
    run = Run(["--jsonl", write("in.jsonl", _jsonl(*articles))])
    assert run.status == EXIT_OK, run.err
    lines = run.lines()
    assert [line["id"] for line in lines] == ["a", 7, None]
    api = client.post("/v1/quotes/batch", json={"articles": articles}).get_json()["results"]
    assert lines == api, "the same as the batch endpoint's results"
    for article, line in zip(articles, lines):
        assert set(line) == {"id", "quotes", "speakers"}
        check(article["text"], line)


@pytest.mark.parametrize("line, code, status", [
    (b"not json", "invalid_json", 400),
    (b'{"id": "x", "text": NaN}', "invalid_json", 400),
    (b'{"id": "x", "text": "caf\xe9"}', "invalid_encoding", 400),
    (b'["a list"]', "invalid_request", 422),
    (b'{"id": "x"}', "invalid_request", 422),
    (b'{"id": "x", "text": ""}', "invalid_request", 422),
    (b'{"id": "x", "text": 12}', "invalid_request", 422),
    (b'{"id": [1], "text": "fine"}', "invalid_request", 422),
    (b'{"id": "x", "text": "' + b"y" * 301 + b'"}', "payload_too_large", 413),
])
def test_bad_lines_get_an_error_line_and_the_rest_go_on(nlp, write, monkeypatch, line, code, status):
    monkeypatch.setenv("QUOTES_MAX_CHARS", "300")
    data = _jsonl({"id": "before", "text": SHORT}, line, {"id": "after", "text": SHORT})
    run = Run(["--jsonl", write("in.jsonl", data)])
    assert run.status == EXIT_FAILED
    before, bad, after = run.lines()
    assert before["id"] == "before" and after["id"] == "after" and len(after["quotes"]) == 2
    assert set(bad) == {"id", "line", "error"} and bad["line"] == 2
    assert (bad["error"]["status"], bad["error"]["code"]) == (status, code)
    assert f":2: {code}" in run.err


def test_jsonl_id_of_a_bad_line_is_echoed_when_usable(nlp):
    run = Run(["--jsonl", "-"], stdin=_jsonl({"id": "kept", "text": ""}, {"id": True, "text": ""}))
    assert [line["id"] for line in run.lines()] == ["kept", None]


def test_jsonl_skips_blank_lines_and_a_byte_order_mark(nlp):
    data = b"\xef\xbb\xbf" + _jsonl({"id": 1, "text": SHORT}) + b"\n   \n" + _jsonl({"id": 2, "text": SHORT})
    run = Run(["--jsonl", "-"], stdin=data)
    assert run.status == EXIT_OK
    assert [line["id"] for line in run.lines()] == [1, 2]


def test_jsonl_last_line_without_newline(nlp):
    run = Run(["--jsonl", "-"], stdin=json.dumps({"id": "z", "text": SHORT}).encode())
    assert [line["id"] for line in run.lines()] == ["z"]


def test_jsonl_long_archive_keeps_order_across_chunks(nlp, monkeypatch):
    import service.cli

    monkeypatch.setattr(service.cli, "CHUNK_LINES", 4)
    items = [{"id": i, "text": SHORT if i % 3 else NO_QUOTES} for i in range(11)] + [b"oops"]
    run = Run(["--jsonl", "-"], stdin=_jsonl(*items))
    lines = run.lines()
    assert [line["id"] for line in lines] == list(range(11)) + [None]
    assert [len(line.get("quotes", [])) for line in lines[:6]] == [0, 2, 2, 0, 2, 2]
    assert lines[-1]["line"] == 12


def test_jsonl_long_article_goes_through_parse_as_the_api_does(nlp, client, monkeypatch):
    import service.extract.pipeline

    monkeypatch.setattr(service.extract.pipeline, "_BATCH_CHARS", 40)  # SHORT is longer: parsed on its own
    run = Run(["--jsonl", "-"], stdin=_jsonl({"id": "a", "text": SHORT}, {"id": "b", "text": "“Hi,” I said."}))
    api = client.post("/v1/quotes/batch", json={"articles": [{"id": "a", "text": SHORT},
                                                             {"id": "b", "text": "“Hi,” I said."}]})
    assert run.lines() == api.get_json()["results"]


# --- progress -----------------------------------------------------------------------------------

@pytest.mark.parametrize("flags, shown", [(["--progress"], True), ([], False), (["--no-progress"], False)])
def test_progress_bar_only_when_asked_or_on_a_terminal(nlp, write, flags, shown):
    run = Run(["--jsonl", write("in.jsonl", _jsonl({"id": 1, "text": SHORT})), *flags])
    assert ("1 articles, 0 failed" in run.err) is shown
    assert len(run.lines()) == 1, "the bar never goes to standard output"


@pytest.mark.parametrize("done, total, expected", [(0, 100, "[" + "." * 28 + "]   0%"),
                                                    (50, 100, "[" + "#" * 14 + "." * 14 + "]  50%"),
                                                    (100, 100, "[" + "#" * 28 + "] 100%"),
                                                    (10, None, "3 articles")])
def test_progress_bar_drawing(done, total, expected):
    stream = io.StringIO()
    bar = Bar(stream, total, enabled=True)
    bar.update(done, 3, 1, force=True)
    assert expected in stream.getvalue() and stream.getvalue().startswith("\r")


# --- usage --------------------------------------------------------------------------------------

@pytest.mark.parametrize("argv", [
    [],                                    # no command
    ["extract"],                           # nothing to read
    ["extract", "a.txt", "--jsonl", "b"],  # both
    ["extract", "--jsonl", "b", "--indent", "2"],
    ["extract", "--indent", "-1", "a.txt"],
    ["extract", "--progress", "--no-progress", "--jsonl", "b"],
    ["nonsense"],
])
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv, stdin=io.BytesIO(), stdout=io.StringIO(), stderr=io.StringIO()) == EXIT_USAGE
    assert "usage:" in capsys.readouterr().err


def test_unreadable_jsonl_exits_1(nlp, tmp_path):
    run = Run(["--jsonl", str(tmp_path / "missing.jsonl")])
    assert run.status == EXIT_FAILED and "missing.jsonl" in run.err and run.out == ""


def test_a_model_that_does_not_load_is_a_usage_error(monkeypatch):
    monkeypatch.setenv("QUOTES_SPACY_MODEL", "no_such_model_here")
    run = Run(["-"], stdin=b"text")
    assert run.status == EXIT_USAGE and "no_such_model_here" in run.err and run.out == ""


def test_python_dash_m_service_end_to_end(tmp_path):
    """The real entry point, in a process of its own (the installed package, from any directory):
    stdin, stdout, exit status."""
    done = subprocess.run([sys.executable, "-m", "service", "extract", "--jsonl", "-"], cwd=tmp_path,
                          input=_jsonl({"id": 1, "text": SHORT}, b"{broken"), capture_output=True, timeout=300)
    assert done.returncode == EXIT_FAILED, done.stderr.decode()
    ok, bad = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert len(ok["quotes"]) == 2 and bad["error"]["code"] == "invalid_json"
    assert b"\r" not in done.stderr, "no progress bar when standard error is not a terminal"
