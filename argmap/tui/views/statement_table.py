"""A virtual table of statements: renders only the visible rows and pages them from the store,
so it opens and moves as fast on 100,000 statements as on 10."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from argmap.store import StatementFilter, StatementRow
from argmap.tui.views.lines import printable

PAGE = 200
#: (heading, width) of the columns before the text (which takes the rest).
#: "appeared": the document's day and outlet when its metadata gives them, else its file name.
COLUMNS = (("speaker", 22), ("stance", 20), ("review", 11), ("kind", 8), ("appeared", 18))


def fit(value: str, width: int) -> str:
    """``value`` cut or padded to ``width`` cells (one space after)."""
    value = printable(value.replace("\n", " "))
    if len(value) >= width:
        value = value[: width - 2] + "…"
    return value.ljust(width)


class StatementTable(ScrollView, can_focus=True):
    """Statements matching a filter, in a sort order, one per line; pages of ``PAGE`` rows are
    fetched from the store when they come into view and kept until the query changes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1)", "Up", show=False, id="table-up"),
        Binding("down,j", "move(1)", "Down", show=False, id="table-down"),
        Binding("pageup", "move(-20)", "Page up", show=False, id="table-page-up"),
        Binding("pagedown", "move(20)", "Page down", show=False, id="table-page-down"),
        Binding("home,g", "jump(0)", "First", show=False, id="table-first"),
        Binding("end,G", "jump(-1)", "Last", show=False, id="table-last"),
    ]

    cursor: reactive[int] = reactive(
        0, init=False, repaint=False
    )  # watch_cursor redraws the two lines
    """Index of the selected row."""

    class Moved(Message):
        """The cursor moved to another statement."""

        def __init__(self, row: StatementRow | None) -> None:
            super().__init__()
            self.row = row

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.filter = StatementFilter()
        self.sort = "document"
        self.descending = False
        self.ids: list[str] | None = None  # fuzzy results in their order, or None
        self.total = 0
        self.pages: dict[int, list[StatementRow]] = {}
        self.labels = None

    # ------------------------------------------------------------------ data

    @property
    def workspace(self):
        return self.app.workspace  # type: ignore[attr-defined]

    def set_query(
        self, filter: StatementFilter, sort: str, descending: bool, ids: list[str] | None
    ) -> None:
        """Show statements matching ``filter`` (or exactly ``ids``, in that order)."""
        self.filter, self.sort, self.descending, self.ids = filter, sort, descending, ids
        self.reload()

    def reload(self, *, keep_cursor: bool = True) -> None:
        """Count again and drop the cached pages (after an edit or a new query)."""
        self.pages.clear()
        self.total = (
            len(self.ids) if self.ids is not None else self.workspace.count_statements(self.filter)
        )
        self.virtual_size = Size(self.size.width, self.total)
        cursor = min(self.cursor if keep_cursor else 0, max(self.total - 1, 0))
        if cursor != self.cursor:
            self.cursor = cursor
        else:
            self.post_message(self.Moved(self.row(cursor)))
        self.refresh()

    def row(self, index: int) -> StatementRow | None:
        """The row at ``index`` (fetching its page), or None past the end."""
        if not 0 <= index < self.total:
            return None
        page = index // PAGE
        if page not in self.pages:
            self.pages[page] = self._fetch(page)
        rows = self.pages[page]
        at = index - page * PAGE
        return rows[at] if at < len(rows) else None

    def _fetch(self, page: int) -> list[StatementRow]:
        if self.ids is None:
            return self.workspace.statements(
                self.filter,
                sort=self.sort,
                descending=self.descending,
                offset=page * PAGE,
                limit=PAGE,
            )
        wanted = self.ids[page * PAGE : (page + 1) * PAGE]
        found = {
            r.id: r
            for r in self.workspace.statements(
                StatementFilter(ids=tuple(wanted)), limit=len(wanted)
            )
        }
        return [found[i] for i in wanted if i in found]

    def selected(self) -> StatementRow | None:
        """The row under the cursor."""
        return self.row(self.cursor)

    def select_id(self, statement_id: str) -> bool:
        """Move the cursor to ``statement_id`` if it is in the loaded pages."""
        for page, rows in self.pages.items():
            for at, row in enumerate(rows):
                if row.id == statement_id:
                    self.cursor = page * PAGE + at
                    return True
        return False

    # ------------------------------------------------------------------ drawing

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.size.width
        row = self.row(index)
        if row is None:
            return Strip.blank(width)
        labels = self.labels
        colour = labels.colour(row.label) if labels else "#777777"
        base = Style(bgcolor="#30343c") if index == self.cursor else Style()
        if index == self.cursor and self.has_focus:
            base = Style(bgcolor="#1f4f7a", bold=True)
        stance = (labels.name(row.label) if labels else (row.label or "")) + (
            "?" if row.label_source == "suggestion" else ""
        )
        segments = [
            Segment(fit(row.speaker or "(nobody)", COLUMNS[0][1]), base),
            Segment(fit(stance, COLUMNS[1][1]), base + Style(color=colour, bold=True)),
            Segment(fit(row.review, COLUMNS[2][1]), base + Style(dim=row.review == "suggested")),
            Segment(fit(row.kind, COLUMNS[3][1]), base),
            Segment(fit(row.appeared() or row.doc_name, COLUMNS[4][1]), base + Style(dim=True)),
        ]
        used = sum(w for _, w in COLUMNS)
        segments.append(Segment(fit(row.text, max(width - used, 1)), base))
        strip = Strip(segments).crop(self.scroll_offset.x, self.scroll_offset.x + width)
        return strip.extend_cell_length(width, base)

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_cursor()
        self.refresh_lines(old - self.scroll_offset.y)
        self.refresh_lines(new - self.scroll_offset.y)
        self.post_message(self.Moved(self.row(new)))

    def refresh_lines(self, y: int) -> None:
        if 0 <= y < self.size.height:
            self.refresh_line(y)

    def scroll_to_cursor(self) -> None:
        top, height = self.scroll_offset.y, max(self.size.height, 1)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.total)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # ------------------------------------------------------------------ actions

    def action_move(self, step: int) -> None:
        if self.total:
            self.cursor = max(0, min(self.total - 1, self.cursor + step))

    def action_jump(self, where: int) -> None:
        if self.total:
            self.cursor = 0 if where == 0 else self.total - 1
