"""``argmap init``, ``add``, ``status``, ``undo``, ``redo``, ``log`` and ``codebook``: the
workspace."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from argmap.cli import (
    add_source_options,
    documents,
    end_at_once,
    error,
    freeze_at_exit,
    metadata_table,
    plural,
    warning,
)


def add_workspace_option(parser: argparse.ArgumentParser) -> None:
    """``--workspace PATH`` (default: found from the current directory, or $ARGMAP_WORKSPACE)."""
    parser.add_argument(
        "--workspace",
        "-w",
        metavar="PATH",
        help="the workspace file or its directory, or a PostgreSQL connection string "
        "(default: $ARGMAP_WORKSPACE, else found in the current directory or a parent)",
    )


#: ``--outlet``, ``--author``, ``--since``, ``--until``: statements by their documents'
#: metadata, as (names, keywords) of ``add_argument``.
METADATA_FILTERS: tuple[tuple[tuple[str, ...], dict], ...] = (
    (
        ("--outlet",),
        {
            "metavar": "TEXT",
            "help": "documents of every outlet holding TEXT (any case; 'none': without one)",
        },
    ),
    (("--author",), {"metavar": "TEXT", "help": "documents by an author whose name holds TEXT"}),
    (
        ("--since",),
        {
            "metavar": "DAY",
            "help": "documents published on DAY or later (2016, 2016-03, 2016-03-11; 'none': "
            "documents without a date)",
        },
    ),
    (
        ("--until",),
        {
            "metavar": "DAY",
            "help": "documents published on DAY or earlier (2016-03-11, 2016-03, 2016; 'none': "
            "documents without a date)",
        },
    ),
)


def add_metadata_filters(parser: argparse.ArgumentParser) -> None:
    """``--outlet``, ``--author``, ``--since`` and ``--until`` (``METADATA_FILTERS``)."""
    for names, keywords in METADATA_FILTERS:
        parser.add_argument(*names, **keywords)


def metadata_filter(workspace, args: argparse.Namespace) -> dict:
    """The ``StatementFilter`` fields of ``--outlet``, ``--author``, ``--since`` and ``--until``
    (``Workspace.metadata_filter``: the UI's reading too)."""
    return workspace.metadata_filter(
        outlet=args.outlet, author=args.author, since=args.since, until=args.until
    )


def open_from(args: argparse.Namespace):
    """The workspace named by ``--workspace``, $ARGMAP_WORKSPACE, or found from the current
    directory."""
    from argmap.store import open_workspace

    return open_workspace(args.workspace or os.environ.get("ARGMAP_WORKSPACE") or None)


def run_in_workspace(action):
    """Wrap ``action(workspace, args)``: run it on the workspace ``args`` names, then close it."""

    def run(args: argparse.Namespace) -> int:
        with open_from(args) as workspace:
            return action(workspace, args)

    return run


def register(
    commands: argparse._SubParsersAction, eval_targets: argparse._SubParsersAction
) -> None:
    """Add the workspace commands."""
    init = commands.add_parser(
        "init",
        help="create a workspace",
        description="Create a workspace (argmap.sqlite) in DIR, or in an empty PostgreSQL "
        "database named by a connection string (postgresql://user@host/db; the password from "
        "~/.pgpass or a service file, never in the string).",
    )
    init.add_argument(
        "directory",
        nargs="?",
        default=".",
        metavar="DIR",
        help="where to create it (default: here), or a PostgreSQL connection string",
    )
    init.add_argument(
        "--codebook",
        metavar="FILE",
        help="the debate's codebook (default: the one *.codebook.toml in DIR)",
    )
    init.set_defaults(run=_run_init)
    add = commands.add_parser(
        "add",
        help="add articles to the workspace",
        description="Extract statements from articles, resolve speakers across the workspace, "
        "suggest stances.",
    )
    add.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files or folders, or corpus files (.jsonl, .csv, .tsv, .parquet: one "
        "article a row)",
    )
    add_source_options(add)
    add.add_argument(
        "--aliases",
        metavar="FILE",
        help="alias table that overrides automatic speaker matching (kept for later adds)",
    )
    add.add_argument(
        "--statements",
        action="store_true",
        help="the PATHs are results folders of argmap extract --output (Parquet or JSON Lines): "
        "store their documents, statements and speakers without extracting again",
    )
    add.add_argument(
        "--progress",
        choices=("auto", "bar", "lines", "none"),
        default="auto",
        help="progress display (default: a bar on a terminal, lines otherwise)",
    )
    add_workspace_option(add)
    add.set_defaults(run=_run_add)

    status = commands.add_parser(
        "status", help="counts, labelled share and agreement state of the workspace"
    )
    status.add_argument("--format", choices=("table", "json"), default="table")
    add_workspace_option(status)
    status.set_defaults(run=run_in_workspace(_status))

    for name, what, anyones in (
        ("undo", "undo your latest edit", "the workspace's latest edit"),
        ("redo", "redo the edit you undid last", "the edit undone last"),
    ):
        command = commands.add_parser(
            name,
            help=what,
            description=what.capitalize()
            + " (from the edit log), even when others have edited since; who you are: "
            "$ARGMAP_USER or the login name. A row someone changed since is never overwritten: "
            f"then {name} refuses, naming it.",
        )
        command.add_argument(
            "--anyone",
            action="store_true",
            help=f"{name} {anyones}, whoever made it",
        )
        add_workspace_option(command)
        command.set_defaults(run=run_in_workspace(_undo if name == "undo" else _redo))

    log = commands.add_parser("log", help="the edit log, newest first")
    log.add_argument("-n", type=int, default=20, metavar="N", help="how many entries (default 20)")
    add_workspace_option(log)
    log.set_defaults(run=run_in_workspace(_log))

    suggest = commands.add_parser(
        "suggest",
        help="suggest every statement's stance again (after --refit: with a model learned from the "
        "labels)",
        description="Ask the stance model again for every statement's suggestion. With --refit, "
        "first train the learned model on the statements people labelled and save it beside the "
        "workspace (argmap-model/).",
    )
    suggest.add_argument(
        "--refit",
        action="store_true",
        help="train the learned model from the workspace's labels first",
    )
    add_workspace_option(suggest)
    suggest.set_defaults(run=run_in_workspace(_suggest))

    codebook = commands.add_parser(
        "codebook", help="show the workspace's codebook, or set it from FILE"
    )
    codebook.add_argument(
        "file", nargs="?", metavar="FILE", help="a codebook TOML file to use from now on"
    )
    add_workspace_option(codebook)
    codebook.set_defaults(run=run_in_workspace(_codebook))


def _run_init(args: argparse.Namespace) -> int:
    from argmap.codebook import load_codebook
    from argmap.store import Workspace
    from argmap.store.pg.url import is_server_target

    on_server = is_server_target(args.directory)
    directory = Path(args.directory)
    source = args.codebook
    if source is None and not on_server and directory.is_dir():
        found = sorted(directory.glob("*.codebook.toml"))
        if len(found) == 1:
            source = str(found[0])
    try:
        codebook = load_codebook(source) if source else None
        for note in codebook.warnings() if codebook else []:
            warning(f"{source}: {note}")
        workspace = Workspace.init(args.directory if on_server else directory, codebook=codebook)
    except OSError as problem:  # e.g. DIR is a file, or not writable
        error(
            f"{problem.filename or directory}: cannot create a workspace here: "
            f"{problem.strerror or problem}"
        )
        return 1
    with workspace:
        print(
            f"created workspace {workspace.name}"
            + (f" with codebook {source}" if source else " (no codebook yet)")
        )
    return 0


def _run_add(args: argparse.Namespace) -> int:
    if args.statements:
        return _run_add_statements(args)
    from argmap.io.reading import count_files
    from argmap.speakers.aliases import AliasTable

    aliases = AliasTable.load(args.aliases) if args.aliases else None
    failures: list[str] = []
    table = metadata_table(args, args.paths)
    with open_from(args) as workspace:
        if aliases is not None:
            workspace.set_alias_table(aliases)
        mode = args.progress
        if mode == "auto":
            mode = "bar" if sys.stderr.isatty() else "lines"
        with _Progress(mode, count_files(args.paths)) as progress:
            report = workspace.add_documents(
                _readable(args.paths, failures, progress, table, args.columns),
                aliases=aliases,
                progress=progress,
            )
    for path, problem in report.failed:
        error(f"{path}: {problem}")
        failures.append(path)
    print(
        f"{len(report.added)} added, {len(report.replaced)} replaced, {len(report.unchanged)} "
        f"unchanged; {plural(report.statements, 'statement')}, "
        f"{plural(report.new_speakers, 'new speaker')}, "
        f"{plural(report.suggestions, 'suggestion')}, "
        f"{plural(report.restatements, 'restatement')} offered"
    )
    if report.metadata_updated:
        print(
            f"the metadata of {plural(len(report.metadata_updated), 'unchanged document')} "
            "read again (fields set by hand kept)"
        )
    if report.duplicates:
        print(
            f"{plural(report.duplicates, 'statement')} the extractor found twice (same span) "
            "stored once"
        )
    if report.kept_annotations or report.dropped_annotations:
        print(
            f"{plural(report.kept_annotations, 'annotation')} carried over to new versions; "
            f"{len(report.dropped_annotations)} dropped (their text is gone; listed in `argmap "
            "log`)"
        )
    if report.kept_edits or report.dropped_edits:
        print(
            f"{plural(report.kept_edits, 'hand-edited statement')} carried over to new versions "
            "(deletions, speakers, kinds, spans)"
            + (
                f"; {_edits_or_links(len(report.dropped_edits))} could not be (their text is gone; "
                "kept in the add's log entry):"
                if report.dropped_edits
                else ""
            )
        )
        for lost in report.dropped_edits:
            print("  " + _lost_edit(lost))
    return 1 if failures else 0


def _edits_or_links(n: int) -> str:
    """ "1 edit or link", "2 edits or links"."""
    return f"{n} edit or link" if n == 1 else f"{n} edits or links"


#: The environment variable naming Arrow's default memory pool.
ARROW_POOL = "ARROW_DEFAULT_MEMORY_POOL"
#: The environment variable giving numpy's OpenBLAS its threads.
BLAS_THREADS = "OPENBLAS_NUM_THREADS"


def _run_add_statements(args: argparse.Namespace) -> int:
    """``argmap add --statements FOLDER...``: results of ``argmap extract --output``."""
    import gc

    if args.aliases or args.metadata or args.columns:
        error(
            "--statements stores what was extracted: give --aliases, --metadata and --columns "
            "to argmap extract"
        )
        return 2
    lines = args.progress == "lines" or (args.progress == "auto" and not sys.stderr.isatty())

    def progress(documents: int, statements: int) -> None:
        if lines:
            print(
                f"{plural(documents, 'document')}, {plural(statements, 'statement')}",
                file=sys.stderr,
            )

    # Arrow's buffers from the C library's allocator (read when pyarrow is first imported):
    # its default, mimalloc, zeroes 2 MB pages for the parts' columns (PolNeAR train: 0.06 s
    # of CPU and 60 MB more); no cycle collection while modules load and the ingest runs (it
    # pauses it too): what they make is freed by reference counting or kept to the end.
    # OpenBLAS, loaded with numpy (pyarrow imports it), one thread: else it starts one more a
    # core, which spins waiting for matrix work (0.04 s of CPU) that an ingest does not give
    pool = os.environ.get(ARROW_POOL)
    os.environ[ARROW_POOL] = pool or "system"
    blas = os.environ.get(BLAS_THREADS)
    os.environ[BLAS_THREADS] = blas or "1"
    collecting = gc.isenabled()
    gc.disable()
    try:
        from argmap.store.ingest import add_statement_files

        with open_from(args) as workspace:
            report = add_statement_files(workspace, args.paths, progress=progress)
    finally:
        if collecting:
            gc.enable()
        for name, value in ((ARROW_POOL, pool), (BLAS_THREADS, blas)):
            if value is None:
                del os.environ[name]
    # what is left is freed at exit without the interpreter's last collections walking it
    # (every module's objects: about 0.04 s), or by the system, the interpreter not torn down
    freeze_at_exit()
    end_at_once()
    for path, problem in report.failed:
        error(f"{path}: {problem}")
    print(
        f"{report.added} added, {report.unchanged} unchanged; "
        f"{plural(report.statements, 'statement')}, "
        f"{plural(report.new_speakers, 'new speaker')}, "
        f"{plural(report.suggestions, 'suggestion')}, "
        f"{plural(report.restatements, 'restatement')} offered"
    )
    if report.metadata_updated:
        print(
            f"the metadata of {plural(report.metadata_updated, 'unchanged document')} read again "
            "(fields set by hand kept)"
        )
    if report.duplicates:
        print(
            f"{plural(report.duplicates, 'statement')} the extractor found twice (same span) "
            "stored once"
        )
    return 1 if report.failed else 0


def _lost_edit(lost: dict) -> str:
    """One line for an edit ``add`` could not carry over to a new version."""
    if "relation" in lost:
        what = f"relation {lost['relation']} ({lost['source']} {lost['kind']} {lost['target']})"
    elif "claim" in lost:
        what = f"claim {lost['claim']}'s link to statement {lost['statement_id']}"
    else:
        what = f"statement {lost['statement_id']} ({', '.join(lost['edits'])})"
    text = " ".join(" ".join(lost.get("texts", {}).values() or [lost.get("text", "")]).split())
    return f'{what}: {lost["problem"]}: "{text[:60]}"'


def _readable(paths: list[str], failures: list[str], progress: _Progress, table, columns):
    """The documents under ``paths``; a file that cannot be read is reported and counted as done."""
    for document in documents(paths, failures, metadata=table, columns=columns):
        while progress.failed < len(failures):  # files that failed since the previous document
            progress.skip()
        yield document
    while progress.failed < len(failures):
        progress.skip()


class _Progress:
    """A rich progress bar (files, statements, rate) or one plain line per document."""

    def __init__(self, mode: str, total: int | None) -> None:
        self.mode, self.total = mode, total
        self.files = self.statements = self.failed = 0
        self.started = time.perf_counter()
        self.bar = None

    def __enter__(self):
        if self.mode == "bar":
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.bar = Progress(
                TextColumn("adding"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files"),
                TextColumn("{task.fields[statements]} statements"),
                TextColumn("{task.fields[rate]} files/s"),
                TimeElapsedColumn(),
                transient=False,
                console=Console(stderr=True),
            )
            self.bar.start()
            self.task = self.bar.add_task("add", total=self.total, statements=0, rate="-")
        return self

    def __call__(self, document, statements: int, outcome: str) -> None:
        self.files += 1
        self.statements += statements
        if self.bar is not None:
            rate = self.files / max(time.perf_counter() - self.started, 1e-9)
            self.bar.update(self.task, advance=1, statements=self.statements, rate=f"{rate:.1f}")
        elif self.mode == "lines":
            detail = {
                "failed": "not added (the error follows)",
                "unchanged": "its text is in the workspace already",  # no statement is new
            }.get(outcome, f"{statements} statement{'' if statements == 1 else 's'}")
            print(f"{outcome} {document.name}: {detail}", file=sys.stderr, flush=True)

    def skip(self) -> None:
        """A file that could not be read (already reported): the bar still advances."""
        self.failed += 1
        if self.bar is not None:
            self.bar.update(self.task, advance=1)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _status(workspace, args: argparse.Namespace) -> int:
    from dataclasses import asdict

    status = workspace.status()
    if args.format == "json":
        data = asdict(status) | {"labelled_share": round(status.labelled_share, 4)}
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    out = sys.stdout.write
    out(f"workspace  {status.path}\n")
    out(f"issue      {status.issue or '(no codebook)'}\n")
    out(
        f"documents  {status.documents}\nspeakers   {status.speakers}\nstatements "
        f"{status.statements}\n"
    )
    out(f"labelled   {status.labelled_share:.1%} by people\n")
    out("review     " + ", ".join(f"{k} {v}" for k, v in sorted(status.review.items())) + "\n")
    out(
        "stances    "
        + (", ".join(f"{k or '(none)'} {v}" for k, v in sorted(status.labels.items())) or "-")
        + "\n"
    )
    agreement = status.review.get("disputed", 0)
    out(
        f"agreement  {agreement} disputed, {status.review.get('adjudicated', 0)} adjudicated; "
        "annotators: "
        + (", ".join(f"{k} {v}" for k, v in status.annotators.items()) or "none")
        + "\n"
    )
    out(
        f"map        {plural(status.claims, 'claim')}; relations: "
        + (", ".join(f"{k} {v}" for k, v in sorted(status.relations.items())) or "none")
        + "\n"
    )
    out(f"edits      {status.edits} that undo can take back (`argmap log` lists every entry)\n")
    if not status.suggestions_available:
        out("note       stance suggestions are not available (argmap.stance is not installed)\n")
    return 0


def _undo(workspace, args: argparse.Namespace) -> int:
    return _replay(workspace, args, "undo")


def _redo(workspace, args: argparse.Namespace) -> int:
    return _replay(workspace, args, "redo")


def _replay(workspace, args: argparse.Namespace, direction: str) -> int:
    """Undo (redo) the user's own latest edit, or with ``--anyone`` the latest of anyone."""
    from argmap.store import EditError
    from argmap.store.core import default_actor

    me = None if args.anyone else default_actor()
    edit = workspace.next_edit(direction, actor=me)
    if edit is None:
        latest = workspace.next_edit(direction) if me else None
        if latest is None:
            raise EditError(f"nothing to {direction}")
        raise EditError(
            f"the edit to {direction} is {latest.actor}'s, not yours ({me}): {latest.action} "
            f"{latest.summary} ({latest.time}); you have none to {direction}; "
            f"`argmap {direction} --anyone` takes it anyway"
        )
    replay = workspace.undo if direction == "undo" else workspace.redo
    done = replay(edit_id=edit.id, actor=me)
    print(f"{direction}ne: {done.action} {done.summary} ({done.actor}, {done.time})")
    return 0


def _log(workspace, args: argparse.Namespace) -> int:
    for edit in workspace.edits(args.n):
        state = "" if edit.state == "done" else f" [{edit.state}]"
        print(f"{edit.id:>5} {edit.time} {edit.actor}: {edit.action} {edit.summary}{state}")
    return 0


def _suggest(workspace, args: argparse.Namespace) -> int:
    if args.refit:
        model = workspace.fit_model()
        print(
            f"trained the stance model on {len(model.texts)} labelled statements; saved in "
            f"{workspace.model_place}"
        )
    stored = workspace.resuggest()
    if not stored and workspace.count_statements():
        error(
            f"{workspace.path}: no suggestions: "
            + (
                "the workspace has no codebook"
                if workspace.codebook is None
                else "argmap.stance is not installed"
            )
        )
        return 1
    print(f"{stored} suggestions stored")
    return 0


def _codebook(workspace, args: argparse.Namespace) -> int:
    from argmap.codebook import load_codebook

    if args.file:
        codebook = load_codebook(args.file)
        if workspace.codebook == codebook:
            print(f"codebook {codebook.id}: {len(codebook.labels)} labels (unchanged)")
            return 0
        workspace.set_codebook(codebook)
        print(f"codebook {codebook.id}: {len(codebook.labels)} labels")
        for note in codebook.warnings():
            warning(f"{args.file}: {note}")
        statements = workspace.count_statements()
        if statements:
            print(
                f"suggestions still come from the previous codebook (or none): "
                "`argmap suggest` suggests stances for the "
                f"{plural(statements, 'statement')} under this one"
            )
        return 0
    codebook = workspace.codebook
    if codebook is None:
        error(f"{workspace.path}: the workspace has no codebook (argmap codebook FILE sets one)")
        return 1
    print(codebook.model_dump_json(indent=2))
    return 0
