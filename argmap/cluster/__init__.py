"""Extraction over many processes or machines, with Dask (``argmap extract --workers N`` or
``--scheduler ADDRESS``), giving what one process gives: the same statements, ids and
speakers, written as partitioned Parquet or JSON Lines (``argmap.io.statement_files``).

``extract_to_folder`` runs four phases (``argmap.cluster.tasks``): extract each partition
(``argmap.cluster.plan``), then the blocks of the corpus's speaker resolution are found on
the driver from the mentions' distinct keys (``argmap.cluster.blocks``), each partition's
mentions are sent to their blocks, each block is resolved by one registry on one worker, and
each partition's statements are joined with their speakers. An ``Executor`` runs each phase's
tasks: ``InProcess`` one after the other, ``DaskExecutor`` on a Dask cluster, which runs
a task again when its worker dies (every task writes whole files named by its partition, so
a second run replaces the first's).

Dask and pyarrow are the ``cluster`` extra: ``pip install 'argmap[cluster]'``.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from argmap.cluster import blocks as blocking
from argmap.cluster import tasks
from argmap.cluster.plan import PARTITION_BYTES, Partition, plan
from argmap.errors import ArgmapError
from argmap.io import statement_files as files

if TYPE_CHECKING:
    from argmap.codebook import Codebook
    from argmap.io.sidecar import MetadataTable
    from argmap.speakers.aliases import AliasTable

__all__ = [
    "DASK_MISSING",
    "ClusterError",
    "DaskExecutor",
    "Executor",
    "ExtractionReport",
    "InProcess",
    "extract_to_folder",
]

DASK_MISSING = "running on a Dask cluster needs dask and pyarrow: pip install 'argmap[cluster]'"
#: How long ``--scheduler`` waits for the scheduler to answer.
CONNECT_TIMEOUT = "30s"


class ClusterError(ArgmapError):
    """The cluster cannot be had, or the results folder cannot be written."""


class Executor(Protocol):
    """Runs one phase's tasks: ``fn(item, **shared)`` for each item."""

    workers: int

    def each(
        self, fn: Callable[..., Any], items: Sequence[Any], **shared: Any
    ) -> Iterator[tuple[int, Any]]:
        """(position in ``items``, result) of each task as it finishes; a result is held by
        no worker once it is given (else every worker keeps each of its tasks' results until
        the phase ends)."""
        ...

    def share(self, value: Any) -> Any:
        """``value`` made available to every task (sent once to each worker)."""
        ...


class InProcess:
    """Every task in this process, one after the other."""

    workers = 1

    def each(
        self, fn: Callable[..., Any], items: Sequence[Any], **shared: Any
    ) -> Iterator[tuple[int, Any]]:
        for at, item in enumerate(items):
            yield at, fn(item, **shared)

    def share(self, value: Any) -> Any:
        return value


class DaskExecutor:
    """Tasks on a Dask cluster through a ``distributed.Client``."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.workers = max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))

    def each(
        self, fn: Callable[..., Any], items: Sequence[Any], **shared: Any
    ) -> Iterator[tuple[int, Any]]:
        if not items:
            return
        from distributed import as_completed

        keys = _keys(fn, items)
        position = {key: at for at, key in enumerate(keys)}
        finished = as_completed(
            self.client.map(fn, list(items), pure=False, key=keys, **shared), with_results=True
        )
        # the futures are held by ``finished`` alone, each until it is given: then the
        # cluster forgets its result
        for future, result in finished:
            at = position[future.key]
            del future
            yield at, result

    def share(self, value: Any) -> Any:
        # in a list: a dict given alone would be scattered value by value, keyed by its keys
        return self.client.scatter([value], broadcast=True, hash=False)[0]


def in_order(done: Iterable[tuple[int, Any]]) -> Iterator[Any]:
    """The results of ``Executor.each`` in the order of their items, each as soon as those
    before it have come."""
    waiting: dict[int, Any] = {}
    following = 0
    for at, result in done:
        waiting[at] = result
        while following in waiting:
            yield waiting.pop(following)
            following += 1


def run_all(executor: Executor, fn: Callable[..., Any], items: Sequence[Any], **shared: Any):
    """Every task's result, in the order of ``items``."""
    return list(in_order(executor.each(fn, items, **shared)))


def _keys(fn: Callable[..., Any], items: Sequence[Any]) -> list[str]:
    import uuid

    run = uuid.uuid4().hex[:8]
    name = fn.__name__.replace("_", "-")
    return [f"{name}-{index}-{run}" for index in range(len(items))]


@dataclass
class ExtractionReport:
    """What ``extract_to_folder`` did."""

    partitions: int = 0
    documents: int = 0
    statements: int = 0
    speakers: int = 0
    blocks: int = 0
    largest_block: int = 0  # mentions resolved in the largest block
    mentions: int = 0  # mentions resolved in blocks (the others: by their document alone)
    keys: int = 0  # distinct blocking keys: what the driver holds for the whole corpus
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    metadata_used: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # per phase


def extract_to_folder(
    paths: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    executor: Executor | None = None,
    *,
    fmt: str = "parquet",
    aliases: AliasTable | None = None,
    metadata: MetadataTable | None = None,
    columns: Mapping[str, str] | None = None,
    codebook: Codebook | None = None,
    partition_bytes: int = PARTITION_BYTES,
    skipped: list[Path] | None = None,
    partitions: list[Partition] | None = None,
    keep_work: bool = False,
) -> ExtractionReport:
    """Extract the articles under ``paths`` into the results folder ``output`` (created; a
    folder holding an earlier run's results is written over, any other must be empty).
    Problems reading files are in the report's ``failures``; nothing else stops it. With a
    ``codebook``, every statement has its stance suggestion. ``keep_work`` keeps the work
    files (the mentions of each speaker block among them) in ``output/_work``."""
    if fmt not in files.FORMATS:
        raise ValueError(f"format {fmt!r}: one of {', '.join(files.FORMATS)}")
    try:
        import pyarrow  # noqa: F401  (the work files are Parquet, whatever the output)
    except ImportError:
        raise ClusterError(DASK_MISSING) from None
    executor = executor or InProcess()
    folder = Path(output)
    _prepare(folder)
    report = ExtractionReport()
    job = tasks.Job(str(folder), fmt, aliases, metadata, dict(columns or {}), codebook)
    clock = time.perf_counter()
    problems: list = []
    parts = (
        partitions
        if partitions is not None
        else plan(paths, problems, skipped, size=partition_bytes)
    )
    report.failures += [str(problem) for problem in problems]
    report.partitions = len(parts)
    shared = executor.share(job)
    nodes: Counter[tasks.Nodes] = Counter()
    surnames: set[tuple[str, str]] = set()
    # merged in partition order as they come (the blocks follow the order keys are met),
    # each dropped once merged: the driver holds the corpus's keys, not every partition's
    for result in in_order(executor.each(tasks.extract_part, parts, job=shared)):
        report.documents += result.documents
        report.statements += result.statements
        report.speakers += result.local_speakers
        report.metadata_used += result.metadata_used
        report.failures += [f for f in result.failures if f not in report.failures]
        report.warnings += result.warnings
        nodes.update(result.nodes)
        surnames |= result.surnames
    report.seconds["extract"] = time.perf_counter() - clock
    clock = time.perf_counter()
    sets = blocking.components(nodes, surnames, aliases)
    count = min(len(parts), max(1, 4 * executor.workers)) if nodes else 0
    block_of = blocking.assign_blocks(sets, nodes, count) if nodes else {}
    report.largest_block, report.mentions = blocking.largest_share(sets, nodes)
    report.blocks = len(set(block_of.values()))
    report.keys = len(sets.parent)
    report.seconds["blocks"] = time.perf_counter() - clock
    clock = time.perf_counter()
    numbers = [part.number for part in parts]
    if nodes:
        run_all(executor, tasks.route_part, numbers, job=shared, blocks=executor.share(block_of))
        speakers = run_all(
            executor, tasks.resolve_block, sorted(set(block_of.values())), job=shared
        )
        report.speakers += sum(speakers)
    report.seconds["speakers"] = time.perf_counter() - clock
    clock = time.perf_counter()
    run_all(executor, tasks.join_part, numbers, job=shared)
    report.seconds["join"] = time.perf_counter() - clock
    if not keep_work:
        shutil.rmtree(folder / tasks.WORK, ignore_errors=True)
    for stray in folder.glob("*/.*.tmp"):  # a killed task's unfinished file
        stray.unlink(missing_ok=True)
    files.write_manifest(
        folder,
        {
            "format": fmt,
            "partitions": report.partitions,
            "documents": report.documents,
            "statements": report.statements,
            "speakers": report.speakers,
            "failures": report.failures,
            "codebook": _fingerprint(codebook),
        },
    )
    return report


def _fingerprint(codebook: Codebook | None) -> str | None:
    """Which codebook suggested the stances (``argmap add --statements`` stores them only for
    a workspace with the same one)."""
    if codebook is None:
        return None
    from argmap.stance.codebook_model import codebook_fingerprint

    return codebook_fingerprint(codebook)


def _prepare(folder: Path) -> None:
    """An empty results folder, or one with an earlier run's results (cleared)."""
    ours = {"statements", "documents", "speakers", files.RESTATEMENTS, tasks.WORK, files.MANIFEST}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        present = {entry.name for entry in folder.iterdir()}
    except OSError as problem:
        raise ClusterError(
            f"{folder}: cannot write the results there ({problem.strerror})"
        ) from None
    if present - ours:
        others = ", ".join(sorted(present - ours)[:3])
        raise ClusterError(
            f"{folder}: not empty and not argmap's results (it holds {others}): name a new folder"
        )
    for name in present:
        target = folder / name
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()


def connect(workers: int | None = None, scheduler: str | None = None):
    """A ``distributed.Client``: of a new local cluster of ``workers`` processes (one thread
    each), or of the scheduler at ``scheduler``. ``ClusterError`` without dask."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError(DASK_MISSING) from None
    if scheduler:
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as problem:
            raise ClusterError(f"{scheduler}: no Dask scheduler answers ({problem})") from None
    cluster = LocalCluster(
        n_workers=workers or 1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
    )
    return Client(cluster)
