"""``python -m service archive INPUT OUTPUT``: the driver of an archive run on Ray Data.

It checks the arguments, lists the input, checks OUTPUT's manifest and what is already
written there, starts Ray on this machine (or joins the cluster at ``--address``), streams
the raw rows through a fixed pool of extraction actors, and counts their summary rows into
the progress bar and the closing summary line. Exit status: 0 when every row was extracted,
1 when any row failed (or the job itself did), 2 for a usage error (bad arguments, no input,
a model that does not load, an OUTPUT it must not add to). Ray is imported only here, and only
when the command runs; when the caller has already connected to Ray (the tests, the
benchmark), that connection is used and left open.
"""
from __future__ import annotations

import argparse
import logging
import os
import time
from dataclasses import dataclass
from typing import IO, Any

from ..config import from_environment
from ..nlp import load_pipeline, model_label
from ..progress import Bar, add_flags, shown
from ..version import __version__
from .totals import Totals

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# CPUs each extraction actor asks Ray for: a little under one, so that with as many workers as
# cores the read tasks (READ_CPUS each) still get scheduled and the pool never starves.
ACTOR_CPUS = 0.9
READ_CPUS = 0.1
BATCH_SIZE = 32
FORMATS = ("parquet", "jsonl")


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """The ``archive`` subcommand, added to the command line's subparsers."""
    ar = commands.add_parser(
        "archive", help="extract an archive of articles (JSONL or Parquet) into quotes and articles tables",
        description=("Extract every row of INPUT (a JSONL or Parquet file, a folder or a glob of them, "
                     "local or any filesystem pyarrow opens) on Ray Data, and write two tables, quotes and "
                     "articles, under OUTPUT (see docs/archive.md). Rerunning into the same OUTPUT skips "
                     "the ids already written. Exit status: 0 ok, 1 some row failed, 2 usage."),
        epilog=("Settings: QUOTES_SPACY_MODEL, QUOTES_MAX_CHARS, QUOTES_MAX_ID_CHARS and QUOTES_TIMEOUT_S "
                "(per row) apply as they do to the service."))
    ar.set_defaults(command_parser=ar)
    ar.add_argument("input", metavar="INPUT", help="a JSONL or Parquet file, a folder or a glob of them")
    ar.add_argument("output", metavar="OUTPUT", help="the folder to write the quotes and articles tables to")
    ar.add_argument("--workers", type=int, metavar="N",
                    help="extraction actors, each with the model loaded (default: the CPUs Ray has)")
    ar.add_argument("--address", metavar="ADDR", help="a Ray cluster's address (default: start Ray here)")
    ar.add_argument("--format", choices=FORMATS, default="parquet", help="output format")
    ar.add_argument("--id-field", default="id", metavar="NAME", help="the input field holding the article id")
    ar.add_argument("--text-field", default="text", metavar="NAME", help="the input field holding the text")
    ar.add_argument("--keep-fields", default="", metavar="A,B,...",
                    help="input fields carried into both tables (as strings), e.g. date,url")
    ar.add_argument("--batch-size", type=int, default=BATCH_SIZE, metavar="N",
                    help=f"rows per batch and per shard (default {BATCH_SIZE})")
    ar.add_argument("--force", action="store_true",
                    help="add to an OUTPUT written by another model or service version")
    add_flags(ar, "the progress bar")
    return ar


@dataclass
class Outcome:
    """What a run did: its totals and how long Ray took to start (0 when it was already up)."""
    totals: Totals
    ray_start_s: float
    status: int


def _usage(stderr: IO[str], message: str) -> int:
    stderr.write(f"python -m service archive: {message}\n")
    return EXIT_USAGE


def run(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """Run the command; the exit status."""
    try:
        import pyarrow  # noqa: F401
        import ray  # noqa: F401
    except ImportError as exc:
        return _usage(stderr, f"needs the archive requirements ({exc.name} is missing): "
                              "make archive-install")
    return execute(args, stderr).status


def execute(args: argparse.Namespace, stderr: IO[str]) -> Outcome:
    """Run the command; its outcome (what the benchmark reads)."""
    from . import resume, shards, tables
    from .rows import list_inputs
    from .worker import Settings

    totals = Totals()
    keep = tuple(k.strip() for k in args.keep_fields.split(",") if k.strip())
    clash = sorted(set(keep) & tables.RESERVED | set(keep) & {args.id_field, args.text_field})
    if clash:
        return Outcome(totals, 0.0, _usage(stderr, f"--keep-fields names a column the tables already have: "
                                                   f"{', '.join(clash)}"))
    if len(set(keep)) != len(keep):
        return Outcome(totals, 0.0, _usage(stderr, "--keep-fields names a field twice"))
    if args.workers is not None and args.workers < 1:
        return Outcome(totals, 0.0, _usage(stderr, "--workers must be 1 or more"))
    if args.batch_size < 1:
        return Outcome(totals, 0.0, _usage(stderr, "--batch-size must be 1 or more"))
    try:
        config = from_environment()
        files = list_inputs(args.input)
    except ValueError as exc:
        return Outcome(totals, 0.0, _usage(stderr, str(exc)))
    name = str(config["SPACY_MODEL"])
    try:
        label = model_label(name, load_pipeline(name))
    except (OSError, ImportError, ValueError) as exc:
        return Outcome(totals, 0.0, _usage(stderr, f"cannot load the spaCy model {name!r} "
                                                   f"(QUOTES_SPACY_MODEL): {exc}"))

    fs, root = shards.output_fs(args.output)
    wanted = {"model": label, "version": __version__, "format": args.format, "id_field": args.id_field,
              "text_field": args.text_field, "keep_fields": list(keep)}
    try:
        shards.prepare(fs, root)
        resume.check_manifest(fs, root, wanted, args.force)
    except resume.Refused as exc:
        return Outcome(totals, 0.0, _usage(stderr, f"{args.output}: {exc}"))
    except OSError as exc:
        return Outcome(totals, 0.0, _usage(stderr, f"cannot write {args.output}: {exc}"))
    resume.clean(fs, root)
    already = resume.written(fs, root, args.format)

    settings = Settings(model=name, output=args.output if "://" in args.output else root, format=args.format,
                        id_field=args.id_field, text_field=args.text_field, keep=keep,
                        max_chars=int(config["MAX_CHARS"]), max_id_chars=int(config["MAX_ID_CHARS"]),
                        timeout_s=float(config["TIMEOUT_S"]), several_files=len(files) > 1)
    import ray

    started = time.perf_counter()
    owned = not ray.is_initialized()
    if owned:
        options: dict[str, Any] = dict(include_dashboard=False, log_to_driver=False,
                                       logging_level=logging.ERROR, configure_logging=False)
        if args.address:
            ray.init(address=args.address, **options)
        else:
            ray.init(num_cpus=max(os.cpu_count() or 1, args.workers or 1), **options)
    ray_start_s = time.perf_counter() - started
    try:
        totals = _stream(args, files, settings, dict(already), stderr, totals)
    except Exception as exc:  # the job itself failed (a lost cluster, a bug): say so, exit 1
        stderr.write(f"python -m service archive: the job stopped: {type(exc).__name__}: {exc}\n")
        stderr.write(totals.summary() + "\n")
        return Outcome(totals, ray_start_s, EXIT_FAILED)
    finally:
        if owned:
            ray.shutdown()
    stderr.write(totals.summary() + "\n")
    return Outcome(totals, ray_start_s, EXIT_FAILED if totals.failed else EXIT_OK)


def _stream(args: argparse.Namespace, files: list[Any], settings: Any, already: dict[str, int],
            stderr: IO[str], totals: Totals) -> Totals:
    import ray
    from ray.data import ActorPoolStrategy, DataContext

    from . import resume
    from .rows import datasource
    from .worker import Extractor

    context = DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    context.enable_auto_log_stats = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)

    workers = args.workers or max(int(ray.cluster_resources().get("CPU", 1)), 1)
    claims = ray.remote(num_cpus=0)(resume.IdClaims).remote(already)
    columns = [settings.id_field, settings.text_field, *settings.keep]
    dataset = ray.data.read_datasource(datasource(files, columns), num_cpus=READ_CPUS).map_batches(
        Extractor, fn_constructor_kwargs={"settings": settings, "claims": claims},
        compute=ActorPoolStrategy(size=workers), num_cpus=ACTOR_CPUS,
        batch_size=args.batch_size, batch_format="pyarrow")

    bar = Bar(stderr, sum(f.size for f in files), shown(args.progress, stderr))
    totals.started = time.time()
    for batch in dataset.iter_batches(batch_size=None, batch_format="pyarrow"):
        for row in totals.add(batch.to_pylist()):
            bar.clear()
            stderr.write(f"{row['source']}:{row['line']}: {row['id']}: {row['error_code']}: "
                         f"{row['error_message']}\n")
        bar.update(totals.weight, totals.articles, totals.failed)
    totals.ended = time.time()
    bar.finish(totals.weight, totals.articles, totals.failed)
    return totals
