"""The review app: one packet item at a time, keys 1-9 for labels, every answer saved at once."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Label, ProgressBar, Static

from argmap.review.packet import Packet
from argmap.review.session import ReviewSession
from argmap.tui.footer import KeysFooter
from argmap.tui.keymap import shown_keys
from argmap.tui.reviewer import render
from argmap.tui.reviewer.screens import HelpScreen, SummaryScreen


class ItemScreen(Screen):
    """The current item: its paragraph, speaker, document, suggestion, the labels and a note."""

    AUTO_FOCUS = ""  # keys go to the screen's bindings until `n` focuses the note
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                str(number),
                f"label({number})",
                "Label",
                show=number == 1,
                key_display="1-9" if number == 1 else None,
                tooltip=f"Give the codebook's label {number}",
                id=f"label-{number}",
            )
            for number in range(1, render.MAX_KEYED_LABELS + 1)
        ),
        Binding(
            "a,enter",
            "accept",
            "Accept",
            tooltip="Accept the suggested label",
            id="accept-suggestion",
        ),
        Binding("n", "note", "Note", tooltip="Write a note; enter saves it", id="note"),
        Binding("s,right", "skip", "Skip", tooltip="Next item without answering", id="skip"),
        Binding("b,left", "back", "Back", tooltip="Previous item", id="back"),
        Binding("escape", "leave_note", "Leave note", show=False, id="leave-note"),
    ]

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="progress-row"):
            yield Label(id="position")
            yield ProgressBar(total=len(self.session.items), show_eta=False, id="progress")
        with Vertical(id="item"):
            yield Static(id="meta")
            with VerticalScroll(id="context-box", can_focus=False):
                yield Static(id="context")
            yield Static(id="suggestion")
            yield Static(id="labels")
            yield Input(
                placeholder=f"note: {shown_keys(self.app, 'note', 'n')} to write, enter to save, "
                f"{shown_keys(self.app, 'leave-note', 'escape')} to leave",
                id="note",
                select_on_focus=False,
            )
        yield KeysFooter()

    def on_mount(self) -> None:
        note = self.query_one("#note", Input)
        note.cursor_blink = self.app.cursor_blink
        self.show_item()

    def show_item(self) -> None:
        """Draw the current item (or open the summary when past the last)."""
        session = self.session
        if session.at_end:
            self.app.push_screen(SummaryScreen(session), callback=self._back_from_summary)
            return
        item = session.current
        codebook = session.packet.codebook
        self.query_one("#position", Label).update(
            f"Item {session.index + 1} of {len(session.items)} · {session.packet.answered} answered"
        )
        self.query_one("#progress", ProgressBar).update(progress=session.packet.answered)
        self.query_one("#meta", Static).update(render.meta_text(item))
        self.query_one("#context", Static).update(render.context_text(item))
        suggestion = self.query_one("#suggestion", Static)
        suggestion.display = not session.packet.blind
        suggestion.update(
            render.suggestion_text(
                item, codebook, shown_keys(self.app, "accept-suggestion", "a,enter")
            )
        )
        suggested = item.suggestion.label if item.suggestion and not session.packet.blind else None
        keys = [
            shown_keys(self.app, f"label-{n}", str(n))
            for n in range(1, render.MAX_KEYED_LABELS + 1)
        ]
        self.query_one("#labels", Static).update(
            render.labels_text(codebook, item.label, suggested, keys)
        )
        note = self.query_one("#note", Input)
        note.value = item.note or ""
        self.query_one("#context-box", VerticalScroll).scroll_home(animate=False)

    def _back_from_summary(self, index: int | None) -> None:
        """The summary closed with the item to return to (``None``: quit)."""
        if index is None:
            self.app.exit()
            return
        self.session.go_to(index)
        self.show_item()

    def _save(self, change) -> bool:
        """Run ``change`` (which saves the packet); report a failed save instead of crashing."""
        try:
            change()
        except OSError as problem:
            self.notify(
                f"Could not save {self.session.path}: {problem}",
                title="Not saved",
                severity="error",
            )
            return False
        return True

    def action_label(self, number: int) -> None:
        """Give the current item the codebook's ``number``-th label."""
        labels = self.session.packet.codebook.label_ids
        if number > len(labels):
            self.notify(
                f"The codebook has {len(labels)} labels; there is no label {number}.",
                severity="warning",
            )
            return
        if self._save(lambda: self.session.answer_number(number)):
            self.show_item()

    def action_accept(self) -> None:
        """Give the current item its suggested label."""
        item = self.session.current
        if item is None:
            return
        if item.suggestion is None:
            self.notify("This item has no suggestion: choose a label with 1-9.", severity="warning")
            return
        if self._save(self.session.accept_suggestion):
            self.show_item()

    def action_note(self) -> None:
        """Focus the note field."""
        self.query_one("#note", Input).focus()

    def action_leave_note(self) -> None:
        """Leave the note field without saving what was typed."""
        note = self.query_one("#note", Input)
        if note.has_focus:
            item = self.session.current
            note.value = (item.note or "") if item else ""
            self.set_focus(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the note field saves the note on the current item."""
        event.stop()
        if self.session.current is not None and self._save(
            lambda: self.session.set_note(event.value)
        ):
            self.notify("Note saved.", timeout=2)
        self.set_focus(None)

    def action_skip(self) -> None:
        """Next item, unanswered."""
        self.session.skip()
        self.show_item()

    def action_back(self) -> None:
        """Previous item."""
        self.session.back()
        self.show_item()


class ReviewApp(App):
    """Review one packet file: ``ReviewApp(packet, path).run()``."""

    CSS_PATH = "reviewer.tcss"
    TITLE = "argmap review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", tooltip="Every key", id="help"),
        Binding("q", "quit", "Quit", tooltip="Quit; every answer is already saved", id="quit"),
    ]

    def __init__(
        self,
        packet: Packet,
        path: str | Path,
        *,
        cursor_blink: bool = True,
        keymap: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        if keymap:
            self.set_keymap(keymap)
        self.session = ReviewSession(packet, path)
        self.cursor_blink = cursor_blink
        self.sub_title = f"{packet.reviewer} · {packet.codebook.issue}"

    def on_mount(self) -> None:
        self.push_screen(ItemScreen(self.session))

    def action_help(self) -> None:
        """Show every key."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(
                HelpScreen(
                    self.session.packet.codebook,
                    [ItemScreen, SummaryScreen, ReviewApp],
                    "argmap review: keys",
                )
            )
