"""The corpus pipeline: per-document extraction, then cross-document speaker resolution."""

import pytest

from argmap.extraction import corpus as pipeline
from argmap.models import Document, Speaker, Statement, StatementKind


class _Registry:
    """A registry that records its calls and gives every distinct name one speaker."""

    def __init__(self):
        self.calls = []

    def is_not_a_speaker(self, name):
        return False

    def resolve(self, name, *, doc_id, role=None, gender=None):
        self.calls.append((name, doc_id))
        canonical = {"Kishida": "Kishida Fumio", "Fumio Kishida": "Kishida Fumio"}.get(name, name)
        return Speaker(id=canonical.lower().replace(" ", "-"), name=canonical)


def _statement(document, speaker=None, mention=None):
    """The fields of a statement as the extractor finds it (``statement_fields``)."""
    return Statement(
        id=f"{document.name}-1",
        document=document.id,
        doc_name=document.name,
        start=0,
        end=4,
        text=document.text[:4],
        kind=StatementKind.INDIRECT,
        speaker=speaker,
        speaker_mention=mention,
    ).model_dump()


@pytest.fixture
def documents(monkeypatch):
    docs = [Document.from_text(name, "Text of an article.") for name in ("a.txt", "b.txt", "c.txt")]
    found = {
        "a.txt": lambda d: [_statement(d, speaker="Fumio Kishida", mention="he")],
        "b.txt": lambda d: [_statement(d, mention="Kishida")],
        "c.txt": lambda d: [_statement(d)],
    }
    monkeypatch.setattr(pipeline, "statement_fields", lambda d: found[d.name](d))
    return docs


def test_speakers_are_resolved_across_documents(documents):
    registry, speakers = _Registry(), {}
    results = list(pipeline.extract_corpus(documents, registry, speakers))
    assert [d.name for d, _ in results] == ["a.txt", "b.txt", "c.txt"]
    [a], [b], [c] = (statements for _, statements in results)
    assert (a.speaker, a.speaker_id, a.speaker_mention) == ("Kishida Fumio", "kishida-fumio", "he")
    assert (b.speaker, b.speaker_id) == ("Kishida Fumio", "kishida-fumio")
    assert (c.speaker, c.speaker_id) == (None, None)
    # The in-document name is preferred over the raw mention; unattributed statements skip the
    # registry.
    assert registry.calls == [("Fumio Kishida", documents[0].id), ("Kishida", documents[1].id)]
    assert list(speakers) == ["kishida-fumio"]


def test_results_stream_one_document_at_a_time(documents):
    registry = _Registry()
    results = pipeline.extract_corpus(iter(documents), registry)
    next(results)
    assert len(registry.calls) == 1


def test_default_registry_merges_name_orders_across_documents(monkeypatch):
    names = {"a.txt": "Fumio Kishida", "b.txt": "Kishida Fumio"}
    monkeypatch.setattr(
        pipeline, "statement_fields", lambda d: [_statement(d, speaker=names[d.name])]
    )
    documents = [Document.from_text(name, f"Text of {name}.") for name in names]
    [(_, [a]), (_, [b])] = pipeline.extract_corpus(documents)
    assert a.speaker_id is not None and a.speaker_id == b.speaker_id


@pytest.mark.parametrize(
    ("mention", "gender"),
    [
        ("he", "male"),
        ("She", "female"),
        ("Mr. Trump", "male"),
        ("Mrs. Clinton", "female"),
        ("Ms. Kamikawa", "female"),
        ("Hershel Walker", None),
        ("Shea", None),
        ("the senator", None),
    ],
)
def test_the_gender_a_mention_says_is_what_its_words_say(mention, gender):
    from argmap.extraction.corpus import _gender_said

    assert _gender_said(mention) == gender


def test_mrs_clinton_in_one_article_is_not_the_clinton_another_calls_mr():
    documents = [
        Document.from_text("a.txt", "Hillary Clinton spoke. “We will win,” Mrs. Clinton said."),
        Document.from_text("b.txt", "Bill Clinton spoke. “We will win,” Mr. Clinton said."),
        Document.from_text("c.txt", "“I am ready,” Mrs. Clinton said on Monday."),
        Document.from_text("d.txt", "“I am ready,” Mr. Clinton said on Monday."),
    ]
    speakers = {}
    names = [
        [s.speaker for s in statements]
        for _, statements in pipeline.extract_corpus(documents, None, speakers)
    ]
    assert names[0] == ["Hillary Clinton"] and names[1] == ["Bill Clinton"]
    assert names[2] == ["Hillary Clinton"] and names[3] == ["Bill Clinton"]


def test_statements_written_from_their_fields_are_the_models_lines(polnear_dev):
    """``argmap extract``'s JSON Lines, written from each statement's fields with no model
    built, are the lines ``write_jsonl`` gives of the same statements as models, byte for
    byte, with and without a document's metadata."""
    import io

    from argmap.io import writers
    from argmap.io.reading import load_documents
    from argmap.models import DocumentMetadata
    from argmap.speakers.registry import SpeakerRegistry

    metadata = DocumentMetadata(
        title="A “title”", outlet="The Example Times", authors=("Ann Lee", "Bo Wu")
    )
    documents = [
        d.model_copy(update={"metadata": metadata}) if k % 2 else d
        for k, d in enumerate(load_documents([str(polnear_dev / "text")]))
    ]
    fields = list(pipeline.extract_corpus_fields(documents[:3], SpeakerRegistry()))
    for _, found in fields:
        for item in found:
            assert list(item) == list(Statement.model_fields)  # the records keep this order
    by_fields, by_models = io.StringIO(), io.StringIO()
    writers.write_jsonl_fields(
        pipeline.extract_corpus_fields(documents, SpeakerRegistry()), by_fields
    )
    writers.write_jsonl(pipeline.extract_corpus(documents, SpeakerRegistry()), by_models)
    lines = by_fields.getvalue().splitlines()
    assert len(lines) > 1000 and '"metadata": {"title": "A “title”"' in lines[-1]
    assert by_fields.getvalue() == by_models.getvalue()
