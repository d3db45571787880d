"""Reading files and folders into documents: walking, decoding, HTML, errors."""

import json
import re

import pytest

from argmap.io.reading import ReadError, decode, load_documents, read_document
from tests.helpers import FIXTURES

QUOTE = "“We will not back down,” the minister said of the café’s naïve plan – again.\n"


def _read(path):
    return read_document(path).text


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8-sig", b""),
        ("utf-16", b""),  # Python writes a BOM for "utf-16"
        ("utf-16-be", "\ufeff".encode("utf-16-be")),
        ("utf-32", b""),
        ("cp1252", b""),
    ],
)
def test_decodes_the_encodings_a_user_would_expect(tmp_path, encoding, prefix):
    path = tmp_path / f"article-{encoding}.txt"
    path.write_bytes(prefix + QUOTE.encode(encoding))
    assert _read(path) == QUOTE


def test_a_utf8_byte_order_mark_does_not_shift_offsets(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + b"Kishida said so.")
    text = _read(path)
    assert text.index("Kishida") == 0


def test_cp1252_wins_over_sibling_code_pages_for_western_text(tmp_path):
    # charset-normalizer alone reads this as cp1250 and turns ï into ď and ñ into ń.
    text = "The plan was “historic” and the café – naïve – was closed. Señor Müller agreed.\n"
    path = tmp_path / "western.txt"
    path.write_bytes(text.encode("cp1252"))
    assert _read(path) == text


def test_other_legacy_encodings_are_detected(tmp_path):
    text = (
        "Министр обороны заявил журналистам, что новый план «исторический», "
        "и все участники встречи согласились с этим решением без возражений.\n"
    )
    path = tmp_path / "russian.txt"
    path.write_bytes(text.encode("cp1251"))
    assert _read(path) == text


def test_newlines_are_normalised(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"First paragraph.\r\n\r\nSecond.\rThird.\n")
    assert _read(path) == "First paragraph.\n\nSecond.\nThird.\n"


def test_binary_file_is_an_error_naming_it(tmp_path):
    path = tmp_path / "table.txt"
    path.write_bytes(b"SQLITE\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    with pytest.raises(ReadError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: binary file, not text"
    assert caught.value.path == str(path)


def test_bytes_that_fit_no_encoding_are_an_error():
    with pytest.raises(ReadError, match=r"^in\.txt: not UTF-8, and no other text encoding fits$"):
        decode(bytes(range(1, 256)) * 20, "in.txt")


def test_empty_file_is_an_empty_document(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    document = read_document(path)
    assert document.text == ""
    assert document.name == "empty.txt"


def test_document_keeps_its_file_name_and_path(tmp_path):
    path = tmp_path / "sub" / "article.md"
    path.parent.mkdir()
    path.write_text("Tanaka said it.", encoding="utf-8")
    document = read_document(path)
    assert (document.name, document.source_path) == ("article.md", str(path))


def test_html_gives_the_article_paragraphs_without_page_furniture():
    text = _read(FIXTURES / "article.html")
    paragraphs = text.split("\n\n")
    assert "“We are going to upgrade the headquarters into a joint force headquarters" in text
    assert any(p.startswith("According to a senior foreign ministry official") for p in paragraphs)
    assert any(p.startswith("Critics warned that closer integration") for p in paragraphs)
    for furniture in ("Subscribe", "window.analytics", "All rights reserved", "font-family"):
        assert furniture not in text


def test_html_without_an_article_falls_back_to_all_its_text(tmp_path):
    path = tmp_path / "aside.htm"
    path.write_text(
        "<html><body><aside><p>The minister said the plan was historic.</p>"
        "<p>Others disagreed.</p></aside><script>track()</script></body></html>",
        encoding="utf-8",
    )
    assert _read(path) == "The minister said the plan was historic.\n\nOthers disagreed."


def test_folders_are_walked_recursively_in_order_keeping_article_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in [
        "b/2.txt",
        "a/deep/1.md",
        "a/0.html",
        "z.htm",
        "notes.json",
        "a/image.png",
        ".hidden/x.txt",
        ".x.txt",
    ]:
        (tmp_path / name).write_text("<p>Some text here.</p>", encoding="utf-8")
    names = [item.source_path for item in load_documents([tmp_path])]
    expected = ["a/0.html", "a/deep/1.md", "b/2.txt", "z.htm"]
    assert names == [str(tmp_path / name) for name in expected]


def test_an_explicitly_named_file_is_read_whatever_its_suffix(tmp_path):
    path = tmp_path / "quotes.dat"  # but a corpus file's suffix: see tests/io/test_corpus.py
    path.write_text("Austin said, yes", encoding="utf-8")
    [document] = load_documents([path])
    assert document.text == "Austin said, yes"


def test_failures_are_reported_in_order_and_do_not_stop_the_others(tmp_path):
    good, binary = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Blinken said so.", encoding="utf-8")
    binary.write_bytes(b"\x00\x01\x02")
    missing = tmp_path / "missing.txt"
    results = list(load_documents([binary, missing, good]))
    assert [str(r) for r in results[:2]] == [
        f"{binary}: binary file, not text",
        f"{missing}: no such file or directory",
    ]
    assert results[2].text == "Blinken said so."


def test_unreadable_file_is_an_error(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("secret", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(path), "read_bytes", refuse)
    [error] = load_documents([path])
    assert str(error) == f"{path}: permission denied"


def test_a_large_file_reads_in_linear_time(tmp_path):
    # About 8 MB with CRLF newlines; anything quadratic would take minutes.
    path = tmp_path / "large.txt"
    path.write_bytes(("“Quote,” he said.\r\n" * 400_000).encode("utf-8"))
    text = _read(path)
    assert len(text) == len("“Quote,” he said.\n") * 400_000


def test_offsets_match_the_gold_files(shared):
    """Gold offsets are str indices into the decoded text: reading must reproduce them."""
    cases = [(shared / "gold" / "japan-us-integration.gold.jsonl", shared / "seeds")]
    polnear = shared / "data" / "polnear" / "dev" / "text"
    if polnear.is_dir():
        cases.append((shared / "gold" / "polnear-dev.gold.jsonl", polnear))
    for gold_path, folder in cases:
        texts = {d.name: d.text for d in load_documents([folder])}
        for line in gold_path.read_text(encoding="utf-8").splitlines():
            gold = json.loads(line)
            spans = gold.get("spans") or [[gold["start"], gold["end"]]]
            pieces = (texts[gold["doc"]][start:end] for start, end in spans)
            assert " ".join(pieces) == gold["text"], gold["id"]


# ---------------------------------------------------------------------- files that are not text


@pytest.mark.parametrize(
    ("head", "named"),
    [
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (Clinton: We will) Tj ET\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP archive (a .docx"),
        (b"{\\rtf1\\ansi Tanaka said so.}", "RTF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image (PNG)"),
    ],
)
def test_a_file_in_another_format_renamed_txt_is_refused_naming_the_format(tmp_path, head, named):
    path = tmp_path / "article.txt"
    path.write_bytes(head)
    with pytest.raises(ReadError, match=re.escape(named)) as caught:
        read_document(path)
    assert str(caught.value).startswith(f"{path}: ")


def test_text_that_is_mostly_codes_is_refused(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text("".join(f"{n:04x}|{n * 7 % 97:02d}#{'%' * (n % 3)};" for n in range(400)))
    with pytest.raises(ReadError, match="does not read as text in a language"):
        read_document(path)


def test_an_article_with_many_numbers_still_reads(tmp_path):
    # a results table inside a news story: figures, but still mostly words
    rows = "".join(f"Precinct {n}: Clinton 4{n}%, Trump 3{n}%, turnout 6{n}%.\n" for n in range(60))
    path = tmp_path / "results.txt"
    path.write_text(f"The county reported its results on Tuesday night.\n{rows}")
    assert "Precinct 59" in _read(path)


# ---------------------------------------------------------------------- how sure the decoding is


def test_a_legacy_encoding_is_read_with_a_warning_naming_it(tmp_path):
    text = "The plan was “historic” and the café – naïve – was closed. Señor Müller agreed.\n"
    path = tmp_path / "western.txt"
    path.write_bytes(text.encode("cp1252"))
    document = read_document(path)
    assert document.text == text
    [warning] = document.read_warnings
    assert "not UTF-8" in warning and "Windows-1252" in warning and "a guess" in warning


def test_utf8_with_one_damaged_byte_stays_utf8_and_says_so(tmp_path):
    # decoded whole as cp1252, every accented letter would turn into two ("Ã©")
    text = "Le ministère a déclaré : « Nous agirons », dit Ōno. " * 30
    data = text.encode("utf-8")
    path = tmp_path / "damaged.txt"
    path.write_bytes(data[:400] + b"\xff" + data[400:])
    document = read_document(path)
    assert "Ã" not in document.text and document.text.count("\ufffd") == 1
    assert document.text.replace("\ufffd", "") == text
    assert document.read_warnings == (
        "1 byte that is not UTF-8 replaced by \ufffd (the rest of the file is UTF-8)",
    )


def test_clean_utf8_has_no_warning(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(QUOTE, encoding="utf-8")
    assert read_document(path).read_warnings == ()


def test_warnings_are_not_stored_with_the_document(tmp_path):
    path = tmp_path / "western.txt"
    path.write_bytes("Café crème, said the Ministère official.\n".encode("cp1252"))
    document = read_document(path)
    assert document.read_warnings and "read_warnings" not in document.model_dump()


# ---------------------------------------------------------------------- links


def test_a_symbolic_link_loop_is_named_and_every_other_file_is_read(tmp_path):
    folder = tmp_path / "L"
    folder.mkdir()
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    (folder / "gone.txt").symlink_to("nowhere.txt")
    (folder / "real.txt").write_text(QUOTE)
    items = list(load_documents([folder]))
    problems = {str(item) for item in items if isinstance(item, ReadError)}
    assert problems == {
        f"{folder / 'a.txt'}: a symbolic link loop (it points back to itself)",
        f"{folder / 'b.txt'}: a symbolic link loop (it points back to itself)",
        f"{folder / 'gone.txt'}: a broken symbolic link (what it points to is gone)",
    }
    assert [item.text for item in items if not isinstance(item, ReadError)] == [QUOTE]
    [loop] = load_documents([folder / "a.txt"])  # named on the command line, the same
    assert isinstance(loop, ReadError) and "symbolic link loop" in str(loop)


def test_a_linked_folder_is_not_followed_so_a_folder_linking_to_itself_ends(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(QUOTE)
    (folder / "again").symlink_to(folder, target_is_directory=True)
    assert [d.name for d in load_documents([folder])] == ["one.txt"]


def test_files_argmap_does_not_read_are_listed_as_skipped(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "story.txt").write_text(QUOTE)
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.pdf").write_bytes(b"%PDF-1.4")
    for own in ("argmap.sqlite", "argmap.sqlite-wal", "debate.codebook.toml", "photo.jpg"):
        (folder / own).write_bytes(b"")  # the workspace and its company: passed over quietly
    skipped: list = []
    assert [d.name for d in load_documents([folder], skipped)] == ["story.txt"]
    assert sorted(p.name for p in skipped) == ["notes.docx", "scan.pdf"]
