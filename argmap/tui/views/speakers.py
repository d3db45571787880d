"""The speakers view: role, affiliation, aliases, statement counts and stance breakdown;
rename, add an alias, merge (keeping or dropping the others' names), split, likely duplicates,
"not a speaker", one speaker's documents and mentions."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Input, Label

from argmap.store import SpeakerRow
from argmap.store.views import speaker_mentions, statement_ids_with_mention
from argmap.tui.label_style import plural
from argmap.tui.views.base import View


class SpeakersView(View):
    """Every speaker, most statements first; space marks speakers to merge into the one under the
    cursor."""

    TITLE = "Speakers"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Filter", id="speakers-filter"),
        Binding("R", "rename", "Rename", id="speaker-rename"),
        Binding("equals_sign", "alias", "Add alias", id="speaker-alias"),
        Binding("space", "mark", "Mark", id="speaker-mark"),
        Binding("M", "merge", "Merge marked", id="speaker-merge"),
        Binding(
            "S",
            "split",
            "Split",
            tooltip="move the statements of one mention to a new speaker",
            id="speaker-split",
        ),
        Binding(
            "D",
            "duplicates",
            "Duplicates",
            tooltip="likely duplicates, best first, with the evidence: pick one to merge it",
            id="speaker-duplicates",
        ),
        Binding(
            "X",
            "merge_dropping",
            "Merge, drop names",
            show=False,
            tooltip="merge the marked speakers into this one without keeping their names",
            id="speaker-merge-drop",
        ),
        Binding(
            "N",
            "not_a_speaker",
            "Not a speaker",
            tooltip="unattribute its statements and leave the name unattributed in later adds",
            id="speaker-not-a-speaker",
        ),
        Binding("I", "details", "Details", id="speaker-details"),
        Binding("enter", "statements", "Statements", show=False, id="speaker-statements"),
        Binding("escape", "leave_filter", "Table", show=False, id="speakers-table"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[SpeakerRow] = []
        self.marked: set[str] = set()
        self.text = ""

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder="filter speakers by name or alias (/ to edit, enter to apply)",
            id="speakers-query",
        )
        yield DataTable(id="speakers-table", cursor_type="row", zebra_stripes=True)
        yield Label(
            " space mark · M merge marked into this one (X: dropping their names) · D likely "
            "duplicates · R rename · = alias · S split · N not a speaker · I details · enter "
            "statements",
            id="speakers-info",
        )

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def focus_default(self) -> None:
        self.table.focus()

    def refresh_data(self) -> None:
        labels = self.argmap.labels
        table = self.table
        keep = self.selected()
        self.rows = self.workspace.speakers(text=self.text or None)
        table.clear(columns=True)
        for name, width in (
            (" ", 1),
            ("speaker", 30),
            ("kind", 12),
            ("role", 30),
            ("affiliation", 18),
            ("aliases", 24),
            ("statements", 10),
            ("stances", 24),
        ):
            table.add_column(name, width=width)
        for row in self.rows:
            stances = Text()
            for label, n in sorted(row.stances.items(), key=lambda item: -item[1]):
                stances.append(f" {n} ", style=f"#ffffff on {labels.colour(label)}")
                stances.append(" ")
            table.add_row(
                "●" if row.id in self.marked else " ",
                Text(row.name, style="bold"),
                row.kind,
                row.role or "",
                row.affiliation or "",
                ", ".join(row.aliases),
                Text(str(row.statements), justify="right"),
                stances,
                key=row.id,
            )
        ids = [r.id for r in self.rows]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))

    def selected(self) -> str | None:
        """The id of the speaker under the cursor."""
        table = self.table
        if not self.rows or table.cursor_row is None or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row].id

    def _edit(self, summary: str, call) -> None:
        self.argmap.run_edit(summary, call, self)

    def after_edit(self) -> None:
        self.refresh_data()

    def action_search(self) -> None:
        self.query_one("#speakers-query", Input).focus()

    def action_leave_filter(self) -> None:
        self.table.focus()

    @on(Input.Submitted, "#speakers-query")
    def _filter(self, event: Input.Submitted) -> None:
        self.text = event.value.strip()
        self.refresh_data()
        self.table.focus()

    def action_mark(self) -> None:
        if sid := self.selected():
            self.marked ^= {sid}
            self.table.update_cell(
                sid, self.table.ordered_columns[0].key, "●" if sid in self.marked else " "
            )
            self.table.action_cursor_down()

    def action_rename(self) -> None:
        sid = self.selected()
        if not sid:
            return
        speaker = self.workspace.speaker(sid)

        def chosen(name: str | None) -> None:
            if name and name.strip() and name.strip() != speaker.name:
                self._edit(f"renamed {name.strip()!r}", lambda ws: ws.rename_speaker(sid, name))

        self.app.push_screen(
            self.argmap.prompt(
                f"New name for {speaker.name} (the old one becomes an alias)", speaker.name
            ),
            chosen,
        )

    def action_alias(self) -> None:
        sid = self.selected()
        if not sid:
            return

        def chosen(alias: str | None) -> None:
            if alias and alias.strip():
                self._edit(f"alias {alias.strip()!r}", lambda ws: ws.add_alias(sid, alias))

        self.app.push_screen(self.argmap.prompt("Another name for this speaker"), chosen)

    def action_merge(self, drop_aliases: bool = False) -> None:
        keep = self.selected()
        others = sorted(self.marked - {keep})
        if not keep or not others:
            self.app.notify(
                "mark speakers with space, then press M on the one to keep", severity="warning"
            )
            return

        def merge(ws):
            result = ws.merge_speakers(keep, others, drop_aliases=drop_aliases)
            self.marked.clear()
            return result

        how = ", their names dropped" if drop_aliases else ""
        self._edit(f"{len(others)} merged{how}", merge)

    def action_merge_dropping(self) -> None:
        self.action_merge(drop_aliases=True)

    def action_duplicates(self) -> None:
        found = self.workspace.suggest_merges(limit=50)
        if not found:
            self.app.notify("no likely duplicates")
            return
        choices = [
            (
                str(i),
                f"{s.score:4.1f}  {s.keep.name} <- {s.other.name}   " + "; ".join(s.evidence),
            )
            for i, s in enumerate(found)
        ]

        def chosen(value: str | None) -> None:
            if value is None:
                return
            s = found[int(value)]
            self._edit(
                f"{s.other.name!r} merged into {s.keep.name!r}",
                lambda ws: ws.merge_speakers(s.keep.id, [s.other.id]),
            )

        self.app.push_screen(
            self.argmap.picker(
                "Likely duplicates: merge which (the second into the first)?", choices
            ),
            chosen,
        )

    def action_not_a_speaker(self) -> None:
        sid = self.selected()
        if not sid:
            return
        row = next(r for r in self.rows if r.id == sid)
        choices = [
            ("yes", f"Not a speaker: unattribute its {plural(row.statements, 'statement')}"),
            ("no", "Keep it"),
        ]

        def chosen(value: str | None) -> None:
            if value == "yes":
                self._edit(f"{row.name!r} is not a speaker", lambda ws: ws.not_a_speaker(sid))

        self.app.push_screen(
            self.argmap.picker(
                f"{row.name}: not a speaker? Later documents will leave the name unattributed.",
                choices,
            ),
            chosen,
        )

    def action_details(self) -> None:
        sid = self.selected()
        if not sid:
            return
        details = self.workspace.speaker_details(sid)
        s = details.speaker
        choices = [(doc, f"{n:>4}  {name}") for doc, name, n in details.documents] + [
            (f"mention:{i}", f"named {m or '(no mention)'!r} {n}x")
            for i, (m, n) in enumerate(details.mentions)
        ]
        about = ", ".join(
            part
            for part in (
                s.kind.value,
                s.role,
                s.affiliation,
                f"aliases: {', '.join(s.aliases)}" if s.aliases else None,
            )
            if part
        )

        async def chosen(doc: str | None) -> None:
            if doc and not doc.startswith("mention:"):
                await self.argmap.show_statements(f"speaker:{sid} doc:{doc}")

        self.app.push_screen(
            self.argmap.picker(
                f"{s.name} ({about}): {plural(details.statements, 'statement')} in "
                f"{plural(len(details.documents), 'document')}; pick one to read them",
                choices,
            ),
            chosen,
        )

    def action_split(self) -> None:
        sid = self.selected()
        if not sid:
            return
        mentions = speaker_mentions(self.workspace, sid)
        choices = [
            (mention, f"{mention or '(no mention)'}  ({plural(n, 'statement')})")
            for mention, n in mentions
        ]

        def chosen_mention(mention: str | None) -> None:
            if mention is None:
                return
            ids = statement_ids_with_mention(self.workspace, sid, mention)

            def chosen_name(name: str | None) -> None:
                if name and name.strip() and ids:
                    self._edit(
                        f"{plural(len(ids), 'statement')} split off to {name.strip()!r}",
                        lambda ws: ws.split_speaker(sid, ids, name),
                    )

            self.app.push_screen(
                self.argmap.prompt(
                    f"Name of the speaker who said the {plural(len(ids), 'statement')} "
                    f"attributed through {mention!r}",
                    mention,
                ),
                chosen_name,
            )

        self.app.push_screen(
            self.argmap.picker(
                "Split off the statements attributed through which mention?", choices
            ),
            chosen_mention,
        )

    async def action_statements(self) -> None:
        sid = self.selected()
        if sid:
            await self.argmap.show_statements(f"speaker:{sid}")
