"""Read-only queries the terminal UI needs beyond the store's lists: the board, fuzzy
text search, the review queue, reviewers' paired labels, the map's children.

Pure functions over an open ``Workspace``; no Textual import. Edits stay on the
``Workspace`` methods.
"""

from __future__ import annotations

import re
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


def board(
    workspace, *, speakers_per_column: int = 25, quotes_per_speaker: int = 3
) -> list[BoardColumn]:
    """One column per codebook label (then unlabelled): speakers with most statements first,
    each with their statements of that stance: people's labels first, then the least uncertain
    suggestions."""
    codebook = workspace.codebook_outline
    labels = list(codebook.label_ids) if codebook else []
    conn = workspace.conn
    counts: dict[str, dict[str | None, int]] = {}
    for label, speaker_id, n in workspace.tally("label", "speaker_id"):
        counts.setdefault(label or "", {})[speaker_id] = n
    labels += [label for label in sorted(counts) if label and label not in labels]
    if counts.get(""):
        labels.append("")
    columns = []
    for label in labels:
        by_speaker = counts.get(label, {})
        top = sorted(by_speaker.items(), key=lambda item: -item[1])[:speakers_per_column]
        names = _speaker_names(conn, [sid for sid, _ in top if sid is not None])
        top.sort(  # the unattributed statements (speaker None) sort as a name ""
            key=lambda item: (-item[1], "" if item[0] is None else names.get(item[0], "").lower())
        )
        cond, params = ("s.label IS NULL", []) if label == "" else ("s.label = ?", [label])
        rows = []
        for speaker_id, n in top:
            who = "s.speaker_id IS NULL" if speaker_id is None else "s.speaker_id = ?"
            # the order of the statements_board index: the first rows of one range, no sort
            quotes = conn.execute(
                f"SELECT s.id, s.text, s.suggestion_score FROM statements s WHERE {who} AND {cond} "
                "ORDER BY (s.label_source IN ('human', 'adjudicated')) DESC NULLS LAST, "
                "s.uncertainty NULLS FIRST, s.seq "
                "LIMIT ?",
                [*([] if speaker_id is None else [speaker_id]), *params, quotes_per_speaker],
            ).fetchall()
            name = names.get(speaker_id, "(no speaker)") if speaker_id else "(no speaker)"
            rows.append(BoardSpeaker(speaker_id, name, n, [BoardQuote(*q) for q in quotes]))
        columns.append(
            BoardColumn(
                label, sum(by_speaker.values()), sum(1 for k in by_speaker if k is not None), rows
            )
        )
    return columns


def _speaker_names(conn, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    return dict(
        conn.execute(
            f"SELECT id, name FROM speakers WHERE id IN ({', '.join('?' * len(ids))})", ids
        )
    )


class FuzzyIndex:
    """Every statement's words (text, speaker name, mention), kept in memory for fuzzy search.

    A query word matches the statement words within rapidfuzz ``ratio`` >= ``cutoff`` of it
    (so a misspelling still finds the word); a statement matches when it has a match for every
    query word. Built once per workspace and rebuilt when statements are added or removed
    (their count or highest row number changes); span edits are seen after the next rebuild.
    """

    WORD = re.compile(r"\w+")

    def __init__(self, workspace) -> None:
        self.key = _texts_key(workspace)
        rows = workspace.conn.execute(
            "SELECT s.id, lower(s.text || ' ' || coalesce(sp.name, '') || ' ' "
            "|| coalesce(s.speaker_mention, '')) "
            "FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id "
            "ORDER BY s.doc_seq, s.start"
        ).fetchall()
        self.ids = [r[0] for r in rows]
        postings: dict[str, list[int]] = {}
        for index, (_, text) in enumerate(rows):
            for word in set(self.WORD.findall(text)):
                postings.setdefault(word, []).append(index)
        self.postings = postings
        self.vocabulary = list(postings)

    def similar(self, word: str, cutoff: float) -> dict[str, float]:
        """Statement words close to ``word`` with their similarity (0-100)."""
        from rapidfuzz import fuzz, process

        found = process.extract(
            word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        )
        return {w: score for w, score, _ in found}

    def search(
        self, query: str, cutoff: float = 75.0, allowed: set[str] | None = None
    ) -> list[str]:
        """Ids of statements matching every word of ``query``, best first (then in document
        order)."""
        words = self.WORD.findall(query.lower())
        if not words:
            return []
        total: dict[int, float] | None = None
        for word in words:
            best: dict[int, float] = {}
            for alt, score in sorted(
                self.similar(word, cutoff if len(word) > 3 else 100.0).items(),
                key=lambda item: item[1],
            ):
                # higher scores written last win
                best.update(dict.fromkeys(self.postings[alt], score))
            if total is None:
                total = best
            else:
                total = {i: total[i] + score for i, score in best.items() if i in total}
            if not total:
                return []
        assert total is not None  # ``words`` is not empty: the loop ran
        hits = sorted(total.items(), key=lambda item: (-item[1], item[0]))
        ids = (self.ids[i] for i, _ in hits)
        return [i for i in ids if i in allowed] if allowed is not None else list(ids)


def _texts_key(workspace) -> tuple:
    return (
        str(workspace.path),
        *workspace.conn.execute("SELECT count(*), max(seq) FROM statements").fetchone(),
    )


_INDEXES: dict[str, FuzzyIndex] = {}


def fuzzy_index(workspace) -> FuzzyIndex:
    """The workspace's ``FuzzyIndex`` (built on first use, rebuilt when statements were added or
    removed)."""
    key = _texts_key(workspace)
    index = _INDEXES.get(key[0])
    if index is None or index.key != key:
        index = _INDEXES[key[0]] = FuzzyIndex(workspace)
    return index


def fuzzy_ids(
    workspace, query: str, filter: StatementFilter | None = None, *, cutoff: float = 75.0
) -> list[str]:
    """Ids of statements matching ``filter`` whose text, speaker or mention has a word close to
    each word of ``query`` (rapidfuzz ``ratio`` >= ``cutoff``), best match first."""
    allowed = None
    where, params = (filter or StatementFilter()).where()
    if where:
        allowed = {
            r[0]
            for r in workspace.conn.execute(
                "SELECT s.id FROM statements s "
                f"LEFT JOIN speakers sp ON sp.id = s.speaker_id{where}",
                params,
            )
        }
    return fuzzy_index(workspace).search(query, cutoff, allowed)


def review_queue(workspace, *, offset: int = 0, limit: int = 50) -> list[StatementRow]:
    """Statements no person has labelled yet, most uncertain suggestion first (then document
    order)."""
    return workspace.statements(
        StatementFilter(review=QUEUE_STATES),
        sort="uncertainty",
        descending=True,
        offset=offset,
        limit=limit,
    )


def paired_labels(workspace) -> dict[str, dict[str, str]]:
    """People's labels of the statements that two people or more labelled: statement id ->
    {annotator: label}, adjudications left out. What agreement between reviewers rests on (a
    statement labelled once adds nothing to it). One query reads every person's label and the
    statements labelled once are dropped here: a subquery keeping only the others (IN ... GROUP
    BY ... HAVING) took twice the CPU on SQLite with 100,000 statements labelled twice."""
    units: dict[str, dict[str, str]] = {}
    for statement_id, annotator, label in workspace.conn.execute(
        "SELECT statement_id, annotator, label FROM annotations WHERE adjudicated = 0"
    ):
        units.setdefault(statement_id, {})[annotator] = label
    return {statement: unit for statement, unit in units.items() if len(unit) >= 2}


def claim_statements(workspace, claim_id: str) -> list[tuple[Relation, StatementRow]]:
    """The accepted statement relations (supports / attacks) into a claim, with their statements."""
    out = []
    for relation in workspace.relations(claim_id, status="accepted"):
        if relation.target_id == claim_id and relation.source_type == "statement":
            out.append((relation, workspace.statement_row(relation.source_id)))
    return out


def claim_has_children(workspace, claim: Claim) -> bool:
    """Whether a claim has sub-claims or statements linked to it (so the map can offer to
    expand it)."""
    conn = workspace.conn
    return bool(
        conn.execute("SELECT 1 FROM claims WHERE parent_id = ? LIMIT 1", (claim.id,)).fetchone()
        or conn.execute(
            "SELECT 1 FROM relations WHERE target_id = ? AND source_type = 'statement' "
            "AND status = 'accepted' LIMIT 1",
            (claim.id,),
        ).fetchone()
    )


def speaker_mentions(workspace, speaker_id: str) -> list[tuple[str, int]]:
    """The mentions a speaker's statements were attributed through, most frequent first."""
    return workspace.conn.execute(
        "SELECT coalesce(speaker_mention, ''), count(*) AS n FROM statements WHERE speaker_id = ? "
        "GROUP BY speaker_mention ORDER BY n DESC",
        (speaker_id,),
    ).fetchall()


def statement_ids_with_mention(workspace, speaker_id: str, mention: str) -> list[str]:
    """Ids of a speaker's statements attributed through ``mention`` (case-insensitive)."""
    return [
        r[0]
        for r in workspace.conn.execute(
            "SELECT id FROM statements WHERE speaker_id = ? AND "
            + workspace.backend.nocase_equal("speaker_mention", "?"),
            (speaker_id, mention),
        )
    ]
