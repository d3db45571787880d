"""Speakers within one document: titles go to the role, surnames and pronouns resolve to the
person named before, descriptions to the organisation or group named before."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import containing, extract, name, only


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


def test_who_resolves_to_the_name_it_follows():
    text = (
        "Obama has had a frosty relationship with Senator Mitch McConnell. Obama criticized "
        "McConnell, who in 2010 said the party's most important goal was to defeat him."
    )
    s = containing(extract(text), "most important goal")
    assert (s.speaker_mention, s.speaker) == ("who", "Mitch McConnell")


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


def test_the_ministry_resolves_to_a_ministry_named_but_not_yet_quoted():
    text = (
        "The Ministry of Foreign Affairs in Tokyo summoned the ambassador on Monday. "
        "The ministry said that the talks had failed."
    )
    s = only(extract(text))
    assert (s.speaker_mention, s.speaker) == ("The ministry", "Ministry of Foreign Affairs")


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


def test_a_group_named_by_its_members_is_called_by_their_names():
    text = (
        "Foreign Minister Kamikawa Yoko and Defense Minister Kihara Minoru and their U.S. "
        "counterparts, Antony Blinken and Lloyd Austin, agreed to strengthen command and control."
    )
    s = only(extract(text))
    assert s.speaker == "Kamikawa Yoko, Kihara Minoru, Antony Blinken and Lloyd Austin"
