"""The timeline view: stance over time as a chart in the terminal (textual-plotext).

The counts are the store's (``argmap.store.timeline``, as ``argmap timeline`` prints them): for
the group picked in the list on the left (every statement, or one outlet, speaker or position),
one stacked bar per week or month in the labels' colours. ``left``/``right`` move the cursor
between time points and the line below the chart gives the counts there; ``enter`` opens the
statements behind the point in the statements view (its filter: the period's days and the
group).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult, RenderResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Label, Static
from textual_plotext import PlotextPlot

from argmap.store.errors import EditError
from argmap.store.timeline import Timeline, TimelineGroup, timeline
from argmap.tui.label_style import plural
from argmap.tui.views.base import View

#: What the ``g`` key cycles through: every statement together, then split by each.
SPLITS: tuple[str | None, ...] = (None, "outlet", "speaker", "position", "label")
#: The groups listed (most statements first); the chart shows one at a time.
MAX_GROUPS = 200
#: Terms of the statements filter the timeline's own filter takes (every term but free text).
FILTER_TERMS = ("outlet", "author", "since", "until", "speaker", "stance", "doc", "position")


#: A bar's width, of the space between two time points.
BAR_WIDTH = 0.6


def nice_ticks(top: float, count: int = 5) -> list[int]:
    """Round values from 0 to at least ``top`` for the y axis: steps of 1, 2 or 5 times a power
    of ten, about ``count`` of them."""
    raw = max(top, 1) / count
    magnitude = 10 ** max(0, len(str(int(raw))) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    last = -(-max(top, 1) // step) * step
    return list(range(0, int(last) + 1, int(step)))


def tick_indices(count: int, cursor: int, label_width: int, width: int) -> list[int]:
    """The periods to label on an axis ``width`` columns wide, labels ``label_width`` wide: one
    in every few and the cursor's, the others kept clear of it. Labels are two widths apart:
    plotext moves a label that has another within its width, in an order that changes from
    run to run (it dedups the ticks through a set)."""
    columns = max(1.0, (width - 10) / max(count, 1))  # about: the y axis and borders take 10
    step = max(1, math.ceil((2 * label_width + 2) / columns))
    return [i for i in range(count) if i == cursor or (i % step == 0 and abs(i - cursor) >= step)]


def rgb(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` as plotext's colour tuple."""
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


class TimelineChart(PlotextPlot):
    """A plotext chart drawn afresh at each render by ``paint`` (given the plot), at the size
    the widget has then: plotext keeps state between builds, so a figure built once and
    rendered again (after a resize, a second render) does not always come out the same."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.paint: Callable[[Any, int], None] | None = None  # (plot, width)

    def render(self) -> RenderResult:
        self.plt.clear_figure()
        if self.paint is not None:
            self.paint(self.plt, self.size.width)
        return super().render()


class GroupList(DataTable):
    """The groups of the timeline; moved by the view's keys, never focused itself."""

    can_focus = False


class TimelineView(View):
    """Statements per week or month and stance label, for all statements or one outlet, speaker
    or position."""

    TITLE = "Timeline"
    DEFAULT_CSS = """
    TimelineView #timeline-query { height: 3; }
    TimelineView #timeline-head { height: 1; width: 1fr; background: $panel; }
    TimelineView #timeline-body { height: 1fr; }
    TimelineView #timeline-groups { width: 42; height: 1fr; }
    TimelineView #timeline-chart { width: 1fr; height: 1fr; }
    TimelineView #timeline-point { height: 2; width: 1fr; padding: 0 1; }
    TimelineView #timeline-info { height: 1; width: 1fr; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "point(-1)", "Earlier", id="timeline-earlier"),
        Binding("right", "point(1)", "Later", id="timeline-later"),
        Binding("up", "group(-1)", "Group up", show=False, id="timeline-group-up"),
        Binding("down", "group(1)", "Group down", show=False, id="timeline-group-down"),
        Binding(
            "enter",
            "open",
            "Statements",
            tooltip="the statements behind the point, in the statements view",
            id="timeline-statements",
        ),
        Binding(
            "n",
            "undated",
            "No date",
            show=False,
            tooltip="the group's statements of documents without a date, in the statements view",
            id="timeline-undated",
        ),
        Binding(
            "g",
            "split",
            "Split",
            tooltip="split by outlet, speaker, position, label, or none",
            id="timeline-split",
        ),
        Binding("w", "every", "Week/month", tooltip="per week or per month", id="timeline-every"),
        Binding("v", "shares", "Counts/shares", tooltip="counts or shares", id="timeline-shares"),
        Binding(
            "h",
            "source",
            "People's labels",
            tooltip="count people's labels only, or the current stance",
            id="timeline-source",
        ),
        Binding("slash", "search", "Filter", id="timeline-filter"),
        Binding("escape", "leave_filter", "Chart", show=False, id="timeline-chart"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.every = "month"
        self.by: str | None = None
        self.source = "any"
        self.shares = False
        self.query_text = ""
        self.data: Timeline | None = None
        self.group_index = 0
        self.point = -1  # index into the periods; -1: the latest
        self.problem: str | None = None

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder="filter: outlet:NAME author:NAME since:DAY until:DAY speaker:NAME "
            "stance:LABEL doc:NAME position:CLAIM  — / to edit, enter to apply",
            id="timeline-query",
        )
        yield Label("", id="timeline-head")
        with Horizontal(id="timeline-body"):
            yield GroupList(id="timeline-groups", cursor_type="row", zebra_stripes=True)
            yield TimelineChart(id="timeline-chart")
        yield Static("", id="timeline-point")
        yield Label(
            " ←/→ time point · ↑/↓ group · enter statements · g split by · w week/month · "
            "v counts/shares · h people's labels · / filter",
            id="timeline-info",
        )

    # ------------------------------------------------------------------ data

    @property
    def groups(self) -> tuple[TimelineGroup, ...]:
        return self.data.groups if self.data else ()

    @property
    def group(self) -> TimelineGroup | None:
        groups = self.groups
        return groups[min(self.group_index, len(groups) - 1)] if groups else None

    def refresh_data(self) -> None:
        """Count again from the store and redraw."""
        from argmap.tui.views.statements import parse_query

        keep = self.group.id if self.group and self.data and self.data.by == self.by else ()
        filter, words, problem = parse_query(self.workspace, self.query_text)
        if words:
            problem = f"the timeline filter takes terms only ({', '.join(FILTER_TERMS)}:)"
        self.problem = problem
        try:
            self.data = timeline(
                self.workspace,
                every=self.every,
                by=self.by,
                filter=filter,
                source=self.source,
                top=MAX_GROUPS,
            )
        except EditError as refused:
            self.problem, self.data = str(refused), None
        ids = [g.id for g in self.groups]
        self.group_index = ids.index(keep) if keep in ids else 0  # () is no group's id
        periods = self.data.periods if self.data else ()
        self.point = min(self.point, len(periods) - 1) if self.point >= 0 else len(periods) - 1
        self._fill_groups()
        self.draw()

    def _fill_groups(self) -> None:
        table = self.query_one(GroupList)
        table.clear(columns=True)
        table.add_column(self.by or "statements", width=22)
        table.add_column("dated", width=5)
        table.add_column("no date", width=7)
        for group in self.groups:
            name = group.name if len(group.name) <= 22 else group.name[:21] + "…"
            table.add_row(
                name,
                Text(str(group.statements), justify="right"),
                Text(str(group.undated) if group.undated else "", justify="right"),
            )
        if self.groups:
            table.move_cursor(row=self.group_index)

    # ------------------------------------------------------------------ drawing

    def draw(self) -> None:
        """The heading, the chart of the group picked, and the counts at the cursor."""
        data, group = self.data, self.group
        self.query_one("#timeline-head", Label).update(self._heading())
        chart = self.query_one(TimelineChart)
        if data is None or group is None or not data.periods:
            title = "no statement on a day" if data is not None else ""
            chart.paint = lambda plt, width: plt.title(title)
            chart.refresh()
            self.query_one("#timeline-point", Static).update(self._no_point())
            return
        chart.paint = self._paint
        chart.refresh()
        self.query_one("#timeline-point", Static).update(self._point_text())

    def _paint(self, plt, width: int) -> None:
        """The chart of the group picked, ``width`` columns wide: stacked bars per period, the
        cursor's brackets."""
        data, group = self.data, self.group
        if data is None or group is None or not data.periods:
            return
        labels = self.argmap.labels
        keys = [p.key for p in data.periods]
        positions = list(range(1, len(keys) + 1))
        series, colours = [], []
        for label in (*data.labels, ""):
            if label == "" and self.shares:
                continue  # shares are of the labelled statements
            values = [self._value(period, group.id, label) for period in keys]
            if any(values):
                series.append(values)
                colours.append(rgb(labels.colour(label or None)))
        # the labels' names and colours are in the line below the chart, not over the bars
        # stacked bars drawn as bars of the running totals, the tallest first, each covering the
        # lower part of the one before (plotext's stacked_bar shows a sliver for a 0 at the base)
        totals = [0.0] * len(keys)
        stacks = []
        for values in series:
            totals = [a + b for a, b in zip(totals, values, strict=True)]
            stacks.append(totals)
        for values, colour in reversed(list(zip(stacks, colours, strict=True))):
            # only the bars above 0 (plotext blanks the base under a bar of 0), their width
            # corrected for plotext's scaling by the mean distance between the bars given
            xs = [x for x, v in zip(positions, values, strict=True) if v]
            if xs:
                spread = (xs[-1] - xs[0]) / (len(xs) - 1) if len(xs) > 1 else 1
                plt.bar(xs, [values[x - 1] for x in xs], color=colour, width=BAR_WIDTH / spread)
        plt.xlim(0.5, len(keys) + 0.5)
        ticks = tick_indices(len(keys), self.point, len(keys[0]) + 2, width)
        plt.xticks(
            [positions[i] for i in ticks],
            [f"[{keys[i]}]" if i == self.point else keys[i] for i in ticks],
        )
        top = 100 if self.shares else max((sum(v) for v in zip(*series, strict=True)), default=0)
        values = nice_ticks(top)
        plt.ylim(0, values[-1])
        plt.yticks(values, [f"{v}%" if self.shares else str(v) for v in values])
        # the cursor: a bracket either side of the point's bar
        for side in (-1, 1):
            plt.vline(positions[self.point] + side * (BAR_WIDTH / 2 + 0.1), "white")
        plt.title(f"{group.name} · {self._unit()} per {self.every}")

    def _value(self, period: str, group: str | None, label: str) -> float:
        assert self.data is not None
        if not self.shares:
            return self.data.counts(period, group).get(label, 0)
        share = self.data.share(period, group, label)
        return round(100 * share, 1) if share is not None else 0

    def _unit(self) -> str:
        return "% of labelled statements" if self.shares else "statements"

    def _heading(self) -> Text:
        data = self.data
        text = Text(" ")
        split = f"by {self.by}" if self.by else "all statements"
        source = (
            "people's labels only" if self.source == "human" else "current stance (people's first)"
        )
        text.append(f"per {self.every} · {split} · {source}", style="bold")
        if data is not None:
            text.append(
                f" · {plural(data.statements - data.undated, 'statement')} on a day"
                + (f", {data.undated} without a date (not on the chart)" if data.undated else "")
            )
            if data.several:
                text.append(f" · {data.several} on several positions (under each)")
            if data.left_out:
                text.append(f" · {len(data.left_out)} smaller groups not listed")
        if self.problem:
            text.append(f" · {self.problem}", style="bold red")
        return text

    def _no_point(self) -> Text:
        if self.data is not None and self.data.undated:
            return Text(
                f" no statement is of a dated document: {self.data.undated} are of documents "
                "without a date (argmap add --metadata FILE, or argmap document set DOC "
                "--published DAY); n: them in the statements view"
            )
        return Text(" no statements")

    def _undated_hint(self) -> str:
        group = self.group
        if group is None or not group.undated:
            return ""
        return f" · n: its {plural(group.undated, 'statement')} without a date"

    def _point_text(self) -> Text:
        data, group = self.data, self.group
        assert data is not None and group is not None
        period = data.periods[self.point]
        counts = data.counts(period.key, group.id)
        labels = self.argmap.labels
        text = Text.assemble(
            (f" {period.key}", "bold"),
            f" ({period.start} to {period.end}) · {group.name}: ",
            (plural(sum(counts.values()), "statement"), "bold"),
            "  ",
        )
        for label in data.labels:
            n = counts.get(label, 0)
            share = data.share(period.key, group.id, label)
            text.append_text(labels.chip(label))
            text.append(f" {n}" + (f" {share:.0%}" if share is not None else "") + "  ")
        if counts.get(""):
            text.append_text(labels.chip(None))
            text.append(f" {counts['']}")
        text.append("\n ")
        text.append(
            "enter: these statements in the statements view" + self._undated_hint(), style="dim"
        )
        return text

    # ------------------------------------------------------------------ keys

    def action_point(self, step: int) -> None:
        if self.data and self.data.periods:
            self.point = max(0, min(len(self.data.periods) - 1, self.point + step))
            self.draw()

    def action_group(self, step: int) -> None:
        if self.groups:
            self.group_index = max(0, min(len(self.groups) - 1, self.group_index + step))
            self.query_one(GroupList).move_cursor(row=self.group_index)
            self.draw()

    def action_split(self) -> None:
        self.by = SPLITS[(SPLITS.index(self.by) + 1) % len(SPLITS)]
        self.group_index = 0
        self.refresh_data()

    def action_every(self) -> None:
        self.every = "week" if self.every == "month" else "month"
        self.point = -1
        self.refresh_data()

    def action_shares(self) -> None:
        self.shares = not self.shares
        self.draw()

    def action_source(self) -> None:
        self.source = "human" if self.source == "any" else "any"
        self.refresh_data()

    def action_search(self) -> None:
        self.query_one("#timeline-query", Input).focus()

    def action_leave_filter(self) -> None:
        self.focus()

    @on(Input.Submitted, "#timeline-query")
    def _submitted(self, event: Input.Submitted) -> None:
        self.query_text = event.value.strip()
        self.refresh_data()
        self.focus()

    def point_query(self) -> str | None:
        """The statements filter of the point under the cursor: its days (within the timeline's
        own filter's) and its group; None when the statements filter cannot name the group."""
        data, group = self.data, self.group
        if data is None or group is None or not data.periods:
            return None
        period = data.periods[self.point]
        start, end = period.start, period.end
        terms = []
        for term in self.query_text.split():
            key, _, value = term.partition(":")
            if key.lower() == "since":
                start = max(start, _day(self.workspace, value, end=False) or start)
            elif key.lower() == "until":
                end = min(end, _day(self.workspace, value, end=True) or end)
            else:
                terms.append(term)
        return self._group_terms([*terms, f"since:{start}", f"until:{end}"])

    def undated_query(self) -> str | None:
        """The statements filter of the group's statements of documents without a date (the
        timeline's own filter's terms, ``since:-`` and the group); None when it has none."""
        group = self.group
        if self.data is None or group is None or not group.undated:
            return None
        terms = [t for t in self.query_text.split() if t.partition(":")[0].lower() != "since"]
        terms = [t for t in terms if t.partition(":")[0].lower() != "until"]
        return self._group_terms([*terms, "since:-"])

    def _group_terms(self, terms: list[str]) -> str:
        """``terms`` and the term naming the group under the cursor."""
        group = self.group
        assert group is not None
        if self.by == "outlet":
            terms.append("outlet:" + ("=" + group.id.replace(" ", "_") if group.id else "-"))
        elif self.by in ("speaker", "position"):
            terms.append(f"{self.by}:{group.id or '-'}")
        elif self.by == "label" and self.source == "human":  # the review states with a
            # person's label (labelled, disputed, adjudicated) or without one
            terms.append(
                f"stance:{group.id} review:labelled,disputed,adjudicated"
                if group.id
                else "review:unlabelled,suggested"
            )
        elif self.by == "label":
            terms.append(f"stance:{group.id or '-'}")
        return " ".join(terms)

    async def action_open(self) -> None:
        query = self.point_query()
        if query is not None:
            await self.argmap.show_statements(query)

    async def action_undated(self) -> None:
        query = self.undated_query()
        if query is not None:
            await self.argmap.show_statements(query)


def _day(workspace, text: str, *, end: bool) -> str | None:
    try:
        return workspace.metadata_filter(**{"until" if end else "since": text}).get(
            "until" if end else "since"
        )
    except EditError:
        return None
