"""``argmap add --statements`` (results of ``argmap extract --output`` stored without
extracting again) against ``argmap add`` of the same articles; and ingesting 100,000
statements.

    python benchmarks/ingest_speed.py [--articles PATH] [--codebook FILE]
    python benchmarks/ingest_speed.py --folder RESULTS [--statements 100000] [--codebook FILE]
        [--match-on-ingest]

Each command runs whole in a child process (wall seconds, CPU seconds, the seconds its main
thread waited for a core while runnable, from ``/proc/PID/schedstat``, and peak resident
memory: on a shared machine the CPU time is the steadier figure), into a fresh workspace
made with ``argmap init --codebook``:

- by default, on ``--articles`` (the 840 PolNeAR train articles): ``argmap extract PATH -o
  DIR --codebook FILE`` (once, to make the folder; its suggestions are computed there), then
  ``argmap add PATH`` and ``argmap add --statements DIR`` (``--repeat`` times, alternated,
  the median), and the ratio of the two adds; and ``argmap add --statements`` of the folder's
  first document alone (with every speaker of the folder): what any run costs (start-up,
  imports, opening the workspace, reading the speakers), which bounds the ratio;
- with ``--folder``: the first parts of that results folder holding at least
  ``--statements`` statements are copied to a folder of their own, their restatements
  matched and stored with them in a child process, as ``argmap extract --output`` does
  (its CPU seconds printed), which ``argmap add --statements`` stores (with ``--codebook``
  only if the folder was extracted with it: otherwise the suggestions are asked for while
  storing, as ``add`` does); with ``--match-on-ingest``, left for the ingest to match.

Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
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
CODEBOOK = REPO / "seeds" / "us-election-2016.codebook.toml"
#: Bytecode written and read, as an installed argmap has it (else every changed module is
#: compiled again in every run: a tenth of a second of add --statements).
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(*argv: object) -> tuple[float, float, str, float]:
    """(wall seconds, peak MB, what it said and its CPU seconds) of ``argmap ARGV`` in a child
    process; what it said ends with its CPU seconds and how long it waited for a core."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-m", "argmap", *map(str, argv)],
            stdout=out,
            stderr=err,
            cwd=REPO,
            env=ENVIRONMENT,
        )
        os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)  # ended, not yet reaped
        seconds = time.monotonic() - start
        waited = _run_queue_seconds(child.pid)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if child.returncode not in (0, 1):
        raise SystemExit(f"argmap {' '.join(map(str, argv))} failed:\n{stderr}")
    said = stdout.strip().splitlines() or [""]
    cpu = usage.ru_utime + usage.ru_stime
    waiting = "" if waited is None else f", {waited:.1f} s waiting for a core"
    return seconds, usage.ru_maxrss / 1024, f"{said[0]} [{cpu:.2f} s CPU{waiting}]", cpu


def _run_queue_seconds(pid: int) -> float | None:
    """How long a process's main thread was runnable but not running (Linux schedstat)."""
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return None


def workspace(folder: Path, codebook: str | None) -> Path:
    options = ["--codebook", codebook] if codebook else []
    subprocess.run(
        [sys.executable, "-m", "argmap", "init", str(folder), *options],
        check=True,
        capture_output=True,
        cwd=REPO,
        env=ENVIRONMENT,
    )
    return folder


def subset(folder: Path, statements: int, target: Path) -> int:
    """Copy the first parts of ``folder`` holding ``statements`` statements or more."""
    from argmap.io import statement_files as files

    held = 0
    for table in ("statements", "documents", "speakers"):
        (target / table).mkdir(parents=True)
    for path in files.parts(folder, "statements"):
        if held >= statements:
            break
        held += len(files.read_part(path, "statements"))
        shutil.copy(path, target / "statements" / path.name)
        shutil.copy(folder / "documents" / path.name, target / "documents" / path.name)
    for path in files.parts(folder, "speakers"):
        shutil.copy(path, target / "speakers" / path.name)
    manifest = files.read_manifest(folder) or {}
    manifest.pop(files.RESTATEMENTS, None)  # (the whole folder's: matched again below)
    files.write_manifest(target, {**manifest, "statements": held})
    return held


def match_restatements(folder: Path) -> str:
    """Match a folder's restatements and store them with it, as ``argmap extract --output``
    does, in a child process: what it found and its CPU seconds."""
    code = (
        "import resource, sys; from argmap.store.ingest import write_folder_restatements; "
        "n = write_folder_restatements(sys.argv[1]); "
        "u = resource.getrusage(resource.RUSAGE_SELF); "
        "print(f'{n} restatements, {u.ru_utime + u.ru_stime:.2f} s CPU, "
        "peak {u.ru_maxrss / 1024:.0f} MB')"
    )
    found = subprocess.run(
        [sys.executable, "-c", code, str(folder)],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=ENVIRONMENT,
    )
    return found.stdout.strip()


def first_document(folder: Path, target: Path) -> None:
    """A results folder of ``folder``'s first document and its statements, with every
    speaker of ``folder``."""
    from argmap.io import statement_files as files
    from argmap.store.ingest import write_folder_restatements

    document = files.read_part(files.parts(folder, "documents")[0], "documents")[0]
    statements = [
        row
        for row in files.read_part(files.parts(folder, "statements")[0], "statements")
        if row["document"] == document["id"]
    ]
    for table, rows in (("documents", [document]), ("statements", statements)):
        files.write_part(target / files.part_name(table, 0, "parquet"), table, rows, "parquet")
    shutil.copytree(folder / "speakers", target / "speakers")
    manifest = {**(files.read_manifest(folder) or {}), "statements": len(statements)}
    manifest.pop(files.RESTATEMENTS, None)
    files.write_manifest(target, manifest)
    write_folder_restatements(target)  # as argmap extract --output does


def median_of(runs: list[tuple[float, float, str, float]]) -> tuple[float, float, str, float]:
    """The run of median CPU time (the later of the two middle ones)."""
    return sorted(runs, key=lambda run: run[3])[len(runs) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", default=str(POLNEAR_TRAIN))
    parser.add_argument("--codebook", default=None)
    parser.add_argument("--folder")
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each add (alternated)")
    parser.add_argument(
        "--match-on-ingest",
        action="store_true",
        help="with --folder: leave the restatements for the ingest to match",
    )
    args = parser.parse_args()
    print(
        f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; cpu check "
        f"{reference_seconds():.3f} s"
    )
    work = Path(tempfile.mkdtemp(prefix="argmap-ingest-"))
    try:
        if args.folder:
            held = subset(Path(args.folder), args.statements, work / "results")
            if not args.match_on_ingest:
                matched = match_restatements(work / "results")
                print(f"matched as argmap extract --output does: {matched}")
            manifest = json.loads((work / "results" / "_argmap.json").read_text())
            seconds, peak, said, _ = timed(
                "add",
                "--statements",
                work / "results",
                "-w",
                workspace(work / "ws", args.codebook),
                "--progress",
                "none",
            )
            print(
                f"argmap add --statements of {held} statements "
                f"({'with' if manifest.get('codebook') else 'without'} the folder's "
                f"suggestions, workspace {'with' if args.codebook else 'without'} a "
                f"codebook): {seconds:.1f} s, {held / seconds:.0f} statements/s, peak "
                f"{peak:.0f} MB\n  {said}"
            )
            return
        codebook = args.codebook or str(CODEBOOK)
        seconds, peak, said, _ = timed(
            "extract", args.articles, "-o", work / "results", "--codebook", codebook
        )
        print(
            f"argmap extract -o --codebook (one process): {seconds:.1f} s, peak {peak:.0f} MB"
            f"\n  {said}"
        )
        first_document(work / "results", work / "one")
        adds, ingests, ones = [], [], []
        for run in range(args.repeat):
            for runs, what, folder in (
                (adds, "add", None),
                (ingests, "ingested", work / "results"),
                (ones, "one", work / "one"),
            ):
                target = workspace(work / f"{what}-{run}", codebook)
                given = [args.articles] if folder is None else ["--statements", folder]
                runs.append(timed("add", *given, "-w", target, "--progress", "none"))
        add, peak, said, add_cpu = median_of(adds)
        print(f"argmap add: {add:.1f} s, peak {peak:.0f} MB\n  {said}")
        ingest, peak, said, ingest_cpu = median_of(ingests)
        print(f"argmap add --statements: {ingest:.1f} s, peak {peak:.0f} MB\n  {said}")
        one, peak, said, _ = median_of(ones)
        print(f"argmap add --statements of the first document: {one:.1f} s\n  {said}")
        spread = ", ".join(f"{run[3]:.2f}" for run in sorted(ingests, key=lambda run: run[3]))
        print(
            f"add / add --statements: {add / ingest:.1f}x wall, {add_cpu / ingest_cpu:.1f}x CPU "
            f"({'median of ' + str(args.repeat) + ' runs; ' if args.repeat > 1 else ''}"
            f"add --statements CPU {spread} s); load {os.getloadavg()[0]:.1f}"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
