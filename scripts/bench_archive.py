"""`make bench-archive`: archives on Ray Data, 1 and 2 workers, beside a bare ``nlp.pipe``, in one sitting.

    python -m scripts.bench_archive [--eval-dir DIR] [--files dev.jsonl,...] [--articles N] [--out PATH]

Takes the texts of ../shared/eval's dev, bbc_dev and polnear_train (the first N in that order,
default 300, ids made unique as ``file:line``), writes them as one JSONL file, then:

1. ``bare``: ``nlp.pipe`` over the same texts in 1 process, then in 2 processes at once (each on
   every other text, started together): the machine's own ceiling for two parsers, with no Ray;
2. starts one local Ray (its start reported apart) and runs ``python -m service archive`` on it
   with 1 and then 2 workers; each rate counts from the first batch done (so Ray's scheduling
   and the workers' model loading, reported apart, are not in it);
3. scaling efficiency (the 2-worker rate over twice the 1-worker rate, and likewise for the bare
   processes), with where the time went over each measured window: each worker's busy share,
   its CPU seconds per wall second inside its calls (below 1: it was kept off the CPU) and its
   CPU ms per article (higher with 2: each article cost more CPU); the CPU the driver, the
   raylet, the GCS and Ray's other processes used meanwhile (from /proc, sampled through the
   run); each worker's peak USS.

Linux only (/proc). It prints the tables and writes the figures as JSON (default
bench-results/bench_archive.json).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from scripts import EVAL_DIR, ROOT
from scripts.bench import machine_busy_seconds
from scripts.server import children_of, cpu_seconds
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


# --- the machine's own ceiling: bare nlp.pipe in 1 and 2 processes ---------------------------

def _bare_process(model: str, texts: list[str], ready: Any, out: Any) -> None:
    nlp = load_pipeline(model)
    list(nlp.pipe(texts[:8]))  # warm
    ready.wait()
    started, cpu = time.time(), time.process_time()
    for _ in nlp.pipe(texts):
        pass
    out.put({"articles": len(texts), "started": started, "ended": time.time(),
             "cpu_s": time.process_time() - cpu})


def bare_pipe(articles: list[dict[str, str]], processes: int) -> dict[str, Any]:
    """``nlp.pipe`` in ``processes`` fresh processes at once, each on every ``processes``-th text,
    started together once each has loaded and warmed the model. The rate is all articles over
    the span from the first start to the last end."""
    model = str(from_environment()["SPACY_MODEL"])
    context = multiprocessing.get_context("spawn")
    ready, out = context.Barrier(processes), context.Queue()
    texts = [a["text"] for a in articles]
    children = [context.Process(target=_bare_process, args=(model, texts[k::processes], ready, out))
                for k in range(processes)]
    with Sampler() as sampler:
        for child in children:
            child.start()
        done = [out.get(timeout=1800) for _ in children]
        for child in children:
            child.join()
    start, end = min(d["started"] for d in done), max(d["ended"] for d in done)
    return {
        "processes": processes, "rate": round(sum(d["articles"] for d in done) / (end - start), 3),
        "cpu_per_wall": [round(d["cpu_s"] / (d["ended"] - d["started"]), 3) for d in done],
        "cpu_ms_per_article": [round(d["cpu_s"] * 1000 / d["articles"], 1) for d in done],
        "machine": sampler.window(start, end, [])["machine"],
        "outside": sampler.window(start, end, [])["outside"],
    }


# --- where the CPU went while the archive ran -------------------------------------------------

def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        found.append(todo.pop())
        todo.extend(children_of(found[-1]))
    return found


def _comm(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/comm") as handle:
            return handle.read().strip()
    except OSError:
        return ""


class Sampler:
    """CPU seconds so far of this process and every process below it (a local Ray's GCS, raylet,
    agents and workers all are), and of the whole machine, every ``every`` seconds, so that a
    window known only afterwards (first to last batch done) can be cut from the samples."""

    def __init__(self, every: float = 0.25) -> None:
        self.every = every
        self.samples: list[tuple[float, dict[int, tuple[str, float]], float]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        procs = {pid: (_comm(pid), cpu_seconds([pid])) for pid in _tree(os.getpid())}
        self.samples.append((time.time(), procs, machine_busy_seconds()))

    def _run(self) -> None:
        while not self.stop.is_set():
            self._sample()
            self.stop.wait(self.every)

    def __enter__(self) -> "Sampler":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop.set()
        self.thread.join()

    def window(self, start: float, end: float, actors: list[int]) -> dict[str, Any]:
        """CPU seconds per wall second between the last sample at or before ``start`` and the first
        at or after ``end``, by role: each actor, the driver (this process: Ray Data's streaming
        executor, the totals, this sampler), the raylet, the GCS, Ray's other processes (read tasks,
        idle workers, agents), and the machine as a whole (all cores, everything on it)."""
        first = max([k for k, s in enumerate(self.samples) if s[0] <= start] or [0])
        last = min([k for k, s in enumerate(self.samples) if s[0] >= end] or [len(self.samples) - 1])
        (t0, p0, m0), (t1, _, m1) = self.samples[first], self.samples[last]
        wall = t1 - t0
        p1: dict[int, tuple[str, float]] = {}
        for _, procs, _ in self.samples[first:last + 1]:
            p1.update(procs)  # a process's last sample, also of one that ended inside the window
        used: dict[int, float] = {pid: cpu - p0.get(pid, ("", 0.0))[1] for pid, (_, cpu) in p1.items()}
        roles = {"driver": [os.getpid()], "raylet": [], "gcs": []}
        for pid, (comm, _) in p1.items():
            if comm == "raylet":
                roles["raylet"].append(pid)
            elif comm == "gcs_server":
                roles["gcs"].append(pid)
        named = set(actors) | {pid for pids in roles.values() for pid in pids}
        out: dict[str, Any] = {"sampled_s": round(wall, 2),
                               "actors": [round(used.get(pid, 0.0) / wall, 3) for pid in actors]}
        out.update({role: round(sum(used.get(pid, 0.0) for pid in pids) / wall, 3) for role, pids in roles.items()})
        out["other_ray"] = round(sum(cpu for pid, cpu in used.items() if pid not in named) / wall, 3)
        out["machine"] = round((m1 - m0) / wall, 3)
        # the machine is shared: what processes outside this run took meanwhile
        out["outside"] = round(max(m1 - m0 - sum(used.values()), 0.0) / wall, 3)
        return out


# --- the archive on Ray -----------------------------------------------------------------------

def run_archive(source: Path, out: Path, workers: int) -> dict[str, Any]:
    args = build_parser().parse_args(["archive", str(source), str(out), "--workers", str(workers),
                                      "--no-progress"])
    started = time.time()
    with Sampler() as sampler:
        outcome: Outcome = execute(args, sys.stderr)
    totals = outcome.totals
    assert outcome.status == 0 and totals.first_done and totals.last_done
    window = totals.last_done - totals.first_done
    actors = list(totals.workers)
    figures = totals.workers.values()
    return {
        "workers": workers, "articles": totals.articles, "quotes": totals.quotes,
        "wall_s": round(totals.last_done - started, 2),
        "to_first_batch_s": round(totals.first_done - started, 2),
        "model_load_s": [round(w["load_s"], 2) for w in figures],
        "rate": round(totals.steady_rate() or 0.0, 3),
        "window_s": round(window, 2),
        "articles_per_worker": [int(w["articles"]) for w in figures],
        "busy_share": [round(min(w["busy_s"] / window, 1.0), 3) for w in figures],
        "cpu_per_busy": [round(w["cpu_s"] / w["busy_s"], 3) for w in figures],
        "cpu_ms_per_article": [round(w["cpu_s"] * 1000 / w["articles"], 1) for w in figures],
        "peak_uss_mib": [round(w["uss_bytes"] / 2**20) for w in figures],
        "cpu_per_wall": sampler.window(totals.first_done, totals.last_done, actors),
    }


def _per_article(run: dict[str, Any]) -> float:
    """CPU ms per article over all of a run's workers."""
    return sum(c * n for c, n in zip(run["cpu_ms_per_article"], run["articles_per_worker"])) / run["articles"]


def _list(values: list[Any]) -> str:
    return ", ".join(map(str, values))


def report(result: dict[str, Any]) -> None:
    bare1, bare2 = result["bare"]
    print(f"Ray start: {result['ray_start_s']:.1f} s; {result['cores']} cores")
    print()
    print("| run | articles/s | CPU s / wall s (each) | CPU ms / article (each) | machine busy | outside this run |")
    print("| --- | --- | --- | --- | --- | --- |")
    for b in result["bare"]:
        print(f"| bare nlp.pipe, {b['processes']} process{'es' if b['processes'] > 1 else ''} | {b['rate']:.2f} | "
              f"{_list(b['cpu_per_wall'])} | {_list(b['cpu_ms_per_article'])} | {b['machine']:.2f} | "
              f"{b['outside']:.2f} |")
    for r in result["runs"]:
        c = r["cpu_per_wall"]
        print(f"| archive, {r['workers']} worker{'s' if r['workers'] > 1 else ''} (from first batch) | "
              f"{r['rate']:.2f} | {_list(c['actors'])} | {_list(r['cpu_ms_per_article'])} | {c['machine']:.2f} | "
              f"{c['outside']:.2f} |")
    print()
    print("| workers | to first batch s | model load s | busy share | CPU / wall in calls | peak USS MiB |")
    print("| --- | --- | --- | --- | --- | --- |")
    for r in result["runs"]:
        print(f"| {r['workers']} | {r['to_first_batch_s']:.1f} | {_list(r['model_load_s'])} | "
              f"{_list(r['busy_share'])} | {_list(r['cpu_per_busy'])} | {_list(r['peak_uss_mib'])} |")
    print()
    print(f"CPU seconds per wall second over the measured window (of {result['cores']} cores):")
    print("| workers | actors (each) | driver | raylet | GCS | other Ray | outside this run | whole machine |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in result["runs"]:
        c = r["cpu_per_wall"]
        print(f"| {r['workers']} | {_list(c['actors'])} | {c['driver']:.2f} | {c['raylet']:.2f} | {c['gcs']:.2f} | "
              f"{c['other_ray']:.2f} | {c['outside']:.2f} | {c['machine']:.2f} |")
    print()
    print(f"scaling efficiency, archive (2-worker rate / 2 x 1-worker rate): {result['scaling_efficiency']:.2f}")
    print(f"scaling efficiency, bare nlp.pipe (2 processes / 2 x 1 process): {result['bare_scaling_efficiency']:.2f}")
    print(f"archive efficiency against the machine's own (archive / bare): "
          f"{result['scaling_efficiency'] / result['bare_scaling_efficiency']:.2f}")
    print(f"1-worker rate / bare nlp.pipe in 1 process: {result['one_worker_vs_bare']:.2f}")
    c = result["runs"][1]["cpu_per_wall"]
    print(f"CPU ms per article, 2 workers / 1 worker: {result['cpu_per_article_2_vs_1']:.2f} "
          f"(1.0: no article cost more CPU; a lower rate is CPU the workers did not get)")
    print(f"over the 2-worker window: workers {sum(c['actors']):.2f} cores, driver and Ray's own processes "
          f"{c['driver'] + c['raylet'] + c['gcs'] + c['other_ray']:.2f}, outside this run {c['outside']:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--files", default=FILES)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "bench_archive.json")
    args = parser.parse_args(argv)
    articles = texts(args.eval_dir, args.files.split(","), args.articles)
    print(f"{len(articles)} articles from {args.files} ({sum(len(a['text']) for a in articles)} chars)")

    bare = [bare_pipe(articles, n) for n in (1, 2)]
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
    result = {"articles": len(articles), "cores": os.cpu_count(), "bare": bare,
              "ray_start_s": round(ray_start, 2), "runs": runs,
              "scaling_efficiency": round(two["rate"] / (2 * one["rate"]), 3),
              "bare_scaling_efficiency": round(bare[1]["rate"] / (2 * bare[0]["rate"]), 3),
              "one_worker_vs_bare": round(one["rate"] / bare[0]["rate"], 3),
              "cpu_per_article_2_vs_1": round(_per_article(two) / _per_article(one), 3)}
    report(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
