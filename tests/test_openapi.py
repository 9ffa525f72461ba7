"""GET /openapi.json: a well-formed OpenAPI 3 document that says everything the contract says."""
from __future__ import annotations

import re
from typing import Any, Iterator

import pytest

from service.extract.records import RESOLVED_BY
from service.openapi import EXAMPLE_TEXT, build_spec, example_answer, type_label
from service.schemas import (ErrorBodySchema, QuoteSchema, QuotesResponseSchema, SpanSchema, SpeakerRefSchema,
                             SpeakerSchema)

# The contract of docs/api.md, field by field, in our own words: component -> fields it must document.
CONTRACT: dict[str, set[str]] = {
    "QuotesRequest": {"text", "id"},
    "QuotesResponse": {"id", "quotes", "speakers", "meta"},
    "Quote": {"id", "text", "start", "end", "kind", "continues", "speaker", "cue", "claim", "event",
              "rule", "confidence"},
    "SpeakerRef": {"id", "name", "mention", "resolved_by", "role", "affiliation"},
    "Speaker": {"id", "name", "role", "affiliation", "mentions", "quote_ids"},
    "Span": {"text", "start", "end"},
    "Meta": {"model", "version", "elapsed_ms"},
    "Error": {"error"},
    "ErrorBody": {"status", "code", "message", "details", "request_id"},
    "BatchRequest": {"articles"},
    "BatchArticle": {"text", "id"},
    "BatchResponse": {"results", "meta"},
    "BatchResult": {"id", "quotes", "speakers", "error"},
}

# status -> the codes docs/api.md gives it
ERROR_CODES: dict[str, set[str]] = {
    "400": {"invalid_json", "invalid_encoding", "bad_request"}, "401": {"unauthorized"},
    "404": {"not_found"}, "405": {"method_not_allowed"}, "408": {"request_timeout"}, "413": {"payload_too_large"},
    "414": {"uri_too_long"}, "415": {"unsupported_media_type"}, "422": {"invalid_request"},
    "431": {"headers_too_large"}, "500": {"internal_error"}, "503": {"not_ready", "timeout"},
}

# What the HTTP server itself may answer to any request (in the error shape), and a 500.
ANY_REQUEST = {"400", "414", "431", "500"}

# path, method -> the statuses it must document
OPERATIONS: dict[tuple[str, str], set[str]] = {
    ("/v1/quotes", "post"): {"200", "401", "408", "413", "415", "422", "503"} | ANY_REQUEST,
    ("/v1/quotes/batch", "post"): {"200", "401", "408", "413", "415", "422", "503"} | ANY_REQUEST,
    ("/healthz", "get"): {"200"} | ANY_REQUEST,
    ("/readyz", "get"): {"200", "503"} | ANY_REQUEST,
    ("/openapi.json", "get"): {"200"} | ANY_REQUEST,
}

NULLABLE: set[tuple[str, str]] = {
    ("Quote", "continues"), ("Quote", "cue"), ("Quote", "claim"), ("Quote", "event"),
    ("SpeakerRef", "id"), ("SpeakerRef", "name"), ("SpeakerRef", "mention"), ("SpeakerRef", "resolved_by"),
    ("SpeakerRef", "role"),
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
    """docs/api.md: fields may be added, so no response schema forbids extra properties."""
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


def test_resolved_by_is_an_enum_of_the_cores_values_or_null(spec):
    """OpenAPI 3.0: a nullable enum lists null among its values, or null fails validation."""
    prop = spec["components"]["schemas"]["SpeakerRef"]["properties"]["resolved_by"]
    assert prop["enum"] == [*RESOLVED_BY, None] and prop["nullable"] is True
    assert all(value in prop["description"] for value in RESOLVED_BY)


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
    assert content["text/plain"]["schema"]["minLength"] == 1  # an empty body is a 422
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


def _text_plain(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["paths"]["/v1/quotes"]["post"]["requestBody"]["content"]["text/plain"]["schema"]


def _string_id(schema: dict[str, Any]) -> dict[str, Any]:
    return next(v for v in schema["properties"]["id"]["oneOf"] if v["type"] == "string")


# setting -> where the document states it, read from a document
LIMIT_PLACES: dict[str, Any] = {
    "MAX_CHARS": [lambda s: s["components"]["schemas"]["QuotesRequest"]["properties"]["text"]["maxLength"],
                  lambda s: _text_plain(s)["maxLength"]],
    "MAX_BATCH": [lambda s: s["components"]["schemas"]["BatchRequest"]["properties"]["articles"]["maxItems"]],
    "MAX_ID_CHARS": [lambda s: _string_id(s["components"]["schemas"]["QuotesRequest"])["maxLength"]],
}


@pytest.mark.parametrize("setting, value", [("MAX_CHARS", 321), ("MAX_BATCH", 7), ("MAX_ID_CHARS", 64)])
def test_limits_in_the_document_are_the_apps(make_app, setting, value):
    spec = make_app(**{setting: value}).test_client().get("/openapi.json").get_json()
    assert [read(spec) for read in LIMIT_PLACES[setting]] == [value] * len(LIMIT_PLACES[setting])
    assert str(value) in spec["info"]["description"]


def test_batch_size_limit_in_the_operation_description(make_app):
    spec = make_app(MAX_BATCH=7).test_client().get("/openapi.json").get_json()
    assert "At most 7 articles" in spec["paths"]["/v1/quotes/batch"]["post"]["description"]


def test_an_id_limit_is_stated_only_when_the_app_has_one(make_app):
    """QUOTES_MAX_ID_CHARS is stated from the app's settings; an app without it states no maxLength."""
    settings = dict(make_app().config)
    settings.pop("MAX_ID_CHARS", None)
    spec = build_spec(settings)
    assert "maxLength" not in _string_id(spec["components"]["schemas"]["QuotesRequest"])
    assert "QUOTES_MAX_ID_CHARS" not in spec["info"]["description"]


@pytest.mark.parametrize("field", ["text", "id"])
def test_a_batch_article_states_types_only(make_app, field):
    """Its values are judged article by article (an error in place): no value limit in the document,
    while the single-article request states them."""
    spec = make_app(MAX_ID_CHARS=64).test_client().get("/openapi.json").get_json()
    batch_article = spec["components"]["schemas"]["BatchArticle"]
    single = spec["components"]["schemas"]["QuotesRequest"]
    limits = {"minLength", "maxLength"}
    assert not limits & set(batch_article["properties"][field]) and not limits & set(_string_id(batch_article))
    assert limits & (set(single["properties"][field]) | set(_string_id(single)))
    items = spec["components"]["schemas"]["BatchRequest"]["properties"]["articles"]["items"]
    assert items == {"$ref": "#/components/schemas/BatchArticle"} and batch_article["required"] == ["text"]


@pytest.mark.parametrize("path, method", sorted(OPERATIONS))
def test_answers_say_they_may_be_gzip_compressed(spec, path, method):
    headers = spec["paths"][path][method]["responses"]["200"].get("headers", {})
    if path == "/openapi.json":
        assert "Content-Encoding" not in headers
    else:
        assert headers["Content-Encoding"]["schema"]["enum"] == ["gzip"]


@pytest.mark.parametrize("words", ["Content-Encoding: gzip", "Accept-Encoding: gzip", "414 `uri_too_long`",
                                   "431 `headers_too_large`"])
def test_the_description_tells_compression_and_server_errors(spec, words):
    assert words in spec["info"]["description"]


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


def test_example_answer_is_what_the_service_answers(client):
    """The document's example is the service's own answer to EXAMPLE_TEXT today (but the time taken)."""
    given = client.post("/v1/quotes", json={"text": EXAMPLE_TEXT, "id": "article-42"}).get_json()
    example = example_answer()
    assert {k: v for k, v in given.items() if k != "meta"} == {k: v for k, v in example.items() if k != "meta"}
    assert {k: v for k, v in given["meta"].items() if k != "elapsed_ms"} == \
        {k: v for k, v in example["meta"].items() if k != "elapsed_ms"}


def test_examples_in_the_document_are_the_example_answer(spec):
    ok = spec["paths"]["/v1/quotes"]["post"]["responses"]["200"]["content"]["application/json"]["example"]
    assert ok == example_answer()
    batch = spec["paths"]["/v1/quotes/batch"]["post"]["responses"]["200"]["content"]["application/json"]["example"]
    assert [set(r) for r in batch["results"]] == [{"id", "quotes", "speakers"}, {"id", "error"}, {"id", "error"}]
    assert [r["error"]["code"] for r in batch["results"][1:]] == ["invalid_request", "timeout"]


def test_example_answer_dumps_unchanged_through_the_response_schema():
    """The example has exactly the fields the API writes, in the same shape."""
    answer = example_answer()
    assert QuotesResponseSchema().dump(answer) == answer
