"""Likely duplicates in a speaker list, ranked, each with the evidence for it.

The registry merges only what it is sure of; what remains for an analyst is a short list of
pairs that are probably one speaker:

- a name alone and the one full name it is part of ("Obama" -> "Barack Obama"; several
  namesakes are each offered, weaker, and named in the evidence);
- a name that reads as another once the words around it go ("Rival Hillary Clinton");
- a longer name that ends with another ("Vargas Llosa" -> "Mario Vargas Llosa");
- an organisation and its acronym ("FBI" -> "Federal Bureau of Investigation");
- two spellings of one name ("Francois Hollande" / "François Hollande", "Stefan Korner" /
  "Stefan Körner");
- a description and the person it fits, met in the same articles ("Vermont senator" ->
  "Bernie Sanders", whose role is "Sen." and affiliation Vermont).

A suggestion keeps the speaker with the most statements (a person's full name over a name
alone) and gives the other to merge into it. Pure functions: speakers in, suggestions out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from argmap.models import Speaker, SpeakerKind
from argmap.speakers.descriptions import fit, role_words
from argmap.speakers.names import name_key, split_role, surname_candidates
from argmap.speakers.wordlists import (
    DETERMINERS,
    INSTITUTION_WORDS,
    LEADING_NOT_NAME,
    ORG_HEADS,
    PLACES,
    TIME_EDGE,
    TITLES,
    US_STATES,
)

__all__ = ["MergeSuggestion", "SpeakerFacts", "suggest_merges"]


@dataclass(frozen=True)
class SpeakerFacts:
    """What the suggestions are made from: a speaker, its statements and documents."""

    speaker: Speaker
    statements: int = 0
    documents: frozenset[str] = frozenset()


@dataclass
class MergeSuggestion:
    """Merge ``other`` into ``keep``: ``score`` ranks it, ``evidence`` says why."""

    keep: Speaker
    other: Speaker
    score: float
    evidence: list[str] = field(default_factory=list)


_PEOPLE = (SpeakerKind.PERSON, SpeakerKind.UNKNOWN)
_BODIES = (SpeakerKind.ORGANISATION, SpeakerKind.GROUP)


def suggest_merges(
    facts: Iterable[SpeakerFacts], *, apart: Iterable[Iterable[str]] = ()
) -> list[MergeSuggestion]:
    """Pairs of speakers that are probably one, best first. ``apart``: groups of names an
    analyst said are different speakers (the alias table's ``[[distinct]]``); no pair from
    one group is offered."""
    items = list(facts)
    kept_apart = [{name_key(n) for n in group} for group in apart]
    found: dict[tuple[str, str], MergeSuggestion] = {}

    def offer(
        a: SpeakerFacts, b: SpeakerFacts, strength: float, why: str, choose: bool = False
    ) -> None:
        """Offer to merge ``b`` into ``a`` (``choose``: whichever way _keeper says)."""
        if a.speaker.id == b.speaker.id:
            return
        keep, other = _keeper(a, b) if choose else (a, b)
        keys_keep = _keys(keep.speaker)
        keys_other = _keys(other.speaker)
        if any(k & keys_keep and k & keys_other for k in kept_apart):
            return
        shared = len(keep.documents & other.documents)
        score = strength * (1 + math.log1p(other.statements)) * (1.5 if shared else 1.0)
        pair = (keep.speaker.id, other.speaker.id)
        known = found.get(pair)
        if shared and not any("article" in e for e in (known.evidence if known else [])):
            why += f"; in {shared} article{'s' if shared > 1 else ''} together"
        if known is None:
            found[pair] = MergeSuggestion(keep.speaker, other.speaker, score, [why])
        else:
            known.score = max(known.score, score) + 0.5
            known.evidence.append(why)

    people = [f for f in items if f.speaker.kind in _PEOPLE]
    bodies = [f for f in items if f.speaker.kind in _BODIES]
    _lone_names(people, offer)
    _reads_as(items, offer)
    _ends_with(people, offer)
    _acronyms(bodies, offer)
    _spellings(people, offer)
    _spellings(bodies, offer)
    _descriptions(items, people, offer)
    return sorted(found.values(), key=lambda s: (-s.score, s.keep.name, s.other.name))


# ------------------------------------------------------------------------- the rules


def _lone_names(people: list[SpeakerFacts], offer) -> None:
    """'Obama' and 'Barack Obama': a one-word name and the full names ending (or starting)
    with it."""
    by_token: dict[str, list[SpeakerFacts]] = {}
    for f in people:
        if len(f.speaker.name.split()) > 1 and _proper(f.speaker.name):
            for token in surname_candidates(f.speaker.name):
                by_token.setdefault(token.casefold(), []).append(f)
    for f in people:
        name = f.speaker.name
        if len(name.split()) != 1 or not name[:1].isupper() or name.casefold() in _NOT_NAMES:
            continue
        full = by_token.get(name.casefold(), [])
        if len(full) > 4:
            continue  # a common name: no evidence for any one of them
        if len(full) == 1:
            offer(full[0], f, 3.0, f"{name!r} is a name of {full[0].speaker.name!r}, the only one")
        elif full:
            names = ", ".join(repr(g.speaker.name) for g in full[:4])
            for g in full:
                offer(g, f, 1.0, f"{name!r} is a name of {len(full)} speakers ({names})")


def _reads_as(items: list[SpeakerFacts], offer) -> None:
    """'Rival Hillary Clinton' reads as 'Hillary Clinton' once the role word goes."""
    by_key: dict[tuple[str, ...], list[SpeakerFacts]] = {}
    for f in items:
        for text in (f.speaker.name, *f.speaker.aliases):
            by_key.setdefault(name_key(text), []).append(f)
    for f in items:
        parsed = split_role(f.speaker.name)
        if parsed.note is not None or not parsed.name or parsed.name == f.speaker.name:
            continue
        for g in by_key.get(name_key(parsed.name), []):
            if g.speaker.id != f.speaker.id:
                offer(g, f, 3.0, f"{f.speaker.name!r} reads as {parsed.name!r}")


def _ends_with(people: list[SpeakerFacts], offer) -> None:
    """'Vargas Llosa' and 'Mario Vargas Llosa': a name of two words or more that another
    person's name ends with."""
    by_tail: dict[str, list[SpeakerFacts]] = {}
    for f in people:
        words = f.speaker.name.split()
        if len(words) >= 3 and _proper(f.speaker.name):
            for n in range(2, len(words)):
                by_tail.setdefault(" ".join(words[-n:]).casefold(), []).append(f)
    for f in people:
        words = f.speaker.name.split()
        if len(words) >= 2:
            for g in by_tail.get(f.speaker.name.casefold(), []):
                # the longer name ('Mario Vargas Llosa'), unless the shorter is quoted more
                # ('Trust Donald Trump') or the longer begins with a title or a body's word
                # ('State William Galvin')
                extra = g.speaker.name.split()[: -len(words)]
                titled = any(w.casefold().strip(".") in _ROLE_WORDS for w in extra)
                keep, other = (f, g) if f.statements > g.statements or titled else (g, f)
                offer(keep, other, 2.5, f"{g.speaker.name!r} ends with {f.speaker.name!r}")


def _initials(name: str) -> str | None:
    words = [w for w in name.replace("&", " ").split() if w.casefold() not in _SKIP]
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).casefold()


_SKIP = frozenset("of the and for on in at to de la".split())
_ROLE_WORDS = TITLES | ORG_HEADS | INSTITUTION_WORDS | US_STATES | PLACES | LEADING_NOT_NAME
# One-word "names" that are a sentence's first word, not anyone's name.
_NOT_NAMES = DETERMINERS | LEADING_NOT_NAME | TIME_EDGE | frozenset(("democratic", "republican"))


def _acronyms(bodies: list[SpeakerFacts], offer) -> None:
    """'FBI' and 'Federal Bureau of Investigation'."""
    by_initials: dict[str, list[SpeakerFacts]] = {}
    for f in bodies:
        initials = _initials(f.speaker.name)
        if initials:
            by_initials.setdefault(initials, []).append(f)
    for f in bodies:
        bare = f.speaker.name.replace(".", "")
        if " " in bare or not bare.isupper() or not 2 <= len(bare) <= 6:
            continue
        full = by_initials.get(bare.casefold(), [])
        for g in full:
            strength = 3.0 if len(full) == 1 else 1.0
            offer(g, f, strength, f"{f.speaker.name!r} is the initials of {g.speaker.name!r}")


def _spellings(items: list[SpeakerFacts], offer) -> None:
    """Two spellings of one name: as many words, one shared, the rest close."""
    by_token: dict[str, list[SpeakerFacts]] = {}
    for f in items:
        key = name_key(f.speaker.name)
        if len(key) >= 2 and _proper(f.speaker.name):
            for token in set(key):
                by_token.setdefault(token, []).append(f)
    seen: set[tuple[str, str]] = set()
    for block in by_token.values():
        if len(block) > 50:
            continue  # a common word: no evidence of one name
        for i, f in enumerate(block):
            for g in block[i + 1 :]:
                pair = tuple(sorted((f.speaker.id, g.speaker.id)))
                if pair in seen:
                    continue
                seen.add(pair)  # type: ignore[arg-type]
                ratio = _alike(f.speaker.name, g.speaker.name)
                if ratio:
                    offer(
                        f,
                        g,
                        2.0 * ratio / 100,
                        f"{f.speaker.name!r} and {g.speaker.name!r} are spelled alike "
                        f"({ratio:.0f}%)",
                        choose=True,
                    )


def _descriptions(items: list[SpeakerFacts], people: list[SpeakerFacts], offer) -> None:
    """'Vermont senator' and Bernie Sanders, role 'Sen.', affiliation Vermont: a description
    that fits a person quoted in the same articles."""
    named = [p for p in people if len(p.speaker.name.split()) > 1 and p.speaker.name[:1].isupper()]
    for f in items:
        if f.speaker.kind not in _PEOPLE or f.speaker.name[:1].isupper() or not f.documents:
            continue
        for p in named:
            if not (p.documents & f.documents):
                continue
            described = " ".join(
                part for part in (p.speaker.role, p.speaker.affiliation, *p.speaker.aliases) if part
            )
            words = role_words("", f"{described} {p.speaker.name}", "")
            if fit(f.speaker.name, words) >= 2:
                offer(p, f, 1.5, f"{f.speaker.name!r} fits {p.speaker.name!r} ({described})")


# ------------------------------------------------------------------------- helpers


def _alike(a: str, b: str) -> float:
    """How alike two spellings of a name are (0: not alike): as many words once initials
    and suffixes go, all but one the same, and that one close ("Körner" / "Korner") or, as
    the first word, one a short form of the other ("Stan" / "Stanley", "Pete" / "Peter")."""
    wa = [w for w in a.replace(".", ". ").split() if len(w.strip(".")) > 1]
    wb = [w for w in b.replace(".", ". ").split() if len(w.strip(".")) > 1]
    ka, kb = name_key(" ".join(wa)), name_key(" ".join(wb))
    if len(ka) != len(kb) or ka == kb or len(set(ka) ^ set(kb)) != 2:
        return 0.0
    (x,) = set(ka) - set(kb)
    (y,) = set(kb) - set(ka)
    ratio = fuzz.ratio(x, y)
    if ratio >= 85 and min(len(x), len(y)) >= 5:
        return ratio
    first = (name_key(wa[0]) == (x,) and name_key(wb[0]) == (y,)) if wa and wb else False
    short, long_ = sorted((x, y), key=len)
    if first and len(short) >= 3 and long_.startswith(short):
        return 85.0
    return 0.0


def _proper(name: str) -> bool:
    """Every word capitalised (or a particle): a name, not a description."""
    return all(w[:1].isupper() or w in _SKIP for w in name.split())


def _keys(speaker: Speaker) -> set[tuple[str, ...]]:
    return {name_key(n) for n in (speaker.name, *speaker.aliases)}


def _keeper(a: SpeakerFacts, b: SpeakerFacts) -> tuple[SpeakerFacts, SpeakerFacts]:
    """(the one to keep, the one to merge): a proper full name over a name alone or a
    description, then the one with more statements."""

    def rank(f: SpeakerFacts) -> tuple[int, int, int]:
        name = f.speaker.name
        return (int(name[:1].isupper()), min(len(name.split()), 3), f.statements)

    return (a, b) if rank(a) >= rank(b) else (b, a)
