"""``argmap add --statements``: the results folder of ``argmap extract --output`` stored in a
workspace without extracting again gives what ``argmap add`` of the same articles stores
(documents, metadata, statements, speakers, suggestions, restatements), into an empty
workspace and into one that holds some of them already."""

from collections import Counter

import pytest

from argmap.io import statement_files as files
from tests.cluster.helpers import seed_corpus
from tests.helpers import SEED_CODEBOOK, run_cli
from tests.store.helpers import read_rows

pytest.importorskip("pyarrow")


def stored(target) -> dict:
    """What an add writes, to compare (row ids and times left out)."""
    rows = read_rows(
        target,
        {
            "documents": "SELECT id, name, source_path, text FROM documents",
            "metadata": "SELECT * FROM document_metadata",
            "statements": 'SELECT id, document, start, "end", text, kind, parts, cue, '
            "cue_start, cue_end, speaker_mention, speaker_start, speaker_end, speaker_id, "
            "speaker_role, confidence, label, label_source, review, suggestion_score, "
            "uncertainty FROM statements",
            "suggestions": "SELECT statement_id, label, score, data FROM suggestions",
            "speakers": "SELECT id, name, kind, role, affiliation, aliases FROM speakers",
            "relations": "SELECT id, kind, source_id, target_id, status, score FROM relations",
            "added": "SELECT summary FROM edits WHERE action = 'add-document'",
        },
    )
    rows["added"] = sorted(row[0].split("(")[0] for row in rows["added"])
    return rows


def workspace(capsys, target):
    """A new workspace at ``target`` made by ``argmap init``."""
    status, _, err = run_cli(capsys, "init", target, "--codebook", SEED_CODEBOOK)
    assert status == 0, err
    return target


@pytest.fixture
def articles(tmp_path):
    """20 articles of the seed's paragraphs, namesakes and misspellings among their speakers,
    with a metadata table (outlet, date), and a copy of one under another name (PolNeAR train
    has two articles with one text: one document)."""
    folder = tmp_path / "articles"
    paths = seed_corpus(folder, 20, seed=21)
    (folder / "zz-copy.txt").write_text(paths[3].read_text())
    (folder / "metadata.csv").write_text(
        "file,outlet,published\n"
        + "".join(f"{p.name},outlet {n % 3},2024-05-{1 + n:02d}\n" for n, p in enumerate(paths))
    )
    return folder


@pytest.mark.parametrize(
    ("fmt", "codebook"), [("parquet", True), ("jsonl", True), ("parquet", False)]
)
def test_a_results_folder_stores_what_add_stores(
    capsys, monkeypatch, tmp_path, new_target, articles, fmt, codebook
):
    by_add = workspace(capsys, new_target("by_add"))
    status, _, err = run_cli(capsys, "add", articles, "-w", by_add, "--progress", "none")
    assert status == 0, err
    options = ["--codebook", SEED_CODEBOOK] if codebook else []
    status, _, err = run_cli(
        capsys, "extract", articles, "-o", tmp_path / "out", "--format", fmt, *options
    )
    assert status == 0, err
    if codebook:  # the folder's suggestions are stored: none is asked for again
        import argmap.store.ingest

        def refuse(*args, **kwargs):
            raise AssertionError("suggestions asked for again")

        monkeypatch.setattr(argmap.store.ingest, "stance_suggestions", refuse)
    ingested = workspace(capsys, new_target("ingested"))
    status, out, err = run_cli(
        capsys, "add", "--statements", tmp_path / "out", "-w", ingested, "--progress", "none"
    )
    assert status == 0, err
    expected = stored(by_add)
    assert stored(ingested) == expected
    assert f"20 added, 1 unchanged; {len(expected['statements'])} statements" in out
    assert len(expected["suggestions"]) == len(expected["statements"]) > 100
    assert {row[2] for row in expected["metadata"]} == {"outlet 0", "outlet 1", "outlet 2"}


def test_into_a_workspace_holding_some_of_them(capsys, tmp_path, new_target, articles):
    """Speakers already stored are found again (by id, else by name as add replays them);
    documents already stored are left alone."""
    first = sorted(articles.glob("*.txt"))[:8]
    by_add = workspace(capsys, new_target("by_add"))
    ingested = workspace(capsys, new_target("ingested"))
    for target in (by_add, ingested):
        assert run_cli(capsys, "add", *first, "-w", target, "--progress", "none")[0] == 0
    before = stored(ingested)["speakers"]
    assert run_cli(capsys, "add", articles, "-w", by_add, "--progress", "none")[0] == 0
    assert run_cli(capsys, "extract", articles, "-o", tmp_path / "out")[0] == 0
    status, out, err = run_cli(
        capsys, "add", "--statements", tmp_path / "out", "-w", ingested, "--progress", "none"
    )
    assert status == 0, err
    assert "12 added, 9 unchanged" in out
    assert "the metadata of 8 unchanged documents read again" in out
    got, expected = stored(ingested), stored(by_add)
    for table in ("documents", "metadata", "suggestions", "relations", "added"):
        assert got[table] == expected[table], table
    # the same statements; their speakers are the folder's, found among those stored before
    # (a one-word name the stored speakers would have resolved otherwise may differ)
    assert [row[:13] + row[14:] for row in got["statements"]] == [
        row[:13] + row[14:] for row in expected["statements"]
    ]
    speakers = {row[0] for row in got["speakers"]}
    assert {row[13] for row in got["statements"]} - {None} <= speakers
    assert set(before) <= set(got["speakers"]) or {r[0] for r in before} <= speakers
    # no speaker add would not make: a stored one is never stored again under a new id
    assert not Counter(row[1] for row in got["speakers"]) - Counter(
        row[1] for row in expected["speakers"]
    )
    # again: nothing new
    status, out, _ = run_cli(
        capsys, "add", "--statements", tmp_path / "out", "-w", ingested, "--progress", "none"
    )
    assert status == 0 and "0 added, 21 unchanged; 0 statements" in out


def test_bad_folders_are_one_line_each_and_the_others_are_added(
    capsys, tmp_path, workspace_target, articles
):
    assert run_cli(capsys, "extract", articles, "-o", tmp_path / "out")[0] == 0
    unfinished = tmp_path / "unfinished"
    assert run_cli(capsys, "extract", articles, "-o", unfinished)[0] == 0
    (unfinished / files.MANIFEST).unlink()  # as a run that was stopped leaves it
    target = workspace(capsys, workspace_target)
    status, out, err = run_cli(
        capsys,
        "add",
        "--statements",
        unfinished,
        tmp_path / "missing",
        articles,
        tmp_path / "out",
        "-w",
        target,
        "--progress",
        "none",
    )
    assert status == 1
    problems = err.strip().splitlines()
    assert len(problems) == 3, err
    assert f"{unfinished}: incomplete results" in problems[0]
    assert f"{tmp_path / 'missing'}: no such results folder" in problems[1]
    assert f"{articles}: not a results folder" in problems[2]
    assert "20 added, 1 unchanged" in out
    # a new version of a stored article is for argmap add, which carries annotations over
    changed = sorted(articles.glob("*.txt"))[0]
    changed.write_text(changed.read_text() + "\n\nA new last paragraph.")
    assert run_cli(capsys, "extract", articles, "-o", tmp_path / "again")[0] == 0
    status, out, err = run_cli(
        capsys, "add", "--statements", tmp_path / "again", "-w", target, "--progress", "none"
    )
    assert status == 1
    assert f"{changed}: a new version of a document in the workspace: add it with argmap add" in err
    assert "0 added, 20 unchanged" in out


def test_speaker_rows_read_in_runs_or_taken(tmp_path):
    """A folder's speakers as asked, whether a batch names runs of consecutive rows (sliced)
    or rows scattered over more than ``TAKE_RUNS`` runs (taken)."""
    from argmap.store.ingest import TAKE_RUNS, SpeakerRows

    rows = [
        {
            "id": f"sp{n:04d}",
            "name": f"Speaker {n}",
            "aliases": [f"S. {n}"] if n % 2 else [],
            "kind": "person",
            "role": None,
            "affiliation": "Senate" if n % 3 == 0 else None,
            "first_part": 0,
            "first_row": n,
        }
        for n in range(3 * TAKE_RUNS)
    ]
    files.write_part(
        tmp_path / files.part_name("speakers", 0, "parquet"), "speakers", rows, "parquet"
    )
    speakers = SpeakerRows(tmp_path)
    for wanted in (
        rows[5:40] + rows[90:91],  # two runs
        rows[::2],  # 1.5 TAKE_RUNS runs of one row
        rows[::-3],
    ):
        asked = [row["id"] for row in wanted] + ["not-in-the-folder"]
        assert speakers.rows(asked) == {row["id"]: row for row in wanted}


def _failing_at(monkeypatch, call: int, problem: BaseException) -> None:
    """``_insert`` raises ``problem`` at its ``call``-th call (a document in the middle of a
    batch), once."""
    import argmap.store.ingest as ingest

    insert, calls = ingest._insert, []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == call:
            raise problem
        return insert(*args, **kwargs)

    monkeypatch.setattr(ingest, "_insert", failing)


def test_an_interrupted_ingest_keeps_the_batches_before_it(
    capsys, monkeypatch, tmp_path, new_target, articles
):
    """Documents are committed a batch at a time: a run stopped in its third batch keeps the
    first two whole (documents, statements, suggestions, log entries) and nothing of the third;
    run again, it stores the rest, giving the workspace one run gives."""
    import argmap.store.ingest as ingest
    from argmap.store import open_workspace

    assert (
        run_cli(capsys, "extract", articles, "-o", tmp_path / "out", "--codebook", SEED_CODEBOOK)[0]
        == 0
    )
    whole = workspace(capsys, new_target("whole"))
    assert run_cli(capsys, "add", "--statements", tmp_path / "out", "-w", whole)[0] == 0
    monkeypatch.setattr(ingest, "BATCH_DOCUMENTS", 4)
    _failing_at(monkeypatch, 11, KeyboardInterrupt())
    target = workspace(capsys, new_target("stopped"))
    with open_workspace(target) as ws, pytest.raises(KeyboardInterrupt):
        ingest.add_statement_files(ws, [tmp_path / "out"])
    kept = stored(target)
    assert len(kept["documents"]) == len(kept["added"]) == 8
    documents = {row[0] for row in kept["documents"]}
    expected = stored(whole)
    assert kept["statements"] == [row for row in expected["statements"] if row[1] in documents]
    assert len(kept["suggestions"]) == len(kept["statements"]) > 30
    monkeypatch.undo()
    status, out, err = run_cli(capsys, "add", "--statements", tmp_path / "out", "-w", target)
    assert status == 0, err
    assert "12 added, 9 unchanged" in out
    assert stored(target) == expected


def test_a_folder_failing_in_a_batch_leaves_nothing_the_next_folder_relies_on(
    capsys, monkeypatch, tmp_path, new_target, articles
):
    """A folder whose second batch fails is reported and the next folder is stored: the
    speakers the failed batch stored (rolled back) are stored again, not taken as there."""
    import argmap.store.ingest as ingest
    from argmap.io.errors import ReadError
    from argmap.store import open_workspace

    by_add = workspace(capsys, new_target("by_add"))
    assert run_cli(capsys, "add", articles, "-w", by_add, "--progress", "none")[0] == 0
    for name in ("first", "second"):
        assert run_cli(capsys, "extract", articles, "-o", tmp_path / name)[0] == 0
    monkeypatch.setattr(ingest, "BATCH_DOCUMENTS", 8)
    _failing_at(monkeypatch, 12, ReadError(tmp_path / "first", "a bad row"))
    target = workspace(capsys, new_target("ingested"))
    with open_workspace(target) as ws:
        report = ingest.add_statement_files(ws, [tmp_path / "first", tmp_path / "second"])
    assert report.failed == [(str(tmp_path / "first"), f"{tmp_path / 'first'}: a bad row")]
    assert (report.added, report.unchanged) == (8 + 12, 9)
    assert stored(target) == stored(by_add)
