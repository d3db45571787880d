"""A synthetic corpus of a million articles in one Parquet file, extracted on a local Dask
cluster: peak memory per worker, statements per second per core.

    python benchmarks/cluster_synthetic.py [--articles 1000000] [--file PATH]
        [--run 20000] [--workers 2] [--output DIR]

The corpus (written once to ``--file``, kept for later runs) is made of the paragraphs of the
seed article and of the 840 PolNeAR train articles, 6 to 10 drawn at random per article, with
the people's names varied: in each article the 40 names PolNeAR quotes most (Trump, Clinton,
Sanders ...) and their first names become names drawn from 300 given names and 3,000
family names (900,000 people), so the speakers grow with the corpus as in a real news crawl.
Each row has the news-please columns (``maintext``, ``title``, ``date_publish``,
``source_domain``, ``url``, ``authors``), 2,000 rows a row group.

Then ``--run`` articles of it (the first row groups: a measured fraction when the whole is
too long for the machine) are extracted with ``argmap.cluster.extract_to_folder`` on a local
cluster of ``--workers`` processes (one thread each), reading the file as a stream, a row
group at a time. Printed: wall time, statements, documents; statements per second per core
(statements / (wall x workers)) and per second of worker compute (Dask's task stream); each
worker's peak resident memory (``ru_maxrss`` in the worker, read at the end: the highest it
reached) and the driver's, and the largest worker memory sampled every half second in each
phase (extract, blocks, speakers, join); the size of the speaker blocking graph (distinct
keys), which is what the driver holds for the whole corpus; and the time a whole million
would take at the measured rate. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.cpu_check import reference_seconds  # noqa: E402

SEED = REPO / "seeds" / "japan-us-integration.txt"
POLNEAR_TRAIN = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"
ROW_GROUP = 2000
OUTLETS = [
    "breitbart.com",
    "nytimes.com",
    "washingtonpost.com",
    "usatoday.com",
    "foxnews.com",
    "huffingtonpost.com",
    "politico.com",
    "thehill.com",
]
#: The names PolNeAR quotes most, varied in each synthetic article.
FAMOUS = (
    "Trump Clinton Sanders Cruz Rubio Bush Obama Kasich Carson Christie Fiorina Paul Huckabee "
    "Graham Walker Ryan McConnell Biden Pence Kaine Romney Santorum Pataki Jindal Perry Gilmore "
    "O'Malley Webb Chafee Lessig Priebus Conway Lewandowski Manafort Podesta Mook Reid Pelosi "
    "Schumer Warren"
).split()
FIRST = (
    "Donald Hillary Bernie Ted Marco Jeb Barack John Ben Chris Carly Rand Mike Lindsey "
    "Scott Paul Mitch Joe Tim Mitt Rick George Bobby Martin Jim Lincoln Lawrence Reince "
    "Kellyanne Corey Robby Harry Nancy Chuck Elizabeth"
).split()
GIVEN = [
    a + b
    for a in "Al Bea Cal Dar El Fen Gil Hal Ines Jo Kel Lor Mar Nor Ol Pia Ros Sal Tam Vic".split()
    for b in "an ice o ia ena y elle ard son is ette ton a win".split()
][:300]
FAMILY = [
    a + b
    for a in (
        "Ash Bar Cor Dun Eld Fair Gar Hal Ing Kirk Lang Mor Nor Okon Pel Quin Rad Stan "
        "Tor Ul Vane Wal Yar Zell Ab Bren Cal Dor Em Fitz"
    ).split()
    for b in (
        "wood ford ley man ton ridge field berg sen ski ova ari ez ino ard well bury more "
        "stein croft hall ham low rick son vik dale mont ray ter"
    ).split()
]
FAMILY = [name.capitalize() for name in FAMILY][:3000]


def paragraph_pool() -> list[str]:
    """The paragraphs of the seed and of PolNeAR train (those of 40 characters or more)."""
    texts = [SEED.read_text(encoding="utf-8")]
    if POLNEAR_TRAIN.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(POLNEAR_TRAIN.glob("*.txt"))]
    return [p.strip() for t in texts for p in t.split("\n\n") if len(p.strip()) >= 40]


def rows(count: int, seed: int = 15):
    """``count`` synthetic articles as rows of the news-please shape."""
    pool = paragraph_pool()
    rng = random.Random(seed)
    names = re.compile(r"\b(" + "|".join(map(re.escape, FAMOUS + FIRST)) + r")\b")
    for n in range(count):
        chosen = rng.sample(pool, rng.randint(6, 10))
        cast: dict[str, str] = {}

        def vary(match: re.Match, cast=cast) -> str:
            word = match.group(1)
            if word not in cast:
                cast[word] = rng.choice(GIVEN if word in FIRST else FAMILY)
            return cast[word]

        text = names.sub(vary, "\n\n".join(chosen))
        outlet = OUTLETS[n % len(OUTLETS)]
        yield {
            "maintext": text,
            "title": text[: text.find("\n")][:90] if "\n" in text else text[:90],
            "date_publish": f"20{15 + n % 3}-{1 + n % 12:02d}-{1 + n % 28:02d}",
            "source_domain": outlet,
            "url": f"https://{outlet}/{n}",
            "authors": [f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"],
        }


def write_corpus(path: Path, count: int) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    started = time.perf_counter()
    temporary = path.with_suffix(".tmp")
    writer = None
    batch: list[dict] = []
    for row in rows(count):
        batch.append(row)
        if len(batch) == ROW_GROUP:
            table = pa.Table.from_pylist(batch)
            writer = writer or pq.ParquetWriter(temporary, table.schema)
            writer.write_table(table, row_group_size=ROW_GROUP)
            batch = []
    if batch:
        table = pa.Table.from_pylist(batch)
        writer = writer or pq.ParquetWriter(temporary, table.schema)
        writer.write_table(table, row_group_size=ROW_GROUP)
    if writer is not None:
        writer.close()
    temporary.replace(path)
    print(
        f"wrote {count} articles to {path} ({path.stat().st_size / 1e9:.2f} GB) in "
        f"{time.perf_counter() - started:.0f} s"
    )


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    """This process's resident memory now (run on each worker)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def sample(client, samples: list, stop) -> None:
    """Every worker's resident memory each half second, with the time, until ``stop``."""
    while not stop.wait(0.5):
        try:
            samples.append((time.perf_counter(), max(client.run(rss_mb).values())))
        except Exception:  # a worker restarting: skip this sample
            continue


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--file", default=str(Path(tempfile.gettempdir()) / "argmap-1m.parquet"))
    parser.add_argument("--run", type=int, default=20_000, help="articles to extract (0: all)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--output", help="the results folder (default: a temporary one)")
    parser.add_argument(
        "--keep-work",
        action="store_true",
        help="keep the work files (for benchmarks/cluster_speakers.py)",
    )
    args = parser.parse_args()
    path = Path(args.file)
    if not path.exists():
        write_corpus(path, args.articles)
    import pyarrow.parquet as pq
    from distributed import Client, LocalCluster

    from argmap.cluster import DaskExecutor, extract_to_folder
    from argmap.cluster.plan import plan

    metadata = pq.ParquetFile(path).metadata
    total = metadata.num_rows
    print(
        f"{path}: {total} articles in {metadata.num_row_groups} row groups, "
        f"{path.stat().st_size / 1e9:.2f} GB; {os.cpu_count()} cores, load "
        f"{os.getloadavg()[0]:.1f}; cpu check {reference_seconds():.3f} s"
    )
    started = time.perf_counter()
    partitions = plan([path], [])
    print(f"planned {len(partitions)} partitions in {time.perf_counter() - started:.2f} s")
    if args.run:
        wanted, held, chosen = args.run, 0, []
        for part in partitions:
            if held >= wanted:
                break
            chosen.append(part)
            held += sum(metadata.row_group(g).num_rows for g in part.row_groups or ())
        partitions = chosen
    output = Path(args.output or tempfile.mkdtemp(prefix="argmap-synthetic-"))
    cluster = LocalCluster(
        n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = Client(cluster)
    try:
        client.get_task_stream(start=time.time())  # records tasks from now on
        samples: list[tuple[float, float]] = []
        stop = threading.Event()
        sampler = threading.Thread(target=sample, args=(client, samples, stop), daemon=True)
        began = time.time()
        started = time.perf_counter()
        sampler.start()
        report = extract_to_folder(
            [path], output, DaskExecutor(client), partitions=partitions, keep_work=args.keep_work
        )
        wall = time.perf_counter() - started
        stop.set()
        sampler.join()
        stream = client.get_task_stream(start=began)
        peaks = client.run(peak_rss_mb)
    finally:
        client.close()
        cluster.close()
    compute = sum(
        part["stop"] - part["start"]
        for task in stream
        for part in task.get("startstops", ())
        if part["action"] == "compute"
    )
    per_core = report.statements / (wall * args.workers)
    print(
        f"{report.documents} articles ({report.documents / total:.1%} of the file), "
        f"{report.statements} statements, {report.speakers} speakers, "
        f"{len(partitions)} partitions, {report.blocks} speaker blocks (largest "
        f"{report.largest_block} of {report.mentions} mentions, {report.keys} distinct "
        f"blocking keys) in {wall:.0f} s; load "
        f"{os.getloadavg()[0]:.1f}"
    )
    print("  phases: " + ", ".join(f"{k} {v:.1f} s" for k, v in report.seconds.items()))
    print(
        f"  {per_core:.1f} statements/s per core (wall x {args.workers} workers); "
        f"{report.statements / compute:.1f} per second of worker compute; "
        f"{report.documents / wall:.1f} articles/s"
    )
    at, phases = started, []
    for phase, seconds in report.seconds.items():
        held = [mb for when, mb in samples if at <= when < at + seconds]
        phases.append(f"{phase} {max(held, default=0):.0f}")
        at += seconds
    print("  largest worker RSS sampled in each phase (MB): " + ", ".join(phases))
    print(
        "  peak memory per worker (MB): "
        + ", ".join(f"{mb:.0f}" for mb in peaks.values())
        + f"; driver {peak_rss_mb():.0f} MB"
    )
    if report.documents < total:
        hours = total / report.documents * wall / 3600
        print(
            f"  the whole file ({total} articles) at this rate: {hours:.1f} h on "
            f"{args.workers} workers ({hours * args.workers:.1f} core-hours)"
        )
    print(f"results: {output}")


if __name__ == "__main__":
    main()
