"""The map as one self-contained HTML page: the vendored library is the one VENDORED.md names,
the page inlines everything (nothing to fetch), its data is the map and the board, and no text
can end its script (the page drawn in Chromium: test_html_browser.py)."""

import hashlib
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.export.html import (
    CYTOSCAPE,
    STATIC,
    ScriptNotInlinable,
    inline_script,
    page_data,
    render_page,
    script_json,
)
from argmap.store.views import board
from tests.export.pages import SCRIPT_ISSUE, Elements, expected_graph, html_of
from tests.helpers import run_cli


def test_the_vendored_library_is_the_one_vendored_md_names():
    notes = (CYTOSCAPE.parent / "VENDORED.md").read_text(encoding="utf-8")
    sha256 = re.search(r"^\| sha256 \| ([0-9a-f]{64}) \|$", notes, re.M).group(1)
    version = re.search(r"^\| version \| ([\d.]+) \|$", notes, re.M).group(1)
    code = CYTOSCAPE.read_bytes()
    assert hashlib.sha256(code).hexdigest() == sha256
    assert f'.version="{version}"'.encode() in code
    licence = (CYTOSCAPE.parent / "LICENSE").read_text(encoding="utf-8")
    assert "The Cytoscape Consortium" in licence and "Permission is hereby granted" in licence


def test_the_page_inlines_everything_and_links_to_nothing(mapped):
    page = Elements(html_of(mapped))
    for tag, attributes in page.tags:
        assert not {"src", "srcset", "data", "poster"} & set(attributes), (tag, attributes)
        assert tag != "link" and tag not in ("iframe", "object", "embed", "base"), tag
    assert [attributes.get("type") for tag, attributes in page.tags if tag == "script"] == [
        "application/json",
        None,
        None,
    ]
    data, library, script = page.scripts
    assert library == CYTOSCAPE.read_text(encoding="utf-8")
    assert "window.argmap" in script and json.loads(data)["issue"] == mapped.codebook.issue


def test_a_server_page_links_its_style_and_scripts_and_inlines_only_the_data(mapped):
    page = Elements(render_page(page_data(mapped), static_url="/static/map/"))
    links = [a["href"] for tag, a in page.tags if tag == "link"]
    sources = [a.get("src") for tag, a in page.tags if tag == "script"]
    assert links == ["/static/map/map.css"]
    assert sources == [None, "/static/map/vendor/cytoscape/cytoscape.min.js", "/static/map/map.js"]
    for address in [*links, *sources[1:]]:
        assert (STATIC / address.removeprefix("/static/map/")).is_file()
    assert page.scripts[1:] == ["", ""] and json.loads(page.scripts[0])["issue"]
    assert "<style" not in render_page(page_data(mapped), static_url="/s/")


def test_the_page_data_is_the_map_and_the_board(mapped):
    data = page_data(mapped)
    nodes, edges = expected_graph(mapped)
    assert {node["id"] for node in data["nodes"]} == nodes
    assert sorted((e["source"], e["target"], e["kind"]) for e in data["edges"]) == sorted(edges)
    statements = {s.id: s for s in mapped.statements(limit=-1)}
    for node in data["nodes"]:
        if node["kind"] == "statement":
            statement = statements[node["id"]]
            assert (node["text"], node["speaker"], node["label"]) == (
                statement.text,
                statement.speaker,
                statement.label,
            )
            assert data["documents"][node["document"]]["name"] == statement.doc_name
    columns = board(mapped)
    assert [c["label"] for c in data["board"]] == [c.label for c in columns]
    assert [[q["text"] for r in c["rows"] for q in r["quotes"]] for c in data["board"]] == [
        [q.text for r in c.rows for q in r.quotes] for c in columns
    ]
    names = {label.id: label.name for label in mapped.codebook.labels}
    assert [c["name"] for c in data["board"]] == [names.get(c.label, "no stance") for c in columns]
    assert data["subset"] is None


def test_no_text_ends_the_script_or_opens_a_comment(script_map):
    text = html_of(script_map)
    assert len(re.findall("</script", text, re.I)) == 3
    assert len(re.findall("<script", text, re.I)) == 3 and "<!--" not in text
    page = Elements(text)  # fails on a comment
    assert page.title == f"{SCRIPT_ISSUE} · argmap"
    data = json.loads(page.scripts[0])
    assert data["issue"] == SCRIPT_ISSUE
    linked = {r.source_id for r in script_map.relations()}
    texts = {node["text"] for node in data["nodes"] if node["kind"] == "statement"}
    assert texts == {s.text for s in script_map.statements(limit=-1) if s.id in linked}
    assert all("</script>" in t or "<!--" in t for t in texts) and len(texts) == 2
    assert {s["speaker"] for s in data["nodes"] if s["kind"] == "statement"} == {
        "</script><b>Aide</b>",
        "<!-- Spokes&amp;person -->",
    }


@given(st.text())
def test_script_json_reads_back_the_same_and_holds_no_markup(text):
    written = script_json({"text": text, "list": [text]})
    assert not set("<>&\u2028\u2029") & set(written)
    assert json.loads(written) == {"text": text, "list": [text]}


@pytest.mark.parametrize("code", ["a = '</script>'", "a = '</SCRIPT '", "a = '<!--'", "<script>"])
def test_a_script_that_would_break_the_page_is_refused(code):
    with pytest.raises(ScriptNotInlinable, match="would end the page's script"):
        inline_script(code, "x.js")


def test_export_writes_the_page(mapped, capsys, tmp_path):
    target = tmp_path / "map.html"
    status, _, err = run_cli(capsys, "export", "-f", "html", "-o", target, "-w", mapped.path)
    assert status == 0 and err == f"wrote {target} (html)\n"
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Should Japan integrate" in page
    status, out, _ = run_cli(capsys, "export", "-f", "html", "--since", "none", "-w", mapped.path)
    data = json.loads(Elements(out).scripts[0])
    assert status == 0 and data["board"] is None
    assert data["subset"] == "documents without a date"
    assert {n["id"] for n in data["nodes"]} == expected_graph(mapped)[0]  # no dates in the seed


def test_an_empty_workspace_gives_a_page_with_the_issue_alone(empty_map):
    data = page_data(empty_map)
    assert [node["kind"] for node in data["nodes"]] == ["issue"]
    assert data["edges"] == [] and data["board"] == [] and data["labels"] == []
