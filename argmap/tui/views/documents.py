"""The documents view: an article's text with its statements highlighted in their stance's
colour and the speaker mention marked; a side panel with the selected statement's details."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label

from argmap.spans import paragraphs
from argmap.store import DocumentRow, StatementRow
from argmap.tui.label_style import plural
from argmap.tui.views.article import ArticleText
from argmap.tui.views.base import StatementView
from argmap.tui.views.fields import Fields, FieldsPanel
from argmap.tui.views.lines import printable


def find_passage(text: str, passage: str, near: int = 0) -> tuple[int, int] | None:
    """(start, end) of ``passage`` in ``text`` nearest to offset ``near``, or None.

    Runs of whitespace match any run of whitespace, so a passage selected across wrapped
    lines or paragraphs (where the screen shows other breaks than the text has) still matches.
    """
    words = passage.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    spans = [match.span() for match in pattern.finditer(text)]
    return min(spans, key=lambda span: abs(span[0] - near)) if spans else None


def rows_by_paragraph(
    spans: list[tuple[int, int]], rows: list[StatementRow]
) -> list[list[StatementRow]]:
    """For each paragraph (start, end), the rows whose statement, speaker mention or cue touch
    it."""
    starts = [start for start, _ in spans]
    buckets: list[list[StatementRow]] = [[] for _ in spans]
    for row in rows:
        for lo, hi in (
            (row.start, row.end),
            (row.speaker_start, row.speaker_end),
            (row.cue_start, row.cue_end),
        ):
            if lo is None or hi is None:
                continue
            index = max(bisect_right(starts, lo) - 1, 0)
            while index < len(spans) and spans[index][0] < hi:
                if spans[index][1] > lo and not (buckets[index] and buckets[index][-1] is row):
                    buckets[index].append(row)
                index += 1
    return buckets


class DocumentsView(StatementView):
    """An article with its statements; n / p move between statements, [ and ] between documents."""

    TITLE = "Documents"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,j,down", "statement(1)", "Next", id="next-statement"),
        Binding("N,k,up", "statement(-1)", "Previous", show=False, id="previous-statement"),
        Binding("right_square_bracket", "document(1)", "Next doc", show=False, id="next-document"),
        Binding(
            "left_square_bracket", "document(-1)", "Prev doc", show=False, id="previous-document"
        ),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="text-page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="text-page-up"),
        Binding(
            "home", "text_end(0)", "Top", show=False, tooltip="the top of the text", id="text-top"
        ),
        Binding(
            "end",
            "text_end(1)",
            "Bottom",
            show=False,
            tooltip="the end of the text",
            id="text-bottom",
        ),
        Binding(
            "A",
            "add_statement",
            "Add statement",
            show=False,
            tooltip="mark the selected text as a statement",
            id="add-statement",
        ),
        Binding(
            "D",
            "remove_document",
            "Remove document",
            show=False,
            tooltip="remove the document shown with its statements (u undoes)",
            id="remove-document",
        ),
    ]

    document_id: reactive[str | None] = reactive(None, init=False, repaint=False)
    """The document shown."""
    index: reactive[int] = reactive(0, init=False, repaint=False)  # _paint redraws what changes
    """Position of the selected statement in the document's statements."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[StatementRow] = []
        self.text = ""
        self._spans: list[tuple[int, int]] = []  # the paragraphs of the text
        self._by_paragraph: list[
            list[StatementRow]
        ] = []  # the rows whose marks touch each paragraph
        self._painted: StatementRow | None = None  # the statement drawn as selected
        self._panel_row: str | None = None  # the statement the panel shows
        self._document: DocumentRow | None = None  # the document shown, with its metadata

    def compose(self) -> ComposeResult:
        yield Label("", id="doc-title")
        with Horizontal():
            yield ArticleText(id="doc-text")
            yield FieldsPanel(id="doc-panel")

    # ------------------------------------------------------------------ data

    def refresh_data(self) -> None:
        documents = self.workspace.documents()
        if not documents:
            self.set_reactive(
                DocumentsView.document_id, None
            )  # without the watcher: nothing to load
            self.rows, self.text, self._spans, self._by_paragraph, self._painted = (
                [],
                "",
                [],
                [],
                None,
            )
            self.query_one("#doc-title", Label).update(
                " no documents yet: add articles with `argmap add`"
            )
            self.article.set_text("", [])
            self._panel(None)
            return
        if self.document_id not in {d.id for d in documents}:
            self.document_id = documents[0].id
            return  # the watcher loads it
        self._load()

    def watch_document_id(self) -> None:
        self.set_reactive(DocumentsView.index, 0)
        self._load()

    def watch_index(self) -> None:
        self._paint()

    def show(self, statement_id: str) -> None:
        """Show the document of ``statement_id`` with that statement selected."""
        row = self.workspace.statement_row(statement_id)
        ids = [r.id for r in self.rows]
        if row.document != self.document_id or statement_id not in ids:
            self.set_reactive(DocumentsView.document_id, row.document)
            self._load(select=statement_id)
        elif ids.index(statement_id) != self.index:
            self.index = ids.index(statement_id)
        else:
            self._paint()

    def _load(self, select: str | None = None) -> None:
        """Read the document and its statements, selecting ``select`` if given (else keeping the
        position; after an edit that brings one statement into the text, that one). A new text is
        laid out anew; the same text (after an edit) is only restyled where its statements
        changed, keeping the scroll."""
        if self.document_id is None:
            return
        document = self.workspace.document(self.document_id)
        self._document = self.workspace.document_row(self.document_id)
        same_text = document.text == self.text and bool(self.article.paragraphs)
        self.text = document.text
        before, self.rows = self.rows, self.workspace.statements_in_document(self.document_id)
        ids = [row.id for row in self.rows]
        appeared = set(ids) - {row.id for row in before}
        if same_text and len(appeared) == 1:  # added, or brought back by an undo: select it
            select = appeared.pop()
        index = ids.index(select) if select in ids else min(self.index, max(len(self.rows) - 1, 0))
        self.set_reactive(DocumentsView.index, index)
        self._spans = spans = list(paragraphs(self.text))
        self._by_paragraph = rows_by_paragraph(spans, self.rows)
        self._title(document.name)
        if same_text:  # restyle the paragraphs of the statements that changed (or came or went)
            self._restyle(list(set(before) ^ set(self.rows)))
            self._paint()  # and those of the statement selected before and now
        else:
            self._painted = self.rows[index] if self.rows else None
            self.article.set_text(
                self.text, [(a, b, self._styled(number)) for number, (a, b) in enumerate(spans)]
            )
            self.call_after_refresh(self._paint)

    def _title(self, name: str) -> None:
        names = [d.id for d in self.workspace.documents()]
        position = names.index(self.document_id) + 1 if self.document_id in names else 0
        hints = self.argmap.hints
        keys = hints(
            ("previous-document", "left_square_bracket", ""),
            ("next-document", "right_square_bracket", ""),
        )
        moves = hints(("next-statement", "n", ""), ("previous-statement", "N", ""))
        row = self._document
        where = " · ".join(v for v in (row.outlet, row.published) if v) if row else ""
        self.query_one("#doc-title", Label).update(
            Text.assemble(  # one line: no layout
                (f" {name} ", "bold reverse"),
                (f" {where}", "bold") if where else "",
                f"  document {position} of {len(names)}, {plural(len(self.rows), 'statement')}   "
                f"{' '.join(keys.split())} other documents, {' '.join(moves.split())} statements",
            ),
            layout=False,
        )

    # ------------------------------------------------------------------ drawing

    def _styled(self, index: int) -> Text:
        """Paragraph ``index`` with its statements in their stance's colour (the selected one
        filled, drawn last so that an overlapping statement does not hide it), mentions and cues
        marked."""
        start, end = self._spans[index]
        labels = self.argmap.labels
        text = Text(printable(self.text[start:end]))
        selected = self.rows[self.index].id if self.rows else None
        rows = self._by_paragraph[index] if index < len(self._by_paragraph) else []
        for row in sorted(rows, key=lambda r: r.id == selected):
            colour = labels.colour(row.label)
            if row.start < end and row.end > start:
                a, b = max(row.start, start) - start, min(row.end, end) - start
                if row.id == selected:
                    text.stylize(Style(color="#ffffff", bgcolor=colour, bold=True), a, b)
                else:
                    text.stylize(Style(color=colour, underline=True), a, b)
        for row in rows:
            for lo, hi, style in (
                (row.speaker_start, row.speaker_end, Style(bold=True, reverse=True)),
                (row.cue_start, row.cue_end, Style(italic=True, underline=True)),
            ):
                if lo is not None and hi is not None and lo < end and hi > start:
                    text.stylize(style, max(lo, start) - start, min(hi, end) - start)
        return text

    def _restyle(self, rows: list[StatementRow]) -> None:
        """Restyle the paragraphs that ``rows`` (their statements, mentions, cues) touch."""
        for index, touched in enumerate(rows_by_paragraph(self._spans, rows)):
            if touched:
                self.article.restyle(index, self._styled(index))

    @property
    def article(self) -> ArticleText:
        """The widget showing the document's text."""
        return self.query_one("#doc-text", ArticleText)

    def _paint(self) -> None:
        """Draw the selected statement as selected (restyling only the paragraphs that change),
        fill the panel, and bring the statement into view."""
        current = self.rows[self.index] if self.rows else None
        self._restyle([row for row in (self._painted, current) if row is not None])
        self._painted = current
        self._panel(current)
        if current is not None:
            self.article.show_span(current.start, current.end)

    def _document_fields(self) -> Fields:
        """The document's metadata for the panel: the fields known, "(set by hand)" marked."""
        document = self._document
        if document is None:
            return []
        fields: Fields = []
        for name, value in (
            ("title", document.title),
            ("outlet", document.outlet),
            ("published", document.published),
            ("authors", ", ".join(document.authors)),
            ("url", document.url),
            ("language", document.language),
        ):
            if value:
                hand = " (set by hand)" if name in document.set_by_hand else ""
                fields.append(
                    (name, Text.assemble((value, "bold" if name == "title" else ""), hand))
                )
        return fields

    def _panel(self, row: StatementRow | None) -> None:
        panel = self.query_one("#doc-panel", FieldsPanel)
        hints = self.argmap.hints
        if row is None:
            keys = (
                []
                if self.document_id is None
                else [
                    (
                        "keys",
                        hints(
                            ("add-statement", "A", "add selected text"),
                            ("remove-document", "D", "remove document"),
                        ),
                    )
                ]
            )
            panel.show(
                [
                    (
                        "",
                        "no documents"
                        if self.document_id is None
                        else "no statements in this document",
                    ),
                    *(self._document_fields() if self.document_id is not None else []),
                ],
                footer=keys,
                top=True,
            )
            self._panel_row = None
            return
        labels = self.argmap.labels
        fields: Fields = []
        fields.append(("statement", f"{self.index + 1} of {len(self.rows)}"))
        fields.append(("speaker", Text(row.speaker or "(nobody)", style="bold")))
        fields.append(("mention", row.speaker_mention or ""))
        fields.append(("cue", row.cue or ""))
        fields.append(("kind", row.kind + ("  (added by hand)" if row.origin == "manual" else "")))
        fields.append(("stance", labels.chip(row.label, source=row.label_source)))
        fields.append(("review", row.review))
        fields.append(("span", f"{row.start}-{row.end}"))
        suggestion = self.workspace.suggestion(row.id)
        if suggestion is not None:
            fields.append(
                (
                    "suggested",
                    Text.assemble(
                        labels.chip(suggestion.label),
                        f" {suggestion.score:.2f} ({suggestion.model})",
                    ),
                )
            )
            if suggestion.explanation:
                fields.append(("reason", suggestion.explanation))
            if suggestion.evidence:
                fields.append(("evidence", ", ".join(suggestion.evidence[:6])))
        for annotation in self.workspace.annotations(row.id):
            who = annotation.annotator + (" (adjudicated)" if annotation.adjudicated else "")
            fields.append(
                (
                    "annotation",
                    Text.assemble(
                        labels.chip(annotation.label),
                        f" {who}",
                        f"\n{annotation.note}" if annotation.note else "",
                    ),
                )
            )
        for relation in self.workspace.relations(row.id, status="accepted"):
            if relation.target_type == "claim":
                fields.append((relation.kind, self.workspace.claim(relation.target_id).text))
        fields += self._document_fields()
        keys = [
            (
                "keys",
                Text.assemble(
                    self.argmap.legend(),
                    "\n"
                    + hints(
                        ("accept-suggestion", "a", "accept"),
                        ("reattribute", "w", "who"),
                        ("cycle-kind", "K", "kind"),
                        ("edit-span", "e", "span"),
                        ("delete-statement", "x", "delete"),
                    ),
                    "\n"
                    + hints(
                        ("link-support", "l", "support"),
                        ("link-attack", "L", "attack claim"),
                        ("promote", "plus", "promote"),
                        ("add-statement", "A", "add selected text"),
                        ("remove-document", "D", "remove document"),
                    ),
                ),
            )
        ]
        panel.show(
            fields, footer=keys, top=row.id != self._panel_row
        )  # another statement: from its first line
        self._panel_row = row.id

    # ------------------------------------------------------------------ actions

    def selected_statement(self) -> str | None:
        return self.rows[self.index].id if self.rows else None

    def after_edit(self) -> None:
        if self.document_id not in {d.id for d in self.workspace.documents()}:
            self.refresh_data()  # the document was removed: show the first one left
            return
        self._load(select=self.selected_statement())

    def action_statement(self, step: int) -> None:
        if self.rows:
            self.index = (self.index + step) % len(self.rows)

    def action_page(self, step: int) -> None:
        """Scroll the text a screen down (1) or up (-1)."""
        article = self.article
        article.scroll_to(
            y=article.scroll_offset.y + step * max(article.scrollable_content_region.height - 2, 1),
            animate=False,
        )

    def action_text_end(self, end: int) -> None:
        """Scroll to the top (0) or the end (1) of the text."""
        if end:
            self.article.scroll_end(animate=False)
        else:
            self.article.scroll_home(animate=False)

    def action_document(self, step: int) -> None:
        ids = [d.id for d in self.workspace.documents()]
        if ids:
            at = ids.index(self.document_id) if self.document_id in ids else 0
            self.document_id = ids[(at + step) % len(ids)]

    def action_remove_document(self) -> None:
        """Remove the document shown, with its statements, after a confirmation (u undoes)."""
        if self.document_id is None:
            return
        document = self.document_id
        name = self.workspace.document(document).name
        choices = [
            ("keep", "Keep it"),
            ("remove", f"Remove {name} and its {len(self.rows)} statements (u undoes)"),
        ]

        def chosen(choice: str | None) -> None:
            if choice == "remove":
                self.argmap.run_edit(
                    f"{name} removed (u undoes)", lambda ws: ws.remove_document(document), self
                )

        self.app.push_screen(self.argmap.picker(f"Remove the document {name}?", choices), chosen)

    def action_add_statement(self) -> None:
        """Mark the text selected with the mouse (or typed in the prompt) as a new statement:
        the selection's own offsets when the prompt is kept as it is, else the typed words
        nearest to the selection or the selected statement."""
        if self.document_id is None:
            return
        article = self.article
        span = article.selected_span()
        shown = " ".join(printable(self.text[span[0] : span[1]]).split()) if span else ""
        near = span[0] if span else (self.rows[self.index].start if self.rows else 0)

        def chosen(value: str | None) -> None:
            if not value or not value.strip():
                return
            found = (
                span
                if span and " ".join(value.split()) == shown
                else find_passage(self.text, value, near)
            )
            if found is None:
                self.app.notify("that text is not in the document", severity="error")
                return
            start, end = found
            document = self.document_id
            self.screen.clear_selection()
            self.argmap.run_edit(
                "statement added",
                lambda ws: ws.add_statement(document, start, end),
                self,
                then=lambda row: self.show(row.id),
            )

        self.app.push_screen(
            self.argmap.prompt("Text of the new statement (as in the document)", shown), chosen
        )
