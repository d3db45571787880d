"""Benchmark the terminal UI on a workspace of 100,000 statements.

Run: python benchmarks/ui_speed.py [--dir DIR] [--documents N] [--per-document K] [--repeat R]

Builds (or reuses, with ``--dir`` holding one) the synthetic workspace of
``workspace_scale.py`` (its article builder, added through ``Workspace.add_documents``),
then runs the app headless (``App.run_test``) at 160x48 and measures:

* first screen: from creating ``ArgmapApp`` to the board shown (the first idle frame);
* cursor move in the statements table and in the documents view: the key's handler
  plus rendering every visible line of the widget, ``--repeat`` times, p50 / p95;
* stance change from the statements table (``1``): the edit through the store, the
  table's reload and the redraw of its visible lines, p50 / p95;
* filtering the statements table: a field filter (``stance:pro``), a speaker filter,
  and fuzzy text (rapidfuzz over every statement's text).

Targets (issue 5): first screen < 1 s; cursor and stance < 50 ms p95; filter < 200 ms.
Handler and render are timed directly, not ``pilot.press`` (which waits for idle twice).
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from cpu_check import reference_seconds

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from speaker_resolution import make_people  # noqa: E402
from workspace_scale import CODEBOOK, article  # noqa: E402

from argmap.codebook import parse_codebook  # noqa: E402
from argmap.store import WORKSPACE_FILE, Workspace  # noqa: E402


def build(folder: Path, documents: int, per_document: int, people: int, seed: int) -> Path:
    """The synthetic workspace in ``folder`` (reused when it exists)."""
    path = folder / WORKSPACE_FILE
    if path.is_file():
        return path
    rng = random.Random(seed)
    pool = make_people(people, rng)
    start = time.perf_counter()
    with Workspace.init(folder, codebook=parse_codebook(CODEBOOK)) as ws:
        report = ws.add_documents(article(n, pool, per_document, rng) for n in range(documents))
    print(f"built: {report.statements} statements in {len(report.added)} documents in "
          f"{time.perf_counter() - start:.0f} s")
    return path


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def percentiles(samples: list[tuple[float, float]]) -> str:
    """'p50 / p95' of wall times, then p95 of CPU times (the figure to compare on a busy machine)."""
    wall, cpu = [w for w, _ in samples], [c for _, c in samples]
    return (f"p50 {statistics.median(wall) * 1000:.1f} ms, p95 {p95(wall) * 1000:.1f} ms wall; "
            f"p95 {p95(cpu) * 1000:.1f} ms CPU (n={len(samples)})")


class Timer:
    """Wall and CPU (this thread) time of a block."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.thread_time()
        return self

    def __exit__(self, *exc) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.thread_time() - self.cpu

    @property
    def pair(self) -> tuple[float, float]:
        return self.wall, self.cpu

    def __str__(self) -> str:
        return f"{self.wall * 1000:.0f} ms wall, {self.cpu * 1000:.0f} ms CPU"


def render_visible(widget) -> None:
    """Render every visible line of a line-based widget (what a frame costs it)."""
    for y in range(widget.size.height):
        widget.render_line(y)


async def measure(path: Path, repeat: int) -> None:
    from argmap.store.views import FuzzyIndex
    from argmap.tui.app import ArgmapApp

    first = Timer().__enter__()
    app = ArgmapApp(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        first.__exit__()
        await _measure_app(app, pilot, repeat, first)
    with Workspace(path) as ws, Timer() as build:
        FuzzyIndex(ws)
    print(f"fuzzy index build (once, in a background worker at start): {build}")


async def _measure_app(app, pilot, repeat: int, first: Timer) -> None:
    total = app.workspace.count_statements()
    print(f"workspace: {total} statements, {len(app.workspace.documents())} documents, "
          f"{app.workspace.status().speakers} speakers")
    print(f"first screen (start of the app to the board shown): {first} (target < 1000 ms)")
    with Timer() as board:
        app.view("board").refresh_data()
    print(f"  of which the board's queries and widgets: {board}")
    await app.workers.wait_for_complete()  # the search index warm-up

    app.action_view("statements")
    await pilot.pause()
    view = app.view("statements")
    table = view.table
    with Timer() as switch:
        view.refresh_data()
        render_visible(table)
    print(f"statements table refresh (count + first page + render): {switch}")
    samples = []
    for _ in range(repeat):
        with Timer() as t:
            table.action_move(1)
            render_visible(table)
        samples.append(t.pair)
    print(f"statements cursor move (handler + render): {percentiles(samples)} (target p95 < 50 ms)")
    samples = []
    for _ in range(max(repeat // 10, 5)):
        with Timer() as t:
            table.action_move(2000)  # jumps into pages not fetched yet
            render_visible(table)
        samples.append(t.pair)
    print(f"statements cursor jump of 2,000 rows (new page): {percentiles(samples)}")

    samples = []
    for i in range(repeat):
        with Timer() as t:
            view.action_set_label(1 + i % 3)
            render_visible(table)
        samples.append(t.pair)
        table.action_move(1)
    print(f"stance change (store edit + table reload + render): {percentiles(samples)} (target p95 < 50 ms)")
    with Timer() as status:
        app.update_status()
    print(f"status line update (after a burst of edits, on a timer): {status}")

    for query in ("stance:pro", "review:labelled", f"speaker:{table.selected().speaker_id}",
                  "sovereignty constitution", "sovreignty", "stance:anti council"):
        with Timer() as t:
            view.apply(query)
            render_visible(table)
        print(f"filter {query!r}: {t}, {table.total} statements (target < 200 ms)")
    view.apply("")

    app.action_view("documents")
    await pilot.pause()
    documents = app.view("documents")
    samples = []
    for _ in range(repeat):
        with Timer() as t:
            documents.action_statement(1)
        samples.append(t.pair)
    print(f"documents next statement (handler + repaint of the text): {percentiles(samples)} (target p95 < 50 ms)")
    for _ in range(repeat):
        app.workspace.undo()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", help="where the workspace is built or reused (default: a temporary directory)")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--per-document", type=int, default=10)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="argmap-ui-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}; CPU check sum(range(10**7)): {reference_seconds():.3f} s")
    try:
        path = build(folder, args.documents, args.per_document, args.people, args.seed)
        asyncio.run(measure(path, args.repeat))
    finally:
        if not args.dir:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
