"""The labelled stance sets: the Japan-US held-out and development sets are well formed, and
the 2016 election labels point at PolNeAR attributions."""

import functools
import json
from collections import Counter

import pytest

from argmap.codebook import load_codebook
from argmap.evaluation.gold import load_gold_jsonl, parse_ann
from tests.helpers import ELECTION_CODEBOOK, ELECTION_LABELS, FIXTURES

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


DEV_SETS = {
    "japan-us-dev.stance.jsonl": 40,
    "japan-us-dev2.stance.jsonl": 123,
    "japan-us-dev3.stance.jsonl": 53,
}


@pytest.mark.parametrize("name", sorted(DEV_SETS))
def test_development_sets_are_well_formed(name):
    records = _records(FIXTURES / name)
    assert len(records) == DEV_SETS[name]
    for record in records:
        assert set(record) == {"id", "text", "stance", "speaker", "kind", "note"}, record["id"]
        assert record["stance"] in JAPAN_US_LABELS, record["id"]
        assert record["kind"] in {"direct", "indirect", "mixed"}, record["id"]
    assert len({r["id"] for r in records}) == len({r["text"] for r in records}) == len(records)
    counts = Counter(record["stance"] for record in records)
    assert all(counts[label] >= 10 for label in JAPAN_US_LABELS), counts


def _polnear_text(shared, split, doc):
    with open(
        shared / "data" / "polnear" / split / "text" / doc, encoding="utf-8", newline=""
    ) as handle:
        return handle.read()


@functools.cache
def _dev_gold(shared):
    return load_gold_jsonl(shared / "gold" / "polnear-dev.gold.jsonl")


def _gold_extents(shared, split, doc, text):
    """The content extents (first to last piece) of PolNeAR's attributions in ``doc``."""
    if split == "dev":
        statements = [g for g in _dev_gold(shared) if g.doc == doc]
    else:
        folder = shared / "data" / "polnear" / "train" / "attributions"
        anns = sorted(folder.glob(f"{doc.removesuffix('.txt')}_*.ann"))
        assert anns, doc
        statements = parse_ann(anns[0].read_text(encoding="utf-8"), text, doc=doc, id_prefix=doc)
    return [(g.start, g.end) for g in statements]


def test_election_labels_point_at_polnear_attributions(shared):
    codebook = load_codebook(ELECTION_CODEBOOK)
    records = _records(ELECTION_LABELS)
    assert len(records) >= 150
    spans = set()
    texts, extents_of = {}, {}
    for number, record in enumerate(records, 1):
        where = f"line {number}"
        assert (
            {"doc", "split", "start", "end", "stance", "speaker"}
            <= set(record)
            <= {"doc", "split", "start", "end", "stance", "speaker", "note"}
        ), where
        assert "text" not in record, where
        assert record["stance"] in codebook.label_ids, where
        assert record["split"] in {"train", "dev"}, where
        key = (record["split"], record["doc"])
        if key not in texts:
            texts[key] = _polnear_text(shared, *key)
        text, start, end = texts[key], record["start"], record["end"]
        assert 0 <= start < end <= len(text), where
        assert not text[start].isspace() and not text[end - 1].isspace(), where
        assert start == 0 or not (text[start - 1].isalnum() and text[start].isalnum()), where
        assert end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum()), where
        assert len(text[start:end].split()) >= 6, where
        assert (record["split"], record["doc"], start, end) not in spans, f"{where}: duplicate span"
        spans.add((record["split"], record["doc"], start, end))
        if key not in extents_of:
            extents_of[key] = _gold_extents(shared, *key, text)
        extents = extents_of[key]
        assert any(
            lo <= start and end <= hi and not text[lo:start].strip() and not text[end:hi].strip()
            for lo, hi in extents
        ), f"{where}: not a PolNeAR content span"
    counts = Counter(record["stance"] for record in records)
    assert all(counts[label] >= 20 for label in codebook.label_ids), counts
