"""The command line: the API's answers for files and for archives of articles, without HTTP.

Owns ``python -m service extract FILE...`` (one JSON answer per file, ``id`` the file's name) and
``--jsonl`` (one batch-result line per ``{"id", "text"}`` line, through ``nlp.pipe`` in chunks, each
in its own spaCy memory zone); a bad input gets the API's error in its place; exit status 0, 1 when
some input failed, 2 for usage errors. The README shows the usage, tests/test_cli.py the cases.
It uses the core, the model and the HTTP-free modules the API shares (``inputs``, ``answers``,
``problems``), never the web edge. Not handled: a request deadline (there is none here).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import IO, Any, Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from . import answers, archive
from .config import DEFAULTS, from_environment
from .extract import Extraction, extract, parse, parse_many
from .inputs import decode_utf8, load_article, read_line
from .model import memory_zone
from .nlp import load_pipeline, model_label
from .problems import ApiError, article_failed, invalid_request
from .progress import Bar, add_flags, shown
from .version import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# Lines of a JSONL archive read and parsed together (with the core's parse_many, as the
# batch endpoint does), so memory stays flat on long archives.
CHUNK_LINES = 64


def _dumps(value: Any, indent: int | None = None) -> str:
    # The service's own JSON: compact, ASCII-escaped, keys in the contract's order.
    if indent is None:
        return json.dumps(value, separators=(",", ":"))
    return json.dumps(value, indent=indent)


# --- articles ---------------------------------------------------------------------------------

def _extract(doc: Doc) -> Extraction | ApiError:
    try:
        return extract(doc)
    except Exception:  # one article's failure must not end an archive run
        return article_failed()


# --- files ------------------------------------------------------------------------------------

def _read_file(name: str, stdin: IO[bytes]) -> str:
    if name == "-":
        return decode_utf8(stdin.read(), "standard input")
    try:
        with open(name, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise invalid_request({"file": [f"cannot read {name}: {exc.strerror or 'unknown reason'}"]}) from None
    return decode_utf8(raw, name)


def extract_files(names: Sequence[str], nlp: Language, label: str, max_chars: int,
                  stdin: IO[bytes], stderr: IO[str],
                  max_id_chars: int = DEFAULTS["MAX_ID_CHARS"]) -> tuple[list[dict[str, Any]], int]:
    """The answer (or ``{"id", "error"}``) for each file, and how many failed; each file's
    spaCy work in its own memory zone."""
    documents: list[dict[str, Any]] = []
    failed = 0
    for name in names:
        started = time.perf_counter()
        try:
            article = load_article({"text": _read_file(name, stdin), "id": name}, max_chars, max_id_chars)
            with memory_zone(nlp):
                result = _extract(parse(nlp, article["text"]))
            if isinstance(result, ApiError):
                raise result
        except ApiError as exc:
            failed += 1
            stderr.write(f"{name}: {exc.code}: {exc.message}\n")
            documents.append({"id": name, "error": exc.body(None)})
            continue
        elapsed = round((time.perf_counter() - started) * 1000)
        documents.append(answers.answer(name, answers.quotes_and_speakers(result),
                                        answers.meta(label, __version__, elapsed)))
    return documents, failed


# --- JSON lines -------------------------------------------------------------------------------

def _lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) of each line, a byte order mark at the start dropped."""
    for number, raw in enumerate(stream, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        yield number, raw


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_jsonl(stream: IO[bytes], nlp: Language, max_chars: int, out: IO[str],
                  progress: Bar, stderr: IO[str], source: str,
                  max_id_chars: int = DEFAULTS["MAX_ID_CHARS"]) -> tuple[int, int]:
    """Write one result line per article of ``stream``; (articles, failed). Each chunk's
    spaCy work runs in its own memory zone."""
    articles = failed = done_bytes = 0
    for chunk in _chunks(((n, raw) for n, raw in _lines(stream) if raw.strip()), CHUNK_LINES):
        read = [(number, raw, *read_line(raw, max_chars, max_id_chars)) for number, raw in chunk]
        good = [item for (_, _, _, item) in read if not isinstance(item, ApiError)]
        with memory_zone(nlp):
            docs = iter(parse_many(nlp, [article["text"] for article in good]))
            results = [item if isinstance(item, ApiError) else _extract(next(docs)) for (_, _, _, item) in read]
        for (number, raw, given_id, item), result in zip(read, results):
            done_bytes += len(raw)
            articles += 1
            if isinstance(result, ApiError):
                failed += 1
                progress.clear()
                stderr.write(f"{source}:{number}: {result.code}: {result.message}\n")
                line = {"id": given_id, "line": number, "error": result.body(None)}
            else:
                assert isinstance(item, dict)
                line = answers.batch_result(item["id"], result)
            out.write(_dumps(line) + "\n")
        out.flush()
        progress.update(done_bytes, articles, failed)
    progress.finish(done_bytes, articles, failed)
    return articles, failed


# --- the command ------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m service",
        description="Find who said what in news articles, without running the web service.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    ex = commands.add_parser(
        "extract", help="print the quotes of articles as the API answers them",
        description=("Print the API's JSON answer for each FILE (one document for one file, a JSON "
                     "list for several; '-' reads standard input), or with --jsonl, one result line "
                     "per {\"id\", \"text\"} line. Exit status: 0 ok, 1 some input failed, 2 usage."),
        epilog=("Settings: QUOTES_SPACY_MODEL (the spaCy pipeline), QUOTES_MAX_CHARS (per article), "
                "QUOTES_MAX_ID_CHARS (per id)."))
    ex.set_defaults(command_parser=ex)
    ex.add_argument("files", nargs="*", metavar="FILE", help="article text files (UTF-8); '-' for standard input")
    ex.add_argument("--jsonl", metavar="IN.jsonl",
                    help="read {\"id\", \"text\"} JSON lines ('-' for standard input); write one result line each")
    ex.add_argument("--indent", type=int, metavar="N", help="indent the JSON of FILE answers by N spaces")
    add_flags(ex, "the --jsonl progress bar")
    archive.add_parser(commands)
    return parser


def _size(stream: IO[bytes]) -> int | None:
    try:
        return os.fstat(stream.fileno()).st_size or None
    except (AttributeError, OSError, ValueError):
        return None


def _run(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[str], stderr: IO[str]) -> int:
    parser: argparse.ArgumentParser = args.command_parser
    if args.command == "archive":
        return archive.run(args, stdout, stderr)
    if bool(args.files) == bool(args.jsonl):
        parser.error("give either FILE arguments or --jsonl IN.jsonl")
    if args.jsonl and args.indent is not None:
        parser.error("--indent applies to FILE answers; --jsonl writes one line per article")
    if args.indent is not None and args.indent < 0:
        parser.error("--indent must be 0 or more")

    settings = from_environment()
    name, max_chars = str(settings["SPACY_MODEL"]), int(settings["MAX_CHARS"])
    max_id_chars = int(settings["MAX_ID_CHARS"])
    try:
        nlp = load_pipeline(name)
    except (OSError, ImportError, ValueError) as exc:
        stderr.write(f"python -m service: cannot load the spaCy model {name!r} (QUOTES_SPACY_MODEL): {exc}\n")
        return EXIT_USAGE

    if args.files:
        documents, failed = extract_files(args.files, nlp, model_label(name, nlp), max_chars, stdin, stderr,
                                          max_id_chars)
        document: Any = documents[0] if len(args.files) == 1 else documents
        stdout.write(_dumps(document, args.indent) + "\n")
        stdout.flush()
        return EXIT_FAILED if failed else EXIT_OK

    if args.jsonl == "-":
        source, stream, opened = "<stdin>", stdin, False
    else:
        try:
            source, stream, opened = args.jsonl, open(args.jsonl, "rb"), True
        except OSError as exc:
            stderr.write(f"python -m service: cannot read {args.jsonl}: {exc.strerror}\n")
            return EXIT_FAILED
    try:
        progress = Bar(stderr, _size(stream) if opened else None, shown(args.progress, stderr))
        _, failed = extract_jsonl(stream, nlp, max_chars, stdout, progress, stderr, source, max_id_chars)
    finally:
        if opened:
            stream.close()
    return EXIT_FAILED if failed else EXIT_OK


def main(argv: Sequence[str] | None = None, *, stdin: IO[bytes] | None = None,
         stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Run the command line; the exit status. Streams default to the process's own."""
    stdin = stdin if stdin is not None else sys.stdin.buffer
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        return _run(args, stdin, stdout, stderr)
    except SystemExit as exc:  # argparse: --help (0) and usage errors (2)
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    except KeyboardInterrupt:
        stderr.write("\ninterrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python's exit flush quiet too.
        if stdout is sys.stdout:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
