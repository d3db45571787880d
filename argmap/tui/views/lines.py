"""The common ground of the line-drawn widgets: a cache of drawn lines and of the widget's
base style, both dropped when the styles change; text made safe to draw (``printable``)."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

_CONTROLS = {
    code: " " for code in (*range(32), *range(127, 160), 0x2028, 0x2029) if code != ord("\n")
}


def printable(text: str) -> str:
    """``text`` with each control character (tab, escape, ...) and Unicode line or paragraph
    separator shown as one space: the same length, so offsets still point into the document,
    and nothing is sent raw to the terminal."""
    return text.translate(_CONTROLS)


class LineView(ScrollView):
    """A ScrollView drawing the rich Text that ``line_text`` gives for each line of its content,
    and keeping each drawn line until told to forget it (or while text is selected, not at all)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._strips: dict[int, Strip] = {}
        self._base_style: Style | None = None

    def base_style(self) -> Style:
        """The widget's rich style (colours from the CSS), looked up once rather than per line."""
        if self._base_style is None:  # an ancestor walk
            self._base_style = self.rich_style
        return self._base_style

    def forget(self, index: int | None = None) -> None:
        """Drop the drawn line ``index`` (every line if None) so it is drawn again."""
        if index is None:
            self._strips.clear()
        else:
            self._strips.pop(index, None)

    def notify_style_update(self) -> None:
        self._base_style = None
        self._strips.clear()
        super().notify_style_update()

    def line_text(self, index: int, selection: Selection | None) -> Text | None:
        """The text of content line ``index`` (with ``selection`` shown), None past the end."""
        raise NotImplementedError

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_offset.y) + y
        selection = self.text_selection
        strip = self._strips.get(index) if selection is None else None
        if strip is None:
            width, style = self.scrollable_content_region.width, self.base_style()
            text = self.line_text(index, selection)
            if text is None:
                strip = Strip.blank(width, style)
            else:
                segments = Segment.apply_style(text.render(self.app.console), style)
                strip = Strip(list(segments)).crop_extend(0, width, style)
                if self.ALLOW_SELECT:  # where the mouse is in the text, for selecting
                    strip = strip.apply_offsets(0, index)
            if selection is None:
                self._strips[index] = strip
        return strip
