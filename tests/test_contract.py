"""The OpenAPI document and the service agree, as a generated client sees them.

The document the service serves validates as OpenAPI 3 (openapi-spec-validator), and
schemathesis, with all its checks, sends requests generated from it to a live gunicorn started
the way ``make run`` starts it (scripts/server.py, on a free 127.0.0.1 port): every answer must
be one the document allows, every request the document allows must be accepted, and every
request it forbids refused. The run is deterministic (the same cases each time, no example
database) and bounded (MAX_EXAMPLES per operation and phase), so CI repeats it exactly.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import DuplicateOperationIDError, OpenAPIValidationError
from referencing.exceptions import Unresolvable

from scripts.server import Server

MAX_EXAMPLES = 25
WORKERS = 2  # gunicorn workers, as WEB_CONCURRENCY defaults to
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
RUN_TIMEOUT_S = 600  # a hung run fails instead of blocking CI; it takes well under a minute

# Statuses negative_data_rejection accepts as a refusal by default (schemathesis 4.32), to which an
# operation below adds its own.
REFUSALS = ["400", "401", "403", "404", "405", "406", "409", "415", "422", "428", "429", "5xx"]

# Per operation: every check stays on; this only widens what counts as a refusal. POST /v1/quotes
# states the longest text as maxLength (QUOTES_MAX_CHARS) and answers a longer one with 413
# payload_too_large, as documented, which schemathesis does not count as a refusal by default.
CONFIG = f"""
[[operations]]
include-operation-id = "extractQuotes"
checks.negative_data_rejection.expected-statuses = {json.dumps(REFUSALS + ["413"])}
"""


# The service as it runs open, and with an API key (its document then requires one: schemathesis
# sends it, and its ignored_auth check tries the requests without it): name -> the key or None.
SERVICES: dict[str, str | None] = {"open": None, "keyed": "contract-test-key"}


@dataclass(frozen=True)
class Live:
    server: Server
    key: str | None


@pytest.fixture(scope="module", params=sorted(SERVICES))
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """gunicorn with the default settings but its key (whatever QUOTES_* the shell holds)."""
    key = SERVICES[request.param]
    logs = tmp_path_factory.mktemp("gunicorn")
    with pytest.MonkeyPatch.context() as env:
        for name in [n for n in os.environ if n.startswith("QUOTES_") and n != "QUOTES_SPACY_MODEL"]:
            env.delenv(name)
        if key is not None:
            env.setenv("QUOTES_API_KEYS", key)
        server = Server(WORKERS, logs / "gunicorn.log")
        try:
            server.start()
            yield Live(server, key)
        finally:
            server.stop()


def _served_document(url: str) -> dict[str, Any]:
    with urllib.request.urlopen(url + "/openapi.json", timeout=30) as response:
        assert response.status == 200 and response.headers.get_content_type() == "application/json"
        document: dict[str, Any] = json.load(response)
    return document


def test_the_served_document_validates(live):
    document = _served_document(live.server.url)
    validate(document)
    assert ({} in document["paths"]["/v1/quotes"]["post"]["security"]) is (live.key is None)


@pytest.mark.parametrize("settings", [
    {"API_KEYS": "k1,k2"}, {"MAX_ID_CHARS": 64}, {"MAX_CHARS": 10, "MAX_BATCH": 1, "TIMEOUT_S": 0.0},
], ids=["api-keys", "id-limit", "small-limits"])
def test_the_document_validates_under_other_settings(make_app, settings):
    validate(make_app(**settings).test_client().get("/openapi.json").get_json())


def _without_a_response_description(document: dict[str, Any]) -> None:
    del document["components"]["responses"]["NotFound"]["description"]


def _with_a_duplicate_operation_id(document: dict[str, Any]) -> None:
    document["paths"]["/healthz"]["get"]["operationId"] = "ready"


def _with_a_dangling_ref(document: dict[str, Any]) -> None:
    document["components"]["schemas"]["Quote"]["properties"]["speaker"]["allOf"] = [
        {"$ref": "#/components/schemas/Nobody"}]


@pytest.mark.parametrize("spoil, error", [
    (_without_a_response_description, OpenAPIValidationError),
    (_with_a_duplicate_operation_id, DuplicateOperationIDError),
    (_with_a_dangling_ref, Unresolvable),
], ids=["no-description", "duplicate-id", "dangling-ref"])
def test_a_spoiled_document_is_caught(client, spoil, error):
    """The validator is not a no-op: our document, spoiled in one place, fails."""
    document = client.get("/openapi.json").get_json()
    spoil(document)
    with pytest.raises(error):
        validate(document)


def schemathesis_run(url: str, workdir: Path, max_examples: int,
                     key: str | None = None) -> subprocess.CompletedProcess[str]:
    """``schemathesis run`` against ``url`` with every check, deterministic (which keeps no example
    database), sending ``key`` as a bearer token when given."""
    config = workdir / "schemathesis.toml"
    config.write_text(CONFIG)
    command = [str(SCHEMATHESIS), "--config-file", str(config), "run", url + "/openapi.json",
               "--checks", "all", "--max-examples", str(max_examples), "--generation-deterministic",
               "--workers", "1", "--no-color"]
    if key is not None:
        command += ["--header", f"Authorization: Bearer {key}"]
    return subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=RUN_TIMEOUT_S,
                          env=dict(os.environ, COLUMNS="120"))


def _summary(output: str) -> str:
    return output[output.rfind("SUMMARY"):] if "SUMMARY" in output else output[-4000:]


def _findings(output: str) -> str:
    """The failures section, each line cut short (a generated body can be 200,000 characters)."""
    start = output.find("FAILURES")
    return "\n".join(line[:300] for line in output[max(start, 0):].splitlines())[-20000:]


def test_schemathesis_finds_no_disagreement(live, tmp_path):
    document = _served_document(live.server.url)
    # schemathesis leaves out the path it read the document from (checked above, by the validator)
    operations = sum(len(item) for path, item in document["paths"].items() if path != "/openapi.json")
    run = schemathesis_run(live.server.url, tmp_path, MAX_EXAMPLES, live.key)
    print(_summary(run.stdout))
    assert run.returncode == 0, _findings(run.stdout) + run.stderr[-2000:]
    tested = re.search(r"Tested:\s+(\d+)", run.stdout)
    assert tested and int(tested.group(1)) == operations, _summary(run.stdout)
    cases = re.search(r"(\d+) generated", run.stdout)
    assert cases and int(cases.group(1)) >= operations * 10, _summary(run.stdout)
