"""Stance over time: statements counted per week or month and stance label, split by outlet,
speaker or position. Read-only; the database groups, Python only names and orders.

- **When**: a statement's time is its document's publication day, in the outlet's own zone
  (``published`` is ISO 8601 text, so ``substr(published, 1, 7)`` is its month and its first
  ten characters its day). Weeks are ISO weeks, Monday to Sunday, named ``2016-W37``. A
  statement whose document has no date is never put on a day: it is counted apart
  (``Timeline.undated``, and each group's ``undated``).
- **Which label**: the current stance (a person's label, adjudicated or not, over the
  suggestion); with ``source="human"`` only people's labels (``label_source`` human or
  adjudicated) count and a statement with only a suggestion counts as without a label.
  Shares are of the statements with a label at that point.
- **Groups**: ``by="outlet"`` (the document's outlet; None for documents without one),
  ``"speaker"`` (speaker id; None for unattributed statements), ``"position"`` (the position
  each statement bears on through its links, ``argmap.store.positions``; None for statements
  bearing on none, and a statement bearing on several is counted under each:
  ``Timeline.several`` says how many), ``"label"`` (the label itself, in the codebook's order;
  None for no label: one series per label, whose share is of the period's labelled
  statements), or None (one group of every statement).
- **Empty periods**: ``Timeline.periods`` holds every week or month from the first dated
  statement to the last, those without any statement too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from argmap.store.errors import EditError
from argmap.store.positions import POSITIONS_SQL

if TYPE_CHECKING:
    from argmap.store.statements import StatementFilter

EVERY = ("week", "month")
BY = ("outlet", "speaker", "position", "label")
SOURCES = ("any", "human")

#: The current label under each source (statements aliased ``s``): "" for no label.
LABEL_SQL = {
    "any": "coalesce(s.label, '')",
    "human": "CASE WHEN s.label_source IN ('human', 'adjudicated') THEN s.label ELSE '' END",
}

#: A document's publication day (``document_metadata`` aliased ``m``), NULL when it has none
#: or it is not a day.
DAY_SQL = "date(substr(m.published, 1, 10))"

#: The first day of the period a day falls in (the Monday of its ISO week; the 1st of its
#: month), from ``DAY_SQL``.
PERIOD_START_SQL = {
    "week": f"date({DAY_SQL}, '-6 days', 'weekday 1')",
    "month": f"date({DAY_SQL}, 'start of month')",
}

#: Names of the groups that have no outlet, speaker or position, and of the one group of a
#: timeline not split.
NONE_NAMES = {
    "outlet": "(no outlet)",
    "speaker": "(no speaker)",
    "position": "(no position)",
    "label": "(no label)",
    None: "all statements",
}


@dataclass(frozen=True, slots=True)
class Period:
    """A week or a month."""

    key: str  # '2016-W37' (ISO week) or '2016-09'
    start: str  # its first day, YYYY-MM-DD
    end: str  # its last day


@dataclass(frozen=True, slots=True)
class TimelineGroup:
    """One outlet, speaker or position (or everything) with its statement counts."""

    id: str | None  # outlet name, speaker id or position (claim) id; None: none of them
    name: str
    statements: int  # on a day: counted in the timeline
    undated: int  # of documents without a date: counted apart


@dataclass(frozen=True)
class Timeline:
    """Statement counts per period, group and label (see the module's docstring)."""

    every: str
    by: str | None
    source: str
    labels: tuple[str, ...]  # the codebook's label ids in order, then others found
    periods: tuple[Period, ...]  # every period from the first dated statement to the last
    groups: tuple[TimelineGroup, ...]  # most statements first; the group None last
    statements: int  # statements the filter keeps (each once)
    undated: int  # of those, statements of documents without a date
    several: int  # statements counted under several groups (by position only)
    left_out: tuple[TimelineGroup, ...] = ()  # groups past ``top``
    _counts: dict[tuple[str, str | None], dict[str, int]] = field(default_factory=dict)
    _undated: dict[str | None, dict[str, int]] = field(default_factory=dict)
    # labelled statements per period (None: undated), every group
    _labelled: dict[str | None, int] = field(default_factory=dict)

    def counts(self, period: str, group: str | None = None) -> dict[str, int]:
        """Statements per label ("" for none) in ``period`` (a key) and ``group`` (an id); only
        labels with statements."""
        return dict(self._counts.get((period, group), {}))

    def undated_counts(self, group: str | None = None) -> dict[str, int]:
        """Statements per label ("" for none) of documents without a date, in ``group``."""
        return dict(self._undated.get(group, {}))

    def total(self, period: str, group: str | None = None) -> int:
        """Statements in ``period`` and ``group``."""
        return sum(self._counts.get((period, group), {}).values())

    def share(self, period: str | None, group: str | None, label: str) -> float | None:
        """The share of ``label`` among the statements with a label in ``period`` (a key;
        None: of documents without a date) and ``group`` (split by label: among the period's
        labelled statements); None when none has a label."""
        if period is None:
            counts = self._undated.get(group, {})
        else:
            counts = self._counts.get((period, group), {})
        if self.by == "label":
            labelled = self._labelled.get(period, 0)
        else:
            labelled = sum(n for lab, n in counts.items() if lab)
        return counts.get(label, 0) / labelled if labelled else None

    def group(self, group_id: str | None) -> TimelineGroup:
        """The group with ``group_id``; ``KeyError`` when it is not shown."""
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    def rows(self) -> Iterable[tuple[Period, TimelineGroup, dict[str, int]]]:
        """(period, group, counts per label) for every period and shown group with statements,
        in time order, then group order."""
        for period in self.periods:
            for group in self.groups:
                counts = self._counts.get((period.key, group.id))
                if counts:
                    yield period, group, dict(counts)


def period_of(day: date, every: str) -> Period:
    """The week (ISO) or month ``day`` falls in."""
    if every == "week":
        start = day - timedelta(days=day.weekday())
        year, week, _ = start.isocalendar()
        return Period(f"{year}-W{week:02d}", start.isoformat(), (start + timedelta(6)).isoformat())
    start = day.replace(day=1)
    following = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return Period(start.isoformat()[:7], start.isoformat(), (following - timedelta(1)).isoformat())


def periods_between(first: date, last: date, every: str) -> list[Period]:
    """Every week or month from the one holding ``first`` to the one holding ``last``."""
    out = []
    period = period_of(first, every)
    while period.start <= last.isoformat():
        out.append(period)
        period = period_of(date.fromisoformat(period.end) + timedelta(1), every)
    return out


def check_choices(every: str | None, by: str | None, source: str) -> None:
    """``EditError`` naming what is expected, for an unknown period, group or source."""
    if every is not None and every not in EVERY:
        raise EditError(f"unknown period {every!r} (expected {', '.join(EVERY)})")
    if by is not None and by not in BY:
        raise EditError(f"cannot split by {by!r} (expected {', '.join(BY)})")
    if source not in SOURCES:
        raise EditError(f"unknown label source {source!r} (expected {', '.join(SOURCES)})")


def label_order(workspace, found: Iterable[str]) -> tuple[str, ...]:
    """The codebook's label ids in its order, then other labels found, sorted ("" left out)."""
    outline = workspace.codebook_outline
    ids = list(outline.label_ids) if outline else []
    return (*ids, *sorted({label for label in found if label and label not in ids}))


def timeline(
    workspace,
    *,
    every: str = "month",
    by: str | None = None,
    filter: StatementFilter | None = None,
    source: str = "any",
    top: int = 0,
) -> Timeline:
    """Statements kept by ``filter`` counted per ``every`` (week or month), group (``by``:
    outlet, speaker, position, label or None) and current label (``source``: any or human);
    ``top`` keeps the groups with most statements (0: all; split by label, the codebook's first
    labels) and the group None however small (no outlet, speaker, position or label: what an
    analyst must see to trust the rest). ``EditError`` for an unknown choice."""
    check_choices(every, by, source)
    where, params = filter.where() if filter is not None else ("", [])
    group_sql = {
        "outlet": "m.outlet",
        "speaker": "s.speaker_id",
        "position": "pos.position",
        "label": f"nullif({LABEL_SQL[source]}, '')",
        None: "NULL",
    }[by]
    joins = " LEFT JOIN document_metadata m ON m.document = s.document"
    if by == "position":
        joins += f" LEFT JOIN ({POSITIONS_SQL}) pos ON pos.statement = s.id"
    conn = workspace.conn
    rows = conn.execute(
        f"SELECT {PERIOD_START_SQL[every]} AS period, {group_sql} AS grp, "
        f"{LABEL_SQL[source]} AS stance, count(*) FROM statements s{joins}{where} "
        "GROUP BY 1, 2, 3",  # by position: an alias may be read as a column
        params,
    ).fetchall()
    statements = conn.execute(f"SELECT count(*) FROM statements s{where}", params).fetchone()[0]
    undated = conn.execute(
        "SELECT count(*) FROM statements s LEFT JOIN document_metadata m "
        f"ON m.document = s.document{where}{' AND' if where else ' WHERE'} {DAY_SQL} IS NULL",
        params,
    ).fetchone()[0]
    several = 0
    if by == "position":
        several = conn.execute(
            f"SELECT count(*) FROM (SELECT pos.statement FROM ({POSITIONS_SQL}) pos "
            f"JOIN statements s ON s.id = pos.statement{where} "
            "GROUP BY pos.statement HAVING count(*) > 1) several",  # (PostgreSQL: a name)
            params,
        ).fetchone()[0]

    counts: dict[tuple[str, str | None], dict[str, int]] = {}
    undated_cells: dict[str | None, dict[str, int]] = {}
    labelled: dict[str | None, int] = {}
    dated: dict[str | None, int] = {}
    apart: dict[str | None, int] = {}
    days: set[str] = set()
    for start, group, label, n in rows:
        if start is None:
            apart[group] = apart.get(group, 0) + n
            cell = undated_cells.setdefault(group, {})
            cell[label] = cell.get(label, 0) + n
            if label:
                labelled[None] = labelled.get(None, 0) + n
            continue
        days.add(start)
        dated[group] = dated.get(group, 0) + n
        key = period_of(date.fromisoformat(start), every).key
        cell = counts.setdefault((key, group), {})
        cell[label] = cell.get(label, 0) + n
        if label:
            labelled[key] = labelled.get(key, 0) + n
    periods = (
        periods_between(date.fromisoformat(min(days)), date.fromisoformat(max(days)), every)
        if days
        else []
    )
    labels = label_order(workspace, (label for _, _, label, _ in rows))
    names = group_names(workspace, by, set(dated) | set(apart))
    groups = sorted(
        (
            TimelineGroup(g, names[g], dated.get(g, 0), apart.get(g, 0))
            for g in set(dated) | set(apart)
        ),
        key=lambda g: (
            g.id is None,
            labels.index(g.id) if by == "label" and g.id is not None else 0,
            -g.statements,
            -g.undated,
            g.name.casefold(),
            g.id or "",
        ),
    )
    shown, left_out = (groups[:top], groups[top:]) if top else (groups, [])
    if left_out and left_out[-1].id is None:  # the group None sorts last
        shown, left_out = [*shown, left_out[-1]], left_out[:-1]
    kept = {g.id for g in shown}
    return Timeline(
        every=every,
        by=by,
        source=source,
        labels=labels,
        periods=tuple(periods),
        groups=tuple(shown),
        statements=statements,
        undated=undated,
        several=several,
        left_out=tuple(left_out),
        _counts={key: cell for key, cell in counts.items() if key[1] in kept},
        _undated={group: cell for group, cell in undated_cells.items() if group in kept},
        _labelled=labelled,
    )


def group_names(workspace, by: str | None, ids: Iterable[str | None]) -> dict[str | None, str]:
    """The names of groups: an outlet's own, a speaker's name, a position's text, a label's
    name in the codebook."""
    ids = set(ids)
    names: dict[str | None, str] = {None: NONE_NAMES[by]}
    wanted = sorted(i for i in ids if i is not None)
    if by == "outlet":
        names.update({i: i for i in wanted})
    elif by == "label":
        outline = workspace.codebook_outline
        known = {label.id: label.name for label in outline.labels} if outline else {}
        names.update({i: known.get(i, i) for i in wanted})
    elif by in ("speaker", "position") and wanted:
        table = "speakers" if by == "speaker" else "claims"
        column = "name" if by == "speaker" else "text"
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            names.update(
                workspace.conn.execute(
                    f"SELECT id, {column} FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})",
                    chunk,
                ).fetchall()
            )
    return {i: names.get(i, i or NONE_NAMES[by]) for i in ids}
