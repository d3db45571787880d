"""``argmap export``, ``import`` and ``schema``: the map in and out of the workspace."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from argmap.cli import error, plural
from argmap.cli.workspace import (
    add_metadata_filters,
    add_workspace_option,
    metadata_filter,
    run_in_workspace,
)


def register(
    commands: argparse._SubParsersAction, eval_targets: argparse._SubParsersAction
) -> None:
    """Add ``export``, ``import`` and ``schema``."""
    from argmap.export import FORMATS

    export = commands.add_parser(
        "export",
        help="write the whole map as JSON, AIF, Argdown, CSV, DOT or HTML",
        description="Write the map (to FILE atomically: a temporary file, then renamed; else to "
        "stdout). With --outlet, --author, --since or --until, only the statements of the "
        "documents they keep (the JSON export: those documents with what hangs on them, every "
        "claim, no edit log).",
    )
    export.add_argument(
        "--format", "-f", choices=FORMATS, default="json", help="output format (default: json)"
    )
    export.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    add_metadata_filters(export)
    add_workspace_option(export)
    export.set_defaults(run=run_in_workspace(_export))

    load = commands.add_parser(
        "import",
        help="load a JSON map export into an empty workspace",
        description="Load FILE.json (from `argmap export --format json`) into an empty workspace, "
        "all or nothing.",
    )
    load.add_argument("file", metavar="FILE.json")
    add_workspace_option(load)
    load.set_defaults(run=run_in_workspace(_import))

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of `argmap export --format json`"
    )
    schema.set_defaults(run=_schema)


def _export(workspace, args) -> int:
    from argmap.export import writer
    from argmap.io.atomic import write_atomic
    from argmap.store import StatementFilter

    write = writer(args.format)
    fields = metadata_filter(workspace, args)
    filter = StatementFilter(**fields) if fields else None
    if args.output and args.output != "-":
        refusal = _refusal(args.output, workspace.path)
        if refusal:
            error(f"{args.output}: {refusal}")
            return 1
        try:
            write_atomic(args.output, lambda stream: write(workspace, stream, filter))
        except OSError as problem:
            error(f"{args.output}: cannot write: {problem.strerror or problem}")
            return 1
        print(f"wrote {args.output} ({args.format})", file=sys.stderr)
    else:
        write(workspace, sys.stdout, filter)
    return 0


SQLITE_HEADER = b"SQLite format 3\x00"


def _refusal(output: str, workspace_path: Path | str) -> str | None:
    """Why an export must not be written to ``output``, or None.

    Never onto the workspace, its journal files (``-wal``, ``-shm``, ``-journal``), or any
    other SQLite database: an export replaces the file it is written to. (A workspace on a
    database server has no file here.)
    """
    target = Path(output).resolve()
    workspace = Path(workspace_path).resolve() if isinstance(workspace_path, Path) else None
    companions = (
        {Path(f"{workspace}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")}
        if workspace
        else set()
    )
    if workspace and (target in companions or any(_same_file(target, path) for path in companions)):
        which = f"{workspace.name}{target.name[len(workspace.name) :]}"
        return f"refusing to overwrite the workspace ({which}); choose another file"
    try:
        with open(target, "rb") as existing:
            header = existing.read(len(SQLITE_HEADER))
    except OSError:
        return None
    if header == SQLITE_HEADER:
        return "refusing to overwrite an SQLite database; choose another file"
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _import(workspace, args) -> int:
    from argmap.export.mapjson import import_map

    export = import_map(workspace, args.file)
    print(
        f"imported {plural(len(export.documents), 'document')}, "
        f"{plural(len(export.statements), 'statement')}, "
        f"{plural(len(export.annotations), 'annotation')}, "
        f"{plural(len(export.claims), 'claim')}, {plural(len(export.relations), 'relation')}"
    )
    return 0


def _schema(args) -> int:
    from argmap.export.mapjson import export_schema

    json.dump(export_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0
