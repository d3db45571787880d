"""The sourcing view: which outlets quote which speakers, with which stance.

A table of the counts of ``argmap.store.sourcing`` (as ``argmap sourcing`` prints them):
speakers as rows (most quoted first), outlets as columns (most statements first), each cell
the number of the speaker's statements in that outlet with a small bar of their stance split
in the labels' colours. The line below gives the cell's counts per label; ``enter`` opens its
statements in the statements view.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Input, Label, Static

from argmap.store.errors import EditError
from argmap.store.sourcing import Sourcing, SourcingTotal, sourcing
from argmap.tui.label_style import plural
from argmap.tui.views.base import View

#: The speakers listed (most quoted first) and the outlets shown as columns (most statements
#: first); those without a speaker or an outlet are listed too.
MAX_SPEAKERS = 300
MAX_OUTLETS = 40
#: The width of a cell's stance bar.
BAR = 6
#: The fewest digits a cell's count is given (more when the workspace's total has more).
DIGITS = 4


def count_digits(total: int) -> int:
    """The digits a cell's count is given when no count exceeds ``total`` (at least ``DIGITS``);
    a cell is these, a space and the stance bar."""
    return max(DIGITS, len(str(total)))


class SourcingView(View):
    """Speakers by outlets: statement counts with their stance split."""

    TITLE = "Sourcing"
    DEFAULT_CSS = """
    SourcingView #sourcing-query { height: 3; }
    SourcingView #sourcing-head { height: 1; width: 1fr; background: $panel; }
    SourcingView #sourcing-table { height: 1fr; }
    SourcingView #sourcing-cell { height: 2; width: 1fr; padding: 0 1; }
    SourcingView #sourcing-info { height: 1; width: 1fr; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open",
            "Statements",
            tooltip="the statements of the speaker (and outlet) under the cursor",
            id="sourcing-statements",
        ),
        Binding(
            "h",
            "source",
            "People's labels",
            tooltip="count people's labels only, or the current stance",
            id="sourcing-source",
        ),
        Binding("slash", "search", "Filter", id="sourcing-filter"),
        Binding("escape", "leave_filter", "Table", show=False, id="sourcing-table"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.source = "any"
        self.query_text = ""
        self.data: Sourcing | None = None
        self.speakers: list[SourcingTotal] = []
        self.outlets: list[SourcingTotal] = []
        self.problem: str | None = None
        self.digits = DIGITS  # a count's width in a cell (``count_digits``)

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder="filter: outlet:NAME author:NAME since:DAY until:DAY stance:LABEL "
            "doc:NAME  — / to edit, enter to apply",
            id="sourcing-query",
        )
        yield Label("", id="sourcing-head")
        yield DataTable(id="sourcing-table", cursor_type="cell", zebra_stripes=True)
        yield Static("", id="sourcing-cell")
        yield Label(
            " arrows move · enter the statements · h people's labels only · / filter",
            id="sourcing-info",
        )

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def focus_default(self) -> None:
        self.table.focus()

    def refresh_data(self) -> None:
        from argmap.tui.views.statements import parse_query

        filter, words, problem = parse_query(self.workspace, self.query_text)
        if words:
            problem = "the sourcing filter takes terms only (outlet:, since:, stance: ...)"
        self.problem = problem
        try:
            self.data = sourcing(self.workspace, filter=filter, source=self.source)
        except EditError as refused:
            self.problem, self.data = str(refused), None
        speakers = list(self.data.speakers) if self.data else []
        named = [s for s in speakers if s.id is not None]
        # the most quoted, and the statements without a speaker however few
        self.speakers = named[:MAX_SPEAKERS] + [s for s in speakers if s.id is None]
        outlets = list(self.data.outlets) if self.data else []
        named_outlets = [o for o in outlets if o.id is not None]
        self.outlets = named_outlets[:MAX_OUTLETS] + [o for o in outlets if o.id is None]
        self._fill()

    def _fill(self) -> None:
        table = self.table
        keep = table.cursor_coordinate
        table.clear(columns=True)
        table.add_column("speaker", width=28)
        self.digits = count_digits(self.data.statements if self.data else 0)
        width = self.digits + 1 + BAR
        table.add_column("all", width=width)
        for outlet in self.outlets:
            name = outlet.name if len(outlet.name) <= 10 + BAR else outlet.name[: 9 + BAR] + "…"
            table.add_column(name, width=max(width, len(name)))
        data = self.data
        if data is not None:
            table.add_row(
                Text("all speakers", style="bold"),
                self._cell(_all(data)),
                *(self._cell(outlet) for outlet in self.outlets),
            )
            for speaker in self.speakers:
                name = speaker.name if len(speaker.name) <= 28 else speaker.name[:27] + "…"
                cells = []
                for outlet in self.outlets:
                    cell = data.cell(outlet.id, speaker.id)
                    cells.append(self._cell(cell.counts if cell else None))
                table.add_row(name, self._cell(speaker), *cells)
        if table.row_count:
            table.cursor_coordinate = table.validate_cursor_coordinate(keep)
        self.query_one("#sourcing-head", Label).update(self._heading())
        self._show_cell()

    def _cell(self, counts) -> Text:
        """A count with a bar of its stance split (``counts``: a total, a dict or None)."""
        if isinstance(counts, SourcingTotal):
            counts = counts.counts
        if not counts:
            return Text("")
        labels = self.argmap.labels
        total = sum(counts.values())
        text = Text(f"{total:>{self.digits}} ")
        order = [*(self.data.labels if self.data else ()), ""]
        filled = 0
        for index, label in enumerate(order):
            n = counts.get(label, 0)
            if not n:
                continue
            rest = sum(counts.get(x, 0) for x in order[index:])
            width = round(BAR * (filled + n) / total) - round(BAR * filled / total)
            if rest == n:  # the last segment fills the bar
                width = BAR - round(BAR * filled / total)
            filled += n
            text.append("█" * width, style=labels.colour(label or None))
        return text

    def _heading(self) -> Text:
        text = Text(" ")
        source = (
            "people's labels only" if self.source == "human" else "current stance (people's first)"
        )
        text.append(f"speakers by outlet · {source}", style="bold")
        data = self.data
        if data is not None:
            outlets = sum(o.id is not None for o in data.outlets)
            speakers = sum(s.id is not None for s in data.speakers)
            listed = sum(s.id is not None for s in self.speakers)
            columns = sum(o.id is not None for o in self.outlets)
            text.append(
                f" · {plural(data.statements, 'statement')}, {plural(outlets, 'outlet')}"
                + (f" ({columns} with most shown)" if columns < outlets else "")
                + f", {plural(speakers, 'speaker')}"
                + (f" ({listed} most quoted listed)" if listed < speakers else "")
            )
        if self.problem:
            text.append(f" · {self.problem}", style="bold red")
        return text

    def selected(self) -> tuple[SourcingTotal | None, SourcingTotal | None] | None:
        """(speaker, outlet) under the cursor, None for "all"; None when nothing is."""
        if self.data is None or not self.table.row_count:
            return None
        row, column = self.table.cursor_coordinate
        speaker = self.speakers[row - 1] if 1 <= row <= len(self.speakers) else None
        outlet = self.outlets[column - 2] if 2 <= column < len(self.outlets) + 2 else None
        return speaker, outlet

    def _show_cell(self) -> None:
        widget = self.query_one("#sourcing-cell", Static)
        chosen = self.selected()
        if chosen is None or self.data is None:
            widget.update(Text(" no statements"))
            return
        speaker, outlet = chosen
        if speaker is not None and outlet is not None:
            cell = self.data.cell(outlet.id, speaker.id)
            counts = cell.counts if cell else {}
        elif speaker is not None:
            counts = speaker.counts
        elif outlet is not None:
            counts = outlet.counts
        else:
            counts = _all(self.data)
        who = speaker.name if speaker else "every speaker"
        where = outlet.name if outlet else "every outlet"
        labels = self.argmap.labels
        total = sum(counts.values())
        text = Text.assemble(f" {who} in {where}: ", (plural(total, "statement"), "bold"), "  ")
        labelled = total - counts.get("", 0)
        for label in self.data.labels:
            n = counts.get(label, 0)
            text.append_text(labels.chip(label))
            text.append(f" {n}" + (f" {n / labelled:.0%}" if labelled else "") + "  ")
        if counts.get(""):
            text.append_text(labels.chip(None))
            text.append(f" {counts['']}")
        if outlet is not None and speaker is not None and total:
            text.append(f"\n {total / outlet.statements:.0%} of {outlet.name}'s statements", "dim")
        widget.update(text)

    @on(DataTable.CellHighlighted)
    def _highlighted(self, event: DataTable.CellHighlighted) -> None:
        event.stop()
        self._show_cell()

    def point_query(self) -> str | None:
        """The statements filter of the cell under the cursor; None when there is none."""
        chosen = self.selected()
        if chosen is None:
            return None
        speaker, outlet = chosen
        terms = [self.query_text] if self.query_text else []
        if outlet is not None:
            terms.append("outlet:" + ("=" + outlet.id.replace(" ", "_") if outlet.id else "-"))
        if speaker is not None:
            terms.append(f"speaker:{speaker.id or '-'}")
        return " ".join(terms)

    async def action_open(self) -> None:
        query = self.point_query()
        if query is not None:
            await self.argmap.show_statements(query)

    @on(DataTable.CellSelected)
    async def _selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        await self.action_open()

    def action_source(self) -> None:
        self.source = "human" if self.source == "any" else "any"
        self.refresh_data()

    def action_search(self) -> None:
        self.query_one("#sourcing-query", Input).focus()

    def action_leave_filter(self) -> None:
        self.table.focus()

    @on(Input.Submitted, "#sourcing-query")
    def _submitted(self, event: Input.Submitted) -> None:
        self.query_text = event.value.strip()
        self.refresh_data()
        self.table.focus()


def _all(data: Sourcing) -> dict[str, int]:
    """Every statement's counts per label."""
    counts: dict[str, int] = {}
    for outlet in data.outlets:
        for label, n in outlet.counts.items():
            counts[label] = counts.get(label, 0) + n
    return counts
