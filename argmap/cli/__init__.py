"""The ``argmap`` command line: a thin layer over the core, heavy imports deferred.

Exit status: 0 when everything was processed, 1 when a file (or other input)
failed, 2 for usage errors. Problems go to stderr as ``argmap: error: FILE: problem``:
a command raises an ``ArgmapError`` and ``main`` turns it into that line and the exit
status; a command that goes on past a bad file reports it with ``error`` itself.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from argmap import __version__
from argmap.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.models import Document

PROG = "argmap"

#: The modules under ``argmap/cli/`` that add commands, in ``--help`` order.
#: Each has ``register(commands, eval_targets)`` taking the two argparse sub-parser groups.
COMMAND_MODULES = (
    "extract",
    "stance",
    "workspace",
    "mapedit",
    "analysis",
    "exchange",
    "review",
    "web",
    "team",
    "ui",
)

#: Commands whose start-up time matters, with the one module that registers them: for these
#: the parser holds that module's commands only (building every command's parser takes ~35 ms).
FAST_START = {"open": "ui", "add": "workspace"}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); returns the exit status
    (or, as the ``argmap`` command, with no ``argv``, after a command that asked for it with
    ``end_at_once``, ends the process with it)."""
    global _end_at_once
    _end_at_once = False
    command = argv is None
    argv = sys.argv[1:] if argv is None else list(argv)
    only = FAST_START.get(argv[0]) if argv else None
    parser = build_parser((only,) if only else COMMAND_MODULES)
    args, extra = parser.parse_known_args(argv)
    if extra:  # e.g. `claim add --position TEXT`: an optional positional after an option
        args = _parse_intermixed(parser, argv)
    try:
        status: int = args.run(args)
        if command and _end_at_once:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status)
        return status
    except ArgmapError as problem:
        error(str(problem))
        return problem.exit_status
    except BrokenPipeError:  # e.g. `argmap extract ... | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130


def _parse_intermixed(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """``argv`` parsed by its command's parser with options and positionals in any order
    (argparse's plain parsing fills an optional positional before the options and leaves the
    value after them over); the usual usage error when that does not help."""
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    command = commands.choices.get(argv[0])
    if command is not None and not any(
        isinstance(a, argparse._SubParsersAction) for a in command._actions
    ):
        return command.parse_intermixed_args(argv[1:])
    return parser.parse_args(argv)


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """The argument parser for every argmap command (or for the commands of ``modules`` only)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Map a policy debate from the news: who said what, attributed to resolved "
        "speakers.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    evaluate = commands.add_parser(
        "eval",
        help="score argmap against gold annotations",
        description="Score argmap against gold annotations.",
    )
    targets = evaluate.add_subparsers(title="what to evaluate", metavar="TARGET", required=True)
    for module in modules:
        importlib.import_module(f"argmap.cli.{module}").register(commands, targets)
    # `eval` is created first so modules can add targets to it, but listed last in --help.
    listed = commands._choices_actions
    listed.append(listed.pop(0))
    return parser


def has_terminal() -> bool:
    """True when standard input and output are both terminals (a UI reads keys and draws)."""
    return (
        sys.stdin is not None
        and sys.stdout is not None
        and sys.stdin.isatty()
        and sys.stdout.isatty()
    )


#: Set by a command (``end_at_once``) that ``main`` may end the process after.
_end_at_once = False


def end_at_once() -> None:
    """Once this command returns, the process ends without the interpreter's teardown, which
    frees the objects of every module loaded one at a time (numpy's, pyarrow's, pydantic's: a
    few hundredths of a second) where the system frees the process's memory at once: only as
    the ``argmap`` command (``main`` with no ``argv``, not a caller's ``main([...])``), with
    standard output and error flushed, for a command that leaves nothing else to write or
    close (no ``atexit`` handler runs)."""
    global _end_at_once
    _end_at_once = True


def freeze_at_exit() -> None:
    """Freeze every object before the interpreter's last collections at exit, which would
    otherwise walk every cached parse and loaded row on the way out (once, however often a
    process asks)."""
    import atexit
    import gc

    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)


def noun(n: int, word: str) -> str:
    """``word`` as the count ``n`` wants it: "statement" for 1, "statements" else."""
    return word if n == 1 else word + "s"


def plural(n: int, word: str) -> str:
    """ "1 statement", "2 statements"."""
    return f"{n} {noun(n, word)}"


def error(message: str) -> None:
    """Print one ``argmap: error: ...`` line to stderr."""
    print(f"{PROG}: error: {message}", file=sys.stderr, flush=True)


def warning(message: str) -> None:
    """Print one ``argmap: warning: ...`` line to stderr (the command goes on)."""
    print(f"{PROG}: warning: {message}", file=sys.stderr, flush=True)


def describe(problem: OSError | ValueError, path: str) -> str:
    """``FILE: problem`` for an exception raised while reading ``path``.

    A message that already names a file (``path``, or ``path:LINE``) is kept as it is.
    """
    from argmap.io.reading import ReadError

    if isinstance(problem, OSError):
        return str(ReadError.from_os_error(path, problem))
    message = str(problem)
    return message if message.startswith(f"{path}:") else f"{path}: {message}"


def add_source_options(parser: argparse.ArgumentParser) -> None:
    """``--metadata FILE`` and ``--columns SPEC``: where documents' metadata comes from."""
    parser.add_argument(
        "--metadata",
        action="append",
        metavar="FILE",
        help="a metadata table (CSV, TSV or JSON Lines) naming each article file in a file-name "
        "column, with its title, outlet, authors, date, URL, language; repeatable (default: a "
        "metadata.tsv, .csv or .jsonl in a folder PATH)",
    )
    parser.add_argument(
        "--columns",
        metavar="SPEC",
        type=_columns,
        default={},
        help="which columns hold what in corpus files and metadata tables, over the usual "
        "names: FIELD=COLUMN pairs such as text=body,outlet=site (fields: text, title, outlet, "
        "authors, published, url, language, id, file; FIELD= reads none)",
    )


def _columns(text: str) -> dict[str, str]:
    from argmap.io.metadata import parse_columns

    try:
        return parse_columns(text)
    except ValueError as problem:
        raise argparse.ArgumentTypeError(str(problem)) from None


def metadata_table(args: argparse.Namespace, paths: Sequence[str]):
    """The metadata table of ``--metadata`` (or found in a folder of ``paths``: announced), or
    None; a table that cannot be read is an error."""
    from argmap.io.sidecar import MetadataTable, sidecars_in

    files = list(args.metadata or [])
    if not files:
        files = [str(path) for path in sidecars_in(paths)]
        for file in files:
            print(f"metadata from {file} (found in the folder)", file=sys.stderr)
    if not files:
        return None
    table = MetadataTable.load(files, args.columns)
    for note in table.duplicates:
        warning(note)
    return table


def report_metadata(table, read: int) -> None:
    """How many documents a metadata table gave metadata, on stderr; a warning when it named
    none of them (a wrong table, or names that are not the files')."""
    if table is None:
        return
    tables = ", ".join(table.paths)
    if read and not table.used:
        warning(
            f"{tables}: names none of the {plural(read, 'document')} read (its "
            "file-name column holds their file names, with or without the suffix); no "
            "metadata taken from it"
        )
        return
    print(
        f"metadata table: {table.used} of {plural(read, 'document')} named in {tables}",
        file=sys.stderr,
    )


def documents(
    paths: Iterable[str],
    failures: list[str],
    *,
    metadata=None,
    columns: dict[str, str] | None = None,
) -> Iterator[Document]:
    """The readable documents under ``paths``; each failure is reported and recorded, the
    files a folder holds that argmap does not read are named in one warning at the end, and
    finding no article at all is an error (recorded as a failure of ``paths``). ``metadata``
    (a ``MetadataTable``) and ``columns`` (for corpus files) are passed to the reader; a
    document's metadata warnings, and corpus rows left out, are warnings."""
    from argmap.io.corpus import origin
    from argmap.io.reading import ReadError, load_documents

    paths = list(paths)
    skipped: list[Path] = []
    read = 0
    for item in load_documents(paths, skipped, metadata=metadata, columns=columns, warn=warning):
        if isinstance(item, ReadError):
            error(str(item))
            failures.append(item.path)
        else:
            for note in item.read_warnings:
                warning(f"{origin(item)}: {note}")
            read += 1
            yield item
    if skipped:
        shown = ", ".join(str(path) for path in skipped[:5])
        more = f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
        warning(
            f"skipped {len(skipped)} file{'s' if len(skipped) != 1 else ''} argmap does not read "
            f"(it reads .txt, .md, .html and .htm): {shown}{more}"
        )
    report_metadata(metadata, read)
    if not read and not failures:
        error(
            f"{' '.join(paths)}: no article to read (argmap reads .txt, .md, .html and .htm, "
            "and corpus files named on the command line: .jsonl, .csv, .tsv, .parquet)"
        )
        failures.extend(paths)
