"""The review queue: statements no person has labelled yet, least certain first, one at a time."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Static

from argmap.store import StatementFilter, StatementRow
from argmap.store.views import QUEUE_STATES, review_queue
from argmap.tui.label_style import quoted
from argmap.tui.views.base import StatementView


class ReviewView(StatementView):
    """One statement with its paragraph; 1-9 label it, a accepts the suggestion, n notes it."""

    TITLE = "Review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,j,down", "skip(1)", "Skip", id="review-skip"),
        Binding("backspace,k,up", "skip(-1)", "Back", show=False, id="review-back"),
        Binding(
            "n", "note", "Note", tooltip="write a note saved with your label", id="review-note"
        ),
        Binding("escape", "leave_note", "Leave note", show=False, id="review-leave-note"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.position = 0  # place in the queue
        self.current: StatementRow | None = None
        self.remaining = 0

    def compose(self) -> ComposeResult:
        yield Label("", id="review-progress")
        with VerticalScroll(id="review-body"):
            yield Static("", id="review-statement")
            yield Static("", id="review-context")
            yield Static("", id="review-suggestion")
        yield Input(
            placeholder="note (n to write, enter to keep; saved with the next label)",
            id="review-note",
        )
        yield Static("", id="review-keys")

    def refresh_data(self) -> None:
        self.remaining = self.workspace.count_statements(StatementFilter(review=QUEUE_STATES))
        self.position = min(self.position, max(self.remaining - 1, 0))
        page = review_queue(self.workspace, offset=self.position, limit=1)
        self.current = page[0] if page else None
        self._paint()

    def _paint(self) -> None:
        labels = self.argmap.labels
        row = self.current
        total = self.workspace.count_statements()
        self.query_one("#review-progress", Label).update(
            Text(
                f" {self.remaining} of {total} statements not yet labelled by a person · "
                f"item {self.position + 1 if row else 0} of {self.remaining}",
                style="bold",
            )
        )
        if row is None:
            self.query_one("#review-statement", Static).update(
                Text("Nothing left to review.", style="bold green")
            )
            self.query_one("#review-context", Static).update("")
            self.query_one("#review-suggestion", Static).update("")
            return
        head = Text.assemble(
            (row.speaker or "(nobody)", "bold"),
            f"  {row.cue}  ",
            (f"{row.kind}", "dim"),
            f"   {row.doc_name}",
            "\n\n",
        )
        head.append(quoted(row.text), style="bold")
        self.query_one("#review-statement", Static).update(head)
        paragraph, offset = self.workspace.context(row.id)
        context = Text(paragraph, style="dim")
        context.stylize(
            Style(color="#ffffff", bgcolor=labels.colour(row.label), dim=False),
            row.start - offset,
            row.end - offset,
        )
        self.query_one("#review-context", Static).update(context)
        suggestion = self.workspace.suggestion(row.id)
        if suggestion is not None:
            text = Text.assemble(
                "suggested: ",
                labels.chip(suggestion.label),
                f" {suggestion.score:.2f}  ",
                (suggestion.explanation, "italic"),
            )
        else:
            text = Text("no suggestion", style="dim")
        self.query_one("#review-suggestion", Static).update(text)
        self.query_one("#review-keys", Static).update(
            Text.assemble(
                self.argmap.legend(),
                "   ",
                self.argmap.hints(
                    ("accept-suggestion", "a", "accept suggestion"),
                    ("review-skip", "space", "skip"),
                    ("review-back", "backspace", "back"),
                    ("review-note", "n", "note"),
                    ("reattribute", "w", "who said it"),
                    ("open-statement", "enter", "open in document"),
                ),
            )
        )

    def selected_statement(self) -> str | None:
        return self.current.id if self.current else None

    def note(self) -> str:
        return self.query_one("#review-note", Input).value.strip()

    def action_set_label(self, number: int) -> None:
        sid, label = self.selected_statement(), self.argmap.labels.by_number(number)
        if sid and label:
            note = self.note()
            self._edit(
                f"stance {self.argmap.labels.name(label)}",
                lambda ws: ws.set_stance(sid, label, note=note),
            )

    def action_accept(self) -> None:
        if sid := self.selected_statement():
            note = self.note()
            self._edit("suggestion accepted", lambda ws: ws.accept_suggestion(sid, note=note))

    def after_edit(self) -> None:
        self.query_one("#review-note", Input).value = ""
        self.refresh_data()  # the labelled statement left the queue: the next one takes its place

    def action_skip(self, step: int) -> None:
        if self.remaining:
            self.position = (self.position + step) % self.remaining
            self.refresh_data()

    def action_note(self) -> None:
        self.query_one("#review-note", Input).focus()

    def action_leave_note(self) -> None:
        self.focus()

    @on(Input.Submitted, "#review-note")
    def _note_done(self) -> None:
        self.focus()
