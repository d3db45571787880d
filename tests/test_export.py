"""Exports of the map on the seed: JSON round trip and bad imports, AIF, Argdown, CSV, DOT, atomic writes."""

import csv
import io
import json
import re

import pytest
from tests.helpers import by_speaker, seed_workspace

from argmap.export import writer
from argmap.export.aif import build_aif
from argmap.export.mapjson import MapImportError, build_export, import_map
from argmap.export.model import MapExport
from argmap.io.atomic import write_atomic
from argmap.store import Workspace


@pytest.fixture
def mapped(tmp_path):
    """The seed with labels, a dispute, an adjudication, a position, claims and relations."""
    ws = seed_workspace(tmp_path / "ws")
    kishida = by_speaker(ws, "Kishida Fumio")[0]
    tanaka = by_speaker(ws, "Tanaka Hitoshi")
    austin = by_speaker(ws, "Lloyd Austin")
    ws.set_stance(kishida.id, "pro-integration", annotator="alice", note="with you")
    ws.set_stance(tanaka[0].id, "sovereignty-concern", annotator="alice")
    ws.set_stance(tanaka[0].id, "neutral", annotator="bob")
    ws.adjudicate(austin[0].id, "pro-integration", annotator="carol")
    position = ws.add_claim(
        "Japan should integrate its forces with the US", kind="position", label="pro-integration"
    )
    against = ws.add_claim(
        "Integration makes Japan the front line", kind="position", label="sovereignty-concern"
    )
    claim = ws.add_claim("Integration strengthens deterrence", parent_id=position.id)
    ws.link(kishida.id, position.id, "supports")
    ws.link(tanaka[0].id, claim.id, "attacks")
    ws.link(claim.id, position.id, "supports")
    ws.link(against.id, position.id, "rebuts")
    ws.promote_statement(austin[-1].id, parent_id=position.id)
    ws.link(austin[0].id, austin[-1].id, "restates")
    yield ws
    ws.close()


def _json(ws) -> dict:
    stream = io.StringIO()
    writer("json")(ws, stream)
    return json.loads(stream.getvalue())


def test_json_export_holds_the_whole_map_and_validates(mapped):
    data = _json(mapped)
    export = MapExport.model_validate(data)
    assert export.workspace_id == mapped.workspace_id and export.codebook == mapped.codebook
    assert len(export.statements) == mapped.count_statements()
    assert {s.name for s in export.speakers} >= {"Kishida Fumio", "Tanaka Hitoshi"}
    assert sorted((a.annotator, a.label, a.adjudicated) for a in export.annotations) == [
        ("alice", "pro-integration", False),
        ("alice", "sovereignty-concern", False),
        ("bob", "neutral", False),
        ("carol", "pro-integration", True),
    ]
    assert len(export.claims) == 4 and len(export.relations) == 6
    assert [e.action for e in export.edits][:2] == ["add-document", "set-stance"]
    doc = export.documents[0]
    assert all(doc.text[s.start : s.end] == s.text for s in export.statements)


def test_export_import_export_is_identical_but_for_time_and_workspace_id(mapped, tmp_path):
    first = _json(mapped)
    path = tmp_path / "map.json"
    path.write_text(json.dumps(first), encoding="utf-8")
    with Workspace.init(tmp_path / "copy") as copy:
        import_map(copy, str(path))
        second = _json(copy)
        assert copy.statement_row(first["statements"][1]["id"]) == mapped.statement_row(
            first["statements"][1]["id"]
        )
        assert copy.status().review == mapped.status().review
        # the edit log came along: undo works in the copy
        undone = copy.undo()
        assert undone.action == "link"
    assert second["workspace_id"] != first["workspace_id"]
    for data in (first, second):
        del data["exported_at"], data["workspace_id"]
    assert second == first


def _changed(text: str, change) -> str:
    data = json.loads(text)
    change(data)
    return json.dumps(data)


def _parent_cycle(data: dict) -> None:
    first, second = data["claims"][:2]
    first["parent_id"], second["parent_id"] = second["id"], first["id"]


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda text: text[: len(text) // 2], "not complete JSON"),
        (
            lambda text: text.replace('"schema_version": 1', '"schema_version": 2'),
            "export schema version 2",
        ),
        (
            lambda text: re.sub(r'"document": "[0-9a-f]+"', '"document": "missing"', text, count=1),
            "dangling reference: statement .* names document 'missing'",
        ),
        (
            lambda text: text.replace('"kind": "position"', '"kind": "thesis"', 1),
            r"claims\.\d+\.kind",
        ),
        (
            lambda text: text.replace('"format": "argmap-map"', '"format": "other"'),
            "not an argmap map export",
        ),
        (
            lambda text: _changed(text, lambda d: d["statements"][0].update(end=10**9)),
            r"statement \w+: span start \d+, end 1000000000 is not inside its document",
        ),
        (
            lambda text: _changed(
                text, lambda d: d["documents"][0].update(text=d["documents"][0]["text"] + " more")
            ),
            "its text does not match its id",
        ),
        (
            lambda text: _changed(
                text,
                lambda d: next(c for c in d["claims"] if c["statement_id"]).update(
                    statement_id="gone"
                ),
            ),
            "dangling reference: claim .* names statement 'gone'",
        ),
        (lambda text: _changed(text, _parent_cycle), "its parents form a cycle"),
        (
            lambda text: _changed(text, lambda d: d["edits"][-1].update(changes="garbage")),
            "malformed change list",
        ),
    ],
)
def test_bad_imports_are_refused_and_leave_the_workspace_untouched(
    mapped, tmp_path, damage, message
):
    text = json.dumps(_json(mapped), indent=1)
    path = tmp_path / "bad.json"
    path.write_text(damage(text), encoding="utf-8")
    with Workspace.init(tmp_path / "target") as target:
        with pytest.raises(MapImportError, match=message):
            import_map(target, str(path))
        counts = [
            target.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in (
                "documents",
                "statements",
                "speakers",
                "annotations",
                "claims",
                "relations",
                "edits",
            )
        ]
        assert counts == [0] * 7 and target.codebook is None


def test_import_needs_an_empty_workspace(mapped, tmp_path):
    path = tmp_path / "map.json"
    path.write_text(json.dumps(_json(mapped)), encoding="utf-8")
    with pytest.raises(MapImportError, match="not empty"):
        import_map(mapped, str(path))


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


def test_argdown_lists_positions_claims_and_statements_with_speakers(mapped):
    stream = io.StringIO()
    writer("argdown")(mapped, stream)
    text = stream.getvalue()
    lines = text.splitlines()
    assert lines[:3] == [
        "===",
        'title: "Should Japan integrate its forces further with the US?"',
        "===",
    ]
    assert "# Should Japan integrate its forces further with the US?" in lines
    assert "## Japan should integrate its forces with the US" in lines
    position = next(line for line in lines if line.startswith("[P1]: "))
    assert "#position" in position and 'stance: "pro-integration"' in position
    kishida = next(line for line in lines if "shoulder to shoulder" in line)
    assert re.match(r"    \+ \[S\d+\]: I am here to say", kishida)
    assert 'speaker: "Kishida Fumio"' in kishida and 'source: "japan-us-integration.txt"' in kishida
    assert any(
        re.fullmatch(r"    - \[P2\]: Integration makes Japan the front line #position .*", line)
        for line in lines
    )
    tanaka = by_speaker(mapped, "Tanaka Hitoshi")[0]
    assert any(
        line.startswith("        - [S")
        and 'speaker: "Tanaka Hitoshi"' in line
        and tanaka.id in line
        for line in lines
    )
    assert any("restates: [" in line for line in lines)
    # every reference points at a defined title
    defined = set(re.findall(r"^\s*(?:[+-] )?\[(\w+)\]: ", text, flags=re.M))
    referenced = set(re.findall(r"\[(\w+)\](?!:)", text))
    assert referenced <= defined


def test_csv_has_one_row_per_statement(mapped):
    stream = io.StringIO()
    writer("csv")(mapped, stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert len(rows) == mapped.count_statements()
    kishida = by_speaker(mapped, "Kishida Fumio")[0]
    row = next(r for r in rows if r["id"] == kishida.id)
    assert (row["speaker"], row["label"], row["review"], row["annotations"]) == (
        "Kishida Fumio",
        "pro-integration",
        "labelled",
        "alice:pro-integration",
    )
    assert row["text"] == kishida.text and int(row["start"]) == kishida.start
    assert row["supports"].count("clm-") == 1
    tanaka = next(r for r in rows if r["id"] == by_speaker(mapped, "Tanaka Hitoshi")[0].id)
    assert tanaka["review"] == "disputed" and tanaka["attacks"].startswith("clm-")


def test_dot_is_a_digraph_of_the_map(mapped):
    stream = io.StringIO()
    writer("dot")(mapped, stream)
    text = stream.getvalue()
    assert text.startswith("digraph argmap {") and text.rstrip().endswith("}")
    claims = {c.id for c in mapped.claims()}
    for claim in claims:
        assert f'"{claim}" [shape=' in text
    assert len(re.findall(r'label="supports"', text)) == 3
    assert len(re.findall(r'label="attacks"', text)) == 1 and 'label="rebuts"' in text
    assert text.count("[shape=box") == 4  # the statements linked in the map
    assert text.count("{") == text.count("}")


def test_atomic_write_never_leaves_a_half_written_file(tmp_path):
    target = tmp_path / "map.json"
    target.write_text("old", encoding="utf-8")

    def fails(stream):
        stream.write("half")
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_atomic(target, fails)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.json"]
    write_atomic(target, lambda stream: stream.write("new"))
    assert target.read_text(encoding="utf-8") == "new"


def test_schema_describes_the_export(mapped):
    schema = MapExport.model_json_schema()
    assert {"statements", "speakers", "annotations", "claims", "relations", "codebook"} <= set(
        schema["properties"]
    )
    assert build_export(mapped).schema_version == 1


def test_argdown_escapes_claim_text_and_shows_claims_under_their_parent(mapped):
    position = next(c for c in mapped.claims() if c.kind == "position")
    odd = mapped.add_claim('He said "no" [really]: {a: b} #tag', parent_id=position.id)
    nested = mapped.add_claim(
        "Deterrence needs joint command", parent_id=odd.id
    )  # no relation to its parent
    stream = io.StringIO()
    writer("argdown")(mapped, stream)
    lines = stream.getvalue().splitlines()
    line = next(line for line in lines if odd.id in line)
    assert re.match(r'\[C\d+\]: He said "no" \(really\): \\\{a: b\\\} \\#tag \{', line)
    title = line[1 : line.index("]")]
    heading = lines.index(
        '### He said "no" (really): \\{a: b\\} \\#tag'
    )  # a section for the claims under it
    child = next(i for i, line in enumerate(lines) if nested.id in line)
    assert heading < lines.index(line) < child and f'parent: "{title}"' in lines[child]
    assert not any(
        line.startswith("##") for line in lines[heading + 1 : child]
    )  # inside that section
