"""split_role's role templates: a mention whose words before a plain name were parsed before,
with a name of the same shape, is read without the full parse, and reads the same as the full
parse would (the prefixes are PolNeAR train mentions)."""

from __future__ import annotations

import pytest

from argmap.speakers import names
from argmap.speakers.names import clear_caches, split_role

# (the mention that teaches the template, another name after the same words)
TAUGHT = [
    ("Australian Prime Minister Malcolm Turnbull", "Humayun Palmieri"),
    ("Amnesty International spokesman Alastair Turnbull", "Malcolm Palmieri"),
    ("Clinton campaign spokesman Adriana Rodarte", "Humayun Turnbull"),
    ("Army Capt. Humayun Palmieri", "Alastair Turnbull"),
    ("Conservative radio host Malcolm Turnbull", "Adriana Palmieri"),
    ("former Ambassador to Japan Tudanwei Rizialchei", "Bukshin Ciantodail"),
]


@pytest.mark.parametrize(("taught", "name"), TAUGHT)
def test_a_taught_role_reads_as_the_full_parse(taught: str, name: str) -> None:
    clear_caches()
    first = split_role(taught)
    prefix = taught[: -len(first.name) - 1]
    mention = f"{prefix} {name}"
    templated = names._ROLES.parse(mention)
    assert templated is not None  # the template was used, not the full parse
    assert templated == names._parse(mention)
    assert templated.name == name and templated.role == first.role


def test_no_template_for_a_listed_word_or_another_shape() -> None:
    clear_caches()
    split_role("Australian Prime Minister Malcolm Turnbull")
    # "Georgia" is a state: the full parse must read it
    assert names._ROLES.parse("Australian Prime Minister Georgia Turnbull") is None
    # three words where the template had two; a shorter word
    assert names._ROLES.parse("Australian Prime Minister Malcolm Humayun Turnbull") is None
    assert names._ROLES.parse("Australian Prime Minister Jake Turnbull") is None
    # a word the parser tests by its ending ("-ing") is another shape
    assert names._ROLES.parse("Australian Prime Minister Malcolm Turnbulling") is None


def test_every_taught_prefix_with_every_name_reads_as_the_full_parse() -> None:
    clear_caches()
    for taught, _ in TAUGHT:
        split_role(taught)
    prefixes = [t[: -len(split_role(t).name) - 1] for t, _ in TAUGHT]
    taught_names = [split_role(t).name for t, _ in TAUGHT] + [n for _, n in TAUGHT]
    used = 0
    for prefix in prefixes:
        for name in taught_names:
            mention = f"{prefix} {name}"
            templated = names._ROLES.parse(mention)
            if templated is not None:
                used += 1
                assert templated == names._parse(mention), mention
    assert used >= 30


def test_clear_caches_forgets_templates() -> None:
    clear_caches()
    split_role("Australian Prime Minister Malcolm Turnbull")
    clear_caches()
    assert names._ROLES.parse("Australian Prime Minister Humayun Palmieri") is None
