"""Find the attributions in one sentence unit of a paragraph."""

from __future__ import annotations

import re

from argmap.extraction import lexicon as lx
from argmap.extraction.clauses import (
    FINITE_VERBS,
    Finding,
    Span,
    Token,
    clause_subject,
    content_after,
    content_before,
    content_stop,
    looks_finite,
    speaker_after,
    speaker_before,
    tail_is_adjunct,
    tokens,
    trim_end,
)
from argmap.extraction.layout import Quote, has_words
from argmap.models import SpeakerKind
from argmap.speakers.names import split_role

_CLOSING = "”\"’'»"
_LEAD_INS_ING = "|".join(lx.LEAD_IN_ING)
_AND_BEFORE = re.compile(
    rf"\b(?:and|but)\s+(?:(?:also|then|later|has|had|have|{_LEAD_INS_ING})\s+)*$"
)


def _previous_char(masked: str, lo: int, pos: int) -> tuple[str, int]:
    """The last non-space character before ``pos`` (and its index), or ('', lo)."""
    k = pos - 1
    while k >= lo and masked[k].isspace():
        k -= 1
    return (masked[k], k) if k >= lo else ("", lo)


def _quote_at(quotes: list[Quote], pos: int) -> Quote | None:
    for q in quotes:
        if q.start <= pos < q.end:
            return q
    return None


_DETERMINER_BEFORE = re.compile(r"\b(?:so|the|a|an|his|her|their|its)\s+$")
_DETERMINER_ENDS = tuple("so the a an his her their its".split())  # a cheap test before it
_PARTICIPLE_BEFORE = re.compile(  # searched in the lower-cased text before the cue
    r"(,[”\"’']?|_[”\"’']|\b(?:is|are|was|were|been|be|by|keep|while|also|after|before|"
    rf"{_LEAD_INS_ING}|stopped)\s+"
    r"|\b\w+[’'](?:s|re|m)\s+)\s*$"  # "He's claiming", "they're saying"
)
_LINK_BEFORE = re.compile(r"\b(?:[Ww]hile|also|by|[Aa]fter|[Bb]efore)\s+$")
_AUX_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be|am|keeps?|kept)\s+$")
_CONTRACTION_BEFORE = re.compile(r"[’'](?:s|re|m)\s+$")
_OPENING_PARTICIPLE = re.compile(r"\s*(?:After|Before|While|Since|By|Without|Despite|Upon)?\s*$")
_CLAUSE_COMMA = re.compile(
    r"(?:,|_[”\"’'])\s+(?=(?:he|she|they|I|we|[A-Z]))"
)  # a comma, also inside a closing quotation
_THAT_NEXT = re.compile(r"\s*that\b")
_PAST_PARTICIPLE_ENDINGS = tuple(
    """
    ed said told shown known written thought sought found seen
    """.split()
)
_HAS_CONTRACTED = re.compile(r"\b(?:he|she)[’']s\s+$")
_PASSIVE_BEFORE = re.compile(r"\b(?:the|is|are|was|were|be|been|being|'s|’s)\s+(?:\w+ly\s+)?$")


def _cue_is_verb(masked: str, lo: int, match: re.Match[str]) -> bool:
    """Reject cue words used as nouns or adjectives ('the said document', 'so-called')."""
    start = match.start(1)
    word = match.group(1).lower()
    base = lx.CUE_FORMS[word]
    as_written = masked[max(lo, start - 12) : start]
    before = as_written.lower()
    if before.endswith("-") or (
        before.rstrip().endswith(_DETERMINER_ENDS) and _DETERMINER_BEFORE.search(before)
    ):
        return False
    if (
        word.endswith("ing")
        and word not in lx.NOUN_PARTICIPLES
        and not _PARTICIPLE_BEFORE.search(before)
    ):
        return False
    if (
        word.endswith(_PAST_PARTICIPLE_ENDINGS)
        and _PASSIVE_BEFORE.search(before)
        and not _HAS_CONTRACTED.search(before)  # "He's said he gets his ideas": he has said
    ):
        return False  # passive or adjectival: 'were admitted', 'the said document'
    if base == "compare" and _TO_OR_WITH.match(masked, match.end(1)):
        return False  # '64 percent, compared with 31', 'the vote compared to': a preposition
    if word.startswith("add") and masked.startswith(" up", match.end(1)):
        return False  # 'the numbers do not add up'
    if base in lx.NOUN_LIKE and masked.startswith(" of ", match.end(1)):
        return False  # 'reports of the explosion
    words_before = as_written.split()
    if word.endswith("s") and words_before and _counts_or_owns(words_before[-1]):
        return False  # '30 states', 'two percentage points', "Trump's remarks": plural nouns
    if word == "states" and not _STATES_VERB.match(masked, match.end(1)):
        return False  # 'the document states that ...'; but 'battleground states like Ohio'
    if base in lx.NOUN_LIKE and word.endswith("s") and words_before:
        prev = words_before[-1]  # as written: 'The New York Times reports' is no verb's object
        if (
            looks_finite(prev)
            and prev not in lx.AUXILIARIES
            and not _plural_noun_before(masked, lo, start)
        ) or prev.endswith(("ing", "'s", "’s")):
            return False  # 'announced plans', 'raising questions', "Trump's comments": nouns
        if (
            base in _MOSTLY_NOUNS
            and prev.islower()
            and prev not in lx.PRONOUNS
            and prev not in lx.AUXILIARIES
            and prev not in ("that", "who", "which")
            and not prev.endswith("ly")
        ):
            return False  # 'electoral votes', 'sexist remarks', 'terrorist attacks'
    if lx.base_form_needs_subject(word) and not (
        base == "put" and match.group(2)  # 'As Cornyn put it:': the past tense, with its 'it'
    ):
        words = masked[max(lo, start - 40) : start].split()
        prev = words[-1].lower() if words else ""
        while len(words) > 1 and words[-1].lower() in _AFTER_SUBJECT:
            words = words[:-1]  # 'Polls there show', 'polls now show'
            prev = words[-1].lower()
        if not (prev in _PLAIN_SUBJECTS or _plural_subject(words)):
            return False  # 'the report', 'arms support'; but 'polls show', 'they support'
    return True


_NUMBER_WORDS = frozenset(
    """
    two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred hundreds thousand thousands million millions billion billions dozen dozens
    several both few fewer percentage
    """.split()
)
_STATES_VERB = re.compile(r"\s*(?:that\b|[:,]|[\"“‘'«_])")


def _counts_or_owns(word: str) -> bool:
    """A word after which an -s form is a plural noun: a number ('30 states', 'two points'),
    a word that counts ('several votes', 'percentage points') or a possessive ("Trump's
    remarks"; not "he's" or "it's")."""
    low = word.lower()
    if low in _NUMBER_WORDS or (low[:1].isdigit() and low[-1:].isdigit()):
        return True
    return low.endswith(("'s", "’s")) and low[:-2] not in _NOT_OWNERS


_TO_OR_WITH = re.compile(r"\s+(?:to|with)\b")
_AFTER_SUBJECT = frozenset("there here now nationally also still consistently all".split())
_OF_PLURAL = re.compile(
    r"\b(?:of|the|these|those|new|recent|latest|national|state|its|their|his|her)\s+[a-z]+s\s+$"
)


def _plural_noun_before(masked: str, lo: int, at: int) -> bool:
    """'average of polls shows', 'the latest polls show': the -s word before a cue is a plural
    noun (its subject), not a verb whose object the cue would be ('announced plans')."""
    return _OF_PLURAL.search(masked, max(lo, at - 30), at) is not None


_NOT_OWNERS = frozenset("he she it that there what who here where let".split())


# Cue words whose -s form after a lowercase word is nearly always a plural noun.
_MOSTLY_NOUNS = frozenset(
    "vote comment remark attack question rule tweet state challenge echo voice label".split()
)


def _unlisted_attribution(tail: str) -> bool:
    """'Trump went on, ...' or 'asked Mr. Manafort': a speaker and a verb open the tail,
    and nothing but circumstance follows them (not 'Smith said that the plan was weak')."""
    words = tail.split()
    if len(words) >= 2 and _verb_like(words[0]) and words[1][:1].isupper():
        return True
    for k, word in enumerate(words[:6]):
        if k and _verb_like(word.strip(",.:;")):
            rest = " " + " ".join(words[k + 1 :])
            opens = (
                words[0][:1].isupper()
                or words[0].lower() in lx.PRONOUNS
                or words[0].lower() == "the"
            )
            return opens and tail_is_adjunct(rest, 0, len(rest))
        if k and word[:1].islower() and word.lower() not in ("the", "of", "a", "an"):
            return False
    return False


def _plural_subject(words: list[str]) -> bool:
    """'polls', 'most voters', 'Democrats': a plural noun that can be a subject, not an object."""
    if not words:
        return False
    last = words[-1]
    if len(words) >= 3 and words[-2] == "and" and last[:1].isupper() and words[-3][:1].isupper():
        return True  # 'Obama and Clinton call them ...'
    if not (last.isalpha() and last.endswith("s") and last.lower() not in _NOT_PLURAL):
        return False
    if last[0].isupper():
        return True
    before = words[-2] if len(words) > 1 else ""
    if (
        before.isalpha()
        and before.islower()
        and len(words) > 2
        and (words[-3] in _OPENERS or words[-3].lower() in _DETERMINERS_PLURAL)
        and not looks_finite(before)
        and before not in lx.AUXILIARIES
    ):
        return True  # 'But public records show', 'the federal courts rule': an adjective
    return (
        before == ""
        or before.lower() in _DETERMINERS_PLURAL
        or before[0].isupper()
        or before.endswith(",")
    )


_OPENERS = frozenset("But And So Yet Still Now".split())


_DETERMINERS_PLURAL = frozenset(
    """
    the most many some all both few several these those other his her their our its more two
    three recent new
    """.split()
)


def join_attribution_tails(masked: str, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a short attribution to the quotation before it across a sentence end.

    '"Why isn't this clear?" Vitter demanded.' splits after '?"' like any
    sentence, but the two halves are one attribution.
    """
    joined: list[tuple[int, int]] = []
    for lo, hi in units:
        if joined:
            prev_lo, prev_hi = joined[-1]
            tail = masked[lo:hi]
            body = masked[prev_lo:prev_hi].rstrip(_CLOSING)
            ends_quoted = len(body) < prev_hi - prev_lo and body[-1:] in ("?", "!", ".", ",", "_")
            if ends_quoted and tail[:1].isalpha() and len(tail.split()) <= 15 and "_" not in tail:
                cue = lx.CUE_RE.search(tail)
                base = lx.CUE_FORMS[cue.group(1)] if cue else ""
                listed = (
                    cue
                    and base in lx.SPEECH_VERBS
                    and len(tail[: cue.start()].split()) <= 6
                    and (
                        tail_is_adjunct(masked, lo + cue.end(), hi)
                        or (
                            base in _AUDIENCE_VERBS
                            and _audience_then_adjunct(masked, lo + cue.end(), hi)
                        )
                    )
                )
                if listed or _unlisted_attribution(tail):
                    joined[-1] = (prev_lo, hi)
                    continue
        joined.append((lo, hi))
    return joined


_LABEL = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+(?=\S)")
# Labels that are page furniture, not speakers.
_NOT_SPEAKER_LABELS = {
    "credit",
    "credits",
    "photo",
    "photos",
    "caption",
    "note",
    "editor's note",
    "editor’s note",
    "update",
    "updated",
    "correction",
    "related",
    "source",
    "sources",
    "watch",
    "read",
    "read more",
    "video",
    "image",
    "images",
    "advertisement",
    "click",
    "subscribe",
    "follow",
    "tags",
    "topics",
    "share",
    "see also",
    "more",
    "listen",
    "transcript",
    "partial transcript",
    "warning",
    "disclosure",
    "getty",
    "look",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "live",
    "contributing",
    "the latest",
    "latest",
    "just in",
    "developing",
    "pictured",
    "above",
    "below",
    "top",
    "via",
    # the fields of a news database's export ("BYLINE: Amber Phillips.", "LENGTH: 1200 words")
    "byline",
    "dateline",
    "section",
    "length",
    "load-date",
    "language",
    "publication-type",
    "highlight",
    "graphic",
}


def _names_a_speaker(label: str) -> bool:
    """'TAPPER', 'Q', 'Ted Cruz', 'OK Gov Fallin': a transcript label or a person's name,
    not a section heading ('The Latest', 'Breaking', 'Contributing')."""
    if label == "Q" or (label.isupper() and label.isalpha() and len(label) > 2):
        return True
    parsed = split_role(label)
    return parsed.kind is SpeakerKind.PERSON and len(label.split()) >= 2


def speaker_label(par: str, lo: int, hi: int) -> Finding | None:
    """A paragraph that opens with a speaker's label: 'TAPPER: ...', 'Q: ...', '"PENCE: ...'."""
    match = _LABEL.match(par, lo + 1 if par[lo] in '"“' else lo, hi)
    if (
        match is None
        or match.group(1).lower() in _NOT_SPEAKER_LABELS
        or not _names_a_speaker(match.group(1))
    ):
        return None
    content = Span(match.end(), trim_end(par, match.end(), hi))
    if content.end - content.start < 3:
        return None
    colon = match.end(1)
    return Finding(
        content, Span(colon, colon + 1), Span(match.start(1), match.end(1)), (), "label", 0.6
    )


_HEADLINE_LABEL = re.compile(
    r"([A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|at|of)){0,5}):\s+(?=[A-Z“\"‘'])"
)


def headline_finding(par: str) -> Finding | None:
    """The attribution of a headline that opens with its source and a colon: 'Sanders: Clinton
    Email Story Has Moved.', 'Poll: Trump and Clinton hold narrow leads in Pennsylvania.' (a
    short line; not 'The Latest: ...' nor 'Photo: ...'). A headline with a verb of saying
    ('Japan Says It Will Sell Patriot Missiles to US') is not read: a page's links to other
    articles are written so too."""
    if len(par) > 160 or "\n" in par.strip():
        return None
    end = trim_end(par, 0, len(par))
    words = par[:end].split()
    if not 4 <= len(words) <= 22:
        return None
    label = _HEADLINE_LABEL.match(par)
    if label is not None:
        name = label.group(1)
        if (
            name.lower() in _NOT_SPEAKER_LABELS
            or name.isupper()
            or not has_words(par[label.end() : end], 3)
        ):
            return None
        colon = label.end(1)
        return Finding(
            Span(label.end(), end),
            Span(colon, colon + 1),
            Span(label.start(1), label.end(1)),
            (),
            "headline",
            0.55,
        )
    return None


def find_in_unit(par: str, masked: str, lo: int, hi: int, quotes: list[Quote]) -> list[Finding]:
    """Every attribution in ``par[lo:hi]``, by cue verbs, 'according to' and attitudes."""
    findings: list[Finding] = []
    verbs: list[re.Match[str]] = []  # the cue words read as verbs so far
    for match in lx.find_cues(masked, lo, hi):
        base = lx.CUE_FORMS[match.group(1).lower()]
        if base in _VIEW_VERBS and (
            not _VIEW_AFTER.match(masked, match.end(1), hi)
            or _MODAL_BEFORE.search(masked, max(lo, match.start(1) - 30), match.start(1))
        ):
            # 'we'll see', 'saw the crowd': no view reported; 'Japan will likely see this as a
            # gauge': the writer's guess at a view, not one reported
            continue
        if base == "like" and not (
            match.group(1) == "like"
            and _WOULD_BEFORE.search(masked, max(lo, match.start(1) - 12), match.start(1))
            and masked.startswith(" to ", match.end(1))
        ):
            continue  # 'like' is a cue only in 'would like to'
        if base in _TO_VERBS and not masked.startswith(" to ", match.end(1)):
            continue  # 'ads aimed at Latino voters': no intention reported
        if not _cue_is_verb(masked, lo, match):
            continue
        verbs.append(match)
        particle = match.group(2)
        if particle and particle not in lx.PARTICLE_VERBS.get(base, ()):
            particle = None  # 'speaks to reporters': 'to' is not a particle of 'speak'
        if (
            base in lx.PARTICLE_VERBS
            and lx.PARTICLE_VERBS[base]
            and not particle
            and base not in lx.SPEECH_VERBS
            and base != "call"
        ):
            continue
        if not particle:
            cue = Span(match.start(1), match.start(1) + len(match.group(1)))
        else:
            cue = Span(match.start(1), match.end())
        found = _attribute_cue(par, masked, lo, hi, quotes, cue, base, verbs)
        if found:
            findings.append(found)
    unit = masked[lo:hi]
    # (the participle's 'ing' is looked for first: most units have none)
    opening = _OPENING_ING.match(masked, lo, hi) if "ing" in unit else None
    if opening is not None:
        found = _opening_participle(masked, hi, opening)
        if found:
            findings.append(found)
    attitudes = lx.ATTITUDE_RE.finditer(masked, lo, hi) if lx.may_state_attitude(unit) else ()
    for match in attitudes:
        adjective = 1 if match.group(1) else 2
        cue = Span(match.start(), match.end(adjective))
        speaker = speaker_before(masked, lo, cue.start)
        content = content_after(masked, cue.end if adjective == 1 else match.end(), hi, "")
        if speaker and content:
            findings.append(Finding(content, cue, speaker, (), "attitude", 0.55))
    nouns = _NOUN_THAT.finditer(masked, lo, hi) if " that " in unit else ()
    for match in nouns:
        # "her remark that ...", "the judges' statement that ...": a noun of saying, its owner
        owner = _NOUN_OWNER.search(masked, max(lo, match.start() - 80), match.start())
        start = match.end()
        content = Span(start, trim_end(masked, start, content_stop(masked, start, hi)))
        if (
            owner is not None
            and content.end - content.start >= 3
            and has_words(masked[content.start : content.end], 3)
        ):
            findings.append(
                Finding(
                    content,
                    Span(match.start(1), match.end(1)),
                    Span(owner.start(1), owner.end(1)),
                    (),
                    "noun",
                    0.5,
                )
            )
    according = lx.ACCORDING_RE.finditer(masked, lo, hi) if lx.may_cite_source(unit) else ()
    for match in according:
        found = _according(masked, lo, hi, match)
        if found:
            findings.append(found)
    polls = lx.POLL_RE.finditer(masked, lo, hi) if lx.may_cite_poll(unit) else ()
    for match in polls:
        found = _poll(masked, lo, hi, match)
        if found:
            findings.append(found)
    for q in quotes:
        if lo <= q.start < hi and not any(
            f.content.start <= q.start < f.content.end for f in findings
        ):
            found = _quote_without_cue(masked, lo, hi, q, is_title(par, q))
            if found:
                findings.append(found)
    return findings


_VIEW_VERBS = frozenset(lx.VIEW_VERBS)
_TO_VERBS = frozenset(("aim", "intend"))  # cues only before 'to': 'aims to', 'intends to'

_WOULD_BEFORE = re.compile(r"(?:\bwould|[’']d)\s+(?:\w+ly\s+)?$")
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|[’']ll)\s+(?:\w+ly\s+)?$")
# what follows a verb of perception that reports a view: 'that', or its object and 'as'
_VIEW_AFTER = re.compile(
    r"\s+(?:that\b|[^,.;:!?_]{1,60}?\s+as\s+"
    r"(?!well\b|much\b|many\b|long\b|soon\b|a\s+result\b|(?:he|she|they|I|we|you|it)\b))"
)
_DASH_SPEAKER = re.compile(r"\s*[―—–-]+\s*([A-Z](?:[A-Z]\.|[^,.;:!?\n]){1,60})")
_PLAIN_SUBJECTS = frozenset(
    """
    i we they you will would could should can may might must do did does n't not to also
    still often
    """.split()
)
_NOT_PLURAL = frozenset("is was has this its his us as does thus plus".split())
_EXPLETIVES = frozenset("there it this that these those here".split())
_VERB_LIKE = re.compile(
    r"^(?!(?:as|is|was|has|does|this|his|its|us|thus|plus|less|unless|across|perhaps|news|whereas)$)[a-z]{2,}(?:ed|es|s)$"
)


def _quote_without_cue(masked: str, lo: int, hi: int, q: Quote, title: bool) -> Finding | None:
    """A quotation that no cue verb claimed: attributed by a dash, a colon or its clause.

    '"..." ― Carlos Raúl'; 'Republican pollster Daron Shaw: "..."'; and, as a
    weak fallback, 'Ryan called the move a "huge win"' (subject + verb + quote).
    """
    if not has_words(q.inner_text(masked), 2):
        return None  # a nickname or a single word: 'Marcia "Cia" Price'
    if q.closed:
        dash = _DASH_SPEAKER.match(masked, q.end, hi)
        if dash and masked[lo : q.start].strip() == "":
            mark = masked.find(masked[dash.start() : dash.start(1)].strip()[0], dash.start())
            return Finding(
                Span(q.start, q.end),
                Span(mark, mark + 1),
                Span(dash.start(1), dash.end(1)),
                (),
                "dash",
                0.7,
            )
        if masked[lo : q.start].strip() == "":
            found = _unlisted_verb_after(masked, hi, q)
            if found:
                return found
    prev, prev_at = _previous_char(masked, lo, q.start)
    if prev == ":":
        speaker = speaker_before(masked, lo, prev_at)
        if speaker is None or not masked[speaker.start].isupper():
            speaker = clause_subject(masked, lo, prev_at) or speaker
        if speaker:
            return Finding(
                Span(q.start, q.end), Span(prev_at, prev_at + 1), speaker, (), "colon", 0.6
            )
        return None
    if title or not has_words(q.inner_text(masked), 3):
        return None  # a scare quote or a title, not a statement
    for subject in (
        clause_subject(masked, lo, q.start),
        clause_subject(masked, lo, _first_verb(masked, lo, q.start)),
    ):
        if subject is None or masked[subject.start : subject.end].lower() in _EXPLETIVES:
            continue
        if (
            not masked[subject.start].isupper()
            and masked[subject.start : subject.end] not in lx.PRONOUNS
        ):
            continue  # a weak pattern: only named or pronoun subjects
        toks = [
            t
            for t in tokens(masked, subject.end, q.start)
            if not (t.text.endswith("ly") and t.text.islower())
        ]
        verb = toks[0] if toks else None
        if verb is None or not _VERB_LIKE.match(verb.text) or verb.text in lx.AUXILIARIES:
            continue
        if len(toks) > 1 and toks[1].text.islower() and toks[1].text.endswith("ed"):
            continue  # 'The two Republican presidents introduced ...': a plural noun, then the verb
        start = verb.end + 1
        that = _THAT_NEXT.match(masked, start, hi)
        if that:
            start += that.end()
        end = trim_end(masked, start, hi)
        if _NEW_CLAUSE.match(masked, q.end, hi):
            end = (
                q.end
            )  # 'As the alliance marks "...", there are concerns ...': the quotation ends it
        content = Span(start, end)
        if content.end - content.start >= 3:
            return Finding(content, Span(verb.start, verb.end), subject, (), "quote-verb", 0.4)
    return None


_NEW_CLAUSE = re.compile(
    r",?\s+(?:there|he|she|they|it|we|I|[A-Z][a-z]+ (?:is|are|was|were|has|have|said|says))\b"
)


def _first_verb(masked: str, lo: int, hi: int) -> int:
    """The start of the first lowercase word that looks like a finite verb, else ``hi``."""
    for tok in tokens(masked, lo, hi):
        if _verb_like(tok.text) and not tok.text.endswith("ly"):
            return tok.start
    return hi


def _verb_like(word: str) -> bool:
    """A lowercase finite verb that is not an auxiliary: 'mused', 'riffs', 'shot'."""
    word = word.rstrip(".")
    return looks_finite(word) and word not in lx.AUXILIARIES


def _unlisted_verb_after(masked: str, hi: int, q: Quote) -> Finding | None:
    """'"...," Bennett shot back' and '"...," mused Stu Burguiere': a quotation's
    attribution by a verb the lexicon does not list, right after the quotation."""
    toks = tokens(masked, q.end, min(hi, q.end + 120))
    if toks and toks[0].text == ",":
        toks = toks[1:]
    if len(toks) < 2:
        return None
    if _verb_like(toks[0].text) and toks[1].text[:1].isupper():
        speaker = speaker_after(masked, toks[0].end, hi)
        if speaker:
            verb = Span(toks[0].start, toks[0].start + len(toks[0].text.rstrip(".")))
            return Finding(Span(q.start, q.end), verb, speaker, (), "post-unlisted", 0.6)
        return None
    first = toks[0].text
    if not (
        first[:1].isupper() or first.lower() in lx.PRONOUNS or first.lower() in ("the", "a", "an")
    ):
        return None
    for k in range(1, min(len(toks), 9)):
        word = toks[k].text
        if _verb_like(word):
            noun_phrase = toks[:k]
            if any(
                not t.text[0].isalnum() and t.text not in ("-", "’s", "'s") for t in noun_phrase
            ):
                return None
            if not _looks_like_speaker(noun_phrase):
                return None
            mention = Span(noun_phrase[0].start, noun_phrase[-1].end)
            verb = Span(toks[k].start, toks[k].start + len(word.rstrip(".")))
            return Finding(Span(q.start, q.end), verb, mention, (), "post-unlisted", 0.6)
        if word.islower() and k >= 4 and not toks[k - 1].text[:1].isupper():
            return None  # a clause of the reporter's, not a speaker and a verb
    return None


def _looks_like_speaker(toks: list[Token]) -> bool:
    last = toks[-1].text.lower()
    return last not in lx.NOT_SPEAKER_END and last not in _EXPLETIVES


def _attribute_cue(
    par: str,
    masked: str,
    lo: int,
    hi: int,
    quotes: list[Quote],
    cue: Span,
    base: str,
    verbs: list[re.Match[str]],
) -> Finding | None:
    """The attribution that the cue ``cue`` (of verb ``base``) opens, if any; ``verbs`` are the
    cue words of the unit read as verbs up to this one."""
    prev, prev_at = _previous_char(masked, lo, cue.start)
    # inverted order: '"...," said Smith.'
    after_quote = bool(prev) and (
        prev in _CLOSING or (prev == "," and prev_at > lo and masked[prev_at - 1] in _CLOSING)
    )
    before_cue = speaker_before(masked, lo, cue.start) if prev == "," and not after_quote else None
    may_invert = after_quote or (prev == "," and before_cue is None)
    if may_invert and base in lx.INVERTING and _inverted_form(masked, cue):
        speaker = speaker_after(masked, cue.end, hi, strict=not after_quote)
        if speaker is not None and _PRONOUN_CLAUSE.match(masked, speaker.start, speaker.end):
            # 'Humphrey, who calls Trump a "sociopath," said he doesn't believe ...': a clause
            # after the cue, not its speaker
            speaker = None
        content = content_before(masked, lo, prev_at + (1 if prev not in "," else 0))
        if speaker and content:
            if prev not in ",":
                content = Span(content.start, prev_at + 1)
            quote_after = _resumed_quote(masked, quotes, cue.end, hi) if after_quote else None
            if quote_after is not None:
                return _split(content, cue, speaker, quote_after, quotes, hi, masked)
            return Finding(content, cue, speaker, (), "inverted", 0.85)
    word = masked[cue.start : cue.end].split()[0]
    after_noun = (
        word in lx.NOUN_PARTICIPLES
        and prev.isalpha()
        and prev.islower()
        and not _CONTRACTION_BEFORE.search(masked, max(lo, cue.start - 6), cue.start)
        and not _AUX_BEFORE.search(
            masked, max(lo, cue.start - 8), cue.start
        )  # 'is calling' is a verb
    )
    if prev and prev in _CLOSING and par[prev_at - 1 : prev_at] == ",":
        prev, prev_at = ",", prev_at - 1  # 'on "Face the Nation," adding that ...'
    named = (
        _name_before(masked, lo, prev_at if prev == "," else cue.start)
        if word in lx.NOUN_PARTICIPLES
        else None
    )
    if word.endswith("ing") and (
        after_noun or prev == "," or _LINK_BEFORE.search(masked, max(lo, cue.start - 12), cue.start)
    ):
        # participle: 'Kishida addressed Congress, saying, "..."'; but 'footage of Hillary Clinton
        # asking, "..."': the person named right before the participle speaks
        speaker = (
            named
            or (_noun_before(masked, lo, cue.start) if after_noun else None)
            or clause_subject(masked, lo, prev_at if prev == "," else cue.start, main=True)
        )
        content = content_after(masked, cue.end, hi, base)
        if speaker is None and content and _OPENING_PARTICIPLE.match(masked, lo, cue.start):
            # 'After saying her foot was "so swollen," she was whisked off': the subject follows
            comma = _CLAUSE_COMMA.search(masked, cue.end, hi)
            if comma:
                speaker = _subject_after(masked, comma.end(), hi)
                content = Span(content.start, trim_end(masked, content.start, comma.start() + 1))
        if speaker and content:
            return Finding(content, cue, speaker, (), "participle", 0.7)
        return None
    speaker = before_cue or speaker_before(masked, lo, cue.start)
    if speaker is None and after_quote:
        # 'Humphrey, who calls Trump a "sociopath," said ...': a name and its relative clause
        relative = _NAME_WHO.match(masked, lo, cue.start)
        if relative is not None:
            speaker = Span(relative.start(1), relative.end(1))
    if speaker is None:
        shared = _AND_BEFORE.search(masked, lo, cue.start)
        if shared is None:
            return None
        # 'Trump bemoaned the unrest and said ...': the clause's subject speaks
        speaker = clause_subject(masked, lo, shared.start(), main=True) or _earlier_speaker(
            masked, lo, shared.start(), verbs
        )
        content = content_after(masked, cue.end, hi, base)
        if speaker is None or content is None:
            return None
        return Finding(content, cue, speaker, (), "shared-subject", 0.6)
    before, before_at = _previous_char(masked, lo, speaker.start)
    quoted_before = bool(before) and (
        before in _CLOSING
        or (before == "," and before_at > lo and masked[before_at - 1] in _CLOSING)
    )
    tail_quote = _resumed_quote(masked, quotes, cue.end, hi)
    # after a particle ('agreed with', 'called for') comes what the cue is about, not circumstance
    tail_adjunct = " " not in masked[cue.start : cue.end] and (
        tail_is_adjunct(masked, cue.end, hi)
        or (base in _AUDIENCE_VERBS and _audience_then_adjunct(masked, cue.end, hi))
    )
    plain_post = (
        before == ","
        and (
            tail_adjunct
            or (  # 'The deal is dead, Smith said, but Jones disagreed': the reporter's clause
                _CLAUSE_AFTER.match(masked, cue.end, hi) is not None
                and _RESUMED.match(masked, cue.end, hi) is None
            )
        )
        and has_words(masked[lo:before_at], 4)
        # the words before are a clause, not a description of the speaker ('An enthusiastic
        # Sanders supporter, Seacord complained of ...')
        and (
            "_" in masked[lo:before_at]  # a quotation
            or any(
                looks_finite(w) or w in _FINITE_WORDS or w.endswith(("n't", "n’t"))
                for w in masked[lo:before_at].split()
            )
        )
    )
    if (
        base == "continue"
        and not quoted_before
        and not masked[cue.end : hi].strip().startswith(":")
    ):
        return None  # 'the campaign continued to ...' is no attribution
    if quoted_before and not tail_adjunct and tail_quote is None:
        # '"Sunday Morning Futures," Rep. Issa said Clinton's ...': a title before, content after
        closing = next(
            (q for q in quotes if q.end - 1 <= before_at + 1 and q.end >= before_at - 1), None
        )
        quoted_before = closing is None or _is_statement_quote(par, closing)
    if quoted_before or plain_post:
        content = content_before(masked, lo, before_at + 1 if before in _CLOSING else before_at)
        if content is None:
            return None
        if quoted_before:
            content = _from_quote(masked, quotes, content)
        if quoted_before and tail_quote is not None:
            # split quotation: '"Under these circumstances," the ministers said, "the ..."'
            return _split(content, cue, speaker, tail_quote, quotes, hi, masked)
        return Finding(content, cue, speaker, (), "post", 0.85 if quoted_before else 0.7)
    resumed = _RESUMED.match(masked, cue.end, hi) if before == "," else None
    if resumed and has_words(masked[lo:before_at], 3):
        # a parenthetical attribution: 'If it is small, the campaign said, it may not bother.'
        first = content_before(masked, lo, before_at)
        rest = Span(resumed.end(), trim_end(masked, resumed.end(), hi))
        if first and rest.end - rest.start >= 3:
            return Finding(Span(first.start, rest.end), cue, speaker, (first, rest), "middle", 0.75)
    if not tail_adjunct or masked[cue.end : hi].strip().startswith(":"):
        content = content_after(masked, cue.end, hi, base)
        if content is not None and masked[speaker.start : speaker.end].lower() in ("who", "which"):
            # 'Petrilli, who thinks the law overreached, called it ...': the relative clause
            # ends first
            close = _RELATIVE_CLOSE.search(masked, content.start, content.end)
            if close:  # (a comma inside a closing quotation ends it with its mark)
                content = Span(content.start, close.end() - 1 if close.group(1) else close.start())
        if content is None:
            if masked[cue.end : hi].strip() == ":":
                # 'Dr. Ward stated:' introduces the quotation in the next paragraph
                return Finding(Span(hi, hi), cue, speaker, (), "intro", 0.0)
            return None
        has_that = "that" in masked[cue.end : content.start].lower()
        return Finding(
            content,
            cue,
            speaker,
            (),
            "pre",
            0.8 if has_that or _quote_at(quotes, content.start) else 0.6,
        )
    return None


_NAME_WHO = re.compile(r"\s*((?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*),\s+who\s[^;:]*_[”\"’']\s*$")
_PRONOUN_CLAUSE = re.compile(r"(?:he|she|they|we|I|it)\s+\S")
_FINITE_WORDS = FINITE_VERBS - {"should", "must"}
_CLAUSE_AFTER = re.compile(r"\s*,\s+(?:but|and|yet|although|though|while)\s")
_AUDIENCE_VERBS = frozenset(("tell", "inform", "assure", "remind", "brief"))
_AUDIENCE_NAME = re.compile(
    r"\s+(?:the\s+|an?\s+)?[A-Z][\w.&-]*(?:[’']s)?(?:\s+[A-Z][\w.&-]*(?:[’']s)?){0,4}"
)
_AUDIENCE_COMMON = re.compile(
    r"\s+(?:(?:the|his|her|their|its|a|an)\s+)?(?:court|crowd|audience|reporters|journalists|"
    r"supporters|voters|committee|panel|jury|judge|senators|lawmakers|members|students|donors|"
    r"listeners|viewers|readers|host|interviewer|paper|newspaper|magazine|station|network)\b"
)
_AUDIENCE_NOUN = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:station|network|newspaper|magazine|program|show|radio)\b"
)


def _audience_then_adjunct(masked: str, cue_end: int, hi: int) -> bool:
    """'"...," Trump told Britain’s ITV television station in an interview aired on Monday': the
    audience of 'tell' and circumstance after it, no content."""
    name = _AUDIENCE_NAME.match(masked, cue_end, hi) or _AUDIENCE_COMMON.match(masked, cue_end, hi)
    if name is None:
        return False
    end = name.end()
    noun = _AUDIENCE_NOUN.match(masked, end, hi)
    if noun is not None:
        end = noun.end()
    words = masked[end:hi].lower().split()
    if words and (
        words[0] in ("of", "about", "that", "to")  # 'reminded Americans of his policy'
        or any(w in _CLAUSE_SIGNS for w in words)  # 'told The Star-Ledger last week she would'
    ):
        return False
    return tail_is_adjunct(masked, end, hi)


_CLAUSE_SIGNS = frozenset("he she they we i it".split()) | (FINITE_VERBS - {"do", "does", "did"})


# After a parenthetical cue: optional circumstance, a comma, then the content resumes
# (not 'and ...', a relative clause or a participle, which start new material).
_RESUMED = re.compile(
    r"(?:\s+(?:on|in|at|during|last|this|yesterday|today|later|earlier|recently|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|[A-Z][a-z]+day)\b[^,;:_]{0,30})?,\s*"
    r"(?:(?!and\b|but\b|who\b|which\b|adding\b|saying\b|according\b|as\b|citing\b|\w+ing\b)"
    r"(?=[a-z])|and\s+(?=[\"“«])"  # '..., he said, and "everyone started running."'
    # '..., the airline added, and had passed all checks', '..., they say, but he is still ...':
    # the speaker's words go on, with a verb or a pronoun subject
    r"|(?:and|but|yet)\s+(?=(?:he|she|they|it|we|I|had|has|was|is|were|are|would|will|could|can|"
    r"may|might|should|must|did|does|do)\b|[\"“«]))"
)


def _from_quote(masked: str, quotes: list[Quote], content: Span) -> Span:
    """Start the content at its quotation when an introductory phrase and a comma precede it.

    'After the talks ran late, "We made real progress," Kamikawa said.'
    """
    first = next((q for q in quotes if content.start <= q.start < content.end), None)
    if first is not None and first.start > content.start:
        lead = masked[content.start : first.start].rstrip()
        if lead.endswith((",", ":", "—", "–")):
            return Span(first.start, content.end)
    return content


_TITLE_SMALL_WORDS = frozenset("the of and a an in on for to at with vs".split())


def is_title(text: str, q: Quote) -> bool:
    """A quotation in Title Case: "Sunday Morning Futures," "Face the Nation," ''Politicking''."""
    words = q.inner_text(text).split()
    return (
        0 < len(words) <= 6
        and words[0][:1].isupper()
        and all(
            w[:1].isupper() or not w[:1].isalpha() or w.lower() in _TITLE_SMALL_WORDS for w in words
        )
    )


def _is_statement_quote(text: str, q: Quote) -> bool:
    """A quotation of speech rather than a title or a scare quote: four words, punctuation
    closing it from inside ('"We will act,"'), or running on."""
    if is_title(text, q):
        return False
    inner = q.inner_text(text)
    words = inner.split()
    return len(words) >= 4 or not q.closed or (len(words) >= 2 and inner.rstrip()[-1:] in ",.?!")


def _resumed_quote(masked: str, quotes: list[Quote], after: int, hi: int) -> Quote | None:
    """The quotation that resumes after an attribution, unless a new cue comes first
    ('..., adding that ... "like candy"') or it is only a title ('on "Morning Joe"')."""
    for q in quotes:
        if after <= q.start < hi and (_is_statement_quote(masked, q) or q.end >= hi - 1):
            if lx.CUE_RE.search(masked, after, q.start):
                return None
            return q
    return None


def _split(
    first: Span,
    cue: Span,
    speaker: Span,
    resumed: Quote,
    quotes: list[Quote],
    hi: int,
    masked: str,
) -> Finding:
    """A quotation interrupted by its attribution, ``first`` before it and ``resumed`` after it
    (``_resumed_quote``): the content runs to the last quotation that continues it (no new cue
    in between)."""
    end = resumed.end
    for q in quotes:
        if resumed.start < q.start < hi and not lx.CUE_RE.search(masked, resumed.end, q.start):
            end = q.end
    end = min(end, hi)
    return Finding(
        Span(first.start, end), cue, speaker, (first, Span(resumed.start, end)), "split", 0.9
    )


_RELATIVE_CLOSE = re.compile(
    r"(?:,|_([”\"’'])) (?=(?:also |later |then )?(?:[a-z]+(?:ed|s)|said|told|wrote|spoke|thought|"
    r"knew)\b)"
)


# A sentence that opens with a participle of saying and what it reports: 'Noting that only Sen.
# Mark Kirk voted with Democrats, Tester said ...' (group 1 the participle).
_OPENING_ING = re.compile(r"\s*([A-Z][a-z]+ing)\s+(?=that\b|whether\b|how\b|why\b|[\"“‘'«]_)")


def _opening_participle(masked: str, hi: int, opening: re.Match[str]) -> Finding | None:
    """'Noting that ..., Tester said': the subject after the participle's clause speaks."""
    word = opening.group(1).lower()
    base = lx.CUE_FORMS.get(word)
    if base is None or not (base in lx.SPEECH_VERBS or base in lx.COGNITION_VERBS):
        return None
    cue = Span(opening.start(1), opening.end(1))
    content = content_after(masked, cue.end, hi, base)
    comma = _CLAUSE_COMMA.search(masked, cue.end, hi)
    if content is None or comma is None:
        return None
    speaker = _subject_after(masked, comma.end(), hi)
    end = trim_end(masked, content.start, comma.start() + 1)
    if speaker is None or end - content.start < 3:
        return None
    return Finding(Span(content.start, end), cue, speaker, (), "participle", 0.6)


def _subject_after(masked: str, lo: int, hi: int) -> Span | None:
    """The subject that opens ``masked[lo:hi]``: a pronoun or a capitalised name."""
    toks = tokens(masked, lo, hi)
    if not toks:
        return None
    if toks[0].text.lower() in ("he", "she", "they", "i", "we"):
        return Span(toks[0].start, toks[0].end)
    end = 0
    while end + 1 < len(toks) and toks[end + 1].text[:1].isupper():
        end += 1
    return Span(toks[0].start, toks[end].end) if toks[0].text[:1].isupper() else None


# A noun of saying with a that-clause, and its owner right before it: "her remark that",
# "the judges' statement that", "Hillary Clinton's claim that", "budget hawks' warnings that".
_NOUN_THAT = re.compile(
    r"\b((?:statement|remark|claim|warning|assertion|argument|suggestion|promise|pledge|"
    r"insistence|contention|accusation|prediction|belief)s?)\s+that\s+"
)
_NOUN_OWNER = re.compile(
    r"(?<![\w’'])((?:(?:[A-Z][\w.-]*|the|[a-z]+(?<!ing)(?<!ed)(?<!ly))\s+){0,3}"
    r"(?:[A-Z][\w.-]*[’']s|[a-z]+s[’'](?!\w)|[A-Z][\w.-]*[’'](?!\w))|(?<![\w’'])(?:his|her|their|its))"
    r"\s+(?:[a-z-]+\s+)?$"
)


def _earlier_speaker(masked: str, lo: int, at: int, verbs: list[re.Match[str]]) -> Span | None:
    """The speaker of the last cue verb before ``at`` (of ``verbs``, the unit's cue words read
    as verbs, in order): 'Suu Kyi, 70, said it was too early ... but added, "..."' (the subject
    both verbs share)."""
    last = next((match for match in reversed(verbs) if match.end(1) <= at), None)
    return speaker_before(masked, lo, last.start(1)) if last is not None else None


def _noun_before(masked: str, lo: int, at: int) -> Span | None:
    """The noun phrase right before a participle of saying that follows a noun: 'a fundraising
    email stressing ...', 'a new poll showing ...' (the email, the poll). None when that phrase
    holds a verb ('issued a statement saying': the statement is its subject's)."""
    found = speaker_before(masked, lo, at)
    if found is None:
        return None
    for word in masked[found.start : found.end].split():
        if word.islower() and (word.endswith(("ed", "ing")) or word in _PAST_FORMS):
            return None
    return found


_PAST_FORMS = frozenset(
    "said told wrote made gave sent held took heard saw put got came left".split()
)


def _name_before(masked: str, lo: int, at: int) -> Span | None:
    """A person's name ending right before ``at`` after 'of' ('footage of Hillary Clinton')."""
    match = _OF_NAME.search(masked, max(lo, at - 60), at)
    return Span(match.start(1), match.end(1)) if match else None


_OF_NAME = re.compile(
    r"\b(?:of|shows?|showing|featuring|with)\s+((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]+)\s*$"
)


def _inverted_form(masked: str, cue: Span) -> bool:
    """Inversion ('said Smith') takes a finite verb form, never a base form or -ing."""
    word = masked[cue.start : cue.end].split()[0]
    if word == "say":  # '..., say some Democrats, who cringe': a plural speaker after the cue
        return _PLURAL_AFTER.match(masked, cue.end) is not None
    return word.endswith(("ed", "s")) or word in ("said", "told", "wrote", "thought")


_PLURAL_AFTER = re.compile(
    r"\s+(?:(?:some|many|most|other|several|both|the|these|those|two|three|four|\d+)\s+)?"
    r"(?:[\w’'-]+\s+){0,3}?(?!(?:is|was|has|does|this|his|its|us|as|thus|less)\b)[a-zA-Z]+s\b(?![’'])"
)


def _according(masked: str, lo: int, hi: int, match: re.Match[str]) -> Finding | None:
    """'According to X, ...' and '..., according to X.'"""
    cue = Span(match.start(), match.end(1))
    toks = tokens(masked, match.end(), hi)
    end_tok = None
    for k, tok in enumerate(toks):
        if tok.text in {",", ";", ":", ".", "?", "!"} or k > 12:
            break
        end_tok = k
    if end_tok is None:
        return None
    speaker = Span(toks[0].start, toks[end_tok].end)
    if speaker.end > 0 and masked[speaker.end - 1] == ".":
        speaker = Span(speaker.start, speaker.end - 1)
    after = speaker.end
    if masked[lo : cue.start].strip() == "":
        content = content_after(masked, after, hi, "")
    else:
        content = content_before(masked, lo, cue.start)
        rest = _ACCORDING_RESUMES.match(masked, after, hi)
        if content is not None and rest is not None and has_words(masked[rest.end() : hi], 2):
            # a parenthetical source: 'Fundraising, according to the campaign, has surged';
            # 'Now, according to the recent 50-state poll, some are swinging'
            tail = Span(rest.end(), trim_end(masked, rest.end(), hi))
            lead = masked[content.start : content.end]
            if _OPENING_ONLY.match(lead):
                return Finding(tail, cue, speaker, (), "according", 0.75)
            return Finding(
                Span(content.start, tail.end), cue, speaker, (content, tail), "according", 0.75
            )
    if content is None or not has_words(masked[content.start : content.end], 2):
        return None
    return Finding(content, cue, speaker, (), "according", 0.75)


_ACCORDING_RESUMES = re.compile(r",\s+(?!and\b|but\b|who\b|which\b|as\b|\w+ing\b)(?=\w)")
# What opens a sentence before a parenthetical source: an adverb, a conjunction, a time or a
# prepositional phrase ('Now', 'But', 'For Trump', 'In 2012').
_OPENING_ONLY = re.compile(
    r"(?i)^(?:(?:and|but|so|yet|now|still|instead|meanwhile|however|today|yesterday|"
    r"\w+ly)|(?:for|in|on|at|after|before|since|during|by|with|under|among)\b.*)$"
)


def _poll(masked: str, lo: int, hi: int, match: re.Match[str]) -> Finding | None:
    """'In an NBC News/Wall Street Journal poll released Monday, 50 percent of respondents chose
    Clinton' and 'Obama was winning blacks by 28 points in the same poll': the poll is the source
    of what it found, the clause after it (when it opens the sentence) or before it."""
    cue = Span(match.start(1), match.end(1))
    source = Span(match.start(2), match.end(2))
    if masked[lo : cue.start].strip() == "":
        comma = masked[match.end() : match.end() + 1]
        if comma != ",":
            return None
        content = content_after(masked, match.end() + 1, hi, "")
    else:
        content = content_before(masked, lo, cue.start)
    if content is None or not has_words(masked[content.start : content.end], 3):
        return None
    return Finding(content, cue, source, (), "poll", 0.6)
