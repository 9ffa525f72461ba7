"""Hostile bodies at the HTTP edge: each gets its JSON error, and none costs memory beyond its limits.

Grouped by phenomenon: charsets that are codecs but not text encodings; bodies over the limit
however they come (Content-Length, chunked, compressed).
"""
from __future__ import annotations

import gzip
import io
import json
import os
import tracemalloc
import zlib
from typing import Any

import pytest
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

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
