"""``ArgmapApp``: the terminal UI over one workspace.

Views switch with single keys (b d s r p m); every edit is one ``Workspace`` call made
through ``run_edit`` (saved at once, undone with u / ctrl+z, redone with U / ctrl+y).
Slow work (adding documents) runs in a thread worker with its own connection; it reports
by message and a failure shows an error dialog instead of stopping the app.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import ContentSwitcher, Label, ProgressBar, Static
from textual.worker import Worker, WorkerState

from argmap.errors import ArgmapError
from argmap.store import EditConflict, Status, Workspace, WorkspaceError
from argmap.store.core import default_actor
from argmap.store.pg.url import is_server_target
from argmap.tui.agreement import Agreement, measure_agreement
from argmap.tui.commands import ArgmapCommands
from argmap.tui.dialogs import ErrorScreen, HelpScreen, PickerScreen, PromptScreen
from argmap.tui.footer import KeysFooter
from argmap.tui.keymap import shown_keys
from argmap.tui.label_style import LabelStyles, plural
from argmap.tui.views.base import View

#: view id -> (class as "module:Class" under argmap.tui.views, title, key, binding id). A view's
#: module is imported when the view is first shown (``view_class``), so the first screen does
#: not wait for the others; the title must be the class's ``TITLE`` (a test checks).
VIEWS = {
    "board": ("board:BoardView", "Board", "b", "view-board"),
    "documents": ("documents:DocumentsView", "Documents", "d", "view-documents"),
    "statements": ("statements:StatementsView", "Statements", "s", "view-statements"),
    "review": ("review_queue:ReviewView", "Review", "r", "view-review"),
    "speakers": ("speakers:SpeakersView", "Speakers", "p", "view-speakers"),
    "map": ("mapview:MapView", "Map", "m", "view-map"),
    "timeline": ("timeline:TimelineView", "Timeline", "T", "view-timeline"),
    "sourcing": ("sourcing:SourcingView", "Sourcing", "W", "view-sourcing"),
}


#: The columns the issue keeps in the top line before the tabs shrink to their keys (the view
#: shown keeps its title).
ISSUE_MIN = 40

#: How often the UI looks for changes other processes made to the workspace (seconds).
OUTSIDE_CHECK_SECONDS = 1.0


def view_class(name: str) -> type[View]:
    """The class of view ``name`` (its module imported the first time)."""
    module, cls = VIEWS[name][0].split(":")
    return getattr(importlib.import_module(f"argmap.tui.views.{module}"), cls)


class AddProgress(Message):
    """The add worker finished a document."""

    def __init__(self, done: int, total: int | None, name: str, statements: int) -> None:
        super().__init__()
        self.done, self.total, self.name, self.statements = done, total, name, statements


class ArgmapApp(App):
    """Browse and edit a workspace's argument map."""

    CSS_PATH = "argmap.tcss"
    TITLE = "argmap"
    COMMANDS = App.COMMANDS | {ArgmapCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # the view keys are shown in the tab line at the top, not in the footer
        *(
            Binding(key, f"view('{name}')", title, show=False, id=binding_id)
            for name, (_, title, key, binding_id) in VIEWS.items()
        ),
        Binding(
            "slash",
            "search",
            "Search",
            show=False,
            tooltip="search statements (views without their own search)",
            id="search",
        ),
        Binding("u,ctrl+z", "undo", "Undo", id="undo"),
        Binding("U,ctrl+y", "redo", "Redo", id="redo"),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+s", "screenshot_svg", "Screenshot", show=False, id="screenshot"),
    ]

    current: reactive[str] = reactive("board", init=False)
    """The id of the view shown."""

    def __init__(
        self,
        workspace_path: str | Path,
        *,
        add_paths: list[str] | None = None,
        keymap: dict[str, str] | None = None,
        aliases=None,
        view: str = "board",
    ) -> None:
        super().__init__()
        self.set_reactive(ArgmapApp.current, view)
        # a file, or a database server's connection string (kept as given: it opens it again)
        self.workspace_path: Path | str = (
            str(workspace_path) if is_server_target(workspace_path) else Path(workspace_path)
        )
        self.add_paths = list(add_paths or [])
        self.aliases = aliases
        self.workspace = Workspace(self.workspace_path)
        outline = self.workspace.codebook_outline
        self.labels = LabelStyles(outline)
        #: The debate's question, shown in the top line (the workspace's path without one).
        self.issue = outline.issue if outline else str(self.workspace_path)
        self.stale: set[str] = set()
        self._status_timer = None
        self._status: Status | None = None  # the store's counts as last read for the status line
        #: Agreement between reviewers as last measured (None: no statement has two people's
        #: labels), shown in the status line.
        self.agreement: Agreement | None = None
        self._after_switch = (
            None  # what to focus after the next view switch (default: the view's own)
        )
        self.last_error: str | None = None
        self._width = 0  # the terminal's width as last resized (0: not yet)
        #: The edit-log ids of the edits made in this window: undo takes the latest of them
        #: back without asking, even after others' edits, and asks before taking back an edit
        #: made elsewhere (anyone else's only when there is none of the user's own).
        self.own_edits: set[int] = set()
        self.actor = default_actor()  # whose edits are "own": $ARGMAP_USER or the login
        self.last_outside_note: str | None = None  # what the app last said of others' edits
        self._data_version = self.workspace.data_version()
        self._seen_edit = max((edit.id for edit in self.workspace.edits(limit=1)), default=0)
        if keymap:
            self.set_keymap(keymap)

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Label(Text(self.issue, style="bold"), id="issue")
            yield Label("", id="tabs")
        with ContentSwitcher(initial=self.current, id="views"):
            yield view_class(self.current)(
                id=self.current
            )  # the other views are mounted when first shown
        with Horizontal(id="progress", classes="hidden"):
            yield Label("adding", id="progress-label")
            yield ProgressBar(id="progress-bar", show_eta=False)
        yield Static("", id="status")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self.title = "argmap"
        self.current_view.refresh_data()
        self._tabs()
        self.update_status()
        self.call_after_refresh(self.current_view.focus_default)
        if self.add_paths:
            self.call_after_refresh(self.add_documents, self.add_paths)
        else:
            self.set_timer(1.0, self.warm_search)  # after the first screen, not competing with it
        # agreement too (its first measure imports the statistics modules): in a thread, then
        # at each look that finds the workspace changed (schedule_status)
        self.set_timer(1.0, self.start_agreement)
        self.set_interval(OUTSIDE_CHECK_SECONDS, self.check_outside_changes)
        self.set_timer(0.5, self.check_integrity)  # a large file: before the first edit needs it

    @property
    def main(self):
        """The screen holding the views (under any open dialog)."""
        return self.screen_stack[0] if self.screen_stack else self.screen

    @property
    def current_view(self) -> View:
        """The view on screen (while a view is first mounted, the one still shown)."""
        return self.view(self.main.query_one(ContentSwitcher).current or self.current)

    def view(self, name: str) -> View:
        return self.main.query_one(f"#{name}", View)

    async def ensure_view(self, name: str) -> View:
        """The view ``name``, mounted (and filled from the store) the first time it is needed."""
        found = self.main.query(f"#{name}")
        if found:
            return found.first(View)
        view = view_class(name)(id=name)
        await self.main.query_one(ContentSwitcher).mount(view)
        view.refresh_data()
        self.stale.discard(name)
        return view

    async def watch_current(self, name: str) -> None:
        await self.ensure_view(name)
        self.main.query_one(ContentSwitcher).current = name
        if name in self.stale:
            self.stale.discard(name)
            self.view(name).refresh_data()
        self._tabs()
        then, self._after_switch = self._after_switch, None
        self.call_after_refresh(then or self.view(name).focus_default)

    def _tabs(self) -> None:
        """The tab line: every view's key and title when the issue still fits beside them (or
        keeps ``ISSUE_MIN`` columns), else the keys alone and the title of the view shown; the
        issue takes the rest, cut with an ellipsis."""
        full, short = Text(), Text()
        for name, (_, title, key, binding_id) in VIEWS.items():
            style = "bold reverse" if name == self.current else "dim"
            keys = shown_keys(self, binding_id, key)
            full.append(f" {keys} {title} ", style=style)
            short.append(f" {keys} {title} " if name == self.current else f" {keys} ", style=style)
        wanted = min(len(self.issue) + 2, ISSUE_MIN)  # with its padding
        width = self._width or self.size.width
        tabs = full if not width or width - full.cell_len >= wanted else short
        self.main.query_one("#tabs", Label).update(tabs)

    def on_resize(self, event: events.Resize) -> None:
        """The tab line and the status line as the terminal's new width allows."""
        self._width = event.size.width
        if self.screen_stack:
            self._tabs()
            self.show_status()

    def legend(self) -> Text:
        """The stance labels with the keys that set them, as remapped."""
        return self.labels.legend([shown_keys(self, f"label-{n}", str(n)) for n in range(1, 10)])

    def hints(self, *items: tuple[str, str, str]) -> str:
        """'a accept  w who' from (binding id, default keys, what it does), keys as remapped."""
        return "  ".join(
            f"{shown_keys(self, binding_id, default)} {what}" for binding_id, default, what in items
        )

    def update_status(self) -> None:
        """The status line: counts from the store."""
        if not self.screen_stack:
            return  # closing
        self._status = self.workspace.status()
        self.show_status()

    def show_status(self) -> None:
        """The status line from the counts last read and the agreement last measured, as much
        of it as the terminal's width holds."""
        status = self._status
        if not self.screen_stack or status is None:
            return
        chips = Text()
        for label in (*self.labels.ids, ""):
            n = status.labels.get(label, 0)
            if n:
                chips.append_text(self.labels.chip(label if label else None))
                chips.append(f" {n}  ")
        labels = Text.assemble("· ", chips) if chips.plain else chips
        counts = (
            f" {plural(status.documents, 'document')} · {plural(status.speakers, 'speaker')} · "
        )
        statements = plural(status.statements, "statement")
        share = f"{status.labelled_share:.0%} labelled by people "
        # how far reviewers agree (alpha, once two people labelled a statement) and the
        # statements they disagree on (what adjudication is for)
        disputed = status.review.get("disputed", 0)
        review, brief = [], []
        if self.agreement is not None:
            review.append(self.agreement.text())
            brief.append(self.agreement.text(short=True))
        if disputed:
            review.append(f"{disputed} disputed")
            brief.append(f"{disputed} disputed")
        agreed = "".join(f"· {part} " for part in review)
        agreed_brief = "".join(f"· {part} " for part in brief)
        claims = f"· {plural(status.claims, 'claim')} "
        edits = (f"· {plural(status.edits, 'edit')}", "dim")
        width = self._width or self.size.width
        labelled = f" · {status.labelled_share:.0%} labelled "
        # the fullest line that fits: the edits, the claims, the documents' and speakers' counts,
        # the labelled share, the items alpha rests on, then alpha and the disputed count go
        # first; the stance counts are cut only when nothing else is left
        for text in (
            Text.assemble(counts, statements, " · ", share, agreed, claims, labels, edits),
            Text.assemble(counts, statements, " · ", share, agreed, claims, labels),
            Text.assemble(counts, statements, " · ", share, agreed, labels),
            Text.assemble(" ", statements, labelled, agreed, labels),
            Text.assemble(" ", statements, " ", agreed, labels),
            Text.assemble(" ", statements, " ", agreed_brief, labels),
            Text.assemble(" ", statements, " ", labels),
        ):
            if not width or text.cell_len <= width:
                break
        self.main.query_one("#status", Static).update(
            text, layout=False
        )  # one line, fixed by the CSS

    # ------------------------------------------------------------------ navigation

    def action_view(self, name: str) -> None:
        self.current = name

    async def action_search(self) -> None:
        """The statements view with its filter line focused (the search of every view without its
        own)."""
        view = await self.ensure_view("statements")
        if self.current == "statements":
            view.action_search()  # type: ignore[attr-defined]
        else:
            self._after_switch = view.action_search  # type: ignore[attr-defined]
            self.current = "statements"

    async def show_statement(self, statement_id: str) -> None:
        """The documents view with ``statement_id`` selected."""
        view = await self.ensure_view("documents")
        self.stale.discard("documents")
        self.current = "documents"
        view.show(statement_id)  # type: ignore[attr-defined]

    async def show_document(self, document_id: str) -> None:
        """The documents view on ``document_id``."""
        view = await self.ensure_view("documents")
        self.stale.discard("documents")
        self.current = "documents"
        view.document_id = document_id  # type: ignore[attr-defined]

    async def show_statements(self, query: str) -> None:
        """The statements view filtered by ``query``."""
        view = await self.ensure_view("statements")
        self.stale.discard("statements")
        self.current = "statements"
        view.query_one("#statements-query").value = query  # type: ignore[attr-defined]
        view.table.labels = self.labels  # type: ignore[attr-defined]
        view.apply(query)  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ edits

    def run_edit(
        self,
        summary: str,
        call: Callable[[Workspace], object],
        source: View | None = None,
        then: Callable[[object], None] | None = None,
    ) -> object:
        """Make one edit through the store and refresh the views; a refused edit is shown.

        The edit is made on the view read at edit-log entry ``_seen_edit``: one changing what
        another person changed since is refused (``EditConflict``), and the views reload.
        """
        before = self.workspace.last_edit_id
        try:
            with self.workspace.based_on(self._seen_edit):
                result = call(self.workspace)
        except WorkspaceError as problem:
            self.last_error = str(problem)
            conflict = isinstance(problem, EditConflict)
            title = "not done; reloaded" if conflict else "not done"
            self.notify(str(problem), title=title, severity="error", timeout=10)
            if conflict:  # show what the other person changed (and say whose edits they were)
                self._data_version = -1  # look now, whatever the counter says
                self.check_outside_changes()
            return None
        if self.workspace.last_edit_id is not None and self.workspace.last_edit_id != before:
            # _seen_edit stays: one's own edits never conflict, and others' edits logged before
            # this one may not be on screen yet (the next look shows them and names whose)
            self.own_edits.add(self.workspace.last_edit_id)
        self.notify(summary, timeout=2)
        self.edited(source)
        if then is not None:
            then(result)
        return result

    def edited(self, source: View | None = None) -> None:
        """After an edit: the source view refreshes what changed, the others when next shown."""
        view = source or self.current_view
        if hasattr(view, "after_edit"):
            view.after_edit()
        else:
            view.refresh_data()
        self.stale = set(VIEWS) - {view.id}
        if view is not self.current_view:
            self.stale.discard(self.current)
            self.current_view.refresh_data()
        self.schedule_status()

    def schedule_status(self) -> None:
        """Update the status line shortly (its counts scan the store) and measure agreement
        again, once for a burst of edits."""
        if self._status_timer is not None:
            self._status_timer.stop()
        self._status_timer = self.set_timer(0.15, self._refresh_status)

    def _refresh_status(self) -> None:
        self.update_status()
        self.start_agreement()

    def action_undo(self) -> None:
        self._replay("undo")

    def action_redo(self) -> None:
        self._replay("redo")

    def _replay(self, direction: str) -> None:
        """Undo (redo) the user's own latest edit, even when others edited since: at once when
        this window made it, else after saying so and asking. With none of the user's own,
        offer the latest edit of anyone, saying whose it is (only when chosen)."""
        try:
            edit = mine = self.workspace.next_edit(direction, actor=self.actor)
            if mine is None:
                edit = self.workspace.next_edit(direction)
        except WorkspaceError as problem:
            self.notify(str(problem), severity="warning")
            return
        if edit is None:
            self.notify(f"nothing to {direction}", severity="warning")
            return
        actor = self.actor if mine is not None else None
        if edit.id in self.own_edits:
            self._replay_edit(direction, edit.id, actor)
            return
        when = edit.time[:16].replace("T", " ")
        choices = [
            ("keep", "Keep it"),
            ("replay", f"{direction.capitalize()} {edit.actor}'s edit: {edit.summary}"),
        ]

        def chosen(choice: str | None) -> None:
            if choice == "replay":
                self._replay_edit(direction, edit.id, actor)

        whose = (
            "Your latest edit"
            if mine is not None
            else f"Nothing of yours ({self.actor}) to {direction}; the latest edit"
        )
        self.push_screen(
            self.picker(
                f"{whose} was not made in this window: {edit.actor}, {when} UTC, {edit.summary}",
                choices,
            ),
            chosen,
        )

    def _replay_edit(self, direction: str, edit_id: int, actor: str | None = None) -> None:
        before = self.workspace.last_edit_id
        try:
            if direction == "undo":
                edit = self.workspace.undo(edit_id=edit_id, actor=actor)
            else:
                edit = self.workspace.redo(edit_id=edit_id, actor=actor)
        except WorkspaceError as problem:
            self.last_error = str(problem)
            self.notify(str(problem), severity="warning")
            return
        if self.workspace.last_edit_id is not None and self.workspace.last_edit_id != before:
            self.own_edits.add(self.workspace.last_edit_id)  # the log's entry of this undo
        self.notify(f"{direction}ne: {edit.summary}", timeout=3)
        self.edited(self.current_view)

    def check_outside_changes(self) -> None:
        """Refresh what is on screen when another process (or this app's own worker) has
        changed the workspace, and say which edits others made (the views are then read at
        the newest of them: ``_seen_edit``, what this window's edits are based on)."""
        try:
            version = self.workspace.data_version()
        except WorkspaceError:
            return
        if version == self._data_version:
            return
        self._data_version = version
        others = [
            edit
            for edit in self.workspace.edits(limit=20)
            if edit.id > self._seen_edit and edit.id not in self.own_edits
        ]
        self._seen_edit = max([self._seen_edit, *(edit.id for edit in others)])
        view = self.current_view
        view.refresh_data()
        self.stale = set(VIEWS) - {view.id}
        self.schedule_status()
        adding = any(w.group == "add" and w.is_running for w in self.workers)
        if others and not adding:
            actors = sorted({edit.actor for edit in others})
            latest = others[0]
            self.last_outside_note = (
                f"{len(others)} edit{'s' if len(others) != 1 else ''} made outside this window "
                f"by {', '.join(actors)}; the latest: {_told(latest)}"
            )
            self.notify(self.last_outside_note, title="workspace changed", timeout=6)

    # ------------------------------------------------------------------ dialogs

    def prompt(self, question: str, value: str = "") -> PromptScreen:
        return PromptScreen(question, value)

    def picker(self, title: str, choices: list[tuple[str, str]]) -> PickerScreen:
        return PickerScreen(title, choices)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.binding_sections()))

    def binding_sections(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        """(title, [(keys, description, id)]) for the app and each view, keymap applied: keys as
        the footer shows them ('?', 'F1'), the number keys with the codebook's label names."""
        sections = []
        for title, rows in binding_sections(dict(getattr(self, "_keymap", {}) or {})):
            shown = []
            for keys, description, binding_id in rows:
                display = ", ".join(self.get_key_display(Binding(k, "")) for k in keys.split(","))
                if binding_id.startswith("label-"):
                    label = self.labels.by_number(int(binding_id.removeprefix("label-")))
                    if label is None:
                        continue  # the codebook has no label with this number
                    description = f"label: {self.labels.name(label)}"
                shown.append((display, description, binding_id))
            sections.append((title, shown))
        return sections

    def binding_ids(self) -> set[str]:
        """Every binding id that can be remapped."""
        return binding_ids()

    def palette_actions(self) -> list[tuple[str, str, str]]:
        """(name, action, help) for the command palette."""
        actions = [
            (f"view: {title}", f"view('{name}')", f"key {key}")
            for name, (_, title, key, _) in VIEWS.items()
        ]
        actions += [
            ("undo", "undo", "undo the latest edit"),
            ("redo", "redo", "redo the edit undone last"),
            ("help: keys", "help", "every binding"),
            ("screenshot (SVG)", "screenshot_svg", "save the screen as SVG"),
        ]
        return actions

    def action_screenshot_svg(self) -> None:
        folder = self.workspace_path.parent if isinstance(self.workspace_path, Path) else "."
        path = self.save_screenshot(path=str(folder))
        self.notify(f"saved {path}")

    # ------------------------------------------------------------------ slow work

    @work(thread=True, exit_on_error=False, group="add", exclusive=True, name="add documents")
    def add_documents(self, paths: list[str]) -> str:
        """Add articles (in a thread, with its own connection); progress comes back by message."""
        from argmap.io.reading import ReadError, count_files, load_documents

        total = count_files(paths)
        done = 0
        problems: list[str] = []
        notes: list[str] = []  # how files were read: a guessed encoding ...

        from argmap.io.sidecar import MetadataTable, sidecars_in

        tables = sidecars_in(paths)  # a metadata.tsv (.csv, .jsonl) in a folder given
        try:
            metadata = MetadataTable.load(tables) if tables else None
        except ReadError as problem:
            problems.append(str(problem))
            metadata = None

        def documents():
            for item in load_documents(paths, metadata=metadata, warn=notes.append):
                if isinstance(item, ReadError):
                    problems.append(str(item))
                else:
                    notes.extend(f"{item.name}: {note}" for note in item.read_warnings)
                    yield item

        def progress(document, statements: int, outcome: str) -> None:
            nonlocal done
            done += 1
            self.post_message(AddProgress(done, total, document.name, statements))

        self.post_message(AddProgress(0, total, "", 0))
        with Workspace(self.workspace_path) as workspace:
            report = workspace.add_documents(documents(), aliases=self.aliases, progress=progress)
        summary = (
            f"{len(report.added)} added, {len(report.replaced)} replaced, {len(report.unchanged)} "
            f"unchanged; {report.statements} statements"
        )
        if problems:
            summary += "; not read: " + "; ".join(problems)
        if notes:
            summary += "; read with warnings: " + "; ".join(notes)
        return summary

    @work(thread=True, exit_on_error=False, group="check", name="integrity check")
    def check_integrity(self) -> None:
        """Check the workspace file for damage in the background (its own connection), so the
        first edit does not wait for it; damage is shown as an error and edits are refused."""
        with Workspace(self.workspace_path) as workspace:
            workspace.check_integrity()
        self.workspace.integrity_checked()

    @work(thread=True, exit_on_error=False, group="agreement", exclusive=True, name="agreement")
    def start_agreement(self) -> Agreement | None:
        """Measure agreement between reviewers in the background (its own connection: one
        query, then alpha); the status line shows it when done (``_worker_state``)."""
        with Workspace(self.workspace_path) as workspace:
            return measure_agreement(workspace)

    @work(thread=True, exit_on_error=False, group="index", name="search index")
    def warm_search(self) -> None:
        """Build the fuzzy search index in the background (its own connection), so the first
        text filter is as fast as the next ones."""
        from argmap.store.views import fuzzy_index

        with Workspace(self.workspace_path) as workspace:
            fuzzy_index(workspace)

    @on(AddProgress)
    def _progress(self, message: AddProgress) -> None:
        if not self.main.query("#progress"):
            return  # the app is closing
        self.main.query_one("#progress").remove_class("hidden")
        self.main.query_one("#progress-bar", ProgressBar).update(
            total=message.total, progress=message.done
        )
        self.main.query_one("#progress-label", Label).update(
            f" adding {message.done}/{message.total or '?'} {message.name} "
        )

    @on(Worker.StateChanged)
    def _worker_state(self, event: Worker.StateChanged) -> None:
        if not self.screen_stack:
            return  # the app is closing: a worker (the search index's) ended after its screens
        worker = event.worker
        if worker.group == "add" and event.state in (
            WorkerState.ERROR,
            WorkerState.SUCCESS,
            WorkerState.CANCELLED,
        ):
            for box in self.main.query("#progress"):
                box.add_class("hidden")
        if event.state == WorkerState.ERROR:
            error = worker.error
            # a problem the user can act on is its own one line; anything else is a bug
            self.last_error = (
                str(error) if isinstance(error, ArgmapError) else f"{type(error).__name__}: {error}"
            )
            self.push_screen(ErrorScreen(f"{worker.name} failed", self.last_error))
        elif event.state == WorkerState.SUCCESS and worker.group == "agreement":
            self.agreement = worker.result
            self.show_status()
        elif event.state == WorkerState.SUCCESS and worker.group == "add":
            self.notify(str(worker.result), title="documents added", timeout=6)
            self.stale = set(VIEWS)
            self.stale.discard(self.current)
            self.current_view.refresh_data()
            self.update_status()
            self.start_agreement()
            self.warm_search()


def binding_sections(
    keymap: dict[str, str] | None = None,
) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(title, [(keys, description, id)]) for the app and each view, with ``keymap`` applied."""
    from argmap.tui.views.statement_table import StatementTable

    keymap = keymap or {}
    owners = [("everywhere", ArgmapApp)] + [
        (title, view_class(name)) for name, (_, title, _, _) in VIEWS.items()
    ]
    owners.append(("statements table", StatementTable))
    sections = []
    for title, cls in owners:
        rows, seen = [], set()
        for base in reversed(cls.__mro__):
            for binding in base.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.id and binding.id not in seen:
                    seen.add(binding.id)
                    rows.append(
                        (
                            keymap.get(binding.id, binding.key),
                            binding.tooltip or binding.description,
                            binding.id,
                        )
                    )
        sections.append((title, rows))
    return sections


def binding_ids() -> set[str]:
    """Every binding id that a keys file can remap."""
    return {binding_id for _, rows in binding_sections() for _, _, binding_id in rows}


def _told(edit) -> str:
    """An edit-log entry as the outside-edits note says it: an undo or redo with its verb
    ("undo edit 5 (alice: ...)"), any other edit by its summary."""
    return f"{edit.action} {edit.summary}" if edit.action in ("undo", "redo") else edit.summary
