"""Reading a request body: size, content coding, content type, character encoding and JSON, before any schema.

The body is read here, from the WSGI input, with a bounded read: never more than the body
limit (``MAX_CONTENT_LENGTH``) is taken, however it is sent (a ``Content-Length``, chunked
under a server that sets ``wsgi.input_terminated``, or compressed), and going over it is 413.
``Content-Encoding: gzip`` or ``deflate`` is inflated piece by piece with the same cap on
the inflated size, so a small bomb never grows in memory; ``identity`` is the body as sent;
any other coding is 415, and a corrupt stream 400 ``invalid_encoding``.

Answers 415 for a content type other than JSON or plain text and for a charset that is not a
text encoding, 400 ``invalid_encoding`` for bytes that are not valid in the declared charset
(UTF-8 unless said otherwise), 400 ``invalid_json`` for a body that does not parse.
"""
from __future__ import annotations

import codecs
import zlib
from typing import Any, Iterator

from flask import Request

from .inputs import parse_json
from .problems import ApiError

JSON_TYPES = ("application/json",)
TEXT_TYPES = ("text/plain",)

# Content codings a body may come in, with the zlib window bits that read each
# (HTTP's "deflate" is the zlib format; gzip adds 16).
CONTENT_CODINGS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
_IDENTITY = "identity"
_PIECE = 64 * 1024  # bytes read from the input at a time
_DRAIN = 1 << 20


def _unsupported(allowed: tuple[str, ...]) -> ApiError:
    return ApiError(415, "unsupported_media_type", "send " + " or ".join(allowed),
                    {"allowed": list(allowed)})


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "payload_too_large", f"the body is over {limit} bytes", {"max_bytes": limit})


def _is_json(mimetype: str) -> bool:
    return mimetype in JSON_TYPES or (mimetype.startswith("application/") and mimetype.endswith("+json"))


# --- the bytes --------------------------------------------------------------------------------

def _raw_pieces(environ: dict[str, Any], limit: int) -> Iterator[bytes]:
    """The body as sent, in pieces; 413 as soon as it passes ``limit`` bytes.

    With a Content-Length, at most that many bytes are read. Without one, the input is read
    to its end only when the server says it ends it (``wsgi.input_terminated``: gunicorn, and
    Werkzeug's server for chunked bodies); otherwise, as WSGI requires, the body is empty.
    """
    stream = environ.get("wsgi.input")
    raw_length = environ.get("CONTENT_LENGTH") or ""
    length = int(raw_length) if raw_length.strip().isdigit() else None
    if length is not None and length > limit:
        raise _too_large(limit)
    if stream is None or (length is None and not environ.get("wsgi.input_terminated")):
        return
    remaining = limit + 1 if length is None else length
    taken = 0
    while remaining > 0:
        piece = stream.read(min(_PIECE, remaining))
        if not piece:
            return
        taken += len(piece)
        if taken > limit:
            _drain(stream)
            raise _too_large(limit)
        remaining -= len(piece)
        yield piece


def _drain(stream: Any) -> None:
    """Read and drop what is left of a body just over the limit, up to _DRAIN bytes: a server
    that closes on unread bytes resets the connection, and the client may then never see the 413."""
    left = _DRAIN
    while left > 0:
        piece = stream.read(min(_PIECE, left))
        if not piece:
            return
        left -= len(piece)


def _inflate(pieces: Iterator[bytes], wbits: int, limit: int) -> bytes:
    """The compressed ``pieces`` inflated, never more than ``limit`` + 1 bytes at any time:
    413 above ``limit``, 400 for a stream that is corrupt or cut short. A gzip body may
    hold several members one after another (RFC 1952)."""
    out = bytearray()
    inflater = zlib.decompressobj(wbits)
    try:
        for piece in pieces:
            while piece:
                if inflater.eof:
                    inflater = zlib.decompressobj(wbits)
                out += inflater.decompress(piece, limit + 1 - len(out))
                if len(out) > limit:
                    raise ApiError(413, "payload_too_large", f"the body inflates to over {limit} bytes",
                                   {"max_bytes": limit})
                piece = inflater.unused_data if inflater.eof else inflater.unconsumed_tail
    except zlib.error as exc:
        raise ApiError(400, "invalid_encoding", f"the compressed body is corrupt: {exc}") from None
    if not inflater.eof:
        raise ApiError(400, "invalid_encoding", "the compressed body is cut short")
    return bytes(out)


def _coding(request: Request) -> str | None:
    """The one content coding to undo (None for none); 415 for any other, or for several."""
    codings = [c.strip().lower() for c in request.headers.get("Content-Encoding", "").split(",")]
    codings = [c for c in codings if c and c != _IDENTITY]
    if not codings:
        return None
    allowed = [*CONTENT_CODINGS, _IDENTITY]
    if len(codings) > 1 or codings[0] not in CONTENT_CODINGS:
        raise ApiError(415, "unsupported_media_type",
                       "Content-Encoding: send one of " + ", ".join(allowed), {"allowed_encodings": allowed})
    return codings[0]


def read_body(request: Request) -> bytes:
    """The request's body, its content coding undone: at most the body limit
    (``MAX_CONTENT_LENGTH``, 413 above it) whether it came with a Content-Length, chunked or
    compressed."""
    limit = int(request.max_content_length or 0)
    coding = _coding(request)
    pieces = _raw_pieces(request.environ, limit)
    if coding is None:
        return b"".join(pieces)
    return _inflate(pieces, CONTENT_CODINGS[coding], limit)


# --- the text ---------------------------------------------------------------------------------

def _text_codec(request: Request, default: str) -> str:
    """The charset to decode with; 415 for one Python does not know or that is not a text
    encoding (rot13, base64, zlib, hex: codecs, but not character sets)."""
    charset = request.mimetype_params.get("charset", default).strip().lower()
    try:
        info = codecs.lookup(charset)
    except (LookupError, ValueError, TypeError):
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise ApiError(415, "unsupported_media_type", f"unknown charset {charset[:40]!r}",
                       {"charset": charset[:40]})
    if charset in ("utf-8", "utf8") and default == "utf-8-sig":
        return default
    return charset


def _decode(request: Request, default: str) -> str:
    charset = _text_codec(request, default)
    data = read_body(request)
    try:
        return data.decode(charset)
    except UnicodeDecodeError as exc:  # the bytes' fault
        raise ApiError(400, "invalid_encoding", f"the body is not valid {charset}",
                       {"position": exc.start}) from None
    except (UnicodeError, LookupError, ValueError, TypeError):  # the codec's: "undefined", "idna"...
        raise ApiError(415, "unsupported_media_type", f"charset {charset!r} cannot read a body",
                       {"charset": charset}) from None


def read_json(request: Request) -> Any:
    """The body as a JSON value; only JSON content types are accepted."""
    if not _is_json(request.mimetype):
        raise _unsupported(JSON_TYPES)
    # A UTF-8 byte order mark is not part of a JSON document; tolerate it.
    return parse_json(_decode(request, "utf-8-sig"))


def read_article(request: Request) -> Any:
    """The body of POST /v1/quotes: JSON as sent, or plain text as ``{"text": body}``.

    Plain text is kept exactly as sent (a byte order mark included): offsets count from it.
    """
    if _is_json(request.mimetype):
        return read_json(request)
    if request.mimetype in TEXT_TYPES:
        return {"text": _decode(request, "utf-8")}
    raise _unsupported(JSON_TYPES + TEXT_TYPES)
