"""Documents' metadata from the command line: add and extract with metadata tables and corpus
files, ``argmap documents`` and ``document set``, and the ``--outlet``, ``--author``,
``--since``, ``--until`` filters of statements, speakers, export and assign, which select what
the UI's filter line selects."""

import csv
import io
import json
import shutil

import pytest

from argmap.store import Workspace
from argmap.tui.views.statements import parse_query
from tests.helpers import POLNEAR, SEED, SEED_CODEBOOK, run_cli, write_news


@pytest.fixture
def news_dir(tmp_path, capsys, monkeypatch):
    """A workspace (the current directory) with the seed and the four NEWS articles added."""
    folder = tmp_path / "debate"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    write_news(folder / "news")
    shutil.copy(SEED_CODEBOOK, folder / "japan.codebook.toml")
    monkeypatch.chdir(folder)
    monkeypatch.setenv("ARGMAP_USER", "alice")
    assert run_cli(capsys, "init")[0] == 0
    status, out, err = run_cli(capsys, "add", ".", "--progress", "none")
    assert status == 0 and out.startswith("5 added"), err
    return folder


def test_documents_lists_each_with_its_outlet_date_authors_and_title(news_dir, capsys):
    status, out, _ = run_cli(capsys, "documents")
    lines = out.splitlines()
    assert status == 0 and len(lines) == 5
    assert lines[0].split("  ")[1:3] == ["japan-us-integration.txt", "16 statements"]
    assert lines[0].split("  ")[3].startswith("added ")  # nothing known of it
    times = next(line for line in lines if "times-kishida.md" in line)
    assert times.split("  ")[1:7] == [
        "times-kishida.md",
        "2 statements",
        "The Example Times",
        "2024-04-11T10:00:00-04:00",
        "by Ann Lee, Bo Chen",
        "“Kishida tells Congress Japan stands with America”",
    ]
    status, out, _ = run_cli(capsys, "documents", "--outlets")
    assert out.splitlines() == [
        "      3 statements      2 documents  The Example Times",
        "      1 statement       1 document   nytimes.com",  # one is singular
        "      1 statement       1 document   The Post",
    ]
    status, out, _ = run_cli(capsys, "documents", "--outlets", "--format", "json")
    assert status == 0 and json.loads(out) == [  # it was a TypeError traceback
        {"outlet": "The Example Times", "documents": 2, "statements": 3},
        {"outlet": "nytimes.com", "documents": 1, "statements": 1},
        {"outlet": "The Post", "documents": 1, "statements": 1},
    ]
    status, out, _ = run_cli(capsys, "documents", "--authors", "--format", "json")
    assert status == 0 and json.loads(out) == {"Ann Lee": 2, "Bo Chen": 2, "Cy Diaz": 1}
    status, out, _ = run_cli(capsys, "documents", "--authors", "--since", "2024-05")
    assert out.splitlines() == ["     1 document   Ann Lee", "     1 document   Bo Chen"]
    status, out, _ = run_cli(capsys, "documents", "--outlet", "example", "--format", "json")
    rows = json.loads(out)
    assert [r["name"] for r in rows] == ["times-austin.md", "times-kishida.md"]  # added so
    assert rows[1]["authors"] == ["Ann Lee", "Bo Chen"] and rows[1]["set_by_hand"] == []


def test_document_set_overrides_a_field_and_undo_takes_it_back(news_dir, capsys):
    status, out, _ = run_cli(
        capsys,
        "document",
        "set",
        "nyt-tanaka",
        "--outlet",
        "The New York Times",
        "--published",
        "2024-04-30T07:15:00-04:00",
        "--authors",
        "Cy Diaz; Dee Fox",
    )
    assert status == 0
    assert "  The New York Times  2024-04-30T07:15:00-04:00  by Cy Diaz, Dee Fox  " in out
    status, _, err = run_cli(capsys, "document", "set", "nyt-tanaka", "--published", "07/12/2026")
    assert status == 1 and "published date '07/12/2026' is ambiguous" in err
    status, out, _ = run_cli(capsys, "undo")
    assert out.startswith("undone: document-metadata nyt-tanaka.md: outlet 'The New York Times'")
    assert "nytimes.com" in run_cli(capsys, "documents", "--outlet", "nyt")[1]
    status, _, err = run_cli(capsys, "document", "remove", "nyt-tanaka", "--outlet", "x")
    assert status == 2 and "document remove takes no metadata options" in err
    # a part of several names names them all, not none
    status, _, err = run_cli(capsys, "document", "set", "kishida", "--outlet", "x")
    assert status == 1 and err.startswith("argmap: error: several documents match 'kishida': ")
    assert "(post-kishida.md)" in err and "(times-kishida.md)" in err
    status, _, err = run_cli(capsys, "document", "set", "reuters", "--outlet", "x")
    assert (status, err) == (1, "argmap: error: no documents match 'reuters'\n")


QUERIES = [
    ({"outlet": "example"}, "outlet:example"),
    ({"outlet": "=the post"}, "outlet:=the_post"),
    ({"author": "bo"}, "author:bo"),
    ({"since": "2024-04", "until": "2024-04"}, "since:2024-04 until:2024-04"),
    ({"outlet": "t", "since": "2024-05-01"}, "outlet:T since:2024-05-01"),
    ({"until": "2024"}, "until:2024"),
]


@pytest.mark.parametrize(("options", "query"), QUERIES)
def test_the_cli_filters_give_the_statements_the_ui_filter_line_gives(
    news_dir, capsys, options, query
):
    argv = [x for key, value in options.items() for x in (f"--{key}", value)]
    status, out, err = run_cli(capsys, "statements", *argv, "--limit", "0")
    assert status == 0, err
    from_cli = [line.split()[0] for line in out.splitlines()]
    with Workspace(news_dir / "argmap.sqlite") as workspace:
        filter, words, problem = parse_query(workspace, query)
        assert words == "" and problem is None
        from_ui = [r.id for r in workspace.statements(filter, limit=-1)]
    assert from_cli == from_ui and from_cli
    n = len(from_cli)
    assert err == (f"({n} statements match)\n" if n > 1 else "(1 statement matches)\n")


def test_a_filter_naming_nothing_is_the_same_refusal_in_the_cli_and_the_ui(news_dir, capsys):
    status, _, err = run_cli(capsys, "statements", "--outlet", "reuters")
    assert status == 1
    with Workspace(news_dir / "argmap.sqlite") as workspace:
        filter, _, problem = parse_query(workspace, "outlet:reuters")
        assert workspace.count_statements(filter) == 0
    assert err == f"argmap: error: {problem}\n"


def test_speakers_export_and_assign_take_the_filters(news_dir, capsys, tmp_path):
    status, out, _ = run_cli(capsys, "speakers", "--outlet", "example")
    assert [line.split("  ")[1].split(" [")[0] for line in out.splitlines()] == [
        "Kishida Fumio",
        "Lloyd Austin",
        "Tanaka Hitoshi",
    ]
    assert all("[person] 1 statement: " in line for line in out.splitlines())
    status, out, _ = run_cli(capsys, "export", "-f", "csv", "--since", "2024-06")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["doc_name"], r["outlet"]) for r in rows] == [("post-kishida.md", "The Post")]
    status, out, _ = run_cli(
        capsys,
        "assign",
        "--reviewers",
        "ann,bo",
        "--overlap",
        "1",
        "--author",
        "ann lee",
        "-o",
        tmp_path / "packets",
    )
    assert status == 0, out
    items = [
        item["statement_id"]
        for path in (tmp_path / "packets").glob("*.json")
        for item in json.loads(path.read_text(encoding="utf-8"))["items"]
    ]
    with Workspace(news_dir / "argmap.sqlite") as workspace:
        documents = {workspace.statement_row(i).doc_name for i in items}
    assert len(items) == 3 and documents == {"times-kishida.md", "times-austin.md"}


def test_add_reads_a_metadata_table_given_or_found_in_the_folder(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "metadata.tsv").write_text(
        "filename\tpublisher\tpublication_date\tauthor\ttitle\n"
        "seed\tThe Japan Times\t2024-07-29\tNone\tJapan, US agree\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    run_cli(capsys, "init", "ws", "--codebook", SEED_CODEBOOK)
    status, out, err = run_cli(capsys, "add", folder, "-w", "ws", "--progress", "none")
    assert status == 0
    assert f"metadata from {folder / 'metadata.tsv'} (found in the folder)" in err
    assert "metadata table: 1 of 1 document named in" in err
    out = run_cli(capsys, "documents", "-w", "ws")[1]
    assert "  The Japan Times  2024-07-29  “Japan, US agree”  added " in out
    # a table given by hand, its columns named; the unchanged document's metadata read again
    table = tmp_path / "other.csv"
    table.write_text("doc,site\nseed.txt,Kyodo\n", encoding="utf-8")
    status, out, err = run_cli(
        capsys,
        "add",
        folder,
        "-w",
        "ws",
        "--metadata",
        table,
        "--columns",
        "file=doc,outlet=site",
        "--progress",
        "none",
    )
    assert status == 0 and "the metadata of 1 unchanged document read again" in out
    assert "found in the folder" not in err
    assert "  Kyodo  2024-07-29  " in run_cli(capsys, "documents", "-w", "ws")[1]
    status, _, err = run_cli(capsys, "add", folder, "-w", "ws", "--columns", "colour=red")
    assert status == 2 and "unknown field 'colour'" in err
    # a table naming none of the files read is a warning, not a count of 0
    wrong = tmp_path / "wrong.tsv"
    wrong.write_text("filename\tpublisher\nelsewhere\tReuters\n", encoding="utf-8")
    status, _, err = run_cli(
        capsys, "add", folder, "-w", "ws", "--metadata", wrong, "--progress", "none"
    )
    assert status == 0 and f"argmap: warning: {wrong}: names none of the 1 document read" in err
    assert "metadata table:" not in err


def test_extract_reads_a_corpus_file_with_a_column_mapping(tmp_path, capsys):
    corpus = tmp_path / "crawl.jsonl"
    rows = [
        {
            "body": '"We are with you," Kishida said.',
            "site": "example.com",
            "date_publish": "2024-04-11 10:00:00",
            "authors": ["Ann Lee"],
            "url": "https://e.x/1",
        },
        {"body": None, "site": "example.com", "date_publish": None, "authors": [], "url": None},
        {
            "body": '"No," Tanaka said.',
            "site": "x.jp",
            "date_publish": "07/12/2024",
            "authors": [],
            "url": "https://x.jp/2",
        },
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    status, out, err = run_cli(capsys, "extract", corpus, "--columns", "text=body,outlet=site")
    assert status == 0  # rows without text and dates that cannot be read are warnings
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["doc"], r["speaker"]) for r in records] == [
        ("crawl.jsonl#1", "Kishida"),
        ("crawl.jsonl#3", "Tanaka"),
    ]
    assert records[0]["metadata"] == {
        "title": None,
        "outlet": "example.com",
        "authors": ["Ann Lee"],
        "published": "2024-04-11T10:00:00",
        "url": "https://e.x/1",
        "language": None,
    }
    assert err.splitlines() == [
        f"argmap: warning: {corpus}: row 2 has no text (column 'body'); skipped",
        f"argmap: warning: {corpus.resolve()}: row 3: published date '07/12/2024' is "
        "ambiguous: day/month or month/day (2024-12-07 or 2024-07-12?); write it as ISO 8601; "
        "left empty",  # the file and its row, as the warning before it, not the row's key
    ]


def test_add_stores_corpus_rows_and_a_changed_row_replaces_its_old_version(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    run_cli(capsys, "init", "--codebook", SEED_CODEBOOK)
    corpus = tmp_path / "crawl.csv"
    corpus.write_text(
        "text,source_domain,date_publish,url\n"
        '"""We are with you,"" Kishida said.",example.com,2024-04-11,https://e.x/1\n'
        '"""No,"" Tanaka said.",x.jp,2024-04-12,https://x.jp/2\n',
        encoding="utf-8",
    )
    status, out, _ = run_cli(capsys, "add", corpus, "--progress", "none")
    assert status == 0 and out.startswith("2 added")
    # the crawl again, its rows in another order, one article corrected: replaced, not added
    corpus.write_text(
        "text,source_domain,date_publish,url\n"
        '"""No, never,"" Tanaka said.",x.jp,2024-04-12,https://x.jp/2\n'
        '"""We are with you,"" Kishida said.",example.com,2024-04-11,https://e.x/1\n',
        encoding="utf-8",
    )
    status, out, err = run_cli(capsys, "add", corpus, "--progress", "lines")
    assert out.startswith("0 added, 1 replaced, 1 unchanged")
    # each row's line: the replaced one with its statements, the unchanged one without a
    # count (it said '0 statements' of an article that has one)
    assert err.splitlines() == [
        "replaced crawl.csv#1: 1 statement",
        "unchanged crawl.csv#2: its text is in the workspace already",
    ]
    out = run_cli(capsys, "documents", "--outlets")[1]
    assert out.splitlines() == [
        "      1 statement       1 document   example.com",
        "      1 statement       1 document   x.jp",
    ]


def test_polnear_dev_with_its_metadata_table(tmp_path, capsys, monkeypatch):
    table, folder = POLNEAR / "metadata.tsv", POLNEAR / "dev" / "text"
    if not (table.is_file() and folder.is_dir()):
        pytest.skip(f"PolNeAR dev or its metadata table is absent ({POLNEAR})")
    monkeypatch.chdir(tmp_path)
    run_cli(capsys, "init")
    status, _, err = run_cli(capsys, "add", folder, "--metadata", table, "--progress", "none")
    assert status == 0 and "metadata table: 84 of 84 documents named in" in err
    out = run_cli(capsys, "documents", "--outlets")[1]
    assert [line.split()[-1] for line in out.splitlines()] == [
        "nyt",
        "wash-post",
        "breitbart",
        "politico",
        "west-journal",
        "huff-post",
        "usa-today",
    ]  # most statements first
    assert all(" 12 documents" in line for line in out.splitlines())


def test_show_says_where_and_when_a_statement_appeared(news_dir, capsys):
    _, out, _ = run_cli(capsys, "statements", "--outlet", "The Example Times")
    statement = out.split()[0]
    lines = run_cli(capsys, "show", statement)[1].splitlines()
    assert lines[1].startswith("document  times-austin.md (")  # the outlet's first
    assert lines[2] == "appeared  The Example Times, 2024-05-02"
    _, out, _ = run_cli(capsys, "statements", "--outlet", "none")  # the seed: no metadata
    lines = run_cli(capsys, "show", out.split()[0])[1].splitlines()
    assert lines[2].startswith("speaker   ")


def test_document_set_takes_a_language_code_and_refuses_a_name(news_dir, capsys):
    status, out, _ = run_cli(capsys, "document", "set", "nyt-tanaka", "--language", "pt_br")
    assert status == 0
    status, out, _ = run_cli(capsys, "documents", "--format", "json")
    (row,) = [r for r in json.loads(out) if r["name"] == "nyt-tanaka.md"]
    assert row["language"] == "pt-BR"
    status, _, err = run_cli(capsys, "document", "set", "nyt-tanaka", "--language", "english")
    assert (status, err) == (
        1,
        "argmap: error: language 'english' is not a language code: expected one such as en, ja "
        "or pt-BR (BCP 47)\n",
    )
    status, out, _ = run_cli(capsys, "documents", "--format", "json")
    (row,) = [r for r in json.loads(out) if r["name"] == "nyt-tanaka.md"]
    assert row["language"] == "pt-BR"  # nothing stored
