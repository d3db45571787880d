"""The command line: help, usage errors, bad files, and the output formats."""

import io
import json
import subprocess
import sys

import pytest
from tests.helpers import REPO
from tests.helpers import run_cli as _run

from argmap import __version__
from argmap.io import writers as output
from argmap.models import Document, Statement, StatementKind

JSONL_KEYS = {
    "doc",
    "start",
    "end",
    "text",
    "kind",
    "cue",
    "speaker",
    "speaker_start",
    "speaker_end",
    "confidence",
    "speaker_mention",
    "speaker_id",
    "cue_start",
    "cue_end",
    "parts",
    "id",
    "document",
}
SEED = REPO / "seeds" / "japan-us-integration.txt"


def test_help_lists_every_command_with_a_description(capsys):
    status, out, _ = _run(capsys, "--help")
    assert status == 0
    assert "extract   find quotes and reported speech" in out
    assert "eval      score argmap against gold annotations" in out


def test_version(capsys):
    assert _run(capsys, "--version")[:2] == (0, f"argmap {__version__}\n")


def test_python_dash_m_argmap_works():
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "extract" in result.stdout and "eval" in result.stdout


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["extract"],
        ["extract", "x.txt", "--format", "xml"],
        ["eval"],
        ["eval", "extraction", "gold.jsonl"],
    ],
)
def test_usage_errors_exit_2(capsys, argv):
    status, _, err = _run(capsys, *argv)
    assert status == 2
    assert "argmap" in err and "error:" in err


def test_bad_files_are_reported_and_the_others_still_processed(capsys, tmp_path):
    pytest.importorskip("argmap.speakers.registry")
    good, empty, binary = tmp_path / "good.txt", tmp_path / "empty.txt", tmp_path / "scan.bin"
    good.write_text("“We will act,” Austin said.\n", encoding="utf-8")
    empty.write_bytes(b"")
    binary.write_bytes(b"%PDF-1.7\n\x00\x01\x02\xff")
    status, out, err = _run(
        capsys, "extract", str(binary), str(tmp_path / "missing"), str(tmp_path), "--format", "json"
    )
    assert status == 1
    assert err.splitlines() == [
        f"argmap: error: {binary}: binary file, not text",
        f"argmap: error: {tmp_path / 'missing'}: no such file or directory",
    ]
    assert [d["name"] for d in json.loads(out)["documents"]] == ["empty.txt", "good.txt"]


def test_an_empty_file_gives_no_statements_and_no_error(capsys, tmp_path):
    pytest.importorskip("argmap.speakers.registry")
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    assert _run(capsys, "extract", str(empty)) == (0, "", "")


def test_jsonl_lines_have_the_required_keys(capsys):
    pytest.importorskip("argmap.speakers.registry")
    status, out, err = _run(capsys, "extract", str(SEED))
    assert (status, err) == (0, "")
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines
    for line in lines:
        assert line.keys() >= JSONL_KEYS
        assert line["doc"] == SEED.name
        assert SEED.read_text(encoding="utf-8")[line["start"] : line["end"]] == line["text"]


def test_eval_extraction_scores_the_seed(capsys, shared):
    status, out, err = _run(
        capsys,
        "eval",
        "extraction",
        str(shared / "gold" / "japan-us-integration.gold.jsonl"),
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
        status, out, err = _run(capsys, "eval", "extraction", str(gold), str(tmp_path))
        assert (status, out) == (1, "")
        assert len(err.splitlines()) == 1 and err.startswith(f"argmap: error: {gold}:")
        assert err.count(str(gold)) == 1


def _example():
    text = "“We will act,” Austin said. Critics disagree."
    document = Document.from_text("a.txt", text)
    statement = Statement(
        id="s1",
        document=document.id,
        doc_name="a.txt",
        start=1,
        end=13,
        text=text[1:13],
        kind=StatementKind.DIRECT,
        cue="said",
        cue_start=22,
        cue_end=26,
        speaker_mention="Austin",
        speaker_start=15,
        speaker_end=21,
        speaker="Lloyd Austin",
        speaker_id="p1",
        confidence=0.9,
    )
    return document, statement


def test_jsonl_record_has_the_file_name_and_every_statement_field():
    document, statement = _example()
    out = io.StringIO()
    output.write_jsonl([(document, [statement]), (Document.from_text("b.txt", ""), [])], out)
    [line] = out.getvalue().splitlines()
    record = json.loads(line)
    assert record.keys() >= JSONL_KEYS
    assert (record["doc"], record["text"], record["kind"], record["speaker"]) == (
        "a.txt",
        "We will act,",
        "direct",
        "Lloyd Austin",
    )
    assert Statement.model_validate(record) == statement


def test_json_document_lists_documents_statements_and_speakers():
    from argmap.models import Speaker

    document, statement = _example()
    out = io.StringIO()
    output.write_json([(document, [statement])], out, {"p1": Speaker(id="p1", name="Lloyd Austin")})
    payload = json.loads(out.getvalue())
    assert payload["documents"] == [{"id": document.id, "name": "a.txt", "source_path": None}]
    assert [s["id"] for s in payload["statements"]] == ["s1"]
    assert payload["speakers"][0]["name"] == "Lloyd Austin"


def test_table_shows_speaker_kind_cue_and_text():
    document, statement = _example()
    out = io.StringIO()
    output.write_table([(document, [statement])], out)
    table = out.getvalue()
    for cell in (
        "a.txt",
        "Lloyd Austin",
        "direct",
        "said",
        "We will act,",
        "1 statement in 1 document",
    ):
        assert cell in table


def test_ci_runs_the_readme_test_command():
    command = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert command in (REPO / "README.md").read_text(encoding="utf-8").splitlines()


def test_eval_with_no_gold_document_among_the_paths_fails(capsys, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Tanaka said that the alliance was strong.\n", encoding="utf-8")
    gold = REPO / "tests" / "fixtures" / "japan-us-integration.gold.jsonl"
    status, _out, err = _run(capsys, "eval", "extraction", str(gold), str(other))
    assert status == 1
    assert "no document" in err and str(gold) in err
