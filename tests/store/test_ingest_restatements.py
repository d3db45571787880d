"""A results folder's own restatements: matched by ``argmap extract --output`` and stored
with the results, read by ``argmap add --statements`` into a workspace holding no statements
instead of matched again, giving the same pairs; matched as before into a workspace holding
statements, from the batch where a document of the folder is not stored, and for a folder
whose restatements are missing or of another matcher."""

import json

import pytest

from argmap.io import statement_files as files
from tests.cluster.helpers import seed_corpus
from tests.helpers import run_cli
from tests.store.test_ingest import stored, workspace

pytest.importorskip("pyarrow")


@pytest.fixture
def articles(tmp_path):
    """16 articles of the seed's paragraphs (they restate each other) and, sorted among them,
    one in which the extractor finds no statement."""
    folder = tmp_path / "articles"
    seed_corpus(folder, 16, seed=5)
    (folder / "article-0007-quiet.txt").write_text(
        "The weather was mild across the region on Tuesday.\n\n"
        "Farmers began the harvest early this year.\n"
    )
    return folder


@pytest.fixture
def matched(monkeypatch):
    """The statements matching is asked for, one list a call."""
    from argmap.store.restatements import RestatementIndex

    calls: list[list] = []
    match = RestatementIndex.match

    def counting(self, items):
        items = list(items)
        calls.append(items)
        return match(self, items)

    monkeypatch.setattr(RestatementIndex, "match", counting)
    return calls


def extracted(capsys, articles, folder, *options) -> dict:
    status, _, err = run_cli(capsys, "extract", articles, "-o", folder, *options)
    assert status == 0, err
    return files.read_manifest(folder) or {}


def without_pairs(folder) -> None:
    """The folder as a run that did not match its restatements leaves it."""
    manifest = files.read_manifest(folder) or {}
    del manifest[files.RESTATEMENTS]
    files.write_manifest(folder, manifest)


def ingest(capsys, target, *folders) -> str:
    status, out, err = run_cli(
        capsys, "add", "--statements", *folders, "-w", target, "--progress", "none"
    )
    assert status == 0, err
    return out


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_a_folders_restatements_are_read_and_are_those_matching_finds(
    capsys, tmp_path, new_target, articles, matched, fmt
):
    from argmap.store.ingest import match_folder

    manifest = extracted(capsys, articles, tmp_path / "out", "--format", fmt)
    pairs = files.read_restatements(tmp_path / "out" / files.part_name("restatements", 0, fmt))
    assert manifest["restatements"]["pairs"] == len(pairs) > 10
    assert pairs == match_folder(tmp_path / "out")
    matched.clear()
    ingested = workspace(capsys, new_target("ingested"))
    out = ingest(capsys, ingested, tmp_path / "out")
    assert matched == []  # read, not matched
    assert f"{len(pairs)} restatements offered" in out
    by_add = workspace(capsys, new_target("by_add"))
    assert run_cli(capsys, "add", articles, "-w", by_add, "--progress", "none")[0] == 0
    got = stored(ingested)
    assert got == stored(by_add)
    assert sorted((r[2], r[3], r[5]) for r in got["relations"]) == sorted(pairs)


def test_from_a_document_already_stored_they_are_matched(
    capsys, monkeypatch, tmp_path, new_target, articles, matched
):
    """A document of the folder stored before (here one without statements: the workspace
    holds none) makes its batch and those after it matched, against what was stored."""
    import argmap.store.ingest as ingest_module

    extracted(capsys, articles, tmp_path / "read")
    extracted(capsys, articles, tmp_path / "matched")
    without_pairs(tmp_path / "matched")
    monkeypatch.setattr(ingest_module, "BATCH_DOCUMENTS", 3)
    quiet = articles / "article-0007-quiet.txt"
    targets = {}
    for name in ("read", "matched"):
        targets[name] = workspace(capsys, new_target(name))
        status, out, _ = run_cli(capsys, "add", quiet, "-w", targets[name])
        assert status == 0 and "0 statements" in out
        matched.clear()
        out = ingest(capsys, targets[name], tmp_path / name)
        assert "16 added, 1 unchanged" in out
        if name == "read":  # the first two batches read, the rest matched
            documents = list(files.read_rows(tmp_path / name, "documents"))
            assert [row["name"] for row in documents[6:9]] == [
                "article-0006.txt",
                quiet.name,
                "article-0007.txt",
            ]
            assert {item[1] for call in matched for item in call} == {
                row["id"] for row in documents[6:] if row["statements"]
            }
    got, expected = stored(targets["read"]), stored(targets["matched"])
    assert got == expected
    assert len(got["relations"]) > 10


def test_a_folder_after_one_read_is_matched_against_it(
    capsys, tmp_path, new_target, articles, matched
):
    first = tmp_path / "first-articles"
    first.mkdir()
    for path in sorted(articles.glob("*.txt"))[:6]:
        (first / path.name).write_text(path.read_text())
    for name in ("read", "matched"):
        extracted(capsys, first, tmp_path / name / "first")
        extracted(capsys, articles, tmp_path / name / "all")
    for folder in ("first", "all"):
        without_pairs(tmp_path / "matched" / folder)
    targets = {}
    for name in ("read", "matched"):
        targets[name] = workspace(capsys, new_target(name))
        matched.clear()
        out = ingest(capsys, targets[name], tmp_path / name / "first", tmp_path / name / "all")
        assert "17 added, 6 unchanged" in out
        if name == "read":  # the second folder matched, against the first one's statements
            firsts = {row["id"] for row in files.read_rows(tmp_path / name / "first", "documents")}
            assert {item[1] for call in matched for item in call} == {
                row[1] for row in stored(targets[name])["statements"] if row[1] not in firsts
            }
    got = stored(targets["read"])
    assert got == stored(targets["matched"])
    assert len(got["relations"]) > 10


def test_restatements_missing_or_of_another_matcher_are_matched(
    capsys, tmp_path, new_target, articles, matched
):
    extracted(capsys, articles, tmp_path / "whole")
    expected = None
    for change in ("none", "matcher", "missing"):
        folder = tmp_path / change
        extracted(capsys, articles, folder)
        if change == "matcher":
            manifest = json.loads((folder / files.MANIFEST).read_text())
            manifest["restatements"]["matcher"] = "0: another"
            files.write_manifest(folder, manifest)
        elif change == "missing":
            (folder / files.part_name("restatements", 0, "parquet")).unlink()
        matched.clear()
        target = workspace(capsys, new_target(change))
        ingest(capsys, target, folder)
        assert (matched == []) == (change == "none")
        got = stored(target)
        expected = expected or got
        assert got == expected
    assert len(expected["relations"]) > 10


def test_extracting_again_into_the_folder_writes_them_again(capsys, tmp_path, articles):
    from argmap.store.ingest import match_folder

    first = extracted(capsys, articles, tmp_path / "out")
    (articles / "article-0003.txt").unlink()
    again = extracted(capsys, articles, tmp_path / "out")
    assert again["documents"] == first["documents"] - 1
    pairs = match_folder(tmp_path / "out")
    assert (
        files.read_restatements(tmp_path / "out" / "restatements" / "part-00000.parquet") == pairs
    )
    assert again["restatements"]["pairs"] == len(pairs) > 10


def test_a_folder_past_the_limit_is_left_for_the_ingest(
    capsys, monkeypatch, tmp_path, workspace_target, articles, matched
):
    """``argmap extract`` does not match a folder of more than ``MATCH_LIMIT`` statements (its
    driver would hold the index); the ingest matches it, and leaves the environment as it
    was (Arrow's allocator is chosen for the ingest only)."""
    import os

    import argmap.store.ingest as ingest_module

    monkeypatch.setattr(ingest_module, "MATCH_LIMIT", 5)
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    status, _, err = run_cli(capsys, "extract", articles, "-o", tmp_path / "out")
    assert status == 0, err
    assert "restatements left for argmap add --statements to match" in err
    assert files.RESTATEMENTS not in (files.read_manifest(tmp_path / "out") or {})
    assert not (tmp_path / "out" / files.RESTATEMENTS).exists()
    target = workspace(capsys, workspace_target)
    out = ingest(capsys, target, tmp_path / "out")
    assert sum(map(len, matched)) > 50  # every statement matched
    assert "restatements offered" in out
    assert len(stored(target)["relations"]) > 10
    assert "ARROW_DEFAULT_MEMORY_POOL" not in os.environ
