"""The statements view: every statement in a virtual table, filtered and sorted."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Label

from argmap.store import SORTS, EditError, StatementFilter
from argmap.store.positions import positions_like
from argmap.tui.label_style import plural
from argmap.tui.views.base import StatementView
from argmap.tui.views.statement_table import COLUMNS, StatementTable

SORT_KEYS = tuple(SORTS)
FIELDS = ("speaker", "stance", "label", "doc", "document", "kind", "review", "source", "position")
#: Terms on the documents' metadata, read by ``Workspace.metadata_filter`` as the CLI's
#: ``--outlet``, ``--author``, ``--since`` and ``--until`` are.
METADATA_TERMS = ("outlet", "author", "since", "until")


def parse_query(workspace, query: str) -> tuple[StatementFilter, str, str | None]:
    """A filter from ``speaker:NAME stance:LABEL doc:NAME kind:K review:STATE source:S
    position:CLAIM`` and ``outlet:NAME author:NAME since:DAY until:DAY`` terms (``_`` stands for
    a space; ``speaker:-``, ``position:-`` and ``outlet:-``: none; ``since:-``: no date), the rest
    being text to search fuzzily.
    Returns (filter, free text, problem)."""
    fields: dict = {}
    words = []
    problem = None
    nothing = False
    metadata: dict[str, str] = {}
    for term in query.split():
        key, sep, value = term.partition(":")
        if sep and key.lower() in METADATA_TERMS and value:  # '-': no outlet, no date
            metadata[key.lower()] = value
            continue
        if not sep or key.lower() not in FIELDS or not value:
            words.append(term)
            continue
        key, value = key.lower(), value.replace("_", " ")
        if key in ("speaker", "position") and value.lower() in ("-", "none"):
            fields[key] = ""
        elif key == "speaker" and value.startswith("spk-"):
            fields["speaker"] = value
        elif key == "speaker":
            named = workspace.speakers_named(value)  # a name, an alias or a family name
            hits = named if len(named) == 1 else workspace.speakers(text=value, limit=1)
            if hits:
                fields["speaker"] = hits[0].id
            else:
                problem = f"no speaker like {value!r}"
                nothing = True
        elif key in ("stance", "label"):
            codebook = workspace.codebook
            ids = codebook.label_ids if codebook else ()
            names = {lab.name.lower(): lab.id for lab in codebook.labels} if codebook else {}
            match = next((i for i in ids if i.startswith(value.lower())), None) or next(
                (i for n, i in names.items() if n.startswith(value.lower())), None
            )
            fields["label"] = "" if value.lower() in ("none", "-") else (match or value)
        elif key in ("doc", "document"):
            found = tuple(d.id for d in workspace.documents_like(value))
            if found:
                fields["document"] = found
            else:
                problem = f"no document like {value!r}"
                nothing = True
        elif key == "kind":
            fields["kind"] = value.lower()
        elif key == "review":
            fields["review"] = tuple(v.lower() for v in value.split(","))
        elif key == "source":
            fields["label_source"] = value.lower()
        elif key == "position":
            found = positions_like(workspace, value)
            if len(found) == 1:
                fields["position"] = found[0].id
            else:  # none, or several: as argmap statements --position, name them
                names = ", ".join(f"{c.id} ({c.text})" for c in found[:3])
                problem = (
                    f"several positions match {value!r}: {names}"
                    if found
                    else f"no position like {value!r}"
                )
                nothing = True
    if metadata:
        try:
            fields.update(_metadata_filter(workspace, metadata))
        except EditError as refused:
            problem, nothing = str(refused), True
    if nothing:
        fields["ids"] = ()
    return StatementFilter(**fields), " ".join(words), problem


def _metadata_filter(workspace, terms: dict[str, str]) -> dict:
    """The filter fields of ``outlet:`` ``author:`` ``since:`` ``until:`` terms; an outlet or
    author written with ``_`` for its spaces is found either way ("New_York_Times")."""
    try:
        return workspace.metadata_filter(**{k: v.replace("_", " ") for k, v in terms.items()})
    except EditError:
        return workspace.metadata_filter(**terms)


def without_terms(query: str, *keys: str) -> str:
    """``query`` without its ``KEY:value`` terms of ``keys``."""
    return " ".join(term for term in query.split() if term.partition(":")[0].lower() not in keys)


class StatementsView(StatementView):
    """All statements: a filter line (fields and fuzzy text), a virtual table, sort keys."""

    TITLE = "Statements"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Filter", id="statements-filter"),
        Binding("o", "sort", "Sort", tooltip="next sort order", id="statements-sort"),
        Binding(
            "f",
            "outlets",
            "Outlets",
            tooltip="the outlets with their statements; pick one to filter by it",
            id="statements-outlets",
        ),
        Binding("O", "reverse", "Reverse", show=False, id="statements-reverse"),
        Binding("escape", "leave_filter", "Table", show=False, id="statements-table"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.sort = "document"
        self.descending = False
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder="filter: speaker:NAME stance:LABEL doc:NAME kind:direct review:suggested, "
            "then any text (fuzzy)  — / to edit, enter to apply",
            id="statements-query",
        )
        yield Label("", id="statements-head")
        yield StatementTable(id="statements-table")
        yield Label("", id="statements-info")

    @property
    def table(self) -> StatementTable:
        return self.query_one(StatementTable)

    def focus_default(self) -> None:
        self.table.focus()

    def refresh_data(self) -> None:
        self.table.labels = self.argmap.labels
        self.apply(self.query_text)

    def apply(self, query: str) -> None:
        """Filter and sort the table by ``query``."""
        from argmap.store.views import fuzzy_ids

        self.query_text = query
        filter, words, problem = parse_query(self.workspace, query)
        ids = fuzzy_ids(self.workspace, words, filter) if words else None
        self.table.set_query(filter, self.sort, self.descending, ids)
        heading = Text("".join(name.ljust(width) for name, width in COLUMNS) + "text", style="bold")
        self.query_one("#statements-head", Label).update(heading)
        order = (
            "best match"
            if ids is not None
            else f"{self.sort}{' (descending)' if self.descending else ''}"
        )
        info = (
            f" {self.table.total} statements · sorted by {order} · / filter · o sort · "
            "f outlets · enter open in document"
        )
        self.query_one("#statements-info", Label).update(
            Text(info + (f" · {problem}" if problem else ""))
        )

    def selected_statement(self) -> str | None:
        row = self.table.selected()
        return row.id if row else None

    def after_edit(self) -> None:
        self.table.reload()

    @on(Input.Submitted, "#statements-query")
    def _submitted(self, event: Input.Submitted) -> None:
        self.apply(event.value)
        self.table.focus()

    def action_search(self) -> None:
        self.query_one("#statements-query", Input).focus()

    def action_leave_filter(self) -> None:
        self.table.focus()

    def action_sort(self) -> None:
        self.sort = SORT_KEYS[(SORT_KEYS.index(self.sort) + 1) % len(SORT_KEYS)]
        self.apply(self.query_text)

    def action_reverse(self) -> None:
        self.descending = not self.descending
        self.apply(self.query_text)

    def action_outlets(self) -> None:
        """The outlets facet: each outlet with its statements under the filter's other terms,
        most first; picking one puts ``outlet:=NAME`` in the filter (all outlets: none)."""
        rest = without_terms(self.query_text, "outlet")
        filter, _, _ = parse_query(self.workspace, rest)
        outlets = self.workspace.outlets(None if filter == StatementFilter() else filter)
        if not outlets:
            self.app.notify(
                "no document has an outlet (argmap add --metadata FILE, or argmap document set)",
                severity="warning",
            )
            return
        # every statement the other terms keep, those of documents without an outlet too
        total = self.workspace.count_statements(filter)
        without = total - sum(o.statements for o in outlets)
        choices = [("\0all", f"all outlets  ({plural(total, 'statement')})")]
        choices += [
            (
                o.outlet,
                f"{o.outlet}  ({plural(o.statements, 'statement')}, "
                f"{plural(o.documents, 'document')})",
            )
            for o in outlets
        ]
        if without:
            choices.append(("\0none", f"(no outlet)  ({plural(without, 'statement')})"))

        def chosen(outlet: str | None) -> None:
            if outlet is None:
                return
            term = {"\0all": "", "\0none": "outlet:-"}.get(
                outlet, "outlet:=" + outlet.replace(" ", "_")
            )
            query = " ".join(part for part in (term, rest) if part)
            self.query_one("#statements-query", Input).value = query
            self.apply(query)
            self.table.focus()

        self.app.push_screen(self.argmap.picker("Outlets (type to find one)", choices), chosen)
