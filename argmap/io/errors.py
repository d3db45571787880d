"""``ReadError``: a file (or a row of one) that could not be read as a document."""

from __future__ import annotations

import errno
import os

from argmap.errors import ArgmapError


class ReadError(ArgmapError):
    """A path that could not be read as a document; ``str()`` is ``"PATH: problem"``."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem

    @classmethod
    def from_os_error(cls, path: str | os.PathLike[str], error: OSError) -> ReadError:
        """The ReadError for ``error`` met while reading ``path`` (the error's own file name
        wins)."""
        if error.errno == errno.ELOOP:
            return cls(error.filename or path, "a symbolic link loop (it points back to itself)")
        reason = error.strerror or str(error) or type(error).__name__
        return cls(error.filename or path, reason[0].lower() + reason[1:])
