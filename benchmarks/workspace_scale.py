"""Benchmark the workspace at scale: 10,000 documents and 100,000 statements.

Run: python benchmarks/workspace_scale.py [--documents N] [--per-document K] [--dir DIR]

Builds synthetic articles (each K paragraphs quoting or reporting people from a
pool of 2,000 synthetic names, so speakers recur across documents), adds them
to a new workspace through ``Workspace.add_documents`` (the path `argmap add`
takes: extraction, speaker resolution across the workspace, storage, restatement
detection), labels 2% of the statements, then, each in a fresh process so
memory and caches are its own:

* exports the whole map to JSON (``argmap export --format json -o FILE``'s path);
* imports that JSON into a new, empty workspace (``argmap import``);
* opens the workspace and lists the first page of statements with its count, as the
  UI does on start, then a few filtered and sorted pages.

Targets (issue 4): JSON export under 5 s; open + first page under 0.3 s.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cpu_check import reference_seconds

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from speaker_resolution import make_people

from argmap.codebook import parse_codebook
from argmap.models import Document
from argmap.store import Workspace

CODEBOOK = """
[debate]
id = "synthetic"
issue = "Should the synthetic policy pass?"
[[label]]
id = "pro"
name = "For"
[[label]]
id = "anti"
name = "Against"
[[label]]
id = "neutral"
name = "Neutral"
"""

WORDS = (
    "alliance budget treaty forces command deterrence security economy trade minister council "
    "reform pressure region partners talks agreement capability defence exports sanctions growth "
    "jobs tariffs coalition parliament voters strategy integration sovereignty constitution "
    "dialogue stability"
).split()
VERBS = ["said", "told reporters", "warned", "argued", "added", "insisted", "noted"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
    return "We " + " ".join(words)


def article(
    n: int, people: list[tuple[str, str]], per_document: int, rng: random.Random
) -> Document:
    paragraphs = [f"Report {n}: the synthetic policy debate continues."]
    for k in range(per_document):
        given, family = rng.choice(people)
        if k % 2 == 0:
            paragraphs.append(
                f'"{sentence(rng)} in case {n}-{k}," {given} {family} {rng.choice(VERBS[:1])}.'
            )
        else:
            paragraphs.append(
                f"{given} {family} {rng.choice(VERBS)} that the council must act on item {n}-{k}."
            )
    return Document.from_text(
        f"article-{n:05d}.txt", "\n\n".join(paragraphs) + "\n", source_path=f"/synthetic/{n}.txt"
    )


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# A child's peak memory: VmHWM (Linux keeps ru_maxrss across fork and exec, so a child
# would report its parent's peak); ru_maxrss elsewhere.
PEAK = """
def peak():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""


EXPORT_CHILD = (
    PEAK
    + """
import sys, time
start = time.perf_counter()
from argmap.store import open_workspace
from argmap.io.atomic import write_atomic
from argmap.export.mapjson import write_map_json
imported = time.perf_counter()
with open_workspace(sys.argv[1]) as ws:
    write_atomic(sys.argv[2], lambda stream: write_map_json(ws, stream))
done = time.perf_counter()
print(done - imported, imported - start, peak())
"""
)

IMPORT_CHILD = (
    PEAK
    + """
import sys, time
start = time.perf_counter()
from argmap.store import Workspace
from argmap.export.mapjson import import_map
imported = time.perf_counter()
with Workspace.init(sys.argv[1]) as ws:
    import_map(ws, sys.argv[2])
print(time.perf_counter() - imported, peak())
"""
)

OPEN_CHILD = (
    PEAK
    + """
import sys, time, json
start = time.perf_counter()
from argmap.store import open_workspace, StatementFilter
imported = time.perf_counter()
ws = open_workspace(sys.argv[1])
page = ws.statements(limit=50)
total = ws.count_statements()
first = time.perf_counter() - imported
timings = {"open + first page + count": first}
speaker = page[0].speaker_id
for name, call in [
    ("page of one speaker", lambda: ws.statements(StatementFilter(speaker=speaker), limit=50)),
    ("page by label 'pro' + count", lambda: (ws.statements(StatementFilter(label="pro"), limit=50),
                                             ws.count_statements(StatementFilter(label="pro")))),
    ("page unlabelled, least certain first", lambda: ws.statements(
        StatementFilter(review=("unlabelled", "suggested")),
        sort="uncertainty", descending=True, limit=50)),
    ("text search 'sovereignty constitution' + count", lambda: (
        ws.statements(StatementFilter(text="sovereignty constitution"), limit=50),
        ws.count_statements(StatementFilter(text="sovereignty constitution")))),
    ("sorted by speaker name, page 1", lambda: ws.statements(sort="speaker", limit=50)),
    ("page at offset 90,000", lambda: ws.statements(offset=90000, limit=50)),
    ("speakers with stance breakdown (all)", lambda: ws.speakers()),
    ("status counts", lambda: ws.status()),
    ("set a stance (first edit: imports argmap.stance)",
     lambda: ws.set_stance(page[3].id, "anti", annotator="bench")),
    ("undo it", lambda: ws.undo()),
    ("set a stance (next edit)", lambda: ws.set_stance(page[4].id, "anti", annotator="bench")),
    ("undo it ", lambda: ws.undo()),
]:
    t = time.perf_counter()
    call()
    timings[name] = time.perf_counter() - t
print(json.dumps({"timings": timings, "total": total, "import": imported - start,
                  "rss": peak()}))
"""
)


def build(folder: Path, people, args, rng: random.Random) -> None:
    """Add the synthetic articles to a new workspace in ``folder``; label 2% of the statements."""
    documents = [article(n, people, args.per_document, rng) for n in range(args.documents)]
    text_mb = sum(len(d.text.encode()) for d in documents) / 1e6
    print(f"documents: {len(documents)} synthetic articles, {text_mb:.1f} MB of text")
    rss_before = peak_rss_mb()
    ws = Workspace.init(folder, codebook=parse_codebook(CODEBOOK))
    start = time.perf_counter()
    cpu = time.process_time()
    report = ws.add_documents(documents)
    add_seconds = time.perf_counter() - start
    add_cpu = time.process_time() - cpu
    print(
        f"add: {len(report.added)} documents, {report.statements} statements, "
        f"{report.new_speakers} speakers, {report.restatements} restatements offered, "
        f"{report.suggestions} suggestions in {add_seconds:.1f} s wall ({add_cpu:.1f} s CPU): "
        f"{len(report.added) / add_seconds:.0f} documents/s, "
        f"{report.statements / add_seconds:.0f} statements/s"
    )
    print(
        f"add: peak RSS {peak_rss_mb():.0f} MB (before the workspace: {rss_before:.0f} MB, "
        f"the synthetic texts included)"
    )
    rows = ws.statements(limit=report.statements // 50)
    start = time.perf_counter()
    with ws.edit_group("bench", "labels", actor="bench"):
        for i, row in enumerate(rows):
            ws.set_stance(row.id, ("pro", "anti", "neutral")[i % 3], annotator="bench")
    print(f"labelled {len(rows)} statements in one edit group: {time.perf_counter() - start:.2f} s")
    ws.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--per-document", type=int, default=10, help="statements per document")
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument(
        "--dir",
        help="where to build the workspace (default: a temporary directory, removed after); "
        "a workspace already there is reused, skipping the add",
    )
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    people = make_people(args.people, rng)
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="argmap-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        print(
            f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
            f"Python {platform.python_version()}; CPU check sum(range(10**7)): "
            f"{reference_seconds():.3f} s"
        )
        database = folder / "argmap.sqlite"
        if database.exists():
            print(f"reusing the workspace in {folder} (no add)")
        else:
            build(folder, people, args, rng)
        print(f"workspace file: {database.stat().st_size / 1e6:.0f} MB")
        for leftover in (folder / "map.json", folder / "imported"):
            shutil.rmtree(leftover, ignore_errors=True) if leftover.is_dir() else leftover.unlink(
                missing_ok=True
            )

        target = folder / "map.json"
        result = subprocess.run(
            [sys.executable, "-c", EXPORT_CHILD, str(folder), str(target)],
            capture_output=True,
            text=True,
            check=True,
        )
        seconds, imports, rss = map(float, result.stdout.split())
        print(
            f"export JSON: {seconds:.2f} s (target < 5 s), {target.stat().st_size / 1e6:.0f} MB "
            f"written, peak RSS {rss:.0f} MB (imports {imports:.2f} s, not counted)"
        )

        result = subprocess.run(
            [sys.executable, "-c", IMPORT_CHILD, str(folder / "imported"), str(target)],
            capture_output=True,
            text=True,
            check=True,
        )
        seconds, rss = map(float, result.stdout.split())
        print(f"import JSON into an empty workspace: {seconds:.2f} s, peak RSS {rss:.0f} MB")

        result = subprocess.run(
            [sys.executable, "-c", OPEN_CHILD, str(folder)],
            capture_output=True,
            text=True,
            check=True,
        )
        data = json.loads(result.stdout)
        for name, value in data["timings"].items():
            note = " (target < 0.3 s)" if name.startswith("open") else ""
            print(f"{name}: {value * 1000:.0f} ms{note}")
        print(
            f"open: {data['total']} statements; peak RSS {data['rss']:.0f} MB (imports "
            f"{data['import']:.2f} s, not counted)"
        )
    finally:
        if not args.dir:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
