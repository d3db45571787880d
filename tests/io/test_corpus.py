"""Corpus files: one article a row in JSON Lines, CSV or Parquet, read as a stream with a
column mapping; a row without text is a warning naming the file and row."""

import csv
import gzip
import json
import os
import subprocess
import sys
import threading

import pytest

from argmap.io.corpus import count_rows, read_corpus
from argmap.io.reading import ReadError, count_files, load_documents

#: Rows in the shape news-please and CC-News give (one without text, one with a bad date).
ROWS = [
    {
        "maintext": '"We are with you," Kishida said in Washington.',
        "title": "Kishida in Congress",
        "date_publish": "2024-04-11 10:00:00",
        "source_domain": "example.com",
        "url": "https://example.com/kishida",
        "authors": ["Ann Lee", "Bo Chen"],
        "language": "en",
    },
    {
        "maintext": "",
        "title": "A photo gallery",
        "date_publish": None,
        "source_domain": "example.com",
        "url": "https://example.com/gallery",
        "authors": [],
        "language": "en",
    },
    {
        "maintext": "Tanaka warned that Japan risked becoming an instrument of US strategy.",
        "title": "Critics in Tokyo",
        "date_publish": "07/12/2024",
        "source_domain": "tokyo.example.jp",
        "url": None,
        "authors": ["Cy Diaz"],
        "language": "en",
    },
]


def _jsonl(path, rows=ROWS):
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _read(path, columns=None, **kwargs):
    warnings = []
    items = list(read_corpus(path, columns, warn=warnings.append, **kwargs))
    return items, warnings


def _check(path, items, warnings, *, text="maintext"):
    first, third = items
    assert first.name == f"{path.name}#1" and third.name == f"{path.name}#3"
    assert first.text == ROWS[0]["maintext"]
    meta = first.metadata
    assert (meta.title, meta.outlet, meta.authors, meta.published, meta.url, meta.language) == (
        "Kishida in Congress",
        "example.com",
        ("Ann Lee", "Bo Chen"),
        "2024-04-11T10:00:00",
        "https://example.com/kishida",
        "en",
    )
    # the row is known by its URL when the file is added again; the third has none: its row
    assert first.source_path == f"{path.resolve()}#url=https://example.com/kishida"
    assert third.source_path == f"{path.resolve()}#row=3"
    assert third.metadata.published is None
    assert third.read_warnings == (
        "row 3: published date '07/12/2024' is ambiguous: day/month or month/day "
        "(2024-12-07 or 2024-07-12?); write it as ISO 8601; left empty",
    )
    assert warnings == [f"{path}: row 2 has no text (column {text!r}); skipped"]


def test_json_lines_in_the_shape_of_news_please(tmp_path):
    path = _jsonl(tmp_path / "news.jsonl")
    _check(path, *_read(path))


def test_csv_and_gzipped_tsv(tmp_path):
    for name, delimiter, opener in (
        ("news.csv", ",", open),
        ("news.tsv.gz", "\t", gzip.open),
    ):
        path = tmp_path / name
        with opener(path, "wt", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, delimiter=delimiter)
            writer.writerow(ROWS[0])
            for row in ROWS:
                cells = dict(row, authors="; ".join(row["authors"]))  # a byline in a cell
                writer.writerow(["" if v is None else v for v in cells.values()])
        _check(path, *_read(path))


def test_a_long_article_in_a_csv_cell_is_read(tmp_path):
    path = tmp_path / "long.csv"
    text = "Kishida said the alliance matters. " * 10_000  # 350 kB: past csv's 128 kB limit
    path.write_text(f'text\n"{text}"\n', encoding="utf-8")
    [document], _ = _read(path)
    assert document.text == text


def test_parquet_read_by_batches_with_a_column_mapping(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    renamed = [
        {
            "body": r["maintext"],
            "headline": r["title"],
            "when": r["date_publish"],
            "site": r["source_domain"],
            "link": r["url"],
            "by": r["authors"],
            "lang": r["language"],
            "unused": "x" * 1000,
        }
        for r in ROWS
    ]
    path = tmp_path / "news.parquet"
    pq.write_table(pa.Table.from_pylist(renamed), path, row_group_size=2)
    columns = {"text": "body", "published": "when", "outlet": "site", "authors": "by"}
    _check(path, *_read(path, columns), text="body")
    assert count_rows(path) == 3 and count_files([path, path]) == 6
    # a partition of the file (its second row group) numbers its rows as a whole read does
    items, _ = _read(path, columns, row_groups=[1])
    assert [d.name for d in items] == [f"{path.name}#3"]


def test_parquet_timestamps_keep_their_zone_and_dates_stay_dates(tmp_path):
    from datetime import UTC, date, datetime

    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "typed.parquet"
    table = pa.table(
        {
            "text": ["Ann said so.", "Bo said so."],
            "published": pa.array(
                [datetime(2016, 3, 11, 14, 30, tzinfo=UTC), None], pa.timestamp("s", tz="UTC")
            ),
            "day": pa.array([None, date(2016, 3, 12)], pa.date32()),
        }
    )
    pq.write_table(table, path)
    first, second = (d for d in read_corpus(path, {"published": "published"}))
    assert first.metadata.published == "2016-03-11T14:30:00+00:00"
    second = next(iter(read_corpus(path, {"published": "day"}, row_groups=[0])))
    assert second.metadata.published is None  # the first row has no day
    days = [d.metadata.published for d in read_corpus(path, {"published": "day"})]
    assert days == [None, "2016-03-12"]


def test_without_pyarrow_parquet_is_one_line_saying_what_to_install(tmp_path, monkeypatch):
    path = tmp_path / "news.parquet"
    path.write_bytes(b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    [problem] = list(load_documents([path]))
    assert isinstance(problem, ReadError)
    assert str(problem) == f"{path}: reading Parquet needs pyarrow: pip install 'argmap[corpus]'"


def test_a_file_without_a_text_column_or_with_a_bad_row_is_said_once(tmp_path):
    path = _jsonl(tmp_path / "no-text.jsonl", [{"title": "A", "url": "u"}])
    [problem] = list(read_corpus(path))
    assert str(problem).startswith(f"{path}: no text column (one named text, maintext")
    path = tmp_path / "damaged.jsonl"
    path.write_text('{"text": "Ann said so."}\n{"text": "Bo sa\n[1, 2]\n{"text": "Cy said."}\n')
    items, warnings = _read(path)
    assert [d.text for d in items] == ["Ann said so.", "Cy said."]
    assert warnings[0].startswith(f"{path}: row 2: not JSON (")
    assert warnings[1] == f"{path}: row 3: not a JSON object; skipped"
    path = tmp_path / "mapped.jsonl"
    _jsonl(path, [{"body": "Ann said so."}])
    [problem] = list(read_corpus(path, {"text": "content"}))
    assert "no column 'content' for text (the columns: body" in str(problem)


def test_a_corpus_file_is_read_as_a_stream(tmp_path):
    """Structurally: the first document comes out while the writer is still holding back the
    rest of the file (a pipe), so the reader cannot be reading the whole file first."""
    for name in ("stream.jsonl", "stream.csv"):
        fifo = tmp_path / name
        os.mkfifo(fifo)
        first_read = threading.Event()

        def write(fifo=fifo, first_read=first_read):
            with open(fifo, "w", encoding="utf-8") as stream:
                if fifo.suffix == ".csv":
                    stream.write("text\n")
                    line = '"Row {} said so."\n'
                else:
                    line = json.dumps({"text": "Row {} said so."}) + "\n"
                stream.write(line.replace("{}", "1"))
                stream.flush()
                if not first_read.wait(timeout=20):
                    return  # the reader never yielded: it waits for the whole file
                for n in range(2, 1001):
                    stream.write(line.replace("{}", str(n)))

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        documents = read_corpus(fifo)
        first = next(documents)
        assert first.text == "Row 1 said so." and writer.is_alive()
        first_read.set()
        assert sum(1 for _ in documents) == 999
        writer.join(timeout=20)


MEMORY_PROBE = """
import json, resource, sys
from argmap.io.corpus import read_corpus
rows = 0
for document in read_corpus(sys.argv[1]):
    rows += 1
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"rows": rows, "peak_mb": peak}))
"""


@pytest.mark.parametrize("kind", ["jsonl", "parquet"])
def test_a_corpus_larger_than_memory_would_like_is_read_in_bounded_memory(tmp_path, kind):
    """A 200 MB corpus (50,000 articles of 4 kB) read in a fresh interpreter: its peak memory
    stays far below the file's size."""
    article = "The minister said the plan was historic, officials agreed. " * 68  # ~4 kB
    rows = 50_000
    path = tmp_path / f"big.{kind}"
    if kind == "jsonl":
        with open(path, "w", encoding="utf-8") as stream:
            for n in range(rows):
                stream.write(
                    json.dumps(
                        {
                            "text": f"{n}. {article}",
                            "url": f"https://x.org/{n}",
                            "date": "2016-03-11",
                            "source_domain": "x.org",
                        }
                    )
                    + "\n"
                )
    else:
        pa = pytest.importorskip("pyarrow")
        pq = pytest.importorskip("pyarrow.parquet")
        schema = pa.schema([("text", pa.string()), ("url", pa.string())])
        with pq.ParquetWriter(path, schema, compression="none") as writer:
            for start in range(0, rows, 5000):
                writer.write_table(
                    pa.table(
                        {
                            "text": [f"{n}. {article}" for n in range(start, start + 5000)],
                            "url": [f"https://x.org/{n}" for n in range(start, start + 5000)],
                        }
                    )
                )
    size_mb = path.stat().st_size / 2**20
    assert size_mb > 190
    baseline = json.loads(
        subprocess.run(
            [sys.executable, "-c", MEMORY_PROBE.replace("read_corpus(sys.argv[1])", "[]")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )["peak_mb"]
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE, str(path)], capture_output=True, text=True, check=True
    )
    measured = json.loads(done.stdout)
    assert measured["rows"] == rows
    # the interpreter with argmap's models and pyarrow, plus a batch: not the file
    assert measured["peak_mb"] - baseline < 120, (measured, baseline, size_mb)
