"""`make bench-archive`: archives on Ray Data, 1 and 2 workers, beside a bare ``nlp.pipe``, in one sitting.

    python -m scripts.bench_archive [--eval-dir DIR] [--files dev.jsonl,...] [--articles N] [--out PATH]

Takes the texts of ../shared/eval's dev, bbc_dev and polnear_train (the first N in that order,
default 300, ids made unique as ``file:line``), writes them as one JSONL file, then:

1. ``bare``: ``nlp.pipe`` over the same texts in this process, on one core;
2. starts one local Ray (its start reported apart) and runs ``python -m service archive`` on it
   with 1 and then 2 workers; each rate counts from the first batch done (so Ray's scheduling
   and the workers' model loading, reported apart, are not in it);
3. scaling efficiency (the 2-worker rate over twice the 1-worker rate), with where the time
   went: each worker's busy share of the measured window; the 1-worker rate over the bare rate;
   each worker's peak USS.

It prints a table and writes the figures as JSON (default bench-results/bench_archive.json).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from scripts import EVAL_DIR, ROOT
from service.archive.command import Outcome, execute
from service.cli import build_parser
from service.config import from_environment
from service.nlp import load_pipeline

FILES = "dev.jsonl,bbc_dev.jsonl,polnear_train.jsonl"


def texts(eval_dir: Path, files: list[str], limit: int) -> list[dict[str, str]]:
    """``{"id", "text"}`` of the first ``limit`` articles of ``files``, ids unique."""
    out: list[dict[str, str]] = []
    for name in files:
        with open(eval_dir / name, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip() and len(out) < limit:
                    out.append({"id": f"{name}:{number}", "text": json.loads(line)["text"]})
    return out


def bare_rate(articles: list[dict[str, str]]) -> float:
    nlp = load_pipeline(str(from_environment()["SPACY_MODEL"]))
    list(nlp.pipe([a["text"] for a in articles[:8]]))  # warm
    started = time.perf_counter()
    for _ in nlp.pipe(a["text"] for a in articles):
        pass
    return len(articles) / (time.perf_counter() - started)


def run_archive(source: Path, out: Path, workers: int) -> dict[str, Any]:
    args = build_parser().parse_args(["archive", str(source), str(out), "--workers", str(workers),
                                      "--no-progress"])
    started = time.time()
    outcome: Outcome = execute(args, sys.stderr)
    totals = outcome.totals
    assert outcome.status == 0 and totals.first_done and totals.last_done
    window = totals.last_done - totals.first_done
    return {
        "workers": workers, "articles": totals.articles, "quotes": totals.quotes,
        "wall_s": round(totals.last_done - started, 2),
        "to_first_batch_s": round(totals.first_done - started, 2),
        "model_load_s": [round(w["load_s"], 2) for w in totals.workers.values()],
        "rate": round(totals.steady_rate() or 0.0, 3),
        "window_s": round(window, 2),
        "busy_share": [round(min(w["busy_s"] / window, 1.0), 3) for w in totals.workers.values()],
        "peak_uss_mib": [round(w["uss_bytes"] / 2**20) for w in totals.workers.values()],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--files", default=FILES)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "bench_archive.json")
    args = parser.parse_args(argv)
    articles = texts(args.eval_dir, args.files.split(","), args.articles)
    print(f"{len(articles)} articles from {args.files} ({sum(len(a['text']) for a in articles)} chars)")

    bare = bare_rate(articles)
    import ray

    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "archive.jsonl"
        source.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        started = time.perf_counter()
        ray.init(num_cpus=os.cpu_count() or 1, include_dashboard=False, log_to_driver=False,
                 configure_logging=False)
        ray_start = time.perf_counter() - started
        try:
            runs = [run_archive(source, Path(work) / f"out{n}", n) for n in (1, 2)]
        finally:
            ray.shutdown()

    one, two = runs
    result = {"articles": len(articles), "cores": os.cpu_count(), "bare_pipe_rate": round(bare, 3),
              "ray_start_s": round(ray_start, 2), "runs": runs,
              "scaling_efficiency": round(two["rate"] / (2 * one["rate"]), 3),
              "one_worker_vs_bare": round(one["rate"] / bare, 3)}
    print(f"Ray start: {ray_start:.1f} s; bare nlp.pipe on one core: {bare:.2f} articles/s")
    print("| workers | articles/s (from first batch) | to first batch s | model load s | busy share | peak USS MiB |")
    print("| --- | --- | --- | --- | --- | --- |")
    for r in runs:
        print(f"| {r['workers']} | {r['rate']:.2f} | {r['to_first_batch_s']:.1f} | "
              f"{', '.join(map(str, r['model_load_s']))} | {', '.join(map(str, r['busy_share']))} | "
              f"{', '.join(map(str, r['peak_uss_mib']))} |")
    print(f"scaling efficiency (2-worker rate / 2 x 1-worker rate): {result['scaling_efficiency']:.2f}")
    print(f"1-worker rate / bare nlp.pipe: {result['one_worker_vs_bare']:.2f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
