"""The map as CSV: one row per statement, read by the csv module; no cell that a spreadsheet
would take for a formula, in a way a reader can undo; every annotation, with its note, as JSON."""

import csv
import io
import json
from datetime import datetime

import pytest

from argmap.export import writer
from tests.helpers import by_speaker

#: What makes a spreadsheet read a cell as a formula (OWASP's CSV injection page lists these).
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _rows(workspace) -> list[dict[str, str]]:
    stream = io.StringIO()
    writer("csv")(workspace, stream)
    return list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))


def _undo(cell: str) -> str:
    """The cell as argmap had it: the apostrophe put in front of it taken off (the
    documented reading)."""
    return cell[1:] if cell.startswith("'") else cell


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _spreadsheet_formulas(rows: list[dict[str, str]]) -> list[str]:
    """The cells a spreadsheet opening the file would evaluate: text beginning with one of
    FORMULA (a number such as -1 stays a number)."""
    return [
        cell
        for row in rows
        for cell in row.values()
        if cell.startswith(FORMULA) and not _is_number(cell)
    ]


def test_csv_has_one_row_per_statement(mapped):
    rows = _rows(mapped)
    assert len(rows) == mapped.count_statements()
    kishida = by_speaker(mapped, "Kishida Fumio")[0]
    row = next(r for r in rows if r["id"] == kishida.id)
    assert (row["speaker"], row["label"], row["review"]) == (
        "Kishida Fumio",
        "pro-integration",
        "labelled",
    )
    assert row["text"] == kishida.text and int(row["start"]) == kishida.start
    assert row["supports"].count("clm-") == 1
    tanaka = next(r for r in rows if r["id"] == by_speaker(mapped, "Tanaka Hitoshi")[0].id)
    assert tanaka["review"] == "disputed" and tanaka["attacks"].startswith("clm-")


def test_csv_gives_every_annotation_with_its_note_as_json(mapped):
    rows = {row["id"]: row for row in _rows(mapped)}
    annotated = {a.statement_id for a in mapped.annotations()}
    for statement_id, row in rows.items():
        cell = json.loads(row["annotations"])
        for annotation in cell:
            annotation["time"] = datetime.fromisoformat(annotation["time"])
        expected = [
            {
                "annotator": a.annotator,
                "label": a.label,
                "adjudicated": a.adjudicated,
                "time": a.time,
                "note": a.note,
            }
            for a in sorted(mapped.annotations(statement_id), key=lambda a: a.time)
        ]
        assert cell == expected
        assert bool(cell) == (statement_id in annotated)
    kishida = by_speaker(mapped, "Kishida Fumio")[0]
    (alice,) = json.loads(rows[kishida.id]["annotations"])
    assert (alice["annotator"], alice["note"]) == ("alice", "with you")
    tanaka = by_speaker(mapped, "Tanaka Hitoshi")[0]
    assert [a["annotator"] for a in json.loads(rows[tanaka.id]["annotations"])] == [
        "alice",
        "bob",
    ]


def test_csv_annotations_are_unambiguous_whatever_the_names_hold(odd_map):
    rows = {row["id"]: row for row in _rows(odd_map)}
    (first,) = [s for s in odd_map.statements(limit=-1) if s.text.startswith("=HYPERLINK")]
    cell = json.loads(_undo(rows[first.id]["annotations"]))
    assert sorted((a["annotator"], a["label"], a["note"]) for a in cell) == [
        ("=o'brien:x;y", "neutral", 'a; b: c\n=1+1, "quoted"'),
        ("@bob", "pro-integration", ""),
    ]


@pytest.mark.parametrize("which", ["mapped", "odd_map", "empty_map"])
def test_no_cell_is_a_formula_to_a_spreadsheet(which, request):
    workspace = request.getfixturevalue(which)
    rows = _rows(workspace)
    assert _spreadsheet_formulas(rows) == []
    assert len(rows) == workspace.count_statements()


def test_the_neutralised_cells_read_back_as_they_were(odd_map):
    rows = {row["id"]: row for row in _rows(odd_map)}
    neutralised = [cell for row in rows.values() for cell in row.values() if cell[:1] == "'"]
    assert len(neutralised) >= 5  # texts, speakers, the document's name
    for statement in odd_map.statements(limit=-1):
        row = {key: _undo(cell) for key, cell in rows[statement.id].items()}
        assert row["text"] == statement.text  # CR LF, tabs and all
        assert row["speaker"] == (statement.speaker or "")
        assert row["doc_name"] == statement.doc_name
    texts = {_undo(row["text"])[:5] for row in rows.values()}
    assert {"=HYPE", "-2+3 ", "'Quot"} <= texts  # an apostrophe of the text itself is kept
