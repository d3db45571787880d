"""The summary at the end of a packet and the help screen."""

from __future__ import annotations

import re
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, Static

from argmap.codebook import Codebook
from argmap.review.session import ReviewSession
from argmap.tui.footer import KeysFooter
from argmap.tui.reviewer.render import MAX_KEYED_LABELS


class SummaryScreen(Screen[int | None]):
    """Counts per label and what is left; dismisses with the item index to return to, ``None`` to
    quit."""

    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "b,left",
            "back",
            "Back to last item",
            tooltip="At the summary: back to the last item",
            id="summary-back",
        ),
        Binding(
            "u",
            "first_unanswered",
            "First unanswered",
            tooltip="At the summary: the first item without a label",
            id="first-unanswered",
        ),
        Binding("q", "finish", "Quit", tooltip="At the summary: quit", id="summary-quit"),
    ]

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="summary"):
            yield Static(self._summary(), id="summary-table")
            yield Static(
                Text(
                    f"Saved in {self.session.path.name}. Send this file back to the lead.",
                    style="dim",
                ),
                id="summary-saved",
            )
        yield KeysFooter()

    def _summary(self) -> Table:
        session = self.session
        codebook = session.packet.codebook
        counts = session.label_counts()
        table = Table(
            title=f"Packet done: {session.packet.answered} of {len(session.items)} answered",
            expand=False,
        )
        table.add_column("label")
        table.add_column("items", justify="right")
        for label in codebook.labels:
            table.add_row(Text.assemble(("■ ", label.colour), label.name), str(counts[label.id]))
        table.add_row(
            Text("unanswered", style="bold" if session.unanswered else "dim"),
            str(session.unanswered),
        )
        notes = sum(1 for item in session.items if item.note)
        table.add_row(Text("with a note", style="dim"), str(notes))
        return table

    def action_back(self) -> None:
        """Return to the last item."""
        self.dismiss(len(self.session.items) - 1)

    def action_first_unanswered(self) -> None:
        """Return to the first item without a label."""
        index = self.session.first_unanswered()
        if index >= len(self.session.items):
            self.notify("Every item is answered.")
            return
        self.dismiss(index)

    def action_finish(self) -> None:
        """Quit the app."""
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    """Every key of ``owners`` (screen and app classes) as the app's keymap has them.

    A binding whose action takes a label number (``label(2)``, ``decide(2)``) is shown with
    that label of the codebook; numbers beyond the codebook's labels are left out.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close", id="close-help")
    ]

    def __init__(self, codebook: Codebook, owners: list[type], title: str) -> None:
        super().__init__()
        self.codebook = codebook
        self.owners = owners
        self.heading = title

    def key_rows(self) -> list[tuple[str, Text | str]]:
        """(keys, what they do) for each binding with an id, in the owners' order."""
        keymap = dict(getattr(self.app, "_keymap", {}) or {})
        rows: list[tuple[str, Text | str]] = []
        for owner in self.owners:
            for binding in owner.BINDINGS:
                if not isinstance(binding, Binding) or not binding.id:
                    continue
                keys = keymap.get(binding.id, binding.key).split(",")
                shown = ", ".join(self.app.get_key_display(Binding(key, "")) for key in keys)
                number = re.fullmatch(r"\w+\((\d+)\)", binding.action)
                if number is None:
                    rows.append((shown, binding.tooltip or binding.description))
                elif int(number[1]) <= len(self.codebook.labels):
                    label = self.codebook.labels[int(number[1]) - 1]
                    rows.append((shown, Text.assemble(("■ ", label.colour), label.name)))
        return rows

    def compose(self) -> ComposeResult:
        keys = Table(title=self.heading, show_header=False, box=None, padding=(0, 2))
        keys.add_column(style="bold")
        keys.add_column()
        for key, what in self.key_rows():
            keys.add_row(key, what)
        if len(self.codebook.labels) > MAX_KEYED_LABELS:
            keys.add_row(
                "", Text(f"labels after the {MAX_KEYED_LABELS}th have no key here", style="dim")
            )
        with Vertical(id="help"):
            yield Static(keys)
            yield Static(Text("escape closes this help", style="dim"))

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
