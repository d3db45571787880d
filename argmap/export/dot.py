"""GraphViz DOT: the issue, positions and claims (grouping edges dashed), the
statements linked to them, support green, attack and rebuttal red, restatement grey.

The map reads from left to right like an outline: the issue on the left, then the
positions, the claims, and the statements on the right, each arrow pointing back at what
it supports or attacks. A claim with many statements has them in a column that grows
down the page, not a row that grows across it; a restatement stands in the column of the
statement it restates. Every text is in Helvetica, edge labels included.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, TextIO

from argmap.export.graph import read_graph

if TYPE_CHECKING:
    from argmap.store.statements import StatementFilter

STYLE = {
    "supports": 'color="#2e7d32"',
    "attacks": 'color="#c62828"',
    "rebuts": 'color="#c62828", style=bold',
    "restates": 'color="#888888", style=dotted, dir=none',
}
#: Marks that open or close a quotation: a quote beginning with one is not quoted again.
QUOTATION_MARKS = "\"'“”‘’„‚«»‹›「」『』"


def _quoted(lines: list[str]) -> str:
    """``lines`` as one DOT string: backslashes and quotes escaped, control characters made
    spaces, lines joined with DOT's centred line break."""
    escaped = []
    for line in lines:
        line = "".join(" " if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in line)
        escaped.append(line.replace("\\", "\\\\").replace('"', '\\"'))
    return '"' + "\\n".join(escaped) + '"'


def _shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (with …)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def _wrap(text: str, width: int = 40) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def _label(text: str, limit: int = 160) -> str:
    return _quoted(_wrap(_shorten(text, limit)))


def _statement_label(speaker: str, text: str, source: str) -> str:
    """The speaker, the quote in quotation marks (unless it begins with one already, so it
    does not get a second), and the source, each on lines of their own."""
    quote = _shorten(text, 160)
    if not quote.startswith(tuple(QUOTATION_MARKS)):
        quote = f"“{quote}”"
    return _quoted(_wrap(f"{speaker}:") + _wrap(quote) + _wrap(f"({source})"))


def build_dot(workspace, filter: StatementFilter | None = None) -> str:
    """The map as a DOT digraph (with ``filter``: the statements it keeps)."""
    graph = read_graph(workspace, filter=filter)
    lines = [
        "digraph argmap {",
        '  graph [rankdir=RL, fontname="Helvetica"];',
        '  node [fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=9];',
        f"  issue [shape=doubleoctagon, label={_label(graph.issue)}];",
    ]
    edges = []
    for claim in graph.claims:
        shape = "hexagon" if claim.kind == "position" else "ellipse"
        lines.append(f'  "{claim.id}" [shape={shape}, label={_label(claim.text)}];')
        edges.append(
            f'  "{claim.id}" -> "{claim.parent_id or "issue"}" [style=dashed, arrowhead=none];'
        )
    for statement in graph.statements.values():
        label = _statement_label(statement.speaker or "?", statement.text, graph.source(statement))
        lines.append(f'  "{statement.id}" [shape=box, label={label}];')
    for relation in graph.relations:
        edges.append(
            f'  "{relation.source_id}" -> "{relation.target_id}" '
            f'[{STYLE[relation.kind]}, label="{relation.kind}"];'
        )
    lines += edges
    for relation in graph.relations:  # the same quote again: beside it, in the same column
        if relation.kind == "restates":
            lines.append(f'  {{ rank=same; "{relation.source_id}"; "{relation.target_id}"; }}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_dot(workspace, stream: TextIO, filter: StatementFilter | None = None) -> None:
    """Write the map as DOT."""
    stream.write(build_dot(workspace, filter))
