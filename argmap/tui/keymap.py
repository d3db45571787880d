"""Remapping keys: a TOML file mapping binding ids to keys, given to ``App.set_keymap``.

::

    # ~/.config/argmap/keys.toml
    [keys]
    undo = "ctrl+z,u"
    view-board = "f1"
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path


class KeymapError(ValueError):
    """A keys file that cannot be used; the message names the file and the problem."""


def default_keys_file() -> Path:
    """``$XDG_CONFIG_HOME/argmap/keys.toml`` (default ``~/.config/argmap/keys.toml``)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "argmap" / "keys.toml"


def load_keymap(path: str | os.PathLike[str], known: set[str] | None = None) -> dict[str, str]:
    """Binding id -> keys from the ``[keys]`` table of ``path``; unknown ids are refused when ``known`` is given."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as problem:
        raise KeymapError(f"{path}: {problem.strerror or problem}") from None
    except tomllib.TOMLDecodeError as problem:
        raise KeymapError(f"{path}: not valid TOML: {problem}") from None
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        raise KeymapError(f"{path}: expected a [keys] table of binding-id = \"keys\"")
    out: dict[str, str] = {}
    for binding_id, value in keys.items():
        if not isinstance(value, str) or not value.strip():
            raise KeymapError(f"{path}: keys.{binding_id}: expected keys as a string such as \"ctrl+z,u\"")
        if known is not None and binding_id not in known:
            raise KeymapError(f"{path}: keys.{binding_id}: no binding has this id (the help screen, ?, lists them)")
        out[binding_id] = value.replace(" ", "")
    return out


def known_binding_ids() -> set[str]:
    """Every binding id a keys file may remap: the main app's and the review apps' (one file serves both)."""
    from argmap.tui.app import binding_ids
    from argmap.tui.review import review_binding_ids

    return binding_ids() | review_binding_ids()


def keymap_for(path: str | None) -> dict[str, str] | None:
    """The keymap of ``path`` (``--keys``), else of the default keys file if it exists, else None."""
    keys_file = Path(path) if path else default_keys_file()
    if path or keys_file.is_file():
        return load_keymap(keys_file, known_binding_ids())
    return None
