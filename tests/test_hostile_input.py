"""Hostile bodies and paths at the HTTP edge: each gets its JSON error, and none costs memory or time
beyond its limits.

Grouped by phenomenon: charsets that are codecs but not text encodings; bodies over the limit
however they come (Content-Length, chunked, compressed); ids checked like the text; a batch
that runs out of time; the deadline while the answer is dumped; the vocabulary across
requests (spaCy memory zones); routing redirects and the page's headers; compressed answers.
One test drives gunicorn itself, for what the test client cannot send (a chunked body).
"""
from __future__ import annotations

import gzip
import http.client
import io
import json
import os
import time
import tracemalloc
import zlib
from dataclasses import fields, is_dataclass
from typing import Any

import pytest
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from service.cli import main as cli_main
from service.extract import DeadlineExceeded, extract, parse
from service.schemas import QuotesResponseSchema
from servers import gunicorn  # tests/servers.py

Q = "/v1/quotes"
B = "/v1/quotes/batch"
SAID = "“The ferry leaves at noon,” said harbour master Ilse Brandvik."


def plain(text: str) -> bytes:
    return text.encode()


# --- charsets: a codec that is not a text encoding is 415, never a 500 --------------------------

@pytest.mark.parametrize("charset", ["rot13", "rot_13", "base64", "zlib", "hex", "bz2", "uu", "quopri",
                                     "undefined", "no-such-charset", "x" * 500])
@pytest.mark.parametrize("content_type", ["text/plain", "application/json"])
def test_a_charset_that_is_not_a_text_encoding_is_415(client, check_error, content_type, charset):
    body = b'{"text": "abc"}' if content_type == "application/json" else b"YWJj"
    response = client.post(Q, data=body, content_type=f"{content_type}; charset={charset}")
    error = check_error(response, 415, "unsupported_media_type")
    assert len(error["message"]) < 100  # a long charset name is not echoed whole


@pytest.mark.parametrize("charset, body, status", [
    ("latin-1", SAID.replace("“", '"').replace("”", '"').encode("latin-1"), 200),
    ("utf-16", SAID.encode("utf-16"), 200),
    ("cp1252", SAID.encode("cp1252"), 200),
    ("UTF-8", SAID.encode(), 200),
    ("utf-8", b"\xff\xfe said", 400),  # the bytes' fault: still 400
    ("utf-16", b"\x00", 400),
    ("ascii", "é".encode(), 400),
], ids=["latin-1", "utf-16", "cp1252", "utf-8-upper", "bad-utf-8", "odd-utf-16", "not-ascii"])
def test_text_encodings_still_decode_and_bad_bytes_stay_400(client, check_error, charset, body, status):
    response = client.post(Q, data=body, content_type=f"text/plain; charset={charset}")
    if status == 200:
        assert response.status_code == 200 and len(response.get_json()["quotes"]) == 1
    else:
        check_error(response, 400, "invalid_encoding")


# --- the body limit, however the body is sent ----------------------------------------------------

class Endless(io.RawIOBase):
    """An input that never ends, counting what was read from it."""

    def __init__(self) -> None:
        self.taken = 0

    def read(self, size: int = -1) -> bytes:
        size = 1 << 16 if size is None or size < 0 else size
        self.taken += size
        return b"a" * size


def without_length(client, path: str, stream: Any, content_type: str = "text/plain",
                   terminated: bool = True, headers: dict[str, str] | None = None):
    """POST ``stream`` as a chunked body arrives under gunicorn: no CONTENT_LENGTH, and
    ``wsgi.input_terminated`` set (the test client always sets a length itself)."""
    environ = EnvironBuilder(path=path, method="POST", content_type=content_type, headers=headers).get_environ()
    environ.pop("CONTENT_LENGTH", None)
    environ["wsgi.input"] = stream
    if terminated:
        environ["wsgi.input_terminated"] = True
    return client.open(Request(environ))


@pytest.mark.parametrize("size, status", [(999, 200), (1_000, 200), (1_001, 413), (50_000, 413)],
                         ids=["under", "at-limit", "one-over", "far-over"])
def test_a_chunked_body_over_the_limit_is_413_not_cut_short(make_app, check_error, size, status):
    client = make_app(MAX_CONTENT_LENGTH=1_000).test_client()
    body = json.dumps({"text": SAID, "id": "x" * (size - len(json.dumps({"text": SAID, "id": ""})))}).encode()
    assert len(body) == size
    response = without_length(client, Q, io.BytesIO(body), "application/json")
    if status == 200:
        assert response.status_code == 200, response.get_data(as_text=True)
    else:
        assert check_error(response, 413, "payload_too_large")["details"] == {"max_bytes": 1_000}


def test_an_endless_body_is_read_only_to_just_past_the_limit(make_app, check_error):
    client = make_app(MAX_CONTENT_LENGTH=100_000).test_client()
    stream = Endless()
    check_error(without_length(client, Q, stream), 413, "payload_too_large")
    assert 100_000 < stream.taken <= 100_000 + (1 << 16) + (1 << 20)  # the limit, a piece, the drain


def test_a_body_without_length_from_a_server_that_does_not_end_it_is_empty(client, check_error):
    """WSGI: without Content-Length or wsgi.input_terminated the input must not be read."""
    stream = Endless()
    error = check_error(without_length(client, Q, stream, terminated=False), 422, "invalid_request")
    assert error["details"] == {"text": ["must not be empty"]} and stream.taken == 0


def _gzip_members(data: bytes) -> bytes:
    half = len(data) // 2
    return gzip.compress(data[:half]) + gzip.compress(data[half:])


@pytest.mark.parametrize("coding, encode", [
    ("gzip", gzip.compress),
    ("x-gzip", gzip.compress),
    ("GZip", gzip.compress),
    ("deflate", zlib.compress),
    ("identity", lambda data: data),
    ("identity, gzip", gzip.compress),
    ("gzip", _gzip_members),
], ids=["gzip", "x-gzip", "case", "deflate", "identity", "identity-then-gzip", "gzip-two-members"])
def test_a_compressed_body_reads_as_the_plain_one(client, coding, encode):
    plain_answer = client.post(Q, data=plain(SAID), content_type="text/plain").get_json()
    for content_type, body in (("text/plain", plain(SAID)), ("application/json", json.dumps({"text": SAID}).encode())):
        response = client.post(Q, data=encode(body), content_type=content_type, headers={"Content-Encoding": coding})
        assert response.status_code == 200, response.get_data(as_text=True)
        assert response.get_json()["quotes"] == plain_answer["quotes"]
    articles = json.dumps({"articles": [{"text": SAID}]}).encode()
    response = client.post(B, data=encode(articles), content_type="application/json",
                           headers={"Content-Encoding": coding})
    assert response.get_json()["results"][0]["quotes"] == plain_answer["quotes"]


@pytest.mark.parametrize("coding, body, status, code", [
    ("br", b"anything", 415, "unsupported_media_type"),
    ("compress", b"anything", 415, "unsupported_media_type"),
    ("gzip, gzip", gzip.compress(gzip.compress(b"a")), 415, "unsupported_media_type"),
    ("gzip", b"not gzip at all", 400, "invalid_encoding"),
    ("gzip", gzip.compress(SAID.encode())[:-9], 400, "invalid_encoding"),  # cut short
    ("gzip", gzip.compress(SAID.encode()) + b"trailing junk", 400, "invalid_encoding"),
    ("gzip", b"", 400, "invalid_encoding"),
    ("deflate", gzip.compress(b"a"), 400, "invalid_encoding"),  # deflate is the zlib format
    ("gzip", gzip.compress(b"\xff\xfe said"), 400, "invalid_encoding"),  # inflates to bad UTF-8
], ids=["br", "compress", "two-layers", "not-gzip", "cut-short", "junk-after", "empty", "gzip-as-deflate",
        "bad-utf-8-inside"])
def test_an_unknown_or_corrupt_coding_is_refused(client, check_error, coding, body, status, code):
    response = client.post(Q, data=body, content_type="text/plain", headers={"Content-Encoding": coding})
    check_error(response, status, code)


@pytest.mark.parametrize("inflated", [100_001, 50_000_000], ids=["one-over", "bomb"])
def test_a_body_that_inflates_over_the_limit_is_413_without_inflating_it(make_app, check_error, inflated):
    client = make_app(MAX_CONTENT_LENGTH=100_000).test_client()
    bomb = gzip.compress(b"a" * inflated, compresslevel=9)
    assert len(bomb) < 100_000
    tracemalloc.start()
    try:
        response = client.post(Q, data=bomb, content_type="text/plain", headers={"Content-Encoding": "gzip"})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    check_error(response, 413, "payload_too_large")
    assert peak < 5_000_000  # the bomb would take 50 MB; reading it takes a few pieces


def test_a_compressed_body_over_the_limit_as_sent_is_413(make_app, check_error):
    client = make_app(MAX_CONTENT_LENGTH=1_000).test_client()
    noise = os.urandom(5_000)  # does not compress
    response = client.post(Q, data=gzip.compress(noise), content_type="text/plain",
                           headers={"Content-Encoding": "gzip"})
    check_error(response, 413, "payload_too_large")


# --- ids: valid Unicode, at most QUOTES_MAX_ID_CHARS characters, never echoed when bad ------------

LONE = '{"text": "a", "id": "\\ud800"}'


@pytest.mark.parametrize("body, status", [
    (LONE.encode(), 422),
    (json.dumps({"text": "a", "id": "x" * 1_000_000}).encode(), 422),
    (json.dumps({"text": "a", "id": "x" * 1_025}).encode(), 422),
    (json.dumps({"text": "a", "id": int("9" * 1_025)}).encode(), 422),
    (json.dumps({"text": "a", "id": "x" * 1_024}).encode(), 200),
    (json.dumps({"text": "a", "id": int("9" * 1_024)}).encode(), 200),
    (json.dumps({"text": "a", "id": -7}).encode(), 200),
    (json.dumps({"text": "a", "id": "\U0001F600 pair"}).encode(), 200),  # escaped as a valid pair
    (json.dumps({"text": "a", "id": "https://example.org/news/2024/05/a-story?id=1"}).encode(), 200),
], ids=["lone-surrogate", "one-megabyte", "one-over", "integer-one-over", "at-limit", "integer-at-limit",
        "negative-integer", "surrogate-pair", "url"])
def test_the_id_is_checked_like_the_text(client, check_error, body, status):
    response = client.post(Q, data=body, content_type="application/json")
    if status == 200:
        assert response.status_code == 200
        assert response.get_json()["id"] == json.loads(body)["id"]
    else:
        error = check_error(response, 422, "invalid_request")
        assert list(error["details"]) == ["id"]
        assert len(response.get_data()) < 2_000 and b"\\ud800" not in response.get_data()


def test_the_id_limit_is_a_setting(make_app, check_error):
    client = make_app(MAX_ID_CHARS=5).test_client()
    assert client.post(Q, json={"text": "a", "id": "abcde"}).status_code == 200
    assert client.post(Q, json={"text": "a", "id": 12345}).status_code == 200
    error = check_error(client.post(Q, json={"text": "a", "id": "abcdef"}), 422, "invalid_request")
    assert error["details"] == {"id": ["must be at most 5 characters long"]}
    check_error(client.post(Q, json={"text": "a", "id": 123456}), 422, "invalid_request")


@pytest.mark.parametrize("bad_id", ["\\ud800", "\\udfff tail", "x" * 2_000], ids=["lone-high", "lone-low", "long"])
def test_a_batch_item_with_a_bad_id_gets_its_422_in_place_and_no_id(client, bad_id):
    body = '{"articles": [{"id": "a", "text": %s}, {"id": "%s", "text": %s}, {"id": 3, "text": %s}]}' % (
        json.dumps(SAID), bad_id, json.dumps(SAID), json.dumps(SAID))
    response = client.post(B, data=body.encode(), content_type="application/json")
    assert response.status_code == 200
    first, bad, last = response.get_json()["results"]
    assert (first["id"], last["id"]) == ("a", 3) and len(first["quotes"]) == len(last["quotes"]) == 1
    assert bad["id"] is None and set(bad) == {"id", "error"}
    assert (bad["error"]["status"], bad["error"]["code"]) == (422, "invalid_request")
    assert list(bad["error"]["details"]) == ["id"]
    assert len(response.get_data()) < 5_000


def test_a_jsonl_line_with_a_bad_id_fails_without_echoing_it(nlp):
    lines = ('{"id": "\\ud800", "text": %s}\n{"id": "ok", "text": %s}\n' % (json.dumps(SAID), json.dumps(SAID)))
    out, err = io.StringIO(), io.StringIO()
    status = cli_main(["extract", "--jsonl", "-"], stdin=io.BytesIO(lines.encode()), stdout=out, stderr=err)
    bad, good = [json.loads(line) for line in out.getvalue().splitlines()]
    assert status == 1 and bad["id"] is None and bad["error"]["code"] == "invalid_request"
    assert good["id"] == "ok" and len(good["quotes"]) == 1


# --- a batch that runs out of time keeps what it finished -----------------------------------------

class ExpiringDeadline:
    """A deadline that passes at its ``after``-th check (a count, not a clock)."""

    def __init__(self, after: int) -> None:
        self.after = after
        self.checks = 0

    def check(self) -> None:
        self.checks += 1
        if self.checks >= self.after:
            raise DeadlineExceeded()


def _failing_extract(fail_on: int):
    calls = {"n": 0}

    def run(doc, deadline):
        calls["n"] += 1
        if calls["n"] == fail_on:
            raise DeadlineExceeded()
        return extract(doc, deadline)
    return run


@pytest.mark.parametrize("fail_on, finished", [(1, 0), (2, 1), (4, 3), (5, 4)],
                         ids=["first", "second", "last", "none"])
def test_a_batch_out_of_time_answers_what_it_finished(client, monkeypatch, fail_on, finished):
    monkeypatch.setattr("service.api.extract", _failing_extract(fail_on))
    articles = [{"id": n, "text": SAID} for n in range(4)] + [{"id": "bad", "text": ""}]
    response = client.post(B, json={"articles": articles})
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["id"] for r in results] == [0, 1, 2, 3, "bad"]
    assert [len(r["quotes"]) for r in results[:finished]] == [1] * finished
    for result in results[finished:4]:
        assert set(result) == {"id", "error"}
        assert (result["error"]["status"], result["error"]["code"]) == (503, "timeout")
        assert result["error"]["request_id"] == response.headers["X-Request-ID"]
    assert results[4]["error"]["code"] == "invalid_request"


def test_a_batch_out_of_time_while_parsing_keeps_the_articles_before(client, monkeypatch):
    """The deadline passes inside parse_many, after the first group: that group's articles stand."""
    from service.extract import pipeline

    monkeypatch.setattr(pipeline, "_BATCH_CHARS", len(SAID))  # one article per nlp.pipe group
    real = pipeline._piped

    def piped(nlp, texts, deadline):
        if piped.groups:
            raise DeadlineExceeded()
        piped.groups += 1
        return real(nlp, texts, deadline)
    piped.groups = 0
    monkeypatch.setattr(pipeline, "_piped", piped)
    results = client.post(B, json={"articles": [{"text": SAID}] * 3}).get_json()["results"]
    assert len(results[0]["quotes"]) == 1
    assert [r["error"]["code"] for r in results[1:]] == ["timeout", "timeout"]


def test_a_batch_over_its_character_total_is_still_413_before_any_work(make_app, check_error, monkeypatch):
    monkeypatch.setattr("service.api.extract", _failing_extract(1))
    client = make_app(MAX_BATCH_CHARS=len(SAID)).test_client()
    check_error(client.post(B, json={"articles": [{"text": SAID}] * 2}), 413, "payload_too_large")


# --- the deadline covers dumping the answer ------------------------------------------------------

def _many_quotes(count: int) -> str:
    return "\n".join(f"“Point {n} stands,” said analyst Rune Hollis." for n in range(count))


@pytest.mark.parametrize("path", [Q, B])
def test_a_deadline_that_passes_while_the_answer_is_dumped_is_a_timeout(client, monkeypatch, check_error, path):
    """The core finishes in time; the deadline passes at the next check, which only the dumping makes."""
    from service import api

    deadline = ExpiringDeadline(after=10 ** 9)
    monkeypatch.setattr(api, "_deadline", lambda: deadline)

    def extract_then_expire(doc, given):
        result = extract(doc)
        deadline.after = deadline.checks + 1
        return result
    monkeypatch.setattr(api, "extract", extract_then_expire)
    text = _many_quotes(5)
    if path == Q:
        check_error(client.post(Q, json={"text": text}), 503, "timeout")
    else:
        result = client.post(B, json={"articles": [{"text": text}]}).get_json()["results"][0]
        assert result["error"]["code"] == "timeout"


def test_a_long_answer_is_dumped_in_pieces_the_deadline_checked_between(client, monkeypatch):
    from service import api

    monkeypatch.setattr(api, "_DUMP_PIECE", 4)
    deadline = ExpiringDeadline(after=10 ** 9)
    monkeypatch.setattr(api, "_deadline", lambda: deadline)
    monkeypatch.setattr(api, "extract", lambda doc, given: extract(doc))  # the core's own checks aside
    body = client.post(Q, json={"text": _many_quotes(40)}).get_json()
    assert len(body["quotes"]) == 40
    assert deadline.checks >= 40 // 4  # parse checks once; the dump at least once per piece


def test_the_answer_dumped_in_pieces_is_the_schema_s_own(client, nlp, seed_text):
    result = extract(parse(nlp, seed_text))
    whole = QuotesResponseSchema().dump({"id": "s", "quotes": result.quotes, "speakers": result.speakers})
    body = client.post(Q, json={"text": seed_text, "id": "s"}).get_json()
    assert list(body) == ["id", "quotes", "speakers", "meta"]
    assert {k: v for k, v in body.items() if k != "meta"} == whole


# --- the vocabulary stays the same size across requests (spaCy memory zones) ---------------------

def _never_seen(tag: str, count: int = 60) -> str:
    """An article of invented words that no model or earlier request has seen."""
    stamp = f"{time.monotonic_ns():x}"
    words = [f"Vrel{tag}{stamp}q{n}" for n in range(count)]
    return f"“{' '.join(words[:count // 2])},” said Odrana {words[-1]}. " + " ".join(words[count // 2:])


def _vocab_size(nlp) -> tuple[int, int, int]:
    """Strings, lexemes (len(nlp.vocab) only ever counts up: iterate), and the lemmatizer's cache
    entries for words the string store no longer holds."""
    strings = nlp.vocab.strings
    stale = [key for key in nlp.get_pipe("lemmatizer").cache if key[0] not in strings]
    return len(strings), sum(1 for _ in nlp.vocab), len(stale)


@pytest.mark.parametrize("path", [Q, B])
def test_never_seen_words_do_not_stay_in_the_vocabulary(client, nlp, path):
    text = _never_seen(path.rsplit("/", 1)[-1])
    body = {"text": text} if path == Q else {"articles": [{"text": text}, {"text": _never_seen("more")}]}
    before = _vocab_size(nlp)
    first = client.post(path, json=body).get_json()
    assert _vocab_size(nlp) == before
    second = client.post(path, json=body).get_json()
    assert _vocab_size(nlp) == before
    answers = (first, second) if path == Q else (first["results"][0], second["results"][0])
    assert all(len(answer["quotes"]) == 1 for answer in answers)
    first.pop("meta"), second.pop("meta")
    assert first == second


def test_never_seen_words_do_not_stay_after_the_command_line(nlp, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(_never_seen("cli"), encoding="utf-8")
    lines = "\n".join(json.dumps({"id": n, "text": _never_seen(f"line{n}")}) for n in range(3))
    before = _vocab_size(nlp)
    for argv, stdin in (([str(path)], b""), (["--jsonl", "-"], lines.encode())):
        out = io.StringIO()
        assert cli_main(["extract", *argv], stdin=io.BytesIO(stdin), stdout=out, stderr=io.StringIO()) == 0
        assert _vocab_size(nlp) == before


def _leaves(value: Any) -> list[Any]:
    if is_dataclass(value):
        return [leaf for f in fields(value) for leaf in _leaves(getattr(value, f.name))]
    if isinstance(value, tuple):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]


def test_the_core_returns_only_plain_values_nothing_of_spacy(nlp, seed_text):
    """What outlives a memory zone may hold no Doc, Span, Token or Lexeme."""
    leaves = _leaves(extract(parse(nlp, seed_text)))
    assert leaves and {type(leaf) for leaf in leaves} <= {str, int, float, type(None)}


# --- routing: no redirects built from the Host header, the page's headers everywhere -------------

@pytest.mark.parametrize("path", ["//healthz", "///healthz", "//", "//v1/quotes", "/v1//quotes",
                                  "//static/index.html", "/static//app.js", "/healthz/", "/docs/"])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_odd_paths_are_json_404_with_no_location(client, check_error, path, method):
    response = client.open("/", method=method, environ_overrides={"PATH_INFO": path},
                           headers={"Host": "attacker.example"}, json={"text": "a"})
    check_error(response, 404, "not_found")
    assert "Location" not in response.headers


@pytest.mark.parametrize("path", ["/", "/static/index.html", "/static/app.js", "/static/app.css", "/docs"])
def test_the_page_and_every_static_file_send_the_security_headers(client, path):
    page = client.get("/")
    response = client.get(path)
    assert response.status_code == 200
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"):
        assert response.headers[header] == page.headers[header]


# --- answers compressed for clients that accept gzip ---------------------------------------------

@pytest.mark.parametrize("accept, compressed", [
    ("gzip", True), ("gzip, deflate, br", True), ("br;q=1.0, gzip;q=0.5", True), ("*", True),
    ("gzip;q=0, *", False), ("identity", False), ("deflate", False), (None, False),
], ids=["gzip", "browser", "quality", "any", "gzip-refused", "identity", "deflate-only", "none"])
def test_a_large_answer_is_gzipped_when_the_client_accepts_it(client, seed_text, accept, compressed):
    headers = {"Accept-Encoding": accept} if accept else {}
    response = client.post(B, json={"articles": [{"text": seed_text}] * 2}, headers=headers)
    assert response.status_code == 200
    assert "Accept-Encoding" in response.headers.get("Vary", "")
    data = response.get_data()
    if compressed:
        assert response.headers["Content-Encoding"] == "gzip"
        assert int(response.headers["Content-Length"]) == len(data)
        whole = gzip.decompress(data)
        assert len(data) * 4 < len(whole) and json.loads(whole)["results"][1]["quotes"]
    else:
        assert "Content-Encoding" not in response.headers and json.loads(data)["results"]


@pytest.mark.parametrize("path", ["/healthz", "/static/app.js"], ids=["small", "static-file"])
def test_small_answers_and_files_go_as_they_are(client, path):
    response = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and "Content-Encoding" not in response.headers


def test_a_large_error_is_gzipped_too(client, monkeypatch, check_error):
    monkeypatch.setattr("service.compression.MIN_BYTES", 10)
    response = client.post(Q, json={"text": ""}, headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    error = json.loads(gzip.decompress(response.get_data()))["error"]
    assert (error["status"], error["code"]) == (422, "invalid_request")


# --- under gunicorn: a chunked body, a bomb, a doubled slash ---------------------------------------

def _chunked(port: int, total: int, headers: dict[str, str] | None = None,
             body: bytes | None = None) -> tuple[int, dict[str, Any]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def pieces():
        if body is not None:
            yield body
            return
        sent = 0
        while sent < total:
            size = min(1 << 16, total - sent)
            sent += size
            yield b"a" * size
    try:
        connection.request("POST", Q, body=pieces(), encode_chunked=True,
                           headers={"Content-Type": "text/plain", **(headers or {})})
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def test_gunicorn_refuses_chunked_and_compressed_bodies_over_the_limit(tmp_path):
    limit = 1000 * 12 + (1 << 20)  # service.body_limit for these settings
    log_path = tmp_path / "gunicorn.log"
    with gunicorn(log_path, QUOTES_MAX_CHARS="1000", QUOTES_MAX_BATCH_CHARS="1000") as port:
        status, body = _chunked(port, 0, body=SAID.encode())
        assert status == 200 and len(body["quotes"]) == 1
        for total in (limit + 1, limit + 500_000):
            status, body = _chunked(port, total)
            assert (status, body["error"]["code"]) == (413, "payload_too_large"), total
        status, body = _chunked(port, 0, {"Content-Encoding": "gzip"}, gzip.compress(b"a" * 50_000_000))
        assert (status, body["error"]["code"]) == (413, "payload_too_large")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "//healthz", headers={"Host": "attacker.example"})
        response = connection.getresponse()
        assert (response.status, response.getheader("Location")) == (404, None)
        assert json.loads(response.read())["error"]["code"] == "not_found"
        connection.close()
    assert "Traceback" not in log_path.read_text()
