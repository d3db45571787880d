"""The tasks of a distributed extraction, each a plain function of its arguments and of files
in the results folder: what one worker runs. Every file a task writes is written whole or not
at all and named by the task's partition or block, so a task run again (its worker died)
writes the same files over its first attempt's.

1. ``extract_part`` (one per partition): reads the partition's documents, finds their
   statements (``iter_statements``, the extractor's pure function), resolves the mentions
   whose speaker depends on their document only, and writes the documents, those speakers,
   the statements (speakers to fill in; with a codebook, their stance suggestions, asked in
   one call) and the other mentions with their blocking keys.
2. ``route_part`` (one per partition): sends each mention to the block its keys belong to
   (the shuffle).
3. ``resolve_block`` (one per block): one ``SpeakerRegistry`` over the block's mentions in
   corpus order.
4. ``join_part`` (one per partition): the statements with their speakers, written out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from argmap.cluster.plan import Partition
from argmap.io import statement_files as files
from argmap.io.errors import ReadError
from argmap.models import SpeakerKind

if TYPE_CHECKING:
    from argmap.codebook import Codebook
    from argmap.io.sidecar import MetadataTable
    from argmap.models import Document, Speaker
    from argmap.speakers.aliases import AliasTable
    from argmap.speakers.registry import MentionLinks, SpeakerRegistry

WORK = "_work"
Nodes = tuple[str, ...]


@dataclass(frozen=True)
class Job:
    """What every task of one run shares."""

    output: str  # the results folder
    fmt: str  # parquet or jsonl
    aliases: AliasTable | None = None
    metadata: MetadataTable | None = None
    columns: Mapping[str, str] = field(default_factory=dict)
    codebook: Codebook | None = None  # stance suggestions for every statement

    @property
    def work(self) -> Path:
        return Path(self.output) / WORK


@dataclass
class PartResult:
    """What ``extract_part`` tells the driver: counts, problems, and the blocking graph of its
    mentions (each distinct tuple of keys a mention joins, with how many mentions)."""

    number: int
    documents: int = 0
    statements: int = 0
    local_speakers: int = 0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    metadata_used: int = 0
    nodes: Counter[Nodes] = field(default_factory=Counter)
    surnames: set[tuple[str, str]] = field(default_factory=set)  # (name node, "s|token")


def registry_for(job: Job) -> SpeakerRegistry:
    from argmap.speakers.registry import SpeakerRegistry

    return SpeakerRegistry(job.aliases)


def documents_of(part: Partition, job: Job, result: PartResult) -> Iterator[Document]:
    """The partition's documents, in reading order; problems recorded in ``result``."""
    from argmap.io.corpus import origin, read_corpus
    from argmap.io.reading import load_documents

    if part.corpus is not None:
        items: Iterator[Any] = read_corpus(
            part.corpus,
            job.columns,
            warn=result.warnings.append,
            row_groups=part.row_groups,
            lines=part.lines,
            rows=part.rows,
        )
    else:
        items = load_documents(
            part.files, metadata=job.metadata, columns=job.columns, warn=result.warnings.append
        )
    for item in items:
        if isinstance(item, ReadError):
            result.failures.append(str(item))
            continue
        for note in item.read_warnings:
            result.warnings.append(f"{origin(item)}: {note}")  # a corpus row: the file
        yield item


# ---------------------------------------------------------------------- 1. extract


def extract_part(part: Partition, job: Job) -> PartResult:
    """Extract one partition (see the module's docstring)."""
    from argmap.extraction.corpus import resolve_mention, speaker_query, unattributed_note
    from argmap.extraction.extractor import iter_statements
    from argmap.io.writers import statement_record
    from argmap.stance.annotate import paragraph

    result = PartResult(part.number)
    registry = registry_for(job)
    links: dict[str, MentionLinks] = {}
    local: dict[str, Speaker] = {}
    first: dict[str, tuple[int, int]] = {}
    rows: list[dict] = []
    mentions: list[dict] = []
    documents: list[dict] = []
    contexts: list[str] = []  # each statement's paragraph, for its stance suggestion
    if job.metadata is not None:
        job.metadata.used = 0
    for document in documents_of(part, job, result):
        statements = list(iter_statements(document))
        queries: list[tuple[str, MentionLinks] | str | None] = []
        for statement in statements:
            name = speaker_query(statement)
            if name is None:
                queries.append(None)
                continue
            note = unattributed_note(name, registry)
            if note is not None:
                queries.append(note)
                continue
            found = links.get(name)
            if found is None:
                found = links[name] = registry.links(name)
            queries.append((name, found))
        keys = _document_keys(queries)
        for statement, query in zip(statements, queries, strict=True):
            row = files.flat_statement(statement_record(statement, document))
            if isinstance(query, str):
                row["speaker"], row["speaker_note"] = None, query
            elif query is not None:
                name, found = query
                nodes = _nodes(found, keys)
                if nodes:  # resolved with other mentions: in its block
                    mentions.append(
                        {
                            "part": part.number,
                            "row": len(rows),
                            "doc_id": document.id,
                            "name": name,
                            "role": statement.speaker_role,
                            "mention": statement.speaker_mention,
                            "nodes": list(nodes),
                        }
                    )
                    result.nodes[nodes] += 1
                    node = nodes[0]
                    result.surnames.update((node, f"s|{s}") for s in found.surnames)
                else:  # its document's own: resolved here
                    speaker = resolve_mention(
                        registry,
                        name,
                        doc_id=document.id,
                        role=statement.speaker_role,
                        mention=statement.speaker_mention,
                        speakers=local,
                    )
                    first.setdefault(speaker.id, (part.number, len(rows)))
                    row["speaker"], row["speaker_id"] = speaker.name, speaker.id
            rows.append(row)
            if job.codebook is not None:
                contexts.append(paragraph(document.text, statement.start, statement.end))
        documents.append(
            {
                "id": document.id,
                "name": document.name,
                "source_path": _absolute(document.source_path),
                "text": document.text,
                **{
                    key: list(value) if key == "authors" else value
                    for key, value in document.metadata.model_dump().items()
                },
                "statements": len(statements),
            }
        )
    if job.codebook is not None:
        _suggest(job.codebook, rows, contexts)
    result.documents, result.statements = len(documents), len(rows)
    result.local_speakers = len(local)
    result.metadata_used = job.metadata.used if job.metadata is not None else 0
    output = Path(job.output)
    files.write_part(
        output / files.part_name("documents", part.number, job.fmt), "documents", documents, job.fmt
    )
    files.write_part(
        output / files.part_name("speakers", part.number, job.fmt, "-local"),
        "speakers",
        files.speaker_rows((s, first[s.id]) for s in local.values()),
        job.fmt,
    )
    files.write_part(
        job.work / files.part_name("statements", part.number, "parquet"),
        "statements",
        rows,
        "parquet",
    )
    _write_mentions(job.work / f"mentions/part-{part.number:05d}.parquet", mentions)
    del rows, mentions, documents, contexts, links, local, first, registry
    release_memory()  # else a worker's heap grows with each partition it extracts
    return result


def _suggest(codebook: Codebook, rows: list[dict], contexts: list[str]) -> None:
    """Each statement row's stance suggestion (the codebook model's, as ``argmap add`` asks
    it), in one call for the partition."""
    from argmap.stance import suggest_stances
    from argmap.stance.annotate import stance_record

    if not rows:
        return
    found = suggest_stances(codebook, [row["text"] for row in rows], contexts=contexts)
    for row, suggestion in zip(rows, found, strict=True):
        row.update(stance_record(suggestion))
        row["suggestion"] = suggestion.model_dump_json()


def _absolute(source_path: str | None) -> str | None:
    """A document's source path made absolute (the workers' and the driver's folders may
    differ): a corpus row's ``#row`` kept as it is."""
    if not source_path:
        return source_path
    base, sep, key = source_path.partition("#")
    return f"{Path(base).resolve()}{sep}{key}"


def _document_keys(queries: list) -> tuple[set[str], dict[str, list[str]]]:
    """A document's one-word person names, and its named organisations by head noun."""
    lone: set[str] = set()
    heads: dict[str, list[str]] = {}
    for query in queries:
        if not isinstance(query, tuple):
            continue
        found = query[1]
        if found.scope == "lone":
            lone.add(found.key[0])
        elif found.scope in ("global", "alias") and found.head is not None:
            node = _nodes(found, (lone, heads))[0]
            if node not in heads.setdefault(found.head, []):
                heads[found.head].append(node)
    return lone, heads


def _name_node(found: MentionLinks) -> str:
    return f"k|{found.kind_class}|{' '.join(found.key)}"


def _nodes(found: MentionLinks, keys: tuple[set[str], dict[str, list[str]]]) -> Nodes:
    """The blocking keys of a mention: every mention sharing one is resolved in the same
    block; none for a mention its document alone decides."""
    lone, heads = keys
    if found.scope == "alias":
        return (f"t|{found.alias}",)
    if found.scope == "lone":
        return (f"s|{found.key[0]}",)
    if found.scope == "global":
        node = _name_node(found)
        return (node, f"a|{found.acronym}") if found.acronym else (node,)
    # a description or pronoun: its document's, unless it shares its registry slot with a
    # one-word name there, or may take an organisation named there
    if found.kind_class == "p" and len(found.key) == 1 and found.key[0] in lone:
        return (f"s|{found.key[0]}",)
    if found.kind_class == "o" and found.head is not None and found.head in heads:
        return tuple(heads[found.head])
    return ()


def _write_mentions(path: Path, mentions: list[dict]) -> None:
    import pyarrow as pa

    schema = pa.schema(
        [
            ("part", pa.int64()),
            ("row", pa.int64()),
            ("doc_id", pa.string()),
            ("name", pa.string()),
            ("role", pa.string()),
            ("mention", pa.string()),
            ("nodes", pa.list_(pa.string())),
        ]
    )
    files.write_table(path, pa.Table.from_pylist(mentions, schema=schema))


def _read(path: Path) -> list[dict]:
    return files.read_table(path).to_pylist()


# ---------------------------------------------------------------------- 2. route


def route_part(number: int, job: Job, blocks: Mapping[str, int]) -> int:
    """Send partition ``number``'s mentions to their blocks (``blocks``: node -> block);
    returns how many it sent."""
    mentions = _read(job.work / f"mentions/part-{number:05d}.parquet")
    by_block: dict[int, list[dict]] = {}
    for mention in mentions:
        by_block.setdefault(blocks[mention["nodes"][0]], []).append(mention)
    for block, held in by_block.items():
        _write_mentions(job.work / f"shuffle/block-{block:05d}/part-{number:05d}.parquet", held)
    return len(mentions)


# ---------------------------------------------------------------------- 3. resolve


def resolve_block(block: int, job: Job) -> int:
    """Resolve block ``block``'s mentions with one registry, in corpus order; writes each
    partition's speaker ids and the block's speakers. Returns how many speakers.

    The registry is most of the memory a block takes, so nothing else is held for the whole
    block: the mentions are read one partition's file at a time (the files, by partition
    number, and the rows in each, sorted, are corpus order), what they resolved to is written
    as soon as the partition is done, each document's own state in the registry is dropped
    after its last mention and its own speakers written out as rows then (most of a block's
    speakers: a family name its namesakes leave ambiguous, a description), and where each
    speaker was first named is kept on it; the registry goes before the corpus's speakers
    are turned into rows."""
    from argmap.extraction.corpus import resolve_mention
    from argmap.speakers.registry import SpeakerRegistry

    folder = job.work / f"shuffle/block-{block:05d}"
    paths = sorted(folder.glob("part-*"))
    columns = ["row", "doc_id", "name", "role", "mention"]
    again = _documents_seen_twice(paths)  # (a corpus holding one article twice): kept
    release_memory()  # what extraction left on this worker
    registry = SpeakerRegistry(
        job.aliases,
        forget_documents=True,
        speaker_type=cast("Callable[..., Speaker]", BlockSpeaker),
    )
    # by id, the speaker each id was last resolved to, until its row is written: two
    # speakers may share an id (a one-word name's stand-in made again after a full name
    # claimed the first), and the block's part has one row per id, the last one's fields
    # at the first one's place, as one registry over the corpus gives
    by_id: dict[str, BlockSpeaker] = {}
    document = None
    with _SpeakerSpill(job.work / "spill" / f"block-{block:05d}") as done:
        for path in paths:
            part = int(path.stem.split("-")[1])
            found = files.read_table(path, columns).sort_by("row").to_pydict()
            names: list[str] = []
            ids: list[str] = []
            for row, doc_id, name, role, mention in zip(
                *(found[column] for column in columns), strict=True
            ):
                if doc_id != document:
                    if document is not None and document not in again:
                        # its last mention is done: its own speakers are final
                        own = registry.forget_document(document)
                        done.add(_final(cast("list[BlockSpeaker]", own), by_id))
                    document = doc_id
                speaker = cast(
                    "BlockSpeaker",
                    resolve_mention(registry, name, doc_id=doc_id, role=role, mention=mention),
                )
                if speaker.first < 0:  # first named here, or its id was
                    known = by_id.get(speaker.id)
                    speaker.first = (part << 32) + row if known is None else known.first
                by_id[speaker.id] = speaker
                names.append(speaker.name)  # its name now: a later mention may give a fuller one
                ids.append(speaker.id)
            if ids:
                _write_resolved(job, part, block, found["row"], names, ids)
            del found, names, ids
            clear_caches()  # the name parsers' caches: full, they would hold tens of megabytes
        del registry
        kept = sorted(by_id.values(), key=lambda speaker: speaker.first)
        by_id.clear()
        release_memory()
        done.write(
            Path(job.output) / files.part_name("speakers", block, job.fmt, "-block"), kept, job.fmt
        )
    count = done.count + len(kept)
    del kept
    release_memory()  # for the tasks this worker runs next
    return count


def release_memory() -> None:
    """Give back to the system the memory this worker freed but still holds: Python's
    unreachable cycles, pyarrow's pool, and the C heap's free pages (glibc's
    ``malloc_trim``, where there is one). A worker that extracted partitions holds a
    hundred megabytes or more of it; nothing any task computes changes."""
    import contextlib
    import ctypes
    import ctypes.util
    import gc

    import pyarrow as pa

    clear_caches()
    gc.collect()
    pa.default_memory_pool().release_unused()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)


#: The bounded caches of argmap's pure functions that keep a result per string, by module,
#: beside name parsing's and coref's (emptied by their modules' own ``clear_caches``):
#: what ``clear_caches`` empties (a test checks that an extraction leaves none other filled).
CACHES = {
    "argmap.speakers.descriptions": ("description_words", "head_forms"),
    "argmap.stance.tokens": ("stem", "_read"),
    "argmap.stance.similarity": ("_word_grams",),
}


def clear_caches() -> None:
    """Empty the caches of name parsing and coref (30 MB or more once full) and ``CACHES``,
    of the modules this process has imported. They fill again as asked: nothing computed
    changes."""
    import sys

    for name in ("argmap.speakers.names", "argmap.speakers.coref"):
        module = sys.modules.get(name)
        if module is not None:
            module.clear_caches()
    for name, functions in CACHES.items():
        module = sys.modules.get(name)
        if module is None:
            continue
        for function in functions:
            cached = getattr(module, function, None)
            if cached is not None:
                cached.cache_clear()


class BlockSpeaker:
    """A speaker as a block's registry holds it (``SpeakerRegistry(speaker_type=...)``):
    ``argmap.models.Speaker``'s fields in slots, changed in place as its mentions come like
    the model's, in about 130 bytes with its list of aliases where the pydantic model takes
    some 520. A corpus-scale block holds one per speaker; only rows are written of them."""

    __slots__ = ("affiliation", "aliases", "first", "id", "kind", "name", "role")

    def __init__(self, *, id: str, name: str, kind: SpeakerKind) -> None:
        self.id = id
        self.name = name
        self.kind = SpeakerKind(kind)
        self.aliases: list[str] = []
        self.role: str | None = None
        self.affiliation: str | None = None
        self.first = -1  # (partition << 32) + row of its first mention, once resolved


def _documents_seen_twice(paths: list[Path]) -> set[str]:
    """The documents whose mentions in these files (in corpus order) are not all together:
    none, unless the corpus holds an article twice."""
    seen: set[int] = set()  # hashes: a collision only keeps a document's state longer
    again: set[str] = set()
    for path in paths:
        table = files.read_table(path, ["row", "doc_id"]).sort_by("row")
        previous = None
        for doc_id in table.column("doc_id").to_pylist():
            if doc_id == previous:
                continue
            previous = doc_id
            if hash(doc_id) in seen:
                again.add(doc_id)
            seen.add(hash(doc_id))
    return again


SPILL_ROWS = 1 << 16  # speakers written out at a time


def _speaker_columns(speakers: list[BlockSpeaker]) -> dict[str, list]:
    """``files.speaker_rows``'s rows, as columns (a dict per speaker took 55 MB more at
    140,000)."""
    return {
        "id": [s.id for s in speakers],
        "name": [s.name for s in speakers],
        "aliases": [s.aliases for s in speakers],
        "kind": [s.kind.value for s in speakers],
        "role": [s.role for s in speakers],
        "affiliation": [s.affiliation for s in speakers],
        "first_part": [s.first >> 32 for s in speakers],
        "first_row": [s.first & 0xFFFFFFFF for s in speakers],
    }


def _final(own: list[BlockSpeaker], by_id: dict[str, BlockSpeaker]) -> list[BlockSpeaker]:
    """A forgotten document's own speakers as their rows will be: each id's last speaker
    (taken out of ``by_id``), in order of first mention."""
    rows = [by_id.pop(speaker.id) for speaker in own if speaker.id in by_id]
    rows.sort(key=lambda speaker: speaker.first)
    return rows


class _SpeakerSpill:
    """A block's speakers that are done (its forgotten documents' own), written out as they
    come, in order of first mention, to one Parquet file of this attempt's; ``write`` merges
    them with the block's other speakers into the block's speakers part, in order of first
    mention as a block held whole gave them. The spill file goes when the block is done."""

    def __init__(self, stem: Path) -> None:
        import uuid

        self.path = stem.with_name(f"{stem.name}-{uuid.uuid4().hex[:8]}.parquet")
        self.held: list[BlockSpeaker] = []
        self.writer: Any = None
        self.previous = -1
        self.count = 0  # speakers added

    def __enter__(self) -> _SpeakerSpill:
        return self

    def __exit__(self, *_: object) -> None:
        if self.writer is not None:
            self.writer.close()
        self.path.unlink(missing_ok=True)

    def add(self, speakers: list[BlockSpeaker]) -> None:
        for speaker in speakers:
            if speaker.first < 0:
                continue  # never resolved to (none is: each was made by a mention)
            assert speaker.first > self.previous, "a document's speakers out of corpus order"
            self.previous = speaker.first
            self.held.append(speaker)
            self.count += 1
        if len(self.held) >= SPILL_ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.held:
            return
        table = pa.table(_speaker_columns(self.held), schema=files.schemas()["speakers"])
        if self.writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.writer = pq.ParquetWriter(self.path, table.schema)
        self.writer.write_table(table)
        self.held = []

    def _spilled(self) -> Iterator[dict]:
        """The rows written out, in order, a batch at a time."""
        import pyarrow.parquet as pq

        if self.writer is None:
            return
        self.writer.close()
        self.writer = None
        for batch in pq.ParquetFile(self.path).iter_batches(batch_size=SPILL_ROWS):
            yield from batch.to_pylist()

    def write(self, path: Path, kept: list[BlockSpeaker], fmt: str) -> None:
        """The block's speakers part: the spilled rows, those still held and ``kept`` (the
        registry's, sorted by first mention) merged in order of first mention."""
        import heapq

        import pyarrow as pa
        import pyarrow.parquet as pq

        def rows(speakers: list[BlockSpeaker]) -> Iterator[dict]:
            for start in range(0, len(speakers), SPILL_ROWS):
                columns = _speaker_columns(speakers[start : start + SPILL_ROWS])
                yield from (
                    dict(zip(columns, values, strict=True))
                    for values in zip(*columns.values(), strict=True)
                )

        merged = heapq.merge(
            self._spilled(),
            rows(self.held),
            rows(kept),
            key=lambda row: (row["first_part"], row["first_row"]),
        )
        if fmt != "parquet":
            files.write_part(path, "speakers", merged, fmt)
            return
        schema = files.schemas()["speakers"]
        with files.replacing(path) as temporary, pq.ParquetWriter(temporary, schema) as writer:
            batch: list[dict] = []
            written = False
            for row in merged:
                batch.append(row)
                if len(batch) == SPILL_ROWS:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    batch, written = [], True
            if batch or not written:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))


def _write_resolved(
    job: Job, part: int, block: int, rows: list[int], names: list[str], ids: list[str]
) -> None:
    """What partition ``part``'s mentions in ``block`` resolved to, for ``join_part``."""
    import pyarrow as pa

    path = job.work / f"resolved/part-{part:05d}/block-{block:05d}.parquet"
    files.write_table(path, pa.table({"row": rows, "speaker": names, "speaker_id": ids}))


# ---------------------------------------------------------------------- 4. join


def join_part(number: int, job: Job) -> int:
    """Partition ``number``'s statements with their speakers, written to the results folder;
    returns how many. Parquet stays a ``pyarrow.Table``, only its two speaker columns made
    again (as rows, a partition's statements took about 190 MB where the table takes some
    tens)."""
    statements = job.work / files.part_name("statements", number, "parquet")
    folder = job.work / f"resolved/part-{number:05d}"
    resolved = sorted(folder.glob("block-*.parquet")) if folder.is_dir() else []
    if job.fmt != "parquet":
        rows = _read(statements)
        for path in resolved:
            for found in _read(path):
                row = rows[found["row"]]
                row["speaker"], row["speaker_id"] = found["speaker"], found["speaker_id"]
        files.write_part(
            Path(job.output) / files.part_name("statements", number, job.fmt),
            "statements",
            rows,
            job.fmt,
        )
        return len(rows)
    import pyarrow as pa

    table = files.read_table(statements)
    columns = {name: table.column(name).to_pylist() for name in ("speaker", "speaker_id")}
    for path in resolved:
        found = files.read_table(path).to_pydict()
        for name, values in columns.items():
            for row, value in zip(found["row"], found[name], strict=True):
                values[row] = value
    for name, values in columns.items():
        index = table.schema.get_field_index(name)
        table = table.set_column(index, table.schema.field(index), pa.array(values, pa.string()))
    files.write_table(Path(job.output) / files.part_name("statements", number, job.fmt), table)
    return table.num_rows
