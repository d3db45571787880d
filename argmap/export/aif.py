"""AIF JSON as AIFdb and OVA read it (see ../shared/notes/formats.md).

Each statement is an L node ("Speaker: words") with a locution naming its speaker
and its source, an I node for what it asserts, and a YA "Asserting" node joining
them. Claims and positions are I nodes. Support is premise -> RA -> conclusion,
attack and rebuttal attacker -> CA -> attacked, restatement an MA between the two
statements' I nodes. Speakers are ``participants``.

As AIFdb, OVA and arguebuf have them, every id is a string and every timestamp
``YYYY-MM-DD HH:MM:SS`` (UTC): a node's is the time it entered the map (a claim's or
relation's creation, a statement's document being added); a locution's is when its words
were published (its document's publication time in UTC; a date alone at 00:00:00; a time
without a zone as given), else when its document was added. A locution's ``start`` and
``end`` are times of speech in AIF, which a quote in an article does not have, so they
are null; its ``source`` names the document and the statement's characters in it as an
RFC 5147 fragment: ``article.txt#char=1103,1230``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO

from argmap.export.graph import read_graph

if TYPE_CHECKING:
    from argmap.store.statements import StatementFilter

SCHEME_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}
SCHEME_OF = {"supports": "RA", "attacks": "CA", "rebuts": "CA", "restates": "MA"}
UNKNOWN_SPEAKER = "Unknown speaker"


def aif_time(iso: str | None) -> str:
    """An ISO 8601 time of the store as an AIF timestamp (UTC, to the second); now if None."""
    moment = datetime.fromisoformat(iso) if iso else datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def participant_name(speaker: str) -> tuple[str, str]:
    """A speaker's name as OVA splits it: the first word, and the rest."""
    first, _, rest = speaker.partition(" ")
    return first, rest


def published_time(published: str | None) -> str | None:
    """A document's publication date or time as an AIF timestamp: a time with a zone in UTC,
    one without as it is, a date alone at 00:00:00; None when unknown."""
    if not published:
        return None
    if len(published) == 10:
        return f"{published} 00:00:00"
    moment = datetime.fromisoformat(published)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def build_aif(
    workspace, *, all_statements: bool = True, filter: StatementFilter | None = None
) -> dict:
    """The map as an AIF dictionary (``nodes``, ``edges``, ``locutions``, ``participants``)."""
    graph = read_graph(workspace, all_statements=all_statements, filter=filter)
    added = {d.id: aif_time(d.added_at) for d in graph.documents.values()}
    # a locution's time: when its words were published, if known, else when they were added
    said = {d.id: published_time(d.published) or added[d.id] for d in graph.documents.values()}
    nodes: list[dict] = []
    edges: list[dict] = []
    locutions: list[dict] = []
    participants: dict[str, str] = {}  # speaker name -> participant id
    people: list[dict] = []
    i_node: dict[str, str] = {}  # statement or claim id -> its I node

    def node(text: str, kind: str, stamp: str) -> str:
        node_id = str(len(nodes) + 1)
        nodes.append({"nodeID": node_id, "text": text, "type": kind, "timestamp": stamp})
        return node_id

    def edge(source: str, target: str) -> None:
        edges.append(
            {"edgeID": str(len(edges) + 1), "fromID": source, "toID": target, "formEdgeID": None}
        )

    for claim in graph.claims:
        i_node[claim.id] = node(claim.text, "I", aif_time(claim.created_at))
    for statement in graph.statements.values():
        speaker = statement.speaker or UNKNOWN_SPEAKER
        if speaker not in participants:
            participants[speaker] = str(len(participants) + 1)
            first, rest = participant_name(speaker)
            people.append(
                {"participantID": participants[speaker], "firstname": first, "surname": rest}
            )
        stamp = added.get(statement.document) or aif_time(None)
        locution = node(f"{speaker}: {statement.text}", "L", stamp)
        locutions.append(
            {
                "nodeID": locution,
                "personID": participants[speaker],
                "timestamp": said.get(statement.document) or stamp,
                "start": None,
                "end": None,
                "source": f"{statement.doc_name}#char={statement.start},{statement.end}",
            }
        )
        proposition = i_node[statement.id] = node(statement.text, "I", stamp)
        assertion = node("Asserting", "YA", stamp)
        edge(locution, assertion)
        edge(assertion, proposition)
    for relation in graph.relations:
        if relation.source_id not in i_node or relation.target_id not in i_node:
            continue
        scheme = SCHEME_OF[relation.kind]
        middle = node(SCHEME_TEXT[scheme], scheme, aif_time(relation.created_at))
        edge(i_node[relation.source_id], middle)
        edge(middle, i_node[relation.target_id])
    return {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": people}


def write_aif(workspace, stream: TextIO, filter: StatementFilter | None = None) -> None:
    """Write the map as AIF JSON (with ``filter``: the statements it keeps)."""
    aif = build_aif(workspace, filter=filter)
    encode = json.JSONEncoder(
        ensure_ascii=False
    ).encode  # compact: the C encoder, fast at 100k statements
    stream.write(
        "{\n"
        + ",\n".join(f" {encode(key)}: {encode(value)}" for key, value in aif.items())
        + "\n}\n"
    )
