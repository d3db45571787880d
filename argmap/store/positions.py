"""Which position of the map each statement bears on, as SQL.

A statement's positions are found by following the map from the claims it is linked to
(accepted ``supports`` or ``attacks`` relations): from a claim up to its parent claim and
along the claim's own accepted relations to other claims (supports, attacks, rebuts), until a
position is reached; the walk stops at a position (a position that attacks another does not
carry its statements over to it). A statement linked to a position directly bears on that
position. A statement with no accepted link, or whose claims lead to no position, bears on
none; one whose links lead to several positions bears on each of them.

Both the statements filter (``StatementFilter(position=...)``) and the timeline
(``argmap.store.timeline``) read positions through ``POSITIONS_SQL``, so they agree.
"""

from __future__ import annotations

#: ``(statement, position)`` rows, one per statement and position it bears on (distinct):
#: a complete ``SELECT``, usable as a subquery (``... FROM (POSITIONS_SQL) ...``).
POSITIONS_SQL = """
WITH RECURSIVE
    steps(claim, next) AS (
        SELECT c.id, c.parent_id FROM claims c
            WHERE c.kind != 'position' AND c.parent_id IS NOT NULL
        UNION ALL
        SELECT r.source_id, r.target_id FROM relations r
            JOIN claims c ON c.id = r.source_id AND c.kind != 'position'
            WHERE r.source_type = 'claim' AND r.target_type = 'claim'
                AND r.status = 'accepted'
    ),
    reach(statement, claim) AS (
        SELECT r.source_id, r.target_id FROM relations r
            WHERE r.source_type = 'statement' AND r.target_type = 'claim'
                AND r.status = 'accepted' AND r.kind IN ('supports', 'attacks')
        UNION
        SELECT reach.statement, steps.next FROM reach JOIN steps ON steps.claim = reach.claim
    )
SELECT DISTINCT reach.statement AS statement, reach.claim AS position FROM reach
    JOIN claims p ON p.id = reach.claim AND p.kind = 'position'
"""


def position_condition(position: str) -> tuple[str, list]:
    """An SQL condition on statements (aliased ``s``) keeping those bearing on ``position``
    (a claim id), or on no position at all for ``""``, with its parameters."""
    if position == "":
        return f"s.id NOT IN (SELECT statement FROM ({POSITIONS_SQL}) pos)", []
    return f"s.id IN (SELECT statement FROM ({POSITIONS_SQL}) pos WHERE position = ?)", [position]


def positions_like(workspace, text: str) -> list:
    """The positions of the map ``text`` names: those whose id starts with it, else those
    whose text holds it, in any case: the one reading of ``--position`` and the UI's
    ``position:``."""
    positions = [c for c in workspace.claims() if c.kind == "position"]
    return [c for c in positions if c.id.startswith(text)] or [
        c for c in positions if text.casefold() in c.text.casefold()
    ]
