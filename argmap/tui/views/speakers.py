"""The speakers view: role, affiliation, aliases, statement counts and stance breakdown;
rename, add an alias, merge, split."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Input, Label

from argmap.store import SpeakerRow
from argmap.store.views import speaker_mentions, statement_ids_with_mention
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
            " space mark · M merge marked into this one · R rename · = add alias · S split · "
            "enter their statements",
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

    def action_merge(self) -> None:
        keep = self.selected()
        others = sorted(self.marked - {keep})
        if not keep or not others:
            self.app.notify(
                "mark speakers with space, then press M on the one to keep", severity="warning"
            )
            return

        def merge(ws):
            result = ws.merge_speakers(keep, others)
            self.marked.clear()
            return result

        self._edit(f"{len(others)} merged", merge)

    def action_split(self) -> None:
        sid = self.selected()
        if not sid:
            return
        mentions = speaker_mentions(self.workspace, sid)
        choices = [
            (mention, f"{mention or '(no mention)'}  ({n} statements)") for mention, n in mentions
        ]

        def chosen_mention(mention: str | None) -> None:
            if mention is None:
                return
            ids = statement_ids_with_mention(self.workspace, sid, mention)

            def chosen_name(name: str | None) -> None:
                if name and name.strip() and ids:
                    self._edit(
                        f"{len(ids)} statements split off to {name.strip()!r}",
                        lambda ws: ws.split_speaker(sid, ids, name),
                    )

            self.app.push_screen(
                self.argmap.prompt(
                    f"Name of the speaker who said the {len(ids)} statements "
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
