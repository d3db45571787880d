"""Fixes from the QA run: undo after suggestions and learnt aliases, late labels, speaker names, the map's rules."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from tests.helpers import run_cli as run
from tests.store_helpers import by_speaker, seed_workspace

from argmap.store import EditError, StatementFilter


@pytest.fixture
def ws(tmp_path):
    with seed_workspace(tmp_path) as workspace:
        yield workspace


def kishida(ws):
    return by_speaker(ws, "Kishida Fumio")[0]


def test_undo_of_a_label_works_after_suggestions_are_refreshed(ws):
    row = kishida(ws)
    before = ws.statement_row(row.id)
    ws.set_stance(row.id, "neutral", annotator="alice")
    # argmap suggest: new suggestions rewrite every statement's score/uncertainty (and label
    # where nobody labelled); the stored suggestion of the labelled statement changes too.
    ws.conn.execute("UPDATE suggestions SET score = score / 2, uncertainty = 0.99")
    ws.resuggest()
    ws.conn.execute(
        "UPDATE suggestions SET score = 0.123, uncertainty = 0.5 WHERE statement_id = ?", (row.id,)
    )
    from argmap.store.labels import refresh_labels

    refresh_labels(ws.conn, [row.id])
    ws.undo()
    after = ws.statement_row(row.id)
    assert ws.annotations(row.id) == []
    assert (after.label, after.label_source) == (before.label, before.label_source)
    assert after.suggestion_score == 0.123  # the refreshed suggestion stays, the label follows it
    ws.redo()
    assert ws.statement_row(row.id).label == "neutral"


def test_undo_of_an_alias_keeps_aliases_learnt_since(ws):
    speaker = ws.find_speakers("Kishida Fumio")[0]
    ws.add_alias(speaker.id, "Mr. K")
    # `argmap add` learns another name of the speaker (logged by the add, not undoable)
    aliases = json.loads(
        ws.conn.execute("SELECT aliases FROM speakers WHERE id = ?", (speaker.id,)).fetchone()[0]
    )
    ws.conn.execute(
        "UPDATE speakers SET aliases = ? WHERE id = ?",
        (json.dumps(aliases + ["Kishida"]), speaker.id),
    )
    ws.undo()
    assert ws.speaker(speaker.id).aliases == [a for a in aliases if a != "Mr. K"] + ["Kishida"]


def test_undo_still_refuses_when_a_written_field_changed(ws):
    row = kishida(ws)
    ws.set_stance(row.id, "neutral", annotator="alice")
    ws.conn.execute("UPDATE annotations SET label = 'pro-integration'")
    with pytest.raises(EditError, match="has changed since"):
        ws.undo()


def test_undo_of_a_malformed_log_entry_is_a_one_line_error(ws):
    row = kishida(ws)
    ws.set_stance(row.id, "neutral", annotator="alice")
    ws.conn.execute(
        "UPDATE edits SET changes = '\"garbage\"' WHERE id = (SELECT max(id) FROM edits)"
    )
    with pytest.raises(EditError, match="malformed"):
        ws.undo()


# ---------------------------------------------------------------------- late and future labels


def test_a_label_given_now_under_a_newer_one_is_refused_with_the_reason(ws):
    from argmap.store.errors import LabelNotApplied

    row = kishida(ws)
    ws.set_stance(
        row.id, "pro-integration", annotator="alice", time=datetime.now(UTC) + timedelta(minutes=2)
    )
    with pytest.raises(
        LabelNotApplied, match="neutral not applied: alice's label pro-integration is dated"
    ):
        ws.set_stance(row.id, "neutral", annotator="alice")
    assert [a.label for a in ws.annotations(row.id)] == ["pro-integration"]
    # an explicit older time (a packet answer) still quietly keeps the newer label, as collect expects
    kept = ws.set_stance(row.id, "neutral", annotator="alice", time="2020-01-01T00:00:00+00:00")
    assert kept.label == "pro-integration"


def test_a_label_dated_in_the_future_is_refused(ws):
    row = kishida(ws)
    with pytest.raises(EditError, match="in the future"):
        ws.set_stance(row.id, "neutral", annotator="alice", time="2099-01-01T00:00:00+00:00")
    assert ws.annotations(row.id) == []


def test_cli_says_a_label_was_not_applied(ws, tmp_path, capsys):
    row = kishida(ws)
    ws.set_stance(
        row.id, "pro-integration", annotator="alice", time=datetime.now(UTC) + timedelta(minutes=3)
    )
    status, out, err = run(
        capsys, "stance", row.id, "neutral", "--annotator", "alice", "-w", tmp_path
    )
    assert status == 1 and out == "" and "neutral not applied" in err and err.count("\n") == 1


# ---------------------------------------------------------------------- speakers


def test_no_two_speakers_share_a_name_or_an_alias(ws):
    kishida_id = ws.find_speakers("Kishida Fumio")[0].id
    austin = ws.find_speakers("Lloyd Austin")[0]
    statements = [r.id for r in by_speaker(ws, "Lloyd Austin")]
    with pytest.raises(
        EditError,
        match=f"name 'kishida fumio' is taken: speaker {kishida_id} is called 'Kishida Fumio'",
    ):
        ws.split_speaker(austin.id, statements[:1], "kishida fumio")
    with pytest.raises(EditError, match=f"speaker {kishida_id} .*merge"):
        ws.rename_speaker(austin.id, "Kishida Fumio")
    ws.add_alias(kishida_id, "the Prime Minister")
    with pytest.raises(
        EditError,
        match=f"alias 'The Prime Minister' is taken: speaker {kishida_id} \\(Kishida Fumio\\) has it as an alias",
    ):
        ws.add_alias(austin.id, "The Prime Minister")
    with pytest.raises(EditError, match="is taken"):
        ws.add_speaker("Lloyd Austin")
    assert (
        ws.rename_speaker(austin.id, "Lloyd J. Austin").name == "Lloyd J. Austin"
    )  # its own old name is fine


def test_several_speakers_match_lists_the_candidates(ws, tmp_path, capsys):
    kishida_id = ws.find_speakers("Kishida Fumio")[0].id
    austin_id = ws.find_speakers("Lloyd Austin")[0].id
    # two speakers with one alias (as an older workspace or an import may hold)
    for sid in (kishida_id, austin_id):
        ws.conn.execute(
            "UPDATE speakers SET aliases = json_insert(aliases, '$[#]', 'the official') WHERE id = ?",
            (sid,),
        )
    status, _, err = run(capsys, "statements", "--speaker", "the official", "-w", tmp_path)
    assert status == 1 and "several speakers match 'the official'" in err
    assert f"{kishida_id} (Kishida Fumio)" in err and f"{austin_id} (Lloyd Austin)" in err


def test_attributing_a_statement_drops_the_old_speakers_role(ws):
    row = next(r for r in ws.statements(limit=100) if ws.statement(r.id).speaker_role)
    austin = ws.find_speakers("Lloyd Austin")[0]
    other = next(s for s in ws.speakers() if s.id != row.speaker_id and s.id != austin.id)
    old_role = ws.statement(row.id).speaker_role
    ws.update_speaker(austin.id, role="Secretary of Defense")
    ws.reattribute(row.id, austin.id)
    assert ws.statement(row.id).speaker_role == "Secretary of Defense" != old_role
    ws.reattribute(row.id, other.id)
    assert ws.statement(row.id).speaker_role == other.role
    ws.undo()
    ws.undo()
    assert ws.statement(row.id).speaker_role == old_role


# ---------------------------------------------------------------------- command-line values


@pytest.mark.parametrize(
    "argv, expected",
    [
        (("statements", "--label", "bogus"), "unknown label 'bogus' (choose from pro-integration"),
        (("statements", "--review", "bogus"), "argument --review: invalid choice: 'bogus'"),
        (("statements", "--kind", "bogus"), "argument --kind: invalid choice: 'bogus'"),
        (("statements", "--sort", "bogus"), "argument --sort: invalid choice: 'bogus'"),
        (("statements", "--offset", "-3"), "argument --offset: must not be negative: -3"),
        (("speakers", "--limit", "-5"), "argument --limit: must not be negative: -5"),
        (("relations", "--kind", "bogus"), "argument --kind: invalid choice: 'bogus'"),
        (("relations", "--status", "bogus"), "argument --status: invalid choice: 'bogus'"),
        (
            ("statement", "adjust", "x", "--kind", "bogus"),
            "argument --kind: invalid choice: 'bogus'",
        ),
    ],
)
def test_unknown_list_and_edit_values_are_usage_errors(ws, tmp_path, capsys, argv, expected):
    status, out, err = run(capsys, *argv, "-w", tmp_path)
    assert status == 2 and out == "" and expected in err and "Traceback" not in err


def test_list_values_are_case_insensitive_where_sensible(ws, tmp_path, capsys):
    direct = ws.count_statements(StatementFilter(kind="direct"))
    status, _, err = run(
        capsys,
        "statements",
        "--kind",
        "DIRECT",
        "--review",
        "Suggested",
        "--limit",
        "0",
        "-w",
        tmp_path,
    )
    assert (
        status == 0
        and err
        == f"({ws.count_statements(StatementFilter(kind='direct', review='suggested'))} statements match)\n"
    )
    row = kishida(ws)
    ws.set_stance(row.id, "neutral", annotator="alice")
    status, out, _ = run(
        capsys, "statements", "--label", "NEUTRAL", "--review", "labelled", "-w", tmp_path
    )
    assert status == 0 and out.split()[0] == row.id
    assert direct > 0


def test_speakers_prints_the_total_and_says_when_rows_are_cut(ws, tmp_path, capsys):
    total = len(ws.speakers())
    status, out, err = run(capsys, "speakers", "--limit", "2", "-w", tmp_path)
    assert status == 0 and len(out.splitlines()) == 2
    assert (
        err == f"({total} speakers; showing 1-2: --offset/--limit for others, --limit 0 for all)\n"
    )
    status, out, err = run(capsys, "speakers", "--limit", "0", "-w", tmp_path)
    assert len(out.splitlines()) == total and err == f"({total} speakers)\n"


def test_a_bad_kind_in_the_store_is_an_edit_error(ws):
    row = kishida(ws)
    with pytest.raises(EditError, match="unknown statement kind 'bogus'"):
        ws.adjust_statement(row.id, kind="bogus")
    with pytest.raises(EditError, match="unknown relation kind 'bogus'"):
        ws.relations(kind="bogus")
    assert ws.adjust_statement(row.id, kind="MIXED").kind == "mixed"


def test_init_in_a_file_is_a_one_line_error(tmp_path, capsys):
    afile = tmp_path / "notes.txt"
    afile.write_text("not a folder\n")
    status, _, err = run(capsys, "init", afile)
    assert (
        status == 1
        and err
        == f"argmap: error: {afile}: is a file, not a directory; give a directory for the workspace\n"
    )


def test_undo_of_a_malformed_log_entry_from_the_command_line(ws, tmp_path, capsys):
    ws.set_stance(kishida(ws).id, "neutral", annotator="alice")
    ws.conn.execute(
        'UPDATE edits SET changes = \'[{"table": "statements"}]\' WHERE id = (SELECT max(id) FROM edits)'
    )
    status, _, err = run(capsys, "undo", "-w", tmp_path)
    assert status == 1 and "has a malformed change list" in err and "Traceback" not in err


def test_span_errors_read_plainly(ws):
    row = kishida(ws)
    with pytest.raises(EditError, match="span start 50 is not before its end 10"):
        ws.adjust_statement(row.id, start=50, end=10)
    with pytest.raises(
        EditError, match=r"span start -5, end 1195 is outside the document \(characters 0 to \d+\)"
    ):
        ws.adjust_statement(row.id, start=-5, end=1195)


# ---------------------------------------------------------------------- the map's rules


def test_deletes_report_the_relations_they_remove(ws, tmp_path, capsys):
    row = kishida(ws)
    position = ws.add_claim("Japan should integrate", kind="position")
    claim = ws.add_claim("Integration deters China", parent_id=position.id)
    link = ws.link(row.id, claim.id, "supports")
    status, out, _ = run(capsys, "statement", "delete", row.id, "-w", tmp_path)
    assert (
        status == 0
        and out
        == f"{row.id}: deleted, with its 1 relation: {link.id} ({row.id} supports {claim.id})\n"
    )
    ws.undo()
    assert ws.delete_claim(claim.id) == [link]


def test_claim_parent_can_be_cleared_and_positions_stay_under_the_issue(ws, tmp_path, capsys):
    position = ws.add_claim("Japan should integrate", kind="position")
    claim = ws.add_claim("Integration deters China", parent_id=position.id)
    status, out, _ = run(capsys, "claim", "edit", claim.id, "--parent", "", "-w", tmp_path)
    assert status == 0 and ws.claim(claim.id).parent_id is None
    ws.undo()
    with pytest.raises(EditError, match=f"a position cannot sit under position {position.id}"):
        ws.edit_claim(claim.id, kind="position")
    with pytest.raises(EditError, match="a position cannot sit under position"):
        ws.add_claim("Japan should not", kind="position", parent_id=claim.id)


def test_a_statement_is_promoted_once_and_cannot_support_and_attack_one_claim(ws):
    row = kishida(ws)
    claim = ws.promote_statement(row.id)
    with pytest.raises(EditError, match=f"already promoted: claim {claim.id}"):
        ws.promote_statement(row.id)
    with pytest.raises(EditError, match="cannot both support and attack"):
        ws.link(row.id, claim.id, "attacks")
    other = ws.add_claim("Integration provokes China")
    ws.link(row.id, other.id, "attacks")
    with pytest.raises(EditError, match="already attacks"):
        ws.link(row.id, other.id, "supports")
    assert len(ws.claims()) == 2
