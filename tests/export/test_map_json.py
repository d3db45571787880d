"""The map as JSON: the whole map, validated; export, import, export gives the same file; bad
imports are refused and leave the workspace untouched; the schema. On both backends (SQLite
and PostgreSQL), and from one to the other."""

import io
import json
import re
from datetime import datetime

import jsonschema
import pytest

from argmap.export import writer
from argmap.export.mapjson import MapImportError, build_export, export_schema, import_map
from argmap.export.model import MapExport
from argmap.store import Workspace
from tests.helpers import run_cli, seed_workspace


def pytest_generate_tests(metafunc):
    """Each test taking a workspace runs on SQLite and on PostgreSQL."""
    if "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", ["sqlite", "postgresql"])


@pytest.fixture
def ws(new_target):
    """The seed workspace on the test's backend (``mapped`` builds the map on it)."""
    with seed_workspace(new_target("ws")) as workspace:
        yield workspace


def _without_time_and_id(data: dict) -> dict:
    return {k: v for k, v in data.items() if k not in ("exported_at", "workspace_id")}


def _json(ws) -> dict:
    stream = io.StringIO()
    writer("json")(ws, stream)
    return json.loads(stream.getvalue())


def test_json_export_holds_the_whole_map_and_validates(mapped):
    data = _json(mapped)
    export = MapExport.model_validate(data)
    assert export.workspace_id == mapped.workspace_id and export.codebook == mapped.codebook
    assert len(export.statements) == mapped.count_statements()
    assert {s.name for s in export.speakers} >= {"Kishida Fumio", "Tanaka Hitoshi"}
    assert sorted((a.annotator, a.label, a.adjudicated) for a in export.annotations) == [
        ("alice", "pro-integration", False),
        ("alice", "sovereignty-concern", False),
        ("bob", "neutral", False),
        ("carol", "pro-integration", True),
    ]
    assert len(export.claims) == 4 and len(export.relations) == 6
    assert [e.action for e in export.edits][:2] == ["add-document", "set-stance"]
    doc = export.documents[0]
    assert all(doc.text[s.start : s.end] == s.text for s in export.statements)


def test_export_import_export_is_identical_but_for_time_and_workspace_id(
    mapped, tmp_path, new_target
):
    first = _json(mapped)
    path = tmp_path / "map.json"
    path.write_text(json.dumps(first), encoding="utf-8")
    with Workspace.init(new_target("copy")) as copy:
        import_map(copy, str(path))
        second = _json(copy)
        assert copy.statement_row(first["statements"][1]["id"]) == mapped.statement_row(
            first["statements"][1]["id"]
        )
        assert copy.status().review == mapped.status().review
        # the edit log came along: undo works in the copy
        undone = copy.undo()
        assert undone.action == "link"
    assert second["workspace_id"] != first["workspace_id"]
    for data in (first, second):
        del data["exported_at"], data["workspace_id"]
    assert second == first


def test_an_export_imported_on_the_other_backend_exports_the_same(
    mapped, backend, tmp_path, request
):
    """SQLite to PostgreSQL and back: the same map, the same export."""
    first = _json(mapped)
    path = tmp_path / "map.json"
    path.write_text(json.dumps(first), encoding="utf-8")
    other = request.getfixturevalue("postgres_url") if backend == "sqlite" else tmp_path / "other"
    with Workspace.init(other) as copy:
        import_map(copy, str(path))
        assert copy.on_server == (backend == "sqlite")
        assert _without_time_and_id(_json(copy)) == _without_time_and_id(first)
        assert copy.status().review == mapped.status().review
        assert copy.undo().action == "link"


def _changed(text: str, change) -> str:
    data = json.loads(text)
    change(data)
    return json.dumps(data)


def _parent_cycle(data: dict) -> None:
    first, second = data["claims"][:2]
    first["parent_id"], second["parent_id"] = second["id"], first["id"]


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda text: text[: len(text) // 2], "not complete JSON"),
        (
            lambda text: text.replace('"schema_version": 2', '"schema_version": 3'),
            "export schema version 3; this argmap reads versions 1 and 2",
        ),
        (
            lambda text: re.sub(r'"document": "[0-9a-f]+"', '"document": "missing"', text, count=1),
            "dangling reference: statement .* names document 'missing'",
        ),
        (
            lambda text: text.replace('"kind": "position"', '"kind": "thesis"', 1),
            r"claims\.\d+\.kind",
        ),
        (
            lambda text: text.replace('"format": "argmap-map"', '"format": "other"'),
            "not an argmap map export",
        ),
        (
            lambda text: _changed(text, lambda d: d["statements"][0].update(end=10**9)),
            r"statement \w+: span start \d+, end 1000000000 is not inside its document",
        ),
        (
            lambda text: _changed(
                text, lambda d: d["documents"][0].update(text=d["documents"][0]["text"] + " more")
            ),
            "its text does not match its id",
        ),
        (
            lambda text: _changed(
                text,
                lambda d: next(c for c in d["claims"] if c["statement_id"]).update(
                    statement_id="gone"
                ),
            ),
            "dangling reference: claim .* names statement 'gone'",
        ),
        (lambda text: _changed(text, _parent_cycle), "its parents form a cycle"),
        (
            lambda text: _changed(text, lambda d: d["edits"][-1].update(changes="garbage")),
            "malformed change list",
        ),
    ],
)
def test_bad_imports_are_refused_and_leave_the_workspace_untouched(
    mapped, tmp_path, new_target, damage, message
):
    text = json.dumps(_json(mapped), indent=1)
    path = tmp_path / "bad.json"
    path.write_text(damage(text), encoding="utf-8")
    with Workspace.init(new_target("target")) as target:
        with pytest.raises(MapImportError, match=message):
            import_map(target, str(path))
        counts = [
            target.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in (
                "documents",
                "statements",
                "speakers",
                "annotations",
                "claims",
                "relations",
                "edits",
            )
        ]
        assert counts == [0] * 7 and target.codebook is None


def test_import_needs_an_empty_workspace(mapped, tmp_path):
    path = tmp_path / "map.json"
    path.write_text(json.dumps(_json(mapped)), encoding="utf-8")
    with pytest.raises(MapImportError, match="not empty"):
        import_map(mapped, str(path))


def test_schema_describes_the_export(mapped):
    schema = MapExport.model_json_schema()
    assert {"statements", "speakers", "annotations", "claims", "relations", "codebook"} <= set(
        schema["properties"]
    )
    assert build_export(mapped).schema_version == 2


DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"


def _validator(schema: dict) -> jsonschema.protocols.Validator:
    """The validator the schema's ``$schema`` names, checking formats too (date-time with
    Python's parser, as jsonschema needs an extra package for it)."""
    cls = jsonschema.validators.validator_for(schema, default=None)
    assert cls is jsonschema.Draft202012Validator
    cls.check_schema(schema)
    formats = jsonschema.FormatChecker()
    formats.checks("date-time", raises=ValueError)(datetime.fromisoformat)
    return cls(schema, format_checker=formats)


def test_argmap_schema_prints_a_draft_2020_12_schema(capsys):
    status, out, _ = run_cli(capsys, "schema")
    schema = json.loads(out)
    assert status == 0 and schema["$schema"] == DRAFT_2020_12
    assert schema == export_schema()
    _validator(schema)


@pytest.mark.parametrize("which", ["mapped", "odd_map", "empty_map"])
def test_every_export_validates_against_the_schema(which, request, backend):
    data = _json(request.getfixturevalue(which))
    validator = _validator(export_schema())
    assert [error.message for error in validator.iter_errors(data)] == []
    data["claims"].append({"id": "clm-x", "kind": "thesis", "text": "?"})
    data["exported_at"] = "yesterday"
    assert len(list(validator.iter_errors(data))) >= 3  # kind, created_by/at, the time
