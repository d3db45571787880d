"""The one base of every error a user can act on.

Each module raises its own subclass (``CodebookError``, ``ReadError``, ``WorkspaceError``,
``PacketError``, ...) with a one-line message that names the file and the problem, such as
``debate.toml: line 10: [[label]] #2 (b), field 'colour': expected a colour``. The command
line catches ``ArgmapError`` in one place (``argmap.cli.main``), prints that line and exits
with ``exit_status``; the terminal UI shows it and stays open. Anything else is a bug.
"""

from __future__ import annotations


class ArgmapError(Exception):
    """A problem the user can act on; ``str(error)`` is one line."""

    #: The command line's exit status when this error ends a command (2: a usage error).
    exit_status: int = 1

    def __rich__(self) -> str:
        """The error as rich (and so Textual, should one end a UI) shows it: its one line,
        not a traceback."""
        return f"argmap: error: {self}"
