"""The one place the workspace asks for stance suggestions.

``argmap.stance`` (the annotation model) is built in parallel; until it is
installed, ``stance_suggestions`` returns None and no suggestion is stored (the
status says so). Nothing here invents a suggestion.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from argmap.models import Suggestion

if TYPE_CHECKING:
    from argmap.codebook import Codebook


def suggestions_available() -> bool:
    """Whether the stance model package is installed."""
    from importlib.util import find_spec

    return find_spec("argmap.stance") is not None


def suggestion_uncertainty(suggestion: Suggestion) -> float:
    """How unsure a suggestion is (``argmap.stance.uncertainty``: 0 certain, 1 unsure)."""
    from argmap.stance import uncertainty

    return uncertainty(suggestion)


def stance_suggestions(
    codebook: Codebook | None, texts: list[str], contexts: list[str], model_dir: Path | None = None
) -> list[Suggestion] | None:
    """One suggestion per text, or None when there is no codebook or no stance model package."""
    if codebook is None or not texts:
        return None
    try:
        from argmap import stance
    except ImportError:
        return None
    model = None
    if model_dir is not None and model_dir.is_dir():
        model = stance.load_stance_model(model_dir, codebook)
    return stance.suggest_stances(codebook, texts, contexts=contexts, model=model)


class SuggestionsMixin:
    """Storing suggestions: after the model is refitted, or from any other source."""

    def store_suggestions(self, suggestions: dict[str, Suggestion], *, actor: str | None = None) -> int:
        """Replace the suggestions of the given statements (statement id -> Suggestion).

        One transaction and one edit-log entry that cannot be undone (suggestions are
        the model's, not an edit); labels and review states follow. Returns how many
        were stored; ids of statements no longer in the workspace are skipped.
        """
        from argmap.store.statements import refresh_labels

        with self.transaction() as conn:
            known = [sid for sid in suggestions if conn.execute("SELECT 1 FROM statements WHERE id = ?", (sid,)).fetchone()]
            conn.executemany(
                "INSERT INTO suggestions (statement_id, label, score, uncertainty, data) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (statement_id) DO UPDATE SET label = excluded.label, score = excluded.score, "
                "uncertainty = excluded.uncertainty, data = excluded.data",
                [(sid, suggestions[sid].label, suggestions[sid].score, suggestion_uncertainty(suggestions[sid]),
                  suggestions[sid].model_dump_json()) for sid in known],
            )
            refresh_labels(conn, known)
            models = sorted({f"{s.model} {s.model_version}" for s in suggestions.values()})
            self.log_event(conn, "suggest", f"{len(known)} suggestions ({', '.join(models)})", {"statements": len(known)}, actor)
        return len(known)

    def resuggest(self, statement_ids: list[str] | None = None, *, batch: int = 2000, progress=None) -> int:
        """Ask the stance model again for the statements' suggestions (all by default).

        Uses the learned model saved in ``model_dir`` when there is one. Returns how many
        were stored (0 when ``argmap.stance`` is not installed or there is no codebook).
        ``progress(done, total)`` is called after each batch.
        """
        ids = statement_ids or [row[0] for row in self.conn.execute("SELECT id FROM statements ORDER BY seq")]
        stored = 0
        for start in range(0, len(ids), batch):
            chunk = ids[start:start + batch]
            texts, contexts = [], []
            for sid in chunk:
                texts.append(self.statement_row(sid).text)
                contexts.append(self.context(sid)[0])
            suggestions = stance_suggestions(self.codebook, texts, contexts, self.model_dir)
            if suggestions is None:
                return stored
            stored += self.store_suggestions(dict(zip(chunk, suggestions)))
            if progress is not None:
                progress(min(start + batch, len(ids)), len(ids))
        return stored
