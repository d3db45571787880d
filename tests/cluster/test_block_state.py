"""A corpus-scale block's registry keeps only what a later mention may consult (issue 15:
under 500 MB per worker as the corpus grows): a forgotten document's own speakers and the
caches of mention strings go, and large spelling blocks are lists; the speakers are the same
as a registry that keeps everything gives."""

import pytest

from argmap.extraction.corpus import resolve_mention
from argmap.speakers import registry as registry_module
from argmap.speakers.registry import SpeakerRegistry

GIVEN = "Calette Halette Marisol Dorian Tobias Lucinda Ferris Odalys Brannon Ysolde".split()
FAMILY = "Cordale Mordale Ashwood Fenwick Halvik Normont Stanson Quinwell".split()


def corpus():
    """(document, name, mention): full names with misspellings, family names alone that
    namesakes leave ambiguous (their document's own speakers), 'Mrs.' and 'he'."""
    for number in range(400):
        doc = f"doc-{number}"
        given = GIVEN[number % len(GIVEN)]
        family = FAMILY[(number * 3) % len(FAMILY)]
        other = FAMILY[(number * 5 + 1) % len(FAMILY)]
        yield doc, f"{given} {family}", None
        yield doc, other, "Mrs. " + other if number % 4 == 0 else other
        yield doc, f"{GIVEN[(number + 3) % len(GIVEN)]}{number % 7} {other}", None
        yield doc, f"{given} {family}"[:-1] if number % 11 == 0 else f"{given} {family}", "he"
        yield doc, "the ministry", None


def resolve_all(registry: SpeakerRegistry, forget: bool) -> list[tuple]:
    speakers: dict = {}
    ids = []
    document = None
    for doc, name, mention in corpus():
        if forget and doc != document and document is not None:
            registry.forget_document(document)
        document = doc
        found = resolve_mention(
            registry, name, doc_id=doc, role=None, mention=mention, speakers=speakers
        )
        ids.append(found.id)
    return ids + [
        (s.id, s.name, list(s.aliases), s.kind.value, s.role, s.affiliation)
        for s in speakers.values()
    ]


def test_a_forgetting_registry_gives_what_one_keeping_everything_gives(monkeypatch):
    kept = SpeakerRegistry()
    everything = resolve_all(kept, forget=False)
    monkeypatch.setattr(registry_module, "CACHED_MENTIONS", 16)
    forgetting = SpeakerRegistry(forget_documents=True)
    assert resolve_all(forgetting, forget=True) == everything
    # what went: the documents' own speakers (a family name its namesakes leave ambiguous,
    # 'the ministry') and the caches of mention strings
    assert len(forgetting) < len(kept) - 400
    assert len(forgetting._settled) + len(forgetting._parsed) <= 16 + 5
    assert len({s.id for s in forgetting.speakers()}) == len(forgetting)


NAMESAKES = (
    "Abigail Bartholomew Cassius Delphine Evander Florian Gwendolyn Horatio Isadora Jasper "
    "Katarina Leopold Magnolia Nathaniel Octavia Percival Quentin Rosalind Sebastian Theodora "
    "Ulysses Valentina Winifred Xavier Yolanda Zachariah Agatha Benedict Cordelia Desmond"
).split()


@pytest.mark.parametrize("others", [3, 30])
def test_a_tie_in_a_large_block_goes_to_the_name_seen_first(others):
    """'Calette Cordale' is as close to 'Calette Mordale' as to 'Halette Cordale': the one seen
    first takes it, whether the block of 'cordale' holds a few names (a tuple) or many (lists
    searched by rapidfuzz); a misspelling finds its name in either."""
    registry = SpeakerRegistry()
    for given in NAMESAKES[:others]:
        registry.resolve(f"{given} Cordale", doc_id="a")
    first = registry.resolve("Calette Mordale", doc_id="b").id
    halette = registry.resolve("Halette Cordale", doc_id="b").id
    assert registry.resolve("Calette Cordale", doc_id="c").id == first
    assert registry.resolve("Halete Cordale", doc_id="c").id == halette
    assert len(registry) == others + 2
