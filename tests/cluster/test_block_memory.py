"""What a speaker block holds on its worker (issue 15: under 500 MB per worker): its registry's
speakers are ``BlockSpeaker`` rows of slots, not pydantic models, and give the same speakers;
the name parsers' caches are emptied; the Parquet parts made from tables rather than rows
have the schema the row-made ones have."""

import tracemalloc

import pytest

from argmap.cluster import InProcess, extract_to_folder, tasks
from argmap.extraction.corpus import resolve_mention
from argmap.io import statement_files as files
from argmap.speakers.registry import SpeakerRegistry
from tests.cluster.helpers import seed_corpus

pytest.importorskip("pyarrow")

GIVEN = "Hillary Bill Bernie Jane Marco Ted Nancy Chuck Elizabeth Kamala".split()
FAMILY = (
    "Clinton Sanders Rubio Cruz Pelosi Schumer Warren Harris Kishida Sasae Emanuel Weaver "
    "Burman Mariano Nervo Schiff Pence Fowler Clarke Scott"
).split()


def mentions():
    """(document, name, mention) of a corpus: full names and their misspellings, surnames
    alone, "Mrs." and "he", descriptions and organisations, several to a document."""
    for number in range(600):
        doc = f"doc-{number}"
        given = GIVEN[number % len(GIVEN)]
        family = FAMILY[(number * 7) % len(FAMILY)]
        other = FAMILY[(number * 3 + 1) % len(FAMILY)]
        yield doc, f"{given} {family}", None
        yield doc, family, "Mrs. " + family if number % 5 == 0 else family
        yield doc, f"Senator {GIVEN[(number + 3) % len(GIVEN)]} {other}", None
        yield doc, "the ministry", None
        yield doc, "Ministry of Defense" if number % 2 else "Federal Bureau of Investigation", None
        yield doc, "FBI", "FBI"
        yield doc, f"{given} {family}e" if number % 9 == 0 else f"{given} {family}", "he"


def resolve_all(registry: SpeakerRegistry) -> list[tuple]:
    speakers: dict = {}
    for doc, name, mention in mentions():
        resolve_mention(registry, name, doc_id=doc, role=None, mention=mention, speakers=speakers)
    return [
        (s.id, s.name, list(s.aliases), s.kind.value, s.role, s.affiliation)
        for s in speakers.values()
    ]


def test_block_speakers_are_the_models_speakers():
    model = resolve_all(SpeakerRegistry())
    compact = resolve_all(SpeakerRegistry(speaker_type=tasks.BlockSpeaker))
    assert compact == model
    assert len(model) > 100 and any(aliases for _, _, aliases, *_ in model)
    assert any(role for *_, role, _ in model) and {row[3] for row in model} >= {
        "person",
        "organisation",
    }


def traced_bytes(make) -> int:
    """What ``make()`` leaves allocated (it returns what to keep alive)."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = make()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept is not None
    return held


def many_people(speaker_type):
    registry = SpeakerRegistry(speaker_type=speaker_type, forget_documents=True)
    speakers: dict = {}
    for number in range(2000):
        name = f"{GIVEN[number % 10]}{number // 10} {FAMILY[number % 20]}son"
        resolve_mention(registry, name, doc_id=f"d{number}", role=None, mention=name)
        speakers[number] = registry.resolve(name, doc_id=f"d{number}")
        registry.forget_document(f"d{number}")
    return registry, speakers


def test_a_block_speaker_takes_a_fraction_of_a_models_memory():
    """The registry with its speakers as ``BlockSpeaker``: at most two thirds of what it
    holds with pydantic models, its own state included (2,000 people: about 530 against
    1,600 bytes a speaker)."""
    from argmap.models import Speaker

    model = traced_bytes(lambda: many_people(Speaker))
    compact = traced_bytes(lambda: many_people(tasks.BlockSpeaker))
    assert compact < model * 2 / 3, (compact / 2000, model / 2000)


def test_a_block_leaves_the_name_caches_empty_and_parts_keep_their_schema(tmp_path):
    import pyarrow.parquet as pq

    from argmap.speakers.names import name_key

    seed_corpus(tmp_path / "articles", 30, seed=21)
    name_key.cache_clear()
    resolved = []
    real = tasks.resolve_block

    def resolve_block(block, job):
        count = real(block, job)
        resolved.append(name_key.cache_info().currsize)
        return count

    tasks.resolve_block = resolve_block
    try:
        report = extract_to_folder(
            [tmp_path / "articles"], tmp_path / "out", InProcess(), partition_bytes=6000
        )
    finally:
        tasks.resolve_block = real
    assert report.blocks > 1 and resolved == [0] * report.blocks
    schemas = files.schemas()
    for table in ("statements", "speakers"):
        for part in files.parts(tmp_path / "out", table):
            assert pq.read_schema(part).equals(schemas[table]), part
    assert any(p.name.endswith("-block.parquet") for p in files.parts(tmp_path / "out", "speakers"))


def block_speaker_rows(output) -> list[list[dict]]:
    return [
        files.read_part(part, "speakers")
        for part in files.parts(output, "speakers")
        if "-block." in part.name
    ]


def namesakes(folder):
    """Articles quoting Hillary and Bill Clinton, Jane and Bernie Sanders by name, then
    many quoting 'Clinton' or 'Sanders' alone: namesakes quoted alike leave each its own
    speaker in its document, resolved in the block of the name."""
    folder.mkdir()
    people = ["Hillary Clinton", "Bill Clinton", "Jane Sanders", "Bernie Sanders"]
    for n in range(24):
        person = people[n % 4]
        if n < 4:
            text = (
                f'"We will raise the minimum wage next year," {person} said on Monday.\n\n'
                f'"The plan is fair to workers," {person.split()[1]} added.'
            )
        else:
            text = (
                f'"Taxes are far too high for {n} families in Ohio," {person.split()[1]} '
                'said on Tuesday.\n\n"The ministry will review the rules," the spokesman said.'
            )
        (folder / f"article-{n:03d}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_a_blocks_speakers_written_as_their_documents_end_are_the_same_rows(
    tmp_path, monkeypatch, fmt
):
    """A document's own speakers are written out once it is done, a few at a time here
    (``SPILL_ROWS`` 2), and merged with the corpus's at the end: the block's speakers part
    holds the rows, in order of first mention, that holding them all to the end gave."""
    articles = namesakes(tmp_path / "articles")
    spilled: list[str] = []
    real = tasks._SpeakerSpill._flush

    def flush(self):
        spilled.extend(speaker.name for speaker in self.held)
        real(self)

    whole = tmp_path / "whole"
    monkeypatch.setattr(tasks, "SPILL_ROWS", 1 << 30)
    extract_to_folder([articles], whole, InProcess(), fmt=fmt, partition_bytes=300)
    monkeypatch.setattr(tasks, "SPILL_ROWS", 2)
    monkeypatch.setattr(tasks._SpeakerSpill, "_flush", flush)
    spill = tmp_path / "spill"
    extract_to_folder([articles], spill, InProcess(), fmt=fmt, partition_bytes=300)
    # the documents' own 'Clinton' and 'Sanders' were written out as their documents ended
    assert len(spilled) >= 10 and set(spilled) == {"Clinton", "Sanders"}
    blocks = block_speaker_rows(spill)
    assert blocks == block_speaker_rows(whole)
    assert sum(map(len, blocks)) == 20 + 4  # a speaker for each alone, the four in full
    for rows in blocks:
        firsts = [(row["first_part"], row["first_row"]) for row in rows]
        assert firsts == sorted(firsts)
    assert list(files.read_statements(spill)) == list(files.read_statements(whole))


def test_clear_caches_empties_every_large_cache_an_extraction_fills():
    """After an extraction with its speakers resolved, ``clear_caches`` leaves no cache of
    1,024 results or more of argmap's filled (one it missed would grow a worker's memory
    with its partitions)."""
    import sys

    from argmap.extraction.corpus import speaker_query
    from argmap.extraction.extractor import iter_statements
    from argmap.io.reading import load_documents
    from argmap.speakers.names import name_key
    from tests.helpers import SEED

    registry = SpeakerRegistry()
    for document in load_documents([SEED]):
        for statement in iter_statements(document):
            name = speaker_query(statement)
            if name is not None:
                resolve_mention(
                    registry,
                    name,
                    doc_id=document.id,
                    role=None,
                    mention=statement.speaker_mention,
                )
    assert name_key.cache_info().currsize > 0

    def filled():
        return {
            (name, attribute)
            for name, module in list(sys.modules.items())
            if module is not None and name.startswith("argmap.")
            for attribute, value in vars(module).items()
            if callable(getattr(value, "cache_info", None))
            and (value.cache_info().maxsize or 1 << 30) >= 1024
            and value.cache_info().currsize
        }

    assert len(filled()) >= 3
    tasks.clear_caches()
    assert filled() == set()
