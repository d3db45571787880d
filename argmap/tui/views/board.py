"""The board: the debate at a glance, one column per stance label of the codebook."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from argmap.store.views import board
from argmap.tui.label_style import plural, quote_marks
from argmap.tui.views.base import StatementView


class BoardColumnList(OptionList):
    """One column of the board: speakers (as headings) and their statements."""


class BoardView(StatementView):
    """One column per stance label: the speakers on that side, strongest first, with their
    statements."""

    TITLE = "Board"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "column(-1)", "Column left", show=False, id="board-left"),
        Binding("right", "column(1)", "Column right", show=False, id="board-right"),
    ]

    _filled_by_compose = False

    def compose(self) -> ComposeResult:
        # filled here, not when mounted, so that the app's first frame already shows the board
        self._filled_by_compose = True
        yield Horizontal(*self._columns(), id="board-columns")

    def refresh_data(self) -> None:
        if (
            self._filled_by_compose
        ):  # the app's refresh right after mounting: compose just loaded it
            self._filled_by_compose = False
            return
        holder = self.query_one("#board-columns", Horizontal)
        focused_index = self._focused_column()
        columns = self._columns()
        holder.remove_children()
        holder.mount_all(columns)
        self._fit_columns()
        self.call_after_refresh(self._restore_focus, focused_index)

    def _columns(self) -> list[Vertical]:
        """One widget per column of ``board()``: the title with counts, then the speakers and
        statements."""
        labels = self.argmap.labels
        columns = board(self.workspace)
        widgets = []
        for index, column in enumerate(columns):
            title = Text()
            title.append(
                f" {labels.name(column.label)} ",
                style=Style(color="#ffffff", bgcolor=labels.colour(column.label), bold=True),
            )
            title.append(
                f"  {plural(column.statements, 'statement')}, {plural(column.speakers, 'speaker')}"
            )
            options: list[Option | None] = []
            for speaker in column.rows:
                heading = Text(f"{speaker.name}", style="bold")
                heading.append(f"  {speaker.count}", style="dim")
                options.append(Option(heading, disabled=True))
                for quote in speaker.quotes:
                    opening, closing = quote_marks(quote.text)
                    line = Text(f"  {opening}", style=labels.colour(column.label))
                    line.append(quote.text)
                    line.append(closing, style=labels.colour(column.label))
                    options.append(Option(line, id=quote.id))
                if speaker.count > len(speaker.quotes):
                    options.append(
                        Option(
                            Text(f"  … {speaker.count - len(speaker.quotes)} more", style="dim"),
                            disabled=True,
                        )
                    )
            box = Vertical(
                Label(title, classes="board-title"),
                BoardColumnList(*options, id=f"board-col-{index}"),
                classes="board-column",
            )
            box.styles.border_top = ("heavy", labels.colour(column.label))
            widgets.append(box)
        self._shown_columns = len(widgets)
        return widgets

    #: The narrowest a column may be before the board scrolls sideways instead (cells).
    MIN_COLUMN_WIDTH = 32
    #: How many columns the board was last filled with (``_columns``).
    _shown_columns = 0

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns share the width while each keeps ``MIN_COLUMN_WIDTH``; past that they keep a
        fixed width and the board scrolls sideways (a codebook with many labels). Counted from
        what the board was last filled with: right after a refresh the holder still holds the
        old columns, being removed, beside the new."""
        holder = self.query_one("#board-columns", Horizontal)
        crowded = self._shown_columns * (self.MIN_COLUMN_WIDTH + 1) > self.size.width
        holder.set_class(crowded, "crowded")

    def _focused_column(self) -> int:
        focused = self.app.focused
        if isinstance(focused, BoardColumnList) and focused.id:
            return int(focused.id.rsplit("-", 1)[1])
        return 0

    def _restore_focus(self, index: int) -> None:
        lists = list(self.query(BoardColumnList))
        if lists and self.display and self.argmap.current == self.id:  # not switching away
            target = lists[min(index, len(lists) - 1)]
            target.focus()
            if target.highlighted is None:
                target.action_first()

    def focus_default(self) -> None:
        self._restore_focus(self._focused_column())

    def selected_statement(self) -> str | None:
        focused = self.app.focused
        if isinstance(focused, BoardColumnList) and focused.highlighted is not None:
            return focused.get_option_at_index(focused.highlighted).id
        return None

    def action_column(self, step: int) -> None:
        lists = list(self.query(BoardColumnList))
        if lists:
            index = (self._focused_column() + step) % len(lists)
            lists[index].focus()
            if lists[index].highlighted is None:
                lists[index].action_first()

    @on(OptionList.OptionSelected)
    async def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            await self.argmap.show_statement(event.option.id)
