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
    manager editor correspondent reporter columnist anchor host analyst economist lawmaker
    legislator congressman congresswoman councilman councilwoman councillor councilor
    delegate candidate nominee front-runner frontrunner incumbent challenger lady first
    president-elect vice-president senior top then ex emeritus designate elect republican
    democrat duke earl baron lord pm mp mep gop
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
    nurse engineer pilot sheriff police officer trooper negotiator mediator envoy one
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
    headquarters museum hospital airlines media pac chamber reserve watch
    pentagon kremlin regime camp state-department white-house
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
QUANTITY_WORDS = frozenset(
    """
    half percent per cent most many some all none one each several few majority minority
    number handful dozen dozens hundreds thousands millions lot lots plenty rest both two three
    four five six seven eight nine ten more than less fewer nearly almost about over under
    a an the % quarter third
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

NON_PLURAL_S = frozenset(
    """
    news series species politics economics physics headquarters whereabouts means always
    perhaps its his this thus plus yes us bus gas alias atlas canvas status campus census
    chorus focus bonus virus corpus genius consensus analysis crisis thesis basis axis
    """.split()
)
