"""An article's text as one line-drawn widget: the paragraphs are wrapped to the width once,
only the visible lines are drawn, and restyling a paragraph redraws only its own lines, so
moving between statements costs the same on a 300-paragraph article as on a short one."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.geometry import Offset, Size
from textual.selection import Selection

from argmap.tui.views.lines import LineView, printable

_WORD = re.compile(r"\S+")


class Line(NamedTuple):
    """One screen line: the text offsets it shows and its paragraph (-1 for the gap after one)."""

    paragraph: int
    start: int
    end: int


def wrap_spans(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """(start, end) offsets of the lines of ``text[start:end]`` wrapped to ``width`` cells.

    Lines break between words (no line starts or ends with a space); a word wider than a line
    is cut.
    """
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    line: tuple[int, int] | None = None
    used = 0
    for word in _WORD.finditer(text, start, end):
        a, b = word.span()
        while cell_len(text[a:b]) > width:  # a word that fits no line: cut it
            if line is not None:
                lines.append(line)
                line = None
            cut = a + 1
            while cell_len(text[a : cut + 1]) <= width:
                cut += 1
            lines.append((a, cut))
            a = cut
        size = cell_len(text[a:b])
        gap = cell_len(text[line[1] : a]) if line is not None else 0
        if line is not None and used + gap + size <= width:
            used += gap + size
            line = (line[0], b)
        else:
            if line is not None:
                lines.append(line)
            line, used = (a, b), size
    if line is not None:
        lines.append(line)
    return lines


class ArticleText(LineView, can_focus=False):
    """Paragraphs of styled text (each with its offsets in the document), wrapped, one blank line
    after each; text selected with the mouse is read as the document's own characters."""

    DEFAULT_CSS = "ArticleText { overflow-x: hidden; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = ""
        self.paragraphs: list[tuple[int, int, Text]] = []
        self.lines: list[Line] = []
        self._first_line: list[int] = []  # index in lines of each paragraph's first line
        self._starts: list[int] = []  # start offset of each line, for bisect
        self._width = 0
        self._kept: tuple[int, int] | None = (
            None  # the span to keep in view (the selected statement)
        )
        self._reveal_pending = False  # a reveal waits for the next refresh (see _reveal)
        self._open_ends: tuple[int, int] = (
            0,
            0,
        )  # lines of a selection's ends outside the text, when it was made

    # ------------------------------------------------------------------ content

    def set_text(self, text: str, paragraphs: list[tuple[int, int, Text]]) -> None:
        """Show ``paragraphs`` ((start, end, styled text) of each, offsets into ``text``)."""
        self.text, self.paragraphs, self._kept = text, list(paragraphs), None
        self._width = 0
        self._wrap()
        self.scroll_to(y=0, animate=False, immediate=True)

    def restyle(self, index: int, styled: Text) -> None:
        """Show paragraph ``index`` with ``styled`` (the same words, other styles)."""
        start, end, shown = self.paragraphs[index]
        if styled == shown:
            return
        self.paragraphs[index] = (start, end, styled)
        if index >= len(self._first_line):
            return  # not wrapped yet: drawn when it is
        first = self._first_line[index]
        last = (
            self._first_line[index + 1] - 1
            if index + 1 < len(self._first_line)
            else len(self.lines)
        )
        for y in range(first, last):
            self.forget(y)
        self.refresh_lines(first, last - first)

    def line_at(self, offset: int) -> int:
        """The line showing text offset ``offset`` (the nearest line before it if none does)."""
        return max(bisect_right(self._starts, offset) - 1, 0)

    def show_span(self, start: int, end: int) -> None:
        """Keep text ``start``..``end`` in view: scroll it to the middle if it is out of view now,
        and again whenever the text is laid out anew (shown, resized)."""
        self._kept = (start, end)
        self._reveal()

    def _reveal(self) -> None:
        height = self.scrollable_content_region.height
        if self._kept is None or not self.lines or height <= 0:
            return  # not laid out: _wrap reveals it
        start, end = self._kept
        first, last = self.line_at(start), self.line_at(max(end - 1, start))
        top = round(self.scroll_offset.y)
        if first >= top and last < top + height:
            return
        centre = (first + min(last, first + height - 1)) // 2
        target = max(centre - height // 2, 0)
        if target > self.max_scroll_y and not self._reveal_pending:
            # just laid out: the new height is not yet what scrolling is clamped to
            self._reveal_pending = True
            self.call_after_refresh(self._reveal_later)
        self.scroll_to(y=target, animate=False, immediate=True)

    def _reveal_later(self) -> None:
        self._reveal_pending = False
        self._reveal()

    # ------------------------------------------------------------------ layout

    def _wrap(self) -> None:
        width = self.scrollable_content_region.width
        self._width = width
        self.lines, self._first_line, self._starts = [], [], []
        shown = printable(self.text)
        self.forget()
        self._drop_selection()
        if width <= 0:
            return
        for index, (start, end, _) in enumerate(self.paragraphs):
            self._first_line.append(len(self.lines))
            spans = wrap_spans(shown, start, end, width) or [(start, start)]
            self.lines.extend(Line(index, a, b) for a, b in spans)
            self.lines.append(Line(-1, end, end))
        self._starts = [line.start for line in self.lines]
        self.virtual_size = Size(width, len(self.lines))
        self.refresh()
        self._reveal()

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._wrap()
        else:
            self._reveal()

    def on_show(self) -> None:
        self._reveal()

    # ------------------------------------------------------------------ drawing

    def line_text(self, index: int, selection: Selection | None) -> Text | None:
        if index >= len(self.lines):
            return None
        line = self.lines[index]
        if line.paragraph < 0:
            return Text()
        start, _, styled = self.paragraphs[line.paragraph]
        piece = styled[line.start - start : line.end - start]
        if selection is not None:
            lo, hi = self._selected_offsets(selection)
            if lo < line.end and hi > line.start:
                background = self.screen.get_component_rich_style("screen--selection").bgcolor
                piece.stylize(
                    Style(bgcolor=background),
                    max(lo, line.start) - line.start,
                    min(hi, line.end) - line.start,
                )
        return piece

    # ------------------------------------------------------------------ selection

    def _offset(self, x: int, y: int) -> int:
        if y >= len(self.lines):
            return len(self.text)
        line = self.lines[max(y, 0)]
        return line.start + max(0, min(x, line.end - line.start))

    def _pointer_line(self) -> int:
        """The line under the mouse pointer, or the nearest line in view."""
        top, height = round(self.scroll_offset.y), self.scrollable_content_region.height
        row = self.app.mouse_position.y - self.content_region.y + top
        return max(0, top, min(row, top + height - 1, len(self.lines) - 1))

    def _selected_offsets(self, selection: Selection) -> tuple[int, int]:
        """Text offsets of ``selection``. Its ends outside the text are the lines noted when the
        selection was made (``selection_updated``): a start before the text is the first line
        then in view, an end beside or below the text the end of the pointer's line; a selection
        of everything (a triple click) is the paragraph under the pointer."""
        if not self.lines:
            return 0, 0
        first, last = self._open_ends
        if selection.start is None and selection.end is None:
            top, bottom = self._paragraph_lines(last)
            return self.lines[top].start, self.lines[bottom].end
        start = (
            self.lines[first].start if selection.start is None else self._offset(*selection.start)
        )
        end = self.lines[last].end if selection.end is None else self._offset(*selection.end)
        return (start, end) if start <= end else (end, start)

    def selected_span(self) -> tuple[int, int] | None:
        """Text offsets of the text selected with the mouse, without spaces at either end; None if
        none."""
        selection = self.screen.selections.get(self)
        if selection is None or not self.lines:
            return None
        start, end = self._selected_offsets(selection)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return (start, end) if start < end else None

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The document's text between the selection's ends (its own spaces and line breaks)."""
        if not self.lines:
            return None
        start, end = self._selected_offsets(selection)
        return self.text[start:end], "\n"

    def text_select_all(self) -> None:
        """Select the paragraph under the pointer (a double click), not the whole article."""
        if not self.lines or self.lines[self._pointer_line()].paragraph < 0:
            return
        first, last = self._paragraph_lines(self._pointer_line())
        line = self.lines[last]
        self.screen.selections = {
            self: Selection(Offset(0, first), Offset(line.end - line.start, last))
        }

    def _paragraph_lines(self, y: int) -> tuple[int, int]:
        """The first and last line of the paragraph shown on line ``y`` (``y`` itself on a gap)."""
        paragraph = self.lines[y].paragraph
        if paragraph < 0:
            return y, y
        first = last = self._first_line[paragraph]
        while last + 1 < len(self.lines) and self.lines[last + 1].paragraph == paragraph:
            last += 1
        return first, last

    def selection_updated(self, selection: Selection | None) -> None:
        if (
            selection is not None and self.lines
        ):  # note where open ends are now (not where the pointer goes later)
            self._open_ends = (
                min(round(self.scroll_offset.y), len(self.lines) - 1),
                self._pointer_line(),
            )
        self.forget()
        self.refresh()

    def _drop_selection(self) -> None:
        """Forget a selection made on lines that no longer exist (the text was wrapped anew)."""
        if self.is_attached and self in self.screen.selections:
            self.screen.selections = {
                widget: s for widget, s in self.screen.selections.items() if widget is not self
            }
