"""The whole seed article: its speakers, its groups, its page furniture, scare quotes and split
quote, and every offset."""

from __future__ import annotations

import re

import pytest

from argmap.extraction import extract_statements
from argmap.models import Document
from tests.extraction.helpers import check_invariants, in_span, name, parts_text
from tests.helpers import SEED


@pytest.fixture(scope="module")
def seed():
    """The seed article and the statements extracted from it."""
    text = SEED.read_text(encoding="utf-8")
    doc = Document.from_text(SEED.name, text)
    return doc, extract_statements(doc)


def _with_cue(statements, cue, words):
    hits = [s for s in statements if s.cue == cue and words in s.text]
    assert len(hits) == 1, [(s.cue, s.text[:60]) for s in statements]
    return hits[0]


def test_seed_speakers_are_resolved(seed):
    _doc, statements = seed
    kishida = _with_cue(statements, "saying", "shoulder to shoulder")
    assert kishida.speaker == "Kishida Fumio"
    sasae = _with_cue(statements, "argues", "deterrent to prevent war")
    assert sasae.speaker == "Sasae Kenichiro"
    for cue, words in (("cautioned", "San Francisco Peace Treaty"), ("warned", "too subservient")):
        s = _with_cue(statements, cue, words)
        assert (s.speaker_mention, s.speaker) == ("Tanaka", "Tanaka Hitoshi")
    factions = _with_cue(statements, "argue", "positioning Japan as the front line")
    assert "Tanaka Hitoshi" in factions.speaker and "Sasae" not in factions.speaker
    ministry = _with_cue(statements, "said", "contribute to Japan’s national security")
    assert ministry.speaker_mention == "The ministry"
    assert name(ministry.speaker) == "Ministry of Defense"
    austin = _with_cue(statements, "said", "most significant change")
    assert austin.speaker == "Lloyd Austin"


def test_seed_groups_resolve_to_the_ministers(seed):
    _doc, statements = seed
    for cue, words in (
        ("said", "will closely consult"),
        ("said", "reinforce the Alliance’s deterrence posture"),
        ("confirmed", "joint production"),
        ("pointed out", "unlawful"),
    ):
        s = _with_cue(statements, cue, words)
        assert "minister" in s.speaker.lower(), (words, s.speaker_mention, s.speaker)
        assert "Kishida" not in s.speaker, (words, s.speaker)


def test_seed_page_furniture_headlines_and_captions_give_nothing(seed):
    doc, statements = seed
    text = doc.text
    for line in (
        "Asia Defense",
        "Japan Further Accelerates Military Integration With the US",
        "Recent Features",
        "Asia Defense | Security | East Asia",
        "From left: U.S. Secretary of Defense Lloyd Austin",
        "Credit: DoD photo by U.S. Navy Petty Officer 1st Class Alexander Kubitza",
        "Dreaming of a career in the Asia-Pacific?",
        "Try The Diplomat's jobs board.",
        "Find your Asia-Pacific job",
    ):
        for match in re.finditer(re.escape(line), text):
            line_end = text.find("\n", match.start())
            line_end = len(text) if line_end < 0 else line_end
            hits = in_span(statements, match.start(), line_end)
            assert not hits, (line, [s.text for s in hits])


def test_seed_scare_quotes_are_no_statement(seed):
    doc, statements = seed
    text = doc.text
    sentence = (
        "There is currently a heated debate in Tokyo about the promotion of "
        "“Japan-U.S. integration.”"
    )
    lo = text.index(sentence)
    hits = in_span(statements, lo, lo + len(sentence))
    assert not hits, [s.text for s in hits]


def test_seed_split_quote_has_two_parts(seed):
    doc, statements = seed
    text = doc.text
    s = _with_cue(statements, "said", "Under these circumstances")
    assert s.speaker_mention == "the ministers"
    pieces = parts_text(s, text)
    assert pieces[0] == "Under these circumstances"
    assert pieces[-1].startswith("the United States and Japan reiterated")


def test_seed_offsets_point_at_the_text(seed):
    doc, statements = seed
    assert statements
    check_invariants(doc, statements)
