"""Extraction speed and memory: quotes, reported speech and in-document speaker tracking.

    python benchmarks/extract_speed.py [PATH]      # default: ../shared/data/polnear/train/text
    python benchmarks/extract_speed.py --big [--big-mb 50]
    python benchmarks/extract_speed.py --resolution [PATH]

The first form reads every .txt/.md/.html file under PATH (through ``argmap.io.reading``, not
timed), then times ``argmap.extraction.extract_statements`` over all of them on one core and
prints files, MB of text, seconds, MB/s, statements found and peak memory. The issue's target
(issue 2, "Speed"): at least 1 MB/s and peak memory under 300 MB on the PolNeAR train texts.

``--resolution`` times in-document speaker resolution alone: the mentions extraction asks
``SpeakerTracker`` to resolve in each document are recorded, then resolved again, in the same
order, by a fresh tracker per document, with the name parser's caches cleared (cold, as in one
``argmap extract`` run) and then filled (warm).

``--big`` builds one ~50 MB synthetic document from the seed article's paragraphs (names varied
per repetition) and compares peak RSS while extracting it with the generator
``argmap.extraction.extractor.iter_statements`` (statements counted, not kept) and with
``extract_statements`` (a list). Each variant runs in its own child process, since a
process's peak RSS only ever grows.

Memory figures:
* peak RSS: ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` - the whole process (interpreter,
  imports, the texts read, extraction), at its highest point so far;
* peak RSS during extraction (``--big``, Linux): VmHWM from /proc/self/status, reset by
  writing 5 to /proc/self/clear_refs once the document is built, so the build's own peak
  (the text is briefly held twice) does not hide extraction's;
* traced peak: ``tracemalloc``'s peak of Python allocations made during extraction alone (a
  second, untimed pass, since tracing slows Python down several-fold).

Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from cpu_check import reference_seconds

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing
DEFAULT_PATH = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"
SEED = REPO / "seeds" / "japan-us-integration.txt"
MB = 1_000_000  # "MB" here is 10^6 bytes of UTF-8 text
# CPUs this process may use, read before pin_to_one_core narrows them
USABLE_CPUS = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None


# --------------------------------------------------------------------------- machine


def _cpu_model() -> str:
    model = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return model or "unknown"


def machine_info() -> list[tuple[str, str]]:
    affinity = USABLE_CPUS
    return [
        ("platform", platform.platform()),
        ("processor", _cpu_model()),
        ("cpu count", f"{os.cpu_count()}" + (f" ({affinity} usable)" if affinity else "")),
        ("python", f"{platform.python_implementation()} {platform.python_version()}"),
        (
            "CPU speed check",
            f"sum(range(10**7)) takes {reference_seconds():.3f} s here now "
            "(lower is faster; compare runs by it)",
        ),
    ]


def _current_cpu() -> int | None:
    """The CPU this process last ran on (Linux /proc/self/stat field 39), so that two
    benchmarks started side by side are not both pinned to CPU 0."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[36])
    except (OSError, IndexError, ValueError):
        return None


def pin_to_one_core() -> str:
    """Run on one CPU (Linux); say which."""
    if hasattr(os, "sched_setaffinity"):
        allowed = os.sched_getaffinity(0)
        cpu = _current_cpu()
        cpu = cpu if cpu in allowed else min(allowed)
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "single-threaded (no CPU pinning on this platform)"


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (10^6 bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes
    return peak / MB if sys.platform == "darwin" else peak * 1024 / MB


def current_rss_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024 / MB
    except OSError:
        pass
    return None


def reset_peak_rss() -> bool:
    """Reset this process's peak RSS (VmHWM) to its current RSS: Linux 4.0+, writing 5 to
    /proc/self/clear_refs. ``ru_maxrss`` is not reset; read :func:`hwm_mb` afterwards."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def hwm_mb() -> float | None:
    """Peak RSS since the last reset (VmHWM from /proc/self/status), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / MB
    except OSError:
        pass
    return None


def show(rows: list[tuple[str, str]]) -> None:
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"  {key:<{width}}  {value}")


# --------------------------------------------------------------------------- corpus


def run_corpus(path: Path, trace: bool, repeat: int = 3) -> int:
    from argmap.extraction import extract_statements
    from argmap.io.reading import load_documents
    from argmap.models import Document

    if not path.exists():
        print(
            f"extract_speed: {path} does not exist.\nGive a folder of article texts, e.g. the "
            "PolNeAR train texts (../shared/data/polnear/train/text beside the repository).",
            file=sys.stderr,
        )
        return 2
    core = pin_to_one_core()
    documents: list[Document] = []
    errors = 0
    for item in load_documents([path]):
        if isinstance(item, Document):
            documents.append(item)
        else:
            errors += 1
            print(f"  read error: {item}", file=sys.stderr)
    if not documents:
        print(f"extract_speed: no readable .txt/.md/.html files under {path}", file=sys.stderr)
        return 2
    size = sum(len(d.text.encode("utf-8")) for d in documents)
    rss_before = peak_rss_mb()

    # (wall, cpu) of each pass; the best is reported, since other work shares the machine
    passes = []
    document_cpu = [float("inf")] * len(documents)  # each document's fastest pass, in CPU seconds
    for _ in range(repeat):
        gc.collect()
        started, cpu_started = time.perf_counter(), time.process_time()
        statements = 0
        for i, document in enumerate(documents):
            document_started = time.process_time()
            statements += len(extract_statements(document))
            document_cpu[i] = min(document_cpu[i], time.process_time() - document_started)
        passes.append((time.perf_counter() - started, time.process_time() - cpu_started))
    seconds, cpu_seconds = min(p[0] for p in passes), min(p[1] for p in passes)
    best_documents = sum(document_cpu)
    rss_after = peak_rss_mb()

    print(f"Extraction + in-document speaker tracking: {path}")
    rows = [
        ("files", f"{len(documents)}" + (f" ({errors} unreadable)" if errors else "")),
        ("text", f"{size / MB:.2f} MB (UTF-8, 1 MB = 10^6 bytes)"),
        (
            "seconds",
            f"{seconds:.2f} wall, {cpu_seconds:.2f} CPU (best of {repeat} passes: "
            + ", ".join(f"{c:.2f}" for _, c in passes)
            + " CPU)",
        ),
        (
            "throughput",
            f"{size / MB / seconds:.2f} MB/s wall, {size / MB / cpu_seconds:.2f} MB/s CPU "
            f"({core}; wall below CPU means other processes shared the core)",
        ),
        (
            "per-document best",
            f"{best_documents:.2f} CPU = {size / MB / best_documents:.2f} MB/s (each document's "
            f"fastest of the {repeat} passes, summed: what the passes' CPU time is without "
            "the moments other processes slowed the core)",
        ),
        ("statements", f"{statements} ({statements / len(documents):.1f} per file)"),
        (
            "peak RSS before extraction",
            f"{rss_before:.1f} MB (ru_maxrss: interpreter, imports, texts)",
        ),
        ("peak RSS after extraction", f"{rss_after:.1f} MB (ru_maxrss, whole process)"),
    ]
    if trace:
        gc.collect()
        tracemalloc.start()
        for document in documents:
            extract_statements(document)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rows.append(
            (
                "traced peak",
                f"{traced_peak / MB:.1f} MB (tracemalloc, extraction's own "
                "Python allocations, untimed second pass)",
            )
        )
    show(rows)
    print("Machine")
    show(machine_info())
    return 0


# --------------------------------------------------------------------------- --resolution


def run_resolution(path: Path, repeat: int = 3) -> int:
    """In-document speaker resolution alone: the mentions extraction resolves in each document,
    in its order, resolved again by a fresh ``SpeakerTracker`` per document."""
    from argmap.extraction import extract_statements, extractor
    from argmap.io.reading import load_documents
    from argmap.models import Document
    from argmap.speakers import coref

    core = pin_to_one_core()
    documents = [d for d in load_documents([path]) if isinstance(d, Document)]
    if not documents:
        print(f"extract_speed: no readable articles under {path}", file=sys.stderr)
        return 2
    recorded: list[tuple[str, list[tuple[int, int]]]] = []

    class Recording(coref.SpeakerTracker):
        def __init__(self, text: str) -> None:
            super().__init__(text)
            self.asked: list[tuple[int, int]] = []
            recorded.append((text, self.asked))

        def resolve(self, start: int, end: int) -> coref.Resolved:
            self.asked.append((start, end))
            return super().resolve(start, end)

    extractor.SpeakerTracker = Recording  # only while recording
    try:
        for document in documents:
            extract_statements(document)
    finally:
        extractor.SpeakerTracker = coref.SpeakerTracker

    def replay() -> float:
        started = time.process_time()
        for text, asked in recorded:
            tracker = coref.SpeakerTracker(text)
            for start, end in asked:
                tracker.resolve(start, end)
        return time.process_time() - started

    cold, warm = [], []
    for _ in range(repeat):
        gc.collect()
        coref.clear_caches()
        cold.append(replay())  # every name parsed afresh, as in one `argmap extract`
        warm.append(replay())  # the name parser's caches filled by the pass before
    mentions = sum(len(asked) for _, asked in recorded)
    print(f"In-document speaker resolution: {path}")
    show(
        [
            ("documents", f"{len(documents)}"),
            ("mentions resolved", f"{mentions} (as extraction asks for them, in its order)"),
            (
                "CPU seconds, cold caches",
                f"{min(cold):.3f} (best of {repeat}: " + ", ".join(f"{c:.3f}" for c in cold) + ")",
            ),
            (
                "CPU seconds, warm caches",
                f"{min(warm):.3f} (best of {repeat}: " + ", ".join(f"{c:.3f}" for c in warm) + ")",
            ),
            ("core", core),
        ]
    )
    print("Machine")
    show(machine_info())
    return 0


# --------------------------------------------------------------------------- --big

GIVEN = """Akira Aiko Daisuke Emi Haruto Hiroshi Kaori Kenji Mariko Naoki Reiko Satoshi Takeshi Yuki
Anna Brian Carla David Elena Frank Grace Henry Irene James Karen Laura Michael Nora Peter""".split()
FAMILY = """Abe Endo Fujita Goto Hayashi Ikeda Ishii Kato Kondo Maeda Mori Murata Nakamura Ogawa
Okada Saito Sakamoto Shimizu Suzuki Takahashi Ueda Watanabe Yamada Yoshida Baker Carter Evans Foster
Hughes Morgan Parker Reed Turner Walsh""".split()
# names in the seed: (family, given, family first?)
SEED_NAMES = [
    ("Kishida", "Fumio", True),
    ("Kamikawa", "Yoko", True),
    ("Kihara", "Minoru", True),
    ("Sasae", "Kenichiro", True),
    ("Tanaka", "Hitoshi", True),
    ("Austin", "Lloyd", False),
    ("Blinken", "Antony", False),
]


def build_big_text(target_mb: float, seed: int = 1) -> str:
    """~``target_mb`` MB of article text: the seed's paragraphs, names varied per repetition."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    rng = random.Random(seed)
    pattern = re.compile(
        r"\b("
        + "|".join(f for f, _, _ in SEED_NAMES)
        + "|"
        + "|".join(g for _, g, _ in SEED_NAMES)
        + r")\b"
    )
    chunks: list[str] = []
    size = 0
    while size < target_mb * MB:
        swap: dict[str, str] = {}
        for family, given, _ in SEED_NAMES:
            swap[family] = rng.choice(FAMILY)
            swap[given] = rng.choice(GIVEN)
        block = "\n\n".join(
            pattern.sub(lambda m, swap=swap: swap[m.group()], p) for p in paragraphs
        )
        block += "\n\n"
        chunks.append(block)
        size += len(block.encode("utf-8"))
    return "".join(chunks)


def big_child(mode: str, target_mb: float) -> None:
    """In a fresh process: build the big document, extract it one way, print JSON figures."""
    from argmap.extraction import extract_statements
    from argmap.extraction.extractor import iter_statements
    from argmap.models import Document

    pin_to_one_core()
    text = build_big_text(target_mb)
    document = Document.from_text("big.txt", text)
    del text
    gc.collect()
    size = len(document.text.encode("utf-8"))
    baseline_peak = peak_rss_mb()
    baseline_now = current_rss_mb()
    reset = reset_peak_rss()
    started, cpu_started = time.perf_counter(), time.process_time()
    if mode == "iter":
        statements = sum(1 for _ in iter_statements(document))
    else:
        statements = len(extract_statements(document))
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    print(
        json.dumps(
            {
                "mode": mode,
                "mb": size / MB,
                "seconds": seconds,
                "cpu_seconds": cpu_seconds,
                "statements": statements,
                "rss_before": baseline_now,
                "peak_before": baseline_peak,
                "peak_after": peak_rss_mb(),
                "hwm_during": hwm_mb() if reset else None,
            }
        )
    )


def _show_big(r: dict) -> None:
    label = (
        "iter_statements (generator, counted)"
        if r["mode"] == "iter"
        else "extract_statements (list)"
    )
    print(label)
    before = f"{r['rss_before']:.0f} MB" if r["rss_before"] is not None else "n/a"
    rows = [
        ("text", f"{r['mb']:.1f} MB"),
        (
            "seconds",
            f"{r['seconds']:.1f} wall ({r['mb'] / r['seconds']:.2f} MB/s), "
            f"{r['cpu_seconds']:.1f} CPU ({r['mb'] / r['cpu_seconds']:.2f} MB/s)",
        ),
        ("statements", str(r["statements"])),
        (
            "RSS with the document built",
            f"{before} (peak so far {r['peak_before']:.0f} MB; includes building the text)",
        ),
        (
            "peak RSS after extraction",
            f"{r['peak_after']:.0f} MB (ru_maxrss, whole life of the process)",
        ),
    ]
    if r.get("hwm_during") is not None and r["rss_before"] is not None:
        rows += [
            (
                "peak RSS during extraction",
                f"{r['hwm_during']:.0f} MB (VmHWM, reset after building)",
            ),
            (
                "extraction's growth",
                f"{r['hwm_during'] - r['rss_before']:.0f} MB over the RSS with the document built",
            ),
        ]
    else:
        rows.append(
            (
                "growth over the RSS before",
                f"{r['peak_after'] - (r['rss_before'] or r['peak_before']):.0f} MB (ru_maxrss; "
                "a lower bound hidden by the build when it is the peak)",
            )
        )
    show(rows)
    sys.stdout.flush()


def run_big(target_mb: float, modes: tuple[str, ...]) -> int:
    print(
        f"One ~{target_mb:g} MB synthetic document (the seed's paragraphs repeated, names varied);"
        " each run in its own process",
        flush=True,
    )
    for mode in modes:
        proc = subprocess.run(
            [sys.executable, __file__, "--big-child", mode, "--big-mb", str(target_mb)],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            print(f"  {mode}: failed (exit {proc.returncode})\n{proc.stderr}", file=sys.stderr)
            return 1
        _show_big(json.loads(proc.stdout.strip().splitlines()[-1]))
    print("Machine")
    show(machine_info())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=DEFAULT_PATH,
        help=f"folder or file of article texts (default: {DEFAULT_PATH})",
    )
    parser.add_argument(
        "--big", action="store_true", help="measure memory on one ~50 MB synthetic document instead"
    )
    parser.add_argument(
        "--big-mb", type=float, default=50.0, help="size of the --big document in MB"
    )
    parser.add_argument(
        "--big-only",
        choices=("iter", "list"),
        help="with --big: run only the generator (iter) or only the list variant",
    )
    parser.add_argument(
        "--no-trace", action="store_true", help="skip the untimed tracemalloc pass over the corpus"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="timed passes over the corpus; the best is shown"
    )
    parser.add_argument(
        "--resolution",
        action="store_true",
        help="time in-document speaker resolution alone: the mentions extraction resolves, "
        "resolved again per document with cold and with warm name caches",
    )
    parser.add_argument("--big-child", choices=("iter", "list"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.big_child:
        big_child(args.big_child, args.big_mb)
        return 0
    if args.big:
        return run_big(args.big_mb, (args.big_only,) if args.big_only else ("iter", "list"))
    if args.resolution:
        return run_resolution(args.path, repeat=max(1, args.repeat))
    return run_corpus(args.path, trace=not args.no_trace, repeat=max(1, args.repeat))


if __name__ == "__main__":
    sys.exit(main())
