"""Which person a definite description fits, from the words the text describes them with."""

from __future__ import annotations

import pytest

from argmap.speakers.descriptions import description_words, fit, role_words


def test_the_words_of_a_description_are_its_head_and_the_rest_without_time_words() -> None:
    assert description_words("former secretary of State") == ("secretary", frozenset({"state"}))
    assert description_words("Vermont senator") == ("senator", frozenset({"vermont"}))
    assert description_words("presumptive Republican presidential nominee") == (
        "nominee",
        frozenset({"republican", "presidential"}),
    )


def test_role_words_read_the_title_the_clause_before_and_the_apposition() -> None:
    words = role_words("The race between ", "Sen. Bernie Sanders", " (I-Vt.) and others")
    assert {"senator", "independent", "vermont"} <= words
    words = role_words(
        "said ", "Robert McDonough", ", a senior executive at Carrier's parent company, said"
    )
    assert "executive" in words
    words = role_words("as did ", "Chris Christie", ", the New Jersey governor.")
    assert {"new", "jersey", "governor"} <= words


@pytest.mark.parametrize(
    ("description", "before", "run", "after"),
    [
        ("Vermont senator", "", "Sen. Bernie Sanders", " (I-Vt.) said"),
        ("Florida Republican", "", "Sen. Marco Rubio", " (R-Fla.) said"),
        ("former secretary of State", "former Secretary of State ", "Hillary Clinton", ""),
        (
            "Republican presidential nominee",
            "Republican presidential candidate ",
            "Donald Trump",
            "",
        ),
        ("Senate minority leader", "Senate Minority Leader ", "Harry M. Reid", ""),
    ],
)
def test_a_description_fits_the_person_the_text_described_so(
    description: str, before: str, run: str, after: str
) -> None:
    assert fit(description, role_words(before, run, after)) > 0


@pytest.mark.parametrize(
    ("description", "before", "run", "after"),
    [
        ("French president", "", "President Obama", " had a talk"),  # not French
        ("Vermont senator", "", "Gov. Chris Christie", " (R-N.J.)"),  # not a senator
        ("senator", "", "Donald Trump", ", the businessman,"),
    ],
)
def test_a_description_does_not_fit_a_person_described_otherwise(
    description: str, before: str, run: str, after: str
) -> None:
    assert fit(description, role_words(before, run, after)) == 0


def test_more_matching_words_fit_better() -> None:
    sanders = role_words("", "Sen. Bernie Sanders", " (I-Vt.)")
    cruz = role_words("", "Sen. Ted Cruz", " (R-Tex.)")
    assert fit("senator", sanders) == fit("senator", cruz) == 1
    assert fit("Vermont senator", sanders) == 2 and fit("Vermont senator", cruz) == 0
