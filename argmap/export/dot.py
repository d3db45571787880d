"""GraphViz DOT: the issue, positions and claims (grouping edges dashed), the
statements linked to them, support green, attack and rebuttal red, restatement grey."""

from __future__ import annotations

import json
import textwrap
from typing import TextIO

from argmap.export.graph import read_graph

STYLE = {
    "supports": 'color="#2e7d32"',
    "attacks": 'color="#c62828"',
    "rebuts": 'color="#c62828", style=bold',
    "restates": 'color="#888888", style=dotted, dir=none',
}


def _label(text: str, width: int = 40, limit: int = 160) -> str:
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return json.dumps("\n".join(textwrap.wrap(text, width)), ensure_ascii=False)


def build_dot(workspace) -> str:
    """The map as a DOT digraph."""
    graph = read_graph(workspace)
    lines = [
        "digraph argmap {",
        "  rankdir=BT;",
        '  node [fontname="Helvetica", fontsize=10];',
        f"  issue [shape=doubleoctagon, label={_label(graph.issue)}];",
    ]
    for claim in graph.claims:
        shape = "hexagon" if claim.kind == "position" else "ellipse"
        lines.append(f'  "{claim.id}" [shape={shape}, label={_label(claim.text)}];')
        lines.append(
            f'  "{claim.id}" -> "{claim.parent_id or "issue"}" [style=dashed, arrowhead=none];'
            if claim.parent_id
            else f'  "{claim.id}" -> issue [style=dashed, arrowhead=none];'
        )
    for statement in graph.statements.values():
        text = f"{statement.speaker or '?'}: “{statement.text}” ({statement.doc_name})"
        lines.append(f'  "{statement.id}" [shape=box, label={_label(text)}];')
    for relation in graph.relations:
        lines.append(
            f'  "{relation.source_id}" -> "{relation.target_id}" [{STYLE[relation.kind]}, '
            f'label="{relation.kind}"];'
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_dot(workspace, stream: TextIO) -> None:
    """Write the map as DOT."""
    stream.write(build_dot(workspace))
