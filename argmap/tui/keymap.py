"""Remapping keys: a TOML file mapping binding ids to keys, given to ``App.set_keymap``.

For example, in ``~/.config/argmap/keys.toml``:

```toml
[keys]
undo = "ctrl+z,u"
view-board = "f1"
```
"""

from __future__ import annotations

import os
import tomllib
import unicodedata
from pathlib import Path

from argmap.errors import ArgmapError


class KeymapError(ArgmapError, ValueError):
    """A keys file that cannot be used; the message names the file and the problem."""


def default_keys_file() -> Path:
    """``$XDG_CONFIG_HOME/argmap/keys.toml`` (default ``~/.config/argmap/keys.toml``)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "argmap" / "keys.toml"


def load_keymap(path: str | os.PathLike[str], known: set[str] | None = None) -> dict[str, str]:
    """Binding id -> keys from the ``[keys]`` table of ``path``; unknown ids are refused when
    ``known`` is given."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as problem:
        raise KeymapError(f"{path}: {problem.strerror or problem}") from None
    except UnicodeDecodeError:
        raise KeymapError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as problem:
        raise KeymapError(f"{path}: not valid TOML: {problem}") from None
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        raise KeymapError(f'{path}: expected a [keys] table of binding-id = "keys"')
    out: dict[str, str] = {}
    for binding_id, value in keys.items():
        if not isinstance(value, str) or not value.strip():
            raise KeymapError(
                f'{path}: keys.{binding_id}: expected keys as a string such as "ctrl+z,u"'
            )
        if known is not None and binding_id not in known:
            raise KeymapError(
                f"{path}: keys.{binding_id}: no binding has this id (the help screen, ?, lists "
                "them)"
            )
        keys = value.replace(" ", "")
        for key in keys.split(","):
            if not is_key(key):
                raise KeymapError(
                    f"{path}: keys.{binding_id}: {key!r} is not a key "
                    '(a character such as "j", or a name such as "f2", "enter", "ctrl+z")'
                )
        out[binding_id] = keys
    return out


MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


def is_key(key: str) -> bool:
    """Whether ``key`` names one key as Textual's bindings do: 'j', '?', 'f2', 'ctrl+z',
    'question_mark'."""
    *modifiers, name = key.split("+")
    if not name or any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    if len(name) == 1:
        return name.isprintable()
    from textual.keys import KEY_NAME_REPLACEMENTS, Keys

    if name in KEY_NAME_REPLACEMENTS.values() or name in {k.value for k in Keys}:
        return True
    # a character by its Unicode name, as Textual spells it: 'question_mark', 'left_square_bracket'
    try:
        unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return False
    return True


def shown_keys(app, binding_id: str, default: str) -> str:
    """The keys of binding ``binding_id`` as ``app`` has them (its keymap, else ``default``), for
    hints: 'a/⏎'."""
    from textual.binding import Binding

    keys = (getattr(app, "_keymap", None) or {}).get(binding_id, default)
    return "/".join(app.get_key_display(Binding(key, "")) for key in keys.split(","))
