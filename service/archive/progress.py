"""Progress and totals of an archive run: the bar on a terminal, the failed rows, the summary line.

The driver feeds it the workers' summary rows as they stream back. The bar shows articles
done, failures, the rate and the time left, estimated from the share of input bytes read
(skipped rows count as read). Totals give the exit status and the closing summary line.
Nothing here knows Ray.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import IO, Any, Iterable


@dataclass
class Totals:
    """Counts over a run; ``first_done`` and ``last_done`` are wall-clock times of batches finished."""
    articles: int = 0
    quotes: int = 0
    failed: int = 0
    skipped: int = 0
    weight: int = 0
    first_done: float | None = None
    first_batch: int = 0
    last_done: float | None = None
    started: float = field(default_factory=time.time)
    ended: float | None = None  # set when the last row is counted, so Ray's shutdown is not in the rate
    workers: dict[int, dict[str, float]] = field(default_factory=dict)

    def add(self, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """Count summary rows; the failed ones, for reporting."""
        failed = []
        for row in rows:
            self.weight += row["weight"]
            if row["status"] == "skipped":
                self.skipped += 1
                continue
            self.articles += 1
            self.quotes += row["quotes"]
            if row["status"] == "failed":
                self.failed += 1
                failed.append(row)
            finished = row["finished"]
            if self.first_done is None or finished < self.first_done:
                self.first_done, self.first_batch = finished, 0
            if finished == self.first_done:
                self.first_batch += 1
            self.last_done = max(self.last_done or finished, finished)
            worker = self.workers.setdefault(row["worker"], {"busy_s": 0.0, "articles": 0.0})
            worker["busy_s"] += row["busy_s"]
            worker["articles"] += 1
            worker["load_s"] = row["load_s"]
            worker["uss_bytes"] = max(worker.get("uss_bytes", 0), row["uss_bytes"])
        return failed

    def rate(self) -> float:
        """Articles per second over the whole run so far."""
        return self.articles / max((self.ended or time.time()) - self.started, 1e-6)

    def steady_rate(self) -> float | None:
        """Articles per second counted from the first batch done (model loading excluded)."""
        if self.first_done is None or self.last_done is None or self.last_done <= self.first_done:
            return None
        return (self.articles - self.first_batch) / (self.last_done - self.first_done)

    def summary(self) -> str:
        skipped = f", {self.skipped} skipped (already written)" if self.skipped else ""
        return (f"archive: {self.articles} articles, {self.quotes} quotes, {self.failed} failed{skipped}, "
                f"{self.rate():.1f} articles/s")


class Bar:
    """A one-line bar on a terminal stream; does nothing when disabled."""

    WIDTH = 28
    EVERY_S = 0.2

    def __init__(self, stream: IO[str], total_weight: int, enabled: bool) -> None:
        self.stream = stream
        self.total = max(total_weight, 1)
        self.enabled = enabled
        self.started = time.monotonic()
        self.last = 0.0
        self.drawn = False

    def update(self, totals: Totals, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < self.EVERY_S:
            return
        self.last = now
        share = min(totals.weight / self.total, 1.0)
        elapsed = now - self.started
        left = f"{_clock(elapsed * (1 - share) / share)} left" if share > 0 else "--:-- left"
        filled = int(share * self.WIDTH)
        line = (f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {share:4.0%} {totals.articles} articles, "
                f"{totals.failed} failed, {totals.rate():.1f}/s, {left}")
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        """Wipe the bar before another message goes to the same stream."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.drawn = False

    def finish(self, totals: Totals) -> None:
        if self.enabled:
            self.update(totals, force=True)
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"
