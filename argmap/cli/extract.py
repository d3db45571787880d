"""``argmap extract``, ``argmap eval extraction`` and ``argmap eval speakers``: statements out of
articles, and their speakers, scored."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from argmap.cli import (
    add_source_options,
    describe,
    documents,
    error,
    freeze_at_exit,
    metadata_table,
    plural,
)

if TYPE_CHECKING:
    from pathlib import Path

    from argmap.models import Speaker


def register(
    commands: argparse._SubParsersAction, eval_targets: argparse._SubParsersAction
) -> None:
    """Add ``extract``, ``eval extraction`` and ``eval speakers`` to the parser."""
    extract = commands.add_parser(
        "extract",
        help="find quotes and reported speech in articles and attribute them to speakers",
        description="Find quotes and reported speech in .txt, .md and .html files and folders, "
        "and in corpus files of one article a row. Each statement's record carries its "
        "document's metadata (title, outlet, authors, published, url, language) when known.",
    )
    extract.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files or folders, or corpus files (.jsonl, .csv, .tsv, .parquet: one "
        "article a row)",
    )
    add_source_options(extract)
    extract.add_argument(
        "--format",
        choices=("jsonl", "json", "table", "parquet"),
        default=None,
        help="output format (default: jsonl; with --output, parquet; --output takes parquet "
        "or jsonl)",
    )
    extract.add_argument(
        "--aliases", metavar="FILE", help="alias table that overrides automatic speaker matching"
    )
    extract.add_argument(
        "--codebook",
        metavar="FILE",
        help="stance codebook (TOML): adds stance, stance_score and stance_reason to each "
        "statement (with --output, also the suggestion argmap add --statements stores)",
    )
    cluster = extract.add_argument_group(
        "many processes or machines (Dask: pip install 'argmap[cluster]')",
        "With --output, the results go to a folder of partitioned files (statements, documents, "
        "speakers), the same as one process gives; --workers or --scheduler spread the work.",
    )
    cluster.add_argument(
        "--output",
        "-o",
        metavar="DIR",
        help="write the results to the folder DIR (Parquet or JSON Lines parts) rather than to "
        "standard output",
    )
    cluster.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="run on a local Dask cluster of N worker processes (needs --output)",
    )
    cluster.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786; needs "
        "--output, on storage every worker shares)",
    )
    cluster.add_argument(
        "--partition-mb",
        type=float,
        default=4.0,
        metavar="MB",
        help="text per task, in MB (default 4)",
    )
    extract.set_defaults(run=_run_extract)

    extraction = eval_targets.add_parser(
        "extraction",
        help="precision, recall and attribution of the extractor against gold statements",
        description="Score the extractor against gold statements (JSONL or a PolNeAR brat folder).",
    )
    extraction.add_argument(
        "gold", metavar="GOLD", help="gold statements: a .jsonl file or a brat standoff folder"
    )
    extraction.add_argument(
        "paths", nargs="+", metavar="PATH", help="the articles the gold statements refer to"
    )
    extraction.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="report format (default: table)",
    )
    extraction.add_argument(
        "--quoted-only",
        action="store_true",
        help="score only gold statements that contain quotation marks",
    )
    extraction.set_defaults(run=_run_eval_extraction)

    speakers = eval_targets.add_parser(
        "speakers",
        help="B-cubed precision and recall of the speaker list against speaker gold, with "
        "fragments, split and merged people and pronoun errors",
        description="Score the speakers the statements are attributed to against speaker gold "
        "(JSONL: one annotated source span a line, with its entity).",
    )
    speakers.add_argument("gold", metavar="GOLD", help="speaker gold: a .jsonl file")
    speakers.add_argument(
        "paths", nargs="+", metavar="PATH", help="the articles the gold refers to"
    )
    speakers.add_argument("--aliases", metavar="FILE", help="alias table to resolve speakers with")
    speakers.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="report format (default: table)",
    )
    speakers.add_argument(
        "--limit",
        type=int,
        default=15,
        metavar="N",
        help="worst cases listed per section in the table (default: 15)",
    )
    speakers.set_defaults(run=_run_eval_speakers)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number")
    return value


def _run_extract(args: argparse.Namespace) -> int:
    if args.output or args.workers or args.scheduler:
        return _run_extract_to_folder(args)
    if args.format == "parquet":
        error("--format parquet writes a folder: give it with --output DIR")
        return 2
    args.format = args.format or "jsonl"
    from argmap.extraction.corpus import extract_corpus, extract_corpus_fields
    from argmap.io import writers as output
    from argmap.speakers.registry import SpeakerRegistry

    registry = SpeakerRegistry.from_alias_file(args.aliases) if args.aliases else SpeakerRegistry()
    codebook = None
    if args.codebook:
        from argmap.codebook import load_codebook

        codebook = load_codebook(args.codebook)
    failures: list[str] = []
    speakers: dict[str, Speaker] = {}
    table = metadata_table(args, args.paths)
    found = documents(args.paths, failures, metadata=table, columns=args.columns)
    with _collecting_less():  # all is loaded: what comes next is mostly short-lived
        if args.format == "jsonl" and codebook is None:
            # written as found, with no model built for each statement
            output.write_jsonl_fields(extract_corpus_fields(found, registry), sys.stdout)
            return 1 if failures else 0
        results = extract_corpus(found, registry, speakers, lazy=args.format == "jsonl")
        extra = None
        if codebook is not None:
            from argmap.stance.annotate import with_stances

            results, extra = with_stances(results, codebook)
        if args.format == "jsonl":
            output.write_jsonl(results, sys.stdout, extra)
        elif args.format == "json":
            output.write_json(results, sys.stdout, speakers, extra)
        else:
            output.write_table(results, sys.stdout, extra)
    return 1 if failures else 0


@contextmanager
def _collecting_less() -> Iterator[None]:
    """Less garbage collection in ``argmap extract``, with the same results (PolNeAR train:
    about 0.1 s of CPU less, 3%).

    While it runs, what is loaded by then (modules, word lists, patterns) is never garbage and
    is not scanned again (``gc.freeze``), and the young generation is collected every 20,000
    new objects rather than 700: the extractor's many short-lived tuples and lists hold no
    cycles, so memory stays the same, and the collector's time goes from about 0.055 to 0.02 s
    (185 collections to 20). At exit, everything is frozen before the interpreter's last
    collections, which would otherwise walk every cached parse and speaker again on the way
    out (0.08 s). Undone when the extraction ends, for a caller that goes on (the tests)."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(20_000, 10, 10)
    freeze_at_exit()  # once, however many extractions a process runs
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _run_extract_to_folder(args: argparse.Namespace) -> int:
    from argmap.cli import report_metadata, warning

    if not args.output:
        error("--workers and --scheduler write a folder of results: give it with --output DIR")
        return 2
    if args.workers and args.scheduler:
        error("--workers starts a cluster, --scheduler joins one: give one of them")
        return 2
    fmt = args.format or "parquet"
    if fmt not in ("parquet", "jsonl"):
        error(f"--output writes parquet or jsonl, not {fmt}")
        return 2

    from argmap.cluster import DaskExecutor, InProcess, connect, extract_to_folder
    from argmap.speakers.aliases import AliasTable

    aliases = AliasTable.load(args.aliases) if args.aliases else None
    codebook = None
    if args.codebook:
        from argmap.codebook import load_codebook

        codebook = load_codebook(args.codebook)
    table = metadata_table(args, args.paths)
    client = None
    executor: DaskExecutor | InProcess = InProcess()
    if args.workers or args.scheduler:
        client = connect(args.workers, args.scheduler)
        executor = DaskExecutor(client)
    skipped: list[Path] = []
    try:
        report = extract_to_folder(
            args.paths,
            args.output,
            executor,
            fmt=fmt,
            aliases=aliases,
            metadata=table,
            columns=args.columns,
            codebook=codebook,
            partition_bytes=max(1, int(args.partition_mb * (1 << 20))),
            skipped=skipped,
        )
    finally:
        if client is not None:
            cluster = client.cluster
            client.close()
            if cluster is not None and args.workers:
                cluster.close()
    from argmap.store.ingest import write_folder_restatements

    restatements = write_folder_restatements(args.output)
    for note in report.warnings:
        warning(note)
    for problem in report.failures:
        error(problem)
    if skipped:
        warning(f"skipped {plural(len(skipped), 'file')} argmap does not read: {skipped[0]} ...")
    if table is not None:
        table.used = report.metadata_used
        report_metadata(table, report.documents)
    print(
        f"{plural(report.documents, 'document')}, {plural(report.statements, 'statement')}, "
        f"{plural(report.speakers, 'speaker')} in {plural(report.partitions, 'partition')} "
        f"({plural(executor.workers, 'worker')}); speakers resolved in "
        f"{plural(report.blocks, 'block')}, the largest {report.largest_block} of "
        f"{plural(report.mentions, 'mention')}; "
        + (
            "restatements left for argmap add --statements to match"
            if restatements is None
            else f"{plural(restatements, 'restatement')} found"
        )
        + f": {args.output}",
        file=sys.stderr,
    )
    return 1 if report.failures else 0


def _run_eval_speakers(args: argparse.Namespace) -> int:
    from argmap.evaluation.speakers import evaluate_speakers, format_speaker_report

    try:
        report = evaluate_speakers(args.gold, args.paths, aliases=args.aliases)
    except (OSError, ValueError) as problem:  # a gold file's own problems name it already
        error(describe(problem, args.gold))
        return 1
    sys.stdout.write(format_speaker_report(report, args.format, limit=args.limit))
    if not report.documents:
        error(
            f"{args.gold}: no document among {' '.join(map(str, args.paths))} is named in the gold"
        )
        return 1
    return 1 if report.errors else 0


def _run_eval_extraction(args: argparse.Namespace) -> int:
    from argmap.evaluation.extraction import evaluate_extraction, format_report

    try:
        report = evaluate_extraction(args.gold, args.paths, quoted_only=args.quoted_only)
    except (OSError, ValueError) as problem:  # a gold file's own problems name it already
        error(describe(problem, args.gold))
        return 1
    sys.stdout.write(format_report(report, args.format))
    for problem in report.errors:
        error(problem)
    if not report.documents:
        error(
            f"{args.gold}: no document among {' '.join(map(str, args.paths))} is named in the gold"
        )
        return 1
    return 1 if report.errors else 0
