"""The request deadline (QUOTES_TIMEOUT_S): past it the answer is 503 ``timeout``, and the
app (and under gunicorn, the worker) keeps serving the next request.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from servers import gunicorn  # tests/servers.py


def test_past_the_deadline_is_503_timeout_then_the_app_serves_on(make_app, check_error, seed_text):
    app = make_app(TIMEOUT_S=0.001)
    client = app.test_client()
    error = check_error(client.post("/v1/quotes", json={"text": seed_text}), 503, "timeout")
    assert error["details"] == {"timeout_s": 0.001}
    app.config["TIMEOUT_S"] = 600.0  # the same app, process and pipeline, with room to finish
    response = client.post("/v1/quotes", json={"text": seed_text})
    assert response.status_code == 200
    assert len(response.get_json()["quotes"]) == 10


def test_a_batch_past_the_deadline_answers_each_article_with_its_timeout(make_app, seed_text):
    """Nothing finished in time: still 200, each article's 503 ``timeout`` in its place; then the
    same app finishes the same batch."""
    app = make_app(TIMEOUT_S=0.001)
    client = app.test_client()
    body = {"articles": [{"id": n, "text": seed_text} for n in range(3)]}
    response = client.post("/v1/quotes/batch", json=body)
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["id"] for r in results] == [0, 1, 2]
    assert [(r["error"]["status"], r["error"]["code"], r["error"]["details"]) for r in results] == \
        [(503, "timeout", {"timeout_s": 0.001})] * 3
    app.config["TIMEOUT_S"] = 600.0
    results = client.post("/v1/quotes/batch", json=body).get_json()["results"]
    assert [len(r["quotes"]) for r in results] == [10, 10, 10]


@pytest.mark.parametrize("seconds", [0, -1], ids=["zero", "negative"])
def test_a_deadline_of_zero_or_less_means_none(make_app, seconds):
    client = make_app(TIMEOUT_S=seconds).test_client()
    assert client.post("/v1/quotes", json={"text": "“Yes,” she said."}).status_code == 200


def _post(url: str, text: str) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=json.dumps({"text": text}).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        return exc.code, json.load(exc)


def test_gunicorn_worker_survives_a_timed_out_request(seed_text, tmp_path):
    """One sync worker and a deadline every article misses: each request gets the JSON 503 and
    the same worker serves the next one (gunicorn's timeout sits above the deadline, nothing is
    killed). That a timed-out app then answers 200 is the test above."""
    log_path = tmp_path / "gunicorn.log"
    with gunicorn(log_path, QUOTES_TIMEOUT_S="0.001") as port:
        base = f"http://127.0.0.1:{port}"
        for _ in range(3):
            status, body = _post(base + "/v1/quotes", seed_text)
            assert (status, body["error"]["code"]) == (503, "timeout")
            with urllib.request.urlopen(base + "/healthz", timeout=10) as response:
                assert response.status == 200
    log_text = log_path.read_text()
    assert log_text.count("Booting worker") == 1, log_text[-2000:]
    assert "WORKER TIMEOUT" not in log_text
