"""What a worker holds after N extract tasks: the extract phase of a distributed extraction,
its workers' resident memory read after every task, on the synthetic corpus of
``benchmarks/cluster_synthetic.py``.

    python benchmarks/cluster_worker_memory.py [--run 200000] [--file PATH] [--workers 2]
        [--hold] [--every 25]

Runs ``argmap.cluster.tasks.extract_part`` on the file's first ``--run`` articles (a row
group a task) on a local cluster of ``--workers`` processes, as ``extract_to_folder`` does
(``DaskExecutor.each``: each result is taken, and forgotten by the cluster, as its task
ends), and prints every worker's RSS after each ``--every`` tasks and at the end. With
``--hold`` the phase keeps every task's future until all are done, as the executor did
before (a ``client.gather`` of them all): each worker then holds every result it computed.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def rss_mb() -> float:
    """This process's resident memory now (run on each worker)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", default=str(Path(tempfile.gettempdir()) / "argmap-1m.parquet"))
    parser.add_argument("--run", type=int, default=200_000, help="articles to extract")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--every", type=int, default=25, help="print after this many tasks")
    parser.add_argument("--hold", action="store_true", help="keep every future to the end")
    args = parser.parse_args()
    import pyarrow.parquet as pq
    from distributed import Client, LocalCluster, as_completed

    from argmap.cluster import DaskExecutor, tasks
    from argmap.cluster.plan import plan

    path = Path(args.file)
    metadata = pq.ParquetFile(path).metadata
    partitions, held = [], 0
    for part in plan([path], []):
        if held >= args.run:
            break
        partitions.append(part)
        held += sum(metadata.row_group(g).num_rows for g in part.row_groups or ())
    output = Path(tempfile.mkdtemp(prefix="argmap-worker-memory-"))
    cluster = LocalCluster(
        n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = Client(cluster)
    print(
        f"{held} articles, {len(partitions)} tasks on {args.workers} workers, "
        f"{'holding every future' if args.hold else 'each result released as taken'}; "
        f"load {os.getloadavg()[0]:.1f}"
    )
    try:
        started = time.perf_counter()
        print(f"  before: workers {_workers(client.run(rss_mb))} MB")
        job = client.scatter([tasks.Job(str(output), "parquet")], broadcast=True, hash=False)[0]
        if args.hold:
            futures = client.map(tasks.extract_part, partitions, job=job, pure=False)
            finished = as_completed(futures)
        else:
            finished = DaskExecutor(client).each(tasks.extract_part, partitions, job=job)
        for done, _ in enumerate(finished, 1):
            if done % args.every == 0 or done == len(partitions):
                print(
                    f"  after {done} tasks: workers {_workers(client.run(rss_mb))} MB "
                    f"({time.perf_counter() - started:.0f} s)",
                    flush=True,
                )
        print(f"  load {os.getloadavg()[0]:.1f}")
    finally:
        client.close()
        cluster.close()


def _workers(found: dict) -> str:
    return ", ".join(f"{mb:.0f}" for _, mb in sorted(found.items()))


if __name__ == "__main__":
    main()
