"""Reported speech without quotation marks: the cue verbs and phrases, participles, and a span
two cues claim."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import INDIRECT, containing, core, extract, only
from tests.extraction.samples import REPORTED


@pytest.mark.parametrize("case", REPORTED.values(), ids=REPORTED.keys())
def test_reported_speech_without_quotation_marks(case):
    text, content, cue, mention = case
    s = only(extract(text))
    assert s.kind is INDIRECT
    assert core(s.text) == content
    assert cue.lower() in s.cue.lower(), s.cue
    if mention is not None:
        assert s.speaker_mention == mention
    else:
        assert s.speaker_mention.startswith("the Ministry of Defense")


def test_seed_mainstream_view_represented_by_argues_that():
    text = (
        "The mainstream view, represented by former Japanese Ambassador to the U.S. Sasae "
        "Kenichiro, argues that Japan-U.S. integration will serve as a deterrent to prevent war, "
        "with a more assertive China in mind."
    )
    s = only(extract(text))
    assert s.kind is INDIRECT
    assert s.cue == "argues"
    assert core(s.text).startswith(
        "Japan-U.S. integration will serve as a deterrent to prevent war"
    )
    assert "Sasae Kenichiro" in s.speaker_mention
    assert s.speaker == "Sasae Kenichiro"


def test_seed_factions_led_by_argue():
    text = (
        "Meanwhile, non-mainstream factions led by Tanaka Hitoshi, a former deputy minister for "
        "foreign affairs in Japan, argue this integration means positioning Japan as the front "
        "line in U.S. strategy to deter China."
    )
    s = only(extract(text))
    assert s.kind is INDIRECT
    assert s.cue == "argue"
    assert core(s.text).startswith("this integration means positioning Japan as the front line")
    assert "Tanaka Hitoshi" in s.speaker_mention
    assert "a former deputy minister" not in s.text


def test_declined_to_comment_is_a_statement():
    s = only(extract("The Ministry of Defense declined to comment."))
    assert (s.cue, core(s.text), s.speaker) == ("declined", "to comment", "Ministry of Defense")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("John Smith said taxes would rise.", "taxes would rise"),
        ("Tanaka warned war was coming.", "war was coming"),
    ],
)
def test_short_reported_speech_without_that(text, content):
    assert core(only(extract(text)).text) == content


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Bradley apologized for the columns after they came out, saying they were old.",
            "Bradley",
        ),
        (
            "Romney went after Trump over his refusal to release his taxes, "
            "calling it “disqualifying.”",
            "Romney",
        ),
        (
            "Mr. Trump, who had criticized the judge, issued a statement Tuesday saying that he "
            "respected the court.",
            "Trump",
        ),
    ],
)
def test_a_participle_belongs_to_the_main_clause_subject(text, speaker):
    s = containing(
        extract(text),
        {"Bradley": "were old", "Romney": "disqualifying", "Trump": "respected"}[speaker],
    )
    assert s.cue in ("saying", "calling") and s.speaker == speaker


def test_an_opening_participle_takes_the_subject_that_follows():
    s = only(
        extract(
            "After saying her foot was “so swollen I could barely stand,” "
            "she was taken to hospital."
        )
    )
    assert (s.cue, s.speaker_mention) == ("saying", "she")
    assert "taken to hospital" not in s.text


def test_a_span_claimed_by_two_cues_is_one_statement():
    # 'most in both states supported' reads as two attributions of the same words
    # ('most in both' + 'states', and 'most in both states' + 'supported').
    statements = extract(
        "Among those who said they cared most about a candidate being honest and trustworthy, "
        "most in both states supported Sanders. Clinton won the rest, the survey showed."
    )
    ids = [s.id for s in statements]
    assert len(ids) == len(set(ids))
