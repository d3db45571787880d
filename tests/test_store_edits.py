"""Edits through the store API on the seed: each is in the store, the edit log has it, undo restores it."""

from datetime import UTC, datetime, timedelta

import pytest
from tests.store_helpers import by_speaker, seed_workspace

from argmap.store import EditError, StatementFilter


@pytest.fixture
def ws(tmp_path, monkeypatch):
    # These tests follow people's edits alone: no model suggestions, even when argmap.stance
    # is installed (its suggestions would give unlabelled statements a label).
    monkeypatch.setattr("argmap.store.documents.stance_suggestions", lambda *args, **kwargs: None)
    with seed_workspace(tmp_path) as workspace:
        yield workspace


def snapshot(ws, *, statement_order: bool = True) -> dict:
    """Every table except the edit log, as sorted rows; without statements' ``seq`` (the
    order of ties, which a row put back by undo takes anew) when ``statement_order`` is False."""
    tables = (
        "documents",
        "speakers",
        "statements",
        "suggestions",
        "annotations",
        "claims",
        "relations",
        "meta",
    )
    out = {t: sorted(map(repr, ws.conn.execute(f"SELECT * FROM {t}").fetchall())) for t in tables}
    if not statement_order:
        columns = [c[1] for c in ws.conn.execute("PRAGMA table_info(statements)") if c[1] != "seq"]
        listed = ", ".join(f'"{column}"' for column in columns)
        out["statements"] = sorted(
            map(repr, ws.conn.execute(f"SELECT {listed} FROM statements").fetchall())
        )
    return out


def kishida(ws):
    return by_speaker(ws, "Kishida Fumio")[0]


def test_set_stance_is_stored_with_provenance_and_undone(ws):
    before = snapshot(ws)
    row = kishida(ws)
    ws.set_stance(row.id, "pro-integration", annotator="alice", note="shoulder to shoulder")
    (annotation,) = ws.annotations(row.id)
    assert (annotation.label, annotation.annotator, annotation.note) == (
        "pro-integration",
        "alice",
        "shoulder to shoulder",
    )
    assert annotation.time.tzinfo is not None
    after = ws.statement_row(row.id)
    assert (after.label, after.label_source, after.review) == (
        "pro-integration",
        "human",
        "labelled",
    )
    (edit,) = ws.edits(1)
    assert (edit.actor, edit.action) == ("alice", "set-stance")
    ws.undo()
    assert snapshot(ws) == before
    ws.redo()
    assert ws.statement_row(row.id).label == "pro-integration"
    with pytest.raises(EditError, match="nothing to redo"):
        ws.redo()


def test_disagreement_is_disputed_until_adjudicated(ws):
    row = kishida(ws)
    ws.set_stance(row.id, "pro-integration", annotator="alice")
    ws.set_stance(row.id, "neutral", annotator="bob")
    assert ws.statement_row(row.id).review == "disputed"
    assert ws.count_statements(StatementFilter(review="disputed")) == 1
    ws.adjudicate(row.id, "pro-integration", annotator="carol", note="he says 'we are with you'")
    final = ws.statement_row(row.id)
    assert (final.label, final.label_source, final.review) == (
        "pro-integration",
        "adjudicated",
        "adjudicated",
    )
    ws.undo()
    assert ws.statement_row(row.id).review == "disputed"


def test_an_older_answer_never_overwrites_a_newer_annotation(ws):
    row = kishida(ws)
    now = datetime.now(UTC)
    ws.set_stance(row.id, "neutral", annotator="alice", time=now)
    kept = ws.set_stance(
        row.id, "pro-integration", annotator="alice", time=now - timedelta(hours=1)
    )
    assert kept.label == "neutral"
    assert [a.label for a in ws.annotations(row.id)] == ["neutral"]
    ws.set_stance(row.id, "pro-integration", annotator="alice", time=now + timedelta(seconds=1))
    assert [a.label for a in ws.annotations(row.id)] == ["pro-integration"]


def test_labels_outside_the_codebook_and_unknown_ids_are_refused(ws):
    before = snapshot(ws)
    with pytest.raises(EditError, match="unknown label 'pro'"):
        ws.set_stance(kishida(ws).id, "pro")
    with pytest.raises(EditError, match="no statement"):
        ws.set_stance("nope", "neutral")
    assert snapshot(ws) == before and [e.action for e in ws.edits()] == ["add-document"]


def test_reattribute_adjust_add_delete_and_undo_each(ws):
    before = snapshot(ws)
    row = kishida(ws)
    austin = ws.find_speakers("Lloyd Austin")[0]
    ws.reattribute(row.id, austin.id)
    assert ws.statement_row(row.id).speaker == "Lloyd Austin"
    adjusted = ws.adjust_statement(row.id, start=row.start, end=row.start + 30, kind="mixed")
    assert adjusted.text == row.text[:30] and adjusted.kind == "mixed"
    with pytest.raises(EditError, match="outside the document"):
        ws.adjust_statement(row.id, end=10**9)
    other = next(r for r in ws.statements_in_document(row.document) if r.id != row.id)
    with pytest.raises(
        EditError, match=f"already covers {other.start}-{other.end}"
    ):  # two statements, one span
        ws.adjust_statement(row.id, start=other.start, end=other.end)
    with pytest.raises(EditError, match="already covers"):
        ws.add_statement(row.document, other.start, other.end)
    document = ws.document(row.document)
    at = document.text.index("The Japanese side has always been concerned")
    added = ws.add_statement(row.document, at, at + 43, speaker_id=austin.id, kind="indirect")
    assert added.text == "The Japanese side has always been concerned" and added.origin == "manual"
    assert added.id in [r.id for r in ws.statements_in_document(row.document)]
    ws.set_stance(added.id, "neutral", annotator="alice")
    ws.delete_statement(added.id)
    with pytest.raises(EditError):
        ws.statement_row(added.id)
    ws.undo()  # the statement and its annotation come back
    assert ws.statement_row(added.id).label == "neutral"
    for _ in range(4):  # set-stance, add, adjust, reattribute
        ws.undo()
    assert snapshot(ws) == before


def test_speaker_merge_split_rename_alias_and_undo(ws):
    before = snapshot(ws)
    austin = ws.find_speakers("Lloyd Austin")[0]
    blinken = ws.find_speakers("Antony Blinken")
    statements = [r.id for r in by_speaker(ws, "Lloyd Austin")]
    renamed = ws.rename_speaker(austin.id, "Austin, Lloyd J.")
    assert renamed.name == "Austin, Lloyd J." and "Lloyd Austin" in renamed.aliases
    assert ws.add_alias(austin.id, "SecDef Austin").aliases[-1] == "SecDef Austin"
    tanaka = ws.find_speakers("Tanaka Hitoshi")[0]
    merged = ws.merge_speakers(austin.id, [tanaka.id])
    assert "Tanaka Hitoshi" in merged.aliases
    with pytest.raises(EditError, match="no speaker"):
        ws.speaker(tanaka.id)
    counts = {row.id: row.statements for row in ws.speakers()}
    assert counts[austin.id] == len(statements) + 3
    split = ws.split_speaker(austin.id, statements[:1], "Lloyd Austin (split)")
    assert [r.id for r in ws.statements(StatementFilter(speaker=split.id))] == statements[:1]
    with pytest.raises(EditError, match="not attributed"):
        ws.split_speaker(austin.id, statements[:1], "again")
    for _ in range(4):
        ws.undo()
    assert snapshot(ws) == before
    assert blinken == ws.find_speakers("Antony Blinken")


def test_claims_positions_promotion_links_and_undo(ws):
    before = snapshot(ws)
    position = ws.add_claim(
        "Japan should integrate its command with the US", kind="position", label="pro-integration"
    )
    claim = ws.add_claim("Integration deters China", parent_id=position.id)
    statement = kishida(ws)
    promoted = ws.promote_statement(statement.id, parent_id=position.id)
    assert promoted.text == statement.text and promoted.statement_id == statement.id
    assert [(r.source_id, r.kind) for r in ws.relations(promoted.id)] == [
        (statement.id, "supports")
    ]
    critic = by_speaker(ws, "Tanaka Hitoshi")[0]
    attack = ws.link(critic.id, claim.id, "attacks")
    ws.link(claim.id, position.id, "supports")
    rebuttal = ws.link(promoted.id, claim.id, "rebuts")
    with pytest.raises(EditError, match="a statement cannot rebut a claim"):
        ws.link(critic.id, claim.id, "rebuts")
    with pytest.raises(EditError, match="cannot be its own ancestor"):
        ws.edit_claim(position.id, parent_id=claim.id)
    edited = ws.edit_claim(
        claim.id, text="Integration deters China and North Korea", label="pro-integration"
    )
    assert edited.text.endswith("North Korea") and edited.label == "pro-integration"
    assert [c.id for c in ws.claims(None)] == [position.id]
    assert {c.id for c in ws.claims(position.id)} == {claim.id, promoted.id}
    ws.delete_claim(position.id)  # its children move up to the issue, its relations go
    assert {c.parent_id for c in ws.claims()} == {None}
    assert {r.id for r in ws.relations()} == {
        attack.id,
        rebuttal.id,
        ws.relations(promoted.id)[0].id,
    }
    ws.undo()
    assert {c.id for c in ws.claims(position.id)} == {claim.id, promoted.id}
    ws.unlink(attack.id)
    assert ws.relations(critic.id) == []
    while ws.conn.execute(
        "SELECT count(*) FROM edits WHERE state = 'done' AND undoable = 1"
    ).fetchone()[0]:
        ws.undo()
    assert snapshot(ws) == before


def test_an_edit_group_is_one_undo_step(ws):
    rows = ws.statements(limit=3)
    with ws.edit_group("batch", "three labels", actor="alice"):
        for row in rows:
            ws.set_stance(row.id, "neutral", annotator="alice")
    assert len(ws.edits()) == 2  # the add, and this group
    assert {ws.statement_row(r.id).label_source for r in rows} == {"human"}
    ws.undo()
    assert [ws.statement_row(r.id) for r in rows] == rows


def test_undo_refuses_when_the_rows_changed_since(ws):
    row = kishida(ws)
    ws.set_stance(row.id, "neutral", annotator="alice")
    ws.conn.execute("UPDATE annotations SET note = 'changed elsewhere'")
    with pytest.raises(EditError, match="has changed since"):
        ws.undo()
    assert ws.annotations(row.id)[0].note == "changed elsewhere"


def test_statement_pages_filter_sort_and_count(ws):
    total = ws.count_statements()
    pages = [ws.statements(offset=o, limit=5) for o in range(0, total, 5)]
    assert [r.id for page in pages for r in page] == [r.id for r in ws.statements(limit=1000)]
    assert [r.start for page in pages for r in page] == sorted(
        r.start for page in pages for r in page
    )
    austin = ws.find_speakers("Lloyd Austin")[0]
    mine = ws.statements(StatementFilter(speaker=austin.id))
    assert mine and all(r.speaker == "Lloyd Austin" for r in mine)
    assert ws.count_statements(StatementFilter(speaker=austin.id)) == len(mine)
    found = ws.statements(StatementFilter(text="SHOULDER TO SHOULDER"))
    assert [r.speaker for r in found] == ["Kishida Fumio"]
    assert (
        ws.count_statements(StatementFilter(text="Kishida")) >= 1
    )  # the speaker mention matches too
    direct = ws.statements(StatementFilter(kind="direct"), sort="length", descending=True)
    assert all(r.kind == "direct" for r in direct)
    assert [len(r.text) for r in direct] == sorted((len(r.text) for r in direct), reverse=True)
    document = ws.document(mine[0].document)
    at = document.text.index("The Japanese side has always been concerned")
    nobody = ws.add_statement(document.id, at, at + 43)  # no speaker: last in speaker order
    by_name = ws.statements(sort="speaker", limit=1000)
    names = [r.speaker.casefold() for r in by_name if r.speaker]
    assert names == sorted(names) and by_name[-1].id == nobody.id and len(by_name) == total + 1
    paged = [
        r.id
        for o in range(0, total + 1, 4)
        for r in ws.statements(sort="speaker", offset=o, limit=4)
    ]
    assert paged == [r.id for r in by_name]
    ws.undo()
    before = ws.statement_counts("label", StatementFilter(speaker=austin.id))
    ws.set_stance(
        mine[0].id,
        "neutral" if mine[0].label == "pro-integration" else "pro-integration",
        annotator="alice",
    )
    human = ws.statements(StatementFilter(label_source="human"))
    assert [r.id for r in human] == [mine[0].id]
    assert ws.count_statements(StatementFilter(label=human[0].label)) >= 1
    assert (
        ws.statement_counts("review")["labelled"] == 1
        and sum(ws.statement_counts("review").values()) == total
    )
    after = {
        k or "": v
        for k, v in ws.statement_counts("label", StatementFilter(speaker=austin.id)).items()
    }
    assert sum(after.values()) == sum(before.values()) == len(mine)
    speaker_rows = {s.name: s for s in ws.speakers()}
    assert speaker_rows["Lloyd Austin"].stances == after and speaker_rows[
        "Lloyd Austin"
    ].statements == len(mine)
    with pytest.raises(EditError, match="unknown sort"):
        ws.statements(sort="nonsense")


def test_context_is_the_statements_paragraph(ws):
    row = kishida(ws)
    paragraph, offset = ws.context(row.id)
    assert paragraph.startswith("The move came just over three months after")
    assert paragraph[row.start - offset : row.end - offset] == row.text


def test_rows_carry_the_spans_a_document_view_highlights(ws):
    for row in ws.statements_in_document(ws.documents()[0].id):
        full = ws.statement(row.id)
        assert (row.speaker_start, row.speaker_end, row.cue_start, row.cue_end) == (
            full.speaker_start,
            full.speaker_end,
            full.cue_start,
            full.cue_end,
        )
        text = ws.document(row.document).text
        if row.cue_start is not None:
            assert text[row.cue_start : row.cue_end] == row.cue


def test_removing_a_document_takes_its_statements_and_their_links_and_undo_restores_all(ws):
    from argmap.models import Document

    other = Document(
        id="other-doc",
        name="other.txt",
        text='"Integration will make Japan safer," Sasae Kenichiro said on Monday.',
    )
    ws.add_documents([other])
    kept = ws.statements_in_document("other-doc")
    assert kept
    seed = ws.documents()[0]
    statement = kishida(ws)
    ws.set_stance(statement.id, "pro-integration", annotator="ann")
    claim = ws.add_claim("Integration deters China")
    ws.link(statement.id, claim.id, "supports")
    ws.link(kept[0].id, claim.id, "supports")
    before = snapshot(ws, statement_order=False)
    removed = ws.remove_document(seed.id)
    assert removed == seed.statements
    assert [d.id for d in ws.documents()] == ["other-doc"]
    assert ws.count_statements() == len(kept)
    assert ws.annotations(statement.id) == [] and ws.relations(statement.id) == []
    assert [r.source_id for r in ws.relations(claim.id)] == [
        kept[0].id
    ]  # the other document's link stays
    assert ws.claim(claim.id).text == "Integration deters China"  # claims stay
    assert ws.status().documents == 1 and ws.status().statements == len(kept)
    ws.undo()
    assert snapshot(ws, statement_order=False) == before
    assert [r.id for r in ws.statements()][: seed.statements] == [
        r.id for r in ws.statements_in_document(seed.id)
    ]
    ws.redo()
    assert ws.count_statements() == len(kept)
    with pytest.raises(EditError, match="no document"):
        ws.remove_document(seed.id)
