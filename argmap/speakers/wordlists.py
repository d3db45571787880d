"""Word lists for reading speaker mentions: pronouns, honorifics, titles, person nouns,
organisation and document heads, groups, places, demonyms, determiners and the small
words that cut a name from the clause around it.

Every entry is casefolded with dots removed ("Sen." -> "sen"). The lists describe
English news in general, not particular articles; ``argmap.speakers.names`` reads them.
"""

# All entries are casefolded with dots removed ("Sen." -> "sen").

PRONOUN_GENDER: dict[str, str | None] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "male"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
    **dict.fromkeys(
        ("they", "them", "their", "theirs", "themselves", "we", "us", "our", "ours", "ourselves"),
        "plural",
    ),
    **dict.fromkeys(
        (
            "i",
            "me",
            "my",
            "mine",
            "myself",
            "you",
            "your",
            "yours",
            "yourself",
            "it",
            "its",
            "itself",
            "who",
            "whom",
            "whose",
            "which",
            "that",
        ),
        None,
    ),
}
POSSESSIVE_PRONOUNS = frozenset("his her their its our my your".split())

HONORIFICS = frozenset(
    "mr mrs ms miss mx messrs mme mmes mlle sir dame madam madame herr frau monsieur".split()
)

TITLES = frozenset(
    """
    dr prof professor rev reverend fr father sen senator rep representative gov governor
    lt gen general adm admiral col colonel capt captain cmdr commander maj major sgt sergeant
    cpl pvt brig marshal president pres vice prime premier minister secretary sec
    secretary-general undersecretary under assistant associate ambassador amb envoy consul
    spokesman spokeswoman spokesperson chairman chairwoman chair chairperson ceo cfo coo cto
    director deputy former acting interim chief head leader speaker majority minority whip
    mayor judge justice chancellor king queen prince princess emperor empress pope cardinal
    bishop archbishop rabbi imam sheikh pastor attorney counsel commissioner superintendent
    inspector officer official aide adviser advisor strategist founder co-founder executive
    supervisor comptroller treasurer clerk registrar
    manager editor correspondent reporter columnist anchor host analyst economist lawmaker
    legislator congressman congresswoman councilman councilwoman councillor councilor
    delegate candidate nominee front-runner frontrunner incumbent challenger lady first
    president-elect vice-president senior top then ex emeritus designate elect republican
    democrat duke earl baron lord pm mp mep gop rival opponent ally critic billionaire
    businessman businesswoman mogul activist vp veep
    """.split()
)
# Title words that are also common surnames or given names: "Steve King", "Earl ...".
SURNAME_TITLES = frozenset(
    "king major bishop judge dean pope chancellor marshal prince duke earl lord".split()
)

PERSON_NOUNS = TITLES | frozenset(
    """
    official aide adviser advisor consultant strategist pollster analyst expert economist
    scientist researcher scholar professor teacher student lawyer attorney doctor voter
    resident citizen activist supporter critic opponent ally friend source insider observer
    commentator journalist writer author moderator producer owner boss member lawmaker
    politician diplomat soldier veteran worker employee organizer organiser volunteer donor
    contributor operative partisan loyalist surrogate backer mother father wife husband son
    daughter brother sister man woman person guy someone somebody anyone anybody colleague
    counterpart successor predecessor rival winner loser mogul star icon billionaire
    businessman businesswoman entrepreneur investor banker priest actor actress singer
    comedian athlete coach player fan witness victim suspect defendant plaintiff prosecutor
    investigator detective agent hacker whistleblower blogger pundit historian biographer
    runner-up governor senator representative nominee appointee employee trustee refugee
    detainee retiree attendee delegate candidate advocate graduate secretary executive
    emissary protester protestor demonstrator immigrant farmer owner physician surgeon
    nurse engineer pilot sheriff police officer trooper negotiator mediator envoy one mate spouse
    proponent mourner participant
    """.split()
)
PERSON_SUFFIXES = tuple("man woman person ist ian eer ster".split())

ORG_HEADS = frozenset(
    """
    ministry department dept committee commission council agency administration government
    party campaign office bureau court congress senate parliament assembly house command
    forces force army navy corps guard police university college school institute
    institution foundation center centre association union federation league coalition
    alliance organization organisation group company corporation firm bank fund times post
    journal news press tribune herald gazette magazine newspaper network channel television
    radio review caucus cabinet board authority service services industries inc corp llc
    ltd co plc club team society church embassy consulate delegation secretariat
    technologies systems holdings partners airlines motors pharmaceuticals communications
    enterprises ventures laboratories labs project
    headquarters museum hospital airlines media pac chamber reserve watch
    observer examiner inquirer enquirer chronicle courier sentinel dispatch register ledger
    bulletin beast oil entertainment studios legion
    pentagon kremlin regime camp state-department white-house
    tower hotel village bowl stadium arena square plaza airport resort casino hall building
    cup award prize festival summit conference center street avenue boulevard
    """.split()
)
# Common nouns that, capitalised at the start of a mention, are still common nouns.
DECAP_ORG = frozenset(
    "campaign government administration ministry department committee agency group company".split()
)

DOCUMENT_HEADS = frozenset(
    """
    statement report poll polls survey surveys study analysis memo memorandum letter release
    ad ads advertisement article editorial op-ed story book document documents filing
    lawsuit complaint ruling verdict bill law legislation resolution agreement treaty
    communique communiqué declaration transcript tweet tweets video email emails message
    speech remarks testimony statistics data figures numbers estimate estimates projection
    forecast findings research platform proposal guidelines budget website page account
    indictment indictments motion brief survey results records accord missive amendment
    headline examination note notice order
    """.split()
)

GROUP_WORDS = frozenset(
    """
    people men women children public electorate crowd audience majority minority staff
    youth clergy leadership establishment base panel jury family couple pair duo trio
    everyone everybody nobody none both all some many others several few most those these
    police
    """.split()
)
QUANTIFIERS_ALONE = frozenset(
    "some many others several few most all both those these everyone everybody none".split()
)
PERSON_ALONE = frozenset("one someone somebody anyone anybody".split())

# Capitalised plural nouns naming groups (a bare surname like "Sanders" must not match).
GROUP_PROPER = frozenset(
    """
    democrats republicans americans conservatives liberals progressives evangelicals christians
    muslims jews catholics protestants latinos latinas hispanics millennials europeans asians
    africans chinese japanese koreans russians ukrainians germans britons palestinians israelis
    iranians iraqis syrians mexicans cubans canadians australians indians pakistanis afghans
    saudis kurds turks greeks swedes danes norwegians finns poles socialists communists
    libertarians independents tories whigs democratics boomers
    """.split()
)
GROUP_PROPER_SUFFIXES = ("cans", "ians", "ists", "crats", "ites")
# A people named with "the" as a speaker is its state ("The Saudis have warned they could sell
# off hundreds of billions of dollars in U.S. assets", "the Germans announce they are expanding
# their army"): the country, an organisation. Without "the" ("Americans", "many Germans",
# "Palestinians") it is the people, a group.
NATION_OF_PEOPLE = {
    "saudis": "Saudi Arabia",
    "russians": "Russia",
    "chinese": "China",
    "germans": "Germany",
    "iranians": "Iran",
    "israelis": "Israel",
    "japanese": "Japan",
    "turks": "Turkey",
    "syrians": "Syria",
    "iraqis": "Iraq",
    "cubans": "Cuba",
    "mexicans": "Mexico",
    "french": "France",
    "british": "Britain",
    "americans": "United States",
}

# Words that may follow "of", "to" or "for" after a title, before the person's name:
# "Secretary of State Antony Blinken", "Ambassador to the U.S. Sasae Kenichiro".
INSTITUTION_WORDS = frozenset(
    """
    state defense defence homeland security treasury commerce labor labour energy education
    health human services agriculture transportation interior justice veterans affairs foreign
    home finance economy trade industry war navy army air force staff joint chiefs united
    nations states kingdom union european us usa uk un eu nato congress senate house court
    federal reserve bureau investigation central intelligence agency national committee
    council department ministry office cabinet government defense-ministry environment
    development housing urban culture science technology communications information internal
    external overseas international public works welfare family families immigration
    japan china russia ukraine korea south north india germany france britain israel iran iraq
    mexico canada australia italy spain taiwan syria egypt turkey pakistan afghanistan brazil
    europe asia africa america washington tokyo beijing moscow london paris berlin seoul
    philippines vietnam indonesia singapore thailand myanmar argentina colombia venezuela
    cuba poland sweden norway denmark finland netherlands belgium switzerland austria greece
    ireland scotland nigeria kenya ethiopia qatar jordan lebanon yemen libya morocco
    """.split()
)
# Places that speak as institutions ("Japan said", "Washington warned").
PLACES = frozenset(
    """
    japan china russia ukraine korea india germany france britain israel iran iraq mexico
    canada australia italy spain taiwan syria egypt turkey pakistan afghanistan brazil europe
    washington tokyo beijing moscow london paris berlin seoul pyongyang tehran kyiv kiev
    """.split()
)
# Countries of two or three words, written with hyphens ("Saudi Arabia" -> saudi-arabia).
COUNTRY_NAMES = frozenset(
    """
    saudi-arabia south-korea north-korea south-africa new-zealand sri-lanka costa-rica
    el-salvador czech-republic united-kingdom united-arab-emirates
    """.split()
)
# Nationality and party adjectives that modify a following title ("Japanese Ambassador").
DEMONYMS = frozenset(
    """
    american japanese chinese korean russian ukrainian german french british english irish
    scottish welsh israeli palestinian iranian iraqi syrian mexican cuban canadian australian
    indian pakistani afghan saudi turkish greek italian spanish polish swedish dutch belgian
    swiss austrian brazilian argentine egyptian nigerian kenyan taiwanese filipino vietnamese
    thai indonesian european asian african u.s us un eu nato gop democratic republican
    foreign defense defence house senate white state federal
    """.split()
)

DETERMINERS = frozenset(
    "the a an this that these those another any each every some many several few most all both "
    "neither either no other such".split()
)
# Tokens allowed between capitalised words of one name ("Ministry of Defense").
CONNECTORS = frozenset("of for and & the to de".split())
NAME_PARTICLES = frozenset(
    "van von der den de del della di da du la le dos das ter ten bin ibn al el abu ben st".split()
)
# Particles that are never a given name: written first and capitalised ("De Blasio", "Bin
# Laden", "Le Pen") they still open a family name, as "van", "al", "ben" ("Van Jones", "Al
# Gore", "Ben Carson") need not.
#: The particles as one regex group, longest first (so "della" is tried before "de").
NAME_PARTICLE_PATTERN = "(?:" + "|".join(sorted(NAME_PARTICLES, key=lambda p: (-len(p), p))) + ")"
SURNAME_PARTICLES = frozenset("von der den de della di du le dos das bin ibn".split())
COMPLEMENT_PREPS = frozenset("of to for".split())
# A mention's noun phrase ends at these: relative pronouns and locative/other prepositions.
CUT_WORDS = frozenset(
    """
    who whom whose which where when in at on from with by during after since near
    across among within without through via against outside inside including
    representing familiar close involved knowledgeable briefed speaking
    """.split()
)
APPOSITION_STOPS = frozenset("including such especially notably like among".split())
COORDINATORS = frozenset("and & nor or".split())
# Number words from two up ("one" is also a pronoun and a person: see PERSON_ALONE).
NUMBER_WORDS = frozenset(
    """
    two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million billion
    """.split()
)
QUANTITY_WORDS = NUMBER_WORDS | frozenset(
    """
    half percent per cent most many some all none one each several few majority minority
    number handful dozen dozens hundreds thousands millions lot lots plenty rest both
    more than less fewer nearly almost about over under a an the % quarter third
    """.split()
)
TIME_WORDS = frozenset(
    "year years week weeks month months day days today yesterday tomorrow tonight "
    "monday tuesday wednesday thursday friday saturday sunday last next this".split()
)
SUFFIXES = frozenset("jr sr ii iii iv v".split())
ABBREVIATIONS = SUFFIXES | frozenset("inc corp co ltd bros".split())  # a final dot that stays
NAME_SUFFIXES_KEEP = frozenset("jr sr ii iii iv".split())
KEY_STOPWORDS = frozenset("the of and & mr mrs ms mx".split())
# Short forms of given names that stand for one full form only ("Chuck Grassley" is "Charles
# Grassley", "Len Burman" "Leonard E. Burman"): a name's key reads the full form. Short forms
# of several names ("Steve": Steven or Stephen, "Chris", "Pat", "Sam", "Alex", "Rick") are
# left out, as are those that are particles too ("Ben", "Al").
GIVEN_NAME_FULL_FORMS = {
    **dict.fromkeys(("chuck", "charlie"), "charles"),
    **dict.fromkeys(("bill", "billy"), "william"),
    **dict.fromkeys(("bob", "bobby", "rob"), "robert"),
    **dict.fromkeys(("len", "lenny"), "leonard"),
    **dict.fromkeys(("jim", "jimmy"), "james"),
    **dict.fromkeys(("tom", "tommy"), "thomas"),
    **dict.fromkeys(("dan", "danny"), "daniel"),
    "pete": "peter",
    "mike": "michael",
    "dave": "david",
    "joe": "joseph",
    "tony": "anthony",
    "ken": "kenneth",
    "larry": "lawrence",
    "matt": "matthew",
    "nick": "nicholas",
    "tim": "timothy",
    "andy": "andrew",
    "greg": "gregory",
    "liz": "elizabeth",
    "bernie": "bernard",
    "dick": "richard",
    "jeff": "jeffrey",
}

NON_PLURAL_S = frozenset(
    """
    news series species politics economics physics headquarters whereabouts means always
    perhaps its his this thus plus yes us bus gas alias atlas canvas status campus census
    chorus focus bonus virus corpus genius consensus analysis crisis thesis basis axis
    """.split()
)

# Prepositions: what is after one is its object, not a speaker ("those around him").
PREPOSITIONS = frozenset(
    """
    to from with without of in on at by about into onto over under between through during
    toward towards upon via per against beneath behind below above along alongside around
    amidst atop underneath across among amid beyond near
    """.split()
)

# ---------------------------------------------------------------- the edges of a name
# Words a name never begins with, capitalised or not: a clause begins there ("But Trump",
# "When Mexico", "To Sexton", "Even Mike Pence", "Asked about it, Rubio").
LEADING_NOT_NAME = frozenset(
    """
    and but or nor so yet for if as while when whenever after before since until because
    although though unless once whereas whether than like unlike despite
    following contrary according throughout except including
    now even still also just only then meanwhile however instead later earlier again too
    already ever never indeed thus perhaps maybe moreover furthermore besides otherwise
    asked speaking writing responding answering pressed noting adding describing referring
    what how why where who whom whose which that this these those there here
    not no yes well oh given
    everything nothing something anything everyone everybody anyone anybody let
    does did do can could was were is are has have had should would must shall might
    """.split()  # the verb a question opens with ("Does Rubio ..."); not "Will", "May": names
) | (PREPOSITIONS - {"near"})  # "Near" may open a place's name ("Near East")
# Days, months and other time words at the edges of a mention ("Trump Wednesday", "On
# Monday", "Pence Thursday"). April, May and June are left out: they are given names too.
DAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTH_NAMES = frozenset(
    "january february march july august september october november december "
    "jan feb mar aug sep sept oct nov dec".split()
)
TIME_EDGE = (
    DAY_NAMES
    | MONTH_NAMES
    | frozenset(
        """
        today tonight yesterday tomorrow morning afternoon evening night weekend week month
        year day days weeks months years last next this earlier later ago recently
        """.split()
    )
)
# Holidays and named days that are dates, not speakers ("Super Tuesday", "Election Day").
DATE_HEADS = DAY_NAMES | frozenset("day eve night".split())

# ---------------------------------------------------------------- not speakers
# Documents that only report figures: a speaker only when the mention names who made them
# ("a study by Mikhail Dmitriyev", "Crowdpac's analysis"), never on their own ("a new poll",
# "FEC records", "the report"). (Texts that speak for their authors, "the statement", "the
# letter", "the tweet", are resolved to their author in the document instead.)
FIGURE_HEADS = frozenset(
    """
    poll polls polling survey surveys study studies analysis analyses report reports data
    figures numbers statistics stats estimate estimates projection projections findings
    finding research results result records record documents document filing filings tally
    average averages count counts census index model models forecast forecasts review
    returns database databases
    """.split()
)
# Things that show or contain, never speak themselves unless their maker is named.
MEDIA_HEADS = frozenset(
    """
    video videos footage photo photos photograph photographs picture pictures image images
    clip clips ad ads advertisement advertisements article articles story stories book books
    website site page pages transcript transcripts headline headlines map maps chart charts
    graphic graphics sign signs screen screens recording recordings tape tapes film movie
    documentary episode show program programme broadcast summary
    """.split()
)
# US states and their usual abbreviations in news copy: places, never a person.
US_STATES = frozenset(
    """
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wisc wyo
    """.split()
)
US_STATE_PAIRS = frozenset(
    """
    new-hampshire new-jersey new-mexico new-york north-carolina north-dakota rhode-island
    south-carolina south-dakota west-virginia district-of-columbia
    """.split()
)
# Agent nouns: a lowercase one-word mention that is one of these names a speaker ("officials",
# "the company"); any other lowercase word alone ("helped", "pitch", "tally") does not.
AGENT_NOUNS = frozenset(
    """
    company campaign government agency group party newspaper paper organization organisation
    committee board panel union court council department ministry administration network
    station magazine outlet team staff family crowd audience public people everyone
    someone nobody anyone police military army navy embassy office firm bank fund church
    school university college hospital city state country nation
    """.split()
)
