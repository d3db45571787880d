"""One process against a local Dask cluster: ``argmap extract`` of a folder (default the 840
PolNeAR train articles) to a results folder.

    python benchmarks/cluster_speed.py [PATH] [--workers 2] [--partition-mb 0.25] [--repeat 1]

Three runs of the same extraction, each timed whole (wall clock) in this process:

1. ``extract_to_folder`` in this process (``InProcess``): every task one after the other;
2. the same on a local cluster of ``--workers`` worker processes (``DaskExecutor``), the
   cluster started beforehand (its start is timed apart);
3. ``argmap extract PATH`` to standard output (the single process as users run it), in a
   child process, for reference.

For the cluster run it prints the time of each phase and, from Dask's task stream, the
seconds the workers spent computing tasks: the overhead per task is the cluster's wall time
times its workers, less that compute time, divided by the tasks (scheduling, sending
arguments and results, waiting for the slowest task of a phase). It also prints the CPU
seconds of the workers (``getrusage`` in each) and of this process against the single
process's: their difference per task is the CPU the cluster costs (each worker importing
argmap and building its models, pickling, the scheduler's messages), and the workers' CPU
over the wall time is how many cores the run had (on a shared machine, fewer than its
workers). The machine's load and the
CPU check (``cpu_check.py``) are printed with the figures. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.cpu_check import reference_seconds  # noqa: E402

POLNEAR_TRAIN = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"


def cpu_seconds() -> float:
    """This process's CPU time (user and system): run on each worker."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", default=str(POLNEAR_TRAIN))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-mb", type=float, default=0.25)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    from argmap.cluster import DaskExecutor, InProcess, extract_to_folder

    size = int(args.partition_mb * (1 << 20))
    path = Path(args.path)
    megabytes = sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6
    print(
        f"{path}: {megabytes:.2f} MB; {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; "
        f"cpu check {reference_seconds():.3f} s"
    )
    work = Path(tempfile.mkdtemp(prefix="argmap-cluster-"))
    try:
        for attempt in range(args.repeat):
            started, cpu = time.perf_counter(), time.process_time()
            report = extract_to_folder([path], work / "one", InProcess(), partition_bytes=size)
            one = time.perf_counter() - started
            one_cpu = time.process_time() - cpu
            print(
                f"in process: {one:.1f} s ({one_cpu:.1f} s CPU), {report.documents} documents, "
                f"{report.statements} statements, {report.partitions} partitions, "
                f"{report.blocks} blocks; phases "
                + ", ".join(f"{k} {v:.1f}" for k, v in report.seconds.items())
            )
            started = time.perf_counter()
            cluster = LocalCluster(
                n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            client = Client(cluster)
            start_cluster = time.perf_counter() - started
            try:
                executor = DaskExecutor(client)
                before = client.run(cpu_seconds)
                client.get_task_stream(start=time.time())  # records tasks from now on
                began = time.time()
                started, cpu = time.perf_counter(), time.process_time()
                report = extract_to_folder([path], work / "many", executor, partition_bytes=size)
                many = time.perf_counter() - started
                driver_cpu = time.process_time() - cpu
                stream = client.get_task_stream(start=began)
                after = client.run(cpu_seconds)
            finally:
                client.close()
                cluster.close()
            compute = sum(
                part["stop"] - part["start"]
                for task in stream
                for part in task.get("startstops", ())
                if part["action"] == "compute"
            )
            tasks = len(stream)
            overhead = (many * args.workers - compute) / max(1, tasks)
            workers_cpu = sum(after[w] - before[w] for w in after if w in before)
            cpu_overhead = (workers_cpu + driver_cpu - one_cpu) / max(1, tasks)
            print(
                f"{args.workers} workers: {many:.1f} s (cluster start {start_cluster:.1f} s "
                "apart); phases " + ", ".join(f"{k} {v:.1f}" for k, v in report.seconds.items())
            )
            print(
                f"  {tasks} tasks, {compute:.1f} s computing on the workers (wall); overhead "
                f"{overhead * 1000:.0f} ms of worker time per task; speed-up {one / many:.2f}x "
                f"({one / (many + start_cluster):.2f}x with the cluster's start)"
            )
            print(
                f"  CPU: workers {workers_cpu:.1f} s + driver {driver_cpu:.1f} s against "
                f"{one_cpu:.1f} s in one process: {cpu_overhead * 1000:.0f} ms CPU per task; "
                f"parallelism {workers_cpu / many:.2f} cores of {args.workers}"
            )
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "argmap", "extract", str(path)],
                stdout=subprocess.DEVNULL,
                check=True,
                cwd=REPO,
            )
            print(
                f"argmap extract to stdout (one process, whole): "
                f"{time.perf_counter() - started:.1f} s; load {os.getloadavg()[0]:.1f}"
            )
            if attempt + 1 < args.repeat:
                shutil.rmtree(work / "one")
                shutil.rmtree(work / "many")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
