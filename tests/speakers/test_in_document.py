"""Speakers inside one document, the rules of issue 14's third round, each on the PolNeAR
sentences that motivated it (and one it must leave alone)."""

from __future__ import annotations

from argmap.speakers.coref import SpeakerTracker
from tests.speakers.helpers import resolve


def name_at(tracker: SpeakerTracker, mention: str, until: str | None = None) -> str:
    """The speaker name ``tracker`` gives the first ``mention`` in its text (the mention
    running up to the next ``until`` instead, when given), in the order the test asks."""
    start = tracker.text.index(mention)
    end = tracker.text.index(until, start) if until else start + len(mention)
    return tracker.resolve(start, end).name


# nyt_2016-02-20_for-pope-it-s-bigger-than-trump-.txt (PolNeAR train)
POPE = (
    "In the cage fight of American presidential politics, the matchup is irresistible: Pope "
    "Francis, leader of the world's 1.2 billion Roman Catholics, the pope of the poor who has "
    "kneeled to wash the feet of prisoners and Muslims, versus Donald J. Trump, billionaire "
    "Republican who disparages Muslims and kneels to no one.\n\n"
    "When Francis said Mr. Trump ''is not Christian'' in answering a reporter's question on his "
    "return flight from Mexico, the Latin American pope not only served up red meat for global "
    "headline writers (''Francesco Excommunicates Trump,'' declared La Stampa in Italy), but "
    "again demonstrated his knack for sticking his nose into putatively secular affairs.\n\n"
    "From the first days of his papacy, when he insisted on paying his hotel bill "
    "himself, Francis has understood the power of gesture, and of a global spotlight "
    "available to any pope capable of using it. His flap with Mr. Trump is about "
    "immigration, but to Francis the issue transcends Republican politics. Just as he "
    "made a politically charged visit to the border of Mexico and the United States on "
    "Wednesday, Francis also made a 2014 stop in Bethlehem to pray at the "
    "graffiti-covered wall dividing the Palestinian sector from Israel.\n\n"
    "His critics in the United States, many of them conservative Catholics, argue that Francis "
    "is a ''political pope'' pursuing a leftist agenda that castigates capitalism and "
    "environmental degradation. Even before Francis' remarks about him, Mr. Trump had "
    "criticized the pope as ''a political person'' and accused him of visiting the United "
    "States-Mexico border as a favor to the Mexican government."
)


def test_a_quoted_headline_is_no_ones_full_name():
    # the mentions in the order extraction asks for them; the quoted headline came last, so
    # it was taken for the full name of "Mr. Trump"
    tracker = SpeakerTracker(POPE)
    name_at(tracker, "La Stampa")
    name_at(tracker, "His critics", until=", argue")
    assert name_at(tracker, "Mr. Trump had", until=" had") == "Donald J. Trump"


def test_a_name_that_opens_a_longer_quotation_is_still_a_name():
    # huff-post_2016-09-27_latinos-share-their-most-honest- (PolNeAR dev)
    text = (
        "“Donald Trump scares me. Hearing him talk about communities of color in relation to law "
        "and order makes me fearful.” ― Krystal Correa\n"
        "“Trump must stop portraying Latinos as dangerous gangsters when most of us are "
        "hard-working, tax-paying, successful entrepreneurs, unlike him.” ― Carla Sanchez."
    )
    assert resolve(text, "Trump", 2) == "Donald Trump"


# usa-today_2016-07-28_the-hillary-speech-we-d-like-to-.txt (PolNeAR train)
ENTRUSTING = (
    "I would certainly agree. Entrusting Donald Trump with our economic future, and certainly "
    "our nuclear codes, is a risky proposition. Trump's inexperience has shown in many ways. He "
    "has openly questioned America's commitment to its allies in Europe and Asia."
)


def test_a_gerund_opening_a_sentence_is_not_part_of_the_name_after_it():
    assert resolve(ENTRUSTING, "He") == "Donald Trump"  # not "Entrusting Donald Trump"


# west-journal_2016-09-14_clinton-hid-past-health-problems.txt (PolNeAR dev)
MARIANO = (
    "Secrecy is not a stranger when it comes to Hillary Clinton’s health issues, the Democratic "
    "presidential candidate’s former doctor maintains.\n\n"
    "Dr. Connie Mariano, who as a Navy captain was the White House physician in the "
    "administration of former President Bill Clinton and later retired from the service as a "
    "rear admiral, said that in 1998, Clinton allowed her staff and the general public to "
    "think that issues she had with her right leg were due to a pulled muscle and not a blood "
    "clot.\n\n"
    "Mariano wrote a memoir of her time at the White House entitled The White House Doctor: My "
    "Patients Were Presidents.\n\n"
    "When Mariano’s diagnosis of a blood clot was confirmed, Clinton did not want to remain in "
    "the hospital, but was treated as an outpatient by taking blood-thinning drugs."
)


def test_a_surname_takes_the_articles_person_not_a_relative_named_in_passing():
    # Hillary Clinton is written once, with 's; Bill Clinton once, after "of former
    # President": the surname is hers
    assert resolve(MARIANO, "Clinton", 4) == "Hillary Clinton"  # "Clinton did not want"


def test_a_surname_in_an_article_on_the_relative_stays_his():
    # breitbart_2016-10-04_bill-clinton-calls-obamacare-crazy-system (PolNeAR dev): Bill
    # Clinton is the subject, his wife named after "his wife": "Clinton said" is Bill
    text = (
        "Bill Clinton calls Obamacare ‘crazy system’ during campaign stop.\n\n"
        "FLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton criticized the Affordable "
        "Care Act as a “crazy system” during a presidential campaign stop in Flint, Mich., for "
        "his wife Hillary Clinton.\n\n"
        "During the rally Monday, the former president said Obamacare is causing premiums to "
        "rise because of the exchange markets.\n\n"
        "“It doesn’t make any sense. The insurance model doesn’t work here,” Clinton said."
    )
    assert resolve(text, "Clinton", 4) == "Bill Clinton"


# huff-post_2016-09-20_elizabeth-warren-hammers-wells-fargo-ceo (PolNeAR dev)
MERKLEY = (
    "“You say you ‘accept responsibility, and it was the fault of those 5,000 people,’” Merkley "
    "said. “That’s not accepting responsibility ... you are scapegoating the people at the very "
    "bottom.”\n\n"
    "In a statement issued Tuesday morning, presidential nominee Hillary Clinton was more "
    "circumspect than her fellow Democrats on the banking committee. Though she called Wells "
    "Fargo’s behavior “outrageous” and called for compensation to be “clawed back” for "
    "responsible executives, Clinton restricted comments about breaking up big banks."
)


def test_a_sentence_opening_with_a_quotation_mark_is_a_sentence():
    # "“That’s not ...”" starts a sentence: Merkley is a sentence further back than the
    # subject Hillary Clinton
    tracker = SpeakerTracker(MERKLEY)
    assert name_at(tracker, "Merkley") == "Merkley"
    assert name_at(tracker, "she called", until=" called") == "Hillary Clinton"


# breitbart_2016-07-13_trump-demands-ginsburg-resign-fo.txt (PolNeAR train)
GINSBURG = (
    "House Speaker Paul Ryan told CNN Tuesday that Ginsburg’s comments “shows bias to me.”\n\n"
    "Former Democratic candidate Bernie Sanders, who on Tuesday endorsed Clinton, said Wednesday "
    "he agrees with Ginsburg’s remarks.\n\n"
    "The Vermont senator declined to say whether it is appropriate for a sitting Supreme Court "
    "justice to openly criticize a White House contender."
)


def test_a_title_description_takes_the_latest_person_the_text_calls_only_a_candidate():
    # the text never writes "Vermont" or "senator" of Sanders; it gives him a candidacy only
    tracker = SpeakerTracker(GINSBURG)
    assert name_at(tracker, "Bernie Sanders") == "Bernie Sanders"
    assert name_at(tracker, "The Vermont senator") == "Bernie Sanders"


def test_a_title_description_is_not_a_person_with_another_office_or_trade():
    # usa-today_2016-06-17_walls-and-bans-won-t-thwart-lone (PolNeAR train)
    text = (
        "President Obama had a talk this week with Francois Hollande. The French president "
        "expressed his condolences over the Orlando massacre, while Obama offered his own "
        "condolences."
    )
    assert resolve(text, "The French president") not in ("Obama", "Barack Obama")
    # wash-post_2016-09-21_mixed-messages-on-trump-s-child-care (PolNeAR dev)
    text = (
        "Conservative economist Aparna Mathur, who studies tax policy and labor issues at the "
        "American Enterprise Institute, said Ivanka Trump's statement didn't clarify the "
        'matter.\n\n"I don\'t see details about who is left out, who is eligible," she said '
        "after reading the Trump campaign's public outline of the policy.\n\n"
        "The Trump team has said single people and families - gay, straight, adoptive and "
        "foster - would qualify for the tax breaks under Trump's broader child-care plan. The "
        "GOP candidate proposes allowing parents to deduct the average cost of their state's "
        "care from their income taxes."
    )
    tracker = SpeakerTracker(text)
    name_at(tracker, "Aparna Mathur")
    name_at(tracker, "she said", until=" said")
    assert name_at(tracker, "The GOP candidate") != "Aparna Mathur"


# breitbart_2016-10-03_the-latest-trump-s-leaked-taxes- (PolNeAR dev) and a sentence of the
# same live blog's kind
CAMPAIGN = (
    "WASHINGTON (AP) — The Latest on the presidential race between Republican Donald Trump and "
    "Democrat Hillary Clinton (all times EDT):\n\n"
    "Trump called for female contestants to wear shorter dresses that showed more cleavage. "
    "Several cast members said Trump had one female contestant twirl before him so he could "
    "ogle her figure.\n\n"
    "The Trump campaign called the charges unsubstantiated and fabricated by disgruntled former "
    "employees.\n\n"
    "Donald Trump’s campaign is defending his early-morning tweets shaming former Miss Universe "
    "Alicia Machado."
)


def test_a_candidates_campaign_is_named_by_the_candidates_full_name():
    # "The Trump campaign" and "Donald Trump’s campaign" were two speakers
    assert resolve(CAMPAIGN, "The Trump campaign") == "Donald Trump campaign"
    assert resolve(CAMPAIGN, "Donald Trump’s campaign") == "Donald Trump campaign"


def test_a_campaign_named_by_no_person_keeps_its_name():
    # a PolNeAR article on the Brexit vote: "Leave" is no candidate
    text = (
        "“But we do not need change based on the demagogy, bigotry and anti-immigrant sentiment "
        "that punctuated so much of the Leave campaign’s rhetoric — and is central to Donald J. "
        "Trump’s message.”"
    )
    assert resolve(text, "the Leave campaign") == "Leave campaign"


def test_a_newspaper_called_by_one_word_is_the_one_the_article_names_in_full():
    # west-journal_2016-10-04_railing-against-trump-sanders (PolNeAR dev)
    text = (
        "Based on the evidence of a New York Times article founded upon one piece of the "
        "Republican presidential nominee’s 1995 state tax return, Sanders on Tuesday said he "
        "wants to attack four provisions in the tax code that address how real estate losses "
        "are deducted.\n\n"
        "The Times on Saturday wrote that Trump had claimed a loss of $916 million in 1995, "
        "which could have allowed him to avoid paying taxes for the next 18 years."
    )
    assert resolve(text, "The Times") == "New York Times"


def test_a_two_word_organisation_is_the_longer_name_the_article_gave_it():
    # wash-post_2016-09-10_outrage-but-few-options-on-the-t (PolNeAR dev)
    text = (
        "The United Nations Security Council on Friday made a strong condemnation of North "
        "Korea's latest nuclear test and pledged to impose further sanctions as a deterrence to "
        'what it called "a clear threat to international peace and security."\n\n'
        "Following a swiftly called, late-afternoon meeting, the Security Council issued a "
        'statement calling the overnight nuclear test "a clear violation and in flagrant '
        'disregard" of five previous Security Council resolutions.'
    )
    assert resolve(text, "the Security Council") == "United Nations Security Council"
    # and one the article never writes longer keeps its name
    alone = text[text.index("Following") :]
    assert resolve(alone, "the Security Council") == "Security Council"


def test_a_full_name_in_the_bare_possessive_counts_for_its_surname():
    # usa-today_2016-05-11_millennials-don-t-get-socialism (PolNeAR train): "Bernie Sanders'"
    # was not read as a name with "Sanders", so the headline's "Young Sanders" was his name
    text = (
        "Millennials don't get socialism; \nYoung Sanders supporters never had to live through "
        "the Cold War era.\n\n"
        "Bernie Sanders' lock on young people has been a constant throughout the Democratic "
        "presidential primaries. Exit polling shows he won 83% of voters under 30 in "
        "Pennsylvania last month, 74% in Indiana last week and 71% in West Virginia on "
        "Tuesday.\n\n"
        "Sanders  calls himself a democratic socialist."
    )
    assert name_at(SpeakerTracker(text), "Sanders  calls", until="  calls") == "Bernie Sanders"


# nyt_2016-04-25_trump-s-aging-air-fleet-gives-hi (PolNeAR train): the extractor's mention
# starts after the name and its comma
RAIFF = (
    "Greg Raiff, chief executive officer of Private Jet Services, an aviation consulting firm "
    "and private-jet charter broker for corporations and individuals, said the Boeing was an "
    "unusual aircraft for a man of Mr. Trump's wealth. ''Buying a 25-year-old 757 is like "
    "buying a bag of Cheetos,'' he said."
)


def test_a_lower_case_title_after_a_name_and_its_comma_is_that_person():
    tracker = SpeakerTracker(RAIFF)
    # not the firm, "Jet Services"
    assert name_at(tracker, "chief executive", until=", said") == "Greg Raiff"
    assert name_at(tracker, "he said", until=" said") == "Greg Raiff"


def test_a_lower_case_title_with_no_name_and_comma_before_it_is_parsed_as_written():
    # "... Clinton campaign spokesman Brian Fallon said on Monday." (PolNeAR): the words
    # before the mention are no name and comma
    text = (
        "“I think by the middle of the week she’ll be out there campaigning as aggressively as "
        "ever,” Clinton campaign spokesman Brian Fallon said on Monday."
    )
    assert name_at(SpeakerTracker(text), "spokesman", until=" said") == "Brian Fallon"
