"""Sidecar metadata tables: one row per article file, found by its name; PolNeAR's own table
fills every article it has."""

import csv
import json

import pytest

from argmap.io.reading import ReadError, load_documents
from argmap.io.sidecar import MetadataTable, sidecars_in
from tests.helpers import POLNEAR


@pytest.fixture(scope="module")
def polnear_table():
    table = POLNEAR / "metadata.tsv"
    if not table.is_file() or not (POLNEAR / "train" / "text").is_dir():
        pytest.skip(f"PolNeAR's metadata table or train split is absent ({POLNEAR})")
    with open(table, encoding="utf-8", newline="") as stream:
        rows = {row["filename"]: row for row in csv.DictReader(stream, delimiter="\t")}
    return table, rows


@pytest.mark.parametrize("split", ["train", "dev"])
def test_polnears_table_fills_outlet_date_author_and_title_of_every_article(polnear_table, split):
    path, rows = polnear_table
    folder = POLNEAR / split / "text"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    table = MetadataTable.load([path])
    documents = list(load_documents([folder], metadata=table))
    assert documents and all(not isinstance(d, ReadError) for d in documents)
    assert table.used == len(documents) == len(list(folder.glob("*.txt")))
    for document in documents:
        row = rows[document.name.removesuffix(".txt")]  # the table names files without .txt
        meta = document.metadata
        assert (meta.outlet, meta.published, meta.title) == (
            row["publisher"],
            row["publication_date"],
            row["title"],
        ), document.name
        if row["author"] == "None" or not any(c.isalpha() for c in row["author"]):
            assert meta.authors == (), document.name  # None (or ", ,") for no byline
        else:
            assert meta.authors, document.name
            for author in meta.authors:  # names from the byline, the outlet's name left out
                assert author.lower() in row["author"].lower(), (document.name, author)
        assert document.read_warnings == ()


def test_a_table_names_files_with_or_without_suffix_or_by_a_path(tmp_path):
    (tmp_path / "a.txt").write_text("Ann said so.", encoding="utf-8")
    (tmp_path / "b.md").write_text("Bo said so.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Cy said so.", encoding="utf-8")
    table = tmp_path / "meta.csv"
    table.write_text(
        "path,Publisher,Date,Byline,Headline\n"
        "a,The Times,2016-03-11,Ann Lee,First\n"
        "sub/dir/b.md,The Post,07/12/2026,Bo Chen and Cy Diaz,Second\n",
        encoding="utf-8",
    )
    metadata = MetadataTable.load([table])
    a, b, c = load_documents(sorted(tmp_path.glob("*.[tm][xd]*")), metadata=metadata)
    assert (a.metadata.outlet, a.metadata.published, a.metadata.authors, a.metadata.title) == (
        "The Times",
        "2016-03-11",
        ("Ann Lee",),
        "First",
    )
    assert b.metadata.authors == ("Bo Chen", "Cy Diaz") and b.metadata.published is None
    assert b.read_warnings == (
        "meta.csv row 2: published date '07/12/2026' is ambiguous: day/month or month/day "
        "(2026-12-07 or 2026-07-12?); write it as ISO 8601; left empty",
    )
    assert c.metadata.is_empty() and metadata.used == 2


def test_a_table_overrides_what_a_file_says_only_where_it_says_something(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Own title\nauthor: Ann\n---\nAnn said.", "utf-8")
    table = tmp_path / "meta.jsonl"
    table.write_text(json.dumps({"file": "a.md", "outlet": "The Times", "author": None}) + "\n")
    [document] = load_documents([tmp_path / "a.md"], metadata=MetadataTable.load([table]))
    meta = document.metadata
    assert (meta.title, meta.authors, meta.outlet) == ("Own title", ("Ann",), "The Times")


def test_a_table_without_a_file_column_or_metadata_is_refused_naming_it(tmp_path):
    table = tmp_path / "meta.tsv"
    table.write_text("publisher\tdate\nThe Times\t2016-03-11\n", encoding="utf-8")
    with pytest.raises(ReadError, match=r"meta\.tsv: no file-name column .*--columns file="):
        MetadataTable.load([table])
    table.write_text("filename\tcolour\na\tred\n", encoding="utf-8")
    with pytest.raises(ReadError, match=r"meta\.tsv: no metadata column"):
        MetadataTable.load([table])
    # the mapping names the columns: any names will do
    table.write_text("doc_name\twho\na\tAnn Lee\n", encoding="utf-8")
    found = MetadataTable.load([table], {"file": "doc_name", "authors": "who"}).lookup("a.txt")
    assert found == ({"authors": ("Ann Lee",)}, [])


def test_a_table_naming_a_file_twice_says_so_and_keeps_the_first(tmp_path):
    table = tmp_path / "metadata.csv"
    table.write_text("filename,outlet\na.txt,One\na.txt,Two\n", encoding="utf-8")
    metadata = MetadataTable.load([table])
    assert metadata.lookup("a.txt") == ({"outlet": "One"}, [])
    assert metadata.duplicates == ["metadata.csv rows 1 and 2 both name 'a.txt'; the first is used"]


def test_a_metadata_table_in_a_folder_is_found_by_its_name(tmp_path):
    (tmp_path / "metadata.tsv").write_text("filename\toutlet\n", encoding="utf-8")
    (tmp_path / "other.csv").write_text("filename,outlet\n", encoding="utf-8")
    assert sidecars_in([tmp_path, tmp_path / "metadata.tsv"]) == [tmp_path / "metadata.tsv"]
