"""Is the core linear in article length? Time per 1,000 words at ~1k words and at ~100k words.

    python -m scripts.linearity [--dev PATH] [--reps 3] [--windows 10] [--long-words 100000]

The core (``service.extract.parse`` + ``extract``, no HTTP) runs on one long article made by
concatenating the paragraphs of the seed and the dev articles (cycled as often as needed),
and on short articles of ~1k words cut from the same paragraph stream at evenly spaced
places, so both sizes read the same kind of text. Each size runs ``reps`` times; figures are
medians. Target (issue 4): the long article's time per 1k words is at most 1.5x the short ones',
judged on CPU time (the machine is shared; wall-clock figures are printed beside it).
A probe at ~10k words runs first; if the growth it shows projects one run of the long text past
a CPU budget, the long text is skipped and the ratio projected (a quadratic step would otherwise
take many minutes). `make bench` runs this too; this script alone runs only this measurement.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Sequence

from scripts.corpus import DEV_PATH, corpus_paragraphs
from service.config import DEFAULTS
from service.extract import extract, parse
from service.nlp import load_pipeline

TARGET_RATIO = 1.5
SHORT_WORDS = 1_000
LONG_WORDS = 100_000
PROBE_WORDS = 10_000
BUDGET_S = 300.0  # CPU seconds one run of the long text may be projected to take


def _words(text: str) -> int:
    return len(text.split())


def build_text(paras: Sequence[str], words: int, start: int = 0) -> str:
    """Whole paragraphs from ``paras`` (cycled, from index ``start``), joined by blank lines,
    until the text holds at least ``words`` words."""
    if not any(p.split() for p in paras):
        raise ValueError("no words in the paragraphs")
    out: list[str] = []
    count = 0
    k = start
    while count < words:
        p = paras[k % len(paras)]
        out.append(p)
        count += _words(p)
        k += 1
    return "\n\n".join(out) + "\n"


def _time_core(nlp: Any, text: str, reps: int) -> dict[str, float]:
    """Median milliseconds (wall and CPU) of parse, extract and both, over ``reps`` runs."""
    runs: dict[str, list[float]] = {k: [] for k in KEYS}
    quotes = 0
    for _ in range(reps):
        t0, c0 = time.perf_counter(), time.process_time()
        doc = parse(nlp, text)
        t1, c1 = time.perf_counter(), time.process_time()
        result = extract(doc)
        t2, c2 = time.perf_counter(), time.process_time()
        for key, value in (("parse_ms", t1 - t0), ("extract_ms", t2 - t1), ("total_ms", t2 - t0),
                           ("parse_cpu_ms", c1 - c0), ("extract_cpu_ms", c2 - c1), ("total_cpu_ms", c2 - c0)):
            runs[key].append(value * 1000)
        quotes = len(result.quotes)
    out = {key: statistics.median(v) for key, v in runs.items()}
    out["quotes"] = quotes
    return out


KEYS = ("parse_ms", "extract_ms", "total_ms", "parse_cpu_ms", "extract_cpu_ms", "total_cpu_ms")


def measure_linearity(nlp: Any, paras: Sequence[str], reps: int = 3, windows: int = 10,
                      short_words: int = SHORT_WORDS, long_words: int = LONG_WORDS,
                      probe_words: int = PROBE_WORDS, budget_s: float = BUDGET_S) -> dict[str, Any]:
    """Per-1k-word times of the core on ``windows`` short texts and on one long text.

    ``ratio`` is judged on CPU time, which other work on a shared machine barely moves (the
    core runs on one thread, so on an idle machine CPU time is wall time); wall-clock ratios too.
    A probe at ``probe_words`` runs once first: when the growth it shows projects one run of the
    long text past ``budget_s`` CPU seconds, the long text is not run and the ratio is projected.
    """
    paras = [p for p in paras if p.split()]
    # Start the windows at evenly spaced paragraphs of the long text's stream.
    long_text = build_text(paras, long_words)
    n_long_paras = long_text.count("\n\n") + 1
    starts = [int(k * n_long_paras / windows) for k in range(windows)]
    shorts = [build_text(paras, short_words, s) for s in starts]

    nlp(shorts[0])  # first-call set-up out of the figures
    short_runs = [_time_core(nlp, t, reps) for t in shorts]
    short_words_total = sum(_words(t) for t in shorts)
    short = {key: sum(r[key] for r in short_runs) / short_words_total * 1000 for key in KEYS}
    out: dict[str, Any] = {
        "reps": reps,
        "short": {"texts": len(shorts), "words_each": [_words(t) for t in shorts],
                  "quotes": sum(int(r["quotes"]) for r in short_runs), "ms_per_1k_words": short},
    }

    probe_text = build_text(paras, probe_words)
    probe_run = _time_core(nlp, probe_text, 1)
    probe_n = _words(probe_text)
    probe = {key: probe_run[key] / probe_n * 1000 for key in KEYS}
    out["probe"] = {"words": probe_n, "quotes": int(probe_run["quotes"]), "ms_per_1k_words": probe}
    long_n = _words(long_text)
    # Growth exponent of the per-word cost of parse and of extract between the short texts and
    # the probe, carried on to the long text's size (an estimate, to decide whether to run it).
    size_ratio = probe_n / (short_words_total / len(shorts))
    growth: dict[str, float] = {}
    projected_per_k = 0.0
    for key in ("parse_cpu_ms", "extract_cpu_ms"):
        g = math.log(max(probe[key], 1e-9) / max(short[key], 1e-9)) / math.log(size_ratio)
        growth[key] = g
        projected_per_k += probe[key] * (long_n / probe_n) ** max(g, 0.0)
    projected_s = projected_per_k * long_n / 1000 / 1000
    out["projected_long"] = {"growth_exponent": growth, "cpu_s_per_run": projected_s,
                             "ms_per_1k_words": projected_per_k}

    if projected_s > budget_s:
        out["long"] = None
        out["skipped"] = (f"the probe projects {projected_s:.0f} CPU s for one run of {long_n:,} words "
                          f"(budget {budget_s:.0f} s): not run")
        out["ratio"] = projected_per_k / short["total_cpu_ms"]
        out["ratio_is_projected"] = True
        out["ratio_probe"] = probe["total_cpu_ms"] / short["total_cpu_ms"]
        return out

    long_run = _time_core(nlp, long_text, reps)
    long = {key: long_run[key] / long_n * 1000 for key in KEYS}
    out["long"] = {"words": long_n, "chars": len(long_text), "quotes": int(long_run["quotes"]),
                   "total_ms": long_run["total_ms"], "ms_per_1k_words": long}
    out.update(
        ratio=long["total_cpu_ms"] / short["total_cpu_ms"],
        ratio_is_projected=False,
        ratio_parse=long["parse_cpu_ms"] / short["parse_cpu_ms"],
        ratio_extract=long["extract_cpu_ms"] / short["extract_cpu_ms"],
        ratio_wall=long["total_ms"] / short["total_ms"],
    )
    return out


def describe(lin: dict[str, Any]) -> str:
    """The figures as a small table and the verdict."""
    s, p, l = lin["short"], lin["probe"], lin["long"]

    def row(label: str, per_k: dict[str, float]) -> str:
        return (f"  {label:<32}" + "".join(f"{per_k[k]:>9.1f}" for k in
                ("parse_cpu_ms", "extract_cpu_ms", "total_cpu_ms", "total_ms")))

    lines = [
        f"linearity of the core (parse + extract, no HTTP), ms per 1,000 words, median of "
        f"{lin['reps']} runs per size (probe: 1 run):",
        f"  {'size':<32}{'parse':>9}{'extract':>9}{'total':>9}{'wall':>9}   (first three: CPU)",
        row(f"~1k words ({s['texts']} texts, {s['quotes']} quotes)", s["ms_per_1k_words"]),
        row(f"{p['words']:,} words ({p['quotes']} quotes)", p["ms_per_1k_words"]),
    ]
    if l is None:
        proj = lin["projected_long"]
        lines += [f"  {lin['skipped']}",
                  f"  per-word cost grows as size^{proj['growth_exponent']['parse_cpu_ms']:.2f} (parse), "
                  f"size^{proj['growth_exponent']['extract_cpu_ms']:.2f} (extract): projected "
                  f"{proj['ms_per_1k_words']:.0f} ms per 1k words at ~100k words",
                  f"  ratio long/short, CPU, PROJECTED: {lin['ratio']:.1f} (target <= {TARGET_RATIO}); "
                  f"probe/short already {lin['ratio_probe']:.2f}"]
    else:
        lines += [row(f"{l['words']:,} words ({l['quotes']} quotes)", l["ms_per_1k_words"]),
                  f"  ratio long/short, CPU: total {lin['ratio']:.2f} (target <= {TARGET_RATIO}), "
                  f"parse {lin['ratio_parse']:.2f}, extract {lin['ratio_extract']:.2f}; "
                  f"wall: {lin['ratio_wall']:.2f}"]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", type=Path, default=DEV_PATH)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--windows", type=int, default=10, help="short texts (default 10)")
    ap.add_argument("--long-words", type=int, default=LONG_WORDS)
    ap.add_argument("--probe-words", type=int, default=PROBE_WORDS)
    ap.add_argument("--budget-s", type=float, default=BUDGET_S,
                    help="skip the long text when one run is projected past this many CPU s")
    ap.add_argument("--model", default=os.environ.get("QUOTES_SPACY_MODEL", DEFAULTS["SPACY_MODEL"]))
    ap.add_argument("--out", type=Path, help="also write the figures as JSON here")
    a = ap.parse_args(argv)
    paras, source = corpus_paragraphs(a.dev)
    lin = measure_linearity(load_pipeline(a.model), paras, reps=a.reps, windows=a.windows,
                            long_words=a.long_words, probe_words=a.probe_words, budget_s=a.budget_s)
    lin["source"] = source
    print(f"paragraphs from: {source}")
    print(describe(lin))
    if a.out:
        a.out.parent.mkdir(parents=True, exist_ok=True)
        a.out.write_text(json.dumps(lin, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
