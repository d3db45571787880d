"""The one place the workspace asks for stance suggestions, and keeps its learned model.

``argmap.stance`` (the annotation model) is built in parallel; until it is
installed, ``stance_suggestions`` returns None and no suggestion is stored (the
status says so). Nothing here invents a suggestion. The learned model is kept where
``model_place`` says (``argmap.store.kept_model``): the folder beside a workspace file, or the
database of a workspace on PostgreSQL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.store.base import WorkspaceBase
from argmap.store.kept_model import ModelPlace, SavedModel

if TYPE_CHECKING:
    from argmap.codebook import Codebook
    from argmap.models import Suggestion


def suggestions_available() -> bool:
    """Whether the stance model package is installed."""
    from importlib.util import find_spec

    return find_spec("argmap.stance") is not None


def suggestion_uncertainty(suggestion: Suggestion) -> float:
    """How unsure a suggestion is (``argmap.stance.uncertainty``: 0 certain, 1 unsure)."""
    from argmap.stance import uncertainty

    return uncertainty(suggestion)


def load_model(codebook: Codebook | None, model_place: ModelPlace | None):
    """The learned model saved in ``model_place`` (a folder, or a workspace's database; None
    when there is none); ``EditError`` when it cannot be used (another codebook: refit it
    with ``argmap suggest --refit``)."""
    if codebook is None or model_place is None:
        return None
    from argmap.stance import StanceTrainingError
    from argmap.store.errors import EditError

    try:
        return model_place.load(codebook)
    except StanceTrainingError as problem:
        raise EditError(
            f"{problem} (argmap suggest --refit trains it again from the workspace)"
        ) from None


def stance_suggestions(
    codebook: Codebook | None, texts: list[str], contexts: list[str], model=None
) -> list[Suggestion] | None:
    """One suggestion per text (from ``model``, a learned model, when given), or None when
    there is no codebook or no stance model package."""
    if codebook is None or not texts or not suggestions_available():
        return None
    from argmap.stance import suggest_stances

    return suggest_stances(codebook, texts, contexts=contexts, model=model)


class SuggestionsPart(WorkspaceBase):
    """Storing suggestions: after the model is refitted, or from any other source."""

    def store_suggestions(
        self, suggestions: dict[str, Suggestion], *, actor: str | None = None
    ) -> int:
        """Replace the suggestions of the given statements (statement id -> Suggestion).

        One transaction and one edit-log entry that cannot be undone (suggestions are
        the model's, not an edit); labels and review states follow. Returns how many
        were stored; ids of statements no longer in the workspace are skipped.
        """
        from argmap.store.derived import refresh_labels

        with self.transaction() as conn:
            known = [
                sid
                for sid in suggestions
                if conn.execute("SELECT 1 FROM statements WHERE id = ?", (sid,)).fetchone()
            ]
            conn.executemany(
                "INSERT INTO suggestions (statement_id, label, score, uncertainty, data) "
                "VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (statement_id) DO UPDATE SET label = excluded.label, "
                "score = excluded.score, uncertainty = excluded.uncertainty, data = excluded.data",
                [
                    (
                        sid,
                        suggestions[sid].label,
                        suggestions[sid].score,
                        suggestion_uncertainty(suggestions[sid]),
                        suggestions[sid].model_dump_json(),
                    )
                    for sid in known
                ],
            )
            refresh_labels(conn, known)
            models = sorted({f"{s.model} {s.model_version}" for s in suggestions.values()})
            self.log_event(
                conn,
                "suggest",
                f"{len(known)} suggestions ({', '.join(models)})",
                {"statements": len(known)},
                actor,
            )
        return len(known)

    def resuggest(
        self, statement_ids: list[str] | None = None, *, batch: int = 2000, progress=None
    ) -> int:
        """Ask the stance model again for the statements' suggestions (all by default).

        Uses the learned model saved in ``model_place`` when there is one. Returns how many
        were stored (0 when ``argmap.stance`` is not installed or there is no codebook).
        ``progress(done, total)`` is called after each batch.
        """
        codebook = self.codebook
        model = load_model(codebook, self.model_place)
        ids = statement_ids or [
            row[0] for row in self.conn.execute("SELECT id FROM statements ORDER BY seq")
        ]
        stored = 0
        for start in range(0, len(ids), batch):
            chunk = ids[start : start + batch]
            texts, contexts = [], []
            for sid in chunk:
                texts.append(self.statement_row(sid).text)
                contexts.append(self.context(sid)[0])
            suggestions = stance_suggestions(codebook, texts, contexts, model)
            if suggestions is None:
                return stored
            stored += self.store_suggestions(dict(zip(chunk, suggestions, strict=True)))
            if progress is not None:
                progress(min(start + batch, len(ids)), len(ids))
        return stored

    def saved_model(self) -> SavedModel | None:
        """The learned model as saved where ``model_place`` says, or None."""
        return self.model_place.read()

    def keep_model(self, saved: SavedModel, *, actor: str | None = None) -> None:
        """Save a learned model where ``model_place`` says: in the database of a workspace on
        PostgreSQL (one transaction), else in the folder beside the file."""
        from argmap.store.core import default_actor, now

        with self.transaction() as conn:
            self.model_place.write(conn, saved, actor or default_actor(), now())

    def fit_model(self):
        """Fit the learned stance model on the statements people labelled (adjudications
        win), save it where ``model_place`` says (``keep_model``) and return it; ``EditError``
        when the labels cannot train one (e.g. a label with no example)."""
        from argmap.stance import StanceTrainingError, fit_stance_model
        from argmap.store.errors import EditError

        codebook = self.codebook
        if codebook is None:
            raise EditError("the workspace has no codebook (argmap codebook FILE sets one)")
        rows = self.conn.execute(
            "SELECT text, label FROM statements "
            "WHERE label_source IN ('human', 'adjudicated') ORDER BY seq"
        ).fetchall()
        try:
            model = fit_stance_model(codebook, [r[0] for r in rows], [r[1] for r in rows])
        except StanceTrainingError as problem:
            raise EditError(
                f"cannot train the stance model from {len(rows)} labelled statements: {problem}"
            ) from None
        self.keep_model(SavedModel(*model.saved_form()))
        return model
