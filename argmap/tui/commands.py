"""The command palette's provider: every action of the app, jump to a speaker or a document."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ArgmapCommands(Provider):
    """Actions, speakers and documents, matched fuzzily by what the user types."""

    def _commands(self) -> list[tuple[str, object, str]]:
        app = self.app
        commands: list[tuple[str, object, str]] = []
        for name, action, help_text in app.palette_actions():  # type: ignore[attr-defined]
            commands.append((name, partial(app.run_action, action), help_text))
        workspace = app.workspace  # type: ignore[attr-defined]
        for speaker in workspace.speakers(limit=2000):
            commands.append(
                (
                    f"speaker: {speaker.name}",
                    partial(app.show_statements, f"speaker:{speaker.id}"),
                    f"{speaker.statements} statements",
                )
            )
        for document in workspace.documents()[:5000]:
            commands.append(
                (
                    f"document: {document.name}",
                    partial(app.show_document, document.id),
                    f"{document.statements} statements",
                )
            )
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands()[:40]:
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
