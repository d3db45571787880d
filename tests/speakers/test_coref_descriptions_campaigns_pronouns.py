"""Speakers inside one document, the rules of issue 14's fifth round, each on the PolNeAR
sentences that motivated it (and one it must leave alone)."""

from __future__ import annotations

from argmap.speakers.coref import SpeakerTracker
from argmap.speakers.narrator import writer_named
from argmap.speakers.wordlists import NAME_PARTICLES
from tests.speakers.helpers import resolve, resolve_in_order

# breitbart_2016-03-01_the-latest-sanders-wins-vermont.txt (PolNeAR train)
SUPER_TUESDAY = (
    "Despite heightened efforts by the GOP establishment to stop him, Trump says he is “a "
    "unifier” who soon wanted to put internal Republican squabbles behind him to focus on "
    "Hillary Clinton.\n\n"
    "He criticized Clinton’s track record said she “isn’t going to straight it out” over the "
    "next four years if elected president.\n\n"
    "But he also did could not resist taking swipes at Marco Rubio, who he dubbed “the little "
    "senator.” He mocked Rubio for not having won a single state.\n\n"
    "The Vermont senator won the state’s caucuses, beating rival Hillary Clinton in his "
    "adopted home state.\n\n"
    "Clinton decried the GOP for “turning its back” on America’s working and middle class "
    "citizens. She criticized what she called the angry, divisive rhetoric from the "
    "Republican front-runner, Donald Trump, though she did not name him.\n\n"
    "Clinton earned her latest win in the string of contests known as Super Tuesday. She has "
    "also won the Democratic primaries in Georgia, Virginia, Alabama and Tennessee, putting "
    "her ahead of her rival, Sen. Bernie Sanders, who has won the race in his home state of "
    "Vermont.\n\n"
    "Clinton’s husband, Bill Clinton, served as governor of Arkansas before he was elected "
    "president in 1992.\n\n"
    "Minnesota Gov. Mark Dayton is backing Hillary Clinton, but he says she faces a tough "
    "race.\n\n"
    "Hillary Clinton is adding to her delegate lead over Bernie Sanders.\n\n"
    "Bernie Sanders is thanking supporters at a victory rally in his home state of Vermont.\n\n"
    "Sanders captured the Democratic primary in Vermont, his first win on Super Tuesday. His "
    "opponent, Hillary Clinton, won Georgia and Virginia.\n\n"
    "He told the raucous crowd that it meant a lot to him that “the people who know me best” "
    "gave him a victory."
)


def test_a_pronoun_given_wrongly_does_not_fix_the_persons_gender() -> None:
    # "He criticized Clinton’s track record": the extractor gives the clause to "Clinton’s
    # track record", and the "He" after it went to her and made her a man for the rest of
    # the text: "She criticized" found nobody, and Sanders's "He told" went to her. The text
    # says she is a woman where she is her sentence's subject ("Clinton earned her latest
    # win"), not where she is its object ("beating rival Hillary Clinton in his adopted home
    # state"), and her husband's name is not hers
    names = resolve_in_order(
        SUPER_TUESDAY,
        ("Trump", 1),
        ("He", 1),
        ("Clinton’s track record", 1),
        ("He", 2),
        ("Clinton", 4),
        ("She", 1),
        ("He", 3),
    )
    assert names[4:] == ["Hillary Clinton", "Hillary Clinton", "Bernie Sanders"]


def test_the_man_who_shares_her_family_name_keeps_his_pronouns() -> None:
    # "Bill Clinton ... before he was elected": his "he", not hers
    tracker = SpeakerTracker(SUPER_TUESDAY)
    at = SUPER_TUESDAY.index("Bill Clinton")
    assert tracker.resolve(at, at + len("Bill Clinton")).name == "Bill Clinton"
    at = SUPER_TUESDAY.index("he was elected")
    assert tracker.resolve(at, at + len("he")).name == "Bill Clinton"


# breitbart_2016-04-14_the-latest-trump-says-he-rejects.txt (PolNeAR train)
RYAN = (
    "Speaker Paul Ryan says the whole world is watching American politics and that he can "
    "understand how Middle East allies would be rattled by Republican Donald Trump’s "
    "comments.\n\n"
    "In an interview with reporters Thursday, the Wisconsin Republican said Trump’s comments "
    "are a problem."
)


def test_an_epithet_whose_head_is_a_party_fits_the_person_of_no_other_party() -> None:
    # "Speaker" is an office, but "the Wisconsin Republican" names no office: the person the
    # sentence before spoke of, not the Republican named in passing after him
    assert resolve(RYAN, "the Wisconsin Republican") == "Paul Ryan"


def test_a_party_epithet_is_not_the_person_of_the_other_party() -> None:
    text = RYAN.replace("Speaker Paul Ryan", "Senate Democratic leader Harry Reid (D-Nev.)")
    assert resolve(text, "the Wisconsin Republican") != "Harry Reid"


# breitbart_2015-12-20_republican-donor-adelson-and-tr.txt (PolNeAR train)
ADELSON = (
    "MACAU (Reuters) – Top Republican Party donor Sheldon Adelson said on Friday he met "
    "presidential candidate Donald Trump earlier this week and that the two American "
    "billionaires broached the issue at the heart of Adelson’s political agenda: support for "
    "Israel.\n\n"
    "While the mega donor didn’t disclose his degree of backing for the front-runner in the "
    "race for the Republican nomination, he did say he found Trump to be “very charming.”"
)


def test_an_epithet_names_the_person_named_before_with_that_title() -> None:
    # neither a speaker nor a sentence's subject the tracker reads: Adelson, whom the text
    # calls a donor, not Trump, named after him
    assert resolve(ADELSON, "the mega donor") == "Sheldon Adelson"


def test_an_epithet_is_not_a_person_named_before_with_another_title() -> None:
    text = ADELSON.replace("the mega donor", "the real estate mogul")
    assert resolve(text, "the real estate mogul") != "Sheldon Adelson"


def test_an_epithet_for_two_people_is_no_one_of_them() -> None:
    # breitbart_2016-03-15_the-latest-kasich-wins-ohio.txt: McConnell and Trump, together
    text = (
        "Senate Majority Leader Mitch McConnell has spoken with Donald Trump about the "
        "campaign.\n\n"
        "The Kentucky Republican and the New York businessman talked by phone on Monday."
    )
    name = resolve(text, "The Kentucky Republican and the New York businessman")
    assert name not in ("Donald Trump", "Mitch McConnell")


# usa-today_2016-07-25_sanders-endorsement-for-some.txt (PolNeAR train): a column whose
# writer the last line names
COLUMN = (
    "Sanders' 'endorsement' for some.\n\n"
    "Last month, when I asked Bernie Sanders if he would ever endorse Hillary Clinton, he looked "
    'straight into my iPhone camera, furrowed his brow and said, "I\'m gonna endorse YOU!"\n\n'
    "I guess we can all agree now that he was joking.\n\n"
    "Gaudiano is a Washington-based reporter for the USA TODAY NETWORK."
)


def test_i_inside_a_quotation_is_the_person_quoted_not_the_writer() -> None:
    # the extractor resolves "he" (who said it), then the quotation's "I": Sanders, while
    # the "I" of "I asked" and "I guess", outside the quotation, is the writer
    names = resolve_in_order(COLUMN, ("Bernie Sanders", 1), ("he", 2), ("I", 2), ("I", 1), ("I", 3))
    assert names[1:] == ["Bernie Sanders", "Bernie Sanders", "Gaudiano", "Gaudiano"]


def test_every_name_particle_of_the_word_lists_joins_a_name() -> None:
    # coref.py and narrator.py read the particles from wordlists.NAME_PARTICLES, not lists
    # of their own ("Abdulmohsen al Muteiri", huff-post_2016-05-19_these-are-the-people-
    # missing-in-.txt, was two names in the runs of capitals)
    for particle in sorted(NAME_PARTICLES):
        name = f"Marta {particle} Silva"
        said = f"{name} said the plan would work.\n\n“It will,” Silva said."
        assert resolve(said, "Silva", 2) == name
        column = f"I was there when the plan failed.\n\n{name} is a reporter for the Herald."
        assert SpeakerTracker(column).resolve(0, 1).name == name


# usa-today_2016-07-28_the-hillary-speech-we-won-t-hea.txt (PolNeAR train): a speech the
# columnist writes for Clinton, addressed to its audience
SPEECH = (
    "I would certainly agree. Entrusting Donald Trump with our economic future, and certainly "
    "our nuclear codes, is a risky proposition. Trump's inexperience has shown in many ways. He "
    "has openly questioned America's commitment to its allies in Europe and Asia. He has "
    "suggested that the United States could simply default on its debt obligations. Just "
    "yesterday, can you believe it, he urged the Russians to hack into my emails!"
)


def test_you_outside_a_quotation_is_no_speaker() -> None:
    # "can you believe it": the audience, not Trump, the person last named
    found = resolve_in_order(SPEECH, ("Trump", 1), ("you", 1))
    assert found == ["Donald Trump", "you"]
    at = SPEECH.index("you believe")
    assert SpeakerTracker(SPEECH).resolve(at, at + 3).note is not None


def test_he_beside_you_is_still_the_person_named() -> None:
    assert resolve_in_order(SPEECH, ("Trump", 1), ("you", 1), ("he", 1)) == [
        "Donald Trump",
        "you",
        "Donald Trump",
    ]


# usa-today_2016-03-01_democratic-voters-should-pick-c.txt (PolNeAR train): the editors'
# "we" under readers' letters
LETTERS = (
    "But no one, including Clinton, seems to have followed up on this matter. The public "
    "“certainly” deserves to know what she saw if she took a “look into” it.\n\n"
    "Marshall H. Tanick.\n\n"
    "Minneapolis.\n\n"
    "TWITTER.\n\n"
    "We asked what our followers thought about Hillary Clinton's decisive win over Bernie "
    "Sanders in the South Carolina primary."
)


def test_we_outside_a_quotation_is_the_writer() -> None:
    # not the last one named (the extractor's "Contrast her accomplishments" had it), nor a
    # letter's signer above it
    assert resolve(LETTERS, "We") == "the author"


def test_we_inside_a_quotation_is_not_the_writer() -> None:
    # huff-post_2016-02-24_marco-rubio-you-don-t-win-the-n.txt: the words Rubio said
    text = (
        "Earhardt then asked Rubio which states specifically he could win.\n\n"
        "“Well, we feel great in every one of those states. We’re going to pick up delegates "
        "in all of them,” he said."
    )
    assert resolve(text, "we") != "the author"


def test_a_headline_quoting_a_person_does_not_make_them_the_writer() -> None:
    # huff-post_2016-02-24_marco-rubio-you-don-t-win-the-n.txt: Rubio is quoted, not the
    # columnist whose "we" closes the article
    text = (
        "Marco Rubio: ‘You Don’t Win The Nomination By How Many States You Win.’\n\n"
        "With four Republican nominating contests in the books, Florida Sen. Marco Rubio has "
        "managed to earn finishes ranging from second to fifth place.\n\n"
        "Hey, Rubio is right about one thing: we are going to find out in March."
    )
    assert writer_named(text) is None
    assert resolve(text, "we") == "the author"


# politico_2016-03-23_sanders-scrambles-to-keep-pace-.txt (PolNeAR train)
SCRAMBLES = (
    "SEATTLE — Climbing off the mat after five morale-busting losses last week, Bernie "
    "Sanders won the Democrats Abroad primary on Monday and followed that up by taking "
    "two of the three Democratic contests Tuesday.\n\n"
    "Sanders, accordingly, is counting on something dramatic.\n\n"
    "His long shot plan to catch Clinton would require burning through cash to rapidly "
    "scale up his nationwide effort, and that’s the easy part. His victories tend to jolt"
    " his fundraising operation: The online campaign cash juggernaut raised over $6 "
    "million in the day after polls closed in New Hampshire and over $5 million after "
    "Michigan. If the team can replicate a version of that success each time he scores a "
    "big win, figure people close to Sanders, he’ll be able to continue aggressively "
    "funding campaign ads across the country and hiring politically plugged-in staffers."
    "\n\n"
    "If he follows up his Tuesday wins in Idaho and Utah with a wide victory in "
    "Washington state on Saturday, any hope he has of catching Clinton runs through "
    "Wisconsin on April 5, a large state with favorable conditions for the underdog. Then"
    " comes the delegate-packed April 19 New York primary — where Sanders and his aides "
    "believe they can surprise Clinton in her home state. It’s a bit of a stretch, but a "
    "win there fueled by young progressives would go a long way toward undermining the "
    "notion of Clinton’s inevitability, his team believes, resulting in a fundamental "
    "rethinking of the race from pundits and Democrats alike.\n\n"
    "Spurred on by what would likely be a week of favorable news coverage — and matched "
    "by a fundraising rush, accompanied by mounting questions about Clinton's strength — "
    "Sanders would then need to over-perform in the five Northeastern and Mid-Atlantic "
    "primaries on April 26 and remain competitive through May’s slow trickle of contests."
    " Sanders’ aides believe if they can do that, he’ll have a shot at yet another big "
    "win, in the biggest delegate pool of them all, California’s June 7 primary.\n\n"
    "It’s a big if, but Sanders was in San Diego on Tuesday night, more than two months "
    "before the state votes, emphasizing the state's importance and making his pitch.\n\n"
    '"If there is a large voter turnout, we will win here in California," he said, '
    "repeating a refrain that has become common for him on the campaign trail."
)


def test_a_family_name_alone_is_the_person_the_text_named_in_full() -> None:
    # "Sanders" is never written with "said" or a title, but it is the Bernie Sanders whom
    # "his pitch" and "he'll" follow: the person "he said" refers to, not nobody
    assert resolve_in_order(SCRAMBLES, ("he", 6)) == ["Bernie Sanders"]


# wash-post_2016-01-20_fiorina-pushed-ahead-with-hp-me.txt (PolNeAR train)
COMPAQ = (
    "Carly Fiorina sought to characterize her divisive tenure at HP as a success.\n\n"
    "But her decision to champion a mega-deal with Compaq Computer in 2001 - the most "
    "significant and criticized move of her career - ultimately became a key reason she lost "
    "her job as the country's most high-profile female CEO.\n\n"
    "She was adamant that she and the company keep the upper hand, telling Keyworth they "
    'wouldn\'t "have to make the first move." Compaq, she predicted, would come to them.'
)


def test_a_company_named_alone_is_not_a_person_for_she() -> None:
    # "Compaq" is "Compaq Computer", which the text never follows with a person's pronoun
    assert resolve_in_order(COMPAQ, ("she", 3)) == ["Carly Fiorina"]


# breitbart_2016-02-08_the-latest-nh-towns-vote-tweets.txt (PolNeAR train)
NASHUA = (
    "Christie slipped in a back door to avoid them. He said he loved hearing from some of his "
    "“favorite Democrats” because it fires him up.\n\n"
    "___.\n\n"
    "12:00 p.m.\n\n"
    "Democratic presidential candidate Bernie Sanders is choosing not to respond to recent "
    "Clinton campaign accusations that his backers are waging “profane” and “sexist” attacks "
    "on the former secretary of state.\n\n"
    "Instead, the Vermont senator is sticking to his campaign message, hoping to avoid any "
    "misstep that could undermine his sizeable New Hampshire lead just a day before voters "
    "head to the polls.\n\n"
    "“We have come a long way in the last nine months,” he told cheering supporters in Nashua, "
    "N.H. on Monday morning."
)


def test_a_name_after_its_title_is_the_subject_of_its_sentence() -> None:
    # "Democratic presidential candidate Bernie Sanders is choosing": the sentence is about
    # Sanders, whom "the Vermont senator" and "he told" then name (not Christie, or nobody)
    assert resolve_in_order(NASHUA, ("the Vermont senator", 1), ("he", 2)) == [
        "Bernie Sanders",
        "Bernie Sanders",
    ]


def test_a_titled_name_in_a_clause_of_time_is_not_the_subject() -> None:
    # west-journal_2016-08-03_pence-endorses-paul-ryan-with-t.txt: "While ... Donald Trump
    # has yet to endorse": the sentence is about Pence, whom "he claims" names
    text = (
        "While Republican presidential nominee Donald Trump has yet to endorse House Speaker "
        "Paul Ryan’s re-election bid, Trump’s running mate — Indiana Gov. Mike Pence — has "
        "thrown his support behind Ryan.\n\n"
        "And he claims his boss is OK with it."
    )
    assert resolve_in_order(text, ("he", 1)) != ["Donald Trump"]


# politico_2016-07-18_carson-on-why-young-black-men-s.txt (PolNeAR train)
CARSON = (
    "Donald Trump plans to empower the black community in the United States by fostering an "
    'environment of "entrepreneurial risk-taking and capital investment," Ben Carson said '
    "Monday.\n\n"
    '"Well first of all, they have to stop and listen and recognize that the black community '
    "has been moving in a downward spiral for a while now. And a lot of it has to do with the "
    'economic situation that exists in this country," the retired neurosurgeon told REVOLT TV '
    "in a video posted to its Twitter account."
)


def test_an_epithet_after_a_quotation_reaches_back_before_it() -> None:
    # "the retired neurosurgeon" names no office another could hold: the speaker of the
    # sentence before the quotation it closes (the quotation's own sentences do not count)
    assert resolve_in_order(CARSON, ("Ben Carson", 1), ("the retired neurosurgeon", 1)) == [
        "Ben Carson",
        "Ben Carson",
    ]


def test_an_epithet_of_character_names_the_speaker_before() -> None:
    # breitbart_2015-12-20_republican-donor-adelson-and-tr.txt
    text = ADELSON + "\n\n“It was very nice,” the gambling tycoon told Reuters in Macau."
    names = resolve_in_order(text, ("the mega donor", 1), ("the gambling tycoon", 1))
    assert names == ["Sheldon Adelson", "Sheldon Adelson"]


def test_an_epithet_of_a_trade_is_not_the_speaker_before() -> None:
    # a trade another person may hold: "the defense lawyer" is not Adelson
    text = ADELSON + "\n\n“It was very nice,” the defense lawyer told Reuters in Macau."
    names = resolve_in_order(text, ("the mega donor", 1), ("the defense lawyer", 1))
    assert names[1] != "Sheldon Adelson"


def test_a_description_beside_a_name_is_that_person() -> None:
    # politico_2016-09-01_debating-clinton-s-cure-for-don.txt
    text = (
        "“Clinton needs a strategy for targeting [Libertarian candidate Gary] Johnson & [Green "
        "Party hopeful Jill] Stein voters,” Nate Silver, the polling guru who founded "
        "fivethirtyeight.com tweeted on Wednesday."
    )
    assert resolve(text, "the polling guru") == "Nate Silver"


def test_a_description_opening_a_clause_after_a_name_is_not_that_person() -> None:
    # breitbart_2016-02-08_the-latest-nh-towns-vote-tweets.txt: "Bush, the reports show"
    text = (
        "The super PAC replaced more than $500,000 worth of planned New Hampshire ads "
        "supporting Rubio and attacking Iowa winner Ted Cruz with commercials exclusively "
        "opposing Jeb Bush, the reports show."
    )
    assert resolve(text, "the reports") != "Jeb Bush"


# breitbart_2016-09-30_the-latest-trump-urges-supporte.txt (PolNeAR dev)
LATEST = (
    "The Trump campaign did not immediately respond to requests for comment.\n\n"
    "___.\n\n"
    "7:45 a.m.\n\n"
    "Hillary Clinton plans to call on young people to participate in national service.\n\n"
    "The campaign says the Democratic presidential candidate will announce plans Friday for a "
    "new national program.\n\n"
    "It is the latest in a series of policy speeches designed to offer an affirmative message "
    "in the closing weeks of the presidential campaign. Clinton’s campaign is seeking to "
    "contrast her approach with what they call Republican Donald Trump’s “self-centered me "
    "first” approach."
)


def test_the_campaign_is_the_campaign_of_the_person_the_sentence_before_is_about() -> None:
    # not the campaign named last ("The Trump campaign did not immediately respond")
    assert resolve_in_order(LATEST, ("The Trump campaign", 1), ("The campaign", 1)) == [
        "Donald Trump campaign",
        "Hillary Clinton campaign",
    ]


def test_the_campaign_after_a_person_without_one_is_left_as_before() -> None:
    # a person whose campaign the text never speaks of gets none ("Jessica Ditto campaign")
    text = (
        "The Trump campaign did not immediately respond to requests for comment.\n\n"
        "Spokeswoman Jessica Ditto said via email that Mr. Trump is going to defend himself.\n\n"
        "The campaign says the ad will air nationally."
    )
    names = resolve_in_order(text, ("The Trump campaign", 1), ("The campaign", 1))
    assert names[1] != "Jessica Ditto campaign"


# west-journal_2016-05-02_trump-meets-with-clinton-critic.txt (PolNeAR train)
POST = (
    "The Washington Post noted that author Edward Klein was seen with Trump, both riding with "
    "him and eating with him in Indianapolis. The Post reported that Klein said he was "
    "gathering material for a new venture. It added, “the visit with Klein comes as Trump "
    "promises to debut new attacks on the stump about the Clintons.”"
)


def test_it_is_an_organisation_never_a_person() -> None:
    # "The Post reported that Klein said ... It added": the Post, not Klein, who spoke last
    names = resolve_in_order(POST, ("The Washington Post", 1), ("Klein", 2), ("It", 1))
    assert names == ["Washington Post", "Edward Klein", "Washington Post"]


def test_it_with_no_organisation_before_is_no_one() -> None:
    text = (
        "Author Edward Klein said he was gathering material for a new venture. It added that "
        "the visit came as Trump promised new attacks."
    )
    names = resolve_in_order(text, ("Edward Klein", 1), ("It", 1))
    assert names == ["Edward Klein", "It"]


# nyt_2016-03-12_republicans-lower-volume-in-debate.txt (PolNeAR train)
DEBATE = (
    "Senator Marco Rubio of Florida, whose candidacy is on the line in his state's primary on "
    "Tuesday, passed up easy chances to challenge Mr. Trump on immigration and foreign visas. "
    "Senator Ted Cruz of Texas, who is running second to Mr. Trump in many states, stuck to "
    "policy at first.\n\n"
    "Mr. Rubio and Mr. Cruz, who have been fierce adversaries for months and are now facing off "
    "in Florida, had moments where they teamed up against Mr. Trump. They were especially hard "
    "on him over Israel."
)


def test_they_after_two_people_who_are_the_subject_is_the_two() -> None:
    assert resolve(DEBATE, "They") == "Marco Rubio and Ted Cruz"


def test_they_after_two_people_named_as_objects_is_not_the_two() -> None:
    text = DEBATE.replace(
        "Mr. Rubio and Mr. Cruz, who have been fierce adversaries for months and are now facing "
        "off in Florida, had",
        "Voters who watched Mr. Rubio and Mr. Cruz had",
    )
    assert resolve(text, "They") != "Marco Rubio and Ted Cruz"


# wash-post_2016-09-03_hacker-who-exposed-clinton-s-pr.txt (PolNeAR train)
GUCCIFER = (
    'Marcel Lehel Lazar, 44, known online as "Guccifer," was extradited in 2014 to the United '
    "States.\n\n"
    'Despite his "admittedly brash on-line personality," public defender Shannon S. Quill '
    "wrote, Lazar is actually a devoted father and husband who was frustrated by his inability "
    "to find work in the computer sector.\n\n"
    "A high school graduate, Lazar had no formal training or computer expertise. He told the "
    "New York Times that he obtained access to the email and social-media accounts of "
    "high-profile people by reading their Wikipedia pages."
)


def test_a_sentence_opening_with_a_one_letter_article_has_its_subject_read() -> None:
    # "A high school graduate, Lazar had ...": the subject after the opening apposition (the
    # sentence's first word "A" was read as no word at all), so "He told" is Lazar, not the
    # public defender who wrote before
    names = resolve_in_order(GUCCIFER, ("public defender Shannon S. Quill", 1), ("He", 1))
    assert names == ["Shannon S. Quill", "Marcel Lehel Lazar"]


def test_an_apposition_with_its_name_after_the_article_is_still_read() -> None:
    text = GUCCIFER.replace(
        "A high school graduate, Lazar had", "A public defender, Shannon S. Quill, had"
    )
    names = resolve_in_order(text, ("public defender Shannon S. Quill", 1), ("He", 1))
    assert names[1] != "Marcel Lehel Lazar"


# wash-post_2016-01-31_can-the-gop-establishment-stop-t.txt (PolNeAR train)
DIRT_PATH = (
    "Few candidates go undefeated, but at that point, many strategists think, Trump would be "
    "extremely difficult to stop en route to one of the most surprising nomination victories "
    "of all time.\n\n"
    'One strategist described the imbalance in the race to date as "an anti-establishment '
    'superhighway and an establishment dirt path."\n\n'
    "What could start this process is a surprisingly strong finish by Rubio here Monday. He is "
    "hoping for two things that day."
)


def test_one_of_a_kind_is_not_the_group_of_that_kind() -> None:
    # "One strategist" is one person, not the group "many strategists" spoke for; so 'He'
    # after it is no group either
    names = resolve_in_order(DIRT_PATH, ("many strategists", 1), ("One strategist", 1), ("He", 1))
    assert names[0] == "strategists"
    assert "strategists" not in names[1:]


def test_the_members_of_a_kind_are_still_the_group() -> None:
    text = DIRT_PATH.replace("One strategist described", "The strategists described")
    names = resolve_in_order(text, ("many strategists", 1), ("The strategists", 1))
    assert names == ["strategists", "strategists"]
