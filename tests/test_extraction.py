"""The extractor, construction by construction (issue 2, "What the extractor must find" and
"Speakers"), on short news sentences: some from the seed article, the rest written for these
tests. Every test also checks the offset invariants of every statement it sees."""

from __future__ import annotations

import random
import re

import pytest
from tests.helpers import REPO

from argmap.extraction import extract_statements
from argmap.models import Document, Statement, StatementKind

SEED = REPO / "seeds" / "japan-us-integration.txt"

DIRECT, MIXED, INDIRECT = StatementKind.DIRECT, StatementKind.MIXED, StatementKind.INDIRECT

_EDGE = " \t\n\u00a0,.;:!?\"'“”‘’«»„"


# --------------------------------------------------------------------------- helpers


def check_invariants(doc: Document, statements: list[Statement]) -> None:
    """Offsets that a UI can highlight with: every span's text is the text at its offsets."""
    text = doc.text
    for s in statements:
        assert 0 <= s.start <= s.end <= len(text), s
        assert text[s.start : s.end] == s.text, s
        assert s.text.strip(), f"empty statement: {s}"
        assert s.document == doc.id and s.doc_name == doc.name
        for lo, hi in s.parts:
            assert s.start <= lo < hi <= s.end, f"part {lo}-{hi} outside {s.start}-{s.end}"
        if s.speaker_mention is None:
            assert s.speaker_start is None and s.speaker_end is None, s
        else:
            assert s.speaker_start is not None and s.speaker_end is not None, s
            assert text[s.speaker_start : s.speaker_end] == s.speaker_mention, s
            assert s.speaker_mention == s.speaker_mention.strip(), f"mention {s.speaker_mention!r}"
        if s.cue_start is not None:
            assert text[s.cue_start : s.cue_end] == s.cue, s
            assert s.cue == s.cue.strip(), f"cue {s.cue!r} has white space at its edges"


def extract(text: str, name: str = "sample.txt") -> list[Statement]:
    doc = Document.from_text(name, text)
    statements = extract_statements(doc)
    check_invariants(doc, statements)
    return statements


def core(text: str) -> str:
    """Text without edge punctuation, quotation marks or white space; inner white space single."""
    return " ".join(text.strip(_EDGE).split())


def only(statements: list[Statement]) -> Statement:
    assert len(statements) == 1, [(s.text, s.cue, s.speaker_mention) for s in statements]
    return statements[0]


def containing(statements: list[Statement], words: str) -> Statement:
    """The one statement whose text holds ``words``."""
    hits = [s for s in statements if words in s.text]
    assert len(hits) == 1, (words, [(s.text, s.cue, s.speaker_mention) for s in statements])
    return hits[0]


def covering(statements: list[Statement], text: str, words: str) -> list[Statement]:
    """Statements overlapping at least half of the first occurrence of ``words`` in ``text``."""
    lo = text.index(words)
    hi = lo + len(words)
    out = []
    for s in statements:
        spans = s.parts or [(s.start, s.end)]
        shared = sum(max(0, min(hi, e) - max(lo, b)) for b, e in spans)
        if shared * 2 >= hi - lo:
            out.append(s)
    return out


def in_span(statements: list[Statement], lo: int, hi: int) -> list[Statement]:
    """Statements that share a character with ``lo``-``hi``."""
    return [s for s in statements if min(s.end, hi) > max(s.start, lo)]


def parts_text(s: Statement, doc_text: str) -> list[str]:
    return [core(doc_text[lo:hi]) for lo, hi in s.parts]


def name(speaker: str | None) -> str | None:
    """The resolved speaker with white space normalised and a leading "the" dropped."""
    if speaker is None:
        return None
    return re.sub(r"^the\s+", "", " ".join(speaker.split()), flags=re.IGNORECASE)


# --------------------------------------------------------------------------- direct quotes

QUOTE_STYLES = {
    "straight double": '"We will not let our guard down," Kihara said.',
    "curly double": "“We will not let our guard down,” Kihara said.",
    "curly single": "‘We will not let our guard down,’ Kihara said.",
    "straight single": "'We will not let our guard down,' Kihara said.",
    "guillemets": "«We will not let our guard down,» Kihara said.",
}


@pytest.mark.parametrize("text", QUOTE_STYLES.values(), ids=QUOTE_STYLES.keys())
def test_quotation_mark_styles(text):
    s = only(extract(text))
    assert core(s.text) == "We will not let our guard down"
    assert s.kind is DIRECT
    assert s.cue == "said"
    assert s.speaker_mention == "Kihara"
    assert s.speaker == "Kihara"


SPEAKER_POSITIONS = {
    "before, colon": "Kihara said: “We will not let our guard down.”",
    "before, comma": "Kihara said, “We will not let our guard down.”",
    "after": "“We will not let our guard down,” Kihara said.",
    "after, inverted": "“We will not let our guard down,” said Kihara.",
    "after, told reporters": "“We will not let our guard down,” Kihara told reporters.",
}


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
        "one of the strongest improvements in our military ties with Japan in 70 years,” Austin said."
    )
    s = only(extract(text))
    assert core(s.text).startswith("This will be the most significant change")
    assert core(s.text).endswith("in our military ties with Japan in 70 years")
    assert s.kind is DIRECT
    assert (s.cue, s.speaker_mention, s.speaker) == ("said", "Austin", "Austin")


def test_multi_sentence_quote_is_one_statement():
    text = "“The alliance has kept the peace. It will keep it. Nobody should doubt that,” Kamikawa said."
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


# --------------------------------------------------------------------------- reported speech

REPORTED = {
    # name: (text, expected content (core), cue, speaker mention)
    "X warned that": (
        "Tanaka warned that Japan may become too subservient to the United States.",
        "Japan may become too subservient to the United States",
        "warned",
        "Tanaka",
    ),
    "X argues": (
        "Sasae argues the alliance is Japan’s best deterrent against a more assertive China.",
        "the alliance is Japan’s best deterrent against a more assertive China",
        "argues",
        "Sasae",
    ),
    "..., X said": (
        "The two countries will hold another round of talks next year, a Pentagon spokesman said.",
        "The two countries will hold another round of talks next year",
        "said",
        "a Pentagon spokesman",
    ),
    "according to X, ...": (
        "According to the Defense Ministry, the contract is worth about 3 billion yen.",
        "the contract is worth about 3 billion yen",
        "According to",
        "the Defense Ministry",
    ),
    "..., according to X": (
        "The contract is worth about 3 billion yen, according to the Defense Ministry.",
        "The contract is worth about 3 billion yen",
        "according to",
        "the Defense Ministry",
    ),
    "X told reporters that": (
        "Blinken told reporters that the alliance had never been stronger.",
        "the alliance had never been stronger",
        "told",
        "Blinken",
    ),
    "in a joint statement, the ministers ...": (
        "In a joint statement, the ministers reaffirmed that the alliance remains the cornerstone "
        "of peace and stability in the region.",
        "the alliance remains the cornerstone of peace and stability in the region",
        "reaffirmed",
        "the ministers",
    ),
    "X believes": (
        "Kishida believes the alliance must adapt to a more assertive China.",
        "the alliance must adapt to a more assertive China",
        "believes",
        "Kishida",
    ),
    "X is concerned that": (
        "The Japanese government is concerned that the move could draw Japan into a war over Taiwan.",
        "the move could draw Japan into a war over Taiwan",
        "concerned",
        "The Japanese government",
    ),
    "seed: the four ministers also confirmed": (
        "The four ministers also confirmed the two countries would expand joint production of "
        "defense equipment.",
        "the two countries would expand joint production of defense equipment",
        "confirmed",
        "The four ministers",
    ),
    "seed: announced that": (
        "On July 28, the Ministry of Defense in Tokyo announced that it had signed a contract to "
        "sell the Air Self-Defense Force’s PAC-3 to the U.S. military.",
        "it had signed a contract to sell the Air Self-Defense Force’s PAC-3 to the U.S. military",
        "announced",
        None,  # "the Ministry of Defense" with or without "in Tokyo"
    ),
}


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


# --------------------------------------------------------------------------- not statements

NOT_STATEMENTS = {
    "scare quotes": "There is currently a heated debate in Tokyo about the promotion of "
    "“Japan-U.S. integration.”",
    "scare quotes, straight": 'The word "integration" now appears on almost every page of the '
    "defense white paper.",
    "has written widely on": "Tanaka Hitoshi, a former deputy minister for foreign affairs, has "
    "written widely on the alliance.",
    "title of a film": "The film “Tokyo Story” was screened at the embassy on Friday.",
    "title of a book": "Her 2019 book, “The Reluctant Ally,” sold well in Japan.",
    "headline": "Japan Further Accelerates Military Integration With the US",
    "headline with a speech verb": "Japan Says It Will Sell Patriot Missiles to US",
    "headline with scare quotes": "Austin Hails “Historic Decision” on Japan Command",
    "caption": "From left: U.S. Secretary of Defense Lloyd Austin, U.S. Secretary of State "
    "Antony Blinken, Japanese Prime Minister Kishida Fumio, Foreign Minister Kamikawa Yoko, and "
    "Japanese Defense Minister Kihara Minoru, in Tokyo, Japan, July 29, 2024.",
    "caption with a speech verb": "Defense Secretary Lloyd Austin speaks to reporters in Tokyo, "
    "Japan, July 29, 2024.",
    "photo credit": "Credit: DoD photo by U.S. Navy Petty Officer 1st Class Alexander Kubitza",
    "byline": "By Kiyoshi Takenaka and David Brunnstrom",
    "page furniture": "Dreaming of a career in the Asia-Pacific?\nTry The Diplomat's jobs board.\n"
    "Find your Asia-Pacific job",
    "section label": "Asia Defense | Security | East Asia",
}


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


# --------------------------------------------------------------------------- speakers


def test_title_goes_to_role_not_to_the_speaker_name():
    text = (
        "Former Japanese Ambassador to the U.S. Sasae Kenichiro said the alliance had never "
        "been more important."
    )
    s = only(extract(text))
    assert s.speaker_mention == "Former Japanese Ambassador to the U.S. Sasae Kenichiro"
    assert s.speaker == "Sasae Kenichiro"


def test_surname_resolves_to_the_full_name_used_earlier():
    text = (
        "Tanaka Hitoshi, a former deputy minister for foreign affairs, now teaches in Tokyo.\n\n"
        "“Japan may become too subservient on the United States diplomatically,” Tanaka said."
    )
    s = only(extract(text))
    assert s.speaker_mention == "Tanaka"
    assert s.speaker == "Tanaka Hitoshi"


def test_given_name_first_surname_resolves_to_the_full_name():
    text = (
        "Defense Secretary Lloyd Austin arrived in Tokyo on Sunday.\n\n"
        "“This is a historic decision,” Austin said."
    )
    s = only(extract(text))
    assert s.speaker_mention == "Austin"
    assert s.speaker == "Lloyd Austin"


def test_he_said_resolves_to_the_person_just_named():
    text = (
        "Foreign Minister Kamikawa Yoko met reporters first. Defense Secretary Lloyd Austin "
        "spoke after her.\n\n"
        "“This is a historic decision,” he said."
    )
    s = only(extract(text))
    assert s.speaker_mention == "he"
    assert s.speaker == "Lloyd Austin"


def test_he_said_resolves_to_the_last_speaker():
    text = (
        "“We are ready,” Blinken said on Monday.\n\n"
        "“The alliance has never been stronger,” he added."
    )
    statements = extract(text)
    s = containing(statements, "never been stronger")
    assert s.speaker_mention == "he"
    assert s.speaker == "Blinken"


@pytest.mark.parametrize(
    ("pronoun", "expected"), [("she", "Kamikawa"), ("he", "Blinken")], ids=["she", "he"]
)
def test_pronoun_agrees_in_gender(pronoun, expected):
    text = (
        "Ms. Kamikawa met Mr. Blinken in Tokyo on Sunday.\n\n"
        f"“Our alliance is stronger than ever,” {pronoun} said."
    )
    s = only(extract(text))
    assert s.speaker_mention == pronoun
    assert s.speaker == expected


def test_the_ministry_resolves_to_the_ministry_named_before():
    text = (
        "On July 28, the Ministry of Defense in Tokyo announced that it had signed a contract to "
        "sell the Air Self-Defense Force’s PAC-3 to the U.S. military. The contract amount is "
        "about 3 billion yen ($19.4 million). The ministry said that the deal will “contribute to "
        "Japan’s national security and the peace and stability of the Indo-Pacific region.”"
    )
    statements = extract(text)
    s = containing(statements, "contribute to Japan’s national security")
    assert s.speaker_mention == "The ministry"
    assert name(s.speaker) == "Ministry of Defense"
    first = containing(statements, "signed a contract")
    assert name(first.speaker) == "Ministry of Defense"


def test_the_ministers_resolve_to_the_group_not_to_a_person():
    text = (
        "Prime Minister Kishida Fumio met the foreign and defense ministers of Japan and the "
        "United States on Sunday.\n\n"
        "The two nations “will closely consult and establish working groups to further develop "
        "bilateral aspects of this proposal,” the ministers said in a joint statement."
    )
    statements = extract(text)
    s = containing(statements, "will closely consult")
    assert s.speaker_mention == "the ministers"
    assert "ministers" in s.speaker.lower()
    assert "Kishida" not in s.speaker


def test_the_joint_statement_resolves_to_the_ministers():
    text = (
        "The two nations “will closely consult and establish working groups,” the ministers said "
        "in a joint statement.\n\n"
        "The joint statement pointed out North Korea’s “unlawful” nuclear and missile programs."
    )
    statements = extract(text)
    s = containing(statements, "unlawful")
    assert s.cue == "pointed out"
    assert s.speaker_mention == "The joint statement"
    assert "ministers" in s.speaker.lower()


# --------------------------------------------------------------------------- the seed article


@pytest.fixture(scope="module")
def seed():
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
    sentence = "There is currently a heated debate in Tokyo about the promotion of “Japan-U.S. integration.”"
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


# --------------------------------------------------------------------------- bad input


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


def test_seed_offsets_point_at_the_text(seed):
    doc, statements = seed
    assert statements
    check_invariants(doc, statements)


# --------------------------------------------------------------------------- more constructions


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


def test_declined_to_comment_is_a_statement():
    s = only(extract("The Ministry of Defense declined to comment."))
    assert (s.cue, core(s.text), s.speaker) == ("declined", "to comment", "Ministry of Defense")


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


def test_a_group_named_by_its_members_is_called_by_their_names():
    text = (
        "Foreign Minister Kamikawa Yoko and Defense Minister Kihara Minoru and their U.S. "
        "counterparts, Antony Blinken and Lloyd Austin, agreed to strengthen command and control."
    )
    s = only(extract(text))
    assert s.speaker == "Kamikawa Yoko, Kihara Minoru, Antony Blinken and Lloyd Austin"


def test_a_quotation_with_its_own_attribution_ends_the_outer_content():
    text = "Trump asserted that France had lost its identity: “France is no longer France,” he claimed."
    statements = extract(text)
    outer = containing(statements, "France had lost its identity")
    assert "no longer" not in outer.text
    inner = containing(statements, "France is no longer France")
    assert (inner.cue, inner.speaker_mention) == ("claimed", "he")


def test_a_full_sentence_after_a_quotation_is_not_joined_to_it():
    tanaka, smith = extract('Tanaka said that "we are ready." Smith said that the plan was weak.')
    assert (core(tanaka.text), tanaka.speaker_mention) == ("we are ready", "Tanaka")
    assert (core(smith.text), smith.speaker_mention) == ("the plan was weak", "Smith")


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
    "text",
    [
        "In the '90s, Smith said that the band was great.",
        "Smith, who rose to fame in the '80s, said that the band was great.",
    ],
)
def test_elided_years_are_not_quotation_marks(text):
    s = only(extract(text))
    assert (core(s.text), s.speaker) == ("the band was great", "Smith")


def test_the_ministry_resolves_to_a_ministry_named_but_not_yet_quoted():
    text = (
        "The Ministry of Foreign Affairs in Tokyo summoned the ambassador on Monday. "
        "The ministry said that the talks had failed."
    )
    s = only(extract(text))
    assert (s.speaker_mention, s.speaker) == ("The ministry", "Ministry of Foreign Affairs")


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


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Bradley apologized for the columns after they came out, saying they were old.",
            "Bradley",
        ),
        (
            "Romney went after Trump over his refusal to release his taxes, calling it “disqualifying.”",
            "Romney",
        ),
        (
            "Mr. Trump, who had criticized the judge, issued a statement Tuesday saying that he respected the court.",
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


def test_who_resolves_to_the_name_it_follows():
    text = (
        "Obama has had a frosty relationship with Senator Mitch McConnell. Obama criticized "
        "McConnell, who in 2010 said the party's most important goal was to defeat him."
    )
    s = containing(extract(text), "most important goal")
    assert (s.speaker_mention, s.speaker) == ("who", "Mitch McConnell")


def test_contracted_pronoun_with_a_participle_cue():
    s = only(
        extract(
            "He’s claiming that voting fraud is “a big problem” but “nobody has the guts to talk about it.”"
        )
    )
    assert (s.speaker_mention, s.cue) == ("He", "claiming")
    assert s.text.endswith("talk about it.”") and s.kind is MIXED


def test_an_opening_participle_takes_the_subject_that_follows():
    s = only(
        extract(
            "After saying her foot was “so swollen I could barely stand,” she was taken to hospital."
        )
    )
    assert (s.cue, s.speaker_mention) == ("saying", "she")
    assert "taken to hospital" not in s.text


def test_a_paragraph_ending_in_a_colon_introduces_the_quotation_below():
    text = (
        "Sanders made the following comment:\n\n"
        "“For young people who have left high school, the unemployment rate is 33 percent.”"
    )
    s = only(extract(text))
    assert (s.speaker_mention, s.kind) == ("Sanders", DIRECT)


def test_a_span_claimed_by_two_cues_is_one_statement():
    # 'most in both states supported' reads as two attributions of the same words
    # ('most in both' + 'states', and 'most in both states' + 'supported').
    statements = extract(
        "Among those who said they cared most about a candidate being honest and trustworthy, "
        "most in both states supported Sanders. Clinton won the rest, the survey showed."
    )
    ids = [s.id for s in statements]
    assert len(ids) == len(set(ids))
