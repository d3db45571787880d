"""Rules the code keeps that no linter checks: one error base, no private names across modules."""

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import argmap
from argmap.errors import ArgmapError

PACKAGE = Path(argmap.__file__).parent


def argmap_modules():
    for info in pkgutil.walk_packages(argmap.__path__, "argmap."):
        if info.name != "argmap.__main__":  # running it is the command line
            yield importlib.import_module(info.name)


def test_every_error_argmap_defines_derives_from_argmap_error():
    errors = [
        obj
        for module in argmap_modules()
        for obj in vars(module).values()
        if inspect.isclass(obj)
        and issubclass(obj, BaseException)
        and obj.__module__ == module.__name__
    ]
    assert len(errors) >= 15  # the store's, the readers', the packets', the CLI's ...
    assert [e.__qualname__ for e in errors if not issubclass(e, ArgmapError)] == []


def test_no_module_imports_a_private_name_from_another():
    crossings = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("argmap"):
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        crossings.append(f"{path.relative_to(PACKAGE.parent)}: {alias.name}")
    assert crossings == []


def test_the_command_line_reports_an_argmap_error_as_one_line_and_its_status(tmp_path, capsys):
    from argmap.cli import main

    missing = tmp_path / "nowhere.codebook.toml"
    assert main(["label", "--codebook", str(missing), "-"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"argmap: error: {missing}")


def test_an_argmap_error_that_ends_a_ui_is_shown_as_its_one_line():
    from rich.console import Console

    from argmap.store import WorkspaceDamaged

    console = Console(width=200, record=True, color_system=None)
    console.print(WorkspaceDamaged("ws/argmap.sqlite: the workspace file is damaged"))
    assert (
        console.export_text() == "argmap: error: ws/argmap.sqlite: the workspace file is damaged\n"
    )
