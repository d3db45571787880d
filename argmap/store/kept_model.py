"""Where a workspace keeps its learned stance model, and reading and writing it there.

A model is saved as two texts (``argmap.stance.learned``: ``meta.json`` and the labelled
statements as ``labels.jsonl``) and refitted when loaded. A workspace file keeps them in the
folder ``argmap-model`` beside it (``ModelInFolder``); a workspace on PostgreSQL keeps them in
its database (the one row of ``learned_model``, ``ModelInDatabase``), so every analyst of the
workspace, on any machine, suggests with the model one of them trained, and nothing is written
on theirs. Both places read, write and load a model the same way, so their callers never ask
which place they hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.codebook import Codebook
    from argmap.stance.learned import LearnedModel
    from argmap.store.backend import Connection

#: The files of a saved model in its folder.
META_FILE = "meta.json"
LABELS_FILE = "labels.jsonl"


@dataclass(frozen=True)
class SavedModel:
    """A learned model as saved: ``meta.json``'s text and ``labels.jsonl``'s (and, from a
    database, who trained it and when)."""

    meta: str
    labels: str
    trained_by: str = ""
    trained_at: str = ""


class ModelInDatabase:
    """The learned model of a workspace on PostgreSQL: the row of ``learned_model``, read and
    written through the workspace's connection."""

    def __init__(self, conn: Connection, name: str) -> None:
        self.conn = conn
        self.name = name

    def __str__(self) -> str:
        return f"the workspace's database ({self.name})"

    def read(self) -> SavedModel | None:
        """The model saved, or None."""
        row = self.conn.execute(
            "SELECT meta, labels, trained_by, trained_at FROM learned_model WHERE one = 1"
        ).fetchone()
        return None if row is None else SavedModel(*row)

    def write(self, conn: Connection, saved: SavedModel, actor: str, when: str) -> None:
        """Save ``saved`` in the caller's transaction on ``conn`` (replacing the one there),
        trained by ``actor`` at ``when`` unless ``saved`` says who and when."""
        conn.execute(
            "INSERT INTO learned_model (one, meta, labels, trained_by, trained_at) "
            "VALUES (1, ?, ?, ?, ?) ON CONFLICT (one) DO UPDATE SET meta = excluded.meta, "
            "labels = excluded.labels, trained_by = excluded.trained_by, "
            "trained_at = excluded.trained_at",
            (saved.meta, saved.labels, saved.trained_by or actor, saved.trained_at or when),
        )

    def load(self, codebook: Codebook) -> LearnedModel | None:
        """The model saved, refitted for ``codebook``, or None; ``StanceTrainingError`` when
        it cannot be used."""
        from argmap.stance.learned import stance_model_from_text

        saved = self.read()
        if saved is None:
            return None
        return stance_model_from_text(saved.meta, saved.labels, codebook, str(self))


class ModelInFolder:
    """The learned model of a workspace file: ``meta.json`` and ``labels.jsonl`` in a folder
    beside it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __str__(self) -> str:
        return str(self.folder)

    def read(self) -> SavedModel | None:
        """The model saved, or None."""
        return read_folder(self.folder)

    def write(self, conn: Connection, saved: SavedModel, actor: str, when: str) -> None:
        """Save ``saved`` in the folder (the workspace's transaction on ``conn`` has no part
        in it; who trained it and when are not kept in a folder)."""
        write_folder(self.folder, saved)

    def load(self, codebook: Codebook) -> LearnedModel | None:
        """The model saved, refitted for ``codebook``, or None; ``StanceTrainingError`` (naming
        the file) when it cannot be used."""
        from argmap.stance.learned import load_stance_model

        if not (self.folder / META_FILE).is_file():
            return None
        return load_stance_model(self.folder, codebook)


#: Where a workspace's learned model is kept.
ModelPlace = ModelInDatabase | ModelInFolder


def read_folder(folder: Path) -> SavedModel | None:
    """The model saved in ``folder``, or None when it holds none."""
    if not (folder / META_FILE).is_file():
        return None
    return SavedModel(
        (folder / META_FILE).read_text(encoding="utf-8"),
        (folder / LABELS_FILE).read_text(encoding="utf-8"),
    )


def write_folder(folder: Path, saved: SavedModel) -> None:
    """Save ``saved`` in ``folder`` (made if needed), the labels first."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / LABELS_FILE).write_text(saved.labels, encoding="utf-8")
    (folder / META_FILE).write_text(saved.meta, encoding="utf-8")
