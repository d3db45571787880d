"""The map in the Argument Interchange Format: locutions, propositions and schemes, with
string ids and AIF timestamps, read by arguebuf (the real reader, in its own environment)."""

import io
import re
import time
from collections import Counter
from datetime import UTC, datetime

import pytest

from argmap.export import writer
from argmap.export.aif import build_aif
from tests.export.readers import read_aif
from tests.helpers import by_speaker

STAMP = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"


def _aif_stamp(iso: str) -> str:
    """An ISO time of the store as an AIF timestamp (UTC, to the second)."""
    return datetime.fromisoformat(iso).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


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
    assert all(re.fullmatch(STAMP, n["timestamp"]) for n in aif["nodes"])
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
    # start and end are times of speech in AIF (OVA writes "YYYY-MM-DD HH:MM:SS"), which a
    # news quote does not have; its span goes in the source, as an RFC 5147 fragment
    assert (locution["start"], locution["end"], locution["source"]) == (
        None,
        None,
        f"{kishida.doc_name}#char={kishida.start},{kishida.end}",
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


def test_aif_ids_are_strings(mapped):
    aif = build_aif(mapped)
    ids = [n["nodeID"] for n in aif["nodes"]]
    ids += [e[key] for e in aif["edges"] for key in ("edgeID", "fromID", "toID")]
    ids += [loc[key] for loc in aif["locutions"] for key in ("nodeID", "personID")]
    ids += [p["participantID"] for p in aif["participants"]]
    assert ids and [i for i in ids if not isinstance(i, str)] == []
    assert len({n["nodeID"] for n in aif["nodes"]}) == len(aif["nodes"])
    assert len({e["edgeID"] for e in aif["edges"]}) == len(aif["edges"])


def test_aif_timestamps_are_when_each_node_entered_the_map(mapped):
    time.sleep(1.1)  # the export is not in the second the map was made
    aif = build_aif(mapped)
    by_text = {n["text"]: n for n in aif["nodes"] if n["type"] == "I"}
    for claim in mapped.claims():
        assert by_text[claim.text]["timestamp"] == _aif_stamp(claim.created_at)
    (document,) = mapped.documents()
    kishida = by_speaker(mapped, "Kishida Fumio")[0]
    locution = next(n for n in aif["nodes"] if n["text"] == f"Kishida Fumio: {kishida.text}")
    assert locution["timestamp"] == _aif_stamp(document.added_at)
    (ma,) = [n for n in aif["nodes"] if n["type"] == "MA"]
    (restates,) = mapped.relations(kind="restates", status="accepted")
    assert ma["timestamp"] == _aif_stamp(restates.created_at)


def test_each_locution_names_its_participant_as_ova_splits_the_speaker(odd_map, mapped):
    for workspace in (mapped, odd_map):
        aif = build_aif(workspace)
        people = {p["participantID"]: p for p in aif["participants"]}
        texts = {n["nodeID"]: n["text"] for n in aif["nodes"]}
        for locution in aif["locutions"]:
            person = people[locution["personID"]]
            # OVA reads the speaker from an L node's "Speaker: words": first word, the rest
            name = " ".join(part for part in (person["firstname"], person["surname"]) if part)
            assert texts[locution["nodeID"]].startswith(f"{name}: ")
            assert " " not in person["firstname"]


def _write(workspace, path):
    stream = io.StringIO()
    writer("aif")(workspace, stream)
    path.write_text(stream.getvalue(), encoding="utf-8")
    return build_aif(workspace)


@pytest.mark.parametrize("which", ["mapped", "odd_map", "empty_map"])
def test_arguebuf_reads_the_aif_and_dumps_it(which, request, arguebuf, tmp_path):
    workspace = request.getfixturevalue(which)
    path = tmp_path / f"{which}.json"
    ours = _write(workspace, path)
    read = read_aif(arguebuf, path)  # load, then dump to protobuf, dict, GraphViz and AIF
    nodes = {n["nodeID"]: n for n in ours["nodes"]}
    # arguebuf keeps the argument layer: every I node with its text, every scheme ...
    assert read["atoms"] == {i: n["text"] for i, n in nodes.items() if n["type"] == "I"}
    kinds = {"RA": "Support", "CA": "Attack", "MA": "Rephrase"}
    assert Counter(s["kind"] for s in read["schemes"].values()) == Counter(
        kinds[n["type"]] for n in nodes.values() if n["type"] in kinds
    )
    for scheme_id, scheme in read["schemes"].items():
        assert scheme["premises"] == sorted(
            e["fromID"] for e in ours["edges"] if e["toID"] == scheme_id
        )
        assert scheme["conclusions"] == sorted(
            e["toID"] for e in ours["edges"] if e["fromID"] == scheme_id
        )
    # ... and drops the dialogue layer (L and YA nodes), warning about each edge to it only
    dialogue = {i for i, n in nodes.items() if n["type"] in ("L", "YA")}
    skipped = [e for e in ours["edges"] if {e["fromID"], e["toID"]} & dialogue]
    assert read["edges"] == len(ours["edges"]) - len(skipped)
    assert len(read["warnings"]) == len(skipped)
    assert all(read["dumps"][name] >= 0 for name in ("protobuf", "dict", "graphviz", "aif"))
    assert read["dumps"]["aif"] == len(read["atoms"]) + len(read["schemes"])
    # the timestamps as arguebuf writes them back
    assert read["timestamps"] == {
        i: n["timestamp"] for i, n in nodes.items() if i in read["atoms"] or i in read["schemes"]
    }
