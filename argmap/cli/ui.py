"""``argmap open``: the terminal UI on a workspace, or on articles (a workspace is made beside
them)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from argmap.errors import ArgmapError


def register(
    commands: argparse._SubParsersAction, eval_targets: argparse._SubParsersAction
) -> None:
    """Add ``argmap open``."""
    command = commands.add_parser(
        "open",
        help="open the terminal UI (on a workspace, or on articles: a workspace is made beside "
        "them)",
        description="Open the terminal UI. Given articles or a folder, create a workspace beside "
        "them (or in --workspace), add them with the codebook found beside them, and open it.",
    )
    command.add_argument(
        "targets",
        nargs="*",
        metavar="WORKSPACE|PATH",
        help="a workspace (argmap.sqlite or its folder), or article files and folders",
    )
    command.add_argument(
        "--workspace", "-w", metavar="DIR", help="where the workspace is (or is created)"
    )
    command.add_argument(
        "--codebook", metavar="FILE", help="the debate's codebook for a new workspace"
    )
    command.add_argument(
        "--aliases", metavar="FILE", help="alias table for speaker matching when adding"
    )
    command.add_argument(
        "--keys", metavar="FILE", help="key remapping TOML (default ~/.config/argmap/keys.toml)"
    )
    command.add_argument(
        "--view",
        choices=(
            "board",
            "documents",
            "statements",
            "review",
            "speakers",
            "map",
            "timeline",
            "sourcing",
        ),
        default="board",
        help="the view to start in (default: board)",
    )
    command.add_argument(
        "--screenshot",
        metavar="SVG",
        help="save an SVG screenshot of the first screen (after adding) and exit",
    )
    command.set_defaults(run=_run_open)


class OpenError(ArgmapError):
    """A problem that stops ``argmap open``; the message is one line naming the file."""


def plan(
    targets: list[str], workspace: str | None, codebook: str | None
) -> tuple[Path, list[str], Path | None]:
    """(workspace file, article paths to add, codebook file for a new workspace) for ``argmap
    open``."""
    from argmap.store import WORKSPACE_FILE, find_workspace
    from argmap.store.pg.url import is_server_target

    articles: list[str] = []
    target_ws: Path | None = None
    for target in targets:
        path = Path(target)
        if not path.exists():
            raise OpenError(f"{target}: no such file or folder")
        if path.is_file() and path.suffix == ".sqlite":
            target_ws = path
        elif path.is_dir() and (path / WORKSPACE_FILE).is_file() and not _has_articles(path):
            target_ws = path / WORKSPACE_FILE  # a workspace's own folder: open it, nothing to add
        else:
            articles.append(target)
    if workspace and is_server_target(workspace):
        return workspace, articles, None  # type: ignore[return-value]  # a server's database
    if workspace:
        folder = Path(workspace)
        target_ws = folder if folder.suffix == ".sqlite" else folder / WORKSPACE_FILE
    elif target_ws is None and articles:
        first = Path(articles[0])
        target_ws = (first if first.is_dir() else first.parent) / WORKSPACE_FILE
    elif target_ws is None:
        try:
            target_ws = find_workspace()
        except Exception as problem:  # WorkspaceNotFound
            raise OpenError(str(problem)) from None
    if target_ws.is_file():
        return target_ws, articles, None
    return target_ws, articles, Path(codebook) if codebook else find_codebook(articles)


def _has_articles(folder: Path) -> bool:
    from argmap.io.reading import has_articles  # only for a folder that holds a workspace

    return has_articles(folder)


def find_codebook(articles: list[str]) -> Path | None:
    """The ``*.codebook.toml`` beside the articles: the only one, else the one named like an
    article."""
    folders = {Path(a) if Path(a).is_dir() else Path(a).parent for a in articles}
    found = sorted({c for folder in folders for c in folder.glob("*.codebook.toml")})
    if len(found) <= 1:
        return found[0] if found else None
    names = {
        p.stem for a in articles for p in ([Path(a)] if Path(a).is_file() else Path(a).iterdir())
    }
    named = [c for c in found if c.name.removesuffix(".codebook.toml") in names]
    if len(named) == 1:
        return named[0]
    raise OpenError(
        f"{', '.join(str(c) for c in found)}: several codebooks beside the articles; "
        "choose one with --codebook FILE"
    )


def load_keys(path: str | None) -> dict[str, str] | None:
    """The keymap of the keys file ``path`` (``--keys``) or of the default one, if any.

    One file serves ``argmap open`` and ``argmap review``: it may name the bindings of both.
    """
    from argmap.tui.keymap import default_keys_file, load_keymap

    keys_file = Path(path) if path else default_keys_file()
    if not (path or keys_file.is_file()):
        return None
    from argmap.tui.app import binding_ids
    from argmap.tui.reviewer import review_binding_ids

    return load_keymap(keys_file, binding_ids() | review_binding_ids())


def _run_open(args: argparse.Namespace) -> int:
    # imports stay on the path they serve: opening an existing workspace needs no codebook
    # parser (pydantic) and no extraction; see benchmarks/ui_speed.py for the start-up time
    from argmap.cli import has_terminal, warning
    from argmap.store import Workspace, open_workspace

    workspace_file, articles, codebook_file = plan(args.targets, args.workspace, args.codebook)
    if not args.screenshot and not has_terminal():
        raise OpenError(
            f"{workspace_file}: argmap open needs a terminal: its input or output is not one "
            "(--screenshot FILE saves the first screen without one)"
        )
    keymap = load_keys(args.keys)
    if isinstance(workspace_file, str) or workspace_file.is_file():
        open_workspace(workspace_file).close()  # a damaged or foreign file: one line, now
    else:
        from argmap.codebook import load_codebook

        codebook = load_codebook(codebook_file) if codebook_file else None
        for note in codebook.warnings() if codebook else []:
            warning(f"{codebook_file}: {note}")
        Workspace.init(workspace_file, codebook=codebook).close()
        print(
            f"created workspace {workspace_file}"
            + (f" with codebook {codebook_file}" if codebook_file else "")
        )
        if codebook is None:
            warning(
                f"{workspace_file}: no codebook beside the articles, so the workspace has none: "
                "statements and speakers can be browsed, stances set once it has one "
                "(`argmap codebook FILE`, or open anew with --codebook FILE)"
            )
    aliases = None
    if args.aliases:
        from argmap.speakers.aliases import AliasTable

        aliases = AliasTable.load(args.aliases)
    from argmap.tui.app import ArgmapApp

    app = ArgmapApp(
        workspace_file, add_paths=articles, keymap=keymap, aliases=aliases, view=args.view
    )
    if args.screenshot:
        return _screenshot(app, args.screenshot)
    app.run()
    return 1 if app.return_code else 0


def _screenshot(app, target: str) -> int:
    """Run the app headless until the adding is done, save the screen as SVG, exit."""
    import asyncio

    async def shoot() -> None:
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            path = Path(target)
            app.save_screenshot(
                filename=path.name,
                path=str(path.parent.resolve() if str(path.parent) else os.getcwd()),
            )

    asyncio.run(shoot())
    print(f"saved {target}")
    return 0
