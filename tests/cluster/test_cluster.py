"""Extraction on a Dask cluster gives what one process gives: the same statements (ids,
spans, speakers, metadata), the same speakers and every document once, on a real local
cluster of worker processes, and after a worker is killed mid-run."""

import csv
import json
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from argmap.cluster import DaskExecutor, InProcess, extract_to_folder
from argmap.io import statement_files as files
from tests.cluster.helpers import (
    POLNEAR_TRAIN,
    as_jsonl_corpus,
    seed_corpus,
    single_process,
    speakers_of,
)
from tests.helpers import SEED, SEEDS, run_cli

pytest.importorskip("pyarrow")

#: No test of a cluster waits longer than this for its run.
TIMEOUT = 300


def check_same(output: Path, paths: list) -> None:
    """The results folder holds exactly what one process gives for ``paths``."""
    records, speakers, documents = single_process(paths)
    assert list(files.read_statements(output)) == records
    assert speakers_of(files.read_rows(output, "speakers")) == {
        key: {name: value[name] for name in ("name", "aliases", "kind", "role", "affiliation")}
        for key, value in speakers.items()
    }
    assert [row["id"] for row in files.read_rows(output, "documents")] == documents
    assert files.read_manifest(output)["statements"] == len(records)


def with_timeout(run, seconds: float = TIMEOUT):
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(run).result(timeout=seconds)


def test_in_process_partitions_give_the_single_process_results(tmp_path):
    paths = seed_corpus(tmp_path / "articles", 40)
    for fmt in ("parquet", "jsonl"):
        output = tmp_path / f"out-{fmt}"
        report = extract_to_folder(
            [tmp_path / "articles"], output, InProcess(), fmt=fmt, partition_bytes=6000
        )
        assert report.partitions > 5 and report.blocks > 1
        check_same(output, paths)
    # the JSON Lines parts are argmap extract's own records, line for line
    lines = (tmp_path / "out-jsonl/statements/part-00000.jsonl").read_text().splitlines()
    assert lines[0].startswith('{"doc": "article-0000.txt", "id": ')


def test_corpus_files_cut_by_bytes_rows_and_row_groups(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    articles = seed_corpus(tmp_path / "articles", 30, seed=3)
    jsonl = as_jsonl_corpus(articles, tmp_path / "news.jsonl")
    rows = [{"text": p.read_text(), "title": p.stem, "outlet": "x"} for p in articles]
    with open(tmp_path / "news.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, ["text", "title", "outlet"])
        writer.writeheader()
        writer.writerows(rows)  # texts hold newlines: rows are not lines
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "news.parquet", row_group_size=4)
    for corpus in (jsonl, tmp_path / "news.csv", tmp_path / "news.parquet"):
        output = tmp_path / f"out-{corpus.suffix[1:]}"
        report = extract_to_folder([corpus], output, InProcess(), partition_bytes=5000)
        assert report.partitions > 3, corpus
        check_same(output, [corpus])


def test_speakers_in_blocks_are_one_registrys_on_polnear_train(tmp_path):
    """Cross-document speakers resolved block by block, each block alone, give the one
    registry's speakers over the whole corpus: the 840 PolNeAR train articles in 20 parts."""
    if not POLNEAR_TRAIN.is_dir():
        pytest.skip(f"PolNeAR train is absent ({POLNEAR_TRAIN})")
    report = extract_to_folder(
        [POLNEAR_TRAIN], tmp_path / "out", InProcess(), partition_bytes=200_000
    )
    assert report.documents == 840 and report.partitions >= 15 and report.blocks > 1
    check_same(tmp_path / "out", [POLNEAR_TRAIN])


def test_alias_table_and_metadata_table_reach_every_partition(tmp_path):
    from argmap.io.sidecar import MetadataTable
    from argmap.speakers.aliases import AliasTable

    seed_corpus(tmp_path / "articles", 12, seed=5)
    (tmp_path / "meta.csv").write_text(
        "file,outlet,published\n"
        + "".join(f"article-{n:04d},o{n},2024-01-0{1 + n % 9}\n" for n in range(12))
    )
    (tmp_path / "aliases.toml").write_text(
        '[[speaker]]\nname = "Clinton family"\naliases = ["Hillary Clinton", "Bill Clinton"]\n'
    )
    table, aliases = (
        MetadataTable.load([tmp_path / "meta.csv"]),
        AliasTable.load(tmp_path / "aliases.toml"),
    )
    extract_to_folder(
        [tmp_path / "articles"],
        tmp_path / "out",
        InProcess(),
        aliases=aliases,
        metadata=table,
        partition_bytes=4000,
    )
    from argmap.extraction.corpus import extract_corpus
    from argmap.io.reading import load_documents
    from argmap.io.writers import statement_record
    from argmap.speakers.registry import SpeakerRegistry

    documents = list(
        load_documents(
            [tmp_path / "articles"], metadata=MetadataTable.load([tmp_path / "meta.csv"])
        )
    )
    expected = [
        statement_record(s, d)
        for d, found in extract_corpus(documents, SpeakerRegistry(aliases))
        for s in found
    ]
    got = list(files.read_statements(tmp_path / "out"))
    assert got == expected
    assert {r["metadata"]["outlet"] for r in got} >= {"o1", "o2"}
    assert "Clinton family" in {r["speaker"] for r in got}


def test_a_local_cluster_of_processes_gives_the_single_process_results(local_cluster, tmp_path):
    paths = seed_corpus(tmp_path / "articles", 40, seed=7)
    workers = local_cluster.run(os.getpid)
    assert len(set(workers.values()) | {os.getpid()}) == 3  # two processes besides this one
    report = with_timeout(
        lambda: extract_to_folder(
            [tmp_path / "articles"],
            tmp_path / "out",
            DaskExecutor(local_cluster),
            partition_bytes=8000,
        )
    )
    assert report.partitions > 4 and report.blocks > 1
    check_same(tmp_path / "out", paths)
    if not POLNEAR_TRAIN.is_dir():
        return
    # real news: 40 PolNeAR train articles, their speakers resolved in blocks on the workers
    sample = sorted(POLNEAR_TRAIN.glob("*.txt"))[::21]
    report = with_timeout(
        lambda: extract_to_folder(
            sample, tmp_path / "polnear", DaskExecutor(local_cluster), partition_bytes=30_000
        )
    )
    assert report.documents == len(sample) == 40 and report.partitions >= 4
    check_same(tmp_path / "polnear", sample)


def test_a_killed_worker_loses_nothing(local_cluster, tmp_path):
    """A worker process killed (SIGKILL) while it runs a task: Dask runs the task again
    elsewhere, and the results hold every document once and equal one process's."""
    seed_corpus(tmp_path / "articles", 120, seed=11)
    paths = [tmp_path / "articles"]
    output = tmp_path / "out"
    with ThreadPoolExecutor(1) as pool:
        run = pool.submit(
            extract_to_folder, paths, output, DaskExecutor(local_cluster), partition_bytes=12_000
        )
        killed = None
        deadline = time.monotonic() + 120
        while killed is None and time.monotonic() < deadline and not run.done():
            busy = [w for w, held in local_cluster.processing().items() if held]
            if busy and files.parts(output, "documents"):  # some tasks done, one running
                pid = local_cluster.run(os.getpid, workers=[busy[0]])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed = (busy[0], pid)
            time.sleep(0.02)
        report = run.result(timeout=TIMEOUT)
    assert killed is not None, "the run ended before a worker could be killed"
    assert killed[0] not in local_cluster.scheduler_info()["workers"]  # it is gone
    assert report.partitions >= 10
    documents = [row["source_path"] for row in files.read_rows(output, "documents")]
    assert len(documents) == len(set(documents)) == report.documents == 120
    assert not list(output.glob("**/.*.tmp")) and not (output / "_work").exists()
    check_same(output, paths)


def test_cli_writes_a_results_folder(capsys, tmp_path):
    status, _, err = run_cli(capsys, "extract", SEEDS, "-o", tmp_path / "out", "--format", "jsonl")
    assert status == 0, err
    assert "1 document, 16 statements, 8 speakers" in err
    assert len(list(files.read_statements(tmp_path / "out"))) == 16
    status, _, err = run_cli(capsys, "extract", SEEDS, "--workers", "2")
    assert status == 2 and "--output" in err
    status, _, err = run_cli(capsys, "extract", SEEDS, "--format", "parquet")
    assert status == 2 and "--output DIR" in err
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine")
    status, _, err = run_cli(capsys, "extract", SEEDS, "-o", tmp_path / "mine")
    assert status == 1 and "not empty" in err
    assert (tmp_path / "mine" / "notes.txt").exists()


def test_cli_starts_a_local_cluster_of_workers(capsys, tmp_path):
    pytest.importorskip("distributed")
    paths = seed_corpus(tmp_path / "articles", 12, seed=13)
    status, _, err = with_timeout(
        lambda: run_cli(
            capsys,
            "extract",
            tmp_path / "articles",
            "--workers",
            "2",
            "--partition-mb",
            "0.01",
            "-o",
            tmp_path / "out",
        )
    )
    assert status == 0, err
    assert "(2 workers)" in err
    check_same(tmp_path / "out", paths)


def test_cli_joins_a_running_cluster_by_its_scheduler_address(
    local_cluster, capsys, monkeypatch, tmp_path
):
    paths = seed_corpus(tmp_path / "articles", 12, seed=17)
    address = local_cluster.scheduler.address
    status, _, err = with_timeout(
        lambda: run_cli(
            capsys,
            "extract",
            tmp_path / "articles",
            "--scheduler",
            address,
            "--partition-mb",
            "0.01",
            "-o",
            tmp_path / "out",
        )
    )
    assert status == 0, err
    assert "(2 workers)" in err
    check_same(tmp_path / "out", paths)
    # the cluster is still there for others: argmap closed only its own connection
    assert len(local_cluster.scheduler_info()["workers"]) == 2
    monkeypatch.setattr("argmap.cluster.CONNECT_TIMEOUT", "2s")  # nothing listens on port 9
    status, _, err = run_cli(
        capsys,
        "extract",
        tmp_path / "articles",
        "--scheduler",
        "tcp://127.0.0.1:9",
        "-o",
        tmp_path / "none",
    )
    assert status == 1 and err.count("\n") == 1 and "tcp://127.0.0.1:9" in err


def test_a_corpus_rows_warning_names_the_file_and_row_as_one_process_does(tmp_path):
    corpus = tmp_path / "news.jsonl"
    rows = [
        {"maintext": '"We will decide," Kishida Fumio said.', "date_publish": "2024-04-11"},
        {"maintext": '"It is too late," Tanaka Hitoshi said.', "date_publish": "07/12/2024"},
    ]
    corpus.write_text("".join(json.dumps(row) + "\n" for row in rows))
    report = extract_to_folder([corpus], tmp_path / "out", InProcess(), fmt="jsonl")
    assert report.warnings == [
        f"{corpus.resolve()}: row 2: published date '07/12/2024' is ambiguous: day/month or "
        "month/day (2024-12-07 or 2024-07-12?); write it as ISO 8601; left empty"
    ]


def test_an_article_given_twice_resolves_as_in_one_process(tmp_path):
    """A block forgets each document's own speaker state after its last mention, except for a
    document whose mentions come back later (a corpus holding an article twice): there, a
    surname alone keeps the person it took the first time ("Clinton": Hillary, the only
    Clinton then), though Bill Clinton, quoted since, now makes the name ambiguous."""
    paragraphs = SEED.read_text(encoding="utf-8").split("\n\n")
    quoted = next(p for p in paragraphs if "Kishida Fumio visited" in p)
    alone = next(p for p in paragraphs if "Tanaka cautioned" in p)
    texts = [
        quoted.replace("Kishida Fumio", "Hillary Clinton"),
        alone.replace("Tanaka", "Clinton"),
        "\n\n".join([quoted.replace("Kishida Fumio", "Bill Clinton")] * 3),
        alone.replace("Tanaka", "Clinton"),  # the second article again
    ]
    folder = tmp_path / "articles"
    folder.mkdir()
    for number, text in enumerate(texts):
        (folder / f"article-{number}.txt").write_text(text, encoding="utf-8")
    extract_to_folder([folder], tmp_path / "out", InProcess(), partition_bytes=100)
    records, _, _ = single_process([folder])
    first, again = (
        [r["speaker_id"] for r in records if r["doc_name"] == f"article-{n}.txt"] for n in (1, 3)
    )
    assert first == again and first  # what the test is about: the copy keeps its speaker
    assert list(files.read_statements(tmp_path / "out")) == records  # speakers, ids and all
