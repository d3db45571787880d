"""Rich text for the review screens: the highlighted paragraph, the labels, the suggestion."""

from __future__ import annotations

from rich.text import Text

from argmap.codebook import MAX_KEYED_LABELS, Codebook
from argmap.review.packet import PacketItem

#: Keys 1-9 reach the codebook's first nine labels.


def context_text(item: PacketItem) -> Text:
    """The item's paragraph with the statement's words highlighted."""
    text = Text(item.context)
    for start, end in item.highlight_spans():
        text.stylize("bold reverse", start, end)
    return text


def meta_text(item: PacketItem) -> Text:
    """Speaker and document."""
    return Text.assemble(
        ("Speaker ", "dim"),
        (item.speaker or "(unknown)", "bold"),
        ("   Document ", "dim"),
        (item.document, "italic"),
    )


def suggestion_text(item: PacketItem, codebook: Codebook, accept_keys: str = "a/enter") -> Text:
    """The model's suggestion with its score and explanation, or why there is none."""
    suggestion = item.suggestion
    if suggestion is None:
        return Text("No suggestion for this item.", style="dim")
    try:
        label = codebook.label(suggestion.label)
        name, colour = label.name, label.colour
    except KeyError:
        name, colour = suggestion.label, "#888888"
    text = Text.assemble(
        ("Suggested ", "dim"), (name, f"bold {colour}"), (f"  {suggestion.score:.2f}", "dim")
    )
    if suggestion.explanation:
        text.append(f"  {suggestion.explanation}", style="italic")
    text.append(f"   {accept_keys} accept", style="dim")
    return text


def labels_text(
    codebook: Codebook, chosen: str | None, suggested: str | None, keys: list[str] | None = None
) -> Text:
    """One line per label: its key (``keys``: those of labels 1-9 if remapped), colour swatch and
    name;
    the chosen one marked."""
    text = Text()
    for number, label in enumerate(codebook.labels, 1):
        key = (keys[number - 1] if keys else str(number)) if number <= MAX_KEYED_LABELS else " "
        mark = "✓" if label.id == chosen else " "
        text.append(f"{mark} {key} ", style="bold" if label.id == chosen else "")
        text.append("■ ", style=label.colour)
        text.append(label.name, style=f"bold {label.colour}" if label.id == chosen else "")
        if label.id == suggested:
            text.append("  (suggested)", style="dim")
        text.append("\n")
    text.rstrip()
    return text
