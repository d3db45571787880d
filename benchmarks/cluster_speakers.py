"""The memory of one speaker block: ``resolve_block`` run again, alone in a fresh process, on
the work files a run kept (``benchmarks/cluster_synthetic.py --keep-work --output DIR``).

    python benchmarks/cluster_speakers.py DIR [--block N] [--trace]

Resolves the largest block (by mentions; or block ``--block``) in a child process and prints
its mentions, the child's resident memory before the task (Python, argmap and pyarrow
imported) and its peak (``ru_maxrss``), the time, and a digest of the rows it wrote (the
resolved speakers per partition and the block's speakers), to compare two versions of the
code: the child runs with ``PYTHONHASHSEED`` fixed (``--hash-seed``), because the registry's
choices among a name's tokens follow set order (see the benchmarks page). With ``--trace``,
tracemalloc's peak of Python allocations too (slower). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def block_sizes(work: Path) -> dict[int, int]:
    """Each block's mentions, from the Parquet footers of its shuffle files."""
    import pyarrow.parquet as pq

    sizes = {}
    for folder in sorted((work / "shuffle").glob("block-*")):
        number = int(folder.name.split("-")[1])
        sizes[number] = sum(pq.ParquetFile(p).metadata.num_rows for p in folder.glob("part-*"))
    return sizes


def digest(output: Path, block: int) -> str:
    """A digest of the rows of the files resolving ``block`` writes (not of their bytes:
    Parquet files hold their writer's version)."""
    import hashlib

    import pyarrow.parquet as pq

    found = hashlib.sha256()
    paths = [*output.glob(f"_work/resolved/part-*/block-{block:05d}.parquet")]
    paths += [*output.glob(f"speakers/part-{block:05d}-block.*")]
    for path in sorted(paths):
        rows = pq.read_table(path).to_pylist() if path.suffix == ".parquet" else path.read_text()
        found.update(str(path.relative_to(output)).encode())
        found.update(json.dumps(rows, sort_keys=True).encode())
    return found.hexdigest()[:16]


def child(output: Path, block: int, trace: bool) -> None:
    """Run in the child: resolve the block, print what it took as JSON."""
    import pyarrow  # noqa: F401

    from argmap.cluster import tasks
    from argmap.extraction import corpus  # noqa: F401

    with open("/proc/self/statm") as statm:
        before = int(statm.read().split()[1]) * 4096 / 2**20
    from argmap.io import statement_files as files

    manifest = json.loads((output / files.MANIFEST).read_text())
    job = tasks.Job(str(output), manifest["format"])
    if trace:
        import tracemalloc

        tracemalloc.start()
    started = time.process_time()
    speakers = tasks.resolve_block(block, job)
    seconds = time.process_time() - started
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if trace else None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "before": before,
                "peak": peak,
                "seconds": seconds,
                "speakers": speakers,
                "traced": traced,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="a results folder with its _work kept")
    parser.add_argument("--block", type=int, help="the block (default: the largest)")
    parser.add_argument("--trace", action="store_true", help="tracemalloc's peak too")
    parser.add_argument("--hash-seed", default="0", help="the child's PYTHONHASHSEED")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.output, args.block, args.trace)
        return
    import os

    sizes = block_sizes(args.output / "_work")
    if not sizes:
        sys.exit(f"{args.output}: no speaker blocks kept (run with --keep-work)")
    block = args.block if args.block is not None else max(sizes, key=lambda b: sizes[b])
    command = [sys.executable, __file__, str(args.output), "--block", str(block), "--child"]
    found = json.loads(
        subprocess.run(
            command + (["--trace"] if args.trace else []),
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": args.hash_seed},
        ).stdout
    )
    print(
        f"block {block}: {sizes[block]} of {sum(sizes.values())} mentions, "
        f"{found['speakers']} speakers; {found['seconds']:.1f} s CPU; RSS before "
        f"{found['before']:.0f} MB, peak {found['peak']:.0f} MB"
        + (f"; tracemalloc peak {found['traced']:.0f} MB" if found["traced"] else "")
        + f"; rows written: digest {digest(args.output, block)} (hash seed {args.hash_seed})"
        + f"; load {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
