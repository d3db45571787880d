"""Benchmark the terminal UI on a workspace of 100,000 statements.

Run: python benchmarks/ui_speed.py [--dir DIR] [--documents N] [--per-document K] [--repeat R]
                                   [--startup-runs N] [--startup-only] [--drop-caches]

Builds (or reuses, with ``--dir`` holding one) the synthetic workspace of
``workspace_scale.py`` (its article builder, added through ``Workspace.add_documents``),
then measures:

* start-up end to end: ``argmap open WORKSPACE`` run as a new process on a pseudo-terminal
  of 160x48, from just before the process is started to the moment the terminal has been
  sent the populated board (the issue, every column's title and count, each column's first
  speaker and quote, the status line's count), read from the bytes the app writes; with the
  page cache warm, with the workspace file evicted from it (``posix_fadvise`` DONTNEED),
  and with ``--drop-caches`` (root) every file cold (interpreter and libraries too);
  median and worst of ``--startup-runs``;

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
import fcntl
import os
import platform
import random
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

from cpu_check import reference_seconds

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from speaker_resolution import make_people
from workspace_scale import CODEBOOK, article

from argmap.codebook import parse_codebook
from argmap.store import WORKSPACE_FILE, Workspace


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
    print(
        f"built: {report.statements} statements in {len(report.added)} documents in "
        f"{time.perf_counter() - start:.0f} s"
    )
    return path


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def percentiles(samples: list[tuple[float, float]]) -> str:
    """'p50 / p95' of wall times, then p95 of CPU times (to compare on a busy machine)."""
    wall, cpu = [w for w, _ in samples], [c for _, c in samples]
    return (
        f"p50 {statistics.median(wall) * 1000:.1f} ms, p95 {p95(wall) * 1000:.1f} ms wall; "
        f"p95 {p95(cpu) * 1000:.1f} ms CPU (n={len(samples)})"
    )


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


# ---------------------------------------------------------------- start-up, end to end

#: Escape sequences (CSI, OSC, charset and keypad switches) dropped from the app's output
#: before looking for the board's text in it.
ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=$ ]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)


def board_markers(path: Path, width: int) -> list[str]:
    """Text the terminal must have been sent once the board is painted: the debate's issue,
    each column's label name and statement count, each column's first speaker and the start
    of its first quote, and the status line's statement count (what ``board()`` returns now)."""
    from argmap.store.views import board
    from argmap.tui.label_style import LabelStyles

    with Workspace(path) as ws:
        labels = LabelStyles(ws.codebook)
        columns = board(ws)
        markers = [
            ws.codebook.issue[:30] if ws.codebook else str(path)[:30],
            f"{ws.count_statements()} statements ·",
        ]
    fit = max(8, width // max(1, len(columns)) - 12)  # short enough not to be cut by the column
    for column in columns:
        markers += [labels.name(column.label), f"{column.statements} statement"]
        if column.rows:
            markers.append(column.rows[0].name[:fit])
            if column.rows[0].quotes:
                markers.append(column.rows[0].quotes[0].text[: min(fit, 16)])
    return markers


def evict(path: Path) -> None:
    """Drop the workspace's files from the page cache (only these files)."""
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if name.exists():
            fd = os.open(name, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def drop_caches() -> None:
    """Drop the whole page cache (root only): every file read at start-up comes from disk."""
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time the process has used so far (Linux ``/proc``; 10 ms ticks)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def spawn_on_pty(command: list[str], size: tuple[int, int]) -> tuple[subprocess.Popen, int]:
    """Start ``command`` on a new pseudo-terminal of ``size`` (columns, rows); returns the process
    and the terminal's master side (read what it draws, write keys)."""
    width, height = size
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", COLORTERM="truecolor")
    env.pop("TEXTUAL", None)
    env.pop(
        "PYTHONDONTWRITEBYTECODE", None
    )  # as installed: compiled modules cached, not compiled at each start
    process = subprocess.Popen(
        command,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    return process, master


def start_once(
    command: list[str], markers: list[str], size: tuple[int, int], limit: float = 20.0
) -> dict:
    """Run ``command`` on a new pseudo-terminal; seconds from the start to the first output,
    to every marker having been written (the board painted; also the process's CPU time by
    then), and to the last write before 0.5 s of quiet (the screen settled); then quit with
    ``q``."""
    wanted = [m.encode() for m in markers]
    text = b""
    result = {
        "first_output": None,
        "board": None,
        "board_cpu": None,
        "settled": None,
        "missing": [],
    }
    start = time.perf_counter()
    process, master = spawn_on_pty(command, size)
    last = start
    try:
        while True:
            now = time.perf_counter()
            if now - start > limit or (result["board"] is not None and now - last > 0.5):
                break
            ready, _, _ = select.select([master], [], [], 0.02)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:
                break
            last = time.perf_counter()
            if result["first_output"] is None:
                result["first_output"] = last - start
            if result["board"] is None:
                text += ESCAPES.sub(b"", chunk)
                if all(m in text for m in wanted):
                    result["board"] = last - start
                    result["board_cpu"] = cpu_seconds(process.pid)
        result["settled"] = last - start if result["board"] is not None else None
        result["missing"] = [m.decode() for m in wanted if m not in text]
        os.write(master, b"q")
        deadline = time.perf_counter() + 10
        while process.poll() is None and time.perf_counter() < deadline:
            if select.select([master], [], [], 0.05)[0]:
                try:
                    os.read(master, 1 << 16)
                except OSError:
                    break
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        os.close(master)
    return result


def argmap_command() -> list[str]:
    """The installed ``argmap`` beside this Python, else ``python -m argmap``."""
    argmap = Path(sys.executable).with_name("argmap")
    return [str(argmap)] if argmap.exists() else [sys.executable, "-m", "argmap"]


def startup(path: Path, runs: int, cold_all: bool, warm_only: bool = False) -> None:
    """Print process start -> board painted, warm and cold, median and worst of ``runs``."""
    command = [*argmap_command(), "open", str(path)]
    size = (160, 48)
    markers = board_markers(path, size[0])
    print(
        f"start-up: `{' '.join(command)}` on a {size[0]}x{size[1]} "
        f"pseudo-terminal; {len(markers)} board texts awaited"
    )
    start_once(command, markers, size)  # one run to fill the page cache after the build
    modes = [
        ("warm page cache", lambda: None),
        ("workspace file cold (fadvise DONTNEED)", lambda: evict(path)),
    ]
    if warm_only:
        modes = modes[:1]
    elif cold_all:
        modes.append(("whole page cache dropped (drop_caches)", drop_caches))
    for name, prepare in modes:
        boards, settled, firsts, cpus = [], [], [], []
        for _ in range(runs):
            prepare()
            result = start_once(command, markers, size)
            if result["board"] is None:
                print(f"  {name}: board not seen within the limit; missing {result['missing']}")
                continue
            boards.append(result["board"])
            settled.append(result["settled"])
            firsts.append(result["first_output"])
            if result["board_cpu"] is not None:
                cpus.append(result["board_cpu"])
        if boards:
            print(
                f"process start -> board painted, {name}: median "
                f"{statistics.median(boards) * 1000:.0f} ms, "
                f"worst {max(boards) * 1000:.0f} ms (n={len(boards)}; each: "
                f"{', '.join(f'{b * 1000:.0f}' for b in boards)}) (target < 1000 ms)"
            )
            print(
                f"  first byte to the terminal: median {statistics.median(firsts) * 1000:.0f} ms; "
                "screen settled (last write before 0.5 s quiet): median "
                f"{statistics.median(settled) * 1000:.0f} ms, worst {max(settled) * 1000:.0f} ms"
            )
            if cpus:
                print(
                    "  CPU time of the process until the board was painted: median "
                    f"{statistics.median(cpus) * 1000:.0f} ms, "
                    f"worst {max(cpus) * 1000:.0f} ms (what a busy machine changes least)"
                )


# ---------------------------------------------------------------- in the app


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
    print(
        f"workspace: {total} statements, {len(app.workspace.documents())} documents, "
        f"{app.workspace.status().speakers} speakers"
    )
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
    print(
        f"stance change (store edit + table reload + render): {percentiles(samples)} (target p95 < "
        "50 ms)"
    )
    with Timer() as status:
        app.update_status()
    print(f"status line update (after a burst of edits, on a timer): {status}")

    for query in (
        "stance:pro",
        "review:labelled",
        f"speaker:{table.selected().speaker_id}",
        "sovereignty constitution",
        "sovreignty",
        "stance:anti council",
    ):
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
    print(
        f"documents next statement (handler + repaint of the text): {percentiles(samples)} (target "
        "p95 < 50 ms)"
    )
    for _ in range(repeat):
        app.workspace.undo()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dir", help="where the workspace is built or reused (default: a temporary directory)"
    )
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--per-document", type=int, default=10)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--startup-runs",
        type=int,
        default=5,
        help="start-ups timed per page-cache state (default 5)",
    )
    parser.add_argument(
        "--startup-only", action="store_true", help="time the start-up only, not the app's actions"
    )
    parser.add_argument(
        "--warm-only", action="store_true", help="time start-ups with a warm page cache only"
    )
    parser.add_argument(
        "--drop-caches",
        action="store_true",
        help="also time start-ups after dropping the whole page cache (root; slows other work "
        "briefly)",
    )
    args = parser.parse_args(argv)
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="argmap-ui-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(
        f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, Python "
        f"{platform.python_version()}; CPU check sum(range(10**7)): {reference_seconds():.3f} s"
    )
    try:
        path = build(folder, args.documents, args.per_document, args.people, args.seed)
        print(f"load: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} CPUs")
        startup(path, args.startup_runs, args.drop_caches, args.warm_only)
        if not args.startup_only:
            asyncio.run(measure(path, args.repeat))
    finally:
        if not args.dir:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
