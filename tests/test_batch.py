"""POST /v1/quotes/batch: answers in order, the same as one by one, errors in place, limits."""
from __future__ import annotations

import pytest

B = "/v1/quotes/batch"
SHORT = "“The bridge opens in May,” the engineer said."


def test_batch_answers_in_order_and_as_single_requests_do(client, seed_text, check):
    articles = [{"id": "seed", "text": seed_text}, {"id": 2, "text": SHORT}, {"text": "No quotes here."}]
    response = client.post(B, json={"articles": articles})
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"results", "meta"} and set(body["meta"]) == {"model", "version", "elapsed_ms"}
    assert [r["id"] for r in body["results"]] == ["seed", 2, None]
    for article, result in zip(articles, body["results"]):
        assert set(result) == {"id", "quotes", "speakers"}
        check(article["text"], result)
        single = client.post("/v1/quotes", json={"text": article["text"]}).get_json()
        assert (result["quotes"], result["speakers"]) == (single["quotes"], single["speakers"])
    assert len(body["results"][0]["quotes"]) == 10
    assert body["results"][2]["quotes"] == []


def test_a_long_article_in_a_batch_reads_as_it_would_alone(client, seed_text):
    long_text = "\n".join([seed_text] * 6)  # over the size nlp.pipe takes in one group
    body = client.post(B, json={"articles": [{"text": SHORT}, {"text": long_text}, {"text": SHORT}]}).get_json()
    single = client.post("/v1/quotes", json={"text": long_text}).get_json()
    assert body["results"][1]["quotes"] == single["quotes"]
    assert len(single["quotes"]) == 60
    assert body["results"][0] == body["results"][2]


@pytest.mark.parametrize("article, status, code, echoed_id", [
    ({"id": "e", "text": ""}, 422, "invalid_request", "e"),
    ({"id": "w", "text": "   "}, 200, None, "w"),
    ({"id": "long", "text": "x" * 101}, 413, "payload_too_large", "long"),
], ids=["empty", "white-space-is-read", "too-long"])
def test_a_bad_article_gets_its_error_in_place(make_app, article, status, code, echoed_id):
    client = make_app(MAX_CHARS=100).test_client()
    response = client.post(B, json={"articles": [{"id": "a", "text": SHORT}, article, {"id": "b", "text": SHORT}]})
    assert response.status_code == 200
    first, bad, last = response.get_json()["results"]
    assert len(first["quotes"]) == len(last["quotes"]) == 1 and (first["id"], last["id"]) == ("a", "b")
    if status == 200:
        assert set(bad) == {"id", "quotes", "speakers"} and bad["id"] == echoed_id
        return
    assert set(bad) == {"id", "error"} and bad["id"] == echoed_id
    error = bad["error"]
    assert set(error) == {"status", "code", "message", "details", "request_id"}
    assert (error["status"], error["code"]) == (status, code)
    assert error["request_id"] == response.headers["X-Request-ID"]


@pytest.mark.parametrize("article, where", [
    ({"id": "m"}, {"text": ["Missing data for required field."]}),
    ({"id": 9, "text": 12}, {"text": ["Not a valid string."]}),
    ({"id": ["x"], "text": "a"}, {"id": ["must be a string or an integer"]}),
    ({"id": True, "text": "a"}, {"id": ["must be a string or an integer"]}),
    ("just a string", {"_schema": ["must be a JSON object"]}),
    ([None, None], {"_schema": ["must be a JSON object"]}),
    (None, ["must be a JSON object"]),
], ids=["missing-text", "text-not-string", "id-a-list", "id-a-boolean", "a-string", "a-list", "null"])
def test_an_item_of_the_wrong_type_fails_the_whole_batch(client, check_error, article, where):
    """The document types each item; a generated client never sends another, so one is a 422 for
    the request, with the item's index in the details (a bad value is an error in place, above)."""
    response = client.post(B, json={"articles": [{"id": "a", "text": SHORT}, article]})
    error = check_error(response, 422, "invalid_request")
    assert error["details"] == {"articles": {"1": where}}


@pytest.mark.parametrize("count, status", [(0, 200), (3, 200), (4, 422)], ids=["none", "at-limit", "over"])
def test_articles_per_batch_limit(make_app, check_error, count, status):
    client = make_app(MAX_BATCH=3).test_client()
    response = client.post(B, json={"articles": [{"text": SHORT}] * count})
    if status == 200:
        assert response.status_code == 200 and len(response.get_json()["results"]) == count
    else:
        error = check_error(response, 422, "invalid_request")
        assert list(error["details"]) == ["articles"]


@pytest.mark.parametrize("lengths, status", [
    ([50, 50], 200),
    ([60, 60], 413),
    ([100, 1], 413),
    ([60, 500, 40], 200),  # the article over MAX_CHARS gets its own error and is not read
], ids=["at-limit", "over", "one-over", "too-long-article-not-counted"])
def test_characters_per_batch_limit(make_app, check_error, lengths, status):
    client = make_app(MAX_CHARS=100, MAX_BATCH_CHARS=100).test_client()
    articles = [{"text": ("“Yes,” he said. " * 40)[:n]} for n in lengths]
    response = client.post(B, json={"articles": articles})
    if status == 200:
        assert response.status_code == 200
    else:
        error = check_error(response, 413, "payload_too_large")
        assert error["details"] == {"max_batch_chars": 100, "chars": sum(lengths)}


def test_one_article_failing_inside_the_core_does_not_sink_the_batch(client, fail_extract, log_records):
    from service import api

    fail_extract(api, "bridge")
    response = client.post(B, json={"articles": [{"text": "“Hi,” she said."}, {"id": "x", "text": SHORT}]})
    assert response.status_code == 200
    ok, failed = response.get_json()["results"]
    assert len(ok["quotes"]) == 1
    assert failed["id"] == "x" and failed["error"]["code"] == "internal_error"
    assert "core bug" not in response.get_data(as_text=True)
    assert any(r.exc_info for r in log_records("service.api"))
