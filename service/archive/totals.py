"""The totals of an archive run: articles, quotes, failures and skips, the rates, the summary line.

The driver feeds it the workers' summary rows as they stream back; it returns the failed rows
for reporting and keeps per-worker figures (busy time, the CPU time of its calls, model load,
peak USS) for the benchmark.
Totals give the exit status and the closing summary line. The bar itself is service.progress;
nothing here knows Ray or draws anything.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Iterable


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
            worker = self.workers.setdefault(row["worker"], {"busy_s": 0.0, "cpu_s": 0.0, "articles": 0.0})
            worker["busy_s"] += row["busy_s"]
            worker["cpu_s"] += row["cpu_s"]
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
