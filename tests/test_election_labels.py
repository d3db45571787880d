"""The labelled data: the Japan-US held-out stances and the 2016 election labels on PolNeAR."""

import json
from collections import Counter

from conftest import FIXTURES

HELDOUT = FIXTURES / "japan-us-heldout.stance.jsonl"
JAPAN_US_LABELS = {"pro-integration", "sovereignty-concern", "neutral"}


def _records(path):
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def test_heldout_statements_are_well_formed():
    records = _records(HELDOUT)
    assert len(records) == 60
    for record in records:
        assert set(record) == {"id", "text", "stance", "speaker", "kind", "note"}, record["id"]
        assert record["stance"] in JAPAN_US_LABELS, record["id"]
        assert record["kind"] in {"direct", "indirect"}, record["id"]
        assert len(record["text"].split()) >= 6, record["id"]
        assert record["speaker"].strip() and record["note"].strip(), record["id"]
    assert len({record["id"] for record in records}) == len(records)
    assert len({record["text"] for record in records}) == len(records)
    counts = Counter(record["stance"] for record in records)
    assert all(counts[label] >= 10 for label in JAPAN_US_LABELS), counts
