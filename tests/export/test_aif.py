"""The map in the Argument Interchange Format: locutions, propositions and schemes."""

import re

from argmap.export.aif import build_aif
from tests.helpers import by_speaker


def test_aif_has_locutions_propositions_and_schemes(mapped):
    aif = build_aif(mapped)
    nodes = {n["nodeID"]: n for n in aif["nodes"]}
    by_type = {}
    for n in aif["nodes"]:
        by_type.setdefault(n["type"], []).append(n)
    statements = mapped.count_statements()
    assert len(by_type["L"]) == statements and len(by_type["YA"]) == statements
    assert len(by_type["I"]) == statements + 4  # one per statement, one per claim
    assert len(by_type["RA"]) == 3 and len(by_type["CA"]) == 2 and len(by_type["MA"]) == 1
    assert all(
        re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", n["timestamp"]) for n in aif["nodes"]
    )
    edges = [(e["fromID"], e["toID"]) for e in aif["edges"]]
    assert all(a in nodes and b in nodes for a, b in edges)
    out = {}
    for a, b in edges:
        out.setdefault(a, []).append(b)
    for ya in by_type["YA"]:  # L -> YA -> I
        sources = [a for a, b in edges if b == ya["nodeID"]]
        assert [nodes[s]["type"] for s in sources] == ["L"] and [
            nodes[t]["type"] for t in out[ya["nodeID"]]
        ] == ["I"]
        assert ya["text"] == "Asserting"
    kishida = by_speaker(mapped, "Kishida Fumio")[0]
    l_node = next(n for n in by_type["L"] if n["text"] == f"Kishida Fumio: {kishida.text}")
    locution = next(loc for loc in aif["locutions"] if loc["nodeID"] == l_node["nodeID"])
    person = next(p for p in aif["participants"] if p["participantID"] == locution["personID"])
    assert (person["firstname"], person["surname"]) == ("Kishida", "Fumio")
    assert (locution["start"], locution["end"], locution["source"]) == (
        kishida.start,
        kishida.end,
        kishida.doc_name,
    )
    # Kishida's proposition -> RA -> the position
    i_kishida = next(b for b in out[next(b for b in out[l_node["nodeID"]])])
    ra = [b for b in out[i_kishida] if nodes[b]["type"] == "RA"]
    assert (
        len(ra) == 1
        and nodes[out[ra[0]][0]]["text"] == "Japan should integrate its forces with the US"
    )
    # rebuttal: the opposing position -> CA -> the position
    i_against = next(
        n["nodeID"] for n in by_type["I"] if n["text"] == "Integration makes Japan the front line"
    )
    (ca,) = out[i_against]
    assert nodes[ca]["text"] == "Default Conflict" and nodes[out[ca][0]]["text"].startswith(
        "Japan should integrate"
    )
