"""``argmap extract``, ``argmap eval extraction`` and ``argmap eval speakers``: bad files and gold
files are one line each, and the others are still processed."""

import json

from tests.helpers import REPO, SEED_GOLD, run_cli


def test_bad_files_are_reported_and_the_others_still_processed(capsys, tmp_path):
    good, empty, binary = tmp_path / "good.txt", tmp_path / "empty.txt", tmp_path / "scan.bin"
    good.write_text("“We will act,” Austin said.\n", encoding="utf-8")
    empty.write_bytes(b"")
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
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


def test_eval_speakers_scores_the_seed_and_lists_the_split(capsys):
    gold = REPO / "tests" / "fixtures" / "japan-us-integration.speakers.jsonl"
    status, out, err = run_cli(capsys, "eval", "speakers", str(gold), str(REPO / "seeds"))
    assert (status, err) == (0, "")
    assert "B-cubed precision    1.000" in out
    assert "People and entities split over several speakers (1):" in out
    status, out, _ = run_cli(
        capsys, "eval", "speakers", str(gold), str(REPO / "seeds"), "--format", "json"
    )
    assert json.loads(out)["score"]["gold_spans"] == 16


def test_eval_speakers_problems_with_the_gold_file_are_one_line_naming_it(capsys, tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"doc": "a.txt"}\n', encoding="utf-8")
    status, out, err = run_cli(capsys, "eval", "speakers", str(broken), str(tmp_path))
    assert (status, out) == (1, "")
    assert len(err.splitlines()) == 1 and err.startswith(f"argmap: error: {broken}:1:")


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


def test_a_guessed_encoding_is_a_warning_and_the_file_is_still_read(capsys, tmp_path):
    path = tmp_path / "western.txt"
    path.write_bytes("“We will act,” said Señor Müller of the café.\n".encode("cp1252"))
    status, out, err = run_cli(capsys, "extract", path)
    assert status == 0 and "Señor Müller" in out
    assert err == (
        f"argmap: warning: {path}: not UTF-8: read as Windows-1252 (Western European), a guess "
        "from its bytes; check that its letters read right\n"
    )


def test_a_folder_with_nothing_readable_is_an_error_naming_what_was_skipped(capsys, tmp_path):
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"%PDF-1.4")
    (folder / "b.docx").write_bytes(b"PK\x03\x04")
    status, out, err = run_cli(capsys, "extract", folder)
    assert status == 1 and out == ""
    assert err.splitlines() == [
        f"argmap: warning: skipped 2 files argmap does not read (it reads .txt, .md, .html and "
        f".htm): {folder / 'a.pdf'}, {folder / 'b.docx'}",
        f"argmap: error: {folder}: no article to read (argmap reads .txt, .md, .html and .htm, "
        "and corpus files named on the command line: .jsonl, .csv, .tsv, .parquet)",
    ]
