"""Every bad request gets the JSON error of docs/api.md with the right status and code.

The matrix is one table: (what is wrong, how it is sent, status, code). Limits that need
other settings, unexpected failures and the body-size arithmetic follow it.
"""
from __future__ import annotations

import json

import pytest

from service import body_limit, create_app
from service.config import DEFAULTS

J = "application/json"
T = "text/plain"
Q = "/v1/quotes"
B = "/v1/quotes/batch"


def js(value) -> bytes:
    return json.dumps(value).encode()


# (case id, method, path, body bytes, content type, status, code)
BAD_REQUESTS = [
    # 400: not JSON, not UTF-8
    ("json-cut-short", "POST", Q, b'{"text": "abc"', J, 400, "invalid_json"),
    ("json-empty-body", "POST", Q, b"", J, 400, "invalid_json"),
    ("json-trailing-garbage", "POST", Q, b'{"text": "abc"} x', J, 400, "invalid_json"),
    ("json-single-quotes", "POST", Q, b"{'text': 'abc'}", J, 400, "invalid_json"),
    ("json-nan", "POST", Q, b'{"text": "abc", "id": NaN}', J, 400, "invalid_json"),
    ("json-deep-nesting", "POST", Q, b"[" * 200_000 + b"]" * 200_000, J, 400, "invalid_json"),
    ("json-batch-cut-short", "POST", B, b'{"articles": [', J, 400, "invalid_json"),
    ("json-bad-utf8", "POST", Q, b'{"text": "caf\xe9"}', J, 400, "invalid_encoding"),
    ("json-utf8-overlong", "POST", Q, b'{"text": "\xc0\xaf"}', J, 400, "invalid_encoding"),
    ("plain-bad-utf8", "POST", Q, b"\xff\xfe\xfd said", T, 400, "invalid_encoding"),
    ("plain-cut-multibyte", "POST", Q, "“Yes,” he said".encode()[:-1] + b"\xe2", T, 400, "invalid_encoding"),
    ("batch-bad-utf8", "POST", B, b'{"articles": [{"text": "\xff"}]}', J, 400, "invalid_encoding"),
    # 404, 405: JSON too, never HTML
    ("unknown-path", "GET", "/nothing-here", b"", None, 404, "not_found"),
    ("unknown-v1-path", "POST", "/v1/quote", js({"text": "a"}), J, 404, "not_found"),
    ("v2-path", "POST", "/v2/quotes", js({"text": "a"}), J, 404, "not_found"),
    ("get-quotes", "GET", Q, b"", None, 405, "method_not_allowed"),
    ("put-quotes", "PUT", Q, js({"text": "a"}), J, 405, "method_not_allowed"),
    ("delete-batch", "DELETE", B, b"", None, 405, "method_not_allowed"),
    ("post-healthz", "POST", "/healthz", b"", None, 405, "method_not_allowed"),
    # 415: neither JSON nor plain text
    ("no-content-type", "POST", Q, b'{"text": "a"}', None, 415, "unsupported_media_type"),
    ("form", "POST", Q, b"text=a", "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
    ("html", "POST", Q, b"<p>a</p>", "text/html", 415, "unsupported_media_type"),
    ("xml", "POST", Q, b"<text>a</text>", "application/xml", 415, "unsupported_media_type"),
    ("octet-stream", "POST", Q, b"a", "application/octet-stream", 415, "unsupported_media_type"),
    ("unknown-charset", "POST", Q, b"a", "text/plain; charset=no-such-charset", 415, "unsupported_media_type"),
    ("batch-as-plain-text", "POST", B, b"an article", T, 415, "unsupported_media_type"),
    # 422: well-formed JSON that is not a valid request
    ("text-missing", "POST", Q, js({"id": "a"}), J, 422, "invalid_request"),
    ("text-empty", "POST", Q, js({"text": ""}), J, 422, "invalid_request"),
    ("plain-empty", "POST", Q, b"", T, 422, "invalid_request"),
    ("text-null", "POST", Q, js({"text": None}), J, 422, "invalid_request"),
    ("text-number", "POST", Q, js({"text": 42}), J, 422, "invalid_request"),
    ("text-list", "POST", Q, js({"text": ["a", "b"]}), J, 422, "invalid_request"),
    ("text-object", "POST", Q, js({"text": {"body": "a"}}), J, 422, "invalid_request"),
    ("text-bool", "POST", Q, js({"text": True}), J, 422, "invalid_request"),
    ("id-list", "POST", Q, js({"text": "a", "id": [1]}), J, 422, "invalid_request"),
    ("id-bool", "POST", Q, js({"text": "a", "id": False}), J, 422, "invalid_request"),
    ("id-float", "POST", Q, js({"text": "a", "id": 1.5}), J, 422, "invalid_request"),
    ("body-list", "POST", Q, js([{"text": "a"}]), J, 422, "invalid_request"),
    ("body-string", "POST", Q, js("an article"), J, 422, "invalid_request"),
    ("body-number", "POST", Q, b"12", J, 422, "invalid_request"),
    ("body-null", "POST", Q, b"null", J, 422, "invalid_request"),
    ("batch-articles-missing", "POST", B, js({"texts": ["a"]}), J, 422, "invalid_request"),
    ("batch-articles-null", "POST", B, js({"articles": None}), J, 422, "invalid_request"),
    ("batch-articles-object", "POST", B, js({"articles": {"text": "a"}}), J, 422, "invalid_request"),
    ("batch-body-list", "POST", B, js([{"text": "a"}]), J, 422, "invalid_request"),
    ("batch-too-many", "POST", B, js({"articles": [{"text": "a"}] * 51}), J, 422, "invalid_request"),
]


@pytest.mark.parametrize("method, path, data, content_type, status, code",
                         [case[1:] for case in BAD_REQUESTS], ids=[case[0] for case in BAD_REQUESTS])
def test_bad_request_gets_the_json_error(client, check_error, method, path, data, content_type, status, code):
    response = client.open(path, method=method, data=data, content_type=content_type)
    check_error(response, status, code)


@pytest.mark.parametrize("payload, field, message", [
    ({}, "text", "Missing data for required field."),
    ({"text": ""}, "text", "must not be empty"),
    ({"text": 3}, "text", "Not a valid string."),
    ({"text": "a", "id": {}}, "id", "must be a string or an integer"),
    ([], "_schema", "must be a JSON object"),
], ids=["missing", "empty", "not-a-string", "bad-id", "not-an-object"])
def test_422_details_are_keyed_by_field(client, check_error, payload, field, message):
    error = check_error(client.post(Q, json=payload), 422, "invalid_request")
    assert error["details"] == {field: [message]}
    assert error["message"] == f"{field}: {message}"


def test_405_names_the_allowed_methods(client, check_error):
    response = client.get(Q)
    check_error(response, 405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]


@pytest.mark.parametrize("length, status", [(99, 200), (100, 200), (101, 413), (5_000, 413)],
                         ids=["under", "at-limit", "one-over", "far-over"])
def test_text_over_max_chars_is_413(make_app, check_error, length, status):
    client = make_app(MAX_CHARS=100).test_client()
    text = ("“Fine,” she said. " * 400)[:length]
    for response in (client.post(Q, json={"text": text}),
                     client.post(Q, data=text.encode(), content_type=T)):
        if status == 200:
            assert response.status_code == 200
        else:
            error = check_error(response, 413, "payload_too_large")
            assert error["details"] == {"max_chars": 100, "chars": length}


def test_max_chars_counts_code_points_not_bytes(make_app):
    client = make_app(MAX_CHARS=100).test_client()
    assert client.post(Q, json={"text": "😀" * 100}).status_code == 200  # 400 bytes of UTF-8


def test_body_over_max_content_length_is_413(make_app, check_error):
    client = make_app(MAX_CONTENT_LENGTH=1_000).test_client()
    check_error(client.post(Q, json={"text": "a" * 2_000}), 413, "payload_too_large")
    check_error(client.post(Q, data=b"a" * 2_000, content_type=T), 413, "payload_too_large")
    check_error(client.post(B, json={"articles": [{"text": "a" * 2_000}]}), 413, "payload_too_large")


@pytest.mark.parametrize("char", ["a", "\u00e9", "😀", "\u0000", '"', "\\", "\u2028"],
                         ids=["ascii", "latin", "emoji", "nul", "quote", "backslash", "line-separator"])
def test_body_limit_admits_any_text_within_the_character_limits(char):
    """Every text of MAX_CHARS characters fits the body limit, however JSON escapes it."""
    limit = body_limit(DEFAULTS)
    for body in ({"id": "x" * 200, "text": char * DEFAULTS["MAX_CHARS"]},
                 {"articles": [{"id": f"article-{n}", "text": char * (DEFAULTS["MAX_BATCH_CHARS"] // 50)}
                               for n in range(DEFAULTS["MAX_BATCH"])]}):
        assert len(json.dumps(body, ensure_ascii=True).encode()) <= limit
        assert len(json.dumps(body, ensure_ascii=False).encode()) <= limit


def test_app_uses_the_computed_body_limit(app):
    assert app.config["MAX_CONTENT_LENGTH"] == body_limit(app.config)


def test_unexpected_failure_is_a_bare_500_and_the_log_has_the_traceback(
        client, check_error, monkeypatch, log_records):
    def broken(doc, deadline):
        raise RuntimeError("secret detail in /srv/service/extract/speakers.py")

    monkeypatch.setattr("service.api.extract", broken)
    response = client.post(Q, json={"text": "“Hi,” he said."})
    error = check_error(response, 500, "internal_error")
    assert "secret" not in response.get_data(as_text=True)
    logged = [r for r in log_records("service.errors") if r.exc_info]
    assert logged and error["request_id"] in logged[0].getMessage()
    monkeypatch.undo()
    assert client.post(Q, json={"text": "“Hi,” he said."}).status_code == 200


def test_not_ready_app_refuses_work_but_stays_healthy(make_app, check_error):
    client = make_app(MODEL_LOADING="manual").test_client()
    check_error(client.post(Q, json={"text": "a"}), 503, "not_ready")
    assert client.get("/healthz").status_code == 200


def test_bad_setting_fails_at_creation(monkeypatch):
    monkeypatch.setenv("QUOTES_MAX_CHARS", "lots")
    with pytest.raises(ValueError, match="QUOTES_MAX_CHARS"):
        create_app({"MODEL_LOADING": "manual"})
