"""What is no statement: scare quotes, titles, headlines, captions, credits, bylines and page
furniture."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import core, extract, in_span, only
from tests.extraction.samples import NOT_STATEMENTS


@pytest.mark.parametrize("text", NOT_STATEMENTS.values(), ids=NOT_STATEMENTS.keys())
def test_not_statements(text):
    statements = extract(text)
    assert statements == [], [(s.text, s.cue, s.speaker_mention) for s in statements]


def test_headline_and_caption_above_an_article_give_nothing_but_the_body_does():
    text = (
        "Japan Says It Will Sell Patriot Missiles to US\n\n"
        "Defense Minister Kihara Minoru speaks to reporters in Tokyo, July 28, 2024.\n\n"
        "By Kiyoshi Takenaka\n\n"
        "TOKYO (Reuters) - Japan will sell Patriot missiles to the United States, the defense "
        "ministry said on Sunday."
    )
    statements = extract(text)
    body = text.index("TOKYO (Reuters)")
    assert not in_span(statements, 0, body), [(s.text, s.cue) for s in statements]
    s = only(statements)
    assert core(s.text) == "Japan will sell Patriot missiles to the United States"
    assert s.speaker_mention == "the defense ministry"


def test_transcript_labels_are_speakers_but_headings_are_not():
    text = (
        "TAPPER: Do you think the alliance is strong enough?\n\n"
        "The Latest: Ministers meet in Tokyo.\n\n"
        "Credit: DoD photo by Alexander Kubitza."
    )
    s = only(extract(text))
    assert (s.speaker_mention, core(s.text)) == (
        "TAPPER",
        "Do you think the alliance is strong enough?".strip("?"),
    )
