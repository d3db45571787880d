"""Argdown text: the issue as the title, a section per position (and per claim with
claims under it; a claim's data names its ``parent``), claims with their
supporting and attacking claims and statements indented below them; a statement's
speaker, source (its document, outlet and publication date) and stance go in its ``{...}``
data. Argdown has no relation for
"the same quote reported again", so a restatement carries ``restates: [titles]``
in its data, under a "Restatements" section."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, TextIO

from argmap.export.graph import MapGraph, read_graph

if TYPE_CHECKING:
    from argmap.store.statements import StatementFilter

SIGN = {"supports": "+", "attacks": "-", "rebuts": "-"}


#: Characters Argdown reads as markup wherever they are in a text (data, tags, mentions, titles,
#: links, bold and italics, arguments), escaped with "\\" (the parser drops the "\\").
ESCAPED = "\\#{}@[]<>*_"
#: What else the parser would read as markup: a comment ("//", "/*"), front matter ("==="),
#: a shortcode (".A." is read as "∀", ":smile:" as an emoji): escaped where they would start.
MARKUP = re.compile(r"/(?=[/*])|=(?===)|(?<==)=(?==)|(?<===)=|\.(?=\S+\.)|:(?=\S+:)")


def _text(text: str) -> str:
    """``text`` as one line of Argdown text that the parser reads back as ``text`` (its white
    space runs made single spaces): every character it would read as markup escaped."""
    text = " ".join(text.split())
    text = "".join("\\" + c if c in ESCAPED else c for c in text)
    return MARKUP.sub(lambda match: "\\" + match.group(), text)


def _yaml(value: object, *, also: str = "") -> str:
    """``value`` as YAML inside Argdown: JSON (YAML's flow style), with the braces (which
    would end the data block) and any characters of ``also`` written as \\u escapes."""
    encoded = json.dumps(value, ensure_ascii=False)
    for char in "{}" + also:
        encoded = encoded.replace(char, f"\\u{ord(char):04x}")
    return encoded


def _data(values: dict) -> str:
    items = [f"{key}: {_yaml(value)}" for key, value in values.items() if value]
    return " {" + ", ".join(items) + "}" if items else ""


def build_argdown(graph: MapGraph) -> str:
    """The map as Argdown text."""
    titles: dict[str, str] = {}
    counters = {"position": 0, "claim": 0, "statement": 0}
    for claim in graph.claims:
        counters[claim.kind] += 1
        titles[claim.id] = f"{'P' if claim.kind == 'position' else 'C'}{counters[claim.kind]}"
    for statement_id in graph.statements:
        counters["statement"] += 1
        titles[statement_id] = f"S{counters['statement']}"
    defined: set[str] = set()
    lines = [
        "===",
        f"title: {_yaml(graph.issue, also='=')}",
        "===",
        "",
        f"# {_text(graph.issue)}",
        "",
    ]

    def definition(node_id: str) -> str:
        title = titles[node_id]
        if node_id in defined:
            return f"[{title}]"
        defined.add(node_id)
        claim = next((c for c in graph.claims if c.id == node_id), None)
        if claim is not None:
            tag = " #position" if claim.kind == "position" else ""
            parent = titles.get(claim.parent_id) if claim.parent_id else None
            return f"[{title}]: {_text(claim.text)}{tag}" + _data(
                {"id": claim.id, "stance": claim.label, "parent": parent}
            )
        s = graph.statements[node_id]
        document = graph.documents.get(s.document)
        restates = [
            titles[r.target_id]
            for r in graph.relations
            if r.kind == "restates" and r.source_id == node_id
        ]
        return f"[{title}]: {_text(s.text)}" + _data(
            {
                "speaker": s.speaker,
                "role": graph.roles.get(s.id),
                "source": s.doc_name,
                "outlet": document.outlet if document else None,
                "published": document.published if document else None,
                "span": f"{s.start}-{s.end}",
                "stance": s.label,
                "id": s.id,
                "restates": restates,
            }
        )

    def block(node_id: str, depth: int, seen: frozenset) -> None:
        for relation in graph.incoming(node_id):
            sign = SIGN.get(relation.kind)
            if sign is None or relation.source_id not in titles:
                continue
            lines.append("    " * depth + f"{sign} " + definition(relation.source_id))
            if relation.source_id not in seen:
                block(relation.source_id, depth + 1, seen | {relation.source_id})

    def section(parent: str | None, level: int) -> None:
        for claim in graph.children(parent):
            if claim.kind == "position" or graph.children(
                claim.id
            ):  # a section holds the claims under it
                lines.append(f"{'#' * min(level, 6)} {_text(claim.text)}")
                lines.append("")
            lines.append(definition(claim.id))
            block(claim.id, 1, frozenset({claim.id}))
            lines.append("")
            section(claim.id, level + 1)

    section(None, 2)
    restated = [r for r in graph.relations if r.kind == "restates"]
    if restated:
        lines += ["## Restatements", ""]
        # a paragraph each: the parser reads consecutive definitions as one statement's text
        for node_id in dict.fromkeys(r.source_id for r in restated):
            if node_id not in defined:
                lines += [definition(node_id), ""]
        for node_id in dict.fromkeys(r.target_id for r in restated):
            if node_id not in defined:
                lines += [definition(node_id), ""]
    return "\n".join(lines).rstrip() + "\n"


def write_argdown(workspace, stream: TextIO, filter: StatementFilter | None = None) -> None:
    """Write the map as Argdown (with ``filter``: the statements it keeps)."""
    stream.write(build_argdown(read_graph(workspace, filter=filter)))
