"""The adjudication queue: each disputed statement with every reviewer's label and note; keys 1-9
decide."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Label, ProgressBar, Static

from argmap.codebook import Codebook
from argmap.review.adjudication import AdjudicationQueue, Dispute
from argmap.tui.footer import KeysFooter
from argmap.tui.keymap import shown_keys
from argmap.tui.reviewer import render
from argmap.tui.reviewer.screens import HelpScreen


def answers_table(dispute: Dispute, codebook: Codebook) -> Table:
    """Each reviewer's label (in its colour), note and time."""
    table = Table(show_edge=False, expand=True, pad_edge=False)
    table.add_column("reviewer", style="bold", no_wrap=True)
    table.add_column("label", no_wrap=True)
    table.add_column("note", ratio=1)
    table.add_column("when", style="dim", no_wrap=True)
    for answer in dispute.answers:
        try:
            label = codebook.label(answer.label)
            shown = Text.assemble(("■ ", label.colour), label.name)
        except KeyError:
            shown = Text(answer.label)
        when = answer.time.strftime("%Y-%m-%d %H:%M") if answer.time else ""
        table.add_row(answer.reviewer, shown, answer.note, when)
    return table


class DisputeScreen(Screen):
    """One disputed statement at a time."""

    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                str(number),
                f"decide({number})",
                "Final label",
                show=number == 1,
                key_display="1-9" if number == 1 else None,
                tooltip=f"Adjudicate with the codebook's label {number}",
                id=f"adjudicate-{number}",
            )
            for number in range(1, render.MAX_KEYED_LABELS + 1)
        ),
        Binding("s,right", "skip", "Skip", tooltip="Next disputed statement", id="adjudicate-skip"),
        Binding(
            "b,left", "back", "Back", tooltip="Previous disputed statement", id="adjudicate-back"
        ),
    ]

    def __init__(self, queue: AdjudicationQueue, codebook: Codebook) -> None:
        super().__init__()
        self.queue = queue
        self.codebook = codebook

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="progress-row"):
            yield Label(id="position")
            yield ProgressBar(total=max(len(self.queue), 1), show_eta=False, id="progress")
        with Vertical(id="item"):
            yield Static(id="meta")
            with VerticalScroll(id="context-box", can_focus=False):
                yield Static(id="context")
            yield Static(id="answers")
            yield Static(id="labels")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        """Draw the current statement, or the end of the queue."""
        queue = self.queue
        self.query_one("#progress", ProgressBar).update(progress=len(queue.decided))
        dispute = queue.current()
        if dispute is None:
            self.query_one("#position", Label).update(
                f"{len(queue.decided)} of {len(queue)} decided"
                if len(queue)
                else "No disputed statements"
            )
            self.query_one("#meta", Static).update(
                Text(
                    "End of the queue: b goes back, q quits. Decisions are saved in the workspace.",
                    style="bold",
                )
            )
            for name in ("#context", "#answers", "#labels"):
                self.query_one(name, Static).update("")
            return
        self.query_one("#position", Label).update(
            f"Disputed {queue.index + 1} of {len(queue)} · {len(queue.decided)} decided"
        )
        self.query_one("#meta", Static).update(render.meta_text(dispute.item))
        self.query_one("#context", Static).update(render.context_text(dispute.item))
        self.query_one("#answers", Static).update(answers_table(dispute, self.codebook))
        keys = [
            shown_keys(self.app, f"adjudicate-{n}", str(n))
            for n in range(1, render.MAX_KEYED_LABELS + 1)
        ]
        self.query_one("#labels", Static).update(
            render.labels_text(self.codebook, dispute.final, None, keys)
        )

    def action_decide(self, number: int) -> None:
        """Adjudicate the current statement with the codebook's ``number``-th label."""
        labels = self.codebook.label_ids
        if self.queue.at_end:
            return
        if number > len(labels):
            self.notify(
                f"The codebook has {len(labels)} labels; there is no label {number}.",
                severity="warning",
            )
            return
        from argmap.store import WorkspaceError

        try:
            self.queue.decide(labels[number - 1])
        except WorkspaceError as problem:
            self.notify(str(problem), title="Not saved", severity="error")
            return
        self.show()

    def action_skip(self) -> None:
        """Next statement."""
        self.queue.skip()
        self.show()

    def action_back(self) -> None:
        """Previous statement."""
        self.queue.back()
        self.show()


class AdjudicateApp(App):
    """The workspace's adjudication queue: ``AdjudicateApp(workspace).run()``."""

    CSS_PATH = "reviewer.tcss"
    TITLE = "argmap adjudication"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", tooltip="Every key", id="help"),
        Binding(
            "q",
            "quit",
            "Quit",
            tooltip="Quit; every decision is already saved (`argmap undo` takes one back)",
            id="quit",
        ),
    ]

    def __init__(
        self, workspace, adjudicator: str | None = None, *, keymap: dict[str, str] | None = None
    ) -> None:
        super().__init__()
        if keymap:
            self.set_keymap(keymap)
        self.queue = AdjudicationQueue(workspace, adjudicator)
        self.codebook = workspace.codebook
        self.sub_title = f"{self.queue.adjudicator} · {self.codebook.issue}"

    def on_mount(self) -> None:
        self.push_screen(DisputeScreen(self.queue, self.codebook))

    def action_help(self) -> None:
        """Show every key."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(
                HelpScreen(
                    self.codebook,
                    [DisputeScreen, AdjudicateApp],
                    "argmap adjudication: keys (final label)",
                )
            )
