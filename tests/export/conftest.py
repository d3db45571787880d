"""Fixtures of the export tests: a map on the seed."""

import pytest

from tests.helpers import by_speaker


@pytest.fixture
def mapped(ws):
    """The seed workspace with labels, a dispute, an adjudication, positions, claims and
    relations."""
    kishida = by_speaker(ws, "Kishida Fumio")[0]
    tanaka = by_speaker(ws, "Tanaka Hitoshi")
    austin = by_speaker(ws, "Lloyd Austin")
    ws.set_stance(kishida.id, "pro-integration", annotator="alice", note="with you")
    ws.set_stance(tanaka[0].id, "sovereignty-concern", annotator="alice")
    ws.set_stance(tanaka[0].id, "neutral", annotator="bob")
    ws.adjudicate(austin[0].id, "pro-integration", annotator="carol")
    position = ws.add_claim(
        "Japan should integrate its forces with the US", kind="position", label="pro-integration"
    )
    against = ws.add_claim(
        "Integration makes Japan the front line", kind="position", label="sovereignty-concern"
    )
    claim = ws.add_claim("Integration strengthens deterrence", parent_id=position.id)
    ws.link(kishida.id, position.id, "supports")
    ws.link(tanaka[0].id, claim.id, "attacks")
    ws.link(claim.id, position.id, "supports")
    ws.link(against.id, position.id, "rebuts")
    ws.promote_statement(austin[-1].id, parent_id=position.id)
    ws.link(austin[0].id, austin[-1].id, "restates")
    return ws
