"""The statement tally (counts by speaker, label and review state kept by triggers) stays equal
to counting the statements themselves through every kind of edit, undo, redo, a new version of
a document and an import; the counts the UI reads come from it."""

import io

import pytest

from argmap.codebook import load_codebook
from argmap.export.mapjson import import_map, write_map_json
from argmap.io.reading import load_documents
from argmap.store import EditError, StatementFilter, Workspace
from argmap.store.views import board
from tests.helpers import SEED, SEED_CODEBOOK, by_speaker
from tests.store.helpers import counted, tallied


def assert_consistent(workspace) -> None:
    assert tallied(workspace) == counted(workspace)
    assert (
        workspace.count_statements()
        == workspace.conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    )


def test_the_tally_follows_every_edit_and_its_undo_and_redo(ws):
    assert_consistent(ws)
    ministers = by_speaker(ws, "foreign and defense ministers")
    austin = by_speaker(ws, "Lloyd Austin")
    first, second = ministers[0].id, ministers[1].id
    edits = [
        lambda ws: ws.set_stance(first, "pro-integration"),
        lambda ws: ws.set_stance(first, "neutral", annotator="bob"),  # disputed
        lambda ws: ws.adjudicate(first, "pro-integration"),
        lambda ws: ws.accept_suggestion(second),
        lambda ws: ws.clear_stance(second),
        lambda ws: ws.reattribute(austin[0].id, None),
        lambda ws: ws.reattribute(austin[1].id, ministers[0].speaker_id),
        lambda ws: ws.merge_speakers(ministers[0].speaker_id, [austin[0].speaker_id]),
        lambda ws: ws.split_speaker(ministers[0].speaker_id, [second], "Fumio K."),
        lambda ws: ws.delete_statement(ministers[-1].id),
        lambda ws: ws.add_statement(ministers[0].document, 0, 40),
    ]
    for edit in edits:
        edit(ws)
        assert_consistent(ws)
    assert counted(ws) != {}
    for _ in edits:
        ws.undo()
        assert_consistent(ws)
    for _ in edits:
        ws.redo()
        assert_consistent(ws)


def test_a_new_version_of_a_document_and_an_import_keep_the_tally(new_target, tmp_path):
    article = tmp_path / "articles" / "seed.txt"
    article.parent.mkdir()
    text = SEED.read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    with Workspace.init(new_target("ws"), codebook=load_codebook(SEED_CODEBOOK)) as workspace:
        workspace.add_documents(load_documents([str(article)]))
        (row,) = workspace.documents()
        some = workspace.statements(StatementFilter(document=row.id), limit=2)
        workspace.set_stance(some[0].id, "pro-integration")
        article.write_text(text.replace(some[1].text, "something else entirely"), encoding="utf-8")
        assert workspace.add_documents(load_documents([str(article)])).replaced == ["seed.txt"]
        assert_consistent(workspace)
        stream = io.StringIO()
        write_map_json(workspace, stream)
        before = tallied(workspace)
    exported = tmp_path / "map.json"
    exported.write_text(stream.getvalue(), encoding="utf-8")
    with Workspace.init(new_target("copy")) as copy:
        import_map(copy, str(exported))
        assert_consistent(copy)
        assert tallied(copy) == before


def test_status_board_and_speakers_read_the_same_counts_as_counting_the_statements(ws):
    some = ws.statements(limit=4)
    ws.set_stance(some[0].id, "pro-integration")
    ws.set_stance(some[1].id, "sovereignty-concern")
    status = ws.status()
    assert status.statements == len(ws.statements(limit=10_000))
    assert status.review == ws.statement_counts("review")
    assert status.labels == {k or "": v for k, v in ws.statement_counts("label").items()}
    columns = {c.label: c for c in board(ws)}
    for label, n in ws.statement_counts("label").items():
        assert columns[label or ""].statements == n
        speakers = ws.statement_counts("speaker_id", StatementFilter(label=label or ""))
        assert columns[label or ""].speakers == sum(1 for sid in speakers if sid is not None)
    for speaker in ws.speakers():
        assert speaker.statements == ws.count_statements(StatementFilter(speaker=speaker.id))


def test_the_tally_groups_only_by_its_columns(ws):
    with pytest.raises(EditError, match="cannot tally statements by text"):
        ws.tally("text")
    with pytest.raises(EditError):
        ws.tally()


def test_the_tally_and_the_counts_list_their_groups_in_order(ws):
    """Groups in order, no value first, on both backends (PostgreSQL's GROUP BY has no order
    of its own; the status JSON and the speakers' columns list them as they come)."""
    ws.set_stance(ws.statements(limit=1)[0].id, "neutral", annotator="ann")

    def in_order(keys):
        return sorted(keys, key=lambda key: tuple((v is not None, v or "") for v in key))

    keys = [(s, lb) for s, lb, _ in ws.tally("speaker_id", "label")]
    assert len(keys) > 3 and keys == in_order(keys)
    counted = [(key,) for key in ws.statement_counts("speaker_id")]
    assert len(counted) > 3 and counted == in_order(counted)
