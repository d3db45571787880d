"""What agreement between reviewers costs the UI's status line (issue 16's walkthrough: "the board
shows agreement").

Builds (or reuses, with ``--dir`` holding one) a workspace of PolNeAR's dev articles
(../shared/data/polnear/dev/text, the us-election-2016 codebook) and a copy of it where
``--reviewers`` people label every statement: each gives the statement's "true" label (drawn
once per statement) with probability ``--agree``, else a label drawn at random (seeded). Then
measures, each in a fresh interpreter so that imports count:

* the store's read (``paired_labels``: one query) and the whole measure (``measure_agreement``:
  the read and alpha), the first call (which imports pydantic, numpy and krippendorff) and the
  median of the next ``--repeat``;
* the first screen (creating ``ArgmapApp`` to the board shown, headless at 160x48, as
  ui_speed.py times it) on the copy without labels, on the labelled copy with the app's measure
  turned off, and on the labelled copy as it is (the measure runs in a thread after the first
  paint), median of ``--runs``; and there, the app's start to alpha shown in the status line.

    python benchmarks/status_agreement.py [--dir DIR] [--reviewers 3] [--agree 0.7]
                                          [--runs 5] [--repeat 20] [--workspace FILE]

``--workspace FILE`` labels a copy of that workspace instead (the 100,000 statements of
ui_speed.py's synthetic workspace, say).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from argmap.store import WORKSPACE_FILE, Workspace  # noqa: E402

POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
CODEBOOK = ROOT / "seeds" / "us-election-2016.codebook.toml"


def build(
    folder: Path, reviewers: int, agree: float, source: Path | None = None, seed: int = 0
) -> tuple[Path, Path]:
    """(the workspace without people's labels, the labelled copy) in ``folder``, reused when
    there; ``source`` (a workspace file) instead of PolNeAR dev when given."""
    plain, labelled = folder / "plain", folder / "labelled"
    if source is not None:
        plain = source.parent
    elif not (plain / WORKSPACE_FILE).is_file():
        from argmap.codebook import load_codebook
        from argmap.io.reading import load_documents

        started = time.perf_counter()
        with Workspace.init(plain, codebook=load_codebook(CODEBOOK)) as ws:
            report = ws.add_documents(load_documents([POLNEAR_DEV]))
        print(
            f"built: {report.statements} statements of {len(report.added)} PolNeAR dev articles "
            f"in {time.perf_counter() - started:.0f} s"
        )
    if not (labelled / WORKSPACE_FILE).is_file():
        labelled.mkdir(parents=True, exist_ok=True)
        shutil.copy(plain / WORKSPACE_FILE, labelled / WORKSPACE_FILE)
        rng = random.Random(seed)
        started = time.perf_counter()
        with Workspace(labelled / WORKSPACE_FILE) as ws:
            labels = list(ws.codebook_outline.label_ids)
            ids = [row.id for row in ws.statements(limit=-1)]
            for statement in ids:
                truth = rng.choice(labels)
                for k in range(reviewers):
                    label = truth if rng.random() < agree else rng.choice(labels)
                    ws.set_stance(statement, label, annotator=f"reviewer{k + 1}")
        print(
            f"labelled: {len(ids)} statements by {reviewers} reviewers "
            f"({len(ids) * reviewers} labels) in {time.perf_counter() - started:.0f} s"
        )
    return plain / WORKSPACE_FILE, labelled / WORKSPACE_FILE


def child_measure(path: str, repeat: int) -> dict:
    """In a fresh interpreter: the read and the whole measure, first call and then median."""
    from argmap.store.views import paired_labels
    from argmap.tui.agreement import measure_agreement

    out: dict = {}
    with Workspace(path) as ws:
        for name, call in (("measure", measure_agreement), ("read", paired_labels)):
            started, cpu = time.perf_counter(), time.process_time()
            result = call(ws)
            first, first_cpu = time.perf_counter() - started, time.process_time() - cpu
            times, cpus = [], []
            for _ in range(repeat):
                started, cpu = time.perf_counter(), time.process_time()
                call(ws)
                times.append(time.perf_counter() - started)
                cpus.append(time.process_time() - cpu)
            out[name] = {
                "first_ms": first * 1000,
                "first_cpu_ms": first_cpu * 1000,
                "median_ms": statistics.median(times) * 1000,
                "median_cpu_ms": statistics.median(cpus) * 1000,
            }
            if name == "measure":
                out["agreement"] = result.text() if result else None
    return out


def child_screen(path: str, measured: bool, wait: bool) -> dict:
    """In a fresh interpreter: creating the app to the board shown, and with ``wait`` to alpha
    shown (with ``measured`` false the app does not measure agreement: the first screen as
    before)."""
    started = time.perf_counter()
    from argmap.tui.app import ArgmapApp

    if not measured:
        ArgmapApp.start_agreement = lambda self: None  # type: ignore[method-assign]

    async def go() -> dict:
        app = ArgmapApp(path)
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            board = time.perf_counter() - started
            cpu = time.process_time()
            alpha = None
            while wait and time.perf_counter() - started < 30:
                if app.agreement is not None and "α" in str(app.query_one("#status").render()):
                    alpha = time.perf_counter() - started
                    break
                await pilot.pause(0.01)
            return {
                "board_ms": board * 1000,
                "cpu_ms": cpu * 1000,
                "alpha_ms": alpha and alpha * 1000,
            }

    return asyncio.run(go())


def in_child(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, help="keep the workspaces here (reused when there)")
    parser.add_argument(
        "--workspace", type=Path, help="label a copy of this workspace file instead of PolNeAR dev"
    )
    parser.add_argument("--reviewers", type=int, default=3)
    parser.add_argument("--agree", type=float, default=0.7)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        what, path = args.child[0], args.child[1]
        if what == "measure":
            result = child_measure(path, args.repeat)
        else:
            result = child_screen(path, measured=what != "screen-off", wait=what == "alpha")
        print(json.dumps(result))
        return
    folder = args.dir or Path(tempfile.mkdtemp(prefix="status-agreement-"))
    plain, labelled = build(folder, args.reviewers, args.agree, args.workspace)
    measured = in_child("measure", str(labelled), "--repeat", str(args.repeat))
    print(f"labelled copy: {measured['agreement']}")
    for name, what in (("read", "paired_labels (one query)"), ("measure", "measure_agreement")):
        print(
            f"{what}: first call {measured[name]['first_ms']:.1f} ms "
            f"(CPU {measured[name]['first_cpu_ms']:.1f} ms), then median "
            f"{measured[name]['median_ms']:.1f} ms (CPU {measured[name]['median_cpu_ms']:.1f} ms)"
        )
    variants = (
        ("without labels", "screen", plain),
        ("labelled, agreement not measured", "screen-off", labelled),
        ("labelled", "alpha", labelled),
    )
    runs: dict[str, list[dict]] = {name: [] for name, _, _ in variants}
    for _ in range(args.runs):  # the variants in turn, so that the machine's load hits each
        for name, what, path in variants:
            runs[name].append(in_child(what, str(path)))
    for name, done in runs.items():
        line = (
            f"first screen, {name}: median {statistics.median(r['board_ms'] for r in done):.0f} ms "
            f"(CPU {statistics.median(r['cpu_ms'] for r in done):.0f} ms)"
        )
        if name == "labelled":
            line += (
                f", alpha shown at median {statistics.median(r['alpha_ms'] for r in done):.0f} ms"
            )
        print(f"{line} (n={args.runs})")


if __name__ == "__main__":
    main()
