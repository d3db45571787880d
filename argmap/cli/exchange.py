"""``argmap export``, ``argmap import`` and ``argmap schema``: the map in and out of the workspace."""

from __future__ import annotations

import argparse
import json
import sys

from argmap.cli import error
from argmap.cli.workspace import add_workspace_option, run_in_workspace


def register(commands: argparse._SubParsersAction, eval_targets: argparse._SubParsersAction) -> None:
    """Add ``export``, ``import`` and ``schema``."""
    from argmap.export import FORMATS

    export = commands.add_parser(
        "export", help="write the whole map as JSON, AIF, Argdown, CSV or DOT",
        description="Write the map (to FILE atomically: a temporary file, then renamed; else to stdout).",
    )
    export.add_argument("--format", "-f", choices=FORMATS, default="json", help="output format (default: json)")
    export.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    add_workspace_option(export)
    export.set_defaults(run=run_in_workspace(_export))

    load = commands.add_parser(
        "import", help="load a JSON map export into an empty workspace",
        description="Load FILE.json (from `argmap export --format json`) into an empty workspace, all or nothing.",
    )
    load.add_argument("file", metavar="FILE.json")
    add_workspace_option(load)
    load.set_defaults(run=run_in_workspace(_import))

    schema = commands.add_parser("schema", help="print the JSON Schema of `argmap export --format json`")
    schema.set_defaults(run=_schema)


def _export(workspace, args) -> int:
    from argmap.export import writer
    from argmap.atomic import write_atomic

    write = writer(args.format)
    if args.output and args.output != "-":
        try:
            write_atomic(args.output, lambda stream: write(workspace, stream))
        except OSError as problem:
            error(f"{args.output}: cannot write: {problem.strerror or problem}")
            return 1
        print(f"wrote {args.output} ({args.format})", file=sys.stderr)
    else:
        write(workspace, sys.stdout)
    return 0


def _import(workspace, args) -> int:
    from argmap.export.mapjson import import_map

    export = import_map(workspace, args.file)
    print(f"imported {len(export.documents)} documents, {len(export.statements)} statements, "
          f"{len(export.annotations)} annotations, {len(export.claims)} claims, {len(export.relations)} relations")
    return 0


def _schema(args) -> int:
    from argmap.export.mapjson import export_schema

    json.dump(export_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0
