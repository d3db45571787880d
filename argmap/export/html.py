"""HTML: the map as a picture in one self-contained page (``argmap export --format html``).

The page draws the issue, positions, claims and the statements linked to them as a graph
(Cytoscape.js, vendored in ``static/vendor/cytoscape``), shows a clicked node's text, speaker,
stance and source in a side panel, and the board's columns below. Everything is inlined: the
map's data as JSON, the script, the library and the style, so the file opens from disk with no
network. The page builds its text with ``textContent`` from the JSON (never as markup), and the
JSON is written so that nothing in a text can end its ``<script>`` element.
"""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from argmap import __version__
from argmap.errors import ArgmapError
from argmap.export.graph import MapGraph, read_graph

if TYPE_CHECKING:
    from argmap.store.statements import StatementFilter

#: The page's template, script and style, and the vendored graph library.
STATIC = Path(__file__).with_name("static")
CYTOSCAPE = STATIC / "vendor" / "cytoscape" / "cytoscape.min.js"
#: The colour of statements without a stance (as the terminal UI's board).
NO_LABEL_COLOUR = "#777777"
#: Characters written as ``\\uXXXX`` in the inlined JSON: ``<`` ``>`` ``&`` so that no text
#: ends the script element or opens a comment in it, and the line separators old parsers read
#: as line ends.
_UNSAFE_IN_SCRIPT = re.compile("[<>&\u2028\u2029]")
#: What must not appear in a script inlined as it is (it would end the element or change how
#: the HTML parser reads it).
_SCRIPT_BREAKERS = re.compile(r"</script|<!--|<script", re.IGNORECASE)


class PageFilesError(ArgmapError):
    """The page's files (template, script, style, graph library) cannot be read or inlined: a
    broken install."""


class ScriptNotInlinable(PageFilesError, ValueError):
    """A script that cannot be put inside a ``<script>`` element as it is."""


def script_json(value: Any) -> str:
    """``value`` as JSON that can stand inside a ``<script>`` element: ``<``, ``>``, ``&``,
    U+2028 and U+2029 as ``\\u`` escapes (``JSON.parse`` reads them back unchanged)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _UNSAFE_IN_SCRIPT.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def inline_script(code: str, name: str) -> str:
    """``code`` checked to be safe inside a ``<script>`` element (``name`` for the error)."""
    found = _SCRIPT_BREAKERS.search(code)
    if found:
        raise ScriptNotInlinable(
            f"{name}: holds {found.group()!r}, which would end the page's script"
        )
    return code


def _documents(graph: MapGraph) -> dict[str, dict[str, Any]]:
    used = {statement.document for statement in graph.statements.values()}
    return {
        document.id: {
            "name": document.name,
            "title": document.title,
            "outlet": document.outlet,
            "authors": list(document.authors),
            "published": document.published,
            "url": document.url,
        }
        for document in graph.documents.values()
        if document.id in used
    }


def graph_elements(graph: MapGraph) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The nodes (the issue, claims, statements) and edges (each claim to its parent, the
    accepted relations, a promoted claim to its statement) of the page's graph."""
    nodes: list[dict[str, Any]] = [{"id": "issue", "kind": "issue", "text": graph.issue}]
    edges: list[dict[str, Any]] = []
    for claim in graph.claims:
        promoted = claim.statement_id if claim.statement_id in graph.statements else None
        nodes.append(
            {
                "id": claim.id,
                "kind": claim.kind,
                "text": claim.text,
                "label": claim.label,
                "statement": promoted,
            }
        )
        parent = claim.parent_id or "issue"
        edges.append(_edge(f"{claim.id}>{parent}", claim.id, parent, "parent"))
        if promoted:  # the claim is this statement's words
            edges.append(_edge(f"{promoted}>{claim.id}", promoted, claim.id, "quotes"))
    for statement in graph.statements.values():
        nodes.append(
            {
                "id": statement.id,
                "kind": "statement",
                "text": statement.text,
                "speaker": statement.speaker,
                "role": graph.roles.get(statement.id),
                "label": statement.label,
                "label_source": statement.label_source,
                "review": statement.review,
                "document": statement.document,
            }
        )
    for relation in graph.relations:
        edges.append(_edge(relation.id, relation.source_id, relation.target_id, relation.kind))
    return nodes, edges


def _edge(id: str, source: str, target: str, kind: str) -> dict[str, str]:
    return {"id": id, "source": source, "target": target, "kind": kind}


def board_columns(workspace, labels: dict[str, dict[str, str]]) -> list[dict[str, Any]]:
    """The board of the terminal UI (``argmap.store.views.board``): one column per stance
    label, its speakers with most statements first, each with their strongest statements."""
    from argmap.store.views import board

    columns = []
    for column in board(workspace):
        label = labels.get(column.label)
        columns.append(
            {
                "label": column.label,
                "name": label["name"] if label else (column.label or "no stance"),
                "colour": label["colour"] if label else NO_LABEL_COLOUR,
                "statements": column.statements,
                "speakers": column.speakers,
                "rows": [
                    {
                        "name": speaker.name,
                        "count": speaker.count,
                        "quotes": [{"id": q.id, "text": q.text} for q in speaker.quotes],
                    }
                    for speaker in column.rows
                ],
            }
        )
    return columns


def subset_text(filter: StatementFilter | None) -> str | None:
    """What part of the map a filtered export holds, for people; None for the whole map."""
    if filter is None:
        return None
    parts = []
    if filter.outlet is not None:
        parts.append("outlets " + ", ".join(o or "(none)" for o in filter.outlet))
    if filter.author is not None:
        parts.append("authors " + ", ".join(filter.author))
    if filter.since is not None:
        parts.append(f"since {filter.since}")
    if filter.until is not None:
        parts.append(f"until {filter.until}")
    if filter.dated is False:
        parts.append("documents without a date")
    return "; ".join(parts) or "a part of the map"


def page_data(workspace, filter: StatementFilter | None = None) -> dict[str, Any]:
    """Everything the page shows, as JSON-ready values: the issue, the codebook's labels, the
    graph's nodes and edges, the documents of its statements, and the board (left out of a
    filtered export: the board counts the whole workspace)."""
    graph = read_graph(workspace, filter=filter)
    codebook = workspace.codebook
    labels = (
        {label.id: {"name": label.name, "colour": label.colour} for label in codebook.labels}
        if codebook
        else {}
    )
    nodes, edges = graph_elements(graph)
    return {
        "argmap_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "issue": graph.issue,
        "subset": subset_text(filter),
        "labels": [{"id": label_id, **label} for label_id, label in labels.items()],
        "no_label_colour": NO_LABEL_COLOUR,
        "nodes": nodes,
        "edges": edges,
        "documents": _documents(graph),
        "board": board_columns(workspace, labels) if filter is None else None,
    }


def render_page(data: dict[str, Any], *, static_url: str | None = None) -> str:
    """The page for ``data`` (``page_data``): the template with the style, the library, the
    page's script and the data inlined. With ``static_url`` (where a server serves ``STATIC``,
    ending in ``/``), the style and scripts are linked from there instead, for a page under a
    Content-Security-Policy that forbids inline scripts; the data stays inline (JSON is not run)."""
    template = _static(STATIC / "map.html")
    library = CYTOSCAPE.relative_to(STATIC).as_posix()
    if static_url is None:
        style = f"<style>{_static(STATIC / 'map.css')}</style>"
        scripts = [
            f"<script>{inline_script(_static(CYTOSCAPE), CYTOSCAPE.name)}</script>",
            f"<script>{inline_script(_static(STATIC / 'map.js'), 'map.js')}</script>",
        ]
    else:
        base = html.escape(static_url)
        style = f'<link rel="stylesheet" href="{base}map.css">'
        scripts = [f'<script src="{base}{name}"></script>' for name in (library, "map.js")]
    parts = {
        "title": html.escape(f"{data['issue']} · argmap"),
        "style": style,
        "library": scripts[0],
        "script": scripts[1],
        "data": script_json(data),
    }
    # one pass: what is put in is not read again for markers
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], template)


def _static(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as problem:
        raise PageFilesError(
            f"{path}: cannot read a file of the HTML page ({problem}); reinstall argmap"
        ) from None


def build_html(workspace, filter: StatementFilter | None = None) -> str:
    """The map as one self-contained HTML page (with ``filter``: the statements it keeps)."""
    return render_page(page_data(workspace, filter))


def write_html(workspace, stream: TextIO, filter: StatementFilter | None = None) -> None:
    """Write the map as one self-contained HTML page."""
    stream.write(build_html(workspace, filter))
