"""Documents' metadata in every export (JSON and its round trip, CSV columns, AIF locution
times, Argdown data, DOT source lines) and exports of part of the map (by outlet, author, day)."""

import csv
import io
import json

import jsonschema
import pytest

from argmap.export import writer
from argmap.export.mapjson import export_schema, import_map
from argmap.export.model import MapExport
from argmap.store import StatementFilter, Workspace
from tests.helpers import by_speaker, news_workspace


@pytest.fixture
def news_map(tmp_path):
    """The seed and the four NEWS articles, with a hand-set outlet, a position, a claim promoted
    from a statement in The Post, and statements of several outlets linked to them."""
    with news_workspace(tmp_path / "ws") as ws:
        post = next(d for d in ws.documents() if d.name == "post-kishida.md")
        ws.set_document_metadata(post.id, outlet="The Post (Tokyo)")
        position = ws.add_claim("Japan should integrate", kind="position")
        kishida = by_speaker(ws, "Kishida Fumio")
        tanaka = by_speaker(ws, "Tanaka Hitoshi")
        for row in kishida:
            ws.link(row.id, position.id, "supports")
        for row in tanaka:
            ws.link(row.id, position.id, "attacks")
        in_post = next(r for r in kishida if r.doc_name == "post-kishida.md")
        ws.promote_statement(in_post.id, parent_id=position.id)
        ws.set_stance(tanaka[-1].id, "sovereignty-concern", annotator="alice")
        yield ws


def _export(ws, format, filter=None) -> str:
    stream = io.StringIO()
    writer(format)(ws, stream, filter)
    return stream.getvalue()


def _filter(ws, **terms):
    return StatementFilter(**ws.metadata_filter(**terms))


def test_json_export_carries_each_documents_metadata_and_validates(news_map):
    data = json.loads(_export(news_map, "json"))
    jsonschema.validate(data, export_schema())
    documents = {d["name"]: d for d in data["documents"]}
    assert documents["times-kishida.md"] | {"text": "", "id": "", "added_at": ""} == {
        "id": "",
        "name": "times-kishida.md",
        "source_path": documents["times-kishida.md"]["source_path"],
        "added_at": "",
        "title": "Kishida tells Congress Japan stands with America",
        "outlet": "The Example Times",
        "authors": ["Ann Lee", "Bo Chen"],
        "published": "2024-04-11T10:00:00-04:00",
        "url": "https://example.com/kishida",
        "language": "en",
        "set_by_hand": [],
        "text": "",
    }
    assert documents["post-kishida.md"]["set_by_hand"] == ["outlet"]
    assert documents["japan-us-integration.txt"]["outlet"] is None
    assert "subset" not in data and data["schema_version"] == 2


def test_export_import_export_keeps_metadata_and_what_was_set_by_hand(news_map, tmp_path):
    first = _export(news_map, "json")
    path = tmp_path / "map.json"
    path.write_text(first, encoding="utf-8")
    with Workspace.init(tmp_path / "copy") as copy:
        import_map(copy, str(path))
        assert copy.documents() == news_map.documents()
        assert copy.outlets() == news_map.outlets()
        second = json.loads(_export(copy, "json"))
        # the hand-set outlet stays set by hand: adding the file again keeps it
        post = next(d for d in copy.documents() if d.name == "post-kishida.md")
        assert post.set_by_hand == ("outlet",)
        # the edit log came along: undoing back to the hand edit takes it back in the copy
        while copy.undo().action != "document-metadata":
            pass
        assert copy.document_row(post.id).outlet == "The Post"
    first_data = json.loads(first)
    for data in (first_data, second):
        del data["exported_at"], data["workspace_id"]
    assert second == first_data


def test_an_export_of_schema_version_1_is_still_imported(news_map, tmp_path):
    data = json.loads(_export(news_map, "json"))
    data["schema_version"] = 1
    for document in data["documents"]:  # version 1 documents had no metadata
        for key in ("title", "outlet", "authors", "published", "url", "language", "set_by_hand"):
            del document[key]
    data["edits"] = [e for e in data["edits"] if e["action"] != "document-metadata"]
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with Workspace.init(tmp_path / "copy") as copy:
        import_map(copy, str(path))
        assert copy.count_statements() == news_map.count_statements()
        assert copy.outlets() == []


def test_a_filtered_json_export_is_a_map_of_its_documents_that_imports(news_map, tmp_path):
    text = _export(news_map, "json", _filter(news_map, outlet="example", since="2024-04"))
    data = json.loads(text)
    jsonschema.validate(data, export_schema())
    assert data["subset"] == {
        "outlets": ["The Example Times"],
        "authors": None,
        "since": "2024-04-01",
        "until": None,
        "dated": None,
    }
    assert sorted(d["name"] for d in data["documents"]) == ["times-austin.md", "times-kishida.md"]
    assert {s["doc_name"] for s in data["statements"]} == {"times-austin.md", "times-kishida.md"}
    assert {s["name"] for s in data["speakers"]} == {
        "Kishida Fumio",
        "Tanaka Hitoshi",
        "Lloyd Austin",
    }
    kept = {s["id"] for s in data["statements"]}
    assert all(a["statement_id"] in kept for a in data["annotations"])
    assert (
        all(r["source_id"] in kept or r["source_type"] == "claim" for r in data["relations"])
        and len(data["relations"]) == 2
    )
    # every claim, one promoted from a statement left out no longer names it; no edit log
    assert len(data["claims"]) == 2 and all(c["statement_id"] is None for c in data["claims"])
    assert data["edits"] == []
    path = tmp_path / "part.json"
    path.write_text(text, encoding="utf-8")
    with Workspace.init(tmp_path / "part") as part:
        export = import_map(part, str(path))
        assert isinstance(export, MapExport) and part.count_statements() == 3


def test_csv_has_the_documents_metadata_in_columns(news_map):
    rows = list(csv.DictReader(io.StringIO(_export(news_map, "csv"))))
    assert len(rows) == news_map.count_statements()
    header = list(rows[0])
    at = header.index("doc_name")
    assert header[at : at + 7] == [
        "doc_name",
        "doc_title",
        "outlet",
        "authors",
        "published",
        "url",
        "language",
    ]
    row = next(r for r in rows if r["doc_name"] == "times-kishida.md")
    assert (row["doc_title"], row["outlet"], row["authors"], row["published"]) == (
        "Kishida tells Congress Japan stands with America",
        "The Example Times",
        "Ann Lee; Bo Chen",
        "2024-04-11T10:00:00-04:00",
    )
    assert (row["url"], row["language"]) == ("https://example.com/kishida", "en")
    seed = next(r for r in rows if r["doc_name"] == "japan-us-integration.txt")
    assert seed["outlet"] == seed["published"] == seed["authors"] == ""
    part = list(
        csv.DictReader(io.StringIO(_export(news_map, "csv", _filter(news_map, author="bo"))))
    )
    assert sorted(r["doc_name"] for r in part) == [
        "post-kishida.md",
        "times-kishida.md",
        "times-kishida.md",
    ]


def test_aif_locutions_are_timed_when_their_words_were_published(news_map):
    aif = json.loads(_export(news_map, "aif"))
    nodes = {n["nodeID"]: n for n in aif["nodes"]}
    said = {nodes[loc["nodeID"]]["text"]: loc["timestamp"] for loc in aif["locutions"]}
    # 10:00 in New York is 14:00 UTC; a date alone is at 00:00:00; 23:30 in Tokyo is 14:30 UTC
    assert (
        said["Kishida Fumio: Japan is already standing shoulder to shoulder with the United States"]
        == "2024-04-11 14:00:00"
    )
    assert said["Lloyd Austin: This is the biggest upgrade to our alliance in decades"] == (
        "2024-05-02 00:00:00"
    )
    assert said["Kishida Fumio: We are with you"] == "2024-06-15 14:30:00"
    # the seed has no date: its locutions keep the time its document was added
    seed = next(loc for loc in aif["locutions"] if loc["source"].startswith("japan-us"))
    assert seed["timestamp"] == nodes[seed["nodeID"]]["timestamp"]
    part = json.loads(_export(news_map, "aif", _filter(news_map, outlet="nytimes")))
    assert [loc["source"].split("#")[0] for loc in part["locutions"]] == ["nyt-tanaka.md"]


def test_argdown_and_dot_name_each_statements_outlet_and_date(news_map):
    argdown = _export(news_map, "argdown")
    assert 'outlet: "The Example Times", published: "2024-04-11T10:00:00-04:00"' in argdown
    dot = _export(news_map, "dot")
    assert "(The Post (Tokyo), 2024-06-15)" in dot and "(nytimes.com, 2024-04-30)" in dot
    assert "(japan-us-integration.txt)" in dot  # no outlet or date: its document
    part = _export(news_map, "dot", _filter(news_map, until="2024-04-30"))
    assert "(nytimes.com, 2024-04-30)" in part and "The Post" not in part
    assert "japan-us-integration" not in part  # no date: outside every range
    assert "Tokyo" not in _export(news_map, "argdown", _filter(news_map, outlet="times"))


def test_a_json_export_of_the_undated_documents_says_so_in_its_subset(news_map, tmp_path):
    filter = _filter(news_map, since="none")
    undated = {d.name for d in news_map.documents() if not d.published}
    assert undated and len(undated) < len(news_map.documents())
    data = json.loads(_export(news_map, "json", filter))
    jsonschema.validate(data, export_schema())
    assert data["subset"] == {
        "outlets": None,
        "authors": None,
        "since": None,
        "until": None,
        "dated": False,
    }
    assert {d["name"] for d in data["documents"]} == undated
    # a subset written before it had ``dated`` still imports
    del data["subset"]["dated"]
    path = tmp_path / "older.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with Workspace.init(tmp_path / "copy") as copy:
        export = import_map(copy, str(path))
        assert export.subset is not None and export.subset.dated is None
        assert {d.name for d in copy.documents()} == undated
