"""A panel of named fields in two columns, drawn line by line: showing another statement's
fields redraws only the lines that differ from what is on screen."""

from __future__ import annotations

from itertools import zip_longest

from rich.console import Console
from rich.text import Text
from textual.geometry import Size
from textual.selection import Selection

from argmap.tui.views.lines import LineView, printable

NAME_WIDTH = 10
"""Cells of the name column."""
NARROW = 14
"""Below this many cells beside the names, each name goes on its own line above its value."""

Fields = list[tuple[str, "Text | str"]]


def two_columns(fields: Fields, width: int, console: Console) -> list[Text]:
    """The lines of ``fields`` as (name, value) rows: names dim in a fixed column, values
    wrapped to ``width`` beside them (a value's own line breaks kept); in a narrow panel,
    each name on its own line with the value below it."""
    narrow = width - (NAME_WIDTH + 1) < NARROW
    indent = " " if narrow else " " * (NAME_WIDTH + 1)
    lines: list[Text] = []
    for name, value in fields:
        value = value.copy() if isinstance(value, Text) else Text(value)
        value.plain = printable(value.plain)  # the same length: the styles stay in place
        wrapped = [
            line
            for part in value.split("\n")
            for line in part.wrap(console, max(width - len(indent), 1))
        ]
        if narrow and name:
            lines.append(Text(name, style="dim"))
        for number, line in enumerate(wrapped or [Text()]):
            out = Text()
            out.append(
                indent if narrow or number else name.ljust(NAME_WIDTH)[:NAME_WIDTH] + " ",
                style="dim",
            )
            out.append_text(line)
            lines.append(out)
    return lines


class FieldsPanel(LineView, can_focus=False):
    """Shows a list of (name, value) fields; scrolls when they are taller than the panel."""

    DEFAULT_CSS = "FieldsPanel { overflow-x: hidden; }"
    ALLOW_SELECT = False

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.fields: Fields = []
        self.footer: Fields = []
        self.lines: list[Text] = []
        self._width = 0

    def show(self, fields: Fields, *, footer: Fields = (), top: bool = False) -> None:
        """Show ``fields``, and ``footer`` at the panel's bottom (it stays in place while the
        fields above change), redrawing the lines that change; ``top``: scrolled to the first
        line."""
        self.fields, self.footer = list(fields), list(footer)
        self._lay_out(everything=False)
        if top and self.scroll_offset.y:
            self.scroll_home(animate=False, immediate=True)

    def text(self) -> str:
        """The panel's lines as plain text (without the blank lines above the footer)."""
        return (
            "\n".join(line.plain.rstrip() for line in self.lines)
            .replace("\n\n\n", "\n\n")
            .strip("\n")
        )

    def _lay_out(self, everything: bool) -> None:
        width, height = self.scrollable_content_region.width, self.scrollable_content_region.height
        if width <= 0:
            return
        lines = two_columns(self.fields, width, self.app.console)
        footer = two_columns(self.footer, width, self.app.console)
        if footer:
            lines += [Text()] * max(1, height - len(lines) - len(footer)) + footer
        if everything or width != self._width:
            self.forget()
            self.refresh()
        else:
            for y, (old, new) in enumerate(zip_longest(self.lines, lines)):
                if old != new:
                    self.forget(y)
                    self.refresh_line(y)
        self._width, self.lines = width, lines
        size = Size(width, max(len(lines), height))  # a change of size means a layout
        if self.virtual_size != size:
            self.virtual_size = size

    def on_resize(self) -> None:
        self._lay_out(everything=True)

    def line_text(self, index: int, selection: Selection | None) -> Text | None:
        return self.lines[index] if index < len(self.lines) else None
