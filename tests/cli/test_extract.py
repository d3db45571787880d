"""``argmap extract`` and ``argmap eval extraction``: bad files and gold files are one line each,
and the others are still processed."""

import json

from tests.helpers import REPO, SEED_GOLD, run_cli


def test_bad_files_are_reported_and_the_others_still_processed(capsys, tmp_path):
    good, empty, binary = tmp_path / "good.txt", tmp_path / "empty.txt", tmp_path / "scan.bin"
    good.write_text("“We will act,” Austin said.\n", encoding="utf-8")
    empty.write_bytes(b"")
    binary.write_bytes(b"%PDF-1.7\n\x00\x01\x02\xff")
    status, out, err = run_cli(
        capsys, "extract", str(binary), str(tmp_path / "missing"), str(tmp_path), "--format", "json"
    )
    assert status == 1
    assert err.splitlines() == [
        f"argmap: error: {binary}: binary file, not text",
        f"argmap: error: {tmp_path / 'missing'}: no such file or directory",
    ]
    assert [d["name"] for d in json.loads(out)["documents"]] == ["empty.txt", "good.txt"]


def test_an_empty_file_gives_no_statements_and_no_error(capsys, tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    assert run_cli(capsys, "extract", str(empty)) == (0, "", "")


def test_eval_extraction_scores_the_seed(capsys):
    status, out, err = run_cli(
        capsys,
        "eval",
        "extraction",
        str(SEED_GOLD),
        str(REPO / "seeds"),
        "--format",
        "json",
    )
    assert (status, err) == (0, "")
    assert 0.0 <= json.loads(out)["score"]["attributed_f1"] <= 1.0


def test_eval_problems_with_the_gold_file_are_one_line_naming_it(capsys, tmp_path):
    missing, broken = tmp_path / "missing.jsonl", tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    for gold in (missing, broken):
        status, out, err = run_cli(capsys, "eval", "extraction", str(gold), str(tmp_path))
        assert (status, out) == (1, "")
        assert len(err.splitlines()) == 1 and err.startswith(f"argmap: error: {gold}:")
        assert err.count(str(gold)) == 1


def test_eval_with_no_gold_document_among_the_paths_fails(capsys, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Tanaka said that the alliance was strong.\n", encoding="utf-8")
    gold = SEED_GOLD
    status, _out, err = run_cli(capsys, "eval", "extraction", str(gold), str(other))
    assert status == 1
    assert "no document" in err and str(gold) in err
