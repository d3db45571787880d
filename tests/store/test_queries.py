"""Reading the workspace: statement pages (filter, sort, count), a statement's paragraph, the
spans a row carries, fuzzy search."""

import pytest

from argmap.store import EditError, StatementFilter
from tests.helpers import kishida


def test_statement_pages_filter_sort_and_count(unsuggested_ws):
    total = unsuggested_ws.count_statements()
    pages = [unsuggested_ws.statements(offset=o, limit=5) for o in range(0, total, 5)]
    assert [r.id for page in pages for r in page] == [
        r.id for r in unsuggested_ws.statements(limit=1000)
    ]
    assert [r.start for page in pages for r in page] == sorted(
        r.start for page in pages for r in page
    )
    austin = unsuggested_ws.find_speakers("Lloyd Austin")[0]
    mine = unsuggested_ws.statements(StatementFilter(speaker=austin.id))
    assert mine and all(r.speaker == "Lloyd Austin" for r in mine)
    assert unsuggested_ws.count_statements(StatementFilter(speaker=austin.id)) == len(mine)
    found = unsuggested_ws.statements(StatementFilter(text="SHOULDER TO SHOULDER"))
    assert [r.speaker for r in found] == ["Kishida Fumio"]
    assert (
        unsuggested_ws.count_statements(StatementFilter(text="Kishida")) >= 1
    )  # the speaker mention matches too
    direct = unsuggested_ws.statements(
        StatementFilter(kind="direct"), sort="length", descending=True
    )
    assert all(r.kind == "direct" for r in direct)
    assert [len(r.text) for r in direct] == sorted((len(r.text) for r in direct), reverse=True)
    document = unsuggested_ws.document(mine[0].document)
    at = document.text.index("The Japanese side has always been concerned")
    nobody = unsuggested_ws.add_statement(
        document.id, at, at + 43
    )  # no speaker: last in speaker order
    by_name = unsuggested_ws.statements(sort="speaker", limit=1000)
    names = [r.speaker.casefold() for r in by_name if r.speaker]
    assert names == sorted(names) and by_name[-1].id == nobody.id and len(by_name) == total + 1
    paged = [
        r.id
        for o in range(0, total + 1, 4)
        for r in unsuggested_ws.statements(sort="speaker", offset=o, limit=4)
    ]
    assert paged == [r.id for r in by_name]
    unsuggested_ws.undo()
    before = unsuggested_ws.statement_counts("label", StatementFilter(speaker=austin.id))
    unsuggested_ws.set_stance(
        mine[0].id,
        "neutral" if mine[0].label == "pro-integration" else "pro-integration",
        annotator="alice",
    )
    human = unsuggested_ws.statements(StatementFilter(label_source="human"))
    assert [r.id for r in human] == [mine[0].id]
    assert unsuggested_ws.count_statements(StatementFilter(label=human[0].label)) >= 1
    assert (
        unsuggested_ws.statement_counts("review")["labelled"] == 1
        and sum(unsuggested_ws.statement_counts("review").values()) == total
    )
    after = {
        k or "": v
        for k, v in unsuggested_ws.statement_counts(
            "label", StatementFilter(speaker=austin.id)
        ).items()
    }
    assert sum(after.values()) == sum(before.values()) == len(mine)
    speaker_rows = {s.name: s for s in unsuggested_ws.speakers()}
    assert speaker_rows["Lloyd Austin"].stances == after and speaker_rows[
        "Lloyd Austin"
    ].statements == len(mine)
    with pytest.raises(EditError, match="unknown sort"):
        unsuggested_ws.statements(sort="nonsense")


def test_context_is_the_statements_paragraph(unsuggested_ws):
    row = kishida(unsuggested_ws)
    paragraph, offset = unsuggested_ws.context(row.id)
    assert paragraph.startswith("The move came just over three months after")
    assert paragraph[row.start - offset : row.end - offset] == row.text


def test_rows_carry_the_spans_a_document_view_highlights(unsuggested_ws):
    for row in unsuggested_ws.statements_in_document(unsuggested_ws.documents()[0].id):
        full = unsuggested_ws.statement(row.id)
        assert (row.speaker_start, row.speaker_end, row.cue_start, row.cue_end) == (
            full.speaker_start,
            full.speaker_end,
            full.cue_start,
            full.cue_end,
        )
        text = unsuggested_ws.document(row.document).text
        if row.cue_start is not None:
            assert text[row.cue_start : row.cue_end] == row.cue


def test_fuzzy_search_finds_misspelt_words_best_first(ws):
    found = ws.fuzzy_statements("shoulder to shouldre with the United Sates", limit=3)
    assert found[0][0].speaker == "Kishida Fumio" and found[0][1] >= 80
    assert [score for _, score in found] == sorted((score for _, score in found), reverse=True)
    austin = ws.find_speakers("Lloyd Austin")[0]
    only_austin = ws.fuzzy_statements(
        "strongest improvements", filter=StatementFilter(speaker=austin.id)
    )
    assert only_austin and all(row.speaker_id == austin.id for row, _ in only_austin)
    assert ws.fuzzy_statements("   ") == []
    # the cache follows edits: a statement added by hand is found at once
    query = "The Japanese side has always been concerned"
    assert all(score < 100 for _, score in ws.fuzzy_statements(query))
    document = ws.document(found[0][0].document)
    at = document.text.index(query)
    added = ws.add_statement(document.id, at, at + len(query), speaker_id=austin.id)
    (best, score), *_ = ws.fuzzy_statements(query)
    assert best.id == added.id and score >= 90
