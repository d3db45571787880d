"""The argument map: claims, positions, promotion and links (each undone), and the rules they
keep."""

import pytest

from argmap.store import EditError
from tests.helpers import by_speaker, kishida
from tests.store.helpers import snapshot


def test_claims_positions_promotion_links_and_undo(unsuggested_ws):
    before = snapshot(unsuggested_ws)
    position = unsuggested_ws.add_claim(
        "Japan should integrate its command with the US", kind="position", label="pro-integration"
    )
    claim = unsuggested_ws.add_claim("Integration deters China", parent_id=position.id)
    statement = kishida(unsuggested_ws)
    promoted = unsuggested_ws.promote_statement(statement.id, parent_id=position.id)
    assert promoted.text == statement.text and promoted.statement_id == statement.id
    assert [(r.source_id, r.kind) for r in unsuggested_ws.relations(promoted.id)] == [
        (statement.id, "supports")
    ]
    critic = by_speaker(unsuggested_ws, "Tanaka Hitoshi")[0]
    attack = unsuggested_ws.link(critic.id, claim.id, "attacks")
    unsuggested_ws.link(claim.id, position.id, "supports")
    rebuttal = unsuggested_ws.link(promoted.id, claim.id, "rebuts")
    with pytest.raises(EditError, match="a statement cannot rebut a claim"):
        unsuggested_ws.link(critic.id, claim.id, "rebuts")
    with pytest.raises(EditError, match="cannot be its own ancestor"):
        unsuggested_ws.edit_claim(position.id, parent_id=claim.id)
    edited = unsuggested_ws.edit_claim(
        claim.id, text="Integration deters China and North Korea", label="pro-integration"
    )
    assert edited.text.endswith("North Korea") and edited.label == "pro-integration"
    assert [c.id for c in unsuggested_ws.claims(None)] == [position.id]
    assert {c.id for c in unsuggested_ws.claims(position.id)} == {claim.id, promoted.id}
    unsuggested_ws.delete_claim(position.id)  # its children move up to the issue, its relations go
    assert {c.parent_id for c in unsuggested_ws.claims()} == {None}
    assert {r.id for r in unsuggested_ws.relations()} == {
        attack.id,
        rebuttal.id,
        unsuggested_ws.relations(promoted.id)[0].id,
    }
    unsuggested_ws.undo()
    assert {c.id for c in unsuggested_ws.claims(position.id)} == {claim.id, promoted.id}
    unsuggested_ws.unlink(attack.id)
    assert unsuggested_ws.relations(critic.id) == []
    while unsuggested_ws.conn.execute(
        "SELECT count(*) FROM edits WHERE state = 'done' AND undoable = 1"
    ).fetchone()[0]:
        unsuggested_ws.undo()
    assert snapshot(unsuggested_ws) == before


def test_a_statement_is_promoted_once_and_cannot_support_and_attack_one_claim(ws):
    row = kishida(ws)
    claim = ws.promote_statement(row.id)
    with pytest.raises(EditError, match=f"already promoted: claim {claim.id}"):
        ws.promote_statement(row.id)
    with pytest.raises(EditError, match="cannot both support and attack"):
        ws.link(row.id, claim.id, "attacks")
    other = ws.add_claim("Integration provokes China")
    ws.link(row.id, other.id, "attacks")
    with pytest.raises(EditError, match="already attacks"):
        ws.link(row.id, other.id, "supports")
    assert len(ws.claims()) == 2


def test_a_position_cannot_sit_under_another_claim(ws):
    position = ws.add_claim("Japan should integrate", kind="position")
    claim = ws.add_claim("Integration deters China", parent_id=position.id)
    with pytest.raises(EditError, match=f"a position cannot sit under position {position.id}"):
        ws.edit_claim(claim.id, kind="position")
    with pytest.raises(EditError, match="a position cannot sit under position"):
        ws.add_claim("Japan should not", kind="position", parent_id=claim.id)
