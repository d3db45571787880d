"""Modal dialogs: a text prompt, a fuzzy picker, an error, and the help screen."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option


class LineInput(Input):
    """An input taking pasted lines as one line joined by spaces (Input keeps only the first)."""

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # not Input's own paste, which drops every line after the first
        event.stop()
        line = " ".join(event.text.split())
        if line and self.selection.is_empty:
            self.insert_text_at_cursor(line)
        elif line:
            self.replace(line, *self.selection)


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line of text; dismisses with it (None on escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog-cancel")
    ]

    def __init__(self, question: str, value: str = "", *, placeholder: str = "") -> None:
        super().__init__()
        self.question, self.value, self.placeholder = question, value, placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title")
            yield LineInput(self.value, placeholder=self.placeholder, id="prompt-input")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickerScreen(ModalScreen[str | None]):
    """Pick one of many choices by typing part of it (rapidfuzz); dismisses with its key."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog-cancel"),
        Binding("down", "down", "Down", show=False, id="picker-down"),
        Binding("up", "up", "Up", show=False, id="picker-up"),
    ]
    LIMIT = 50

    def __init__(self, title: str, choices: list[tuple[str, str]], value: str = "") -> None:
        """``choices``: (key, text shown) pairs."""
        super().__init__()
        self.title_text, self.choices, self.value = title, choices, value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(self.value, placeholder="type to filter", id="picker-input")
            yield OptionList(id="picker-options")

    def on_mount(self) -> None:
        self._fill(self.value)

    def matches(self, query: str) -> list[tuple[str, str]]:
        """The choices best matching ``query`` (all, in order, when it is empty)."""
        if not query.strip():
            return self.choices[: self.LIMIT]
        from rapidfuzz import fuzz, process

        found = process.extract(
            query,
            [text for _, text in self.choices],
            scorer=fuzz.WRatio,
            processor=str.lower,
            limit=self.LIMIT,
            score_cutoff=40,
        )
        return [self.choices[index] for _, _, index in found]

    def _fill(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(text, id=key) for key, text in self.matches(query)])
        if options.option_count:
            options.highlighted = 0

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)


class ErrorScreen(ModalScreen[None]):
    """An error shown to the user (a failed worker, a refused edit); any key closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close", id="dialog-close")
    ]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text, self.message = title, message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog error"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(Text(self.message), id="error-message")
            yield Label("escape or enter closes this", classes="dim")

    def action_close(self) -> None:
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    """Every binding of the app and of the current view, with its id (for remapping)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help-close")
    ]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str, str]]]]) -> None:
        """``sections``: (title, [(keys, description, binding id)])."""
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Label(
                "Keys (remap by id in ~/.config/argmap/keys.toml or --keys FILE)",
                classes="dialog-title",
            )
            for title, rows in self.sections:
                table = Table(
                    title=title, title_justify="left", expand=True, show_edge=False, pad_edge=False
                )
                table.add_column("keys", style="bold", no_wrap=True)
                table.add_column("does")
                table.add_column("id", style="dim", no_wrap=True)
                for keys, description, binding_id in rows:
                    table.add_row(keys, description, binding_id)
                yield Static(table)

    def action_close(self) -> None:
        self.dismiss(None)
