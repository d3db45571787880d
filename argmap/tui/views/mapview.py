"""The map: the debate's issue at the root, positions and claims below, the statements that
support or attack each claim under it. The tree grows when a node is expanded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Label, Tree
from textual.widgets.tree import TreeNode

from argmap.store.views import claim_has_children, claim_statements
from argmap.tui.label_style import quoted
from argmap.tui.views.base import View


@dataclass(frozen=True)
class MapNode:
    """What a node of the map tree stands for."""

    kind: str  # issue | claim | statement
    id: str | None = None
    relation_id: str | None = None  # for a statement: its relation to the parent claim


class MapView(View):
    """The argument map as a lazily grown tree."""

    TITLE = "Map"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("P", 'add("position")', "Add position", id="map-add-position"),
        Binding(
            "c",
            'add("claim")',
            "Add claim",
            tooltip="a claim under the selected claim",
            id="map-add-claim",
        ),
        Binding("e", "edit", "Edit", tooltip="edit the selected claim's text", id="map-edit"),
        Binding(
            "delete,x",
            "delete",
            "Delete/unlink",
            tooltip="delete a claim, or unlink a statement",
            id="map-delete",
        ),
        Binding(
            "o",
            "open",
            "Open",
            show=False,
            tooltip="the selected statement in its document",
            id="map-open",
        ),
    ]

    def compose(self) -> ComposeResult:
        yield Tree("issue", id="map-tree", data=MapNode("issue"))
        yield Label(
            " P add position · c add claim under · e edit · x delete or unlink · o open statement "
            "· link statements from other views with l (supports) / L (attacks), promote with +",
            id="map-info",
        )

    @property
    def tree(self) -> Tree:
        return self.query_one(Tree)

    def focus_default(self) -> None:
        self.tree.focus()

    def refresh_data(self) -> None:
        tree = self.tree
        codebook = self.workspace.codebook
        expanded = {n.data.id for n in self._walk(tree.root) if n.is_expanded and n.data}
        tree.clear()
        tree.root.set_label(
            Text(codebook.issue if codebook else "(no codebook: no issue)", style="bold")
        )
        self._fill(tree.root, None)
        tree.root.expand()
        self._reopen(tree.root, expanded)

    def _reopen(self, node: TreeNode, expanded: set) -> None:
        """Expand again, and load, the nodes below ``node`` that were expanded before a refresh."""
        for child in list(node.children):
            if child.data and child.data.id in expanded and child.allow_expand:
                self._fill(child, child.data.id)
                child.expand()
                self._reopen(child, expanded)

    def _walk(self, node: TreeNode):
        yield node
        for child in node.children:
            yield from self._walk(child)

    def _fill(self, node: TreeNode, claim_id: str | None) -> None:
        """Add the children of ``node`` (claims under it, then statements linked to it)."""
        node.remove_children()
        labels = self.argmap.labels
        for claim in self.workspace.claims(claim_id):
            label = Text.assemble(
                (f"{claim.kind}: ", "dim"), (claim.text, "bold" if claim.kind == "position" else "")
            )
            if claim.label:
                label.append(" ")
                label.append_text(labels.chip(claim.label))
            node.add(
                label,
                data=MapNode("claim", claim.id),
                allow_expand=claim_has_children(self.workspace, claim),
            )
        if claim_id is not None:
            for relation, row in claim_statements(self.workspace, claim_id):
                colour = "green" if relation.kind == "supports" else "red"
                label = Text.assemble(
                    (f"{relation.kind} ", colour),
                    (row.speaker or "(nobody)", "bold"),
                    ": " + quoted(row.text[:120]),
                )
                node.add_leaf(label, data=MapNode("statement", row.id, relation.id))

    @on(Tree.NodeExpanded)
    def _expand(self, event: Tree.NodeExpanded) -> None:
        data = event.node.data
        if data and data.kind == "claim" and not event.node.children:
            self._fill(event.node, data.id)

    def selected(self) -> MapNode | None:
        node = self.tree.cursor_node
        return node.data if node else None

    def _edit(self, summary: str, call) -> None:
        self.argmap.run_edit(summary, call, self)

    def after_edit(self) -> None:
        self.refresh_data()

    def action_add(self, kind: str) -> None:
        selected = self.selected()
        parent = selected.id if kind == "claim" and selected and selected.kind == "claim" else None

        def chosen(text: str | None) -> None:
            if text and text.strip():
                self._edit(
                    f"{kind} added", lambda ws: ws.add_claim(text, kind=kind, parent_id=parent)
                )

        where = "under the selected claim" if parent else "under the issue"
        self.app.push_screen(self.argmap.prompt(f"Text of the new {kind} ({where})"), chosen)

    def action_edit(self) -> None:
        selected = self.selected()
        if not selected or selected.kind != "claim":
            return
        claim = self.workspace.claim(selected.id)

        def chosen(text: str | None) -> None:
            if text and text.strip() and text != claim.text:
                self._edit("claim edited", lambda ws: ws.edit_claim(claim.id, text=text))

        self.app.push_screen(self.argmap.prompt("Claim text", claim.text), chosen)

    def action_delete(self) -> None:
        selected = self.selected()
        if selected is None:
            return
        if selected.kind == "claim":
            self._edit("claim deleted (u undoes)", lambda ws: ws.delete_claim(selected.id))
        elif selected.kind == "statement" and selected.relation_id:
            self._edit("statement unlinked", lambda ws: ws.unlink(selected.relation_id))

    async def action_open(self) -> None:
        selected = self.selected()
        if selected and selected.kind == "statement":
            await self.argmap.show_statement(selected.id)
