"""The full parse's quick tests (a word, a mark or a set test before a loop or a regex) let
through every mention the rule behind them reads: each mention here carries the word or the
mark its rule needs, and is parsed as that rule says."""

from __future__ import annotations

import pytest

from argmap.speakers.names import clear_caches, split_role
from tests.speakers.helpers import GROUP, ORG, PERSON, UNKNOWN


@pytest.mark.parametrize(
    ("mention", "name", "role", "kind", "affiliation", "note"),
    [
        # a comma, a dash: the segments after the name ("," ";" "-" "—" "–" before the split)
        ("Mitch McConnell, R-Ky.", "Mitch McConnell", "R-Ky", PERSON, None, None),
        (
            "Donna Sampson Rawlings, 59, of Ashton, Md.",
            "Donna Sampson Rawlings",
            "of Ashton, Md.",
            PERSON,
            None,
            None,
        ),
        (
            "Tanaka Hitoshi — a former deputy minister",
            "Tanaka Hitoshi",
            "a former deputy minister",
            PERSON,
            None,
            None,
        ),
        # a dashed aside ("--", "—" or "–" before its regex)
        (
            "Marking the end of the Republican primaries with an unusually formal speech -- "
            "complete with teleprompter -- Trump",
            "Trump",
            None,
            PERSON,
            None,
            None,
        ),
        (
            "Marking the end of the Republican primaries with an unusually formal speech — "
            "complete with teleprompter — Trump",
            "Trump",
            None,
            PERSON,
            None,
            None,
        ),
        # an affiliation after "for" ("of", "for", "at" or "with" before its regex)
        (
            "a spokesman for the Clinton campaign",
            "spokesman for the Clinton campaign",
            "spokesman for the Clinton campaign",
            PERSON,
            "Clinton campaign",
            None,
        ),
        ("Foreign Minister Kamikawa Yoko", "Kamikawa Yoko", "Foreign Minister", PERSON, None, None),
        # an agent ("to" or "for" among the words)
        (
            "a spokesman for Bernie Sanders",
            "spokesman for Bernie Sanders",
            None,
            PERSON,
            "Bernie Sanders",
            None,
        ),
        ("advisers to Mr. Obama", "advisers to Obama", None, GROUP, "Obama", None),
        # a person of a body ("of" or "for" among the words)
        (
            "Robert Antonacci of the New York delegation",
            "Robert Antonacci",
            None,
            PERSON,
            "New York delegation",
            None,
        ),
        (
            "Cameron Easley for Morning Consult",
            "Cameron Easley",
            None,
            PERSON,
            "Morning Consult",
            None,
        ),
        # a share of people ("in" or "out" among the words)
        (
            "About 9 in 10 Republican primary voters",
            "9 in 10 Republican primary voters",
            None,
            GROUP,
            None,
            None,
        ),
        ("two out of three Americans", "two out of three Americans", None, GROUP, None, None),
        # a possessive, with either apostrophe
        (
            "Hillary Clinton's campaign manager Robby Mook",
            "Robby Mook",
            "campaign manager",
            PERSON,
            "Hillary Clinton",
            None,
        ),
        ("Congressman Trey Gowdy’s office", "Trey Gowdy’s office", None, ORG, "Trey Gowdy", None),
        ("Trump’s", "Trump", None, PERSON, None, None),
        (
            "Mr. Trump's campaign chairman, Paul Manafort",
            "Paul Manafort",
            "campaign chairman",
            PERSON,
            "Trump",
            None,
        ),
        # figures and what is said of someone (" of " before their regexes)
        (
            "A CNN/ORC poll of South Carolina",
            "A CNN/ORC poll of South Carolina",
            None,
            UNKNOWN,
            None,
            "figures (a poll, a study, records)",
        ),
        ("The rhetoric of Republican candidates", "Republican candidates", None, GROUP, None, None),
        ("67 percent of voters", "67 percent of voters", None, UNKNOWN, None, "a poll figure"),
        ("12% of Democrats", "12% of Democrats", None, UNKNOWN, None, "a poll figure"),
        ("39", "39", None, UNKNOWN, None, "a number"),
        # a sentence's end before the name (a full stop in the mention), a clause verb after it
        ("Hester. Michael Mulgrew", "Michael Mulgrew", None, PERSON, None, None),
        ("Trump went", "Trump", None, PERSON, None, None),
        ("Protesters marching through Cleveland", "Protesters", None, GROUP, None, None),
        # a cut word ("like", "that", a relative pronoun or a preposition)
        ("candidates like Marco Rubio", "candidates", None, GROUP, None, None),
        # titles of several people, places and institutions (set tests on the words)
        ("Professors Foner and Alba", "Professors Foner and Alba", None, GROUP, None, None),
        ("Florida Sens. Marco Rubio", "Florida Sens. Marco Rubio", None, GROUP, None, None),
        ("New Hampshire", "New Hampshire", None, ORG, None, None),
        ("the United States", "United States", None, ORG, None, None),
        ("Ministry of Defense", "Ministry of Defense", None, ORG, None, None),
    ],
)
def test_quick_tests_let_the_rule_through(mention, name, role, kind, affiliation, note):
    clear_caches()  # each mention parsed afresh, not read from a cache
    parsed = split_role(mention)
    assert (parsed.name, parsed.role, parsed.kind, parsed.affiliation, parsed.note) == (
        name,
        role,
        kind,
        affiliation,
        note,
    )
