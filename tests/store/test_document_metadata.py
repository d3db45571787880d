"""Documents' metadata in the workspace: stored on add, read again on a re-add, set by hand
(undoable, kept across re-adds and new versions), and the filters and facets over it."""

import json

import pytest

from argmap.io.reading import load_documents
from argmap.io.sidecar import MetadataTable
from argmap.store import EditError, StatementFilter
from tests.helpers import write_news


def _row(ws, name):
    return next(d for d in ws.documents() if d.name == name)


def test_adding_stores_each_documents_metadata_and_document_gives_it_back(news):
    row = _row(news, "times-kishida.md")
    assert (row.outlet, row.published, row.authors, row.title, row.url, row.language) == (
        "The Example Times",
        "2024-04-11T10:00:00-04:00",
        ("Ann Lee", "Bo Chen"),
        "Kishida tells Congress Japan stands with America",
        "https://example.com/kishida",
        "en",
    )
    assert news.document(row.id).metadata.authors == ("Ann Lee", "Bo Chen")
    seed = _row(news, "japan-us-integration.txt")
    assert seed.outlet is None and seed.authors == () and news.document(seed.id).metadata.is_empty()
    # a row only for the documents that have any
    assert news.conn.execute("SELECT count(*) FROM document_metadata").fetchone()[0] == 4


def test_filters_by_outlet_author_and_days_name_the_same_documents_as_a_direct_count(news):
    def ids(**terms):
        found = news.statements(StatementFilter(**news.metadata_filter(**terms)), limit=-1)
        return sorted(r.doc_name for r in found)

    everything = news.statements(limit=-1)

    def direct(keep):
        return sorted(r.doc_name for r in everything if keep(_row(news, r.doc_name)))

    # an outlet named by part of it, in any case; "=" for the whole name
    assert ids(outlet="example") == direct(lambda d: d.outlet == "The Example Times")
    assert ids(outlet="T") == direct(lambda d: d.outlet is not None)  # every outlet holds a t
    assert ids(outlet="=the post") == ["post-kishida.md"]
    assert ids(author="bo chen") == ["post-kishida.md", "times-kishida.md", "times-kishida.md"]
    # days in the outlet's zone: 23:30 in Tokyo on June 15 is June 15 (14:30 UTC)
    assert ids(since="2024-06-15") == ["post-kishida.md"]
    assert ids(until="2024-06-14") == direct(lambda d: d.published and d.published < "2024-06")
    assert ids(since="2024-04", until="2024-04") == [
        "nyt-tanaka.md",
        "times-kishida.md",
        "times-kishida.md",
    ]
    assert ids(since="2024-05-02", until="2024-05-02") == ["times-austin.md"]
    assert ids(outlet="example", since="2024-05") == ["times-austin.md"]
    # documents without a date are outside every range
    assert "japan-us-integration.txt" not in ids(since="1900")
    count = news.count_statements(StatementFilter(**news.metadata_filter(outlet="example")))
    assert count == 3


def test_filter_terms_that_name_nothing_or_no_day_are_refused_with_what_to_do(news):
    with pytest.raises(EditError, match=r"no outlet like 'zzz' \(`argmap documents --outlets`"):
        news.metadata_filter(outlet="zzz")
    with pytest.raises(EditError, match="no author like 'Nobody'"):
        news.metadata_filter(author="Nobody")
    with pytest.raises(EditError, match=r"since: '2024-13' is not a date \(expected YYYY"):
        news.metadata_filter(since="2024-13")
    with pytest.raises(EditError, match="since 2024-05 is after until 2024-04"):
        news.metadata_filter(since="2024-05", until="2024-04")


def test_outlet_facets_count_documents_and_statements(news):
    facets = news.outlets()
    assert [(o.outlet, o.documents, o.statements) for o in facets] == [
        ("The Example Times", 2, 3),
        ("nytimes.com", 1, 1),  # ties in name order, any case
        ("The Post", 1, 1),
    ]
    tanaka = news.find_speakers("Tanaka Hitoshi")[0].id
    within = news.outlets(StatementFilter(speaker=tanaka))
    assert [(o.outlet, o.documents, o.statements) for o in within] == [
        ("nytimes.com", 1, 1),
        ("The Example Times", 1, 1),  # one of its two documents quotes Tanaka
    ]


def test_speakers_within_a_filter_count_only_its_statements(news):
    rows = news.speakers(within=StatementFilter(**news.metadata_filter(outlet="example")))
    assert {r.name: r.statements for r in rows} == {
        "Kishida Fumio": 1,
        "Tanaka Hitoshi": 1,
        "Lloyd Austin": 1,
    }
    everyone = {r.name: r.statements for r in news.speakers()}
    assert everyone["Tanaka Hitoshi"] == 5  # three in the seed, one each in two outlets


def test_setting_metadata_by_hand_is_one_undoable_edit(news):
    row = _row(news, "nyt-tanaka.md")
    before = news.document_row(row.id)
    after = news.set_document_metadata(
        row.id, outlet="The New York Times", published="2024-04-30T08:00:00-04:00"
    )
    assert (after.outlet, after.published, after.set_by_hand) == (
        "The New York Times",
        "2024-04-30T08:00:00-04:00",
        ("outlet", "published"),
    )
    [edit] = news.edits(1)
    assert edit.action == "document-metadata" and "outlet 'The New York Times'" in edit.summary
    news.undo()
    assert news.document_row(row.id) == before
    news.redo()
    assert news.document_row(row.id).outlet == "The New York Times"
    # empty a field, and give a document its first metadata
    assert news.set_document_metadata(row.id, title="").title is None
    seed = _row(news, "japan-us-integration.txt")
    assert news.set_document_metadata(seed.id, authors="Ann Lee; Bo Chen").authors == (
        "Ann Lee",
        "Bo Chen",
    )
    with pytest.raises(EditError, match="published date '07/12/2026' is ambiguous"):
        news.set_document_metadata(row.id, published="07/12/2026")
    with pytest.raises(EditError, match="unknown metadata field 'colour'"):
        news.set_document_metadata(row.id, colour="red")


def test_adding_again_reads_metadata_again_but_keeps_what_people_set(news, tmp_path):
    row = _row(news, "times-austin.md")
    news.set_document_metadata(row.id, outlet="Example Times (print)")
    # the same files again, now with a metadata table giving every field
    table = tmp_path / "metadata.csv"
    table.write_text(
        "filename,outlet,date,author,title\n"
        "times-austin.md,Another Outlet,2024-05-03,Dee Fox,New title\n"
        "japan-us-integration.txt,Kyodo,2024-07-29,,Japan and US\n",
        encoding="utf-8",
    )
    metadata = MetadataTable.load([table])
    news_files = sorted((tmp_path / "news").glob("*.md"))
    from tests.helpers import SEED

    report = news.add_documents(load_documents([SEED, *news_files], metadata=metadata))
    assert len(report.unchanged) == 5 and not report.added
    assert sorted(report.metadata_updated) == ["japan-us-integration.txt", "times-austin.md"]
    again = news.document_row(row.id)
    assert (again.outlet, again.published, again.authors, again.title) == (
        "Example Times (print)",  # set by hand: kept
        "2024-05-03",
        ("Dee Fox",),
        "New title",
    )
    seed = _row(news, "japan-us-integration.txt")
    assert (seed.outlet, seed.published, seed.title) == ("Kyodo", "2024-07-29", "Japan and US")
    entries = [e for e in news.edits(5) if e.summary.endswith("read again")]
    assert len(entries) == 2 and {e.undoable for e in entries} == {False}  # logged as adds are
    # reading the same again changes nothing
    report = news.add_documents(load_documents([SEED, *news_files], metadata=metadata))
    assert report.metadata_updated == []


def test_the_same_text_from_another_file_only_fills_fields_nothing_filled(news, tmp_path):
    source = (tmp_path / "news" / "times-austin.md").read_text(encoding="utf-8")
    copy = tmp_path / "elsewhere" / "austin-copy.md"
    copy.parent.mkdir()
    copy.write_text(
        source.replace("publisher: The Example Times", "publisher: Wire copy").replace(
            "title: Austin praises the new command",
            "title: Austin praises the new command\nurl: https://wire.example/austin",
        ),
        encoding="utf-8",
    )
    report = news.add_documents(load_documents([copy]))
    assert report.unchanged == ["austin-copy.md"]
    row = _row(news, "times-austin.md")
    assert (row.outlet, row.url) == ("The Example Times", "https://wire.example/austin")


def test_a_new_version_keeps_the_fields_set_by_hand_and_those_it_no_longer_gives(news, tmp_path):
    path = tmp_path / "news" / "nyt-tanaka.md"
    row = _row(news, "nyt-tanaka.md")
    news.set_document_metadata(row.id, outlet="The New York Times")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("author: Cy Diaz\n", "").replace("Tanaka Hitoshi said.", "Tanaka said."),
        encoding="utf-8",
    )
    report = news.add_documents(load_documents([path]))
    assert report.replaced == ["nyt-tanaka.md"]
    new = _row(news, "nyt-tanaka.md")
    assert new.id != row.id
    assert (new.outlet, new.authors, new.published, new.set_by_hand) == (
        "The New York Times",
        ("Cy Diaz",),  # no longer in the file: kept
        "2024-04-30",
        ("outlet",),
    )
    assert news.conn.execute(
        "SELECT count(*) FROM document_metadata WHERE document = ?", (row.id,)
    ).fetchone() == (0,)


def test_removing_a_document_takes_its_metadata_and_undo_brings_it_back(news):
    row = _row(news, "post-kishida.md")
    news.remove_document(row.id)
    assert news.conn.execute("SELECT count(*) FROM document_metadata").fetchone()[0] == 3
    assert [o.outlet for o in news.outlets()] == ["The Example Times", "nytimes.com"]
    news.undo()
    assert _row(news, "post-kishida.md") == row


@pytest.mark.sqlite_only  # SQLite's query plans (PostgreSQL's planner scans tables this small)
def test_metadata_filters_use_the_indexes(news):
    where, params = StatementFilter(**news.metadata_filter(outlet="post", since="2024")).where()
    plan = " ".join(
        str(r)
        for r in news.conn.execute(
            f"EXPLAIN QUERY PLAN SELECT count(*) FROM statements s{where}", params
        )
    )
    assert "document_metadata_outlet" in plan or "document_metadata_published" in plan
    plan = " ".join(
        str(r)
        for r in news.conn.execute(
            "EXPLAIN QUERY PLAN SELECT substr(published, 1, 7), count(*) FROM document_metadata "
            "WHERE published >= '2024-04' GROUP BY 1"
        )
    )
    assert "document_metadata_published" in plan


def test_documents_with_a_filter_and_authors_in_json(news):
    rows = news.documents(StatementFilter(**news.metadata_filter(author="ann")))
    assert [r.name for r in rows] == ["times-kishida.md", "times-austin.md"]
    stored = news.conn.execute(
        "SELECT authors FROM document_metadata m JOIN documents d ON d.id = m.document "
        "WHERE d.name = 'times-kishida.md'"
    ).fetchone()[0]
    assert json.loads(stored) == ["Ann Lee", "Bo Chen"]


def test_write_news_gives_files_that_read_without_warnings(tmp_path):
    for document in load_documents(write_news(tmp_path)):
        assert document.read_warnings == () and not document.metadata.is_empty()


def test_each_statement_row_carries_its_documents_outlet_and_date(news):
    documents = {d.id: d for d in news.documents()}
    rows = news.statements(limit=-1)
    assert len({row.document for row in rows}) == len(documents)  # every document has some
    for row in rows:
        document = documents[row.document]
        assert (row.outlet, row.published) == (document.outlet, document.published)
    times = next(row for row in rows if row.doc_name == "times-kishida.md")
    assert times.appeared() == "2024-04-11 The Example Times"
    assert next(row for row in rows if row.outlet is None).appeared() is None  # the seed
    # the rows sorted by speaker (another query) carry them too
    assert {(r.id, r.outlet) for r in news.statements(sort="speaker", limit=-1)} == {
        (r.id, r.outlet) for r in rows
    }
