"""Cross-document speaker resolution and the user's alias table."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.models import SpeakerKind
from argmap.speakers.aliases import AliasFileError, AliasTable
from argmap.speakers.registry import SpeakerRegistry


def resolve_all(registry: SpeakerRegistry, *mentions: tuple[str, str]) -> list[str]:
    """Speaker ids of (mention, doc_id) pairs, resolved in order."""
    return [registry.resolve(name, doc_id=doc).id for name, doc in mentions]


# --------------------------------------------------------------------------- automatic decisions


def test_family_name_first_and_given_name_first_are_one_person() -> None:
    registry = SpeakerRegistry()
    a, b = resolve_all(
        registry, ("Prime Minister Kishida Fumio", "diplomat"), ("Fumio Kishida", "nikkei")
    )
    c, d = resolve_all(
        registry, ("Foreign Minister Kamikawa Yoko", "diplomat"), ("Yoko Kamikawa", "reuters")
    )
    assert a == b and c == d and a != c
    kishida = next(s for s in registry.speakers() if s.id == a)
    assert kishida.name == "Kishida Fumio"
    assert kishida.aliases == ["Fumio Kishida"]
    assert kishida.role == "Prime Minister"
    assert kishida.kind is SpeakerKind.PERSON


def test_resolve_returns_the_same_speaker_object_and_accumulates() -> None:
    registry = SpeakerRegistry()
    first = registry.resolve("Tanaka Hitoshi", doc_id="a")
    second = registry.resolve(
        "Hitoshi Tanaka, a former deputy minister for foreign affairs in Japan", doc_id="b"
    )
    assert second is first
    assert first.role == "a former deputy minister for foreign affairs in Japan"
    assert first.aliases == ["Hitoshi Tanaka"]
    assert len(registry.speakers()) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Kenichiro Sasae", "Kenichirou Sasae"),
        ("Sasae Kenichiro", "Kenichirō Sasae"),
        ("Hillary Clinton", "Hilary Clinton"),
        ("Muammar Gaddafi", "Muammar Qaddafi"),
        ("Mahmoud Abbas", "Mahmud Abbas"),
        ("Volodymyr Zelensky", "Zelenskyy Volodymyr"),
        ("Ministry of Defense", "Ministry of Defence"),
    ],
)
def test_spelling_variants_merge_across_documents(first: str, second: str) -> None:
    registry = SpeakerRegistry()
    a, b = resolve_all(registry, (first, "doc-1"), (second, "doc-2"))
    assert a == b


def test_variants_are_found_in_a_large_block() -> None:
    """Forty Johns: the block for "john" outgrows the small-block loop."""
    registry = SpeakerRegistry()
    surnames = [
        "Abernathy",
        "Bloomfield",
        "Castellano",
        "Donaldson",
        "Eisenberg",
        "Fitzgerald",
        "Gallagher",
        "Hutchinson",
        "Ingersoll",
        "Jablonski",
        "Kowalczyk",
        "Lindqvist",
        "Montgomery",
        "Nakamura",
        "Oppenheimer",
        "Pemberton",
        "Quintero",
        "Rasmussen",
        "Schumacher",
        "Thompson",
        "Underwood",
        "Valentino",
        "Whitfield",
        "Yamamoto",
        "Zimmerman",
        "Ashworth",
        "Brightman",
        "Cartwright",
        "Dunleavy",
        "Ellsworth",
        "Fairbanks",
        "Greenberg",
        "Hawthorne",
        "Iverson",
        "Jefferson",
        "Kensington",
        "Lockhart",
        "Macintosh",
        "Northcott",
        "Oakley",
    ]
    ids = {s: registry.resolve(f"John {s}", doc_id="a").id for s in surnames}
    assert len(set(ids.values())) == len(surnames)
    assert registry.resolve("Montgommery John", doc_id="b").id == ids["Montgomery"]
    assert (
        registry.resolve("John Schumaker", doc_id="b").id not in ids.values()
    )  # two letters off: no


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Hillary Clinton", "Bill Clinton"),
        ("Eric Trump", "Donald Trump"),
        ("Donald Trump Jr.", "Ivanka Trump"),
        ("Jeb Bush", "George W. Bush"),
        ("Tanaka Hitoshi", "Tanaka Makiko"),
        ("Jon Smith", "John Smith"),  # too short to call a misspelling
        ("Daniel Smith", "Danielle Smith"),  # a different given name, not a typo
        ("Christina Lee", "Christine Lee"),
        ("Hillary Clinton", "Hillary Rodham Clinton"),  # token counts differ: no evidence
    ],
)
def test_different_people_sharing_a_surname_never_merge(first: str, second: str) -> None:
    registry = SpeakerRegistry()
    a, b = resolve_all(registry, (first, "doc-1"), (second, "doc-2"))
    assert a != b


def test_bare_surnames_stay_within_their_document() -> None:
    registry = SpeakerRegistry()
    ids = resolve_all(
        registry,
        ("Tanaka Hitoshi", "seed"),
        ("Tanaka", "seed"),  # the one Tanaka of this document
        ("Tanaka", "other"),  # another article: maybe another Tanaka
        ("Tanaka", "other"),
    )
    assert ids[0] == ids[1]
    assert ids[2] != ids[0] and ids[2] == ids[3]


def test_an_ambiguous_surname_in_a_document_is_not_guessed() -> None:
    registry = SpeakerRegistry()
    hillary, bill, clinton = resolve_all(
        registry, ("Hillary Clinton", "nyt"), ("Bill Clinton", "nyt"), ("Mrs. Clinton", "nyt")
    )
    assert clinton not in (hillary, bill)


def test_a_name_with_initials_for_a_given_name_is_a_full_name() -> None:
    registry = SpeakerRegistry()
    a, b, c = resolve_all(registry, ("Sen. J.D. Vance", "a"), ("J. D. Vance", "b"), ("Vance", "c"))
    assert a == b != c


def test_descriptions_and_pronouns_never_cross_documents() -> None:
    registry = SpeakerRegistry()
    ids = resolve_all(
        registry, ("he", "a"), ("he", "b"), ("the ministry", "a"), ("the ministry", "b")
    )
    assert ids[0] != ids[1] and ids[2] != ids[3]


def test_a_description_joins_the_organisation_named_before_in_its_document() -> None:
    registry = SpeakerRegistry()
    ministry, again, elsewhere = resolve_all(
        registry,
        ("the Ministry of Defense in Tokyo", "seed"),
        ("The ministry", "seed"),
        ("the ministry", "other"),
    )
    assert again == ministry and elsewhere != ministry
    assert registry.speakers()[0].aliases == []  # "ministry" is a description, not another name


def test_organisations_match_without_the_article() -> None:
    registry = SpeakerRegistry()
    a, b, c = resolve_all(
        registry,
        ("the Clinton campaign", "x"),
        ("The Clinton campaign", "y"),
        ("Clinton campaign", "z"),
    )
    assert a == b == c
    speaker = registry.speakers()[0]
    assert (speaker.name, speaker.kind) == ("Clinton campaign", SpeakerKind.ORGANISATION)


def test_a_person_and_an_organisation_with_one_name_stay_apart() -> None:
    registry = SpeakerRegistry()
    person = registry.resolve("Michael Bloomberg", doc_id="a", kind=SpeakerKind.PERSON)
    org = registry.resolve("Michael Bloomberg", doc_id="b", kind=SpeakerKind.ORGANISATION)
    assert person.id != org.id


def test_ids_are_stable_across_registries() -> None:
    first = SpeakerRegistry().resolve("Lloyd Austin", doc_id="a").id
    assert (
        SpeakerRegistry().resolve("U.S. Secretary of Defense Lloyd Austin", doc_id="z").id == first
    )
    assert first.startswith("spk-")


# --------------------------------------------------------------------------- alias table

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
    with pytest.raises(AliasFileError, match="nowhere.toml: cannot read"):
        AliasTable.load(path)
