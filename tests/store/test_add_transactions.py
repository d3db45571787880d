"""``add_documents`` stores a batch of documents in one transaction, each document in a
savepoint of its own (a commit per document cost more than storing it): what another
connection sees, and when progress is told."""

from argmap.store import Workspace
from tests.store.test_add_batches import editions, small_batches, workspace

__all__ = ["small_batches"]  # the fixture, used by name


def test_a_batch_is_committed_at_once_and_progress_told_after_its_commit(new_target, small_batches):
    """Batches of three documents: another connection sees each batch whole, and a
    document's progress is told only once that connection can see it."""
    documents = editions(7)
    seen_by_another = []
    with workspace(new_target("batched")) as ws, Workspace(ws.path) as other:

        def progress(document, statements, outcome):
            count = other.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            seen_by_another.append(count)

        report = ws.add_documents(documents, progress=progress)
    assert len(report.added) == 7
    assert seen_by_another == [3, 3, 3, 6, 6, 6, 7]
