"""`argmap workspace copy`: a whole workspace from SQLite to PostgreSQL and back, losslessly:
the JSON export of each copy equals the original's apart from the workspace's id, and the
round trip gives back every table's rows."""

import json

import pytest

from tests.helpers import SEED, SEED_CODEBOOK, run_cli

pytest.importorskip("psycopg", reason="the 'postgresql' extra is not installed")

#: Tables compared row by row after a round trip (the statement tally is rebuilt by triggers).
TABLES = (
    "documents",
    "document_metadata",
    "speakers",
    "statements",
    "suggestions",
    "annotations",
    "claims",
    "relations",
    "edits",
    "statement_tally",
    "web_reviewers",
    "assignments",
    "web_tokens",
)


def _a_used_workspace(capsys, folder):
    """The seed workspace after a team's kind of work: labels, a note, a dated document, a
    merge, a not-a-speaker, an alias table, claims and links, and an undone edit."""
    from argmap.store import Workspace

    assert run_cli(capsys, "init", folder, "--codebook", SEED_CODEBOOK)[0] == 0
    assert run_cli(capsys, "add", SEED, "-w", folder, "--progress", "none")[0] == 0
    with Workspace(folder / "argmap.sqlite") as ws:
        rows = ws.statements()
        ws.set_stance(rows[0].id, "sovereignty-concern", annotator="ann", note="50% sure")
        ws.set_stance(rows[0].id, "pro-integration", annotator="bo")
        ws.set_stance(rows[1].id, "neutral", annotator="ann")
        position = ws.add_claim("Integration deters China", kind="position")
        claim = ws.add_claim("It builds trust", parent_id=position.id)
        ws.link(rows[2].id, claim.id, "supports")
        ws.link(rows[3].id, position.id, "attacks")
        speakers = ws.speakers()
        ws.merge_speakers(speakers[0].id, [speakers[1].id])
        ws.not_a_speaker(ws.speakers()[-1].id)
        document = ws.documents()[0].id
        ws.set_document_metadata(document, outlet="The Diplomat", published="2024-07-30")
        ws.add_claim("A claim taken back", parent_id=position.id)
        ws.undo()
    status, _, err = run_cli(
        capsys, "assign", "--web", "--reviewers", "alice,bob", "--per-reviewer", "3", "-w", folder
    )
    assert status == 0, err
    return folder / "argmap.sqlite"


def _export(capsys, workspace, out):
    assert run_cli(capsys, "export", "-w", workspace, "--format", "json", "-o", out)[0] == 0
    found = json.loads(out.read_text(encoding="utf-8"))
    for key in ("workspace_id", "exported_at"):
        found.pop(key)
    return found


def _rows(workspace_target):
    from argmap.store import Workspace

    with Workspace(workspace_target) as ws:
        dump = {}
        for table in TABLES:
            cursor = ws.conn.execute(f"SELECT * FROM {table}")
            names = [c[0] for c in cursor.description]
            keep = [i for i, n in enumerate(names) if n != "seq" or table in ("documents",)]
            rows = [tuple(r[i] for i in keep) for r in cursor.fetchall()]
            if table == "statement_tally":  # a count fallen to 0 keeps its row until rebuilt
                rows = [r for r in rows if r[-1]]
            dump[table] = sorted(map(repr, rows))
        meta = dict(ws.conn.execute("SELECT key, value FROM meta").fetchall())
        order = [s.id for s in ws.speakers()], [c.id for c in ws.claims()]
    return dump, meta, order


def test_a_copy_to_postgresql_and_back_loses_nothing(capsys, tmp_path, postgres_url):
    original = _a_used_workspace(capsys, tmp_path / "original")
    status, out, err = run_cli(capsys, "workspace", "copy", original, postgres_url)
    assert status == 0, err
    assert out.startswith(f"copied {original} to postgresql://argmap@[")
    assert "16 statements" in out and "3 labels" in out
    back = tmp_path / "back"
    assert run_cli(capsys, "workspace", "copy", postgres_url, back)[0] == 0

    first = _export(capsys, original, tmp_path / "original.json")
    assert first["annotations"] and first["claims"] and first["relations"] and first["edits"]
    assert _export(capsys, postgres_url, tmp_path / "server.json") == first
    assert _export(capsys, back, tmp_path / "back.json") == first

    rows, meta, order = _rows(original)
    rows_back, meta_back, order_back = _rows(back / "argmap.sqlite")
    assert rows_back == rows and order_back == order
    assert meta_back.pop("copied_from") != meta["workspace_id"]  # the server copy's id
    for own in ("workspace_id", "created_at", "created_with", "schema_version"):
        meta.pop(own), meta_back.pop(own)
    assert meta_back == meta  # the codebook, the alias table, the names that are no speaker

    # the copy works on: undo and redo follow its edit log, new rows get new ids
    status, out, _ = run_cli(capsys, "redo", "-w", postgres_url)
    assert status == 0 and "A claim taken back" in out
    status, out, _ = run_cli(capsys, "claim", "add", "One more", "--position", "-w", postgres_url)
    assert status == 0, out


def test_a_copy_never_lands_on_a_workspace_or_a_used_database(capsys, tmp_path, postgres_url):
    original = _a_used_workspace(capsys, tmp_path / "original")
    assert run_cli(capsys, "init", tmp_path / "other")[0] == 0
    status, _, err = run_cli(capsys, "workspace", "copy", original, tmp_path / "other")
    assert status == 1 and "a workspace already exists here" in err
    assert run_cli(capsys, "workspace", "copy", original, postgres_url)[0] == 0
    status, _, err = run_cli(capsys, "workspace", "copy", original, postgres_url)
    assert status == 1 and "a workspace already exists here" in err and err.count("\n") == 1
