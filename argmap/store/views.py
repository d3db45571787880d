"""Read-only queries the terminal UI needs beyond the store's lists: the board, fuzzy
text search, the review queue, the map's children.

Pure functions over an open ``Workspace``; no Textual import. Edits stay on the
``Workspace`` methods.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.store.records import Claim, Relation, StatementRow
from argmap.store.statements import StatementFilter

#: Review states the review queue shows: no person has labelled them yet.
QUEUE_STATES = ("unlabelled", "suggested")


@dataclass(frozen=True, slots=True)
class BoardQuote:
    """One statement on the board."""

    id: str
    text: str
    score: float | None  # the suggestion's score (None: labelled by people only)


@dataclass(frozen=True, slots=True)
class BoardSpeaker:
    """A speaker on one side of the debate, with their strongest statements there."""

    id: str | None
    name: str
    count: int
    quotes: list[BoardQuote] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class BoardColumn:
    """One stance label of the codebook with the speakers on that side."""

    label: str  # label id; "" for statements without a label
    statements: int
    speakers: int
    rows: list[BoardSpeaker] = field(default_factory=list)


def board(workspace, *, speakers_per_column: int = 25, quotes_per_speaker: int = 3) -> list[BoardColumn]:
    """One column per codebook label (then unlabelled): speakers with most statements first,
    each with their statements of that stance, most certain first (people's labels count as certain)."""
    codebook = workspace.codebook
    labels = list(codebook.label_ids) if codebook else []
    conn = workspace.conn
    totals = {label or "": (n, k) for label, n, k in conn.execute(
        "SELECT label, count(*), count(DISTINCT speaker_id) FROM statements GROUP BY label")}
    for extra in totals:
        if extra and extra not in labels:
            labels.append(extra)
    if totals.get("", (0, 0))[0]:
        labels.append("")
    columns = []
    for label in labels:
        cond, params = ("s.label IS NULL", []) if label == "" else ("s.label = ?", [label])
        top = conn.execute(
            f"SELECT s.speaker_id, coalesce(sp.name, '(no speaker)'), count(*) AS n FROM statements s "
            f"LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE {cond} "
            "GROUP BY s.speaker_id ORDER BY n DESC, sp.name COLLATE NOCASE LIMIT ?",
            [*params, speakers_per_column],
        ).fetchall()
        rows = []
        for speaker_id, name, n in top:
            who = "s.speaker_id IS NULL" if speaker_id is None else "s.speaker_id = ?"
            quotes = conn.execute(
                f"SELECT s.id, s.text, s.suggestion_score FROM statements s WHERE {cond} AND {who} "
                "ORDER BY (s.label_source IN ('human', 'adjudicated')) DESC, s.suggestion_score DESC, s.seq LIMIT ?",
                [*params, *([] if speaker_id is None else [speaker_id]), quotes_per_speaker],
            ).fetchall()
            rows.append(BoardSpeaker(speaker_id, name, n, [BoardQuote(*q) for q in quotes]))
        n, k = totals.get(label, (0, 0))
        columns.append(BoardColumn(label, n, k, rows))
    return columns


def fuzzy_ids(workspace, query: str, filter: StatementFilter | None = None, *, cutoff: float = 75.0) -> list[str]:
    """Ids of statements matching ``filter`` whose text, speaker or mention fuzzily contains
    ``query`` (rapidfuzz ``partial_ratio`` >= ``cutoff``), best match first."""
    from rapidfuzz import fuzz, process

    where, params = (filter or StatementFilter()).where()
    rows = workspace.conn.execute(
        "SELECT s.id, s.text || ' ' || coalesce(sp.name, '') || ' ' || coalesce(s.speaker_mention, '') "
        f"FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id{where} ORDER BY s.doc_seq, s.start",
        params,
    ).fetchall()
    if not rows:
        return []
    ids = [r[0] for r in rows]
    found = process.extract(
        query.lower(), [r[1] for r in rows], scorer=fuzz.partial_ratio, processor=str.lower,
        score_cutoff=cutoff, limit=None,
    )
    found.sort(key=lambda hit: (-hit[1], hit[2]))
    return [ids[index] for _, _, index in found]


def review_queue(workspace, *, offset: int = 0, limit: int = 50) -> list[StatementRow]:
    """Statements no person has labelled yet, least certain suggestion first."""
    return workspace.statements(StatementFilter(review=QUEUE_STATES), sort="certainty", offset=offset, limit=limit)


def claim_statements(workspace, claim_id: str) -> list[tuple[Relation, StatementRow]]:
    """The accepted statement relations (supports / attacks) into a claim, with their statements."""
    out = []
    for relation in workspace.relations(claim_id, status="accepted"):
        if relation.target_id == claim_id and relation.source_type == "statement":
            out.append((relation, workspace.statement_row(relation.source_id)))
    return out


def claim_has_children(workspace, claim: Claim) -> bool:
    """Whether a claim has sub-claims or statements linked to it (so the map can offer to expand it)."""
    conn = workspace.conn
    return bool(
        conn.execute("SELECT 1 FROM claims WHERE parent_id = ? LIMIT 1", (claim.id,)).fetchone()
        or conn.execute(
            "SELECT 1 FROM relations WHERE target_id = ? AND source_type = 'statement' AND status = 'accepted' LIMIT 1",
            (claim.id,),
        ).fetchone()
    )


def speaker_mentions(workspace, speaker_id: str) -> list[tuple[str, int]]:
    """The mentions a speaker's statements were attributed through, most frequent first."""
    return workspace.conn.execute(
        "SELECT coalesce(speaker_mention, ''), count(*) AS n FROM statements WHERE speaker_id = ? "
        "GROUP BY speaker_mention ORDER BY n DESC", (speaker_id,),
    ).fetchall()


def statement_ids_with_mention(workspace, speaker_id: str, mention: str) -> list[str]:
    """Ids of a speaker's statements attributed through ``mention`` (case-insensitive)."""
    return [r[0] for r in workspace.conn.execute(
        "SELECT id FROM statements WHERE speaker_id = ? AND speaker_mention = ? COLLATE NOCASE", (speaker_id, mention))]
