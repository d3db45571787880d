"""``argmap add --statements`` (results of ``argmap extract --output`` stored without
extracting again) against ``argmap add`` of the same articles; and ingesting 100,000
statements.

    python benchmarks/ingest_speed.py [--articles PATH] [--codebook FILE]
    python benchmarks/ingest_speed.py --folder RESULTS [--statements 100000] [--codebook FILE]

Each command runs whole in a child process under ``/usr/bin/time`` (wall seconds, CPU
seconds and peak resident memory: on a shared machine the CPU time is the steadier figure),
into a fresh workspace made with ``argmap init --codebook``:

- by default, on ``--articles`` (the 840 PolNeAR train articles): ``argmap extract PATH -o
  DIR --codebook FILE`` (once, to make the folder; its suggestions are computed there), then
  ``argmap add PATH`` and ``argmap add --statements DIR``, and the ratio of the two adds;
- with ``--folder``: the first parts of that results folder holding at least
  ``--statements`` statements are copied to a folder of their own, which ``argmap add
  --statements`` stores (with ``--codebook`` only if the folder was extracted with it:
  otherwise the suggestions are asked for while storing, as ``add`` does).

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
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.cpu_check import reference_seconds  # noqa: E402

POLNEAR_TRAIN = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"
CODEBOOK = REPO / "seeds" / "us-election-2016.codebook.toml"


def timed(*argv: object) -> tuple[float, float, str, float]:
    """(wall seconds, peak MB, what it said and its CPU seconds) of ``argmap ARGV`` in a child
    process."""
    found = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M %U %S", sys.executable, "-m", "argmap", *map(str, argv)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    seconds, kilobytes, user, system = found.stderr.strip().splitlines()[-1].split()
    if found.returncode not in (0, 1):
        raise SystemExit(f"argmap {' '.join(map(str, argv))} failed:\n{found.stderr}")
    said = found.stdout.strip().splitlines() or [""]
    cpu = float(user) + float(system)
    return float(seconds), int(kilobytes) / 1024, f"{said[0]} [{cpu:.1f} s CPU]", cpu


def workspace(folder: Path, codebook: str | None) -> Path:
    options = ["--codebook", codebook] if codebook else []
    subprocess.run(
        [sys.executable, "-m", "argmap", "init", str(folder), *options],
        check=True,
        capture_output=True,
        cwd=REPO,
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
    files.write_manifest(target, {**manifest, "statements": held})
    return held


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", default=str(POLNEAR_TRAIN))
    parser.add_argument("--codebook", default=None)
    parser.add_argument("--folder")
    parser.add_argument("--statements", type=int, default=100_000)
    args = parser.parse_args()
    print(
        f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; cpu check "
        f"{reference_seconds():.3f} s"
    )
    work = Path(tempfile.mkdtemp(prefix="argmap-ingest-"))
    try:
        if args.folder:
            held = subset(Path(args.folder), args.statements, work / "results")
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
        add, peak, said, add_cpu = timed(
            "add", args.articles, "-w", workspace(work / "by-add", codebook), "--progress", "none"
        )
        print(f"argmap add: {add:.1f} s, peak {peak:.0f} MB\n  {said}")
        ingest, peak, said, ingest_cpu = timed(
            "add",
            "--statements",
            work / "results",
            "-w",
            workspace(work / "ingested", codebook),
            "--progress",
            "none",
        )
        print(f"argmap add --statements: {ingest:.1f} s, peak {peak:.0f} MB\n  {said}")
        print(
            f"add / add --statements: {add / ingest:.1f}x wall, {add_cpu / ingest_cpu:.1f}x CPU; "
            f"load {os.getloadavg()[0]:.1f}"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
