"""A new version of a document (the same file, changed): annotations and hand edits whose text
still matches carry over, and what cannot is reported and kept in the edit log."""

import json

from argmap.codebook import load_codebook
from argmap.extraction.corpus import extract_corpus
from argmap.io.reading import load_documents, read_document
from argmap.store import Workspace
from tests.helpers import SEED, SEED_CODEBOOK, by_speaker


def test_a_changed_version_keeps_annotations_whose_text_still_matches(workspace_target, tmp_path):
    article = tmp_path / "article.txt"
    text = SEED.read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    ws = Workspace.init(workspace_target, codebook=load_codebook(SEED_CODEBOOK))
    ws.add_documents(load_documents([article]))
    kishida = by_speaker(ws, "Kishida Fumio")[0]
    austin = next(r for r in by_speaker(ws, "Lloyd Austin") if "significant" in r.text)
    ws.set_stance(kishida.id, "pro-integration", annotator="alice", note="kept")
    ws.set_stance(austin.id, "pro-integration", annotator="alice", note="dropped")
    # the new version rewords Austin's quotation and adds a paragraph at the top
    changed = "Updated on July 30.\n\n" + text.replace(
        austin.text, austin.text.replace("significant", "important")
    )
    article.write_text(changed, encoding="utf-8")
    report = ws.add_documents(load_documents([article]))
    assert (
        report.replaced == ["article.txt"]
        and report.kept_annotations == 1
        and report.new_speakers == 0
    )
    assert [(d["label"], d["note"], d["text"]) for d in report.dropped_annotations] == [
        ("pro-integration", "dropped", austin.text)
    ]
    assert len(ws.documents()) == 1
    assert ws.relations(kind="restates") == []  # a new version does not restate its old self
    new_kishida = next(r for r in by_speaker(ws, "Kishida Fumio") if r.text == kishida.text)
    assert new_kishida.id != kishida.id and new_kishida.start == kishida.start + len(
        "Updated on July 30.\n\n"
    )
    (annotation,) = ws.annotations(new_kishida.id)
    assert (annotation.label, annotation.annotator, annotation.note) == (
        "pro-integration",
        "alice",
        "kept",
    )
    assert new_kishida.review == "labelled"
    assert ws.count_statements() == len(next(iter(extract_corpus([read_document(article)])))[1])
    # nothing is silently lost: the dropped annotation is in the edit log
    details = json.loads(
        ws.conn.execute(
            "SELECT changes FROM edits WHERE action = 'add-document' ORDER BY id DESC"
        ).fetchone()[0]
    )
    assert details["dropped_annotations"][0]["note"] == "dropped"


def _by_text(workspace, document_id, words):
    (row,) = [r for r in workspace.statements_in_document(document_id) if words in r.text]
    return row


def test_a_new_version_keeps_hand_edits_and_reports_what_it_cannot_carry_over(
    workspace_target, tmp_path
):
    article = tmp_path / "article.txt"
    text = SEED.read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    ws = Workspace.init(workspace_target, codebook=load_codebook(SEED_CODEBOOK))
    ws.add_documents(load_documents([article]))
    first = read_document(article).id
    kishida = ws.find_speakers("Kishida Fumio")[0].id
    deleted = _by_text(ws, first, "signed a contract")
    given = _by_text(ws, first, "most significant change")
    kinded = _by_text(ws, first, "tyranny of distance")
    narrowed = _by_text(ws, first, "San Francisco Peace Treaty")
    gone = _by_text(ws, first, "front line")
    ws.delete_statement(deleted.id)
    ws.reattribute(given.id, kishida)
    ws.adjust_statement(kinded.id, kind="direct")
    ws.adjust_statement(narrowed.id, start=narrowed.start + 6)
    claim = ws.add_claim("Integration is a risk")
    ws.link(gone.id, claim.id, "supports")
    ws.link(narrowed.id, claim.id, "supports")
    promoted = ws.promote_statement(gone.id)
    line = next(p for p in text.split("\n") if gone.text in p)
    article.write_text(text.replace(line, "").replace("Tokyo", "Tokyo, Japan", 1), encoding="utf-8")

    report = ws.add_documents(load_documents([article]))
    second = read_document(article).id
    rows = ws.statements_in_document(second)
    assert (
        report.replaced == ["article.txt"] and len(rows) == 14 == report.statements
    )  # 16 - deleted - gone
    assert not [r for r in rows if r.text == deleted.text]  # deleted stays deleted
    assert _by_text(ws, second, "most significant change").speaker_id == kishida
    assert _by_text(ws, second, "tyranny of distance").kind == "direct"
    assert _by_text(ws, second, "San Francisco Peace Treaty").text == narrowed.text[6:]
    assert report.kept_edits == 4
    kept = [(r.source_id, r.kind, r.target_id) for r in ws.relations(claim.id)]
    assert kept == [(_by_text(ws, second, "San Francisco Peace Treaty").id, "supports", claim.id)]
    lost = {entry.get("relation") or entry.get("claim"): entry for entry in report.dropped_edits}
    assert set(lost) >= {promoted.id} and any(
        e.get("source") == gone.id and e.get("target") == claim.id for e in report.dropped_edits
    )
    assert ws.claim(promoted.id).statement_id is None  # the claim stays, its statement is gone
    details = json.loads(
        ws.conn.execute(
            "SELECT changes FROM edits WHERE action = 'add-document' ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
    )
    assert details["dropped_edits"] == report.dropped_edits and len(details["hand_edited"]) == 4

    article.write_text(
        text.replace(line, ""), encoding="utf-8"
    )  # a third version: the edits still hold
    report = ws.add_documents(load_documents([article]))
    third = read_document(article).id
    assert report.kept_edits == 4 and report.dropped_edits == []
    assert len(ws.statements_in_document(third)) == 14
    assert _by_text(ws, third, "most significant change").speaker_id == kishida
    assert _by_text(ws, third, "tyranny of distance").kind == "direct"
