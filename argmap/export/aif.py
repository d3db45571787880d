"""AIF JSON as AIFdb and OVA read it (see ../shared/notes/formats.md).

Each statement is an L node ("Speaker: words") with a locution naming its speaker
and its span in its source, an I node for what it asserts, and a YA "Asserting"
node joining them. Claims and positions are I nodes. Support is premise -> RA ->
conclusion, attack and rebuttal attacker -> CA -> attacked, restatement an MA
between the two statements' I nodes. Speakers are ``participants``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TextIO

from argmap.export.graph import read_graph

SCHEME_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}
SCHEME_OF = {"supports": "RA", "attacks": "CA", "rebuts": "CA", "restates": "MA"}


def build_aif(workspace, *, all_statements: bool = True) -> dict:
    """The map as an AIF dictionary (``nodes``, ``edges``, ``locutions``, ``participants``)."""
    graph = read_graph(workspace, all_statements=all_statements)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    nodes: list[dict] = []
    edges: list[dict] = []
    locutions: list[dict] = []
    participants: dict[str, int] = {}
    people: list[dict] = []
    i_node: dict[str, int] = {}  # statement or claim id -> its I node

    def node(text: str, kind: str) -> int:
        nodes.append({"nodeID": len(nodes) + 1, "text": text, "type": kind, "timestamp": stamp})
        return len(nodes)

    def edge(source: int, target: int) -> None:
        edges.append(
            {"edgeID": len(edges) + 1, "fromID": source, "toID": target, "formEdgeID": None}
        )

    for claim in graph.claims:
        i_node[claim.id] = node(claim.text, "I")
    for statement in graph.statements.values():
        speaker = statement.speaker or "Unknown speaker"
        if speaker not in participants:
            participants[speaker] = len(participants) + 1
            first, _, last = speaker.rpartition(" ")
            people.append(
                {
                    "participantID": participants[speaker],
                    "firstname": first or last,
                    "surname": last if first else "",
                }
            )
        locution = node(f"{speaker}: {statement.text}", "L")
        locutions.append(
            {
                "nodeID": locution,
                "personID": participants[speaker],
                "timestamp": stamp,
                "start": statement.start,
                "end": statement.end,
                "source": statement.doc_name,
            }
        )
        proposition = i_node[statement.id] = node(statement.text, "I")
        assertion = node("Asserting", "YA")
        edge(locution, assertion)
        edge(assertion, proposition)
    for relation in graph.relations:
        if relation.source_id not in i_node or relation.target_id not in i_node:
            continue
        scheme = SCHEME_OF[relation.kind]
        middle = node(SCHEME_TEXT[scheme], scheme)
        edge(i_node[relation.source_id], middle)
        edge(middle, i_node[relation.target_id])
    return {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": people}


def write_aif(workspace, stream: TextIO) -> None:
    """Write the map as AIF JSON."""
    aif = build_aif(workspace)
    encode = json.JSONEncoder(
        ensure_ascii=False
    ).encode  # compact: the C encoder, fast at 100k statements
    stream.write(
        "{\n"
        + ",\n".join(f" {encode(key)}: {encode(value)}" for key, value in aif.items())
        + "\n}\n"
    )
