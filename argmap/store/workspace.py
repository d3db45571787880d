"""``Workspace``: the one API through which the CLI and the UI read and edit a debate's map."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.store.access import AccessPart
from argmap.store.argument import ArgumentPart
from argmap.store.core import WORKSPACE_FILE
from argmap.store.documents import DocumentsPart
from argmap.store.errors import EditError, WorkspaceError
from argmap.store.metadata import MetadataPart
from argmap.store.pg.url import is_server_target
from argmap.store.records import Status
from argmap.store.search import SearchPart
from argmap.store.speakers import SpeakersPart
from argmap.store.statements import StatementsPart
from argmap.store.suggest import SuggestionsPart, suggestions_available
from argmap.store.web import WebPart

if TYPE_CHECKING:  # imported where used: opening a workspace and its first screen need no pydantic
    from argmap.codebook import Codebook
    from argmap.speakers.aliases import AliasTable


class Workspace(
    DocumentsPart,
    MetadataPart,
    StatementsPart,
    SpeakersPart,
    ArgumentPart,
    SearchPart,
    SuggestionsPart,
    WebPart,
    AccessPart,
):
    """An open workspace file. Every edit method is one transaction and one edit-log entry."""

    @classmethod
    def init(
        cls, directory: str | os.PathLike[str] = ".", *, codebook: Codebook | None = None
    ) -> Workspace:
        """Create a workspace in ``directory`` (``argmap.sqlite``), or in the PostgreSQL
        database a connection string names, and open it."""
        if is_server_target(directory):
            return cls.create(
                str(directory), codebook_json=codebook.model_dump_json() if codebook else None
            )
        target = Path(directory)
        path = target if target.suffix == ".sqlite" else target / WORKSPACE_FILE
        return cls.create(path, codebook_json=codebook.model_dump_json() if codebook else None)

    # ------------------------------------------------------------------ codebook

    def set_codebook(self, codebook: Codebook, *, actor: str | None = None) -> None:
        """Use ``codebook`` from now on; refused when labels in use are missing from it."""
        used = {
            row[0]
            for row in self.conn.execute(
                "SELECT label FROM annotations "
                "UNION SELECT label FROM claims WHERE label IS NOT NULL"
            )
        }
        missing = sorted(used - set(codebook.label_ids))
        if missing:
            raise EditError(f"labels in use are not in the new codebook: {', '.join(missing)}")
        with self.edit("set-codebook", f"codebook {codebook.id}", actor) as changes:
            changes.touch("meta", "codebook")
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES ('codebook', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (codebook.model_dump_json(),),
            )

    # ------------------------------------------------------------------ alias table

    def set_alias_table(self, table: AliasTable, *, actor: str | None = None) -> None:
        """Keep ``table`` (an AliasTable) for every later ``add_documents``."""
        with self.edit(
            "set-aliases", f"alias table: {len(table.speakers)} speakers", actor
        ) as changes:
            changes.touch("meta", "aliases")
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES ('aliases', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (table.model_dump_json(by_alias=True),),
            )

    # ------------------------------------------------------------------ status

    def status(self) -> Status:
        """Counts for ``argmap status`` and the UI's status line."""
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        codebook = self.codebook_outline
        return Status(
            path=self.name,
            workspace_id=self.workspace_id,
            issue=codebook.issue if codebook else None,
            documents=one("SELECT count(*) FROM documents"),
            speakers=one("SELECT count(*) FROM speakers"),
            statements=self.count_statements(),
            review=dict(self.tally("review")),
            labels={k or "": v for k, v in self.tally("label")},
            annotators=dict(
                self.conn.execute(
                    "SELECT annotator, count(*) FROM annotations "
                    "GROUP BY annotator ORDER BY annotator"
                ).fetchall()
            ),
            claims=one("SELECT count(*) FROM claims"),
            relations={
                f"{k}/{s}": n
                for k, s, n in self.conn.execute(
                    "SELECT kind, status, count(*) FROM relations "
                    "GROUP BY kind, status ORDER BY kind, status"
                )
            },
            edits=one("SELECT count(*) FROM edits WHERE undoable = 1 AND state = 'done'"),
            suggestions_available=suggestions_available(),
        )


#: The largest workspace file (bytes) ``open_workspace`` checks for damage at once: about
#: 50 ms. A larger one (100,000 statements take 100 MB) is checked before its first write.
OPEN_CHECK_LIMIT = 32 * 2**20


def open_workspace(path: str | os.PathLike[str] | None = None) -> Workspace:
    """Open the workspace at ``path`` (a file or a directory), else the one found from the
    current directory, and check that its file is sound (``WorkspaceDamaged`` if not; a
    file over ``OPEN_CHECK_LIMIT`` is checked before its first write instead)."""
    from argmap.store.core import find_workspace

    if path is not None and is_server_target(path):
        return Workspace(path)  # the server keeps its own files sound: nothing to check here
    if path is not None:
        target = Path(path)
        if target.is_dir():
            target = target / WORKSPACE_FILE
        if not target.is_file():
            raise WorkspaceError(f"{path}: no argmap workspace (run `argmap init`)")
    else:
        target = find_workspace()
    workspace = Workspace(target)
    try:
        if target.stat().st_size <= OPEN_CHECK_LIMIT:
            workspace.check_integrity()
    except BaseException:
        workspace.close()
        raise
    return workspace
