"""Scoring the speaker list: who each statement is attributed to, across documents.

The gold (``load_speaker_gold``) gives, for each annotated source span of a document, the
entity it refers to: a person, an organisation or a group, named the same way in every
document (``donald-trump``), or local to its document (``#officials``), or not a speaker at
all (a poll, a date, a thing). The format is described in ``docs/data.md``.

``score_speakers`` matches each gold span to the system's statements (the statement whose
speaker mention overlaps the span, else the statement whose content lies mostly inside the
content the span is the source of) and compares the two clusterings of the matched spans:

- **B-cubed** precision and recall: for each span, the share of the spans in its predicted
  speaker that belong to its gold entity, and the share of its gold entity's spans that
  share its predicted speaker. A span the system leaves unattributed is a cluster of its
  own; every not-a-speaker span is a gold entity of its own, so giving several of them one
  speaker, or one to a person, costs precision.
- **Fragments**: predicted speakers whose name is a piece of the clause around a name ("But
  Trump", "On Monday", "pitch"), by rules of this module's own (see ``is_fragment``), with
  the share of statements attributed to them.
- **Split and merged people**: a gold entity that is the main entity of more than one
  predicted speaker is split; a predicted speaker holding named (not pronoun) mentions of
  two or more gold entities merges them.
- **Pronoun errors**: "he" or "she" given to a speaker that is not a person (by the
  system's own kind, over every statement) or, among gold spans, to a speaker whose gold
  entity is not a person.

The rules here share nothing with ``argmap.speakers``, so the scorer does not share the
system's mistakes.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from argmap.evaluation.gold import GoldFormatError, Span, brat_text_dir, is_brat_folder
from argmap.models import Document, Speaker, SpeakerKind, Statement

__all__ = [
    "SpeakerGold",
    "SpeakerReport",
    "evaluate_speakers",
    "format_speaker_report",
    "is_fragment",
    "load_speaker_gold",
    "score_speakers",
    "written_as_a_person",
]

GoldKind = Literal["person", "organisation", "group", "not-a-speaker"]
UNATTRIBUTED = "(unattributed)"


class SpeakerGold(BaseModel):
    """One annotated source span and the entity it refers to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    entity: str | None = None  # None for not-a-speaker; "#x" is local to ``doc``
    kind: GoldKind
    name: str = ""
    contents: list[Span] = Field(default_factory=list)

    @property
    def key(self) -> str:
        """The entity id, made unique for a local entity or a not-a-speaker span."""
        if self.kind == "not-a-speaker" or not self.entity:
            return f"{self.doc}@{self.start}"
        if self.entity.startswith("#"):
            return f"{self.doc}{self.entity}"
        return self.entity


def load_speaker_gold(path: str | Path) -> list[SpeakerGold]:
    """Read a speaker gold JSONL file; a bad line raises GoldFormatError naming the line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read speaker gold: {exc}") from exc
    gold: list[SpeakerGold] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = SpeakerGold.model_validate(json.loads(line))
        except (ValueError, ValidationError) as exc:
            problem = " ".join(str(exc).split())[:200]
            raise GoldFormatError(f"{path}:{number}: not a speaker gold record: {problem}") from exc
        if record.end <= record.start:
            raise GoldFormatError(f"{path}:{number}: empty span {record.start}-{record.end}")
        if record.kind != "not-a-speaker" and not record.entity:
            raise GoldFormatError(f"{path}:{number}: a {record.kind} needs an entity")
        gold.append(record)
    return gold


# --------------------------------------------------------------------------- fragments

# Words a name never begins or ends with: conjunctions, prepositions, adverbs, pronouns,
# time words. The scorer's own list, not the system's.
_EDGE_WORDS = frozenset(
    """
    and but or nor so yet for if as while when whenever after before since until because
    although though unless once then now even also still just only meanwhile however
    instead later earlier again too already ever never not no
    of in on at by to from with without into onto over under about against among between
    during through toward towards upon via per than like
    who whom whose which what that this these those there here it its he she they we i you
    me him her them us my his our your their
    said says say told tells asked according
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    tonight morning afternoon evening night week weekend month year day days weeks months
    years january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
_PERSON_WORDS = frozenset(
    """
    official spokesman spokeswoman spokesperson aide adviser advisor analyst expert source
    witness reporter writer author editor lawyer attorney judge senator governor president
    mayor candidate nominee chairman chairwoman chair director secretary minister leader
    member voter resident activist critic supporter owner executive officer commissioner
    professor economist strategist pollster consultant doctor physician man woman person
    someone everyone anyone nobody narrator announcer host moderator men women people children
    police staff public crowd audience company campaign government agency party board panel
    committee council union court newspaper network magazine team family administration
    foundation group organization organisation force media institute association student
    general inspector counsel commander manager chief
    """.split()
)
_CONTRACTION = re.compile(
    r"['’](?:ll|d|m|re|ve|t)$|n['’]t$|^(?:it|he|she|that|there|what|who|here)['’]s$", re.IGNORECASE
)


# Month names that are also people's names ("Theresa May", "June Carter"): at a name's edge
# they are a date's only when the text never writes the name as a person's.
_NAME_MONTHS = frozenset({"may", "june", "april", "august"})
# Words a person's name follows: honorifics and titles of office.
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen)\.?|\b(?:Minister|President|Chancellor|"
    r"Secretary|Senator|Governor|Mayor|Judge|Justice|Queen|King|Professor|Pope|Rabbi|Bishop)"
    r")\s+$"
)


def written_as_a_person(name: str, texts: Iterable[str]) -> bool:
    """Does some text write ``name`` right after an honorific or a title of office ("Prime
    Minister Theresa May", "Mrs. May")? That is evidence the name is a person's whatever its
    last word."""
    pattern = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
    for text in texts:
        for found in pattern.finditer(text):
            if _TITLE_BEFORE.search(text[max(0, found.start() - 30) : found.start()]):
                return True
    return False


def is_fragment(name: str, texts: Iterable[str] = ()) -> bool:
    """Is this speaker name a piece of a clause rather than a name?

    True when its first or last word is a function word, a time word or a pronoun ("But
    Trump", "On Monday", "And I'll", "Trump Wednesday"), when it holds a number or a
    contraction, when it has no capital letter and is not a plural or a word for a person or a
    body ("pitch", "to prevail"), when it ends with a verb form ("results tallied"), or when it
    is a headline in capitals ("MAKE AMERICA GREAT AGAIN").
    A leading "the" is allowed ("the Ministry of Defense"). A month that is also a person's
    name ("May", "June") is judged by evidence, not by the word: ``texts`` (the documents the
    speaker is quoted in) writing the name after a title or honorific ("Prime Minister
    Theresa May") make it a name; without such evidence it is a date ("Trump May").
    """
    words = [w.strip(".,;:!?\"'“”‘’()[]") for w in name.split()]
    words = [w for w in words if w]
    if not words:
        return True
    lowered = [w.casefold() for w in words]
    if lowered[0] == "the" and len(words) > 1:
        words, lowered = words[1:], lowered[1:]
    edges = [
        (w, low)
        for w, low in ((words[0], lowered[0]), (words[-1], lowered[-1]))
        if low in _EDGE_WORDS and not w.isupper()  # "USA TODAY" is a name in capitals
    ]
    if edges and not (
        all(low in _NAME_MONTHS and w[:1].isupper() for w, low in edges)
        and written_as_a_person(" ".join(words), texts)
    ):
        return True  # "But Trump", "Trump Wednesday"
    if lowered[0] == "one" and len(lowered) > 1 and lowered[1] == "of":
        return True  # "one of Obama"
    if any(_CONTRACTION.search(w) for w in words):
        return True
    if any(any(c.isdigit() for c in w) for w in words) and not any(
        w[:1].isupper() for w in words if not any(c.isdigit() for c in w)
    ):
        return True
    last = lowered[-1]
    if last.endswith(("ed", "ing")) and len(last) > 5 and not words[-1][:1].isupper():
        return True
    if not any(c.isupper() for c in name):
        cut = [i for i, low in enumerate(lowered) if low in ("of", "for", "to", "at", "with")]
        head = lowered[cut[0] - 1] if cut and cut[0] > 0 else last  # "secretary of state"
        plural = head.endswith("s") and not head.endswith("ss")
        return not (plural or head in _PERSON_WORDS)
    letters = [w for w in words if any(c.isalpha() for c in w)]
    return len(letters) >= 3 and all(w.isupper() for w in letters)


# --------------------------------------------------------------------------- report


class Case(BaseModel):
    """One line of the worst cases."""

    what: str
    count: int
    detail: str = ""


class SpeakerScore(BaseModel):
    """The figures of a speaker evaluation."""

    documents: int = 0
    gold_spans: int = 0
    matched: int = 0  # gold spans the system attributed a statement at (or unattributed)
    gold_entities: int = 0
    predicted_speakers: int = 0  # speakers with at least one statement in these documents
    statements: int = 0
    attributed_statements: int = 0
    precision: float = 0.0  # B-cubed
    recall: float = 0.0
    f1: float = 0.0
    fragment_speakers: int = 0
    fragment_statements: int = 0
    fragment_rate: float = 0.0  # share of speakers
    fragment_statement_rate: float = 0.0  # share of attributed statements
    split_people: int = 0  # gold people who are the main entity of several speakers
    top_people: int = 0
    top_people_split: int = 0  # of the 20 most-quoted gold people
    merged_speakers: int = 0  # speakers holding named mentions of two or more entities
    not_a_speaker_spans: int = 0
    not_a_speaker_attributed: int = 0  # given a speaker although not a speaker
    unattributed_speakers: int = 0  # real speakers' spans left unattributed
    pronoun_spans: int = 0  # gold spans that are he/she/him/his/her
    pronoun_errors: int = 0  # of those, given a speaker whose gold entity is not a person
    pronoun_non_person: int = 0  # all statements: he/she given a speaker that is not a person


class SpeakerReport(BaseModel):
    """A speaker evaluation: the score and where it went wrong."""

    gold: str
    paths: list[str]
    documents: list[str]
    gold_documents_missing: list[str] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)
    seconds: float = 0.0
    score: SpeakerScore
    splits: list[Case] = Field(default_factory=list)
    merges: list[Case] = Field(default_factory=list)
    fragments: list[Case] = Field(default_factory=list)
    pronouns: list[Case] = Field(default_factory=list)
    wrong_kind: list[Case] = Field(default_factory=list)


_PERSON_PRONOUNS = frozenset("he him his himself she her hers herself".split())


def _overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    return sum(max(0, min(hi, h) - max(lo, l)) for lo, hi in a for l, h in b)  # noqa: E741


def _statement_spans(statement: Statement) -> list[Span]:
    return list(statement.parts) or [(statement.start, statement.end)]


def _match(gold: SpeakerGold, statements: Sequence[Statement]) -> Statement | None:
    """The statement attributed at this gold span: its speaker mention overlaps the span, or
    failing that most of its content lies in the content the span is the source of."""
    by_mention = [
        s
        for s in statements
        if s.speaker_start is not None
        and s.speaker_end is not None
        and min(s.speaker_end, gold.end) > max(s.speaker_start, gold.start)
    ]
    if by_mention:
        return max(by_mention, key=lambda s: (s.speaker_id is not None, s.confidence))
    best: tuple[int, Statement] | None = None
    for s in statements:
        spans = _statement_spans(s)
        shared = _overlap(spans, gold.contents)
        length = sum(hi - lo for lo, hi in spans)
        if length and shared * 2 >= length and (best is None or shared > best[0]):
            best = (shared, s)
    return best[1] if best else None


def score_speakers(
    gold: Sequence[SpeakerGold],
    statements: Sequence[Statement],
    speakers: dict[str, Speaker],
    texts: dict[str, str],
    *,
    top: int = 20,
) -> SpeakerReport:
    """Score the statements' speakers against the gold (see the module doc). ``texts``: each
    document's text by name (for pronouns and the worst cases); ``statements`` carry the gold
    document's name in ``doc_name``."""
    by_doc: dict[str, list[Statement]] = defaultdict(list)
    for s in statements:
        by_doc[s.doc_name].append(s)
    score = SpeakerScore(documents=len(texts), gold_spans=len(gold))
    items: list[tuple[SpeakerGold, str]] = []  # (gold span, predicted cluster)
    for g in gold:
        found = _match(g, by_doc.get(g.doc, ()))
        if found is None:
            continue
        cluster = found.speaker_id or f"{UNATTRIBUTED}{g.doc}@{g.start}"
        items.append((g, cluster))
    score.matched = len(items)
    gold_sizes = Counter(g.key for g, _ in items)
    predicted_sizes = Counter(c for _, c in items)
    shared = Counter((g.key, c) for g, c in items)
    if items:
        score.precision = sum(shared[(g.key, c)] / predicted_sizes[c] for g, c in items) / len(
            items
        )
        score.recall = sum(shared[(g.key, c)] / gold_sizes[g.key] for g, c in items) / len(items)
        total = score.precision + score.recall
        score.f1 = 2 * score.precision * score.recall / total if total else 0.0
    score.gold_entities = len({g.key for g in gold})

    names = {sid: sp.name for sid, sp in speakers.items()}
    kinds = {sid: sp.kind for sid, sp in speakers.items()}

    def label(cluster: str) -> str:
        return "unattributed" if cluster.startswith(UNATTRIBUTED) else names.get(cluster, cluster)

    # split and merged
    main_entity: dict[str, str] = {}
    by_cluster: dict[str, Counter[str]] = defaultdict(Counter)
    for g, c in items:
        if not c.startswith(UNATTRIBUTED):
            by_cluster[c][g.key] += 1
    for c, entities in by_cluster.items():
        main_entity[c] = entities.most_common(1)[0][0]
    entity_name = {g.key: g.name or g.key for g in gold}
    entity_kind = {g.key: g.kind for g in gold}
    clusters_of: dict[str, list[str]] = defaultdict(list)
    for c, e in main_entity.items():
        clusters_of[e].append(c)
    people = Counter(g.key for g in gold if g.kind == "person")
    top_people = [e for e, _ in people.most_common(top)]
    score.top_people = len(top_people)
    for e, cs in clusters_of.items():
        if len(cs) > 1 and entity_kind.get(e) == "person":
            score.split_people += 1
            score.top_people_split += e in top_people
    splits_cases = [
        Case(
            what=entity_name[e],
            count=len(cs),
            detail=f"{entity_kind.get(e)}; speakers "
            + ", ".join(f"{label(c)!r} ({by_cluster[c][e]})" for c in cs),
        )
        for e, cs in sorted(clusters_of.items(), key=lambda ec: -people.get(ec[0], 0))
        if len(cs) > 1 and entity_kind.get(e) != "not-a-speaker"
    ]
    merges: list[Case] = []
    named: dict[str, Counter[str]] = defaultdict(Counter)
    for g, c in items:
        if c.startswith(UNATTRIBUTED) or g.kind == "not-a-speaker":
            continue
        mention = texts.get(g.doc, "")[g.start : g.end].strip().casefold()
        if mention in _PERSON_PRONOUNS or mention in ("i", "we", "they", "who", "it"):
            continue
        named[c][g.key] += 1
    for c, entities in named.items():
        if len(entities) > 1:
            score.merged_speakers += 1
            merges.append(
                Case(
                    what=label(c),
                    count=len(entities),
                    detail=", ".join(f"{entity_name[e]} ({n})" for e, n in entities.most_common()),
                )
            )

    # not a speaker, unattributed, pronouns
    pronoun_cases: list[Case] = []
    seen_pronouns: set[tuple[str, int | None]] = set()
    for g, c in items:
        unattributed = c.startswith(UNATTRIBUTED)
        if g.kind == "not-a-speaker":
            score.not_a_speaker_spans += 1
            score.not_a_speaker_attributed += not unattributed
        elif unattributed:
            score.unattributed_speakers += 1
        mention = texts.get(g.doc, "")[g.start : g.end].strip()
        if mention.casefold() in _PERSON_PRONOUNS and g.kind == "person":
            score.pronoun_spans += 1
            if unattributed or label(c).casefold() == mention.casefold():
                continue  # left unresolved: a fragment, not a wrong antecedent
            gold_kind = entity_kind.get(main_entity.get(c, ""), "person")
            if gold_kind != "person" or kinds.get(c) not in (SpeakerKind.PERSON, None):
                score.pronoun_errors += 1
                seen_pronouns.add((g.doc, g.start))
                pronoun_cases.append(
                    Case(
                        what=f"{mention!r} in {g.doc} at {g.start}",
                        count=1,
                        detail=f"{label(c)} [{kinds[c].value if c in kinds else '?'}], "
                        f"in the gold {entity_name.get(main_entity.get(c, ''), '?')}",
                    )
                )

    # the speaker list: fragments, and pronouns over every statement
    per_speaker = Counter(s.speaker_id for s in statements if s.speaker_id)
    score.statements = len(statements)
    score.attributed_statements = sum(per_speaker.values())
    score.predicted_speakers = len(per_speaker)
    texts_of: dict[str, set[str]] = defaultdict(set)
    for s in statements:
        if s.speaker_id:
            texts_of[s.speaker_id].add(s.doc_name)
    fragments = [
        (sid, n)
        for sid, n in per_speaker.items()
        if is_fragment(names.get(sid, ""), (texts.get(doc, "") for doc in texts_of[sid]))
    ]
    score.fragment_speakers = len(fragments)
    score.fragment_statements = sum(n for _, n in fragments)
    if per_speaker:
        score.fragment_rate = score.fragment_speakers / len(per_speaker)
        score.fragment_statement_rate = score.fragment_statements / score.attributed_statements
    fragment_cases = [
        Case(what=names.get(sid, sid), count=n)
        for sid, n in sorted(fragments, key=lambda f: (-f[1], names.get(f[0], "")))
    ]
    for s in statements:
        mention = (s.speaker_mention or "").strip().casefold()
        if s.speaker_id and mention in _PERSON_PRONOUNS:
            kind = kinds.get(s.speaker_id)
            if kind is None or kind is SpeakerKind.PERSON:
                continue
            if names.get(s.speaker_id, "").casefold() == mention:
                continue  # left unresolved
            score.pronoun_non_person += 1
            if (s.doc_name, s.speaker_start) not in seen_pronouns:
                pronoun_cases.append(
                    Case(
                        what=f"{mention!r} in {s.doc_name} at {s.speaker_start}",
                        count=1,
                        detail=f"{names.get(s.speaker_id)} [{kind.value}]",
                    )
                )
    wrong_kind = [
        Case(
            what=label(c),
            count=sum(by_cluster[c].values()),
            detail=f"{kinds[c].value} here, {entity_kind.get(e)} in the gold ({entity_name[e]})",
        )
        for c, e in main_entity.items()
        if c in kinds
        and entity_kind.get(e) in ("person", "organisation", "group")
        and kinds[c].value != entity_kind.get(e)
        and kinds[c] is not SpeakerKind.UNKNOWN
    ]
    wrong_kind.sort(key=lambda case: -case.count)
    return SpeakerReport(
        gold="",
        paths=[],
        documents=sorted(texts),
        score=score,
        splits=splits_cases,
        merges=sorted(merges, key=lambda case: -case.count),
        fragments=fragment_cases,
        pronouns=pronoun_cases,
        wrong_kind=wrong_kind,
    )


# --------------------------------------------------------------------------- end to end


def _document_name(document: Document, names: set[str]) -> str | None:
    for candidate in (
        document.name,
        Path(document.name).name,
        Path(document.source_path).name if document.source_path else None,
    ):
        if candidate and candidate in names:
            return candidate
    return None


def evaluate_speakers(
    gold_path: str | Path,
    paths: Iterable[str | Path],
    *,
    aliases: str | Path | None = None,
    top: int = 20,
) -> SpeakerReport:
    """Extract the documents under ``paths`` that the gold names, resolve their speakers across
    them (as ``argmap extract`` does, with the alias table in ``aliases`` if given) and score
    the speakers against the speaker gold in ``gold_path``. A brat folder among ``paths`` is read
    through its ``text/`` folder. Documents are read in name order."""
    from argmap.extraction.corpus import extract_corpus
    from argmap.io.reading import load_documents
    from argmap.speakers.registry import SpeakerRegistry

    gold = load_speaker_gold(gold_path)
    names = {g.doc for g in gold}
    paths = list(paths)
    folders = [brat_text_dir(p) if is_brat_folder(p) else Path(p) for p in paths]
    docs: dict[str, Document] = {}
    errors: list[str] = []
    for item in load_documents(folders):
        if not isinstance(item, Document):
            errors.append(str(item))
            continue
        name = _document_name(item, names)
        if name is not None and name not in docs:
            docs[name] = item
    registry = SpeakerRegistry.from_alias_file(aliases) if aliases else SpeakerRegistry()
    speakers: dict[str, Speaker] = {}
    statements: list[Statement] = []
    started = time.perf_counter()
    ordered = [docs[name] for name in sorted(docs)]
    for (name, _), (_, found) in zip(
        sorted(docs.items()), extract_corpus(ordered, registry, speakers), strict=True
    ):
        statements.extend(
            s if s.doc_name == name else s.model_copy(update={"doc_name": name}) for s in found
        )
    seconds = time.perf_counter() - started
    scored = [g for g in gold if g.doc in docs]
    report = score_speakers(
        scored, statements, speakers, {n: d.text for n, d in docs.items()}, top=top
    )
    report.gold = str(gold_path)
    report.paths = [str(p) for p in paths]
    report.gold_documents_missing = sorted(names - set(docs))
    report.errors = errors
    report.seconds = round(seconds, 3)
    return report


def format_speaker_report(
    report: SpeakerReport, fmt: Literal["table", "json"] = "table", *, limit: int = 15
) -> str:
    """The report as a plain-text table with the worst cases, or as JSON."""
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    s = report.score
    lines = [
        f"Speakers: {s.documents} documents, gold {report.gold}; {s.gold_spans} gold spans of "
        f"{s.gold_entities} entities, {s.matched} matched to statements",
        "",
        f"  B-cubed precision    {s.precision:.3f}",
        f"  B-cubed recall       {s.recall:.3f}",
        f"  B-cubed F1           {s.f1:.3f}",
        f"  speakers             {s.predicted_speakers} "
        f"({s.attributed_statements} of {s.statements} statements attributed)",
        f"  fragment speakers    {s.fragment_speakers} ({s.fragment_rate:.1%} of speakers, "
        f"{s.fragment_statement_rate:.1%} of attributed statements)",
        f"  people split         {s.split_people} "
        f"({s.top_people_split} of the {s.top_people} most-quoted)",
        f"  speakers merging     {s.merged_speakers}",
        f"  not a speaker        {s.not_a_speaker_attributed} of {s.not_a_speaker_spans} "
        "given a speaker",
        f"  speakers left unattributed  {s.unattributed_speakers}",
        f"  he/she to a non-person      {s.pronoun_errors} of {s.pronoun_spans} gold spans; "
        f"{s.pronoun_non_person} statements in all",
    ]
    sections = [
        ("People and entities split over several speakers", report.splits),
        ("Speakers merging several entities", report.merges),
        ("Fragment speakers (statements)", report.fragments),
        ("Pronouns given to a non-person", report.pronouns),
        ("Speakers of the wrong kind", report.wrong_kind),
    ]
    for title, cases in sections:
        if not cases:
            continue
        lines += ["", f"{title} ({len(cases)}):"]
        for case in cases[:limit]:
            detail = f" -- {case.detail}" if case.detail else ""
            lines.append(f"  {case.count:>4}  {case.what}{detail}")
        if len(cases) > limit:
            lines.append(f"  ... and {len(cases) - limit} more (--format json lists all)")
    for problem in report.errors:
        lines.append(f"error: {problem}")
    if report.gold_documents_missing:
        lines.append(f"({len(report.gold_documents_missing)} gold documents not among the paths)")
    return "\n".join(lines) + "\n"
