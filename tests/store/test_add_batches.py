"""``add_documents`` asks the stance model for a batch of documents at once, then stores
each document in its own transaction: what it stores is what adding them one by one
stores, speakers and edit log included, even when a document in the middle of a batch fails.
"""

import pytest

from argmap.codebook import load_codebook
from argmap.io.reading import load_documents, read_document
from argmap.models import Document
from argmap.store import Workspace
from tests.helpers import SEED, SEED_CODEBOOK
from tests.store.helpers import read_rows

SEED_TEXT = SEED.read_text(encoding="utf-8")
#: People the editions quote, so later editions name again who earlier ones named, by
#: surname or in full (the registry's speakers change as the batch goes on).
PEOPLE = ["Tanaka Hitoshi", "Kishida Fumio", "Lloyd Austin", "Ted Cruz", "Hillary Clinton"]


def editions(count: int) -> list[Document]:
    """``count`` articles: the seed, each with a new first paragraph quoting someone, in full
    or by surname alone."""
    out = []
    for n in range(count):
        person = PEOPLE[n % len(PEOPLE)]
        named = person if n % 2 == 0 else person.split()[-1]
        lead = f"“Edition {n} matters,” {named} said on day {n}.\n\n"
        out.append(Document.from_text(f"edition-{n:02d}.txt", lead + SEED_TEXT))
    return out


def stored(target) -> dict:
    """Everything an add writes, in a form to compare (row ids and times left out)."""
    return read_rows(
        target,
        {
            # the place in the order of adding (PostgreSQL's sequence skips the numbers a
            # failed document's rolled-back insert took; SQLite gives them out again)
            "documents": "SELECT id, name, (SELECT count(*) FROM documents e "
            "WHERE e.seq <= d.seq) FROM documents d",
            "statements": 'SELECT id, document, start, "end", speaker_id, speaker_role, label, '
            "review, suggestion_score FROM statements",
            "suggestions": "SELECT statement_id, data FROM suggestions",
            "speakers": "SELECT id, name, kind, role, affiliation, aliases FROM speakers",
            "relations": "SELECT source_id, kind, target_id FROM relations",
            "log": "SELECT action, summary, changes FROM edits",
        },
    )


def workspace(folder) -> Workspace:
    return Workspace.init(folder, codebook=load_codebook(SEED_CODEBOOK))


@pytest.fixture
def small_batches(monkeypatch):
    """Batches of three documents, so a few documents make several batches."""
    monkeypatch.setattr("argmap.store.documents.BATCH_DOCUMENTS", 3)


def test_a_batched_add_stores_what_adding_one_by_one_stores(new_target, small_batches):
    documents = editions(8)
    with workspace(new_target("batched")) as batched:
        report = batched.add_documents(documents)
    assert len(report.added) == 8 and report.failed == []
    with workspace(new_target("single")) as single:
        for document in documents:
            single.add_documents([document])
    assert stored(batched.path) == stored(single.path)


def test_a_document_failing_in_a_batch_is_left_out_and_the_rest_are_as_if_it_never_came(
    new_target, small_batches, monkeypatch
):
    import argmap.store.documents as store_documents

    documents = editions(7)
    bad = documents[4]  # the second document of the second batch
    real = store_documents._statement_values
    batched = workspace(new_target("batched"))
    integrity_error = batched.backend.integrity_errors[0]  # as the database would raise it

    def broken(statement, doc_seq, mapping):
        if statement.document == bad.id:
            raise integrity_error("UNIQUE constraint failed: statements.id")
        return real(statement, doc_seq, mapping)

    monkeypatch.setattr(store_documents, "_statement_values", broken)
    seen = []
    with batched:
        report = batched.add_documents(documents, progress=lambda d, n, o: seen.append(o))
    assert seen == ["added"] * 4 + ["failed"] + ["added"] * 2
    assert [path for path, _ in report.failed] == [bad.name]
    monkeypatch.setattr(store_documents, "_statement_values", real)
    with workspace(new_target("single")) as single:
        for document in documents:
            if document is not bad:
                single.add_documents([document])
    assert stored(batched.path) == stored(single.path)


def test_documents_already_there_are_reported_in_the_order_they_came(
    workspace_target, small_batches
):
    documents = editions(5)
    with workspace(workspace_target) as ws:
        ws.add_documents([documents[2]])
        seen = []
        ws.add_documents(documents, progress=lambda d, n, o: seen.append((d.name, o)))
    assert seen == [
        (document.name, "unchanged" if index == 2 else "added")
        for index, document in enumerate(documents)
    ]


def test_the_seed_read_from_disk_is_added_as_before(workspace_target):
    with workspace(workspace_target) as ws:
        report = ws.add_documents(load_documents([SEED]))
        assert report.added == [SEED.name] and report.statements == 16
        assert len(ws.statements_in_document(read_document(SEED).id)) == 16
