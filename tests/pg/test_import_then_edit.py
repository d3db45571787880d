"""A map imported into PostgreSQL takes edits: the edit log's next entry follows the imported
ones (the id counter moved past them), so an edit, its undo and its redo are logged after them."""

import io
import json

from argmap.export import writer
from argmap.export.mapjson import import_map
from argmap.store import Workspace
from tests.helpers import seed_workspace


def test_edits_after_importing_into_postgresql_are_logged_after_the_imported_ones(
    tmp_path, postgres_url
):
    with seed_workspace(tmp_path) as source:
        row = source.statements()[0]
        source.set_stance(row.id, "neutral", annotator="alice")
        stream = io.StringIO()
        writer("json")(source, stream)
        imported = [edit.id for edit in source.edits(limit=1000)]
    path = tmp_path / "map.json"
    path.write_text(stream.getvalue(), encoding="utf-8")
    assert json.loads(stream.getvalue())["edits"]
    with Workspace.init(postgres_url) as copy:
        import_map(copy, str(path))
        copy.set_stance(row.id, "pro-integration", annotator="bob")
        bobs = copy.last_edit_id
        assert bobs == max(imported) + 1
        assert copy.undo(actor="bob").id == bobs
        assert [a.annotator for a in copy.annotations(row.id)] == ["alice"]
