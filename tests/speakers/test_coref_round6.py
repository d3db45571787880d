"""'he' and 'she' in one document, the rules of issue 14's sixth round, each on the PolNeAR
sentences that motivated it (and one it must leave alone): a gender an honorific tells later
in the window, an unnamed person an indefinite description introduces, descriptions that are
no one's."""

from __future__ import annotations

from tests.speakers.helpers import resolve_in_order

# nyt_2016-01-04_for-trump-lessons-from-a-brother.txt (PolNeAR train), three passages
BROTHER = (
    "As Freddy, a fun-loving airline pilot with a gift for imitating W.C. Fields, joked with "
    "his best friend at the table, his younger brother grew impatient. Grow up, get serious "
    "and make something of yourself in the family business, Donald scolded.\n\n"
    "''Donald put Freddy down quite a bit,'' said Annamaria Schifano, then the girlfriend of "
    "Freddy's best friend, who was at the dinner and recalled Donald's tendency to pick fights "
    "and storm out. ''There was a lot of combustion.''\n\n"
    "{freddy_trump}"
    "Mr. Trump said he eventually came to recognize that his brother was a talented pilot and "
    "belonged in the clouds, not amid bricks and mortar. But by the time Donald had graduated "
    "from college in 1968 and had begun ascending at Trump headquarters on Coney Island, "
    "Freddy's drinking was out of control.\n\n"
    "Ms. Schifano recalled that the last time she saw Freddy, one night in the late 1960s, he "
    "looked gaunt. Even though she prepared his favorite food, roast beef, he barely ate.\n"
)
FREDDY_TRUMP = (
    "But the painful case of Freddy Trump, eight years his brother's senior and once the heir "
    "apparent to their father's real estate empire, also serves as an example of the dangers "
    "of failing to conform in a family dominated by a driven, perfectionist patriarch and an "
    "aggressive younger brother.\n\n"
)
BROTHER_UNNAMED = BROTHER.replace("{freddy_trump}", "")  # the article without his full name
BROTHER = BROTHER.replace("{freddy_trump}", FREDDY_TRUMP)
BROTHER_MENTIONS = (
    ("Freddy, a fun-loving airline pilot with a gift for imitating W.C. Fields", 1),
    ("Donald", 1),
    ("Annamaria Schifano", 1),
    ("Mr. Trump", 1),
    ("Ms. Schifano", 1),
)


def test_an_honorific_later_in_the_window_tells_the_speakers_gender() -> None:
    # "Annamaria Schifano" spoke; "Ms. Schifano recalled ... he looked gaunt": 'he' is not her
    names = resolve_in_order(BROTHER, *BROTHER_MENTIONS, ("he", 2))
    assert names[4] == "Annamaria Schifano"
    assert names[-1] != "Annamaria Schifano"


def test_she_after_the_honorific_stays_hers() -> None:
    names = resolve_in_order(BROTHER, *BROTHER_MENTIONS, ("she", 2))
    assert names[-1] == "Annamaria Schifano"


# wash-post_2016-01-07_germany-targets-a-surge-of-vitri.txt (PolNeAR train)
BERLIN = (
    "Harsh comments are earning some Germans more than scorn. In the town of Wismar in "
    "northeastern Germany, for instance, a judge in October sentenced a 26-year-old man to "
    "five months' probation and a 300-euro fine after the man had posted on his Facebook page "
    'that refugees should "burn alive" or "drown" in the Mediterranean.\n\n'
    "In September, the home of a 26-year-old Berlin man was raided by police, who confiscated "
    "his computer and phones after he had posted the tragic image of the dead 3-year-old "
    "Syrian boy whose body on a Turkish beach became a symbol of the refugee crisis. Along with "
    'the photo, he had posted: "We are not mourning, we are celebrating!"\n\n'
    "A 29-year-old Berlin woman, meanwhile, received five months' probation in July after she "
    "had posted comments on Facebook about an alleged rape of a German woman by an asylum "
    'seeker. "Filth out!" she wrote, arguing that if tougher measures against refugees were '
    'not deployed, "more asylum seekers\' homes will burn."\n'
)


def test_an_unnamed_person_introduced_by_a_description_is_she() -> None:
    # the statement's speaker is the woman the description introduced (the speaker her own
    # description would resolve to), not "Harsh", a sentence's first word
    names = resolve_in_order(
        BERLIN, ("Harsh", 1), ("the man", 1), ("he", 1), ("he", 2), ("she", 1), ("she", 2)
    )
    assert names[0] == "Harsh"  # (what the extractor asked first: a fragment)
    assert names[4:] == ["29-year-old Berlin woman", "29-year-old Berlin woman"]


# huff-post_2015-11-20_trump-may-not-have-suggested-a-m.txt (PolNeAR train)
DATABASE = (
    "Trump argued that a database would keep people from coming into the country illegally, "
    "saying it’s “all about management.”\n\n"
    "When an NBC reporter later asked Trump if having Muslims register in a database would be "
    "any different from having Jews wear a yellow badge in Nazi Germany, Trump deflected.\n\n"
    "“You tell me,” he said.\n"
)


def test_a_named_person_who_fits_better_than_the_description_keeps_he() -> None:
    # "an NBC reporter" spoke (as the extractor reads it), but the man named is Trump
    names = resolve_in_order(DATABASE, ("Trump", 1), ("an NBC reporter", 1), ("he", 1))
    assert names == ["Trump", "NBC reporter", "Trump"]


# breitbart_2016-07-13_trump-demands-ginsburg-resign-fo.txt (PolNeAR train)
GINSBURG = (
    "Ginsburg’s remarks have drawn criticism from some who say it is inappropriate for a "
    "Supreme Court justice to weigh in so publicly on a political campaign, though Ginsburg is "
    "known for speaking her mind on other issues and is celebrated as a liberal icon known to "
    "fans as Notorious RBG.\n\n"
    "In a subsequent interview with The New York Times, she joked about moving to New Zealand "
    "if Trump is elected. She escalated her criticism on Tuesday, telling CNN that Trump is a "
    "“faker” and questioning how he has “gotten away with not turning over his tax "
    "returns.”\n\n"
    "“He has no consistency about him,” she said.\n"
)


def test_a_description_said_of_someone_is_no_antecedent() -> None:
    # "is celebrated as a liberal icon": what Ginsburg is, not someone 'she' can be
    names = resolve_in_order(GINSBURG, ("Ginsburg", 1), ("a liberal icon", 1), ("She", 1))
    assert names[1] == "liberal icon"
    assert names[2] == "Ginsburg"


# wash-post_2016-06-14_we-are-in-shock-horrified-a-mosq.txt (PolNeAR train)
CASHIER = (
    '"This is little Fort Pierce!" said Donna Lages, 39, a waitress at the Golden Bear '
    "restaurant, which serves a $4 breakfast special. She said the place prides itself on its "
    "blend of races and religions, and people in Fort Pierce see it as a strength that "
    "everyone is from somewhere else.\n\n"
    "At a drugstore near the mosque, a middle-aged cashier was shaken by the harsh talk about "
    'Muslims she has heard since the shooting. "One guy came in and said maybe we should '
    'start killing them if they are killing us," said the woman, who like many in the town did '
    'not want to be quoted by name because of the sensitivity of the issue. "Too much hate," '
    "she said, blaming some of it on presidential candidate Donald Trump.\n"
)


def test_the_woman_who_spoke_keeps_her_pronoun() -> None:
    # "said the woman ... 'Too much hate,' she said": the unnamed woman, as before
    names = resolve_in_order(CASHIER, ("Donna Lages", 1), ("She", 1), ("the woman", 1), ("she", 2))
    assert names == ["Donna Lages", "Donna Lages", "woman", "woman"]


def test_a_given_name_alone_names_the_person_the_article_gives_it() -> None:
    # "the last time she saw Freddy, one night in the late 1960s, he looked gaunt"
    names = resolve_in_order(BROTHER, *BROTHER_MENTIONS, ("he", 2))
    assert names[0] == "Freddy Trump"
    assert names[-1] == "Freddy Trump"


def test_a_given_name_alone_is_no_one_when_the_article_gives_no_full_name_with_it() -> None:
    names = resolve_in_order(BROTHER_UNNAMED, *BROTHER_MENTIONS, ("he", 2))
    assert names[0] == "Freddy"
    assert names[-1] not in ("Freddy", "Freddy Trump")


# wash-post_2016-01-20_fiorina-pushed-ahead-and-paid-a-.txt (PolNeAR train), three passages
FIORINA = (
    "But her decision to champion a mega-deal with Compaq Computer in 2001 - the most "
    "significant and criticized move of her career - ultimately became a key reason she lost "
    "her job as the country's most high-profile female CEO.\n\n"
    "The $25 billion merger wasn't her idea. It came from HP's longest-serving director, the "
    'bespectacled nuclear physicist George "Jay" Keyworth. In late 2000, Keyworth rushed to '
    "meet with Fiorina at HP's headquarters in Palo Alto, Calif., to discuss his brainstorm. "
    "The company could use its multibillion-dollar war chest to buy Compaq, swallowing a "
    "rival and virtually doubling HP's size and stature overnight.\n\n"
    "Keyworth was one of the more trusted minds on HP's board, and he was so fired up about a "
    "deal's potential he said she should call Compaq's chief executive.\n\n"
    "Her workforce was also quickly tilting toward suspicion. In June 2001, after a desperate "
    "HP asked workers to sign up for an optional pay cut, 80,000 employees volunteered, some "
    "under the belief that it would save them all from pink slips. When Fiorina a month later "
    "announced 6,000 layoffs, some workers felt betrayed, or as if she was showing who was in "
    'charge. As one employee told Palo Alto Weekly, "She wants to put fear in our hearts, and '
    "she's done that.\"\n"
)


def test_a_place_is_no_one_for_he() -> None:
    # "in Palo Alto, Calif.": a place, though "told Palo Alto Weekly" writes its words the
    # way a person's name is written
    assert resolve_in_order(FIORINA, ("he", 2)) != ["Palo Alto"]


# politico_2015-11-29_hillary-clinton-s-pothole-politi.txt (PolNeAR train), three passages
POTHOLES = (
    "Hillary Clinton's pothole politics.\n\n"
    "BOSTON —Standing in front of a cheering crowd of 800 construction trade union members and "
    "supporters inside Boston’s historic Faneuil Hall with Mayor Marty Walsh by her side, "
    "Hillary Clinton turned Sunday to a subject that she hasn’t devoted much time to on the "
    "campaign trail: pothole politics.\n\n"
    "At an event billed as “Hard Hats for Hillary,” Clinton unveiled a $275 billion "
    "infrastructure proposal to fix highways, trains, airports, aging sewer systems and the "
    "country’s frayed electrical grid.\n\n"
    "“Here in Boston, I remember the historic snowfall you had last winter,” she told the "
    "packed hall, where an overflow crowd of about 1,200 supporters watched on a screen set up "
    "in the square outside.\n\n"
    "“The Democrats have ignored the word ‘urban’ or ‘city’ the entire year,” said Mitchell "
    "Moss, urban policy professor and director of the Rudin Center for Transportation at New "
    "York University. “The primaries are largely in rural states. They’ve been able to avoid "
    "cities, because most of their time is spent campaigning in places where there are no "
    "cities.”\n\n"
    "But after focusing her attention on issues such as the drug epidemic ravaging rural "
    "communities, Clinton delivered a message Sunday that resonates for many mayors.\n\n"
    '“Our roads and bridges are potholed and crumbling," she said.\n'
)


def test_a_family_name_alone_names_the_person_of_the_pronouns_gender() -> None:
    # "..., Clinton delivered a message Sunday ... 'Our roads ...,' she said": Hillary
    # Clinton, whom "she" follows in the text, not the professor quoted before
    names = resolve_in_order(POTHOLES, ("she", 2), ("Mitchell Moss", 1), ("she", 3))
    assert names == ["Hillary Clinton", "Mitchell Moss", "Hillary Clinton"]
