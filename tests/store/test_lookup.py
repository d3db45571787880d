"""The store's reads for the command line's arguments (argmap.store.lookup) and for the exports
(argmap.store.exports): the SQL that lived in cli/mapedit.py and export/table.py, graph.py."""

import pytest

from argmap.store.exports import (
    STATEMENT_TABLE_COLUMNS,
    annotation_rows,
    speaker_roles,
    statement_links,
    statement_table,
)
from argmap.store.lookup import ids_named, ids_starting, labels_in_use, names_by_id
from tests.helpers import kishida


def test_ids_starting_finds_an_id_by_its_start_only(ws):
    statement = kishida(ws)
    assert ids_starting(ws, "statements", statement.id[:6], 10) == [
        sid
        for sid in sorted(r.id for r in ws.statements(limit=1000))
        if sid[:6] == statement.id[:6]
    ]
    assert ids_starting(ws, "statements", statement.id, 2) == [statement.id]
    assert ids_starting(ws, "statements", "zz-no-such", 2) == []
    assert len(ids_starting(ws, "statements", "", 3)) == 3  # the limit holds


def test_ids_named_ignores_the_case_of_ascii_letters(ws):
    speaker = kishida(ws).speaker_id
    name = names_by_id(ws, "speakers")[speaker]
    assert name == "Kishida Fumio"
    assert ids_named(ws, "speakers", name.upper()) == [speaker]
    assert ids_named(ws, "speakers", "kishida fumio", 1) == [speaker]
    assert ids_named(ws, "speakers", "Kishida") == []  # the whole name, not a part
    (document,) = ws.documents()
    assert ids_named(ws, "documents", document.name.upper()) == [document.id]


def test_a_lookup_names_only_the_tables_it_knows(ws):
    with pytest.raises(ValueError, match="no lookup in table"):
        ids_starting(ws, "meta", "", 1)
    with pytest.raises(ValueError, match="no lookup in table"):
        ids_named(ws, "statements", "x")


def test_labels_in_use_are_the_statements_current_labels(unsuggested_ws):
    ws = unsuggested_ws
    assert labels_in_use(ws) == []  # no suggestions, no labels yet
    label = ws.codebook_outline.labels[0].id
    ws.set_stance(kishida(ws).id, label, annotator="ann")
    assert labels_in_use(ws) == [label]


def test_the_statement_table_has_its_columns_and_every_statement(news):
    ws = news
    rows = list(statement_table(ws))
    assert {len(row) for row in rows} == {len(STATEMENT_TABLE_COLUMNS)}
    assert [row[0] for row in rows] == [r.id for r in ws.statements(limit=1000)]
    by_column = [dict(zip(STATEMENT_TABLE_COLUMNS, row, strict=True)) for row in rows]
    first = next(row for row in by_column if row["doc_name"] == "times-kishida.md")
    assert first["doc_title"] == "Kishida tells Congress Japan stands with America"
    assert first["authors"] == "Ann Lee; Bo Chen"
    at = STATEMENT_TABLE_COLUMNS.index("authors")
    piped = [row[at] for row in statement_table(ws, authors_separator=" | ")]
    assert piped == [row["authors"] and row["authors"].replace("; ", " | ") for row in by_column]
    assert "Ann Lee | Bo Chen" in piped
    roles = speaker_roles(ws)
    assert roles == {row["id"]: row["speaker_role"] for row in by_column}


def test_annotation_rows_and_statement_links_read_what_edits_wrote(ws):
    first = ws.statements(limit=1)[0]
    label = ws.codebook_outline.labels[0].id
    ws.set_stance(first.id, label, annotator="bo", note="clear", time="2024-05-01T09:00:00Z")
    ws.set_stance(first.id, label, annotator="ann", time="2024-05-01T10:00:00Z")  # by time
    assert [(r[0], r[1], r[2], r[3], r[5]) for r in annotation_rows(ws)] == [
        (first.id, "bo", label, 0, "clear"),
        (first.id, "ann", label, 0, ""),
    ]
    claim = ws.add_claim("A claim for the links")
    ws.link(first.id, claim.id, "supports")
    assert list(statement_links(ws)) == [("supports", first.id, claim.id)]
