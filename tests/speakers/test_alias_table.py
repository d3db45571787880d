"""The alias table: a TOML file (or Python) mapping aliases to the canonical speaker."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.speakers.aliases import AliasFileError, AliasTable
from argmap.speakers.registry import SpeakerRegistry
from tests.speakers.helpers import resolve_all

ALIASES = """
[[speaker]]
name = "Kishida Fumio"
aliases = ["PM Kishida", "Kishida"]
kind = "person"
role = "Prime Minister of Japan"

[[speaker]]
name = "Hillary Clinton"
aliases = ["Hillary Rodham Clinton", "HRC"]

[[distinct]]
names = ["Kenichiro Sasae", "Kenichirou Sasae"]
"""


@pytest.fixture
def alias_file(tmp_path: Path) -> Path:
    path = tmp_path / "aliases.toml"
    path.write_text(ALIASES, encoding="utf-8")
    return path


def test_alias_table_maps_aliases_to_the_canonical_speaker(alias_file: Path) -> None:
    registry = SpeakerRegistry.from_alias_file(alias_file)
    ids = resolve_all(
        registry,
        ("PM Kishida", "a"),
        ("Kishida", "b"),  # a bare surname, global only because the table says so
        ("Fumio Kishida", "c"),
        ("Hillary Rodham Clinton", "a"),
        ("HRC", "b"),
        ("former Secretary of State Hillary Clinton", "c"),
    )
    assert len(set(ids[:3])) == 1 and len(set(ids[3:])) == 1
    kishida = next(s for s in registry.speakers() if s.id == ids[0])
    assert kishida.name == "Kishida Fumio"
    assert kishida.role == "Prime Minister of Japan"  # the table's role wins


def test_alias_table_keeps_distinct_names_apart(alias_file: Path) -> None:
    registry = SpeakerRegistry.from_alias_file(alias_file)
    a, b = resolve_all(registry, ("Kenichiro Sasae", "a"), ("Kenichirou Sasae", "b"))
    assert a != b
    # without the table they merge
    plain = SpeakerRegistry()
    assert len(set(resolve_all(plain, ("Kenichiro Sasae", "a"), ("Kenichirou Sasae", "b")))) == 1


def test_speakers_lists_only_mentioned_table_entries(alias_file: Path) -> None:
    registry = SpeakerRegistry.from_alias_file(alias_file)
    assert registry.speakers() == []
    registry.resolve("HRC", doc_id="a")
    assert [s.name for s in registry.speakers()] == ["Hillary Clinton"]


def test_alias_table_from_python() -> None:
    table = AliasTable.model_validate(
        {"speaker": [{"name": "Tanaka Hitoshi", "aliases": ["Tanaka"]}]}
    )
    assert table.entry_for("Hitoshi Tanaka").name == "Tanaka Hitoshi"
    assert table.entry_for("Tanaka Makiko") is None


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[[speaker]\nname = 'x'", "not valid TOML"),
        ("[[speaker]]\nnmae = 'Kishida Fumio'", "unknown key"),
        (
            "[[speaker]]\nname = 'Kishida Fumio'\naliases = 'PM Kishida'",
            "speaker 1 ('Kishida Fumio').aliases",
        ),
        ("[[speaker]]\nname = 'Kishida Fumio'\nkind = 'robot'", "kind"),
        (
            "[[speaker]]\nname = 'Kishida Fumio'\naliases = ['Tanaka']\n"
            "[[speaker]]\nname = 'Tanaka Hitoshi'\naliases = ['Tanaka']",
            "'Tanaka' is given for both 'Kishida Fumio' and 'Tanaka Hitoshi'",
        ),
        ("[[distinct]]\nnames = ['Kishida Fumio', 'Fumio Kishida']", "are the same name"),
        ("[[distinct]]\nnames = ['Kishida Fumio']", "distinct 1.names"),
        ("[[speakers]]\nname = 'Kishida Fumio'", "unknown key"),
    ],
)
def test_bad_alias_file_names_the_file_and_the_problem(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "my-aliases.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AliasFileError) as caught:
        SpeakerRegistry.from_alias_file(path)
    message = str(caught.value)
    assert message.startswith(str(path) + ": ")
    assert problem in message
    assert isinstance(caught.value, ValueError)


def test_missing_alias_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    with pytest.raises(AliasFileError, match=r"nowhere\.toml: cannot read"):
        AliasTable.load(path)
