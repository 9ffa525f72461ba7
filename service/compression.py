"""Answers compressed with gzip for clients that accept it: a large batch answer (or any JSON,
error or page over about 1 KB) need not cost the network its full size.

Only whole bodies held in memory are compressed (the API's JSON, errors, /docs); files sent
as streams (the page's static files) go as they are. Every answer large enough to compress
carries ``Vary: Accept-Encoding``, compressed or not, so a cache keeps the two apart.
"""
from __future__ import annotations

import gzip

from flask import Flask, Response, request

MIN_BYTES = 1024
# Level 5 keeps most of level 9's gain on JSON at a fraction of its CPU time.
LEVEL = 5


def _accepts_gzip() -> bool:
    # Named codings before "*": "gzip;q=0, *" refuses gzip.
    qualities = {value.lower(): quality for value, quality in request.accept_encodings}
    return qualities.get("gzip", qualities.get("x-gzip", qualities.get("*", 0))) > 0


def compress(response: Response) -> Response:
    """``response`` gzipped when the client accepts it and its body is over MIN_BYTES."""
    if (response.direct_passthrough or response.is_streamed or "Content-Encoding" in response.headers
            or response.status_code < 200 or response.status_code in (204, 206, 304)):
        return response
    data = response.get_data()
    if len(data) < MIN_BYTES:
        return response
    response.vary.add("Accept-Encoding")
    if not _accepts_gzip():
        return response
    response.set_data(gzip.compress(data, compresslevel=LEVEL, mtime=0))
    response.headers["Content-Encoding"] = "gzip"
    return response


def register_compression(app: Flask) -> None:
    """Compress ``app``'s answers for clients that send ``Accept-Encoding: gzip``."""
    app.after_request(compress)
