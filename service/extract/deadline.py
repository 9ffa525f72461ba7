"""A request deadline that the core checks between steps and for every quote and person inside
them (``pipeline.extract``), so a slow article stops cleanly soon after the deadline passes."""
from __future__ import annotations

import time


class DeadlineExceeded(Exception):
    """The work ran past its deadline."""


class Deadline:
    """A point in time after which ``check()`` raises DeadlineExceeded. ``None`` seconds: never."""

    def __init__(self, seconds: float | None) -> None:
        self._at = None if seconds is None else time.monotonic() + seconds

    def check(self) -> None:
        if self._at is not None and time.monotonic() > self._at:
            raise DeadlineExceeded()


NEVER = Deadline(None)
