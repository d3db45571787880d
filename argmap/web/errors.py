"""The web server's errors."""

from __future__ import annotations

from argmap.errors import ArgmapError


class WebUnavailable(ArgmapError):
    """``argmap serve`` cannot run here: the web extra is missing, or the address is taken."""
