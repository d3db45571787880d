"""The map as a GraphViz digraph, drawn by GraphViz's ``dot`` (skipped where it is absent):
no warning, Helvetica everywhere, quotes quoted once, a map of many statements not one
very wide row."""

import io
import re
from pathlib import Path

import pytest

from argmap.export import writer
from tests.export.readers import run_dot


def _dot(workspace) -> str:
    stream = io.StringIO()
    writer("dot")(workspace, stream)
    return stream.getvalue()


def _labels(text: str) -> dict[str, str]:
    """Node id -> its label as DOT reads it (escapes undone, line breaks as spaces)."""
    found = re.findall(r'^  "?([\w-]+)"? \[shape=\w+, label="((?:[^"\\]|\\.)*)"\];$', text, re.M)
    return {
        node: re.sub(r"\\(.)", lambda m: " " if m.group(1) == "n" else m.group(1), label)
        for node, label in found
    }


def test_dot_is_a_digraph_of_the_map(mapped):
    text = _dot(mapped)
    assert text.startswith("digraph argmap {") and text.rstrip().endswith("}")
    claims = {c.id for c in mapped.claims()}
    for claim in claims:
        assert f'"{claim}" [shape=' in text
    assert len(re.findall(r'label="supports"', text)) == 3
    assert len(re.findall(r'label="attacks"', text)) == 1 and 'label="rebuts"' in text
    assert text.count("[shape=box") == 4  # the statements linked in the map
    assert text.count("{") == text.count("}")


def test_a_quote_beginning_with_a_quotation_mark_is_not_quoted_again(odd_map):
    labels = _labels(_dot(odd_map))
    (quoted,) = [s for s in odd_map.statements(limit=-1) if s.text.startswith("“We will")]
    assert "““" not in labels[quoted.id] and ": “We will not back down,”" in labels[quoted.id]
    (plain,) = [s for s in odd_map.statements(limit=-1) if s.text.startswith("東京")]
    assert ": “東京で" in labels[plain.id]


def test_long_quotes_are_cut_at_a_word_and_keep_their_source(mapped):
    labels = _labels(_dot(mapped))
    for statement in mapped.statements(limit=-1):
        if statement.id in labels:
            label = labels[statement.id]
            assert label.endswith(f"({statement.doc_name})")
            if len(statement.text) > 160:
                cut = label[label.index("“") + 1 : label.index("…")]
                words = " ".join(statement.text.split())
                assert words.startswith(cut) and words[len(cut)] in " ,;:"


@pytest.mark.parametrize("which", ["mapped", "odd_map", "empty_map"])
def test_dot_draws_the_map_without_a_warning_all_in_helvetica(
    which, request, graphviz_dot, tmp_path
):
    workspace = request.getfixturevalue(which)
    path = tmp_path / f"{which}.dot"
    path.write_text(_dot(workspace), encoding="utf-8")
    svg = run_dot(graphviz_dot, path, "svg").decode("utf-8")  # AssertionError on a warning
    fonts = re.findall(r'<text [^>]*font-family="([^"]*)"', svg)
    assert fonts and set(fonts) == {"Helvetica,sans-Serif"}
    texts = " ".join(re.findall(r"<text [^>]*>([^<]*)</text>", svg))
    if which == "odd_map":  # DOT's escapes (\N, \G) are not read into the texts
        assert "\\N\\G back\\slash" in texts.replace("&#45;", "-")
    (tmp_path / f"{which}.png").write_bytes(run_dot(graphviz_dot, path, "png"))


def _size(dot, path: Path, text: str) -> tuple[float, float]:
    """The drawing's width and height in inches; a PNG of it beside the DOT file."""
    path.write_text(text, encoding="utf-8")
    path.with_suffix(".png").write_bytes(run_dot(dot, path, "png"))
    _, _, width, height = run_dot(dot, path, "plain").decode("utf-8").splitlines()[0].split()
    return float(width), float(height)


def test_a_map_of_many_statements_is_not_one_very_wide_row(mapped, graphviz_dot, tmp_path):
    width, height = _size(graphviz_dot, tmp_path / "few.dot", _dot(mapped))
    (position, *_) = [c for c in mapped.claims() if c.kind == "position"]
    linked = {r.source_id for r in mapped.relations()} | {r.target_id for r in mapped.relations()}
    free = [s for s in mapped.statements(limit=-1) if s.id not in linked]
    for statement in free:
        mapped.link(statement.id, position.id, "supports")
    assert len(free) >= 10
    wider, taller = _size(graphviz_dot, tmp_path / "many.dot", _dot(mapped))
    # twelve more statements make the drawing taller (a column), not wider (a row)
    assert wider < width * 1.2 and taller > height * 2, (width, height, wider, taller)
    assert wider / taller < 2


def test_a_restatement_stands_in_the_column_of_what_it_restates(mapped, graphviz_dot, tmp_path):
    path = tmp_path / "map.dot"
    path.write_text(_dot(mapped), encoding="utf-8")
    plain = run_dot(graphviz_dot, path, "plain").decode("utf-8").splitlines()
    x = {
        line.split()[1].strip('"'): float(line.split()[2])
        for line in plain
        if line.startswith("node ")
    }
    (restates,) = mapped.relations(kind="restates")
    assert x[restates.source_id] == x[restates.target_id]
