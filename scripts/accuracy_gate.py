"""The CI accuracy gate: serve with gunicorn, score the dev set, compare with the baseline.

    python -m scripts.accuracy_gate [--gold ../shared/eval/dev.jsonl] [--baseline accuracy-baseline.json]
    python -m scripts.accuracy_gate --raise   # after a real gain: write the new figures as baseline

Fails (exit 1) when ``bad_offsets`` or ``http_errors`` is above 0, when a figure the
baseline lists under "at_least" falls more than the tolerance below it, or when one
under "at_most" (a spurious rate) rises more than the tolerance above it. The baseline
only ever moves the good way: --raise keeps the better of the old and new figures.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from scripts import EVAL_DIR, ROOT
from scripts.server import Server

TOLERANCE = 0.5


def score(url: str, gold: Path) -> dict[str, float]:
    scorer = gold.parent / "score.py"
    out = subprocess.run([sys.executable, str(scorer), str(gold), "--url", url, "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def check(figures: dict[str, float], baseline: dict[str, dict[str, float]]) -> list[str]:
    """The reasons the gate fails, empty when it passes."""
    failures = [f"{key} is {figures.get(key)}, must be 0" for key in ("bad_offsets", "http_errors")
                if figures.get(key) != 0]
    for key, floor in baseline.get("at_least", {}).items():
        value = figures.get(key)
        if value is None or value < floor - TOLERANCE:
            failures.append(f"{key} fell to {value} (baseline {floor}, tolerance {TOLERANCE})")
    for key, ceiling in baseline.get("at_most", {}).items():
        value = figures.get(key)
        if value is None or value > ceiling + TOLERANCE:
            failures.append(f"{key} rose to {value} (baseline {ceiling}, tolerance {TOLERANCE})")
    return failures


def raised(figures: dict[str, float], baseline: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """The baseline moved to the new figures wherever they are better."""
    return {
        "at_least": {k: max(v, figures.get(k, v)) for k, v in baseline.get("at_least", {}).items()},
        "at_most": {k: min(v, figures.get(k, v)) for k, v in baseline.get("at_most", {}).items()},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=EVAL_DIR / "dev.jsonl")
    ap.add_argument("--baseline", type=Path, default=ROOT / "accuracy-baseline.json")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--raise", dest="raise_", action="store_true", help="write better figures into the baseline")
    a = ap.parse_args()
    baseline = json.loads(a.baseline.read_text(encoding="utf-8"))
    server = Server(workers=a.workers, log_path=ROOT / "bench-results" / "gate-gunicorn.log")
    try:
        server.start()
        figures = score(server.url, a.gold)
    finally:
        server.stop()
    print(json.dumps(figures, indent=1))
    if a.raise_:
        a.baseline.write_text(json.dumps(raised(figures, baseline), indent=2) + "\n", encoding="utf-8")
        print(f"baseline written to {a.baseline}")
    failures = check(figures, baseline)
    for failure in failures:
        print("GATE FAILED:", failure)
    if not failures:
        print("accuracy gate: passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
