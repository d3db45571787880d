"""Property-based tests (hypothesis) of the files argmap reads besides articles and packets:
codebooks, alias tables, keys files and JSON map exports. On random damage to a valid file,
each either reads or raises one ``ArgmapError`` whose message is one line naming the file;
never a traceback. An import of a damaged export is whole or nothing.

(Articles: tests/io/test_reading_properties.py; packets: tests/review/.)
"""

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.codebook import load_codebook
from argmap.errors import ArgmapError
from argmap.export.mapjson import import_map, write_map_json
from argmap.speakers.aliases import AliasTable
from argmap.store import Workspace
from argmap.tui.keymap import load_keymap
from tests.helpers import SEED_CODEBOOK

SETTINGS = settings(
    deadline=None,
    database=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

ALIASES = """
[[speaker]]
name = "Kishida Fumio"
kind = "person"
aliases = ["Kishida", "the prime minister"]

[[distinct]]
names = ["Hillary Clinton", "Bill Clinton"]
"""
KEYS = '[keys]\nundo = "ctrl+z,u"\nview-board = "f1"\n'


@st.composite
def damaged(draw, original: str):
    """``original`` with random characters or lines cut, replaced or inserted."""
    text = original
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        change = draw(st.sampled_from(["cut", "insert", "replace", "drop-line", "truncate"]))
        if change == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif change == "insert":
            text = text[:at] + draw(st.text(max_size=20)) + text[at:]
        elif change == "replace" and at < len(text):
            text = text[:at] + draw(st.characters()) + text[at + 1 :]
        elif change == "drop-line":
            lines = text.splitlines(keepends=True)
            if lines:
                del lines[draw(st.integers(0, len(lines) - 1))]
            text = "".join(lines)
        else:
            text = text[:at]
    return text


def read_or_refuse(read, path: Path) -> None:
    """``read(path)`` succeeds, or raises one ArgmapError naming ``path`` on one line."""
    try:
        read(path)
    except ArgmapError as problem:
        message = str(problem)
        assert "\n" not in message and str(path) in message, message


@SETTINGS
@given(damaged(SEED_CODEBOOK.read_text(encoding="utf-8")))
def test_a_damaged_codebook_reads_or_is_one_line_naming_it(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "debate.codebook.toml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        read_or_refuse(load_codebook, path)


@SETTINGS
@given(damaged(ALIASES))
def test_a_damaged_alias_table_reads_or_is_one_line_naming_it(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "aliases.toml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        read_or_refuse(AliasTable.load, path)


@SETTINGS
@given(damaged(KEYS))
def test_a_damaged_keys_file_reads_or_is_one_line_naming_it(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "keys.toml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        read_or_refuse(lambda p: load_keymap(p, {"undo", "view-board"}), path)


@pytest.fixture(scope="module")
def export_text(seed_template, tmp_path_factory):
    """The JSON export of the seed workspace, with a claim and a link."""
    folder = tmp_path_factory.mktemp("export")
    shutil.copy(seed_template, folder / "argmap.sqlite")
    with Workspace(folder / "argmap.sqlite") as workspace:
        claim = workspace.add_claim("Japan should integrate", kind="position")
        workspace.link(workspace.statements(limit=1)[0].id, claim.id, "supports")
        path = folder / "map.json"
        with open(path, "w", encoding="utf-8") as out:
            write_map_json(workspace, out)
    return path.read_text(encoding="utf-8")


@st.composite
def edited_export(draw, text: str):
    """The export with one field of one record changed: a value removed, retyped or made up."""
    data = json.loads(text)
    tables = [key for key, value in data.items() if isinstance(value, list) and value]
    table = draw(st.sampled_from(tables))
    record = draw(st.sampled_from(data[table]))
    field = draw(st.sampled_from(sorted(record)))
    change = draw(st.sampled_from(["drop", "null", "number", "string", "duplicate"]))
    if change == "drop":
        del record[field]
    elif change == "null":
        record[field] = None
    elif change == "number":
        record[field] = draw(st.integers(-5, 10**6))
    elif change == "string":
        record[field] = draw(st.text(max_size=12))
    else:
        data[table].append(dict(record))
    return json.dumps(data, ensure_ascii=False)


@settings(
    deadline=None,
    database=None,
    max_examples=40,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_an_edited_export_is_imported_whole_or_not_at_all(export_text, data):
    text = data.draw(st.one_of(edited_export(export_text), damaged(export_text)))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        with Workspace.init(Path(folder) / "ws") as workspace:
            try:
                import_map(workspace, str(path))
                imported = True
            except ArgmapError as problem:
                assert "\n" not in str(problem) and str(path) in str(problem), str(problem)
                imported = False
            counts = [
                workspace.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("documents", "statements", "speakers", "claims", "relations")
            ]
            if imported:
                assert counts[0] >= 1 and counts[1] >= 1
            else:
                assert counts == [0, 0, 0, 0, 0]  # nothing half in
