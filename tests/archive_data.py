"""Invented articles for the archive tests (tests/test_archive*.py): good ones with quotes and
without, and bad rows of every kind, as JSONL lines or Parquet columns."""
from __future__ import annotations

import json
from typing import Any

GOOD: list[dict[str, Any]] = [
    {"id": "g1", "date": "2024-01-15",
     "text": "“We will open the new bridge in May,” said Mayor Lena Ortiz on Tuesday. "
             "“It is late, but it is safe.”"},
    {"id": "g2", "date": "2024-01-30",
     "text": "The council met again. “Costs keep rising,” a spokesperson for the city said."},
    {"id": "g3", "date": "2024-02-02", "text": "The harbour froze overnight and ferries stayed in port."},
    {"id": "g4", "date": "2024-02-11",
     "text": "“Our pupils read more than ever,” said Ana Bell, a teacher at Northfield School. "
             "Her head teacher, Omar Sykes, agreed. “The library changed everything,” he said."},
    {"id": "g5", "date": "2024-03-03",
     "text": "“Prices will fall by summer,” an official who asked not to be named told reporters."},
    {"id": "g6", "date": "2024-03-21",
     "text": "Farmers marched on Friday. “We cannot sell below cost,” said Piet Van Dam, who leads "
             "the growers' union. “Nobody listens to us.”"},
]


def good_lines() -> list[str]:
    return [json.dumps(article) for article in GOOD]


# Bad JSONL lines: (line, the error code its articles row gets).
BAD_LINES: list[tuple[str, str]] = [
    ("{not json at all", "invalid_json"),
    (json.dumps({"id": "b-int-text", "text": 42}), "invalid_request"),
    (json.dumps({"id": "b-empty", "text": ""}), "invalid_request"),
    (json.dumps({"id": "b-missing"}), "invalid_request"),
    (json.dumps({"id": "b-long", "text": "Word " * 200}), "payload_too_large"),
    (json.dumps(["a", "list"]), "invalid_request"),
    (json.dumps({"id": "g1", "text": "“Again,” said someone with the same id."}), "duplicate_id"),
]

# The character limit the tests run with, so that "b-long" is over it and the good ones are not.
MAX_CHARS = 600
