"""The ``argmap`` command line: a thin layer over the core, heavy imports deferred.

Exit status: 0 when everything was processed, 1 when a file (or other input)
failed, 2 for usage errors. Problems go to stderr as ``argmap: error: FILE: problem``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from argmap import __version__

if TYPE_CHECKING:
    from argmap.models import Document, Speaker

PROG = "argmap"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # e.g. `argmap extract ... | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every argmap command."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Map a policy debate from the news: who said what, attributed to resolved speakers.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    extract = commands.add_parser(
        "extract",
        help="find quotes and reported speech in articles and attribute them to speakers",
        description="Find quotes and reported speech in .txt, .md and .html files and folders.",
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    extract.add_argument("--format", choices=("jsonl", "json", "table"), default="jsonl", help="output format (default: jsonl)")
    extract.add_argument("--aliases", metavar="FILE", help="alias table that overrides automatic speaker matching")
    extract.set_defaults(run=_run_extract)

    evaluate = commands.add_parser(
        "eval",
        help="score argmap against gold annotations",
        description="Score argmap against gold annotations.",
    )
    targets = evaluate.add_subparsers(title="what to evaluate", metavar="TARGET", required=True)
    extraction = targets.add_parser(
        "extraction",
        help="precision, recall and attribution of the extractor against gold statements",
        description="Score the extractor against gold statements (JSONL or a PolNeAR brat folder).",
    )
    extraction.add_argument("gold", metavar="GOLD", help="gold statements: a .jsonl file or a brat standoff folder")
    extraction.add_argument("paths", nargs="+", metavar="PATH", help="the articles the gold statements refer to")
    extraction.add_argument("--format", choices=("table", "json"), default="table", help="report format (default: table)")
    extraction.add_argument("--quoted-only", action="store_true", help="score only gold statements that contain quotation marks")
    extraction.set_defaults(run=_run_eval_extraction)
    return parser


def error(message: str) -> None:
    """Print one ``argmap: error: ...`` line to stderr."""
    print(f"{PROG}: error: {message}", file=sys.stderr, flush=True)


def _run_extract(args: argparse.Namespace) -> int:
    from argmap import output
    from argmap.pipeline import extract_corpus
    from argmap.speakers import SpeakerRegistry

    if args.aliases:
        try:
            registry = SpeakerRegistry.from_alias_file(args.aliases)
        except (OSError, ValueError) as problem:
            error(_describe(problem, args.aliases))
            return 1
    else:
        registry = SpeakerRegistry()
    failures: list[str] = []
    speakers: dict[str, Speaker] = {}
    results = extract_corpus(_documents(args.paths, failures), registry, speakers, lazy=args.format == "jsonl")
    if args.format == "jsonl":
        output.write_jsonl(results, sys.stdout)
    elif args.format == "json":
        output.write_json(results, sys.stdout, speakers)
    else:
        output.write_table(results, sys.stdout)
    return 1 if failures else 0


def _run_eval_extraction(args: argparse.Namespace) -> int:
    from argmap.evaluation import evaluate_extraction, format_report
    from argmap.reading import ReadError

    try:
        report = evaluate_extraction(args.gold, args.paths, quoted_only=args.quoted_only)
    except ReadError as problem:
        error(str(problem))
        return 1
    except (OSError, ValueError) as problem:
        error(_describe(problem, args.gold))
        return 1
    sys.stdout.write(format_report(report, args.format))
    for problem in report.errors:
        error(problem)
    if not report.documents:
        error(f"{args.gold}: no document among {' '.join(map(str, args.paths))} is named in the gold")
        return 1
    return 1 if report.errors else 0


def _describe(problem: OSError | ValueError, path: str) -> str:
    """``FILE: problem`` for an exception raised while reading ``path``.

    A message that already names a file (``path``, or ``path:LINE``) is kept as it is.
    """
    from argmap.reading import ReadError

    if isinstance(problem, OSError):
        return str(ReadError.from_os_error(path, problem))
    message = str(problem)
    return message if message.startswith(f"{path}:") else f"{path}: {message}"


def _documents(paths: Iterable[str], failures: list[str]) -> Iterator[Document]:
    """The readable documents under ``paths``; each failure is reported and recorded."""
    from argmap.reading import ReadError, load_documents

    for item in load_documents(paths):
        if isinstance(item, ReadError):
            error(str(item))
            failures.append(item.path)
        else:
            yield item
