"""Exports of the argument map (JSON, AIF, Argdown, CSV, DOT, HTML), JSON import, atomic file
writing."""

from __future__ import annotations

from collections.abc import Callable

FORMATS = ("json", "aif", "argdown", "csv", "dot", "html")


def writer(format: str) -> Callable[..., None]:
    """The function writing the map of a workspace in ``format`` to a text stream:
    ``write(workspace, stream, filter=None)``, ``filter`` (a ``StatementFilter`` of documents,
    outlets, authors and days) keeping part of the map."""
    if format == "json":
        from argmap.export.mapjson import write_map_json as write
    elif format == "aif":
        from argmap.export.aif import write_aif as write
    elif format == "argdown":
        from argmap.export.argdown import write_argdown as write
    elif format == "csv":
        from argmap.export.table import write_csv as write
    elif format == "dot":
        from argmap.export.dot import write_dot as write
    elif format == "html":
        from argmap.export.html import write_html as write
    else:
        raise ValueError(f"unknown export format {format!r} (expected one of {', '.join(FORMATS)})")
    return write
