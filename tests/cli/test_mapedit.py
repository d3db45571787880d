"""Editing the map from the command line: stances, statements, speakers, claims, links and
documents; listing them; bad values are one-line errors."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from argmap.store import StatementFilter
from tests.helpers import SEED, kishida, run_cli


def test_edits_from_the_command_line_and_undo(workspace_dir, capsys):
    _, out, _ = run_cli(capsys, "statements", "--speaker", "Kishida Fumio")
    statement = out.split()[0]
    assert run_cli(capsys, "stance", statement, "pro-integration")[0] == 0
    assert run_cli(capsys, "attribute", statement, "Lloyd Austin")[0] == 0
    _, out, _ = run_cli(
        capsys, "statements", "--speaker", "Lloyd Austin", "--label", "pro-integration"
    )
    assert out.split()[0] == statement
    status, out, _ = run_cli(capsys, "claim", "add", "Japan should integrate", "--position")
    claim = out.split()[0]
    assert run_cli(capsys, "link", statement, "supports", claim)[0] == 0
    _, out, _ = run_cli(capsys, "claim", "list")
    assert f"{claim} [position] Japan should integrate" in out and f"supports: {statement} " in out
    status, out, _ = run_cli(
        capsys, "claim", "add", "--position", "Japan should keep its autonomy"
    )  # flag first
    assert (
        status == 0
        and "[position] Japan should keep its autonomy" in run_cli(capsys, "claim", "list")[1]
    )
    _, out, _ = run_cli(capsys, "log")
    assert [line.split()[3] for line in out.splitlines()[:5]] == [
        "add-claim",
        "link",
        "add-claim",
        "reattribute",
        "set-stance",
    ]
    for expected in ("add-claim", "link", "add-claim", "reattribute"):
        status, out, _ = run_cli(capsys, "undo")
        assert status == 0 and out.startswith(f"undone: {expected}")
    _, out, _ = run_cli(
        capsys, "statements", "--speaker", "Kishida Fumio", "--label", "pro-integration"
    )
    assert out.split()[0] == statement
    assert run_cli(capsys, "redo")[1].startswith("redone: reattribute")


def test_bad_edits_are_one_line_errors(workspace_dir, capsys):
    _, out, _ = run_cli(capsys, "statements")
    statement = out.split()[0]
    status, _, err = run_cli(capsys, "stance", statement, "maybe")
    assert status == 1 and err.startswith(
        "argmap: error: unknown label 'maybe' (expected one of pro-integration"
    )
    status, _, err = run_cli(capsys, "stance", "zzzz", "neutral")
    assert (status, err) == (1, "argmap: error: no statements match 'zzzz'\n")
    status, _, err = run_cli(capsys, "link", statement, "rebuts", statement)
    assert status == 1 and "cannot rebut" in err


def test_cli_says_a_label_was_not_applied(ws, tmp_path, capsys):
    row = kishida(ws)
    ws.set_stance(
        row.id, "pro-integration", annotator="alice", time=datetime.now(UTC) + timedelta(minutes=3)
    )
    status, out, err = run_cli(
        capsys, "stance", row.id, "neutral", "--annotator", "alice", "-w", tmp_path
    )
    assert status == 1 and out == "" and "neutral not applied" in err and err.count("\n") == 1


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
    status, out, err = run_cli(capsys, *argv, "-w", tmp_path)
    assert status == 2 and out == "" and expected in err and "Traceback" not in err


def test_list_values_are_case_insensitive_where_sensible(ws, tmp_path, capsys):
    direct = ws.count_statements(StatementFilter(kind="direct"))
    status, _, err = run_cli(
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
    matching = ws.count_statements(StatementFilter(kind="direct", review="suggested"))
    assert status == 0 and err == f"({matching} statements match)\n"
    row = kishida(ws)
    ws.set_stance(row.id, "neutral", annotator="alice")
    status, out, _ = run_cli(
        capsys, "statements", "--label", "NEUTRAL", "--review", "labelled", "-w", tmp_path
    )
    assert status == 0 and out.split()[0] == row.id
    assert direct > 0


def test_statements_limit_zero_lists_every_statement_like_speakers(workspace_dir, capsys):
    status, out, err = run_cli(capsys, "statements", "--limit", "0")
    assert status == 0 and len(out.splitlines()) == 16 and err == "(16 statements match)\n"
    assert len(run_cli(capsys, "statements", "--limit", "0", "--offset", "10")[1].splitlines()) == 6
    assert len(run_cli(capsys, "statements", "--limit", "3")[1].splitlines()) == 3


def test_speaker_commands(workspace_dir, capsys):
    _, out, _ = run_cli(capsys, "speaker", "rename", "Lloyd Austin", "Lloyd J. Austin")
    assert "Lloyd J. Austin; aliases:" in out and "Lloyd Austin" in out
    _, out, _ = run_cli(capsys, "speaker", "merge", "Lloyd J. Austin", "Tanaka Hitoshi")
    assert "Tanaka Hitoshi" in out
    _, out, _ = run_cli(capsys, "speakers", "--text", "Austin")
    assert "Lloyd J. Austin [person] 5 statements" in out


def test_several_speakers_match_lists_the_candidates(ws, tmp_path, capsys):
    kishida_id = ws.find_speakers("Kishida Fumio")[0].id
    austin_id = ws.find_speakers("Lloyd Austin")[0].id
    # two speakers with one alias (as an older workspace or an import may hold)
    for sid in (kishida_id, austin_id):
        ws.conn.execute(
            "UPDATE speakers SET aliases = json_insert(aliases, '$[#]', 'the official') "
            "WHERE id = ?",
            (sid,),
        )
    status, _, err = run_cli(capsys, "statements", "--speaker", "the official", "-w", tmp_path)
    assert status == 1 and "several speakers match 'the official'" in err
    assert f"{kishida_id} (Kishida Fumio)" in err and f"{austin_id} (Lloyd Austin)" in err


def test_speakers_prints_the_total_and_says_when_rows_are_cut(ws, tmp_path, capsys):
    total = len(ws.speakers())
    status, out, err = run_cli(capsys, "speakers", "--limit", "2", "-w", tmp_path)
    assert status == 0 and len(out.splitlines()) == 2
    assert (
        err == f"({total} speakers; showing 1-2: --offset/--limit for others, --limit 0 for all)\n"
    )
    status, out, err = run_cli(capsys, "speakers", "--limit", "0", "-w", tmp_path)
    assert len(out.splitlines()) == total and err == f"({total} speakers)\n"


def test_deletes_report_the_relations_they_remove(ws, tmp_path, capsys):
    row = kishida(ws)
    position = ws.add_claim("Japan should integrate", kind="position")
    claim = ws.add_claim("Integration deters China", parent_id=position.id)
    link = ws.link(row.id, claim.id, "supports")
    status, out, _ = run_cli(capsys, "statement", "delete", row.id, "-w", tmp_path)
    assert (
        status == 0
        and out
        == f"{row.id}: deleted, with its 1 relation: {link.id} ({row.id} supports {claim.id})\n"
    )
    ws.undo()
    assert ws.delete_claim(claim.id) == [link]


def test_claim_edit_with_an_empty_parent_puts_the_claim_under_the_issue(ws, tmp_path, capsys):
    position = ws.add_claim("Japan should integrate", kind="position")
    claim = ws.add_claim("Integration deters China", parent_id=position.id)
    status, _, _ = run_cli(capsys, "claim", "edit", claim.id, "--parent", "", "-w", tmp_path)
    assert status == 0 and ws.claim(claim.id).parent_id is None
    ws.undo()
    assert ws.claim(claim.id).parent_id == position.id


def test_documents_lists_them_and_document_remove_takes_one_out_until_undo(workspace_dir, capsys):
    status, out, _ = run_cli(capsys, "documents")
    (line,) = out.splitlines()
    document_id, name = line.split()[:2]
    assert status == 0 and name == SEED.name and "16 statements" in line
    status, out, _ = run_cli(capsys, "document", "remove", name)
    assert status == 0 and out.startswith(f"{document_id}: {name} removed with 16 statements")
    assert run_cli(capsys, "documents")[1] == ""
    assert json.loads(run_cli(capsys, "status", "--format", "json")[1])["statements"] == 0
    status, _, err = run_cli(capsys, "document", "remove", name)
    assert status == 1 and err == f"argmap: error: no documents match {name!r}\n"
    assert run_cli(capsys, "undo")[0] == 0
    assert run_cli(capsys, "documents")[1] == line + "\n"
    status, out, _ = run_cli(capsys, "add", ".", "--progress", "none")
    assert out.startswith("0 added, 0 replaced, 1 unchanged")  # the same document again, as before


def test_show_prints_a_statement_in_full_with_its_paragraph_and_links(workspace_dir, capsys):
    import json

    _, out, _ = run_cli(capsys, "statements", "--text", "shoulder to shoulder")
    statement = out.split()[0]
    assert run_cli(capsys, "claim", "add", "Japan should integrate", "--position")[0] == 0
    claim = run_cli(capsys, "claim", "list")[1].splitlines()[1].split()[0]
    assert run_cli(capsys, "link", statement[:8], "supports", claim)[0] == 0
    assert run_cli(capsys, "stance", statement[:8], "pro-integration", "--note", "clear")[0] == 0
    status, out, err = run_cli(capsys, "show", statement[:8])
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith(f"statement {statement}  direct")
    assert lines[1].startswith("document  japan-us-integration.txt (")
    assert lines[2].startswith("speaker   Kishida Fumio")
    assert lines[3] == "stance    pro-integration (human); review: labelled"
    assert any(line.startswith('label     alice: pro-integration "clear"') for line in lines)
    assert any("supports rel-" in line and "Japan should integrate" in line for line in lines)
    assert "»I am here to say that Japan is already standing shoulder to shoulder" in lines[-1]
    data = json.loads(run_cli(capsys, "show", statement, "--format", "json")[1])
    assert data["statement"]["id"] == statement and data["annotations"][0]["note"] == "clear"
    context = data["paragraph"]
    start = data["statement"]["start"] - data["paragraph_offset"]
    assert context[start:].startswith("I am here to say")
    # and the claim list names the statement's speaker and words, not only its id
    listed = run_cli(capsys, "claim", "list")[1]
    assert f"supports: {statement} Kishida Fumio: “I am here to say" in listed


def test_a_speaker_is_found_by_family_name_written_first_or_last(workspace_dir, capsys):
    """``--speaker Kishida`` finds Kishida Fumio (the seed writes Japanese names family name
    first), as ``--speaker Austin`` finds Lloyd Austin; two people of one family are named."""
    _, full, _ = run_cli(capsys, "statements", "--speaker", "Kishida Fumio")
    status, out, err = run_cli(capsys, "statements", "--speaker", "Kishida")
    assert status == 0 and out == full and out, err
    status, out, _ = run_cli(capsys, "speaker", "show", "sasae")
    assert status == 0 and out.startswith("spk-") and "Sasae Kenichiro [person]" in out
    status, out, _ = run_cli(capsys, "timeline", "--speaker", "Austin", "--format", "json")
    assert status == 0 and json.loads(out)["undated"] == len(
        run_cli(capsys, "statements", "--speaker", "Lloyd Austin")[1].splitlines()
    )
    from argmap.store import Workspace, find_workspace

    with Workspace(find_workspace(workspace_dir)) as workspace:
        yuko = workspace.add_speaker("Kishida Yuko").id
    status, _, err = run_cli(capsys, "statements", "--speaker", "kishida")
    assert status == 1 and err.startswith("argmap: error: several speakers match 'kishida': ")
    assert f"{yuko} (Kishida Yuko)" in err and "(Kishida Fumio)" in err
    status, _, err = run_cli(capsys, "statements", "--speaker", "Kishi")
    assert (status, err) == (1, "argmap: error: no speakers match 'Kishi'\n")
