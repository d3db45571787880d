"""The CLI reference (docs/reference/cli.md) written from argmap's own argument parser.

``docs/reference/cli.md`` holds a cog block that calls ``reference()``; regenerate it with
``cog -r docs/reference/cli.md``. The test suite runs ``cog --check`` on it, so a command or
option added without regenerating (and so without documentation) fails CI.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator

WIDTH = "100"  # columns argparse wraps help at, fixed so the page is the same on every machine


def reference() -> str:
    """Markdown: ``argmap --help``, then each command's ``--help`` in the order it lists them."""
    os.environ["COLUMNS"] = WIDTH  # argparse reads the terminal width from here
    from argmap.cli import build_parser

    parser = build_parser()
    parts = ["## argmap\n", _help_block(parser)]
    for path, command in _commands(parser, ["argmap"]):
        parts += [f"## {' '.join(path)}\n", _help_block(command)]
    return "\n".join(parts)


def _commands(
    parser: argparse.ArgumentParser, path: list[str]
) -> Iterator[tuple[list[str], argparse.ArgumentParser]]:
    """Every command and sub-command under ``parser``, in the order its help lists them."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for listed in action._choices_actions:  # the order --help shows
            command = action.choices[listed.dest]
            yield [*path, listed.dest], command
            yield from _commands(command, [*path, listed.dest])


def _help_block(parser: argparse.ArgumentParser) -> str:
    return f"```text\n{parser.format_help().rstrip()}\n```\n"
