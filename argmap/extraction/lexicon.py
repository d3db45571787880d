"""Word lists the extractor reads: attribution cues, speaker-phrase boundaries.

Cues are the verbs (and a few fixed phrases) of speech, writing, belief and
stance that introduce reported content in news English. They are listed by
base form; inflected forms are generated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

# Verbs of saying whose base form is safe to match ("they say", "experts warn").
SPEECH_VERBS = """
say tell add ask write note report announce suggest argue describe tweet explain acknowledge
declare claim state insist warn promise reply respond recall predict admit concede deny confirm
contend maintain assert stress emphasize emphasise observe remark comment complain allege testify
reveal disclose indicate propose urge vow pledge boast joke quip muse wonder caution advise counter
retort conclude agree disagree criticize criticise praise accuse blame dismiss reject defend endorse
demand welcome applaud condemn denounce decry slam blast mock lament charge estimate forecast
recommend concur post brief inform assure remind cite mention signal hint imply reiterate repeat
underscore highlight tout hail question lash rail threaten predict speculate guess point reckon
proclaim confide vouch complain plead counsel preach exclaim rule order read yell shout scream
chant scold whisper mutter snap gush interject continue affirm reaffirm restate encourage
echo assail voice thank challenge portray compare label brand dub rebuke chide
berate taunt ridicule castigate excoriate fault
""".split()

# Verbs of belief, wish and knowledge, which PolNeAR annotates as attribution too.
COGNITION_VERBS = """
believe think feel fear hope want expect know worry doubt consider suspect assume understand
realize realise prefer wish
""".split()

# Verbs of perception and depiction that report a view only with 'as' or 'that' after their
# object: 'Sanders sees these gains as evidence ...', 'black voters saw that Obama could win',
# 'Cruz cast himself as a Washington outsider' (not 'we'll see', 'cast a vote').
VIEW_VERBS = "see view regard cast paint characterize characterise depict frame".split()

# 'would like' and what it wishes: 'All five of the Republican candidates would like to shrink
# the federal education department' (only after 'would' and before 'to').
WISH_VERBS = ["like"]

# Verbs of stance and decision that PolNeAR annotates as attribution ("declined to comment").
STANCE_VERBS = """
decline refuse plan seek offer back oppose decide discuss express endorse vote vow pledge intend aim
""".split()

# Verbs that lead into a cue, in the forms that do: those followed by 'to' ('Smith declined to
# comment', 'Bryne went on to say': 'went on' is read apart), and those followed by the cue's -ing
# form ('began talking about', 'and kept saying').
LEAD_IN_TO = """
continued continues began begins decided decides wanted wants refused refuses tried tries appeared
appears seemed seems used rushed hastened moved sought seeks
""".split()
LEAD_IN_ING = "began begins started starts kept keeps continued continues".split()

# '-ing' cues that report what a text or a speaker said: 'tweets saying that ...'
NOUN_PARTICIPLES = frozenset(
    """
    saying claiming arguing warning stating declaring asking urging calling noting insisting
    accusing demanding suggesting stressing explaining describing announcing alleging indicating
    predicting promising
    """.split()
)

# Cues of plain saying that may report a statement inside another's content on their own
# ('Whitlock said, adding that he told Trump to stay focused').
NESTED_CUES = frozenset("say says said added told tells asked wrote".split())

# Verbs also used as common nouns or in non-attributive senses: only their
# inflected forms count as cues ("reported", not "report"; "shows", not "show").
NOUN_LIKE = frozenset(
    """
    report support call show find post comment question rule order charge estimate forecast
    state counter brief point signal hint tout guess lash rail blast slam mock joke quip
    muse plead wish doubt plan note offer back vote express discuss fear hope concur
    demand welcome reply respond repeat defend highlight mention counsel blame praise attack
    remark question tweet
    echo voice thank challenge label brand dub fault aim
    """.split()
)

# Extra verbs that only count with their particle ("call for", "point out").
PARTICLE_VERBS = {
    "point": ("out", "to"),
    "call": ("for", "on", "upon"),
    "refer": ("to",),
    "agree": ("with",),
    "speak": ("of", "about"),
    "talk": ("about",),
    "lash": ("out",),
    "rail": ("against",),
    "weigh": ("in",),
    "make": ("clear",),
    "push": ("for",),
    "find": (),
    "put": ("it",),
    "show": (),
    "support": (),
    "attack": (),
}

IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "think": ("thinks", "thought", "thinking"),
    "feel": ("feels", "felt", "feeling"),
    "know": ("knows", "knew", "knowing", "known"),
    "find": ("finds", "found", "finding"),
    "see": ("sees", "saw", "seeing", "seen"),
    "make": ("makes", "made", "making"),
    "seek": ("seeks", "sought", "seeking"),
    "show": ("shows", "showed", "showing", "shown"),
    "speak": ("speaks", "spoke", "speaking", "spoken"),
    "understand": ("understands", "understood", "understanding"),
    "forecast": ("forecasts", "forecast", "forecasting"),
    "rule": ("rules", "ruled", "ruling"),
    "read": ("reads",),
    "put": ("puts", "putting"),
    "cast": ("casts", "casting"),
}

# Verbs that double their last consonant: 'slammed', 'snapping', 'concurred'.
DOUBLING = frozenset(
    "admit commit regret plan quip counsel signal rebut refer prefer slam snap concur".split()
)

# Verbs that may follow their content in inverted order: '"...," said Smith.'
INVERTING = frozenset(
    """
    say add ask write explain continue note reply respond recall argue insist declare
    acknowledge exclaim tweet warn counter retort
    """.split()
)


def inflections(verb: str) -> tuple[str, ...]:
    """The base, third-person, past and -ing forms of a regular or listed verb."""
    if verb in IRREGULAR:
        return (verb, *IRREGULAR[verb])
    if verb.endswith("e"):
        return (verb, verb + "s", verb + "d", verb[:-1] + "ing")
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return (verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing")
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return (verb, verb + "es", verb + "ed", verb + "ing")
    if verb in DOUBLING:
        return (verb, verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing")
    return (verb, verb + "s", verb + "ed", verb + "ing")


def _cue_forms() -> dict[str, str]:
    """Map every cue word form to its base verb."""
    forms: dict[str, str] = {}
    for verb in (
        SPEECH_VERBS
        + COGNITION_VERBS
        + STANCE_VERBS
        + VIEW_VERBS
        + WISH_VERBS
        + list(PARTICLE_VERBS)
    ):
        base, *rest = inflections(verb)
        for form in rest:
            forms.setdefault(form, verb)
        forms.setdefault(base, verb)
    return forms


def base_form_needs_subject(word: str) -> bool:
    """True for a base form that is also a noun ('report', 'support', 'call'):
    it counts as a cue only after a pronoun, a modal or a plural subject."""
    verb = CUE_FORMS.get(word)
    return word == verb and (verb in NOUN_LIKE or verb in PARTICLE_VERBS)


CUE_FORMS: dict[str, str] = _cue_forms()

# Adjectives of attitude that take a that-clause: "X is concerned that ...".
ATTITUDE_ADJECTIVES = """
concerned worried convinced confident sure certain afraid aware hopeful optimistic pessimistic
skeptical sceptical adamant insistent
""".split()
# Adjectives of stance that take 'of' and what the stance is about: "X has been critical of ...".
STANCE_OF_ADJECTIVES = """
critical supportive skeptical sceptical wary dismissive suspicious mindful appreciative
contemptuous scornful disdainful
""".split()


def trie_pattern(words: list[str] | set[str] | dict[str, str]) -> str:
    """A regex matching exactly ``words``, arranged as a trie so matching stays fast."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


_CUE_ALTERNATION = trie_pattern(CUE_FORMS)
_PARTICLES = "|".join(sorted({p for ps in PARTICLE_VERBS.values() for p in ps}))

# A cue word (with its optional particle) as a whole word.
CUE_RE = re.compile(rf"\b({_CUE_ALTERNATION})\b(?:\s+({_PARTICLES})\b)?")
# The same after a character of no word (group 1 the cue word): opening with a character class
# lets re skip ahead to where words start rather than try every place; see find_cues.
_CUE_AFTER = re.compile(rf"\W({_CUE_ALTERNATION})\b(?:\s+({_PARTICLES})\b)?")


def find_cues(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """What ``CUE_RE.finditer(text, lo, hi)`` finds, read about a quarter cheaper; a cue word
    starts at ``match.start(1)`` (``match.start()`` may be the character before it)."""
    first = CUE_RE.match(text, lo, hi)  # a cue at ``lo`` has no character before it here
    rest = _CUE_AFTER.finditer(text, lo if first is None else first.end(), hi)
    return rest if first is None else chain((first,), rest)


ATTITUDE_RE = re.compile(
    rf"\b(?:is|are|was|were|been|be|remains?|remained)\s+(?:(?:also|still|increasingly|deeply|"
    rf"very|more|less|particularly|always|not|highly|openly|publicly|so|too)\s+)*"
    rf"(?:({'|'.join(ATTITUDE_ADJECTIVES)})\s+(?=that\b|about\b)"
    rf"|({'|'.join(STANCE_OF_ADJECTIVES)})\s+of\s+)",  # group 2: 'critical of ...'
    re.IGNORECASE,
)
ACCORDING_RE = re.compile(r"\b(according to|as reported by|in the words of)\s+", re.IGNORECASE)

# 'In the latest CNN/ORC poll, ...' and '... in a Des Moines Register poll this month': a poll
# or survey as the source of what it found (group 1 'in', group 2 the poll).
_POLL_WORD = (
    r"(?:[A-Z0-9][\w’'./&-]*|[a-z]+-[a-z]+|latest|recent|new|same|national|statewide|online|"
    r"early|earlier|previous|separate|similar|exit|public|opinion|independent|own|most|more|"
    r"weekly|monthly|daily|tracking)\s+"
)
POLL_RE = re.compile(
    rf"\b([Ii]n)\s+((?:the|a|an|this|that|its|his|her|their|our|another)\s+(?:{_POLL_WORD}){{0,6}}"
    rf"(?:poll|survey)|(?:the|its|his|her|their|our|several|many|most|some|recent)\s+"
    rf"(?:{_POLL_WORD}){{1,6}}(?:polls|surveys))\b"
    r"(?:\s+(?!that\b|which\b|who\b|and\b|but\b)[\w’'./&-]+){0,6}?\s*(?=[,;.!?]|$)"
)


def may_cite_poll(text: str) -> bool:
    """A cheap test before POLL_RE: "poll" or "survey" occurs in ``text``."""
    return "poll" in text or "survey" in text


def may_state_attitude(text: str) -> bool:
    """A cheap test before ATTITUDE_RE: one of the attitude adjectives occurs in ``text``."""
    # substring tests beat a regex alternation here, and a loop beats any() over a generator
    # (1.5x): this runs on every unit
    for adjective in ATTITUDE_ADJECTIVES:
        if adjective in text:
            return True
    if " of " in text:  # the stance adjectives take 'of'
        for adjective in STANCE_OF_ADJECTIVES:
            if adjective in text:
                return True
    return False


def may_cite_source(text: str) -> bool:
    """A cheap test before ACCORDING_RE: "according", "reported by" or "words of" occurs in
    ``text``."""
    return "ccording" in text or "eported by" in text or "words of" in text


# Words that may sit between a speaker and the cue ("Smith has also said").
AUXILIARIES = set(
    """
also has have had would will could can may might should must did does do is are was were be been
being previously repeatedly later then recently once often never always already publicly privately
frequently reportedly quickly simply earlier again long still further even just not n't initially
first subsequently separately similarly likewise specifically explicitly openly flatly bluntly
however meanwhile now instead indeed thus therefore moreover furthermore nevertheless too twice
""".split()
)

# Words that end a speaker phrase when walking back from a cue.
CLAUSE_WORDS = set(
    """
that which where when while because if although though as but or so after before since until
than whether how what why whom whose once unless nor yet whereas whilst however then meanwhile
still instead now indeed thus therefore moreover furthermore besides otherwise later earlier
""".split()
)

PRONOUNS = {
    "he": "male",
    "she": "female",
    "they": "plural",
    "we": "plural",
    "i": "self",
    "you": "self",
    "it": "thing",
    "who": "relative",
    "which": "relative",
}

# Words that cannot be the last word of a speaker phrase.
NOT_SPEAKER_END = set(
    """
the a an to of in on at for with by from and or but is are was were be been has have had it its
this these those there here not no as than then so very more most less also that which
""".split()
)

# Time and manner words that may follow a cue before its content ("said Tuesday that").
DAY_WORDS = set(
    """
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight recently earlier
later again also last this next week month year morning afternoon evening night weekend
""".split()
)

# Audiences of "tell": "told reporters that", "told CNN".
AUDIENCE_WORDS = set(
    """
reporters journalists supporters the a an his her their its us me him them voters lawmakers
crowd audience members students donors listeners viewers readers one some several many two three
""".split()
)
