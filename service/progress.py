"""The progress bar of the command line's long runs (``extract --jsonl`` and ``archive``).

One line on a stream (standard error), redrawn in place: the share of the input read (when its
size is known), articles done, failures, the rate and, with a known size, the time left. It also
owns the ``--progress`` / ``--no-progress`` flags and the rule that the bar shows on a terminal
unless told otherwise. It draws what it is given: it counts no rows, reads no files and knows
neither Ray nor HTTP (standard library only).
"""
from __future__ import annotations

import argparse
import time
from typing import IO, Any


def add_flags(parser: argparse.ArgumentParser, what: str) -> None:
    """``--progress`` / ``--no-progress`` (``args.progress``: True, False or None for 'on a terminal')."""
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--progress", dest="progress", action="store_true", default=None,
                       help=f"show {what} on standard error even when it is not a terminal")
    shown.add_argument("--no-progress", dest="progress", action="store_false", help="never show it")


def shown(flag: bool | None, stream: IO[Any]) -> bool:
    """Whether the bar shows: as the flags say, else when ``stream`` is a terminal."""
    if flag is not None:
        return flag
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Bar:
    """A one-line bar on a terminal stream; does nothing when disabled.

    ``total`` is the size of the input in whatever unit ``done`` counts (bytes read); None or 0
    when unknown (standard input), and then only the counts and the rate are shown.
    """

    WIDTH = 28
    EVERY_S = 0.2

    def __init__(self, stream: IO[str], total: int | None, enabled: bool) -> None:
        self.stream = stream
        self.total = total or None
        self.enabled = enabled
        self.started = time.monotonic()
        self.last = 0.0
        self.drawn = False

    def update(self, done: int, articles: int, failed: int, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < self.EVERY_S:
            return
        self.last = now
        elapsed = now - self.started
        line = f"{articles} articles, {failed} failed, {articles / max(elapsed, 1e-6):.1f}/s"
        if self.total:
            share = min(done / self.total, 1.0)
            filled = int(share * self.WIDTH)
            left = _clock(elapsed * (1 - share) / share) if share > 0 else "--:--"
            line = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {share:4.0%} {line}, {left} left"
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        """Wipe the bar before another message goes to the same stream."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.drawn = False

    def finish(self, done: int, articles: int, failed: int) -> None:
        """Draw the final counts and end the line."""
        if self.enabled:
            self.update(done, articles, failed, force=True)
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"
