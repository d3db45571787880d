"""Reading corpus files: rows per second and peak memory of ``argmap.io.corpus.read_corpus``.

    python benchmarks/corpus_read.py [--gb 2] [--formats jsonl,csv,parquet] [--keep DIR]

Writes a synthetic corpus of about ``--gb`` gigabytes per format (articles of ~4 kB made from
the seed article's paragraphs, each with a title, a date, an outlet, a URL and two authors, in
the news-please shape: ``maintext``, ``title``, ``date_publish``, ``source_domain``, ``url``,
``authors``), then reads each in a child process of its own, through ``read_corpus`` (every
row made a ``Document`` with its metadata, nothing kept), and prints rows, seconds, rows/s,
MB/s of file and the child's peak RSS (``ru_maxrss``: the whole process, at its highest).
The empty interpreter with argmap's reader imported is measured the same way, for comparison.

Figures only; nothing is asserted. The files go to a temporary folder, removed afterwards
unless ``--keep DIR`` names one.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "japan-us-integration.txt"
OUTLETS = ["example.com", "nytimes.com", "The Example Times", "kyodonews.net", "The Post"]
NAMES = ["Ann Lee", "Bo Chen", "Cy Diaz", "Dee Fox", "Eve Kato", "Fumi Sato"]

PROBE = """
import json, resource, sys, time
from argmap.io.corpus import read_corpus
started = time.perf_counter()
rows = chars = 0
for document in read_corpus(sys.argv[1]):
    rows += 1
    chars += len(document.text)
print(json.dumps({"rows": rows, "chars": chars, "seconds": time.perf_counter() - started,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def articles(count: int, seed: int = 0):
    """``count`` rows in the news-please shape, made of the seed article's paragraphs."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rng = random.Random(seed)
    for n in range(count):
        text = "\n\n".join(rng.sample(paragraphs, 8))
        yield {
            "maintext": f"Article {n}.\n\n{text}",
            "title": f"Article {n}: {paragraphs[n % len(paragraphs)][:60]}",
            "date_publish": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d} {n % 24:02d}:00:00",
            "source_domain": OUTLETS[n % len(OUTLETS)],
            "url": f"https://{OUTLETS[n % len(OUTLETS)].replace(' ', '')}/{n}",
            "authors": [NAMES[n % len(NAMES)], NAMES[(n + 1) % len(NAMES)]],
        }


def write(kind: str, path: Path, target_bytes: int) -> int:
    """Write a corpus of about ``target_bytes`` to ``path``; returns its rows."""
    rows = 0
    if kind == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        writer = None
        try:  # uncompressed, one row group of 5,000 rows at a time, until the file is big enough
            while writer is None or path.stat().st_size < target_bytes:
                table = pa.Table.from_pylist(list(articles(5000, seed=rows)))
                if writer is None:
                    writer = pq.ParquetWriter(path, table.schema, compression="none")
                writer.write_table(table)
                rows += 5000
        finally:
            if writer is not None:
                writer.close()
        return rows
    import csv

    with open(path, "w", encoding="utf-8", newline="") as stream:
        out = csv.writer(stream) if kind == "csv" else None
        if out is not None:
            out.writerow(["maintext", "title", "date_publish", "source_domain", "url", "authors"])
        while stream.tell() < target_bytes:
            for row in articles(5000, seed=rows):
                if out is not None:
                    out.writerow([*list(row.values())[:5], "; ".join(row["authors"])])
                else:
                    stream.write(json.dumps(row) + "\n")
            rows += 5000
    return rows


def measure(path: Path | None) -> dict:
    code = PROBE if path is not None else PROBE.replace("read_corpus(sys.argv[1])", "[]")
    done = subprocess.run(
        [sys.executable, "-c", code, *([str(path)] if path else [])],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gb", type=float, default=2.0, help="size of each corpus file")
    parser.add_argument("--formats", default="jsonl,csv,parquet")
    parser.add_argument("--keep", metavar="DIR", help="write the files here and keep them")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="argmap-corpus-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    base = measure(None)
    print(f"interpreter with the reader imported: peak {base['peak_mb']:.0f} MB")
    try:
        for kind in args.formats.split(","):
            path = folder / f"corpus.{kind}"
            started = time.perf_counter()
            rows = write(kind, path, int(args.gb * 2**30))
            size = path.stat().st_size / 2**20
            print(
                f"{kind}: wrote {rows:,} rows, {size:,.0f} MB in "
                f"{time.perf_counter() - started:.0f} s"
            )
            found = measure(path)
            print(
                f"{kind}: read {found['rows']:,} rows in {found['seconds']:.1f} s: "
                f"{found['rows'] / found['seconds']:,.0f} rows/s, "
                f"{size / found['seconds']:,.0f} MB/s of file; peak {found['peak_mb']:.0f} MB"
            )
            if not args.keep:
                path.unlink()
    finally:
        if not args.keep:
            for leftover in folder.glob("corpus.*"):
                leftover.unlink()
            folder.rmdir()


if __name__ == "__main__":
    main()
