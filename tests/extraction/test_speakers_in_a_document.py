"""Speakers within one document: titles go to the role, surnames and pronouns resolve to the
person named before, descriptions to the organisation or group named before."""

from __future__ import annotations

import pytest

from argmap.speakers.coref import SpeakerTracker
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


# --------------------------------------------------------------------------- mention to name
# Sentences from PolNeAR train articles (the tuning articles).


def test_a_surname_takes_the_full_name_not_a_clause_that_begins_with_it():
    text = (
        "It’s odd. When Trump launched his campaign by talking about Mexico, few expected much."
        "\n\nDonald Trump spoke in Iowa on Monday.\n\n"
        "“We are going to win so much,” Trump said at his victory party."
    )
    s = containing(extract(text), "win so much")
    assert (s.speaker_mention, s.speaker) == ("Trump", "Donald Trump")


def test_a_surname_with_no_full_name_stays_the_surname():
    text = "When Trump launched his campaign, few expected much.\n\n“We will win,” Trump said."
    s = containing(extract(text), "We will win")
    assert s.speaker == "Trump"  # not "When Trump"


def test_a_transcript_label_in_capitals_is_the_person_the_article_names():
    text = (
        "Governor Mary Fallin (R-OK) said Donald Trump is trying to campaign as a racial "
        "healer.\n\nFALLIN: Well, I think the whole nation needs to work together."
    )
    s = containing(extract(text), "whole nation needs to work together")
    assert (s.speaker_mention, s.speaker) == ("FALLIN", "Mary Fallin")


def test_an_acronym_in_capitals_stays_an_organisation():
    s = only(extract("“We will sue,” NAACP said on Friday."))
    assert s.speaker == "NAACP"


def test_a_poll_is_no_speaker_and_the_statement_says_why():
    text = "For the first time, a poll shows that upstart Sen. Bernie Sanders leads in Iowa."
    s = only(extract(text))
    assert (s.speaker_mention, s.speaker) == ("a poll", None)
    assert s.speaker_note is not None and "poll" in s.speaker_note


def test_a_research_centre_is_a_speaker_although_it_makes_figures():
    text = "The Pew Research Center said that turnout was the highest since 1980."
    s = only(extract(text))
    assert s.speaker == "Pew Research Center" and s.speaker_note is None


# --------------------------------------------------------------------------- pronouns


def test_he_after_a_quotation_is_not_a_name_inside_the_quotation():
    text = (
        "Donald Trump also took multiple swipes at fellow GOP contender Jeb Bush.\n\n"
        "“Everybody is laughing at Jeb Bush-spent $100 million and is at bottom of pack. "
        "A pathetic figure!” he wrote."
    )
    s = containing(extract(text), "pathetic figure")
    assert s.speaker == "Donald Trump"


def test_a_pronoun_inside_a_quotation_may_refer_to_a_name_in_it():
    text = "“Obama met Merkel on Monday, and he said the deal was done,” Kerry said."
    s = containing(extract(text), "Obama met Merkel")
    assert s.speaker == "Kerry"  # the quotation's own speaker, untouched


def test_he_takes_the_subject_before_a_person_named_in_passing():
    text = (
        "Donald Trump also offered his early assessment of Super Bowl 50 between the Denver "
        "Broncos and Carolina Panthers.\n\n"
        "“So far the Super Bowl is very boring,” he tweeted during the first half."
    )
    s = containing(extract(text), "very boring")
    assert s.speaker == "Donald Trump"


def test_he_never_takes_a_state():
    text = (
        "Voters in West Virginia went to the polls on Tuesday.\n\n"
        "“It was a good night for us,” he said."
    )
    s = containing(extract(text), "good night")
    assert s.speaker is None and s.speaker_note is not None


def test_a_pronoun_with_nobody_to_refer_to_leaves_the_statement_unattributed():
    s = only(extract("“We will win,” he said."))
    assert (s.speaker_mention, s.speaker) == ("he", None)
    assert "refers to nobody" in (s.speaker_note or "")


def test_his_opponents_are_named_by_whose_they_are():
    text = (
        "As Donald Trump closes in on becoming the GOP’s presumptive nominee, his opponents "
        "said that the race was not over."
    )
    s = containing(extract(text), "race was not over")
    assert s.speaker == "Donald Trump's opponents"


# --- pronouns and sentence-initial words ------------------------------------------------


def test_he_never_takes_a_capitalised_first_word_of_a_sentence():
    text = (
        "Luay Sami came to Clarkston as a refugee. Soon the area felt like home.\n\n"
        "“The stereotyping is unfortunately still strong here,” he said."
    )
    s = containing(extract(text), "stereotyping")
    assert s.speaker == "Luay Sami"  # not "Soon"


def test_he_takes_a_surname_the_text_writes_as_a_persons():
    text = (
        "Reporters asked about Kasich on Monday. Mr. Kasich forcefully differed.\n\n"
        "“I think the government butchered those kids,” he said."
    )
    s = containing(extract(text), "butchered")
    assert s.speaker == "Kasich"


def test_he_never_takes_a_word_the_text_never_writes_as_a_persons():
    text = (
        "“And they're terrifying,” Mr. Obama said in a recent interview in Honolulu.\n\n"
        "The president's Pacific roots also came into play. In Honolulu last week, he told a "
        "meeting of Pacific Island leaders that few people understood the stakes better."
    )
    s = containing(extract(text), "few people")
    assert s.speaker == "Obama"  # not "Honolulu", written inside sentences but of no person


def test_a_name_after_a_clause_opening_with_mr_is_still_a_name():
    text = (
        "When Mr. Trump defended his remarks, Gov. John Kasich differed.\n\n"
        "“They were wrong,” Mr. Trump said."
    )
    s = containing(extract(text), "were wrong")
    assert s.speaker == "Trump"


# --- descriptions of people ---------------------------------------------------------------


def test_the_vermont_senator_is_the_senator_the_text_says_is_from_vermont():
    text = (
        "Sen. Bernie Sanders (I-Vt.) met Gov. Chris Christie in Trenton on Monday.\n\n"
        "“The struggle continues,” the Vermont senator said."
    )
    s = containing(extract(text), "struggle continues")
    assert s.speaker == "Bernie Sanders"


def test_a_description_with_a_word_the_text_never_used_of_anyone_is_not_guessed():
    text = (
        "President Obama had a talk this week with Francois Hollande. The French president "
        "said the attack was an act of terror."
    )
    s = containing(extract(text), "act of terror")
    assert s.speaker != "Barack Obama" and s.speaker != "Obama"


def test_the_senator_is_the_person_just_written_about_when_nothing_says_otherwise():
    text = (
        "Ted Cruz spoke in Iowa on Sunday. Cruz has campaigned there for months.\n\n"
        "“We will win Iowa,” the senator said."
    )
    s = containing(extract(text), "win Iowa")
    assert s.speaker == "Ted Cruz"


def test_the_senator_is_not_a_person_the_text_gives_another_title():
    text = "Gov. Chris Christie spoke in Iowa on Sunday.\n\n“We will win Iowa,” the senator said."
    s = containing(extract(text), "win Iowa")
    assert s.speaker != "Chris Christie"


def test_the_company_is_the_organisation_named_last():
    text = (
        "Workers at United Technologies learned in February that their jobs would move to "
        "Mexico.\n\n"
        "The company said the move was necessary to stay competitive."
    )
    s = containing(extract(text), "stay competitive")
    assert s.speaker == "United Technologies"


def test_the_man_is_not_a_group_whose_name_contains_man():
    text = "Some Germans said the law went too far.\n\n“I regret nothing,” the man said."
    s = containing(extract(text), "regret nothing")
    assert s.speaker_mention == "the man" and s.speaker != "Germans"


# --- family members in one article --------------------------------------------------------


def test_mr_trump_is_not_the_brother_the_article_calls_by_his_first_name():
    text = (
        "Donald J. Trump rarely speaks of his older brother. Freddy Trump was a pilot. Freddy "
        "loved boats. Freddy drank. Freddy died young. As Freddy stumbled, his brother "
        "watched.\n\n"
        "“I watched him,” Mr. Trump said."
    )
    s = containing(extract(text), "watched him")
    assert s.speaker == "Donald J. Trump"


def test_one_family_member_named_in_full_takes_mr_whatever_first_names_are_used():
    text = "Donald J. Trump rarely speaks of Freddy.\n\n“I watched him,” Mr. Trump said."
    s = containing(extract(text), "watched him")
    assert s.speaker == "Donald J. Trump"


# --- relative pronouns --------------------------------------------------------------------


def test_who_after_a_senator_of_a_state_is_the_senator():
    text = (
        "She plans to vote for Senator Bernie Sanders of Vermont, who said free trade had "
        "failed workers."
    )
    s = containing(extract(text), "free trade had failed")
    assert s.speaker == "Bernie Sanders"


def test_who_after_a_state_alone_is_nobody():
    text = "Voters in West Virginia, who said the economy came first, backed him."
    s = containing(extract(text), "economy came first")
    assert s.speaker != "West Virginia"


# Round 2 of issue 14: evidence in the text for who 'he' and 'she' are, headlines, subjects.


def test_he_skips_a_name_the_text_writes_as_a_things():
    text = (
        "I met with Sen. Bernie Sanders in his office two days after his speech at the Democratic "
        "National Convention.\n\n"
        "One of the organizations he will soon launch, Our Revolution, will help recruit "
        "progressive candidates. He plans to support at least 100 candidates at the "
        "Democratic National Convention and beyond.\n\n"
        '"What is absolutely imperative is that we keep the movement alive," he told me.'
    )
    s = containing(extract(text), "imperative")
    assert s.speaker == "Bernie Sanders"  # not the convention, written "at the" like a place


def test_a_headline_in_title_case_names_no_one_by_its_capitals():
    text = (
        "Washington Post Hit Piece Exploits Trump Supporter Who Was in a Hospital.\n\n"
        "The Post profiled a Trump supporter who recently spent time in a hospital.\n\n"
        '"We are going to win," Trump said at the rally.'
    )
    s = containing(extract(text), "going to win")
    assert s.speaker == "Trump"  # not "Trump Supporter Who Was" of the headline


def test_a_person_named_in_a_headline_is_the_person_the_article_names():
    text = (
        "Elizabeth Warren Hammers Wells Fargo CEO: ‘You Should Be Criminally Investigated.’\n\n"
        "Massachusetts Sen. Elizabeth Warren grilled Wells Fargo chief executive John Stumpf "
        "on Tuesday.\n\n"
        '"This just isn\'t right," Warren said.'
    )
    s = containing(extract(text), "Criminally Investigated")
    assert s.speaker == "Elizabeth Warren"  # not "Elizabeth Warren Hammers Wells Fargo CEO"


def test_he_takes_a_person_in_the_nearest_sentence_over_a_speaker_further_back():
    text = (
        '"The numbers were strong," Mr. Oltchick said of the family business.\n\n'
        "The company expanded into Brooklyn and Queens in the 1960s. Later it built "
        "apartments in Coney Island. Friends said the work suited Donald Trump well. "
        '"For me, it worked very well," he said.'
    )
    s = containing(extract(text), "worked very well")
    assert s.speaker == "Donald Trump"  # not Oltchick, who spoke three sentences before


def test_she_skips_a_person_the_text_shows_to_be_a_man_by_his_pronouns():
    text = (
        "Trump unveiled his tax plan in September, and he defended his plan on Monday. "
        "Trump said his plan would cut taxes for the middle class.\n\n"
        "The debate over taxes has dominated the campaign, with Hillary Clinton lambasting "
        "Trump's plan.\n\n"
        '"The kind of plan that Donald has put forth would be trickle-down economics all '
        'over again," she said.'
    )
    s = containing(extract(text), "trickle-down")
    assert s.speaker == "Hillary Clinton"  # Trump is "he" in this text, never "she"


def test_mr_before_any_full_name_is_not_a_relative_named_later():
    text = (
        "Mr. Cruz has pursued a national strategy of uniting evangelicals behind him.\n\n"
        "He has deployed his pastor father, Rafael Cruz, as a surrogate.\n\n"
        '"We will win Iowa," Mr. Cruz said.'
    )
    s = containing(extract(text), "win Iowa")
    assert s.speaker == "Cruz"  # not "Rafael Cruz", first named after "Mr. Cruz"


def test_the_name_in_an_apposition_that_opens_a_sentence_is_its_subject():
    text = (
        '"This is a dangerous proposal," Sen. Chuck Schumer said on Monday.\n\n'
        "The leader of the Anti-Defamation League, Jonathan Greenblatt, condemned the plan. "
        '"It is unacceptable," he said.'
    )
    s = containing(extract(text), "unacceptable")
    assert s.speaker == "Jonathan Greenblatt"


def test_he_said_counts_as_the_person_speaking_for_the_next_he():
    text = (
        "Florent Groberg, a retired Army captain, spoke at the convention. Groberg says it is "
        "hard to blame one person for the attack. Many disagree.\n\n"
        '"I agree that she should be held accountable," he said. The attack killed Ambassador '
        'Chris Stevens and three others. "She should have had a slap on the hand," he added.'
    )
    s = containing(extract(text), "slap on the hand")
    assert s.speaker == "Florent Groberg"  # not Chris Stevens, named after the first "he"


def test_a_spokesman_for_a_person_is_not_the_person():
    text = '"I guess Christmas Eve was booked," a spokesman for Bernie Sanders said.'
    s = containing(extract(text), "Christmas Eve")
    assert s.speaker == "spokesman for Bernie Sanders"
    text = "But in recent days, advisers to Mr. Obama say, the president has grown exasperated."
    s = containing(extract(text), "exasperated")
    assert s.speaker == "advisers to Obama"


def test_a_pronoun_with_its_verb_is_the_pronoun():
    text = "Sen. Ted Cruz spoke in Iowa on Monday. He’s long argued that the caucuses decide."
    at = text.index("He’s")
    resolved = SpeakerTracker(text).resolve(at, at + len("He’s"))
    assert resolved.name == "Ted Cruz"  # not a speaker called "He"


def test_a_headline_phrase_that_names_no_one_is_no_speaker():
    text = (
        "Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad "
        "Optics.\n\n"
        "Hillary Clinton was headed to the emergency room on Sunday, a source said."
    )
    s = containing(extract(text), "Headed to ER")
    assert s.speaker is None and s.speaker_note == "a headline"  # not "Stealth Over Health"


def test_a_name_written_once_with_a_word_before_it_is_the_name():
    text = (
        "Trump tweeted that “Crooked Hillary Clinton” had lied. Hillary Clinton said on "
        "Monday that she would not respond. Hillary told reporters the same. Hillary laughed. "
        "Hillary waved.\n\n"
        "“He is unhinged,” Clinton said at a rally in Florida."
    )
    s = containing(extract(text), "unhinged")
    assert s.speaker == "Hillary Clinton"  # not "Crooked Hillary Clinton"


def test_a_description_after_a_persons_name_and_comma_is_that_person():
    text = (
        "Angelique Brunner, a Washington-based developer and spokeswoman for the EB-5 "
        "Investment Coalition, which is made up of investors and developers, said many of the "
        "examples failed to note that the program helped transform places.\n\n"
        '"One of the challenges of EB-5 investment is that people look at what an area looks '
        'like after the investment," she said.'
    )
    statements = extract(text)
    assert containing(statements, "transform places").speaker == "Angelique Brunner"
    assert containing(statements, "challenges").speaker == "Angelique Brunner"  # not the coalition


def test_a_description_that_names_no_trade_is_not_the_name_before_it():
    text = (
        "He wore a tuxedo at his first wedding, to the Czech model Ivana Winklmayr, an honor "
        "Donald said he had earned."
    )
    assert all(s.speaker != "Ivana Winklmayr" for s in extract(text))
