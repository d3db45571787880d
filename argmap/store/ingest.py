"""Adding pre-extracted statements: the results folders of ``argmap extract --output`` (on one
machine or a Dask cluster) stored in the workspace without extracting again
(``argmap add --statements``).

What ``add_documents`` stores for an article, this stores from the folder's rows: the
document with its metadata, its statements (one per span, as ``add`` keeps them), their
speakers, stance suggestions when the workspace has a codebook, the restatements offered and
one ``add-document`` log entry per document. The suggestions are the folder's when it was
extracted with the workspace's codebook (``argmap extract --output DIR --codebook FILE``,
computed on the workers) and the workspace has no learned model; otherwise they are asked
here, as ``add`` asks them (most of its time). Documents are committed a batch at a time
(``BATCH_DOCUMENTS``), so an interrupted ingest keeps every batch before it.

Speakers: a folder's speaker whose id is stored already is that speaker; otherwise its name
is resolved against the workspace's speakers as ``add`` replays them (the same registry),
and one it finds there is that stored speaker (learning the new spellings, role and
affiliation, unless people edited it); the rest are new. Into a workspace without speakers
this stores exactly the speakers ``argmap add`` of the same articles stores.

Restatements: a folder whose run matched its own (``argmap extract --output``:
``write_folder_restatements``) gives them with the results, and into a workspace holding no
statements they are read, not matched again: the same pairs (matching is online, each
statement against those before it, so a folder's pairs are those an ingest of it finds as
long as every document is stored in folder order). Into a workspace holding statements, or
from the first batch where a document of the folder is not stored (one already in the
workspace, a new version), they are matched as ``argmap add`` does: stored statements change
which 4-word blocks are full.

A document already in the workspace (same content) is left alone; a new version of a stored
document (same source, other text) is not added: ``argmap add`` carries annotations over to
new versions, so it is listed in ``failed`` with that advice.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.io import statement_files as files
from argmap.io.errors import ReadError
from argmap.models import METADATA_FIELDS
from argmap.spans import paragraph_around
from argmap.store.core import default_actor, now
from argmap.store.documents import INSERT_STATEMENT, edited_speakers, offer_restatements
from argmap.store.metadata import FIELDS, stored_metadata, updated_metadata, write_metadata
from argmap.store.records import ReviewState
from argmap.store.suggest import load_model, stance_suggestions

if TYPE_CHECKING:
    from argmap.speakers.registry import SpeakerRegistry
    from argmap.store.restatements import RestatementIndex
    from argmap.store.workspace import Workspace

__all__ = [
    "BATCH_DOCUMENTS",
    "IngestReport",
    "SpeakerRows",
    "add_statement_files",
    "match_folder",
    "results_folder",
    "write_folder_restatements",
]

#: Documents stored in one transaction (their suggestions asked in one call).
BATCH_DOCUMENTS = 500
#: The columns of the statements parts this reads (not the document's metadata, nor the
#: readable stance columns: the suggestion holds them), in the order of ``INSERT_STATEMENT``'s
#: columns: a statement is a tuple of them (``_rows``), not a dict (15,000 dicts, and the
#: rows built from them, were a tenth of an ingest of PolNeAR train).
STATEMENT_COLUMNS = (
    *(
        name
        for name in files.STATEMENT_FIELDS
        if name
        not in ("doc_name", "speaker", "speaker_note", "speaker_role", "speaker_id", "confidence")
    ),
    "speaker_id",  # INSERT_STATEMENT names the id before the role
    "speaker_role",
    "confidence",
    "suggestion",
)
#: Where a statement tuple holds them.
ID, DOCUMENT, START, END, TEXT, PARTS, SPEAKER_ID, CONFIDENCE, SUGGESTION = map(
    STATEMENT_COLUMNS.index,
    ("id", "document", "start", "end", "text", "parts", "speaker_id", "confidence", "suggestion"),
)
INSERT_SUGGESTION = (
    "INSERT INTO suggestions (statement_id, label, score, uncertainty, data) VALUES (?, ?, ?, ?, ?)"
)
INSERT_DOCUMENT = (
    "INSERT INTO documents (id, name, source_path, text, added_at) VALUES (?, ?, ?, ?, ?)"
)
INSERT_SPEAKER = (
    "INSERT INTO speakers (id, name, kind, role, affiliation, aliases) VALUES (?, ?, ?, ?, ?, ?)"
)
#: Most ids asked for in one ``IN (...)`` query.
CHUNK = 500
#: Speakers of a batch read as this many slices at most (else taken: ``_take``); a slice
#: costs about 20 microseconds, importing ``pyarrow.compute`` to take rows about 30 ms.
TAKE_RUNS = 1000
#: The document scope the stored speakers are replayed in (as ``add`` does).
REPLAY_DOC = "\x00workspace"
#: The statement columns matching a folder's restatements reads (``_distinct``'s included).
MATCH_COLUMNS = ("id", "document", "text", "speaker_id", "confidence")
#: Folders of more statements are not matched by ``argmap extract --output`` (the index would
#: sit in the driver's memory, as large as the ingest's: some 2 KB a statement); their
#: ingest matches them.
MATCH_LIMIT = 1_000_000


@dataclass
class IngestReport:
    """What ``add_statement_files`` did."""

    added: int = 0  # documents
    unchanged: int = 0  # already in the workspace (same content)
    metadata_updated: int = 0  # of those, the ones whose metadata the folder changed
    statements: int = 0
    duplicates: int = 0  # statements found twice (same span): stored once
    new_speakers: int = 0
    suggestions: int = 0
    restatements: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file or document, problem)


def results_folder(path: str | os.PathLike[str]) -> Path:
    """The complete results folder ``path`` names (the folder, or a part file in it);
    ``ReadError`` when it is none, or its run did not finish."""
    path = Path(path)
    folder = path.parent.parent if path.is_file() else path
    if not folder.is_dir():
        raise ReadError(path, "no such results folder (argmap extract --output DIR writes one)")
    if files.read_manifest(folder) is None:
        if not (folder / "statements").is_dir():
            raise ReadError(path, "not a results folder of argmap extract --output")
        raise ReadError(path, f"incomplete results (no {files.MANIFEST}): the run did not finish")
    return folder


def add_statement_files(
    workspace: Workspace,
    folders: Iterable[str | os.PathLike[str]],
    *,
    progress: Callable[[int, int], None] | None = None,
    actor: str | None = None,
) -> IngestReport:
    """Store the documents, statements and speakers of each results folder in ``workspace``
    (see the module's docstring). ``progress(documents, statements)`` after each batch. A
    folder that cannot be read is in ``failed`` and the others are still added."""
    report = IngestReport()
    with _no_cycle_collection(), workspace.backend.bulk_writes(workspace.conn):
        # (what the ingest kept is freed before the collector runs again: see below)
        _add_folders(_State(workspace, actor), folders, progress, report)
    return report


def _add_folders(
    state: _State,
    folders: Iterable[str | os.PathLike[str]],
    progress: Callable[[int, int], None] | None,
    report: IngestReport,
) -> None:
    for given in folders:
        try:
            folder = results_folder(given)
            speakers = SpeakerRows(folder)
            manifest = files.read_manifest(folder) or {}
            state.suggested = state.same_codebook(manifest)
            state.verbatim = manifest.get("format") == "parquet"
            state.start_folder(folder, manifest)
            batch: list[tuple[dict, list[tuple]]] = []
            for document, statements in _documents(folder):
                batch.append((document, statements))
                if len(batch) >= BATCH_DOCUMENTS:
                    _store(state, batch, speakers, report)
                    batch = []
                    if progress:
                        progress(report.added + report.unchanged, report.statements)
            _store(state, batch, speakers, report)
        except (ReadError, OSError, ValueError, KeyError) as problem:
            report.failed.append((str(given), _one_line(problem)))
            continue
        if progress:
            progress(report.added + report.unchanged, report.statements)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while storing: the rows read are hundreds of thousands
    of dicts and tuples, which it would walk again and again (a tenth of the time) to find
    no cycles (reference counting frees them). Its first collection once resumed walks every
    object made meanwhile that is still alive: the ingest's state (the restatement index,
    the speakers) is gone by then."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _documents(
    folder: Path, columns: Sequence[str] = STATEMENT_COLUMNS
) -> Iterator[tuple[dict, list[tuple]]]:
    """Each document row of a results folder with its statements (``_rows``: tuples of
    ``STATEMENT_COLUMNS``, those of ``columns`` read), part by part (one part's rows in memory
    at a time)."""
    statement_parts = {p.name.split(".")[0]: p for p in files.parts(folder, "statements")}
    for path in files.parts(folder, "documents"):
        held: dict[str, list[tuple]] = {}
        part = statement_parts.get(path.name.split(".")[0])
        for row in _rows(part, columns) if part else ():
            held.setdefault(row[DOCUMENT], []).append(row)
        for document in files.read_part(path, "documents"):
            yield document, held.pop(document["id"], [])
        if held:
            raise ReadError(part or path, "statements of documents the folder does not hold")


def _rows(path: Path, columns: Sequence[str]) -> list[tuple]:
    """The statements of a part as tuples of ``STATEMENT_COLUMNS``, zipped from whole columns
    (no dict a row): those of ``columns`` it has read, None for the others."""
    if path.suffix != ".parquet":
        wanted = set(columns)
        return [
            tuple(row.get(name) if name in wanted else None for name in STATEMENT_COLUMNS)
            for row in files.read_part(path, "statements")
        ]
    table = files.read_table(path, columns)
    held = set(table.column_names)
    return list(
        zip(
            *(
                table.column(name).to_pylist() if name in held else repeat(None, table.num_rows)
                for name in STATEMENT_COLUMNS
            ),
            strict=True,
        )
    )


def match_folder(folder: str | os.PathLike[str]) -> list[tuple[str, str, float]]:
    """The restatements ``add_statement_files`` offers storing the results folder ``folder``
    into a workspace holding no statements: ``(statement, restated, score)``, in the order it
    finds them (each document once, the first of copies; its statements as it keeps them)."""
    from argmap.store.restatements import RestatementIndex

    index = RestatementIndex()
    seen: set[str] = set()
    found: list[tuple[str, str, float]] = []
    for document, statements in _documents(Path(folder), MATCH_COLUMNS):
        if document["id"] in seen:
            continue
        seen.add(document["id"])
        found += index.match((s[ID], document["id"], s[TEXT]) for s in _distinct(statements))
    return found


def write_folder_restatements(folder: str | os.PathLike[str]) -> int | None:
    """Match a complete results folder's restatements among its own statements
    (``match_folder``) and store them with it (``restatements/``, named in the manifest),
    for ``argmap add --statements`` to read; how many (None: not matched, the folder holds
    more than ``MATCH_LIMIT`` statements)."""
    from argmap.store.restatements import MATCHER

    folder = results_folder(folder)
    manifest = files.read_manifest(folder) or {}
    if manifest.get("statements", 0) > MATCH_LIMIT:
        return None
    pairs = match_folder(folder)
    fmt = manifest.get("format", "parquet")
    files.write_restatements(folder / files.part_name(files.RESTATEMENTS, 0, fmt), pairs, fmt)
    files.write_manifest(
        folder, {**manifest, files.RESTATEMENTS: {"matcher": MATCHER, "pairs": len(pairs)}}
    )
    return len(pairs)


def _folder_pairs(folder: Path, manifest: dict) -> dict[str, list[tuple[str, str, float]]] | None:
    """The restatements a folder's run matched (``write_folder_restatements``) by statement,
    or None (matched here) when it holds none of the matcher this is, or not as many as its
    manifest says."""
    from argmap.store.restatements import MATCHER

    given = manifest.get(files.RESTATEMENTS)
    if not isinstance(given, dict) or given.get("matcher") != MATCHER:
        return None
    pairs: dict[str, list[tuple[str, str, float]]] = {}
    for path in files.parts(folder, files.RESTATEMENTS):
        for pair in files.read_restatements(path):
            pairs.setdefault(pair[0], []).append(pair)
    return pairs if sum(map(len, pairs.values())) == given.get("pairs") else None


class SpeakerRows:
    """A results folder's speakers by id, a row read when asked: a folder of a large corpus
    names many more speakers than one batch of documents needs (Parquet parts are kept as
    Arrow tables, far smaller than a dict per speaker)."""

    def __init__(self, folder: Path) -> None:
        self._tables: list[Any] = []
        self._rows: list[dict] = []  # JSON Lines parts
        self._where: dict[str, tuple[int, int]] = {}  # id -> (table, row); table -1: _rows
        for path in files.parts(folder, "speakers"):
            if path.suffix == ".parquet":
                table = files.read_table(path)
                number = len(self._tables)
                self._tables.append(table)
                for row, sid in enumerate(table.column("id").to_pylist()):
                    self._where[sid] = (number, row)
            else:
                for record in files.read_part(path, "speakers"):
                    self._where[record["id"]] = (-1, len(self._rows))
                    self._rows.append(record)

    def rows(self, ids: Iterable[str]) -> dict[str, dict]:
        """The rows of the speakers ``ids`` names (those the folder has), by id."""
        found: dict[str, dict] = {}
        wanted: dict[int, list[int]] = {}
        for sid in ids:
            where = self._where.get(sid)
            if where is None:
                continue
            number, row = where
            if number < 0:
                found[sid] = self._rows[row]
            else:
                wanted.setdefault(number, []).append(row)
        for number, rows in wanted.items():
            for record in _take(self._tables[number], rows):
                found[record["id"]] = record
        return found


def _take(table: Any, rows: list[int]) -> list[dict]:
    """Rows of a ``pyarrow.Table``: each run of consecutive rows sliced, which needs no
    ``pyarrow.compute`` (a folder's speakers are in the order they were first named, so a
    batch asks for one run of those it names first and a few hundred of earlier ones); rows
    scattered over more than ``TAKE_RUNS`` runs taken."""
    rows = sorted(rows)
    runs: list[list[int]] = []
    for row in rows:
        if runs and runs[-1][1] == row:
            runs[-1][1] = row + 1
        else:
            runs.append([row, row + 1])
    if len(runs) > TAKE_RUNS:
        return files.table_rows(table.take(rows))
    return [
        record
        for start, stop in runs
        for record in files.table_rows(table.slice(start, stop - start))
    ]


class _State:
    """What one ingest keeps between batches."""

    def __init__(self, workspace: Workspace, actor: str | None) -> None:
        from argmap.store.speakers import non_speaker_names

        self.workspace = workspace
        self.conn = workspace.conn
        self.actor = actor or default_actor()  # (the login name, looked up once)
        self.codebook = workspace.codebook
        self.model = load_model(self.codebook, workspace.model_place)
        self.not_speakers = non_speaker_names(self.conn)
        self.mapping: dict[str, str | None] = {}  # folder speaker id -> stored id (None: none)
        self._registry: SpeakerRegistry | None = None
        self._stored: dict[str, str] = {}  # registry id -> stored id
        self._restatements: RestatementIndex | None = None
        #: The folder's own restatements by statement, while they are what matching would
        #: find (None: matched here); with them, the statements stored (what the index
        #: would hold, built from them when matching takes over).
        self.pairs: dict[str, list[tuple[str, str, float]]] | None = None
        self._held: list[tuple[str, str, str]] | None = None
        self.folder_documents: set[str] = set()  # the documents this folder added
        self.edited = edited_speakers(self.conn)
        self.suggested = False  # the folder's suggestions are what add would store
        self.verbatim = False  # ... and their JSON is model_dump_json's own (Parquet parts)
        self.speakers_before = False  # the workspace had speakers when this folder began
        self.known: set[str] = set()  # of the folder speakers a batch names, those stored
        self.applied: set[str] = set()  # folder speakers stored or learned from (this folder)
        self.new_speakers = 0  # stored by the batch under way
        self.speaker_rows: list[tuple] = []  # ... its new speakers, inserted with its statements
        self._directories: dict[str, str] = {}  # a source's directory -> resolved

    def start_folder(self, folder: Path, manifest: dict) -> None:
        """A new folder: its speakers are looked for among those stored before it (those of
        earlier folders included); within a folder, its own ids say which are one. Its own
        restatements are read when the workspace holds no statements."""
        self.speakers_before = bool(self.conn.execute("SELECT 1 FROM speakers LIMIT 1").fetchone())
        self._registry = None
        self._stored = {}
        self.applied = set()
        self.pairs = None
        self.folder_documents = set()
        if not self.conn.execute("SELECT 1 FROM statements LIMIT 1").fetchone():
            self.pairs = _folder_pairs(folder, manifest)
            if self.pairs is not None:
                self._restatements = None  # (empty: nothing is stored)
                self._held = []

    def leave_pairs(self) -> None:
        """Restatements matched from now on (the index built from what is stored)."""
        self.pairs = None

    def same_codebook(self, manifest: dict) -> bool:
        """Whether a folder's stance suggestions are those ``add`` would store here: made
        with the workspace's codebook, and the workspace has no learned model."""
        if self.codebook is None or self.model is not None or not manifest.get("codebook"):
            return False
        from argmap.stance.codebook_model import codebook_fingerprint

        return bool(manifest["codebook"] == codebook_fingerprint(self.codebook))

    @property
    def registry(self) -> SpeakerRegistry:
        """The workspace's speakers replayed, as ``add`` does (built when first needed)."""
        if self._registry is None:
            from argmap.speakers.registry import SpeakerRegistry

            self.insert_speakers()  # (replayed with those stored before: as add has them)
            aliases = self.workspace.alias_table  # (read here: most ingests need no registry)
            self._registry = SpeakerRegistry(aliases, not_speakers=self.not_speakers)
            rows = self.conn.execute("SELECT id, name, aliases FROM speakers ORDER BY rowid")
            for sid, name, names in rows.fetchall():
                for text in (name, *json.loads(names)):
                    found = self._registry.resolve(text, doc_id=REPLAY_DOC)
                    self._stored.setdefault(found.id, sid)
        return self._registry

    @property
    def restatements(self) -> RestatementIndex:
        """The stored statements indexed (built when first needed: from those a folder's
        restatements were read for, in the order they were stored, else from the store)."""
        if self._restatements is None:
            from argmap.store.restatements import RestatementIndex

            self._restatements = RestatementIndex()
            if self._held is not None:
                self._restatements.add(self._held)
            else:
                query = "SELECT id, document, text FROM statements"
                self._restatements.add(self.conn.execute(query))
            self._held = None
        return self._restatements

    def insert_speakers(self) -> None:
        """The batch's new speakers so far inserted (in one statement: one a row cost a
        hundredth of a second for PolNeAR train's 3,748)."""
        self.workspace.backend.insert_rows(self.conn, INSERT_SPEAKER, self.speaker_rows)
        self.speaker_rows = []

    def forget_batch(self, mapped: int) -> None:
        """What a batch that was not stored taught: the speakers it mapped (``mapped``: how
        many were mapped before it), the restatement index and registry (rebuilt from what
        is stored when next needed)."""
        for sid in list(self.mapping)[mapped:]:
            del self.mapping[sid]
        self.applied = set()
        self.speaker_rows = []
        self._restatements = None
        self._held = None
        self.pairs = None
        self._registry = None
        self._stored = {}

    def absolute(self, source_path: str) -> str:
        """A source path as ``add`` stores it: absolute (``Path.resolve``); a corpus row's
        identity kept. Each directory is resolved once; a file that is a link, whole."""
        base, sep, key = source_path.partition("#")
        directory, name = os.path.split(base)
        if not directory or name in ("", ".", "..") or os.path.islink(base):
            return f"{Path(base).resolve()}{sep}{key}"
        resolved = self._directories.get(directory)
        if resolved is None:
            resolved = self._directories[directory] = str(Path(directory).resolve())
        return f"{os.path.join(resolved, name)}{sep}{key}"

    def stored_speaker(self, speaker: dict) -> str | None:
        """The stored speaker a folder's speaker is, or None (new); ``known``: the stored
        ones among those of the batch."""
        sid = speaker["id"]
        if sid in self.mapping:
            return self.mapping[sid]
        found: str | None = None
        if sid in self.known:
            found = sid
        elif self.speakers_before:
            resolved = self.registry.resolve(speaker["name"], doc_id=f"\x00folder {sid}")
            found = self._stored.get(resolved.id)
        self.mapping[sid] = found
        return found


def _store(
    state: _State,
    batch: list[tuple[dict, list[tuple]]],
    speakers: SpeakerRows,
    report: IngestReport,
) -> None:
    """Store a batch of documents in one transaction."""
    conn = state.conn
    sources = [state.absolute(d["source_path"]) if d.get("source_path") else None for d, _ in batch]
    stored = _found(conn, "SELECT id FROM documents WHERE id IN ({})", [d["id"] for d, _ in batch])
    versions = _found(
        conn, "SELECT source_path FROM documents WHERE source_path IN ({})", filter(None, sources)
    )
    new = []
    seen: set[str] = set()
    again = []  # the same text twice in the batch: the later one is unchanged, as add has it
    for (document, statements), source in zip(batch, sources, strict=True):
        if document["id"] in seen:
            again.append(document)
            continue
        if document["id"] not in state.folder_documents and (
            document["id"] in stored or source in versions
        ):
            state.leave_pairs()  # a document not stored in folder order
        if document["id"] in stored:
            report.unchanged += 1
            report.metadata_updated += _metadata_again(state, document)
            continue
        if source in versions:
            report.failed.append(
                (
                    document["source_path"],
                    "a new version of a document in the workspace: add it with argmap add, "
                    "which carries its annotations over",
                )
            )
            continue
        distinct = _distinct(statements)
        report.duplicates += len(statements) - len(distinct)
        new.append((document, source, distinct))
        seen.add(document["id"])
        state.folder_documents.add(document["id"])
    if new:
        suggestions = _suggestions(state, [(d, found) for d, _, found in new])
        named = speakers.rows({s[SPEAKER_ID] for _, _, found in new for s in found} - {None})
        mapped = len(state.mapping)
        try:
            restated, rows, suggested = _write(state, new, suggestions, named)
        except BaseException:
            state.forget_batch(mapped)
            raise
        report.added += len(new)
        report.statements += len(rows)
        report.suggestions += len(suggested)
        report.new_speakers += state.new_speakers
        report.restatements += restated
    for document in again:
        report.unchanged += 1
        report.metadata_updated += _metadata_again(state, document)


def _write(
    state: _State,
    new: list[tuple[dict, str | None, list[tuple]]],
    suggestions: list[list | None],
    named: dict[str, dict],
) -> tuple[int, list[tuple], list[tuple]]:
    """A batch's documents in one transaction: (restatements offered, statement rows,
    suggestion rows)."""
    conn = state.conn
    with state.workspace.transaction():
        pairs = state.pairs
        index = state.restatements if pairs is None else None  # (stored before this batch)
        state.known = _found(conn, "SELECT id FROM speakers WHERE id IN ({})", named)
        state.new_speakers = 0
        rows: list[tuple] = []
        suggested: list[tuple] = []
        seqs = _insert_documents(state, new)
        for (document, _, statements), found in zip(new, suggestions, strict=True):
            _insert(
                state, document, seqs[document["id"]], statements, found, named, rows, suggested
            )
        state.insert_speakers()
        backend = state.workspace.backend
        backend.insert_rows(conn, INSERT_STATEMENT, rows)
        backend.insert_rows(conn, INSERT_SUGGESTION, suggested)
        items = [(s[ID], d["id"], s[TEXT]) for d, _, statements in new for s in statements]
        if index is not None:
            found = index.match(items)
        else:  # the folder's own, read: in the order matching finds them
            assert pairs is not None and state._held is not None
            found = [pair for item in items for pair in pairs.get(item[0], ())]
            state._held += items
        restated = offer_restatements(conn, found)
    return restated, rows, suggested


def _found(conn, query: str, values: Iterable[str]) -> set[str]:
    """The ``values`` a query ``... IN ({})`` finds (asked ``CHUNK`` at a time)."""
    values = list(values)
    found: set[str] = set()
    for at in range(0, len(values), CHUNK):
        chunk = values[at : at + CHUNK]
        rows = conn.execute(query.format(", ".join("?" * len(chunk))), chunk).fetchall()
        found.update(row[0] for row in rows)
    return found


def _insert_documents(
    state: _State, new: list[tuple[dict, str | None, list[tuple]]]
) -> dict[str, int]:
    """A batch's documents inserted (as many a statement as the backend takes: one a document
    was a statement and a fetch each, 0.02 s for PolNeAR train's 800): their seq by id."""
    conn = state.conn
    before = conn.execute("SELECT coalesce(max(seq), 0) FROM documents").fetchone()[0]
    rows = [(d["id"], d["name"], source, d["text"], now()) for d, source, _ in new]
    state.workspace.backend.insert_rows(conn, INSERT_DOCUMENT, rows)
    return dict(conn.execute("SELECT id, seq FROM documents WHERE seq > ?", (before,)).fetchall())


def _insert(
    state: _State,
    document: dict,
    seq: int,
    statements: list[tuple],
    suggestions: list | None,
    speakers: dict[str, dict],
    rows: list[tuple],
    suggested: list[tuple],
) -> None:
    """Store a document's metadata and new speakers (the document stored, as ``seq``), and
    log it; its statements' rows and their suggestions' rows added to ``rows`` and
    ``suggested`` (inserted by the caller once per batch, after every document of it)."""
    from argmap.stance import uncertainty  # suggestion_uncertainty's: bound once a document

    conn = state.conn
    metadata = _metadata(document)
    if _holds(metadata):  # (a new document has no row to remove)
        write_metadata(conn, document["id"], metadata)
    ids: dict[str, str | None] = {}  # folder speaker id -> stored id, for this document
    learned = []
    for statement in statements:
        sid = statement[SPEAKER_ID]
        if sid is None or sid in ids:
            continue
        speaker = speakers.get(sid)
        if speaker is None:
            raise ReadError(
                document.get("source_path") or document["name"],
                f"speaker {sid} is not in the folder",
            )
        if state.not_speakers and state.registry.is_not_a_speaker(speaker["name"]):
            ids[sid] = None  # an analyst said this name is no speaker
            continue
        stored = state.stored_speaker(speaker)
        if stored is None:
            state.speaker_rows.append(
                (
                    sid,
                    speaker["name"],
                    speaker["kind"],
                    speaker["role"],
                    speaker["affiliation"],
                    json.dumps(_aliases(speaker)),
                )
            )
            state.mapping[sid] = stored = sid
            state.applied.add(sid)
            state.new_speakers += 1
        elif stored not in state.edited and sid not in state.applied:
            added = _learn(conn, stored, speaker)
            state.applied.add(sid)  # learning from the same row again adds nothing
            if added:
                learned.append(added)
        ids[sid] = stored
    doubts = [uncertainty(g) for g in suggestions] if suggestions else None
    for index, s in enumerate(statements):
        g = suggestions[index] if suggestions else None
        labelled = (
            (g.label, "suggestion", ReviewState.SUGGESTED.value, g.score, doubts[index])
            if g is not None and doubts is not None
            else (None, None, ReviewState.UNLABELLED.value, None, None)
        )
        # INSERT_STATEMENT's values: the statement's columns (in its order), with the
        # document's seq after its id, the parts as JSON and the speaker as stored
        rows.append(
            (
                *s[:START],
                seq,
                *s[START:PARTS],
                json.dumps([list(part) for part in s[PARTS]]) if s[PARTS] else "[]",
                *s[PARTS + 1 : SPEAKER_ID],
                ids.get(s[SPEAKER_ID]) if s[SPEAKER_ID] else None,
                *s[SPEAKER_ID + 1 : SUGGESTION],
                *labelled,
            )
        )
    if suggestions and doubts is not None:
        suggested += [
            (s[ID], g.label, g.score, d, _suggestion_json(state, s, g))
            for s, g, d in zip(statements, suggestions, doubts, strict=True)
        ]
    details: dict[str, Any] = {
        "document": document["id"],
        "name": document["name"],
        "statements": len(statements),
        "from": "statements",
    }
    if learned:
        details["speakers"] = learned
    state.workspace.log_event(
        conn,
        "add-document",
        f"added {document['name']} ({len(statements)} statements, extracted before)",
        details,
        state.actor,
    )


def _suggestions(state: _State, new: list[tuple[dict, list[tuple]]]) -> list[list | None]:
    """Each document's stance suggestions (None without a codebook): the folder's, when made
    with the workspace's codebook (``argmap extract --output --codebook``), else asked in one
    call."""
    if state.codebook is None:
        return [None] * len(new)
    if state.suggested and all(s[SUGGESTION] for _, statements in new for s in statements):
        # made by the same model's model_dump_json on a worker: read without validating
        if state.verbatim:  # stored as they are: only what the columns need is read
            return [[_Read(s[SUGGESTION]) for s in statements] or None for _, statements in new]
        from argmap.models import Suggestion

        return [
            [Suggestion.model_construct(**json.loads(s[SUGGESTION])) for s in statements] or None
            for _, statements in new
        ]
    texts, contexts, sizes = [], [], []
    for document, statements in new:
        text = document["text"]
        texts += [s[TEXT] for s in statements]
        contexts += [text[slice(*paragraph_around(text, s[START], s[END]))] for s in statements]
        sizes.append(len(statements))
    found = stance_suggestions(state.codebook, texts, contexts, state.model)
    if found is None:
        return [None] * len(new)
    out: list[list | None] = []
    at = 0
    for size in sizes:
        out.append(found[at : at + size] if size else None)
        at += size
    return out


class _Read:
    """A folder's suggestion (JSON made by ``Suggestion.model_dump_json``) read for what the
    statement's columns and ``suggestion_uncertainty`` use: label, score and scores."""

    __slots__ = ("label", "score", "scores")

    def __init__(self, data: str) -> None:
        # model_dump_json writes label, score and scores first: those three values are read
        # (the explanation and evidence after them are most of the text); else all of it
        try:
            if not data.startswith('{"label":'):
                raise ValueError(data)
            self.label, at = _decode(data, 9)
            if not data.startswith(',"score":', at):
                raise ValueError(data)
            self.score, at = _decode(data, at + 9)
            if not data.startswith(',"scores":', at):
                raise ValueError(data)
            self.scores = _decode(data, at + 10)[0]
        except ValueError:
            values = json.loads(data)
            self.label = values["label"]
            self.score = values["score"]
            self.scores = values.get("scores") or {}


_decode = json.JSONDecoder().raw_decode


def _suggestion_json(state: _State, statement: tuple, suggestion: Any) -> str:
    """A suggestion as the workspace stores it: the folder's JSON as it is, when it is used."""
    if state.suggested and state.verbatim and statement[SUGGESTION]:
        return str(statement[SUGGESTION])
    return str(suggestion.model_dump_json())


def _metadata_again(state: _State, document: dict) -> bool:
    """A stored document's metadata as the folder gives it now (``add`` reads it again: a
    field set by hand stays): whether it changed. One log entry."""
    values = _metadata(document)
    if not _holds(values):
        return False
    with state.workspace.transaction() as conn:
        stored = stored_metadata(conn, document["id"])
        name, source = conn.execute(
            "SELECT name, source_path FROM documents WHERE id = ?", (document["id"],)
        ).fetchone()
        given: str | None = document.get("source_path")
        same = given is not None and state.absolute(given) == source
        new = updated_metadata(stored, values, same_source=same)
        changed = [n for n in FIELDS if new.get(n) != (stored or {}).get(n)]
        if not changed:
            return False
        write_metadata(conn, document["id"], new)
        state.workspace.log_event(
            conn,
            "document-metadata",
            f"{name}: {', '.join(changed)} read again",
            {"document": document["id"], "before": stored, "after": new},
            state.actor,
        )
    return True


def _metadata(document: dict) -> dict[str, Any]:
    """A document row's metadata as the workspace stores it."""
    values: dict[str, Any] = {name: document.get(name) for name in METADATA_FIELDS}
    values["authors"] = json.dumps(list(values["authors"] or ()), ensure_ascii=False)
    return values


def _holds(metadata: dict[str, Any]) -> bool:
    """Whether ``_metadata``'s values hold anything."""
    return (
        any(v for name, v in metadata.items() if name != "authors") or metadata["authors"] != "[]"
    )


def _distinct(statements: list[tuple]) -> list[tuple]:
    """One statement per id (span), as ``add`` keeps them: of copies, the one with a speaker,
    then the more confident, then the first."""
    best: dict[str, tuple] = {}
    for statement in statements:
        held = best.get(statement[ID])
        if held is None or (
            (statement[SPEAKER_ID] is not None, statement[CONFIDENCE])
            > (held[SPEAKER_ID] is not None, held[CONFIDENCE])
        ):
            best[statement[ID]] = statement
    if len(best) == len(statements):
        return statements
    return [s for s in statements if best[s[ID]] is s]


def _aliases(speaker: dict) -> list[str]:
    """A folder speaker's other names, each once (as ``add`` gathers them document after
    document)."""
    return [a for a in dict.fromkeys(speaker["aliases"] or ()) if a != speaker["name"]]


def _learn(conn, stored_id: str, speaker: dict) -> dict | None:
    """New spellings, and a role or affiliation where none was known, added to a stored
    speaker; what was added, for the log (None: nothing)."""
    name, role, affiliation, aliases = conn.execute(
        "SELECT name, role, affiliation, aliases FROM speakers WHERE id = ?", (stored_id,)
    ).fetchone()
    aliases = json.loads(aliases)
    extra = [
        a
        for a in dict.fromkeys((speaker["name"], *(speaker["aliases"] or ())))
        if a != name and a not in aliases
    ]
    role = speaker["role"] if role is None and speaker["role"] else None
    affiliation = speaker["affiliation"] if affiliation is None and speaker["affiliation"] else None
    if not (extra or role or affiliation):
        return None
    conn.execute(
        "UPDATE speakers SET aliases = ?, role = coalesce(role, ?), "
        "affiliation = coalesce(affiliation, ?) WHERE id = ?",
        (json.dumps(aliases + extra), role, affiliation, stored_id),
    )
    added = {"speaker": stored_id, "aliases": extra, "role": role, "affiliation": affiliation}
    return {key: value for key, value in added.items() if value}


def _one_line(problem: Exception) -> str:
    return " ".join(str(problem).split()) or type(problem).__name__
