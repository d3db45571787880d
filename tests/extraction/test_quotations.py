"""Quotations: every style of quotation mark, the speaker before, after or inside a split quote,
quotations over several sentences and paragraphs, continuations, and mixed quotes (reported
speech with a quoted phrase)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import (
    DIRECT,
    INDIRECT,
    MIXED,
    containing,
    core,
    covering,
    extract,
    in_span,
    only,
    parts_text,
)
from tests.extraction.samples import QUOTE_STYLES, SPEAKER_POSITIONS


@pytest.mark.parametrize("text", QUOTE_STYLES.values(), ids=QUOTE_STYLES.keys())
def test_quotation_mark_styles(text):
    s = only(extract(text))
    assert core(s.text) == "We will not let our guard down"
    assert s.kind is DIRECT
    assert s.cue == "said"
    assert s.speaker_mention == "Kihara"
    assert s.speaker == "Kihara"


@pytest.mark.parametrize("text", SPEAKER_POSITIONS.values(), ids=SPEAKER_POSITIONS.keys())
def test_speaker_before_or_after_the_quote(text):
    s = only(extract(text))
    assert core(s.text) == "We will not let our guard down"
    assert s.kind is DIRECT
    assert s.cue in ("said", "told", "told reporters")
    assert s.speaker_mention == "Kihara"
    assert s.speaker == "Kihara"


def test_speaker_in_the_middle_of_a_split_quote():
    text = "“We will not,” Kihara said, “let our guard down in the face of these threats.”"
    s = only(extract(text))
    assert s.kind is DIRECT
    assert s.cue == "said"
    assert s.speaker_mention == "Kihara"
    assert parts_text(s, text) == ["We will not", "let our guard down in the face of these threats"]


def test_seed_split_quote_around_the_ministers_said():
    text = (
        "“Under these circumstances,” the ministers said, “the United States and Japan reiterated "
        "the need to reinforce the Alliance’s deterrence posture, and manage existing and emerging "
        "strategic threats through deterrence, arms control, risk reduction, and nonproliferation.”"
    )
    s = only(extract(text))
    assert s.kind is DIRECT
    assert s.cue == "said"
    assert s.speaker_mention == "the ministers"
    pieces = parts_text(s, text)
    assert len(pieces) == 2
    assert pieces[0] == "Under these circumstances"
    assert pieces[1].startswith("the United States and Japan reiterated the need")
    assert pieces[1].endswith("risk reduction, and nonproliferation")
    # the attribution itself is not content
    said = text.index("the ministers said")
    assert all(not (lo <= said < hi) for lo, hi in s.parts)


def test_speaker_before_the_quote_with_a_title():
    text = "Defense Minister Kihara Minoru told reporters: “We will not let our guard down.”"
    s = only(extract(text))
    assert core(s.text) == "We will not let our guard down"
    assert s.kind is DIRECT
    assert s.cue.startswith("told")
    assert s.speaker_mention == "Defense Minister Kihara Minoru"
    assert s.speaker == "Kihara Minoru"


def test_seed_participle_saying_before_the_quote():
    text = (
        "The move came just over three months after Prime Minister Kishida Fumio visited "
        "Washington and addressed the U.S. Congress, saying, “I am here to say that Japan is "
        "already standing shoulder to shoulder with the United States. You are not alone. "
        "We are with you.”"
    )
    s = only(extract(text))
    assert core(s.text) == (
        "I am here to say that Japan is already standing shoulder to shoulder with the United "
        "States. You are not alone. We are with you"
    )
    assert s.kind is DIRECT
    assert s.cue == "saying"
    assert s.speaker_mention == "Prime Minister Kishida Fumio"
    assert s.speaker == "Kishida Fumio"


def test_seed_quote_then_speaker():
    text = (
        "“This will be the most significant change to U.S. Forces Japan since its creation, and "
        "one of the strongest improvements in our military ties with Japan in 70 years,” "
        "Austin said."
    )
    s = only(extract(text))
    assert core(s.text).startswith("This will be the most significant change")
    assert core(s.text).endswith("in our military ties with Japan in 70 years")
    assert s.kind is DIRECT
    assert (s.cue, s.speaker_mention, s.speaker) == ("said", "Austin", "Austin")


def test_multi_sentence_quote_is_one_statement():
    text = (
        "“The alliance has kept the peace. It will keep it. Nobody should doubt that,” "
        "Kamikawa said."
    )
    s = only(extract(text))
    assert (
        core(s.text) == "The alliance has kept the peace. It will keep it. Nobody should doubt that"
    )
    assert (s.kind, s.speaker) == (DIRECT, "Kamikawa")


def test_multi_paragraph_quote_each_paragraph_reopens_the_mark():
    text = (
        "Tanaka Hitoshi, a former deputy foreign minister, said: “The alliance has served Japan "
        "well for more than seventy years, and nobody in Tokyo wants to weaken it.\n\n"
        "“But placing our forces under a joint command is a different matter, and the public "
        "has never been asked about it.\n\n"
        "“We should have that debate before the headquarters opens.”\n\n"
        "The talks will resume in September."
    )
    statements = extract(text)
    for words in (
        "The alliance has served Japan well for more than seventy years",
        "But placing our forces under a joint command is a different matter",
        "We should have that debate before the headquarters opens",
    ):
        found = covering(statements, text, words)
        assert found, f"not found: {words}"
        assert any(s.speaker == "Tanaka Hitoshi" for s in found), [
            (s.text, s.speaker) for s in found
        ]
        assert all(s.kind is DIRECT for s in found), [(s.text, s.kind) for s in found]
    last = text.index("The talks will resume")
    assert not in_span(statements, last, len(text)), "the unquoted last paragraph is no statement"


def test_continuation_quote_in_the_next_paragraph_belongs_to_the_last_speaker():
    text = (
        "Defense Secretary Lloyd Austin spoke after the meeting in Tokyo.\n\n"
        "“This is a historic decision,” Austin said.\n\n"
        "“It will be the most significant change to U.S. Forces Japan since its creation.”"
    )
    statements = extract(text)
    first = containing(statements, "This is a historic decision")
    assert first.speaker == "Lloyd Austin"
    cont = containing(statements, "most significant change")
    assert core(cont.text) == (
        "It will be the most significant change to U.S. Forces Japan since its creation"
    )
    assert cont.kind is DIRECT
    assert cont.speaker == "Lloyd Austin"


def test_continuation_quote_in_the_same_paragraph():
    text = (
        "“This is a historic decision,” Austin said after the meeting. “It will change how our "
        "forces work together every single day.”"
    )
    statements = extract(text)
    cont = covering(
        statements, text, "It will change how our forces work together every single day"
    )
    assert cont, [(s.text, s.speaker) for s in statements]
    assert all(s.speaker == "Austin" for s in cont)


SPLIT_QUOTES = {
    "curly": "“We will not,” Kihara said, “let our guard down in the face of these threats.”",
    "straight": '"We will not," Kihara said, "let our guard down in the face of these threats."',
    "inverted": "“We will not,” said Kihara, “let our guard down in the face of these threats.”",
}


@pytest.mark.parametrize("text", SPLIT_QUOTES.values(), ids=SPLIT_QUOTES.keys())
def test_split_quote_styles(text):
    s = only(extract(text))
    assert s.kind is DIRECT
    assert s.cue == "said"
    assert s.speaker_mention == "Kihara"
    assert parts_text(s, text) == ["We will not", "let our guard down in the face of these threats"]


def test_nested_single_quotes_stay_inside_the_quotation():
    text = "“They call it ‘integration,’ but it is subordination,” Tanaka said."
    s = only(extract(text))
    assert core(s.text) == "They call it ‘integration,’ but it is subordination"
    assert (s.kind, s.cue, s.speaker_mention) == (DIRECT, "said", "Tanaka")


def test_speaker_with_an_appositive_after_the_quote():
    text = "“We will not let our guard down,” said Kihara Minoru, Japan’s defense minister."
    s = only(extract(text))
    assert core(s.text) == "We will not let our guard down"
    assert "Kihara Minoru" in s.speaker_mention
    assert "Japan’s defense minister" not in s.text
    assert s.speaker == "Kihara Minoru"


def test_multi_paragraph_quote_with_straight_marks():
    text = (
        'Kamikawa Yoko said: "Our alliance has never been stronger, and our partners know it.\n\n'
        '"We will keep working with Washington on every part of this plan."'
    )
    statements = extract(text)
    for words in (
        "Our alliance has never been stronger, and our partners know it",
        "We will keep working with Washington on every part of this plan",
    ):
        found = covering(statements, text, words)
        assert found and all(s.speaker == "Kamikawa Yoko" for s in found), (
            words,
            [(s.text, s.speaker) for s in statements],
        )


def test_he_added_that_after_a_quote_continues_the_speaker():
    text = "“We are ready,” Blinken said. He added that the alliance had never been stronger."
    statements = extract(text)
    s = containing(statements, "never been stronger")
    assert s.kind is INDIRECT
    assert core(s.text) == "the alliance had never been stronger"
    assert (s.cue, s.speaker_mention, s.speaker) == ("added", "He", "Blinken")


def test_quoted_phrase_according_to():
    text = "The agreement is “a historic decision,” according to Austin."
    s = only(extract(text))
    assert s.kind is MIXED
    assert core(s.text) == "The agreement is “a historic decision"
    assert s.cue.lower() == "according to"
    assert s.speaker_mention == "Austin"


def test_dash_attribution_after_a_reader_quote():
    s = only(extract("“The alliance keeps us safe, and it costs us little.” ― Sato Kenji"))
    assert core(s.text) == "The alliance keeps us safe, and it costs us little"
    assert (s.kind, s.speaker_mention) == (DIRECT, "Sato Kenji")


def test_colon_introduces_the_quotation_in_the_next_paragraph():
    text = (
        "Defense Minister Kihara Minoru met reporters in Tokyo.\n\n"
        "Kihara stated:\n\n"
        "“We will strengthen deterrence together with our ally.”"
    )
    s = only(extract(text))
    assert core(s.text) == "We will strengthen deterrence together with our ally"
    assert s.speaker_mention == "Kihara" and s.speaker == "Kihara Minoru"


def test_a_paragraph_ending_in_a_colon_introduces_the_quotation_below():
    text = (
        "Sanders made the following comment:\n\n"
        "“For young people who have left high school, the unemployment rate is 33 percent.”"
    )
    s = only(extract(text))
    assert (s.speaker_mention, s.kind) == ("Sanders", DIRECT)


def test_unlisted_verb_right_after_a_quotation():
    text = "“France will always be France,” an angry Hollande retaliated. “It never gives up.”"
    first, second = extract(text)
    assert (first.cue, first.speaker) == ("retaliated", "Hollande")
    assert core(second.text) == "It never gives up" and second.speaker == "Hollande"


def test_invisible_direction_marks_do_not_break_a_quotation():
    s = only(extract("\u202a”This is why we act now,” said Kihara Minoru."))
    assert core(s.text) == "This is why we act now"
    assert s.speaker == "Kihara Minoru"


def test_a_title_in_quotation_marks_is_not_where_a_split_quote_resumes():
    text = "“We are ready,” Blinken said on “Face the Nation,” adding that talks would go on."
    statements = extract(text)
    said = containing(statements, "We are ready")
    assert said.parts == [] and "Face the Nation" not in said.text
    assert containing(statements, "talks would go on").speaker == "Blinken"


def test_a_quotation_with_its_own_attribution_ends_the_outer_content():
    text = (
        "Trump asserted that France had lost its identity: “France is no longer France,” "
        "he claimed."
    )
    statements = extract(text)
    outer = containing(statements, "France had lost its identity")
    assert "no longer" not in outer.text
    inner = containing(statements, "France is no longer France")
    assert (inner.cue, inner.speaker_mention) == ("claimed", "he")


def test_a_full_sentence_after_a_quotation_is_not_joined_to_it():
    tanaka, smith = extract('Tanaka said that "we are ready." Smith said that the plan was weak.')
    assert (core(tanaka.text), tanaka.speaker_mention) == ("we are ready", "Tanaka")
    assert (core(smith.text), smith.speaker_mention) == ("the plan was weak", "Smith")


def test_markdown_markup_is_read_past():
    text = (
        "# Japan and the alliance\n\n"
        '> "We are with you," Prime Minister **Kishida Fumio** told [Congress](https://example.com).\n\n'
        "- Tanaka Hitoshi warned that Japan may become too subservient.\n"
    )
    quote, warning = extract(text, name="notes.md")
    assert (core(quote.text), quote.speaker, quote.cue) == (
        "We are with you",
        "Kishida Fumio",
        "told",
    )
    assert (warning.speaker_mention, core(warning.text)) == (
        "Tanaka Hitoshi",
        "Japan may become too subservient",
    )


# --------------------------------------------------------------------------- mixed quotes


def test_seed_mixed_quote_with_quoted_fragments():
    text = (
        "In a press conference following the two-plus-two meeting, Austin welcomed the "
        "countries’ latest move to “modernize” their alliance command and control as a "
        "“historic decision.”"
    )
    s = only(extract(text))
    assert s.kind is MIXED
    assert s.cue == "welcomed"
    assert s.speaker_mention == "Austin"
    assert "latest move to “modernize” their alliance command and control" in s.text
    assert core(s.text).startswith("the countries’ latest move")
    assert "historic decision" in s.text
    assert "press conference" not in s.text


def test_mixed_reported_speech_with_a_quoted_phrase():
    text = "Tanaka warned that Japan risked becoming “too subservient” to Washington."
    s = only(extract(text))
    assert s.kind is MIXED
    assert s.cue == "warned"
    assert (s.speaker_mention, s.speaker) == ("Tanaka", "Tanaka")
    assert core(s.text) == "Japan risked becoming “too subservient” to Washington"


def test_seed_mixed_quote_after_ministry_said_that():
    text = (
        "The ministry said that the deal will “contribute to Japan’s national security and the "
        "peace and stability of the Indo-Pacific region.”"
    )
    s = only(extract(text))
    assert s.kind is MIXED
    assert s.cue == "said"
    assert s.speaker_mention == "The ministry"
    assert core(s.text).startswith("the deal will “contribute to Japan’s national security")


def test_contracted_pronoun_with_a_participle_cue():
    s = only(
        extract(
            "He’s claiming that voting fraud is “a big problem” but “nobody has the guts to "
            "talk about it.”"
        )
    )
    assert (s.speaker_mention, s.cue) == ("He", "claiming")
    assert s.text.endswith("talk about it.”") and s.kind is MIXED


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("“We will act in 2025,” Austin said.", DIRECT),
        ("“We will act,” Austin said, “and soon.”", DIRECT),  # the attribution is no content
        ("Austin said: “4,000 troops.”", DIRECT),
        ('Austin said the talks were "productive" and would go on in 2025.', MIXED),
        ("Austin said the deal was “a 2025 matter,” not now.", MIXED),
        ("Austin said the talks would go on in 2025.", INDIRECT),
    ],
)
def test_a_statement_is_direct_when_every_letter_and_digit_of_its_content_is_quoted(text, kind):
    assert only(extract(text)).kind is kind
