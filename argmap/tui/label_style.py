"""How stance labels and counts read in the UI: names and colours from the codebook, quotes,
plurals."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.color import Color

NO_LABEL = "#777777"


def plural(n: int, word: str) -> str:
    """'1 speaker', '3 speakers'."""
    return f"{n} {word}{'' if n == 1 else 's'}"


class LabelStyles:
    """Names, colours and key numbers of a codebook's labels (1-9 in codebook order)."""

    def __init__(self, codebook) -> None:
        self.codebook = codebook
        self.ids: tuple[str, ...] = codebook.label_ids if codebook else ()
        # Color.parse reads '#rgb' too, which codebooks stored before it was expanded may hold
        self.colours = (
            {label.id: Color.parse(label.colour).hex for label in codebook.labels}
            if codebook
            else {}
        )
        self.names = {label.id: label.name for label in codebook.labels} if codebook else {}

    def colour(self, label: str | None) -> str:
        """The label's colour (grey for no label or one the codebook lacks)."""
        return self.colours.get(label or "", NO_LABEL)

    def name(self, label: str | None) -> str:
        """The label's name as people read it."""
        if not label:
            return "no stance"
        return self.names.get(label, label)

    def by_number(self, number: int) -> str | None:
        """The label id for key ``number`` (1-based), or None."""
        return self.ids[number - 1] if 1 <= number <= len(self.ids) else None

    def chip(self, label: str | None, *, source: str | None = None) -> Text:
        """The label as a coloured chip; a suggestion's label is shown in italics with '?'."""
        name = self.name(label)
        if source == "suggestion":
            name += "?"
        return Text(
            f" {name} ",
            style=Style(color="#ffffff", bgcolor=self.colour(label), italic=source == "suggestion"),
        )

    def legend(self, keys: list[str] | None = None) -> Text:
        """'1 Pro  2 Against ...' for the keys that set a stance (``keys``: the keys of labels 1-9
        if remapped)."""
        text = Text()
        for number, label in enumerate(self.ids, 1):
            if number > 9:
                break
            text.append(f" {keys[number - 1] if keys else number} ", style="bold")
            text.append_text(self.chip(label))
        return text


_OPENING_MARKS = '“"‘«'
_CLOSING_MARKS = '”"’»'


def quote_marks(text: str) -> tuple[str, str]:
    """The marks to show around a statement's text: none where the text already has its own."""
    opening = "" if text[:1] in _OPENING_MARKS else "“"
    closing = "" if text[-1:] in _CLOSING_MARKS else "”"
    return opening, closing


def quoted(text: str) -> str:
    """``text`` between quotation marks, without doubling marks the text already starts or ends
    with."""
    opening, closing = quote_marks(text)
    return f"{opening}{text}{closing}"
