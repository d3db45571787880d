"""What `argmap open WORKSPACE` loads before its first screen: none of the modules the board
does not need (stance models, extraction, pydantic, fuzzy matching), checked in a fresh
interpreter's ``sys.modules``; views other than the first are imported when first shown."""

import json
import subprocess
import sys

from argmap.codebook import load_codebook
from argmap.store import Workspace
from tests.helpers import SEED_CODEBOOK, run_cli

#: Top-level packages and argmap modules that must stay off the path to the first screen.
HEAVY = (
    "sklearn",
    "numpy",
    "scipy",
    "pydantic",
    "trafilatura",
    "lxml",
    "vaderSentiment",
    "snowballstemmer",
    "krippendorff",
    "argmap.models",
    "argmap.codebook",
    "argmap.extraction",
    "argmap.extraction.corpus",
    "argmap.stance",
    "argmap.speakers.registry",
    "argmap.review",
    "argmap.export.mapjson",
    "argmap.io.reading",
)


def loaded_modules(code: str) -> list[str]:
    """``sys.modules`` after running ``code`` in a new interpreter (its last line of output)."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def heavy_in(modules: list[str], extra: tuple[str, ...] = ()) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY + extra)]


def test_importing_the_app_loads_nothing_heavy():
    modules = loaded_modules("import argmap.tui.app")
    assert "textual.app" in modules and "argmap.store" in modules
    assert heavy_in(modules, ("rapidfuzz",)) == []
    # views other than the board are imported when first shown
    assert [
        m for m in modules if m.startswith("argmap.tui.views.") and m != "argmap.tui.views.base"
    ] == []


def test_opening_a_workspace_shows_the_board_without_loading_models_or_extraction(
    workspace_file, tmp_path
):
    shot = tmp_path / "board.svg"
    modules = loaded_modules(
        "from argmap.cli import main\n"
        f"assert main(['open', {str(workspace_file)!r}, '--screenshot', {str(shot)!r}]) == 0"
    )
    assert "argmap.tui.views.board" in modules and "argmap.store.views" in modules
    assert (
        "argmap.tui.views.statements" not in modules and "argmap.tui.views.documents" not in modules
    )
    assert heavy_in(modules) == []
    # and the board was on the screen: the issue and a speaker the seed quotes
    svg = shot.read_text(encoding="utf-8").replace("&#160;", " ")
    with Workspace(workspace_file) as workspace:
        assert workspace.codebook.issue[:20] in svg
    assert "Tanaka" in svg


def test_opening_a_workspaces_own_folder_opens_it_without_adding(workspace_file, tmp_path):
    assert [p.name for p in workspace_file.parent.iterdir() if p.suffix != ".sqlite-wal"] == [
        workspace_file.name
    ]
    with Workspace(workspace_file) as workspace:
        edits = len(workspace.edits())
    modules = loaded_modules(
        "from argmap.cli import main\n"
        f"assert main(['open', {str(workspace_file.parent)!r}, '--screenshot', "
        f"{str(tmp_path / 'b.svg')!r}]) == 0"
    )
    assert heavy_in(modules) == [
        "argmap.io.reading"
    ]  # it looked for articles, and read none (no pydantic)
    with Workspace(workspace_file) as workspace:
        assert len(workspace.edits()) == edits


def test_the_codebook_outline_is_the_codebook_as_lists_show_it(workspace_file):
    with Workspace(workspace_file) as workspace:
        outline, codebook = workspace.codebook_outline, workspace.codebook
    assert codebook == load_codebook(SEED_CODEBOOK)
    assert (outline.id, outline.issue, outline.label_ids) == (
        codebook.id,
        codebook.issue,
        codebook.label_ids,
    )
    assert [(label.name, label.colour) for label in outline.labels] == [
        (label.name, label.colour) for label in codebook.labels
    ]


def test_a_workspace_without_a_codebook_has_no_outline(tmp_path):
    with Workspace.init(tmp_path) as workspace:
        assert workspace.codebook_outline is None and workspace.codebook is None
        assert workspace.status().issue is None


def test_the_views_table_names_each_view_class_and_its_title():
    from argmap.tui.app import VIEWS, binding_ids, view_class

    for name, (_, title, _key, binding_id) in VIEWS.items():
        assert title == view_class(name).TITLE
        assert binding_id in binding_ids()


def test_argmap_open_parses_as_with_every_command_built(capsys):
    from argmap.cli import build_parser

    argv = ["open", "debate/", "--view", "statements", "--keys", "k.toml"]
    full, fast = vars(build_parser().parse_args(argv)), vars(build_parser(("ui",)).parse_args(argv))
    assert fast == full and fast["view"] == "statements"
    status, out, _ = run_cli(capsys, "open", "--help")
    assert status == 0 and out.startswith("usage: argmap open") and "--screenshot" in out
    status, _, err = run_cli(capsys, "open", "--view", "nowhere")
    assert status == 2 and "invalid choice: 'nowhere'" in err
