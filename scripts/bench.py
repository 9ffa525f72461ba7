"""`make bench`: the service's cost beside spaCy's own parse, measured side by side in one run.

    python -m scripts.bench [--articles N] [--dev PATH] [--rounds R] [--out PATH] [--skip ...]

On the seed article and the first N articles of the dev set (or, when that file is absent,
the seed plus synthetic articles rearranged from its paragraphs; the output says which):

1. ``bare``: ``nlp(text)`` with every component of the model, one article after another;
2. ``extract``: ``service.extract.extract`` alone, on an already-parsed Doc;
3. ``core``: ``service.extract.parse`` + ``extract`` in-process (no HTTP);
4. ``http``: end to end over HTTP with gunicorn, started the way the Makefile runs it, at
   WEB_CONCURRENCY=1 and 2: sequential latency (each request paired with a bare parse of the
   same article, so both see the same machine load), and for 2 workers the articles per
   second with 4 requests in flight, alternated round by round with a bare sequential pass;
5. ``memory``: PSS (``/proc/PID/smaps_rollup``) of the gunicorn master and each worker;
6. ``components``: the time each pipeline component takes (what disabling one would save);
7. ``linearity``: the core's time per 1,000 words at ~1k and ~100k words (scripts/linearity.py).

The articles come from scripts/corpus.py.

It prints a table and writes the same figures as JSON (default bench-results/bench.json).
The machine is shared: figures are medians and ratios measured close together in time.
Every process it starts is stopped on exit, error or Ctrl+C.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import statistics
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from scripts import ROOT
from scripts.corpus import DEV_PATH, Article, corpus_paragraphs, load_articles
from scripts.linearity import TARGET_RATIO, describe, measure_linearity
from scripts.server import Server, gunicorn_command

OUT_PATH = ROOT / "bench-results" / "bench.json"
PARTS = ("core", "http", "memory", "components", "linearity")

# The targets of issue 5.
TARGET_LATENCY_RATIO = 1.15   # end-to-end median / bare nlp() median, at most
TARGET_THROUGHPUT_RATIO = 1.6  # 2 workers, 4 in flight / one core's bare parse, at least
TARGET_MEMORY_RATIO = 1.5      # PSS(master + 2 workers) / PSS(master + 1 worker), at most


# ---------------------------------------------------------------------------------- statistics

def percentile(samples: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty sample."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), -(-len(ordered) * q // 100)))
    return ordered[int(rank) - 1]


def summary(per_article: Sequence[Sequence[float]]) -> dict[str, float]:
    """Median over articles of each article's median ms, p50/p99 over every sample, and the
    sequential articles/s (articles over the sum of their median times)."""
    samples = [s for runs in per_article for s in runs]
    medians = [statistics.median(runs) for runs in per_article]
    out = {
        "median_ms": statistics.median(medians),
        "p50_ms": percentile(samples, 50),
        "p99_ms": percentile(samples, 99),
        "samples": len(samples),
    }
    out["articles_per_s"] = len(medians) / (sum(medians) / 1000.0)
    return out


def paired_ratio(numer: Sequence[Sequence[float]], denom: Sequence[Sequence[float]]) -> dict[str, float]:
    """Ratios of two paired measurements: of their medians, and the median of per-article ratios."""
    num_med = [statistics.median(r) for r in numer]
    den_med = [statistics.median(r) for r in denom]
    return {
        "of_medians": statistics.median(num_med) / statistics.median(den_med),
        "median_of_ratios": statistics.median(n / d for n, d in zip(num_med, den_med)),
        "of_totals": sum(num_med) / sum(den_med),
    }


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(milliseconds, result) of one call."""
    t0 = time.perf_counter()
    result = fn()
    return (time.perf_counter() - t0) * 1000.0, result


# ---------------------------------------------------------------------------------- in-process

def measure_core(nlp: Any, articles: Sequence[Article], reps: int) -> dict[str, Any]:
    """Parts 1-3, interleaved article by article so that all three see the same load."""
    from service.extract import extract, parse

    n = len(articles)
    bare: list[list[float]] = [[] for _ in range(n)]
    parse_ms: list[list[float]] = [[] for _ in range(n)]
    extract_ms: list[list[float]] = [[] for _ in range(n)]
    core: list[list[float]] = [[] for _ in range(n)]
    wall0 = time.perf_counter()
    cpu = {"bare": 0.0, "parse": 0.0, "extract": 0.0}
    quotes = 0
    for rep in range(reps):
        for i, art in enumerate(articles):
            c0 = time.process_time()
            ms, _ = timed(lambda: nlp(art.text))
            c1 = time.process_time()
            bare[i].append(ms)
            p_ms, doc = timed(lambda: parse(nlp, art.text))
            c2 = time.process_time()
            e_ms, result = timed(lambda: extract(doc))
            c3 = time.process_time()
            cpu["bare"] += c1 - c0
            cpu["parse"] += c2 - c1
            cpu["extract"] += c3 - c2
            parse_ms[i].append(p_ms)
            extract_ms[i].append(e_ms)
            core[i].append(p_ms + e_ms)
            if rep == 0:
                quotes += len(result.quotes)
    bare_wall = sum(sum(r) for r in bare) / 1000.0
    runs = reps * n
    return {
        "reps": reps,
        "quotes_found": quotes,
        "bare": summary(bare),
        "parse": summary(parse_ms),
        "extract": summary(extract_ms),
        "core": summary(core),
        "ratios": {
            "extract_vs_bare": paired_ratio(extract_ms, bare),
            "core_vs_bare": paired_ratio(core, bare),
        },
        # CPU time is what the work costs whatever else the machine runs: a steadier ratio.
        "cpu_ms_per_article": {
            "bare": cpu["bare"] * 1000 / runs, "extract": cpu["extract"] * 1000 / runs,
            "core": (cpu["parse"] + cpu["extract"]) * 1000 / runs},
        "cpu_ratio_core_vs_bare": (cpu["parse"] + cpu["extract"]) / cpu["bare"] if cpu["bare"] else None,
        # CPU seconds per wall second of the bare parse: below 1.0, other work took the core.
        "bare_cpu_per_wall": cpu["bare"] / bare_wall if bare_wall else None,
        "wall_s": time.perf_counter() - wall0,
    }


def bare_pass(nlp: Any, articles: Sequence[Article]) -> tuple[float, float, float]:
    """Bare nlp() over the articles, one after another: articles per second, CPU ms per article,
    and the cores that other processes kept busy meanwhile."""
    t0, c0, m0 = time.perf_counter(), time.process_time(), machine_busy_seconds()
    for art in articles:
        nlp(art.text)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    others = (machine_busy_seconds() - m0 - cpu) / wall
    return len(articles) / wall, cpu * 1000 / len(articles), max(0.0, others)


def measure_components(nlp: Any, articles: Sequence[Article], reps: int) -> dict[str, Any]:
    """Median share of each pipeline step (tokenizer included) over the articles."""
    names = ["tokenizer"] + list(nlp.pipe_names)
    per: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(reps):
        totals = dict.fromkeys(names, 0.0)
        for art in articles:
            ms, doc = timed(lambda: nlp.make_doc(art.text))
            totals["tokenizer"] += ms
            for name, proc in nlp.pipeline:
                ms, doc = timed(lambda: proc(doc))
                totals[name] += ms
        for name in names:
            per[name].append(totals[name])
    med = {name: statistics.median(v) for name, v in per.items()}
    whole = sum(med.values())
    return {
        "reps": reps,
        "ms_per_article": {name: med[name] / len(articles) for name in names},
        "share": {name: med[name] / whole for name in names},
        "total_ms_per_article": whole / len(articles),
    }


# ---------------------------------------------------------------------------------- gunicorn

def machine_busy_seconds() -> float:
    """CPU seconds every process on the machine has used so far (all cores, from /proc/stat)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    # guest time is already counted in user time
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def pss_kib(pid: int) -> int:
    """Proportional set size of a process, in KiB."""
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    raise RuntimeError(f"no Pss line for {pid}")


def memory_of(server: Server) -> dict[str, Any]:
    master = server.proc.pid if server.proc is not None else 0
    workers = server.worker_pids()
    master_kib = pss_kib(master)
    worker_kib = [pss_kib(p) for p in workers]
    return {"master_mib": master_kib / 1024, "workers_mib": [w / 1024 for w in worker_kib],
            "total_mib": (master_kib + sum(worker_kib)) / 1024}


def post(url: str, body: bytes) -> tuple[float, int]:
    """(milliseconds, bytes of the answer) of one POST /v1/quotes; raises unless 200."""
    req = urllib.request.Request(url + "/v1/quotes", data=body, method="POST",
                                 headers={"Content-Type": "application/json"})
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as r:
        data = r.read()
        status = r.status
    ms = (time.perf_counter() - t0) * 1000.0
    if status != 200:
        raise RuntimeError(f"status {status}")
    return ms, len(data)


def request_bodies(articles: Sequence[Article]) -> list[bytes]:
    return [json.dumps({"text": a.text, "id": a.id}).encode("utf-8") for a in articles]


def sequential_paired(nlp: Any, server: Server, articles: Sequence[Article],
                      bodies: Sequence[bytes], reps: int) -> dict[str, Any]:
    """Each article over HTTP, right after a bare nlp() of the same text in this process."""
    n = len(articles)
    bare: list[list[float]] = [[] for _ in range(n)]
    http: list[list[float]] = [[] for _ in range(n)]
    bare_cpu = 0.0
    server_cpu0 = server.cpu_seconds()
    for _ in range(reps):
        for i, art in enumerate(articles):
            c0 = time.process_time()
            ms, _ = timed(lambda: nlp(art.text))
            bare_cpu += time.process_time() - c0
            bare[i].append(ms)
            ms, _ = post(server.url, bodies[i])
            http[i].append(ms)
    server_cpu = server.cpu_seconds() - server_cpu0
    return {"reps": reps, "http": summary(http), "bare_same_phase": summary(bare),
            "ratio_vs_bare": paired_ratio(http, bare),
            # gunicorn's CPU (master + workers, 10 ms ticks) per request over bare nlp()'s.
            "cpu_ms_per_article": {"server": server_cpu * 1000 / (reps * n), "bare": bare_cpu * 1000 / (reps * n)},
            "cpu_ratio_vs_bare": server_cpu / bare_cpu if bare_cpu else None}


def in_flight_pass(server: Server, bodies: Sequence[bytes], concurrency: int) -> dict[str, float]:
    """Articles per second with ``concurrency`` requests in flight over all the bodies, and the
    CPU ms per article that the server and this client (urllib threads) spent meanwhile."""
    t0, c0, s0 = time.perf_counter(), time.process_time(), server.cpu_seconds()
    m0 = machine_busy_seconds()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for _ in pool.map(lambda b: post(server.url, b), bodies):
            pass
    wall = time.perf_counter() - t0
    server_cpu, client_cpu = server.cpu_seconds() - s0, time.process_time() - c0
    others = (machine_busy_seconds() - m0 - server_cpu - client_cpu) / wall
    n = len(bodies)
    return {"articles_per_s": n / wall, "server_cpu_ms": server_cpu * 1000 / n,
            "client_cpu_ms": client_cpu * 1000 / n, "others_cores": max(0.0, others)}


def warm_up(server: Server, bodies: Sequence[bytes], concurrency: int) -> None:
    """Every article once per worker or so, so that lazily built state is in place."""
    in_flight_pass(server, list(bodies) * max(1, server.workers), concurrency)


def measure_http(nlp: Any, articles: Sequence[Article], reps: int, rounds: int,
                 concurrency: int, log_dir: Path, with_memory: bool) -> dict[str, Any]:
    """Part 4 (and 5): gunicorn at 1 then 2 workers."""
    bodies = request_bodies(articles)
    out: dict[str, Any] = {"command": " ".join(gunicorn_command(0)).replace(":0", ":PORT")}
    for workers in (1, 2):
        server = Server(workers, log_dir / f"gunicorn-{workers}w.log")
        try:
            t0 = time.perf_counter()
            server.start()
            start_s = time.perf_counter() - t0
            warm_up(server, bodies, min(concurrency, workers))
            res: dict[str, Any] = {"start_s": start_s}
            res["sequential"] = sequential_paired(nlp, server, articles, bodies, reps)
            if workers == 2:
                rows = []
                for _ in range(rounds):
                    b, b_cpu, b_others = bare_pass(nlp, articles)
                    h = in_flight_pass(server, bodies, concurrency)
                    rows.append({"bare_articles_per_s": b, "bare_cpu_ms": b_cpu, "bare_others_cores": b_others,
                                 "http_articles_per_s": h["articles_per_s"],
                                 "server_cpu_ms": h["server_cpu_ms"], "client_cpu_ms": h["client_cpu_ms"],
                                 "http_others_cores": h["others_cores"],
                                 "ratio": h["articles_per_s"] / b})
                res["throughput"] = {"concurrency": concurrency, "rounds": rows}
                for key in ("bare_articles_per_s", "http_articles_per_s", "bare_cpu_ms",
                            "server_cpu_ms", "client_cpu_ms", "bare_others_cores", "http_others_cores"):
                    res["throughput"][key] = statistics.median(r[key] for r in rows)
                res["throughput"]["median_ratio"] = statistics.median(r["ratio"] for r in rows)
            if with_memory:
                res["memory"] = memory_of(server)
            out[f"workers_{workers}"] = res
        finally:
            server.stop()
    if with_memory:
        one, two = out["workers_1"]["memory"], out["workers_2"]["memory"]
        out["memory_ratio"] = two["total_mib"] / one["total_mib"]
    return out


# ---------------------------------------------------------------------------------- report

def fmt(x: float | None, spec: str = ".1f") -> str:
    return "-" if x is None else format(x, spec)


def table(rows: Iterable[Sequence[str]], header: Sequence[str]) -> str:
    rows = [list(header)] + [list(r) for r in rows]
    widths = [max(len(r[c]) for r in rows) for c in range(len(header))]
    lines = []
    for k, r in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) if c == 0 else cell.rjust(w)
                               for c, (cell, w) in enumerate(zip(r, widths))))
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(results: dict[str, Any]) -> str:
    """The figures as text: the side-by-side table, memory, components, linearity, targets."""
    m = results["machine"]
    out = [f"articles: {results['source']} ({results['articles']} articles, "
           f"median {results['median_words']} words)",
           f"machine: {m['cpus']} CPUs, load average before {m['load_before']}, after "
           f"{m.get('load_after')}; python {m['python']}, model {results['model']}"]
    header = ["measure", "median ms/art", "p50 ms", "p99 ms", "articles/s", "x bare",
              "CPU ms/art", "CPU x bare"]
    rows = []
    core = results.get("core")
    if core:
        cpu = core["cpu_ms_per_article"]
        rows.append(["bare nlp(text), all components", fmt(core["bare"]["median_ms"]),
                     fmt(core["bare"]["p50_ms"]), fmt(core["bare"]["p99_ms"]),
                     fmt(core["bare"]["articles_per_s"], ".2f"), "1.00", fmt(cpu["bare"]), "1.00"])
        for key, label, ratio in (("extract", "extract() alone, parsed doc", "extract_vs_bare"),
                                  ("core", "core: parse() + extract()", "core_vs_bare")):
            s = core[key]
            rows.append([label, fmt(s["median_ms"]), fmt(s["p50_ms"]), fmt(s["p99_ms"]),
                         fmt(s["articles_per_s"], ".2f"), fmt(core["ratios"][ratio]["of_medians"], ".2f"),
                         fmt(cpu[key]), fmt(cpu[key] / cpu["bare"], ".2f")])
    http = results.get("http")
    if http:
        for workers in (1, 2):
            seq = http[f"workers_{workers}"]["sequential"]
            s = seq["http"]
            rows.append([f"HTTP e2e, {workers} worker{'s' if workers > 1 else ''}, sequential",
                         fmt(s["median_ms"]), fmt(s["p50_ms"]), fmt(s["p99_ms"]),
                         fmt(s["articles_per_s"], ".2f"), fmt(seq["ratio_vs_bare"]["of_medians"], ".2f"),
                         fmt(seq["cpu_ms_per_article"]["server"]), fmt(seq["cpu_ratio_vs_bare"], ".2f")])
        tp = http["workers_2"]["throughput"]
        rows.append(["bare nlp(), sequential (alternated)", "", "", "",
                     fmt(tp["bare_articles_per_s"], ".2f"), "1.00", fmt(tp["bare_cpu_ms"]), "1.00"])
        rows.append([f"HTTP e2e, 2 workers, {tp['concurrency']} in flight", "", "", "",
                     fmt(tp["http_articles_per_s"], ".2f"), fmt(tp["median_ratio"], ".2f"),
                     fmt(tp["server_cpu_ms"]), fmt(tp["server_cpu_ms"] / tp["bare_cpu_ms"], ".2f")])
    out.append("")
    out.append(table(rows, header))
    if core:
        out.append(f"bare nlp() got {core['bare_cpu_per_wall']:.2f} CPU-s per wall-s "
                   "(1.00 = a whole core; less = the machine was busy with other work).")
    if http:
        tp = http["workers_2"]["throughput"]
        rounds = len(tp["rounds"])
        # What 2 cores could give if the server's CPU per article were all that limited it.
        ceiling = 2 * tp["bare_cpu_ms"] / (tp["server_cpu_ms"] + tp["client_cpu_ms"])
        out.append(f"HTTP rows' x bare: against a bare nlp() of the same article just before each request. "
                   f"Throughput x bare: median of {rounds} alternated rounds (2 workers, "
                   f"{tp['concurrency']} in flight, over one core's sequential bare parse); this client "
                   f"spent {tp['client_cpu_ms']:.1f} CPU ms per article; 2 idle cores would allow "
                   f"~{ceiling:.2f}x at these CPU costs; other processes kept a median "
                   f"{tp['http_others_cores']:.2f} of the {m['cpus']} cores busy during the 2-worker "
                   f"passes ({tp['bare_others_cores']:.2f} during the bare ones). CPU columns: user+system "
                   f"time (server: master + workers).")
    if http and "memory_ratio" in http:
        out.append("")
        mem_rows = []
        for workers in (1, 2):
            mem = http[f"workers_{workers}"]["memory"]
            mem_rows.append([f"{workers} worker{'s' if workers > 1 else ''}", fmt(mem["master_mib"]),
                             " + ".join(fmt(w) for w in mem["workers_mib"]), fmt(mem["total_mib"])])
        out.append(table(mem_rows, ["PSS (MiB)", "master", "workers", "total"]))
        out.append(f"PSS ratio, 2 workers / 1 worker: {http['memory_ratio']:.2f}")
    comp = results.get("components")
    if comp:
        out.append("")
        out.append(table([[name, fmt(ms, ".2f"), fmt(100 * comp["share"][name], ".0f") + "%"]
                          for name, ms in comp["ms_per_article"].items()],
                         ["pipeline step", "ms/article", "share"]))
    lin = results.get("linearity")
    if lin:
        out.append("")
        out.append(describe(lin))
    targets = results.get("targets", {})
    if targets:
        out.append("")
        out.append("targets:")
        for name, t in targets.items():
            out.append(f"  {verdict(t['ok'])}  {name}: {t['value']:.2f} (target {t['target']})")
    return "\n".join(out)


def targets_of(results: dict[str, Any]) -> dict[str, Any]:
    t: dict[str, Any] = {}
    http = results.get("http")
    if http:
        lat = http["workers_1"]["sequential"]["ratio_vs_bare"]["of_medians"]
        t["end-to-end median / bare nlp() median (1 worker)"] = {
            "value": lat, "target": f"<= {TARGET_LATENCY_RATIO}", "ok": lat <= TARGET_LATENCY_RATIO}
        tp = http["workers_2"]["throughput"]["median_ratio"]
        t["2 workers, 4 in flight / one core's bare parse, articles/s"] = {
            "value": tp, "target": f">= {TARGET_THROUGHPUT_RATIO}", "ok": tp >= TARGET_THROUGHPUT_RATIO}
        if "memory_ratio" in http:
            m = http["memory_ratio"]
            t["PSS(master + 2 workers) / PSS(master + 1 worker)"] = {
                "value": m, "target": f"<= {TARGET_MEMORY_RATIO}", "ok": m <= TARGET_MEMORY_RATIO}
    lin = results.get("linearity")
    if lin:
        r = lin["ratio"]
        name = "core's CPU time per 1k words at ~100k words / at ~1k words"
        if lin.get("ratio_is_projected"):
            name += " (PROJECTED from the probe: long text not run)"
        t[name] = {"value": r, "target": f"<= {TARGET_RATIO}", "ok": r <= TARGET_RATIO}
    return t


# ---------------------------------------------------------------------------------- main

def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    from service.config import DEFAULTS

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=20, help="dev articles besides the seed (default 20)")
    ap.add_argument("--dev", type=Path, default=DEV_PATH, help="dev set, JSONL with a 'text' per line")
    ap.add_argument("--reps", type=int, default=3, help="passes per sequential measurement (default 3)")
    ap.add_argument("--rounds", type=int, default=5,
                    help="alternated bare / 2-worker throughput rounds (default 5, at least 5 for the target)")
    ap.add_argument("--concurrency", type=int, default=4, help="requests in flight for 2 workers (default 4)")
    ap.add_argument("--skip", action="append", default=[], choices=PARTS,
                    help="leave out a part (repeatable)")
    ap.add_argument("--linearity-reps", type=int, default=3, help="runs per size for linearity (default 3)")
    ap.add_argument("--model", default=os.environ.get("QUOTES_SPACY_MODEL", DEFAULTS["SPACY_MODEL"]))
    ap.add_argument("--out", type=Path, default=OUT_PATH, help="JSON results (default bench-results/bench.json)")
    a = ap.parse_args(argv)
    if a.articles < 0 or a.reps < 1 or a.rounds < 1 or a.concurrency < 1 or a.linearity_reps < 1:
        ap.error("--articles must be >= 0; --reps, --rounds, --concurrency, --linearity-reps >= 1")
    return a


def _raise_exit(signum: int, _frame: Any) -> None:
    raise SystemExit(128 + signum)


def run(args: argparse.Namespace, nlp: Any = None, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Every part not skipped; the results as a JSON-ready dict."""
    from service.nlp import load_pipeline, model_label

    articles, source = load_articles(args.articles, args.dev)
    nlp = nlp if nlp is not None else load_pipeline(args.model)
    results: dict[str, Any] = {
        "source": source,
        "articles": len(articles),
        "median_words": int(statistics.median(a.words for a in articles)),
        "model": model_label(args.model, nlp),
        "components": None,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "load_before": [round(x, 2) for x in os.getloadavg()]},
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
    }
    nlp(articles[0].text)  # first-call set-up out of the figures
    skip = set(args.skip)
    if "core" not in skip:
        log("measuring bare nlp(), extract(), parse() + extract() ...")
        results["core"] = measure_core(nlp, articles, args.reps)
    if "http" not in skip:
        log("measuring HTTP end to end with gunicorn at 1 and 2 workers ...")
        results["http"] = measure_http(nlp, articles, args.reps, args.rounds, args.concurrency,
                                       args.out.parent, with_memory="memory" not in skip)
    if "components" not in skip:
        log("measuring each pipeline component ...")
        results["components"] = measure_components(nlp, articles, args.reps)
    if "linearity" not in skip:
        log("measuring linearity (~1k and ~100k words) ...")
        paras, paras_source = corpus_paragraphs(args.dev)
        results["linearity"] = measure_linearity(nlp, paras, reps=args.linearity_reps)
        results["linearity"]["source"] = paras_source
    results["machine"]["load_after"] = [round(x, 2) for x in os.getloadavg()]
    results["targets"] = targets_of(results)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _raise_exit)
    try:
        results = run(args, log=lambda m: print(m, file=sys.stderr, flush=True))
    except KeyboardInterrupt:
        print("interrupted; every process this run started has been stopped", file=sys.stderr)
        return 130
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(report(results))
    print(f"\nJSON: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
