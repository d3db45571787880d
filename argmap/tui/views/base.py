"""The base of the views: access to the app's workspace, and the statement edits every
view that shows a selected statement offers (stance keys, accept, re-attribute, kind, span,
delete, link, promote)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.widget import Widget

if TYPE_CHECKING:
    from argmap.tui.app import ArgmapApp

LABEL_BINDINGS = [
    Binding(str(n), f"set_label({n})", f"label {n}", show=False, id=f"label-{n}")
    for n in range(1, 10)
]

STATEMENT_BINDINGS = [
    *LABEL_BINDINGS,
    Binding(
        "a",
        "accept",
        "Accept",
        tooltip="take the model's suggestion as your label",
        id="accept-suggestion",
    ),
    Binding("0", "clear_label", "Clear label", show=False, id="clear-label"),
    Binding(
        "t",
        "pick_label",
        "Label…",
        show=False,
        tooltip="pick any of the codebook's labels (those past the ninth too)",
        id="pick-label",
    ),
    Binding(
        "w",
        "reattribute",
        "Who said it",
        tooltip="re-attribute to another speaker",
        id="reattribute",
    ),
    Binding("K", "cycle_kind", "Kind", show=False, id="cycle-kind"),
    Binding(
        "e",
        "edit_span",
        "Span",
        show=False,
        tooltip="edit the statement's start and end",
        id="edit-span",
    ),
    Binding("delete,x", "delete_statement", "Delete", show=False, id="delete-statement"),
    Binding(
        "l",
        'link("supports")',
        "Supports",
        show=False,
        tooltip="link to a claim as support",
        id="link-support",
    ),
    Binding(
        "L",
        'link("attacks")',
        "Attacks",
        show=False,
        tooltip="link to a claim as attack",
        id="link-attack",
    ),
    Binding(
        "plus",
        "promote",
        "Promote",
        show=False,
        tooltip="promote the statement to a claim",
        id="promote",
    ),
    Binding(
        "enter",
        "open_statement",
        "Open",
        show=False,
        tooltip="the statement in its document",
        id="open-statement",
    ),
]

KINDS = ("direct", "mixed", "indirect")


class View(Widget):
    """A view of the workspace; ``refresh_data`` reloads it from the store."""

    can_focus = True
    TITLE = "view"

    @property
    def argmap(self) -> ArgmapApp:
        return self.app  # type: ignore[return-value]

    @property
    def workspace(self):
        return self.argmap.workspace

    def refresh_data(self) -> None:
        """Reload what the view shows from the store."""

    def focus_default(self) -> None:
        """Focus the widget keys go to in this view."""
        self.focus()


class StatementView(View):
    """A view with a selected statement: the statement edits apply to it."""

    BINDINGS = STATEMENT_BINDINGS

    def selected_statement(self) -> str | None:
        """The id of the statement the edits apply to."""
        return None

    def after_edit(self) -> None:
        """Called after an edit of the selected statement (refresh what changed)."""
        self.refresh_data()

    def _edit(self, summary: str, call) -> None:
        self.argmap.run_edit(summary, call, self)

    def action_set_label(self, number: int) -> None:
        sid = self.selected_statement()
        label = self.argmap.labels.by_number(number)
        if sid and label:
            self._edit(
                f"stance {self.argmap.labels.name(label)}", lambda ws: ws.set_stance(sid, label)
            )

    def action_pick_label(self) -> None:
        """Label the statement with any label of the codebook, picked by name."""
        sid = self.selected_statement()
        outline = self.workspace.codebook_outline
        if not sid:
            return
        if outline is None:
            self.app.notify(
                "the workspace has no codebook (argmap codebook FILE sets one)", severity="error"
            )
            return
        choices = [
            (label.id, f"{number}  {label.name}" if number <= 9 else f"   {label.name}")
            for number, label in enumerate(outline.labels, 1)
        ]

        def chosen(label_id: str | None) -> None:
            if label_id:
                self._edit(
                    f"stance {self.argmap.labels.name(label_id)}",
                    lambda ws: ws.set_stance(sid, label_id),
                )

        self.app.push_screen(self.argmap.picker("Label the statement", choices), chosen)

    def action_clear_label(self) -> None:
        if sid := self.selected_statement():
            self._edit("label removed", lambda ws: ws.clear_stance(sid))

    def action_accept(self) -> None:
        if sid := self.selected_statement():
            self._edit("suggestion accepted", lambda ws: ws.accept_suggestion(sid))

    def action_cycle_kind(self) -> None:
        if sid := self.selected_statement():
            kind = self.workspace.statement_row(sid).kind
            new = KINDS[(KINDS.index(kind) + 1) % len(KINDS)] if kind in KINDS else KINDS[0]
            self._edit(f"kind {new}", lambda ws: ws.adjust_statement(sid, kind=new))

    def action_delete_statement(self) -> None:
        if sid := self.selected_statement():
            self._edit("statement deleted (u undoes)", lambda ws: ws.delete_statement(sid))

    def action_reattribute(self) -> None:
        sid = self.selected_statement()
        if not sid:
            return
        choices = [
            (s.id, f"{s.name}  ({s.statements})" + (f"  {s.role}" if s.role else ""))
            for s in self.workspace.speakers()
        ]

        def chosen(speaker_id: str | None) -> None:
            if speaker_id:
                self._edit("re-attributed", lambda ws: ws.reattribute(sid, speaker_id))

        self.app.push_screen(self.argmap.picker("Who said it?", choices), chosen)

    def action_edit_span(self) -> None:
        sid = self.selected_statement()
        if not sid:
            return
        row = self.workspace.statement_row(sid)

        def chosen(value: str | None) -> None:
            if not value:
                return
            match = re.fullmatch(r"\s*(\d+)\s*(?:-|\s)\s*(\d+)\s*", value)
            if match is None:
                self.app.notify(
                    f"expected two offsets 'START END', got {value!r}", severity="error"
                )
                return
            start, end = int(match[1]), int(match[2])
            self._edit(
                f"span {start}-{end}", lambda ws: ws.adjust_statement(sid, start=start, end=end)
            )

        self.app.push_screen(
            self.argmap.prompt(
                "Statement span (start end, character offsets)", f"{row.start} {row.end}"
            ),
            chosen,
        )

    def action_link(self, kind: str) -> None:
        sid = self.selected_statement()
        if not sid:
            return
        claims = self.workspace.claims()
        if not claims:
            self.app.notify(
                "no claims yet: add one in the map (m, then c) or promote a statement (+)",
                severity="warning",
            )
            return
        choices = [(c.id, f"{c.kind}: {c.text}") for c in claims]

        def chosen(claim_id: str | None) -> None:
            if claim_id:
                self._edit(f"linked: {kind}", lambda ws: ws.link(sid, claim_id, kind))

        self.app.push_screen(self.argmap.picker(f"Claim the statement {kind}", choices), chosen)

    def action_promote(self) -> None:
        if sid := self.selected_statement():
            self._edit("promoted to a claim", lambda ws: ws.promote_statement(sid))

    async def action_open_statement(self) -> None:
        if sid := self.selected_statement():
            await self.argmap.show_statement(sid)
