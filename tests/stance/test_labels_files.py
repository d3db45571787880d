"""Labels files: statements given by text or by document offsets, and every bad line named."""

import json

import pytest

from argmap.stance import LabelsError, read_labels
from tests.helpers import SEED_GOLD, SEEDS


def _write(tmp_path, lines, name="labels.jsonl"):
    path = tmp_path / name
    path.write_text(
        "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
        encoding="utf-8",
    )
    return path


def test_the_seed_gold_reads_as_labels(japan_codebook):
    labels = read_labels(SEED_GOLD, japan_codebook)
    assert len(labels) == 19
    assert labels[0].stance == "pro-integration" and labels[0].text.startswith(
        "plans to further accelerate"
    )
    assert labels[0].line == 1 and labels[0].fields["id"] == "seed-01"


def test_offsets_read_the_text_from_the_documents_folder(japan_codebook, tmp_path):
    gold = [json.loads(line) for line in SEED_GOLD.read_text(encoding="utf-8").splitlines()]
    offsets = [
        {
            "doc": g["doc"],
            "start": g["start"],
            "end": g["end"],
            "stance": g["stance"],
            "split": "train",
        }
        for g in gold
    ]
    labels = read_labels(_write(tmp_path, offsets), japan_codebook, [SEEDS])
    assert [label.text for label in labels] == [g["text"] for g in gold]
    assert all(label.text in label.context for label in labels)
    assert labels[0].split == "train" and labels[0].doc == "japan-us-integration.txt"


def test_offsets_into_polnear_documents(japan_codebook, shared, tmp_path):
    text_dir = shared / "data" / "polnear" / "dev" / "text"
    name = sorted(p.name for p in text_dir.iterdir())[0]
    document = (text_dir / name).read_text(encoding="utf-8")
    start = document.index(" ") + 1
    line = {"doc": name, "start": start, "end": start + 40, "stance": "neutral"}
    labels = read_labels(
        _write(tmp_path, [line]),
        japan_codebook,
        [shared / "data" / "polnear" / "train", shared / "data" / "polnear" / "dev"],
    )
    assert labels[0].text == document[start : start + 40]


@pytest.mark.parametrize(
    "line, problem",
    [
        ("{not json", "labels.jsonl:2: not valid JSON"),
        (
            {"text": "x"},
            "labels.jsonl:2: missing 'stance' (one of pro-integration, sovereignty-concern, "
            "neutral)",
        ),
        (
            {"text": "x", "stance": "pro"},
            "labels.jsonl:2: unknown label 'pro' (the codebook has pro-integration, "
            "sovereignty-concern, neutral)",
        ),
        (
            {"stance": "neutral"},
            "labels.jsonl:2: expected 'text', or 'doc', 'start' and 'end' (integers)",
        ),
        ([1, 2], "labels.jsonl:2: expected a JSON object"),
        (
            {"doc": "japan-us-integration.txt", "start": 5, "end": 9999999, "stance": "neutral"},
            "labels.jsonl:2: start 5, end 9999999 lie outside 'japan-us-integration.txt'",
        ),
        (
            {"doc": "japan-us-integration.txt", "start": 50, "end": 10, "stance": "neutral"},
            "labels.jsonl:2: start 50 is not before end 10",
        ),
        (
            {"doc": "nowhere.txt", "start": 0, "end": 5, "stance": "neutral"},
            "labels.jsonl:2: document 'nowhere.txt' is not in",
        ),
    ],
)
def test_bad_lines_name_file_and_line(japan_codebook, tmp_path, line, problem):
    path = _write(tmp_path, [{"text": "fine", "stance": "neutral"}, line])
    with pytest.raises(LabelsError) as caught:
        read_labels(path, japan_codebook, [SEEDS])
    assert str(caught.value).startswith(
        str(tmp_path / problem.split(":")[0]) + ":" + problem.split(":", 1)[1]
    )


def test_offsets_without_documents_folder(japan_codebook, tmp_path):
    path = _write(tmp_path, [{"doc": "a.txt", "start": 0, "end": 3, "stance": "neutral"}])
    with pytest.raises(
        LabelsError, match=r"labels.jsonl:1: .* give its folder with --documents DIR"
    ):
        read_labels(path, japan_codebook)


def test_empty_and_missing_files(japan_codebook, tmp_path):
    with pytest.raises(LabelsError, match=r"empty.jsonl: no labelled statements"):
        read_labels(_write(tmp_path, ["", "  "], "empty.jsonl"), japan_codebook)
    with pytest.raises(LabelsError, match=r"absent.jsonl: no such file"):
        read_labels(tmp_path / "absent.jsonl", japan_codebook)
