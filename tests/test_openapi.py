"""GET /openapi.json: a well-formed OpenAPI 3 document that says everything the contract says."""
from __future__ import annotations

import re
from typing import Any, Iterator

import pytest

from service.openapi import EXAMPLE_TEXT, example_answer, type_label
from service.schemas import (ErrorBodySchema, QuoteSchema, QuotesResponseSchema, SpanSchema, SpeakerRefSchema,
                             SpeakerSchema)

# The contract of DESIGN.md, field by field, in our own words: component -> fields it must document.
CONTRACT: dict[str, set[str]] = {
    "QuotesRequest": {"text", "id"},
    "QuotesResponse": {"id", "quotes", "speakers", "meta"},
    "Quote": {"id", "text", "start", "end", "kind", "continues", "speaker", "cue", "claim", "event",
              "rule", "confidence"},
    "SpeakerRef": {"id", "name", "mention", "role", "affiliation"},
    "Speaker": {"id", "name", "role", "affiliation", "mentions", "quote_ids"},
    "Span": {"text", "start", "end"},
    "Meta": {"model", "version", "elapsed_ms"},
    "Error": {"error"},
    "ErrorBody": {"status", "code", "message", "details", "request_id"},
    "BatchRequest": {"articles"},
    "BatchResponse": {"results", "meta"},
    "BatchResult": {"id", "quotes", "speakers", "error"},
}

# status -> the codes DESIGN.md gives it
ERROR_CODES: dict[str, set[str]] = {
    "400": {"invalid_json", "invalid_encoding"}, "401": {"unauthorized"}, "404": {"not_found"},
    "405": {"method_not_allowed"}, "413": {"payload_too_large"}, "415": {"unsupported_media_type"},
    "422": {"invalid_request"}, "500": {"internal_error"}, "503": {"not_ready", "timeout"},
}

# path, method -> the statuses it must document
OPERATIONS: dict[tuple[str, str], set[str]] = {
    ("/v1/quotes", "post"): {"200", "400", "401", "413", "415", "422", "500", "503"},
    ("/v1/quotes/batch", "post"): {"200", "400", "401", "413", "415", "422", "500", "503"},
    ("/healthz", "get"): {"200", "500"},
    ("/readyz", "get"): {"200", "503"},
}

NULLABLE: set[tuple[str, str]] = {
    ("Quote", "continues"), ("Quote", "cue"), ("Quote", "claim"), ("Quote", "event"),
    ("SpeakerRef", "id"), ("SpeakerRef", "name"), ("SpeakerRef", "mention"), ("SpeakerRef", "role"),
    ("SpeakerRef", "affiliation"), ("Speaker", "role"), ("Speaker", "affiliation"),
}


@pytest.fixture(scope="module")
def spec(client) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    return response.get_json()


def _walk(node: Any, where: str = "#") -> Iterator[tuple[str, Any]]:
    yield where, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{where}/{i}")


def _resolve(spec: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = spec
    for part in ref[2:].split("/"):
        assert isinstance(node, dict) and part in node, f"dangling $ref {ref}"
        node = node[part]
    return node


# --- the document is well formed --------------------------------------------------------------

def test_top_level_is_openapi_3(spec):
    assert re.fullmatch(r"3\.0\.\d+", spec["openapi"])
    assert spec["info"]["title"] and spec["info"]["version"]
    assert set(spec) <= {"openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs"}
    assert spec["paths"] and spec["components"]["schemas"]


def test_every_ref_resolves(spec):
    refs = [(where, node["$ref"]) for where, node in _walk(spec) if isinstance(node, dict) and "$ref" in node]
    assert len(refs) > 20
    for where, ref in refs:
        assert _resolve(spec, ref) is not None, where


def test_every_operation_is_well_formed(spec):
    operation_ids = []
    for path, item in spec["paths"].items():
        assert path.startswith("/")
        for method, op in item.items():
            assert method in {"get", "post", "put", "patch", "delete", "head", "options"}, method
            operation_ids.append(op["operationId"])
            assert op["summary"] and op["responses"]
            for status, response in op["responses"].items():
                assert re.fullmatch(r"[1-5]\d\d", status), status
                response = _resolve(spec, response["$ref"]) if "$ref" in response else response
                assert response["description"]
                for media_type, media in response.get("content", {}).items():
                    assert "/" in media_type and "schema" in media
            for media_type, media in op.get("requestBody", {}).get("content", {}).items():
                assert media_type in {"application/json", "text/plain"} and "schema" in media
            for requirement in op.get("security", []):
                assert set(requirement) <= set(spec["components"]["securitySchemes"])
    assert len(operation_ids) == len(set(operation_ids)), "operationIds repeat"


def test_every_schema_property_has_a_type_and_a_description(spec):
    for name, schema in spec["components"]["schemas"].items():
        assert schema["type"] == "object" and schema.get("description"), name
        for field, prop in schema["properties"].items():
            assert prop.get("description"), f"{name}.{field} has no description"
            assert {"type", "$ref", "allOf", "anyOf", "oneOf"} & set(prop), f"{name}.{field} has no type"
            assert set(schema.get("required", [])) <= set(schema["properties"]), name


def test_response_schemas_stay_open_to_new_fields(spec):
    """DESIGN.md: fields may be added, so no response schema forbids extra properties."""
    for name, schema in spec["components"]["schemas"].items():
        assert schema.get("additionalProperties", True) is not False, name


# --- it says what the contract says ------------------------------------------------------------

@pytest.mark.parametrize("component, fields", sorted(CONTRACT.items()))
def test_every_contract_field_is_documented(spec, component, fields):
    assert fields <= set(spec["components"]["schemas"][component]["properties"])


@pytest.mark.parametrize("schema, component", [
    (QuotesResponseSchema, "QuotesResponse"), (QuoteSchema, "Quote"), (SpeakerRefSchema, "SpeakerRef"),
    (SpeakerSchema, "Speaker"), (SpanSchema, "Span"), (ErrorBodySchema, "ErrorBody"),
])
def test_components_follow_the_marshmallow_schemas(spec, schema, component):
    assert set(spec["components"]["schemas"][component]["properties"]) == set(schema().fields)


@pytest.mark.parametrize("component, field", sorted(NULLABLE))
def test_nullable_fields_say_so(spec, component, field):
    assert type_label(spec["components"]["schemas"][component]["properties"][field]).endswith("or null")


@pytest.mark.parametrize("component, field", [("Quote", "id"), ("Quote", "start"), ("Speaker", "name"),
                                              ("Quote", "speaker"), ("Speaker", "mentions")])
def test_fields_that_are_never_null_do_not_say_so(spec, component, field):
    assert "null" not in type_label(spec["components"]["schemas"][component]["properties"][field])


def test_quote_kind_is_an_enum(spec):
    assert spec["components"]["schemas"]["Quote"]["properties"]["kind"]["enum"] == ["direct", "partial"]


@pytest.mark.parametrize("path, method", sorted(OPERATIONS))
def test_every_endpoint_and_its_statuses(spec, path, method):
    op = spec["paths"][path][method]
    assert OPERATIONS[(path, method)] <= set(op["responses"])


@pytest.mark.parametrize("status, codes", sorted(ERROR_CODES.items()))
def test_every_error_status_is_described_with_its_codes(spec, status, codes):
    documented = {}
    for response in spec["components"]["responses"].values():
        media = response["content"]["application/json"]
        assert media["schema"] == {"$ref": "#/components/schemas/Error"}
        for code, example in media["examples"].items():
            error = example["value"]["error"]
            assert set(error) == CONTRACT["ErrorBody"] and error["code"] == code
            documented.setdefault(str(error["status"]), set()).add(code)
    assert documented.get(status) == codes


def test_error_responses_of_operations_use_the_error_schema(spec):
    for item in spec["paths"].values():
        for op in item.values():
            for status, response in op["responses"].items():
                if status.startswith(("4", "5")):
                    target = _resolve(spec, response["$ref"])
                    assert target["content"]["application/json"]["schema"]["$ref"].endswith("/Error")


def test_every_route_of_the_app_is_documented(app, spec):
    """Each API route is in the document; only the page, its files and /docs are left out."""
    for rule in app.url_map.iter_rules():
        if rule.endpoint.endswith("static") or rule.rule in {"/", "/docs"}:
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert method.lower() in spec["paths"].get(rule.rule, {}), f"{method} {rule.rule} undocumented"


def test_quote_endpoint_takes_json_and_plain_text(spec):
    content = spec["paths"]["/v1/quotes"]["post"]["requestBody"]["content"]
    assert content["application/json"]["schema"] == {"$ref": "#/components/schemas/QuotesRequest"}
    assert content["text/plain"]["schema"]["type"] == "string"
    assert content["text/plain"]["example"] == EXAMPLE_TEXT


@pytest.mark.parametrize("keys, optional", [("", True), ("k1", False)])
def test_api_keys_are_a_security_scheme(make_app, keys, optional):
    spec = make_app(API_KEYS=keys).test_client().get("/openapi.json").get_json()
    schemes = spec["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {**schemes["bearerAuth"], "type": "http", "scheme": "bearer"}
    assert schemes["apiKeyHeader"]["in"] == "header" and schemes["apiKeyHeader"]["name"] == "X-API-Key"
    for path in ("/v1/quotes", "/v1/quotes/batch"):
        security = spec["paths"][path]["post"]["security"]
        assert {"bearerAuth": []} in security and ({} in security) is optional
    assert "security" not in spec["paths"]["/healthz"]["get"]


def test_limits_in_the_document_are_the_apps(make_app):
    spec = make_app(MAX_BATCH=7).test_client().get("/openapi.json").get_json()
    assert "At most 7 articles" in spec["paths"]["/v1/quotes/batch"]["post"]["description"]


def test_the_document_is_built_once_per_app(make_app, monkeypatch):
    import service.web

    calls = []
    real = service.web.build_spec
    monkeypatch.setattr(service.web, "build_spec", lambda settings: calls.append(1) or real(settings))
    client = make_app().test_client()
    assert calls == [1]
    for path in ("/openapi.json", "/openapi.json", "/docs"):
        assert client.get(path).status_code == 200
    assert calls == [1]


# --- the examples hold -------------------------------------------------------------------------

def test_example_answer_keeps_the_contract(check):
    check(EXAMPLE_TEXT, example_answer())


def test_examples_in_the_document_are_the_example_answer(spec):
    ok = spec["paths"]["/v1/quotes"]["post"]["responses"]["200"]["content"]["application/json"]["example"]
    assert ok == example_answer()
    batch = spec["paths"]["/v1/quotes/batch"]["post"]["responses"]["200"]["content"]["application/json"]["example"]
    assert [set(r) for r in batch["results"]] == [{"id", "quotes", "speakers"}, {"id", "error"}]


def test_example_answer_dumps_unchanged_through_the_response_schema():
    """The example has exactly the fields the API writes, in the same shape."""
    answer = example_answer()
    assert QuotesResponseSchema().dump(answer) == answer
