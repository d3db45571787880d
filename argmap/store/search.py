"""Fuzzy search over statement texts (rapidfuzz), for the UI's search boxes."""

from __future__ import annotations

from argmap.store.base import WorkspaceBase
from argmap.store.records import StatementRow
from argmap.store.statements import StatementFilter


class SearchPart(WorkspaceBase):
    """``fuzzy_statements``: statements whose text is close to a query, best first."""

    _texts: tuple[object, list[str], list[str]] | None = None

    def fuzzy_statements(
        self,
        query: str,
        *,
        limit: int = 50,
        score_cutoff: float = 60.0,
        filter: StatementFilter | None = None,
    ) -> list[tuple[StatementRow, float]]:
        """Statements best matching ``query`` (rapidfuzz ``WRatio`` on the
        text and speaker name), with their score 0-100, best first; ``filter`` narrows
        them first. The texts are read once and kept until the workspace changes."""
        if not query.strip():
            return []
        from rapidfuzz import (  # here, not at import: the UI's start does not need it
            fuzz,
            process,
            utils,
        )

        if filter is not None:
            where, params = filter.where()
            rows = self.conn.execute(
                "SELECT s.id, s.text || ' ' || coalesce(sp.name, '') FROM statements s "
                f"LEFT JOIN speakers sp ON sp.id = s.speaker_id{where}",
                params,
            ).fetchall()
            ids, texts = [r[0] for r in rows], [utils.default_process(r[1]) for r in rows]
        else:
            ids, texts = self._search_texts()
        found = process.extract(
            utils.default_process(query),
            texts,
            scorer=fuzz.WRatio,
            limit=limit,
            score_cutoff=score_cutoff,
            processor=None,
        )
        if not found:
            return []
        chosen = [(ids[index], score) for _, score, index in found]
        by_id = {
            r.id: r
            for r in self.statements(
                StatementFilter(ids=tuple(i for i, _ in chosen)), limit=len(chosen)
            )
        }
        return [(by_id[i], score) for i, score in chosen if i in by_id]

    def _search_texts(self) -> tuple[list[str], list[str]]:
        version = self.backend.change_marker(self.conn)
        if self._texts is None or self._texts[0] != version:
            from rapidfuzz import utils

            rows = self.conn.execute(
                "SELECT s.id, s.text || ' ' || coalesce(sp.name, '') FROM statements s "
                "LEFT JOIN speakers sp ON sp.id = s.speaker_id ORDER BY s.seq"
            ).fetchall()
            self._texts = (
                version,
                [r[0] for r in rows],
                [utils.default_process(r[1]) for r in rows],
            )
        return self._texts[1], self._texts[2]
