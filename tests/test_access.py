"""API keys, CORS, request ids and the per-request JSON log line."""
from __future__ import annotations

import json
import logging
import re

import pytest

from service.access import key_matches, parse_keys, presented_key
from service.requestlog import JsonFormatter

ARTICLE = {"text": "“It is done,” the mayor said."}


@pytest.fixture(scope="module")
def keyed(make_app):
    return make_app(API_KEYS=" k1-secret , k2-secret ,,").test_client()


@pytest.mark.parametrize("method, path, headers, status", [
    ("POST", "/v1/quotes", {}, 401),
    ("POST", "/v1/quotes", {"Authorization": "Bearer k1-secret"}, 200),
    ("POST", "/v1/quotes", {"Authorization": "bearer   k2-secret "}, 200),
    ("POST", "/v1/quotes", {"X-API-Key": "k2-secret"}, 200),
    ("POST", "/v1/quotes/batch", {"X-API-Key": "k1-secret"}, 200),
    ("POST", "/v1/quotes/batch", {}, 401),
    ("POST", "/v1/quotes", {"Authorization": "Bearer wrong"}, 401),
    ("POST", "/v1/quotes", {"Authorization": "Bearer k1-secretx"}, 401),
    ("POST", "/v1/quotes", {"Authorization": "Bearer k1"}, 401),
    ("POST", "/v1/quotes", {"Authorization": "Bearer "}, 401),
    ("POST", "/v1/quotes", {"Authorization": "Basic k1-secret"}, 401),
    ("POST", "/v1/quotes", {"Authorization": "k1-secret"}, 401),
    ("POST", "/v1/quotes", {"X-API-Key": ""}, 401),
    ("POST", "/v1/quotes", {"X-API-Key": "K1-SECRET"}, 401),
    ("POST", "/v1/quotes", {"X-API-Key": "k1-secret,k2-secret"}, 401),
    ("POST", "/v1/nothing", {}, 401),  # no key: do not even say what exists
    ("GET", "/healthz", {}, 200),
    ("GET", "/readyz", {}, 200),
    ("GET", "/nothing-here", {}, 404),
], ids=lambda v: v if isinstance(v, (str, int)) else None)
def test_api_keys_guard_v1_only(keyed, check_error, method, path, headers, status):
    response = keyed.open(path, method=method, headers=headers,
                          json={"articles": [ARTICLE]} if path.endswith("batch") else ARTICLE)
    if status == 401:
        check_error(response, 401, "unauthorized")
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    else:
        assert response.status_code == status


def test_without_keys_configured_v1_is_open(client):
    assert client.post("/v1/quotes", json=ARTICLE).status_code == 200


@pytest.mark.parametrize("authorization, api_key, presented", [
    ("Bearer abc", None, "abc"),
    ("BEARER abc", "def", "abc"),
    ("Basic abc", "def", "def"),
    (None, " def ", "def"),
    ("Bearer", None, None),
    (None, None, None),
])
def test_presented_key(authorization, api_key, presented):
    assert presented_key(authorization, api_key) == presented


@pytest.mark.parametrize("candidate, matches", [("a1", True), ("b2", True), ("a", False), ("a1b2", False),
                                               ("ü", False), ("", False)])
def test_key_matches(candidate, matches):
    assert key_matches(candidate, parse_keys("a1,b2")) is matches


# --- CORS ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cors(make_app):
    return make_app(CORS_ORIGINS="https://news.example, https://cms.example/").test_client()


def test_cors_is_off_by_default(client):
    response = client.post("/v1/quotes", json=ARTICLE, headers={"Origin": "https://news.example"})
    assert "Access-Control-Allow-Origin" not in response.headers
    preflight = client.options("/v1/quotes", headers={"Origin": "https://news.example",
                                                      "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in preflight.headers


@pytest.mark.parametrize("origin, allowed", [
    ("https://news.example", True),
    ("https://cms.example", True),
    ("https://evil.example", False),
    ("http://news.example", False),
    ("https://news.example.evil", False),
    ("null", False),
])
def test_cors_allows_listed_origins_only(cors, origin, allowed):
    response = cors.post("/v1/quotes", json=ARTICLE, headers={"Origin": origin})
    assert response.status_code == 200
    assert response.headers.get("Access-Control-Allow-Origin") == (origin if allowed else None)
    assert "Origin" in response.headers.get("Vary", "")
    if allowed:
        assert "X-Request-ID" in response.headers["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response.headers


@pytest.mark.parametrize("path", ["/v1/quotes", "/v1/quotes/batch"])
def test_cors_preflight(cors, path):
    response = cors.options(path, headers={
        "Origin": "https://news.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, authorization"})
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == "https://news.example"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    allowed = response.headers["Access-Control-Allow-Headers"].lower()
    assert all(h in allowed for h in ("content-type", "authorization", "x-api-key"))


def test_cors_preflight_from_other_origin_gets_no_grant(cors):
    response = cors.options("/v1/quotes", headers={"Origin": "https://evil.example",
                                                   "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_wildcard_and_keys_together(make_app, check_error):
    client = make_app(CORS_ORIGINS="*", API_KEYS="k1").test_client()
    preflight = client.options("/v1/quotes", headers={"Origin": "https://any.example",
                                                      "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 204 and preflight.headers["Access-Control-Allow-Origin"] == "*"
    # The 401 itself carries CORS headers, so a page on another origin can read it and ask for a key.
    denied = client.post("/v1/quotes", json=ARTICLE, headers={"Origin": "https://any.example"})
    check_error(denied, 401, "unauthorized")
    assert denied.headers["Access-Control-Allow-Origin"] == "*"


# --- request ids --------------------------------------------------------------------------------

@pytest.mark.parametrize("given, echoed", [
    ("abc-123", True),
    ("3f2b1c9e-7d4a-4b8e-9f00-112233445566", True),
    ("trace.id:42/a+b=c@d_e", True),
    ("x" * 128, True),
    ("x" * 129, False),
    ("has space", False),
    ("line\u2028break", False),
    ("", False),
    ("<script>", False),
])
def test_request_id_is_echoed_when_sane(client, check_error, given, echoed):
    ok = client.post("/v1/quotes", json=ARTICLE, headers={"X-Request-ID": given})
    bad = client.post("/v1/quotes", json={}, headers={"X-Request-ID": given})
    for response in (ok, bad):
        if echoed:
            assert response.headers["X-Request-ID"] == given
        else:
            assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])
    assert check_error(bad, 422, "invalid_request")["request_id"] == bad.headers["X-Request-ID"]


def test_request_ids_are_fresh_per_request(client):
    ids = {client.get("/healthz").headers["X-Request-ID"] for _ in range(20)}
    assert len(ids) == 20


# --- the log line -------------------------------------------------------------------------------

SECRET_ARTICLE = "Paragraph one about the zebra budget.\n“The zebra budget is final,” Ms Okafor said."


@pytest.mark.parametrize("method, path, kwargs, status, text_chars, quotes", [
    ("POST", "/v1/quotes", {"json": {"text": SECRET_ARTICLE}}, 200, len(SECRET_ARTICLE), 1),
    ("POST", "/v1/quotes", {"data": SECRET_ARTICLE.encode(), "content_type": "text/plain"}, 200,
     len(SECRET_ARTICLE), 1),
    ("POST", "/v1/quotes/batch", {"json": {"articles": [{"text": SECRET_ARTICLE}] * 2}}, 200,
     2 * len(SECRET_ARTICLE), 2),
    ("POST", "/v1/quotes", {"json": {"text": SECRET_ARTICLE, "id": 5, "x": "zebra"}}, 200, len(SECRET_ARTICLE), 1),
    ("POST", "/v1/quotes", {"json": {"txt": SECRET_ARTICLE}}, 422, None, None),
    ("GET", "/healthz", {}, 200, None, None),
    ("GET", "/no-such-page", {}, 404, None, None),
])
def test_one_json_log_line_per_request_without_the_text(client, log_records, method, path, kwargs,
                                                        status, text_chars, quotes):
    response = client.open(path, method=method, headers={"X-Request-ID": "log-test-1"}, **kwargs)
    assert response.status_code == status
    records = log_records("service.access")
    assert len(records) == 1
    line = JsonFormatter().format(records[0])
    assert "\n" not in line and "zebra" not in line.lower() and "Okafor" not in line
    fields = json.loads(line)
    assert fields["request_id"] == "log-test-1"
    assert (fields["method"], fields["path"], fields["status"]) == (method, path, status)
    assert (fields["text_chars"], fields["quotes"]) == (text_chars, quotes)
    assert isinstance(fields["ms"], (int, float)) and fields["ms"] >= 0
    assert fields["level"] == "INFO" and fields["ts"]


def test_log_formatter_puts_a_traceback_on_one_line():
    try:
        raise ValueError("boom")
    except ValueError:
        import sys
        record = logging.LogRecord("service.errors", logging.ERROR, __file__, 1, "failed", None, sys.exc_info())
    line = JsonFormatter().format(record)
    assert "\n" not in line and "ValueError: boom" in json.loads(line)["exc"]
