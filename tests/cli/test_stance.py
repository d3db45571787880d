"""``argmap label``, ``argmap train``, ``argmap eval stance`` and ``extract --codebook`` end to
end."""

import json

import pytest

from tests.helpers import SEED, SEED_CODEBOOK, SEED_GOLD, run_cli


def test_help_lists_the_stance_commands(capsys):
    out = run_cli(capsys, "--help")[1]
    assert "label" in out and "train" in out
    assert "stance" in run_cli(capsys, "eval", "--help")[1]


def test_label_reads_jsonl_and_plain_lines_from_stdin(capsys, monkeypatch):
    stdin = (
        '{"id": "s1", "text": "Critics warn Japan is losing its sovereignty.", '
        '"context": "A debate."}\n'
        "\n"
        "The alliance deters aggression and keeps the peace.\n"
    )
    status, out, err = run_cli(
        capsys, "label", "--codebook", SEED_CODEBOOK, "-", stdin=stdin, monkeypatch=monkeypatch
    )
    assert status == 0 and err == ""
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["label"] for r in records] == ["sovereignty-concern", "pro-integration"]
    assert records[0]["id"] == "s1" and records[0]["model"] == "codebook" and records[0]["version"]
    for record in records:
        assert set(record) >= {
            "text",
            "label",
            "score",
            "scores",
            "explanation",
            "evidence",
            "model",
            "version",
        }


def test_label_reports_bad_lines_and_files_and_goes_on(capsys, tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(
        '{"text": "Japan signed a contract to buy aircraft."}\n{"txt": "no text"}\n',
        encoding="utf-8",
    )
    status, out, err = run_cli(
        capsys, "label", "--codebook", SEED_CODEBOOK, tmp_path / "missing.txt", good
    )
    assert status == 1
    assert len(out.splitlines()) == 1 and json.loads(out)["label"] == "neutral"
    assert f"argmap: error: {tmp_path / 'missing.txt'}: no such file or directory" in err
    assert f"argmap: error: {good}:2: a JSON statement needs a non-empty 'text'" in err


def test_bad_codebook_is_one_error_line(capsys, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text(
        '[debate]\nid = "x"\nissue = "q?"\n'
        '[[label]]\nid = "a"\nname = "A"\n[[label]]\nid = "a"\nname = "B"\n',
        encoding="utf-8",
    )
    status, out, err = run_cli(capsys, "label", "--codebook", broken, SEED_GOLD)
    assert (status, out) == (1, "")
    assert err == f"argmap: error: {broken}: line 8: label id 'a' is used twice\n"


def test_train_then_label_and_eval_with_the_model(capsys, tmp_path):
    model_place = tmp_path / "model"
    status, out, err = run_cli(
        capsys, "train", "--codebook", SEED_CODEBOOK, SEED_GOLD, "-o", model_place
    )
    assert status == 0, err
    assert "on 19 statements (pro-integration 14, sovereignty-concern 4, neutral 1)" in out
    meta = json.loads((model_place / "meta.json").read_text())
    assert meta["labels"] == 19 and meta["sklearn"] and meta["version"].startswith("19-")

    status, out, err = run_cli(
        capsys, "label", "--codebook", SEED_CODEBOOK, "--model", model_place, SEED_GOLD
    )
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and len(records) == 19
    assert {r["model"] for r in records} == {"combined"} and {r["version"] for r in records} == {
        meta["version"]
    }

    status, out, err = run_cli(
        capsys,
        "eval",
        "stance",
        "--codebook",
        SEED_CODEBOOK,
        SEED_GOLD,
        "--model",
        model_place,
        "--format",
        "json",
    )
    reports = json.loads(out)
    assert status == 0 and [r["model"] for r in reports] == ["codebook", "combined"]
    assert reports[0]["macro_f1"] >= 0.8 and len(reports[0]["confusion"]) == 3


def test_eval_stance_table_with_cross_validation(capsys):
    status, out, err = run_cli(
        capsys, "eval", "stance", "--codebook", SEED_CODEBOOK, SEED_GOLD, "--cv", "4"
    )
    assert status == 0, err
    for row in (
        "codebook (4-fold CV)",
        "learned (4-fold CV)",
        "combined (4-fold CV)",
        "confusion (rows gold, columns predicted)",
        "macro-F1",
    ):
        assert row in out


def test_train_errors_name_the_file_and_line(capsys, tmp_path):
    labels = tmp_path / "labels.jsonl"
    labels.write_text(
        '{"text": "a", "stance": "pro-integration"}\n{"text": "b", "stance": "pro"}\n',
        encoding="utf-8",
    )
    status, _, err = run_cli(
        capsys, "train", "--codebook", SEED_CODEBOOK, labels, "-o", tmp_path / "m"
    )
    assert status == 1
    assert err.startswith(f"argmap: error: {labels}:2: unknown label 'pro'")
    labels.write_text(
        '{"text": "a", "stance": "pro-integration"}\n{"text": "b", "stance": "neutral"}\n',
        encoding="utf-8",
    )
    status, _, err = run_cli(
        capsys, "train", "--codebook", SEED_CODEBOOK, labels, "-o", tmp_path / "m"
    )
    assert status == 1
    assert err.startswith(
        f"argmap: error: {labels}: no labelled statement has label 'sovereignty-concern'"
    )
    assert not (tmp_path / "m").exists()


def test_a_model_from_another_codebook_is_refused(capsys, tmp_path):
    assert (
        run_cli(capsys, "train", "--codebook", SEED_CODEBOOK, SEED_GOLD, "-o", tmp_path / "m")[0]
        == 0
    )
    other = tmp_path / "other.toml"
    text = SEED_CODEBOOK.read_text(encoding="utf-8")
    other.write_text(text.replace('colour = "#8a8a8a"', 'colour = "#777777"'), encoding="utf-8")
    assert (
        run_cli(capsys, "label", "--codebook", other, "--model", tmp_path / "m", SEED_GOLD)[0] == 0
    )  # colours do not matter
    other.write_text(text.replace('"contract", ', ""), encoding="utf-8")
    status, _, err = run_cli(
        capsys, "label", "--codebook", other, "--model", tmp_path / "m", SEED_GOLD
    )
    assert status == 1 and "trained with another codebook" in err and "retrain it" in err


def test_extract_with_a_codebook_adds_stance_fields_in_every_format(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    status, out, _ = run_cli(capsys, "extract", SEED, "--codebook", SEED_CODEBOOK)
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and records
    for record in records:
        assert record["stance"] in {"pro-integration", "sovereignty-concern", "neutral"}
        assert 0 < record["stance_score"] <= 1 and record["stance_reason"]
    front_line = next(r for r in records if "front line" in r["text"])
    assert front_line["stance"] == "sovereignty-concern"
    status, out, _ = run_cli(
        capsys, "extract", SEED, "--codebook", SEED_CODEBOOK, "--format", "json"
    )
    assert all("stance" in s for s in json.loads(out)["statements"])
    status, out, _ = run_cli(
        capsys, "extract", SEED, "--codebook", SEED_CODEBOOK, "--format", "table"
    )
    assert "stance" in out and "pro-integration" in out


@pytest.mark.parametrize(
    "argv", [["label"], ["train", SEED_GOLD, "-o", "x"], ["eval", "stance", SEED_GOLD]]
)
def test_codebook_is_required(capsys, argv):
    status, _, err = run_cli(capsys, *argv)
    assert status == 2 and "--codebook" in err


def test_split_selects_lines(capsys, tmp_path):
    labels = tmp_path / "labels.jsonl"
    gold = [json.loads(line) for line in SEED_GOLD.read_text(encoding="utf-8").splitlines()]
    labels.write_text(
        "".join(
            json.dumps({**g, "split": "dev" if i % 4 == 0 else "train"}) + "\n"
            for i, g in enumerate(gold)
        ),
        encoding="utf-8",
    )
    status, out, err = run_cli(
        capsys,
        "eval",
        "stance",
        "--codebook",
        SEED_CODEBOOK,
        labels,
        "--split",
        "dev",
        "--format",
        "json",
    )
    assert status == 0, err
    assert json.loads(out)[0]["statements"] == len(gold[::4])
    status, _, err = run_cli(
        capsys, "eval", "stance", "--codebook", SEED_CODEBOOK, labels, "--split", "test"
    )
    assert status == 1 and err == f"argmap: error: {labels}: no line has split 'test'\n"
