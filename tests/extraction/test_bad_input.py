"""Bad input: empty text, unbalanced quotation marks (the damage stays in its paragraph),
apostrophes, non-breaking spaces, random junk; and offsets that point at the text in every
sample."""

from __future__ import annotations

import random

import pytest

from tests.extraction.helpers import DIRECT, containing, core, extract, name, only
from tests.extraction.samples import NOT_STATEMENTS, QUOTE_STYLES, REPORTED, SPEAKER_POSITIONS


def test_empty_text_gives_no_statements():
    assert extract("") == []
    assert extract("   \n\n \t\n") == []


def test_text_without_statements_gives_none():
    assert (
        extract("The PAC-3 is manufactured in Japan by the Mitsubishi Heavy Industries Group.")
        == []
    )


def test_unclosed_quote_damage_stays_in_its_paragraph():
    text = (
        "Austin called the plan “historic and overdue, and aides said more was to come.\n\n"
        "“We will act now,” Blinken said."
    )
    statements = extract(text)
    first_end = text.index("\n\n")
    assert all(s.end <= first_end or s.start > first_end for s in statements), [
        (s.start, s.end, s.text) for s in statements
    ]
    s = containing(statements, "We will act now")
    assert core(s.text) == "We will act now"
    assert (s.kind, s.cue, s.speaker_mention) == (DIRECT, "said", "Blinken")


def test_stray_closing_quote_damage_stays_in_its_paragraph():
    text = (
        "The plan was historic” and overdue, officials in Tokyo agreed on Sunday.\n\n"
        "“We will act now,” Blinken said.\n\n"
        "“The alliance is strong,” Kamikawa said."
    )
    statements = extract(text)
    for words, speaker in (("We will act now", "Blinken"), ("The alliance is strong", "Kamikawa")):
        s = containing(statements, words)
        assert core(s.text) == words
        assert (s.kind, s.speaker_mention) == (DIRECT, speaker)


def test_unbalanced_marks_in_one_paragraph_do_not_cost_the_next_paragraphs():
    text = (
        "“We will act now,” Blinken said.\n\n"
        '“ ” “ “ " \' ’ ‘ « » " ” said “ ”\n\n'
        "“The alliance is strong,” Kamikawa said."
    )
    statements = extract(text)
    for words, speaker in (("We will act now", "Blinken"), ("The alliance is strong", "Kamikawa")):
        s = containing(statements, words)
        assert core(s.text) == words
        assert s.speaker_mention == speaker


def test_apostrophes_are_not_quotation_marks():
    text = (
        "The ministers' meeting ran late, and Japan's delegation, veterans of the '90s talks, "
        "didn't leave until after 10 o'clock.\n\n"
        "'We made real progress,' Kamikawa said."
    )
    statements = extract(text)
    s = only(statements)
    assert core(s.text) == "We made real progress"
    assert (s.kind, s.cue, s.speaker_mention) == (DIRECT, "said", "Kamikawa")


def test_apostrophes_in_the_same_paragraph_as_a_single_quoted_quote():
    text = "After the ministers' talks ran late, 'We made real progress,' Kamikawa said."
    s = only(extract(text))
    assert core(s.text) == "We made real progress"
    assert (s.kind, s.speaker_mention) == (DIRECT, "Kamikawa")


def test_curly_apostrophes_inside_a_curly_single_quote():
    text = "‘Japan’s partners can count on us,’ Kamikawa said after the ministers’ talks."
    s = only(extract(text))
    assert core(s.text) == "Japan’s partners can count on us"
    assert (s.kind, s.speaker_mention) == (DIRECT, "Kamikawa")


@pytest.mark.parametrize(
    "text",
    [
        "In the '90s, Smith said that the band was great.",
        "Smith, who rose to fame in the '80s, said that the band was great.",
    ],
)
def test_elided_years_are_not_quotation_marks(text):
    s = only(extract(text))
    assert (core(s.text), s.speaker) == ("the band was great", "Smith")


def test_non_breaking_spaces():
    text = (
        "Defense\u00a0Secretary Lloyd\u00a0Austin arrived on Sunday.\n\n"
        "“We\u00a0will\u00a0act\u00a0now,”\u00a0Austin\u00a0said.\u00a0\n\n"
        "Austin\u00a0warned\u00a0that the region was becoming more dangerous."
    )
    statements = extract(text)
    quote = containing(statements, "act")
    assert core(quote.text) == "We will act now"
    assert (quote.kind, quote.cue, quote.speaker_mention) == (DIRECT, "said", "Austin")
    assert name(quote.speaker) == "Lloyd Austin"
    reported = containing(statements, "more dangerous")
    assert reported.cue == "warned"
    assert core(reported.text) == "the region was becoming more dangerous"


def test_random_junk_never_raises_and_offsets_hold():
    rng = random.Random(20240728)
    alphabet = (
        list("abcdefghij ABC .,;:!?\n")
        + list("\"'“”‘’«»„\u00a0—")
        + [
            " said ",
            " Austin ",
            " told reporters ",
            " according to ",
            " he ",
            "\n\n",
        ]
    )
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        extract(text)


# --------------------------------------------------------------------------- offsets everywhere


ALL_SAMPLES = {
    **{f"style {k}": v for k, v in QUOTE_STYLES.items()},
    **{f"position {k}": v for k, v in SPEAKER_POSITIONS.items()},
    **{f"reported {k}": v[0] for k, v in REPORTED.items()},
    **{f"not {k}": v for k, v in NOT_STATEMENTS.items()},
}


@pytest.mark.parametrize("text", ALL_SAMPLES.values(), ids=ALL_SAMPLES.keys())
def test_offsets_point_at_the_text(text):
    # the same sentence inside a longer document, after a paragraph with non-ASCII text
    doc_text = "Japan’s “two-plus-two” — a headline\n\nIntro paragraph: Hawai’i.\n\n" + text + "\n"
    extract(doc_text)
