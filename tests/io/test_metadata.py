"""Documents' metadata from what files say: dates, authors, languages, columns, front matter,
HTML pages; a date that cannot be read is a warning naming the file, never a guess."""

import pytest

from argmap.io.metadata import (
    clean_language,
    day_bound,
    parse_columns,
    parse_published,
    resolve_columns,
    split_authors,
    split_front_matter,
)
from argmap.io.reading import load_documents, read_document
from tests.helpers import FIXTURES


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("2016-03-11", "2016-03-11"),  # a date stays a date
        ("20160311", "2016-03-11"),
        ("2016-03-11T09:30:00-05:00", "2016-03-11T09:30:00-05:00"),  # its zone kept
        ("2016-03-11T14:30:00Z", "2016-03-11T14:30:00+00:00"),
        ("2016-03-11 14:30:00 UTC", "2016-03-11T14:30:00+00:00"),
        ("2016-03-11 14:30:00+0100", "2016-03-11T14:30:00+01:00"),
        ("2017-12-31 23:00:00", "2017-12-31T23:00:00"),  # no zone: none made up
        ("2016-03-11T10:20:30.5+05:30", "2016-03-11T10:20:30.500000+05:30"),
        ("Fri, 11 Mar 2016 14:30:00 +0000", "2016-03-11T14:30:00+00:00"),  # RFC 2822
        ("March 11, 2016", "2016-03-11"),
        ("11 March 2016", "2016-03-11"),
        ("11th Mar. 2016", "2016-03-11"),
        ("Friday, March 11, 2016 9:30 a.m. EST", "2016-03-11T09:30:00-05:00"),
        ("Mar 11, 2016 at 9:30 PM PDT", "2016-03-11T21:30:00-07:00"),
        ("2016/03/11", "2016-03-11"),  # year first: always year, month, day
        ("25/12/2026", "2026-12-25"),  # only one reading: 25 is no month
        ("12/25/2026", "2026-12-25"),
        ("07/07/2026", "2026-07-07"),  # the same either way
    ],
)
def test_dates_are_read_in_iso_8601_and_the_usual_unambiguous_forms(written, read):
    assert parse_published(written) == (read, None)


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("07/12/2026", "ambiguous: day/month or month/day"),
        ("11.03.16", "two-digit year"),
        ("2016-02-30", "not a valid date"),
        ("2016-03-11T25:00", "not a valid time"),
        ("2016-03-11 10:00 BST", "the zone 'BST'"),  # BST: British or Bangladesh?
        ("last Tuesday", "not a date argmap reads"),
        (1457700000, "a number, not a date"),
    ],
)
def test_a_date_that_cannot_be_read_says_why_and_is_not_guessed(written, why):
    read, problem = parse_published(written)
    assert read is None and why in problem


@pytest.mark.parametrize("nothing", [None, "", "None", "null", "NaN", float("nan")])
def test_an_empty_cell_is_no_date_and_no_warning(nothing):
    assert parse_published(nothing) == (None, None)


def test_day_bounds_of_filters_take_years_months_and_days():
    assert day_bound("2016") == "2016-01-01" and day_bound("2016", end=True) == "2016-12-31"
    assert day_bound("2016-02", end=True) == "2016-02-29"
    assert day_bound("2016-12", end=True) == "2016-12-31"
    assert day_bound("2016-03-11", end=True) == "2016-03-11"
    for bad in ("2016-13", "March", "2016-02-30", "16"):
        with pytest.raises(ValueError, match="not a date"):
            day_bound(bad)


@pytest.mark.parametrize(
    ("byline", "outlet", "authors"),
    [
        ("Heidi M. Przybyla, USA TODAY", "usa-today", ("Heidi M. Przybyla",)),
        ("Gregory Korte, @gregorykorte, USA TODAY", "usa-today", ("Gregory Korte",)),
        (
            "By EDUARDO PORTER. Email: eporter@nytimes.com,Twitter: @portereduardo",
            "nyt",
            ("EDUARDO PORTER",),
        ),
        ("ASHLEY PARKER and MAGGIE HABERMAN", "nyt", ("ASHLEY PARKER", "MAGGIE HABERMAN")),
        ("Rosalind S. Helderman,Tom Hamburger", None, ("Rosalind S. Helderman", "Tom Hamburger")),
        (
            "Richard Wolf, and David Jackson, USA TODAY",
            "usa-today",
            ("Richard Wolf", "David Jackson"),
        ),
        ("A Reporter; July", None, ("A Reporter",)),  # trafilatura's byline with its date
        ("Martin Luther King, Jr.", None, ("Martin Luther King, Jr",)),
        (["Ann Lee", {"name": "Bo Chen"}, None], None, ("Ann Lee", "Bo Chen")),
        ("None", None, ()),
    ],
)
def test_bylines_become_a_list_of_authors(byline, outlet, authors):
    assert split_authors(byline, outlet) == authors


def test_language_tags_are_written_as_bcp_47():
    assert [clean_language(t) for t in ("en_us", "EN", "zh-hant-tw", "English")] == [
        "en-US",
        "en",
        "zh-Hant-TW",
        "English",
    ]


def test_columns_are_found_by_their_usual_names_or_mapped():
    news_please = ["maintext", "title", "date_publish", "date_download", "source_domain", "url"]
    assert resolve_columns([*news_please, "authors", "language"]) == {
        "text": "maintext",
        "title": "title",
        "outlet": "source_domain",
        "authors": "authors",
        "published": "date_publish",  # before date_download, which is no publication date
        "url": "url",
        "language": "language",
    }
    mapping = parse_columns("text=body,date=when,author=by,outlet=")
    assert mapping == {"text": "body", "published": "when", "authors": "by", "outlet": ""}
    found = resolve_columns(["body", "when", "by", "source", "title"], mapping)
    assert found == {"text": "body", "published": "when", "authors": "by", "title": "title"}
    with pytest.raises(ValueError, match="no column 'body'"):
        resolve_columns(["text"], {"text": "body"})
    with pytest.raises(ValueError, match="unknown field 'colour'"):
        parse_columns("colour=red")


def test_front_matter_gives_metadata_and_is_taken_off_the_text(tmp_path):
    path = tmp_path / "kishida.md"
    path.write_text(
        "---\n"
        "title: Kishida tells Congress Japan stands with America\n"
        "publisher: The Example Times\n"
        "author: [Ann Lee, Bo Chen]\n"
        "date: 2024-04-11T10:00:00-04:00\n"
        "url: https://example.com/kishida\n"
        "lang: en_US\n"
        "tags: [japan, congress]\n"
        "---\n\n"
        '"We are with you," Kishida said.\n',
        encoding="utf-8",
    )
    document = read_document(path)
    assert document.text == '"We are with you," Kishida said.\n'
    meta = document.metadata
    assert (meta.title, meta.outlet, meta.authors) == (
        "Kishida tells Congress Japan stands with America",
        "The Example Times",
        ("Ann Lee", "Bo Chen"),
    )
    # YAML would have made the date a datetime in UTC: read as written, its zone kept
    assert (meta.published, meta.url, meta.language) == (
        "2024-04-11T10:00:00-04:00",
        "https://example.com/kishida",
        "en-US",
    )
    assert document.read_warnings == ()


def test_front_matter_with_a_date_that_cannot_be_read_is_a_warning_naming_the_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("---\ndate: 07/12/2026\nauthor: Ann Lee\n---\nShe said so.\n", "utf-8")
    [document] = load_documents([path])
    assert document.metadata.published is None and document.metadata.authors == ("Ann Lee",)
    [warning] = document.read_warnings
    assert "front matter: published date '07/12/2026' is ambiguous" in warning


def test_what_is_not_front_matter_stays_text(tmp_path):
    rule = "---\n\nA rule, then a paragraph.\n---\nMore.\n"
    assert split_front_matter(rule) == (None, rule, None)
    unclosed = "---\ntitle: x\nno end\n"
    assert split_front_matter(unclosed) == (None, unclosed, None)
    front, body, problem = split_front_matter("---\ntitle: [unclosed\n---\nBody.\n")
    assert front is None and body == "Body.\n"
    assert (
        problem.startswith("front matter is not YAML") and "at line 3" in problem
    )  # the closing ---
    listed = "---\n- a\n- b\n---\nBody."  # no 'key:' first: a list, not front matter
    assert split_front_matter(listed) == (None, listed, None)


def test_html_pages_give_their_title_site_authors_time_url_and_language():
    document = read_document(FIXTURES / "article.html")
    meta = document.metadata
    assert meta.title == "Ministers agree to deepen alliance command ties"
    assert meta.outlet == "The Example Times"
    assert meta.authors == ("A Reporter",)  # trafilatura's byline, its date dropped
    # the markup's time with its zone, not trafilatura's date alone
    assert meta.published == "2024-07-29T08:30:00+09:00"
    assert meta.url == "https://www.example.com/world/2024/07/29/alliance-command"
    assert meta.language == "en"
    assert document.text.startswith("Ministers agree to deepen alliance command ties\n\nForeign")


def test_an_html_page_without_metadata_markup_gives_what_its_text_says(tmp_path):
    path = tmp_path / "bare.html"
    path.write_text(
        "<html><head><title>Plan agreed</title></head><body><article>"
        "<p>The minister said the plan was historic, and several officials agreed with him "
        "after the meeting ended late on Sunday evening in the capital.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    meta = read_document(path).metadata
    assert meta.title == "Plan agreed" and meta.published is None and meta.outlet is None
