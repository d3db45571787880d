"""Saving a file so that a crash leaves either the old or the new content, never a mix."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO


def write_atomic(path: str | os.PathLike[str], content: str | Callable[[TextIO], None]) -> None:
    """Write ``content`` (a string, or a function writing to a stream) to ``path`` atomically.

    The text goes (UTF-8, line endings as given) to a temporary file in the same
    folder, is flushed and fsynced, then ``os.replace`` puts it in place and the
    folder is fsynced where the platform allows. On any failure the temporary file
    is removed and ``path`` keeps its previous content. An existing file's
    permission bits are kept; a new file gets 0666 minus the umask (0644 usually), as
    ``open`` would give it (``mkstemp`` alone would leave it 0600). A path that is not a
    regular file (``/dev/null``, a named pipe) is written to as it is, never replaced.
    """
    target = Path(path)
    if target.exists() and not target.is_file():
        # a device or a pipe ("-o /dev/null", a named pipe): written to, never replaced
        with open(target, "w", encoding="utf-8", newline="") as stream:
            if isinstance(content, str):
                stream.write(content)
            else:
                content(stream)
        return
    folder = target.parent
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            if isinstance(content, str):
                stream.write(content)
            else:
                content(stream)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        except FileNotFoundError:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _fsync_folder(folder)


def _umask() -> int:
    """The process's umask (read without changing it where /proc allows)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); silently skipped where folders cannot be opened."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
