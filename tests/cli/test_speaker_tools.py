"""The speaker tools on the command line: argmap speakers --suggest-merges, argmap speaker show,
not-a-speaker and merge --drop-aliases; each an edit that argmap undo takes back."""

import json

from tests.helpers import SEED, run_cli


def _speaker_ids(capsys) -> dict[str, str]:
    _, out, _ = run_cli(capsys, "speakers", "--limit", "0")
    return {line.split(" [")[0].split("  ", 1)[1]: line.split()[0] for line in out.splitlines()}


def test_suggest_merges_lists_a_duplicate_with_its_evidence_and_the_command(workspace_dir, capsys):
    _, out, _ = run_cli(capsys, "statements", "--speaker", "Kishida Fumio")
    statement = out.split()[0]
    assert run_cli(capsys, "speaker", "split", "Kishida Fumio", "Kishida", statement)[0] == 0
    status, out, err = run_cli(capsys, "speakers", "--suggest-merges")
    assert status == 0 and "likely duplicates" in err
    first = out.splitlines()[:3]
    assert first[0].split(None, 1)[1] == "Kishida Fumio <- Kishida"
    assert "'Kishida'" in first[1]
    command = first[2].split()
    assert command[:3] == ["argmap", "speaker", "merge"]
    assert run_cli(capsys, *command[1:])[0] == 0
    assert "Kishida Fumio <- Kishida" not in run_cli(capsys, "speakers", "--suggest-merges")[1]


def test_speaker_show_names_documents_counts_mentions_and_aliases(workspace_dir, capsys):
    status, out, _ = run_cli(capsys, "speaker", "show", "Tanaka Hitoshi")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].endswith("Tanaka Hitoshi [person]")
    assert any(line.split() == ["aliases", "Tanaka"] for line in lines)
    assert any(SEED.name in line and line.split()[0] == "3" for line in lines)
    status, out, _ = run_cli(capsys, "speaker", "show", "Tanaka", "--format", "json")
    record = json.loads(out)
    assert record["name"] == "Tanaka Hitoshi" and record["statements"] == 3
    assert record["documents"] == [
        {"id": record["documents"][0]["id"], "name": SEED.name, "statements": 3}
    ]
    assert sum(m["statements"] for m in record["mentions"]) == 3


def test_not_a_speaker_leaves_statements_unattributed_and_undo_takes_it_back(workspace_dir, capsys):
    status, out, _ = run_cli(capsys, "speaker", "not-a-speaker", "Tanaka Hitoshi")
    assert status == 0 and "3 statements unattributed" in out
    assert "Tanaka Hitoshi" not in _speaker_ids(capsys)
    _, out, _ = run_cli(capsys, "log")
    assert out.splitlines()[0].split()[3] == "not-a-speaker"
    assert run_cli(capsys, "undo")[0] == 0
    assert "Tanaka Hitoshi" in _speaker_ids(capsys)


def test_merge_can_drop_the_others_names(workspace_dir, capsys):
    ids = _speaker_ids(capsys)
    status, out, _ = run_cli(
        capsys, "speaker", "merge", ids["Lloyd Austin"], ids["Sasae Kenichiro"], "--drop-aliases"
    )
    assert status == 0 and "Sasae Kenichiro" not in out
    assert run_cli(capsys, "undo")[0] == 0
    status, out, _ = run_cli(
        capsys,
        "speaker",
        "merge",
        ids["Lloyd Austin"],
        ids["Sasae Kenichiro"],
        ids["Tanaka Hitoshi"],
        "--drop-alias",
        "Tanaka Hitoshi",
    )
    assert status == 0 and "Sasae Kenichiro" in out and "Tanaka Hitoshi" not in out
