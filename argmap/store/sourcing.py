"""Sourcing: which outlets quote which speakers, with which stance. Read-only; the database
counts statements per outlet, speaker and current label, Python orders and names them.

Each statement counts once, under its document's outlet (None: a document without one) and its
speaker (None: unattributed), with its current label (``source="human"``: people's labels only,
as in ``argmap.store.timeline``). A document is its text: an identical text printed by several
outlets (a wire story run unchanged) is one document with one outlet, so its statements count
once, for the outlet its metadata names; copies that differ by a word are documents of their
own and count for each outlet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from argmap.store.timeline import LABEL_SQL, check_choices, group_names, label_order

if TYPE_CHECKING:
    from argmap.store.statements import StatementFilter


@dataclass(frozen=True, slots=True)
class SourcingCell:
    """The statements of one speaker in one outlet, per label ("" for none)."""

    outlet: str | None
    speaker_id: str | None
    speaker: str  # the speaker's name, or '(no speaker)'
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def statements(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class SourcingTotal:
    """An outlet's or a speaker's statements over all the others, per label."""

    id: str | None  # outlet name or speaker id; None: no outlet, no speaker
    name: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def statements(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Sourcing:
    """Statement counts per outlet and speaker (see the module's docstring)."""

    source: str
    labels: tuple[str, ...]  # the codebook's label ids in order, then others found
    cells: tuple[SourcingCell, ...]  # every (outlet, speaker) pair with statements
    outlets: tuple[SourcingTotal, ...]  # most statements first; no outlet last
    speakers: tuple[SourcingTotal, ...]  # most statements first; no speaker last

    @property
    def statements(self) -> int:
        return sum(c.statements for c in self.cells)

    def cell(self, outlet: str | None, speaker_id: str | None) -> SourcingCell | None:
        """The statements of ``speaker_id`` in ``outlet``, or None when there are none."""
        return self._index.get((outlet, speaker_id))

    @cached_property
    def _index(self) -> dict[tuple[str | None, str | None], SourcingCell]:
        return {(c.outlet, c.speaker_id): c for c in self.cells}

    @cached_property
    def _by_outlet(self) -> dict[str | None, list[SourcingCell]]:
        found: dict[str | None, list[SourcingCell]] = {}
        for cell in self.cells:
            found.setdefault(cell.outlet, []).append(cell)
        for cells in found.values():
            cells.sort(key=lambda c: (c.speaker_id is None, -c.statements, c.speaker.casefold()))
        return found

    @cached_property
    def _by_speaker(self) -> dict[str | None, list[SourcingCell]]:
        found: dict[str | None, list[SourcingCell]] = {}
        for cell in self.cells:
            found.setdefault(cell.speaker_id, []).append(cell)
        for cells in found.values():
            cells.sort(key=lambda c: (c.outlet is None, -c.statements, (c.outlet or "").casefold()))
        return found

    def of_outlet(self, outlet: str | None, top: int = 0) -> list[SourcingCell]:
        """The speakers an outlet quotes, most statements first (``top``: that many, and the
        outlet's statements without a speaker however few, last)."""
        return _top(self._by_outlet.get(outlet, []), top, lambda c: c.speaker_id is None)

    def top_speakers(self, top: int = 0) -> list[SourcingTotal]:
        """The speakers quoted most (``top``: that many, and the statements without a speaker
        however few, last)."""
        return _top(list(self.speakers), top, lambda t: t.id is None)

    def of_speaker(self, speaker_id: str | None, top: int = 0) -> list[SourcingCell]:
        """The outlets quoting a speaker, most statements first (``top``: that many)."""
        found = self._by_speaker.get(speaker_id, [])
        return found[:top] if top else list(found)


def _top(items: list, top: int, is_none) -> list:
    """The first ``top`` of ``items`` (0: all) and, when it is past them, the one item that
    ``is_none`` (it sorts last): as ``argmap.store.timeline``'s ``top``, the statements without
    a speaker are never out of sight."""
    if not top or len(items) <= top:
        return list(items)
    return items[:top] + [item for item in items[top:] if is_none(item)]


def sourcing(workspace, *, filter: StatementFilter | None = None, source: str = "any") -> Sourcing:
    """Statements kept by ``filter`` counted per outlet, speaker and current label
    (``source``: any or human). ``EditError`` for an unknown source."""
    check_choices(None, None, source)
    where, params = filter.where() if filter is not None else ("", [])
    rows = workspace.conn.execute(
        f"SELECT m.outlet, s.speaker_id, {LABEL_SQL[source]} AS stance, count(*) "
        f"FROM statements s LEFT JOIN document_metadata m ON m.document = s.document{where} "
        "GROUP BY 1, 2, 3",
        params,
    ).fetchall()
    names = group_names(workspace, "speaker", {speaker for _, speaker, _, _ in rows})
    cells: dict[tuple[str | None, str | None], dict[str, int]] = {}
    outlets: dict[str | None, dict[str, int]] = {}
    speakers: dict[str | None, dict[str, int]] = {}
    for outlet, speaker, label, n in rows:
        for counts in (
            cells.setdefault((outlet, speaker), {}),
            outlets.setdefault(outlet, {}),
            speakers.setdefault(speaker, {}),
        ):
            counts[label] = counts.get(label, 0) + n

    def totals(table, name_of) -> tuple[SourcingTotal, ...]:
        found = [SourcingTotal(key, name_of(key), counts) for key, counts in table.items()]
        found.sort(key=lambda t: (t.id is None, -t.statements, t.name.casefold(), t.id or ""))
        return tuple(found)

    return Sourcing(
        source=source,
        labels=label_order(workspace, (label for _, _, label, _ in rows)),
        cells=tuple(
            SourcingCell(outlet, speaker, names[speaker], counts)
            for (outlet, speaker), counts in cells.items()
        ),
        outlets=totals(outlets, lambda o: o if o is not None else "(no outlet)"),
        speakers=totals(speakers, lambda s: names[s]),
    )
