"""Speakers inside one document, the rules of issue 14's fourth round, each on the PolNeAR
sentences that motivated it (and one it must leave alone)."""

from __future__ import annotations

from argmap.speakers.coref import SpeakerTracker
from tests.speakers.helpers import resolve

# wash-post_2016-06-27_the-revolutionary-s-next-tact.txt (PolNeAR train)
REVOLUTIONARY = (
    "SYRACUSE, N.Y. - The last time Bernie Sanders came to this city, he drew a crowd of "
    "thousands.\n\n"
    "And at the urging of his wife, Jane Sanders, he has been talking to his inner circle "
    "about launching a grass-roots organization that could outlast his campaign.\n\n"
    '"Where is Eric\'s campaign manager?" said Sanders as he closed out.'
)


def test_a_surname_is_not_the_relative_named_beside_the_person() -> None:
    # "his wife, Jane Sanders": she is named as his kin, so "Sanders" is still Bernie Sanders
    assert resolve(REVOLUTIONARY, "Sanders", 3) == "Bernie Sanders"


def test_a_relative_written_alone_keeps_the_surname() -> None:
    # with no one else of that name in the text, "Sanders" is the one it names
    text = REVOLUTIONARY.replace("The last time Bernie Sanders came", "The last time she came")
    assert resolve(text, "Sanders", 2) == "Jane Sanders"


# breitbart_2016-05-04_ann-coulter-and-then-there-wa.txt (PolNeAR train)
COULTER = (
    "For those of you not yet on the Trump Train, I know you don’t want to vote for Hillary, "
    "but all the pundits have been trying to convince you that Trump’s a complete fraud.\n\n"
    "It’s odd. When Trump launched his campaign by talking about Mexican rapists and the wall, "
    "his critics hysterically denounced him.\n\n"
    "To wit, Trump told Newsmax that Mitt Romney “had a crazy policy of self-deportation "
    "which was maniacal.”"
)


def test_a_name_written_only_after_the_is_no_persons_full_name() -> None:
    # "the Trump Train" is a thing; "Trump" is not a person called "Trump Train"
    assert resolve(COULTER, "Trump", 4) == "Trump"


def test_a_family_name_first_person_is_still_completed() -> None:
    # "Kishida Fumio" is written without "the": "Kishida" is Kishida Fumio
    text = (
        "Prime Minister Kishida Fumio met the delegation on Monday.\n\n"
        "“We will not waver,” Kishida said."
    )
    assert resolve(text, "Kishida", 2) == "Kishida Fumio"


# usa-today_2016-06-29_sanders-ready-to-take-a-stand-to.txt (PolNeAR train)
SANDERS_READY = (
    "Sanders ready to take a stand to push for 'progressive' platform.\n\n"
    "Sen. Bernie Sanders says he is prepared for a floor fight at the Democratic National "
    'Convention in Philadelphia if the party doesn\'t take more "progressive" stances on trade, '
    "the minimum wage, climate change and other issues in its platform.\n\n"
    'The Vermont senator told USA TODAY that there are "a lot of differences" with the party.'
)


def test_an_epithet_names_the_person_of_the_sentence_before() -> None:
    # the text never writes "Vermont" of him: the senator the sentence before spoke of
    assert resolve(SANDERS_READY, "The Vermont senator") == "Bernie Sanders"


def test_an_epithet_with_a_word_of_someone_new_is_left_alone() -> None:
    # breitbart_2016-02-08_the-latest-nh-towns.txt: a woman at the town hall, not Albright
    text = (
        "A woman who attending a town hall for New Jersey Gov. Chris Christie has a curt "
        "replay to the recent discussion on the presidential campaign trail.\n\n"
        "Former Secretary of State Madeleine Albright recently urged women to vote for Hillary "
        "Clinton, saying, “There’s a special place in hell for women who don’t help each "
        "other.”\n\n"
        "At the town hall meeting for in Hudson, New Hampshire Monday, the Christie supporter "
        "retorted: “There is a special place in hell for women who support Hillary.”"
    )
    assert resolve(text, "the Christie supporter") == "Christie supporter"


# west-journal_2016-08-25_trump-stands-tall-on-proposal.txt (PolNeAR train)
HANNITY = (
    "During an interview with Sean Hannity that aired Wednesday night, Donald Trump discussed "
    "one of his signature proposals — the wall that would run along the southern U.S. border "
    "with Mexico.\n\n"
    "Hannity asked Trump how high the wall would be.\n\n"
    "“I think the height could be 35 to 45 feet. That’s a good height,” he told Hannity, to "
    "cheers from the crowd."
)


def test_the_person_a_pronouns_own_clause_names_as_object_is_not_the_pronoun() -> None:
    # "he told Hannity": he is not Hannity, who asked the sentence before
    at = HANNITY.index("he told")
    assert SpeakerTracker(HANNITY).resolve(at, at + 2).name == "Donald Trump"
    # the same pronoun told no one by name may still be the one who asked
    other = HANNITY.replace("he told Hannity, to cheers", "he said, to cheers")
    at = other.index("he said")
    assert SpeakerTracker(other).resolve(at, at + 2).name == "Sean Hannity"


# wash-post_2016-09-03_hacker-who-exposed-clinton-s-use.txt (PolNeAR train)
LAZAR = (
    "Marcel Lehel Lazar, 44, known as Guccifer, pleaded guilty in May.\n\n"
    '"We need him because life is very hard in Romania," his wife, Gabriela Violeta Lazar, '
    "wrote in a letter to the court.\n\n"
    "He told the New York Times that he obtained access to the email accounts by guessing "
    "passwords."
)


def test_a_person_named_as_his_wife_is_a_woman() -> None:
    tracker = SpeakerTracker(LAZAR)
    wife = LAZAR.index("Gabriela Violeta Lazar")  # she wrote: the latest speaker
    assert tracker.resolve(wife, wife + len("Gabriela Violeta Lazar")).name.startswith("Gab")
    at = LAZAR.index("He told")
    assert tracker.resolve(at, at + 2).name == "Marcel Lehel Lazar"
    # and "her husband, ..." a man: "She" is not him
    husband = LAZAR.replace("his wife, Gabriela Violeta Lazar", "her husband, Gabriel Lazar")
    husband = husband.replace("Marcel Lehel Lazar, 44,", "Maria Lazar, 44,")
    husband = husband.replace("He told", "She told")
    at = husband.index("She told")
    assert SpeakerTracker(husband).resolve(at, at + 3).name == "Maria Lazar"


# nyt_2016-06-28_clinton-and-warren-team-up-on-tr.txt (PolNeAR train)
CLINTON_WARREN = (
    "Hillary Clinton and Senator Elizabeth Warren of Massachusetts held their first joint "
    "campaign event on Monday.\n\n"
    "The event was the culmination of an unlikely political alliance between Mrs. Clinton, who "
    "is often associated with her husband's centrist economic agenda, and Ms. Warren, who has "
    "assailed policies of the Bill Clinton era.\n\n"
    "While an all-female ticket is unlikely, James Hamilton, the Washington lawyer leading "
    "Mrs. Clinton's vice-presidential search, has begun vetting Ms. Warren and other "
    "candidates. Ever since she endorsed Mrs. Clinton this month, Ms. Warren has been a "
    "powerful surrogate.\n\n"
    "''Why do the richest Americans get away with it?'' Mrs. Clinton asked."
)


def test_mrs_clinton_named_in_passing_does_not_make_bill_clinton_a_woman() -> None:
    tracker = SpeakerTracker(CLINTON_WARREN)
    she = CLINTON_WARREN.index("she endorsed")  # reads the people named before it
    tracker.resolve(she, she + 3)
    asked = CLINTON_WARREN.rindex("Mrs. Clinton")
    assert tracker.resolve(asked, asked + len("Mrs. Clinton")).name == "Hillary Clinton"


# nyt_2016-03-23_why-sanders-lags-on-black-vote-.txt (PolNeAR train)
SANDERS_LAGS = (
    "Asked during a January debate why he trailed Hillary Clinton so badly among minority "
    "voters, Senator Bernie Sanders said he would gain ground.\n\n"
    "Recent polling shows that Bill Clinton's favorability rating among working-class white "
    "Democrats is roughly equivalent to his rating among African-Americans.\n\n"
    "Mrs. Clinton has been a dogged defender of the Affordable Care Act, while Mr. Sanders has "
    "dwelled on the program's not going far enough. He prefers a single-payer system."
)


def test_mrs_opening_a_paragraph_does_not_end_a_sentence() -> None:
    # "Mrs. Clinton has been ..." is one sentence, not a sentence "Clinton has been ..."
    # whose "Clinton" would be the last full name written, Bill Clinton
    tracker = SpeakerTracker(SANDERS_LAGS)
    starts = tracker._all_sentence_starts()
    assert SANDERS_LAGS.index("Mrs. Clinton has") in starts
    assert SANDERS_LAGS.index("Clinton has been") not in starts
    at = SANDERS_LAGS.index("He prefers")
    assert tracker.resolve(at, at + 2).name == "Bernie Sanders"


def test_the_editorial_speaks_for_the_newspaper_named_before() -> None:
    # west-journal_2016-08-27_newspaper-says-clinton-needs-to.txt (PolNeAR train)
    text = (
        "Almost a week after Republican presidential candidate Donald Trump brought "
        "inspiration and supplies to the hard-pressed residents of flood-ravaged Louisiana, a "
        "Baton Rouge newspaper called on Democrat candidate Hillary Clinton to at least do "
        "something.\n\n"
        "“If she wants to be the next president, Hillary Clinton should act like one, and come "
        "to Louisiana,” the editorial read."
    )
    tracker = SpeakerTracker(text)
    paper = text.index("a Baton Rouge newspaper")
    tracker.resolve(paper, paper + len("a Baton Rouge newspaper"))
    at = text.index("the editorial")
    assert tracker.resolve(at, at + len("the editorial")).name == "Baton Rouge newspaper"


# wash-post_2016-09-08_virginian-could-make-history-.txt (PolNeAR dev)
BOBBY_SCOTT = (
    'NEWPORT NEWS, Va. - In a tradition he has kept for 40 years, Rep. Robert C. "Bobby" '
    "Scott threw open his family's sprawling back yard for a Labor Day cookout.\n\n"
    '"This is a big year for our potential United States senator, Bobby Scott!" Scott\'s '
    "niece shouted to the crowd.\n\n"
    'Pressure is building on McAuliffe, who was greeted with chants of "Bobby!" at a labor '
    "conference in Williamsburg.\n\n"
    "After Clinton tapped Kaine as her running mate, the push for Bobby Scott began. Despite "
    "his decades in public service, Bobby Scott is not a household name.\n\n"
    '"He\'s been a steady voice," said Scott, who has been in Congress since 1993.\n\n'
    "Currently, there are two: Cory Booker (D-N.J.) and Tim Scott (R-S.C.)"
)


def test_a_name_written_in_full_most_keeps_its_surname_over_one_named_once() -> None:
    # "Bobby" alone ("Robert C. "Bobby" Scott") does not hand "Scott" to the Tim Scott the
    # article names once in passing: Bobby Scott is written in full three times
    assert resolve(BOBBY_SCOTT, "Scott, who") == "Bobby Scott"


def test_a_name_with_a_lowercase_particle_is_one_name() -> None:
    # politico_2016-09-17_de-blasio-says-chelsea-explosi.txt (PolNeAR dev): "Mayor Bill de
    # Blasio" is one run of a name, so "the mayor" is de Blasio, not the "Bill Bratton" named
    # later (once "Mayor Bill" was read as a name of its own)
    text = (
        "Twenty-nine people were injured tonight in a densely packed Chelsea neighborhood by an "
        "explosion that Mayor Bill de Blasio described as “an intentional act.”\n\n"
        "At a press conference in Chelsea, the mayor also said that it was too early to tell "
        "whether the explosion was caused by a bomb.\n\n"
        "“The exact cause of the explosion has not been determined,” said O'Neill, on what was "
        "his first full day on the job following the departure of Bill Bratton as commissioner."
    )
    assert resolve(text, "the mayor") == "Bill de Blasio"


def test_a_part_of_a_party_is_a_speaker_of_its_own() -> None:
    # mentions from PolNeAR articles (nyt_2016-03-04_beneath-clinton-s-wins-si.txt, dev's
    # nyt_2016-09-19_obama-sees-personal-insult-if-bl.txt, ...): "Some Democrats said" is not
    # the Democratic Party speaking
    from argmap.speakers.names import split_role

    for mention, part in (
        ("Some Democrats", "some Democrats"),
        ("many Democrats", "many Democrats"),
        ("Other Republicans", "other Republicans"),
        ("mainstream Republicans", "mainstream Republicans"),
        ("Republicans on the panel", "Republicans on the panel"),
    ):
        parsed = split_role(mention)
        assert (parsed.name, parsed.kind.value, parsed.proper) == (part, "group", False)
    # the whole party, and a body of it with a name, stay what they were
    for mention, whole in (
        ("Democrats", "Democrats"),
        ("the Democrats", "Democrats"),
        ("all Democrats", "Democrats"),
        ("House Democrats", "House Democrats"),
        ("Democrats who support him", "Democrats"),
    ):
        parsed = split_role(mention)
        assert (parsed.name, parsed.proper) == (whole, True)


def test_a_part_of_a_party_is_not_joined_to_the_party_across_articles() -> None:
    from argmap.speakers.registry import SpeakerRegistry

    registry = SpeakerRegistry()
    party = registry.resolve("Democrats", doc_id="a")
    some = registry.resolve("Some Democrats", doc_id="b")
    again = registry.resolve("Democrats", doc_id="b")
    assert party.id == again.id != some.id


def test_anonymous_sources_and_advisers_to_someone_are_speakers_of_their_own() -> None:
    # breitbart_2016-03-15_the-latest-kasich-scores-all-del.txt, politico_2016-09-01_debating-
    # clinton-s-character.txt (PolNeAR train)
    from argmap.speakers.names import split_role

    source = split_role("a person familiar with the planning")
    assert (source.name, source.kind.value, source.note) == ("person", "person", None)
    adviser = split_role("a longtime adviser to both Clintons")
    assert (adviser.kind.value, adviser.proper, adviser.head) == ("person", False, "adviser")
    assert adviser.name != "Clintons"  # not the Clintons themselves
    assert split_role("to prevail in the end").note == "not a name"  # left alone


def test_a_title_that_is_a_family_name_is_the_person_the_text_names_so() -> None:
    # breitbart_2016-06-05_the-latest-mourners-flock-to-ali.txt (PolNeAR train)
    text = (
        "“He always whispered in my ear, ‘Billie Jean King, you are the Queen,'” she said.\n\n"
        "King won 12 Grand Slam singles titles during her career in the 1960s and 70s, while "
        "Ali was rising to stardom in his sport. King says Ali “talked the talk and walked the "
        "walk.”"
    )
    assert resolve(text, "King", 3) == "Billie Jean King"  # "King says"
    # a title alone that no one in the text is named by stays no one
    alone = "The King says the realm is at peace."
    at = alone.index("King")
    assert SpeakerTracker(alone).resolve(at, at + 4).note is not None


def test_they_is_never_one_person() -> None:
    # west-journal_2016-02-09_trump-supporter-screams-controve.txt (PolNeAR train): the crowd
    # answered, not Trump
    text = (
        "“So I just want to tell you right now, ma’am, you’re reprimanded, okay?” Trump said."
        "\n\nHe then asked the buzzing crowd, “Can she stay? Can she stay?”\n\n"
        "They said she could."
    )
    at = text.index("They")
    found = SpeakerTracker(text).resolve(at, at + 4)
    assert found.name != "Trump" and found.kind.value != "person"
    # a group named before is still who "they" are
    group = text.replace("He then asked the buzzing crowd", "Trump supporters cheered")
    tracker = SpeakerTracker(group)
    cheered = group.index("Trump supporters")
    tracker.resolve(cheered, cheered + len("Trump supporters"))
    at = group.index("They")
    assert tracker.resolve(at, at + 4).name == "Trump supporters"


def test_the_verb_a_question_opens_with_is_no_part_of_a_name() -> None:
    # headings and questions of PolNeAR articles (politico_2016-02-11_things-to-watch-in-
    # tonight-s-deb.txt: "5) Can Sanders take a punch?"; wash-post_2015-12-20_marco-rubio-s-
    # strategic-stances.txt: "Does Rubio, like Tilton, 19, oppose abortions ...?")
    from argmap.speakers.names import split_role

    assert split_role("Can Sanders").name == "Sanders"
    assert split_role("Does Rubio").name == "Rubio"
    assert split_role("Was Szlachta").name == "Szlachta"
    # "Will" and "May" are given names too
    assert split_role("Will Doyle").name == "Will Doyle"


def test_team_and_a_candidates_name_is_the_campaign() -> None:
    # politico_2016-02-11_things-to-watch-in-tonight-s-deb.txt (PolNeAR train)
    text = (
        "After a humbling, 22-point defeat in New Hampshire Tuesday, Hillary Clinton is "
        "staggering in.\n\n"
        "He'll be looking to prove that he's no fluke, that Team Clinton's contention that he "
        "ran well in Iowa and New Hampshire because Democratic voters there are heavily white "
        "is wrong."
    )
    at = text.index("Team Clinton")
    found = SpeakerTracker(text).resolve(at, at + len("Team Clinton"))
    assert (found.name, found.kind.value) == ("Hillary Clinton campaign", "organisation")
