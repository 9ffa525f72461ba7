"""The CI accuracy gate: serve with gunicorn, score each evaluation set, compare with its baseline.

    python -m scripts.accuracy_gate [--eval-dir ../shared/eval] [--baseline accuracy-baseline.json]
    python -m scripts.accuracy_gate --set bbc_dev   # one set only (repeatable)
    python -m scripts.accuracy_gate --raise         # after a real gain: write the new figures as baseline

The baseline holds one section per set, named after its file in the evaluation directory
(``dev`` for dev.jsonl, ``bbc_dev`` for bbc_dev.jsonl, ``polnear_train``: 840 more articles, which
also shows that no article fails). Each set whose file is present is
scored over HTTP against one server, the sets side by side; a set whose file is absent is
said and skipped. Fails (exit 1) when no set could be scored, when a set's ``bad_offsets``
or ``http_errors`` is above 0, when a figure its section lists under "at_least" falls more
than the tolerance below it, or when one under "at_most" (a spurious rate) rises more than
the tolerance above it. The baseline only ever moves the good way: --raise keeps the better
of the old and new figures, section by section. It does not handle sets with no section.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scripts import EVAL_DIR, ROOT
from scripts.server import Server

TOLERANCE = 0.5

Section = dict[str, dict[str, float]]


def score(url: str, gold: Path) -> dict[str, float]:
    scorer = gold.parent / "score.py"
    out = subprocess.run([sys.executable, str(scorer), str(gold), "--url", url, "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def check(figures: dict[str, float], baseline: Section) -> list[str]:
    """The reasons one set fails against its section of the baseline, empty when it passes."""
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


def check_all(scored: dict[str, dict[str, float]], baseline: dict[str, Section]) -> list[str]:
    """The reasons the gate fails over every scored set, each prefixed by its set's name."""
    if not scored:
        return ["no evaluation set was scored"]
    return [f"{name}: {failure}" for name, figures in scored.items()
            for failure in check(figures, baseline.get(name, {}))]


def raised(figures: dict[str, float], baseline: Section) -> Section:
    """One set's section moved to the new figures wherever they are better."""
    return {
        "at_least": {k: max(v, figures.get(k, v)) for k, v in baseline.get("at_least", {}).items()},
        "at_most": {k: min(v, figures.get(k, v)) for k, v in baseline.get("at_most", {}).items()},
    }


def raised_all(scored: dict[str, dict[str, float]], baseline: dict[str, Section]) -> dict[str, Section]:
    """The whole baseline raised: scored sets moved the good way, the others left as they were."""
    return {name: raised(scored[name], section) if name in scored else section
            for name, section in baseline.items()}


def present_sets(names: list[str], eval_dir: Path) -> tuple[dict[str, Path], list[str]]:
    """The sets whose gold file is in ``eval_dir`` (name -> path), and the names of those absent."""
    paths = {name: eval_dir / f"{name}.jsonl" for name in names}
    return ({n: p for n, p in paths.items() if p.is_file()},
            [n for n, p in paths.items() if not p.is_file()])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    ap.add_argument("--baseline", type=Path, default=ROOT / "accuracy-baseline.json")
    ap.add_argument("--set", dest="sets", action="append", metavar="NAME",
                    help="score only this set (a section of the baseline); repeatable")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--raise", dest="raise_", action="store_true", help="write better figures into the baseline")
    a = ap.parse_args()
    baseline: dict[str, Section] = json.loads(a.baseline.read_text(encoding="utf-8"))
    unknown = sorted(set(a.sets or ()) - set(baseline))
    if unknown:
        ap.error(f"no section in {a.baseline} for {', '.join(unknown)}")
    golds, absent = present_sets(a.sets or list(baseline), a.eval_dir)
    for name in absent:
        print(f"accuracy gate: {a.eval_dir / (name + '.jsonl')} is absent: {name} not scored")
    server = Server(workers=a.workers, log_path=ROOT / "bench-results" / "gate-gunicorn.log")
    scored: dict[str, dict[str, float]] = {}
    try:
        if golds:
            server.start()
            with ThreadPoolExecutor(max_workers=len(golds)) as pool:
                futures = {name: pool.submit(score, server.url, gold) for name, gold in golds.items()}
                scored = {name: future.result() for name, future in futures.items()}
    finally:
        server.stop()
    print(json.dumps(scored, indent=1))
    if a.raise_ and scored:
        a.baseline.write_text(json.dumps(raised_all(scored, baseline), indent=2) + "\n", encoding="utf-8")
        print(f"baseline written to {a.baseline}")
    failures = check_all(scored, baseline)
    for failure in failures:
        print("GATE FAILED:", failure)
    if not failures:
        print(f"accuracy gate: passed ({', '.join(scored)})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
