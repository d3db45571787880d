"""Read articles from files and folders into Documents.

Text is decoded (UTF-8 first, then the encodings a user would expect) and its
newlines are normalised to ``\\n``: every offset argmap reports is a Python
``str`` index into this decoded, newline-normalised text. Saved HTML pages are
reduced to their article text, one paragraph per blank-line-separated block,
and their offsets refer to that text.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.io.errors import ReadError

if TYPE_CHECKING:
    from argmap.io.sidecar import MetadataTable
    from argmap.models import Document


TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
READ_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
#: Articles in formats argmap does not read: a folder holding them names them as skipped
#: (its other files, such as the workspace, codebooks and images, are passed over quietly).
UNREAD_DOCUMENTS = frozenset(
    ".pdf .doc .docx .odt .rtf .epub .mht .mhtml .xhtml .xml .eml .msg .pages .wpd".split()
)

# (BOM, codec) pairs; UTF-32 first because its little-endian BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WHITE_SPACE = b" \t\n\r\x0b\x0c"
_LETTER_BYTES = bytes(range(65, 91)) + bytes(range(97, 123)) + bytes(range(128, 256))
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # but tab and newlines

#: Files argmap does not read, by how they start.
_NOT_TEXT = (
    (
        b"%PDF-",
        "a PDF file; argmap reads plain text, Markdown and HTML: convert it first "
        "(for example with `pdftotext FILE`)",
    ),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .epub is one); save the article as text"),
    (b"{\\rtf", "an RTF document; save the article as plain text"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document; save the article as text"),
    (b"\x89PNG", "an image (PNG), not text"),
    (b"\xff\xd8\xff", "an image (JPEG), not text"),
    (b"GIF8", "an image (GIF), not text"),
)
# How much of a file charset-normalizer inspects to confirm a cp1252 reading.
_SAMPLE_BYTES = 64 * 1024


def load_documents(
    paths: Iterable[str | os.PathLike[str]],
    skipped: list[Path] | None = None,
    *,
    metadata: MetadataTable | None = None,
    columns: Mapping[str, str] | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[Document | ReadError]:
    """Each readable file under ``paths`` as a Document, each failure as a ReadError.

    Folders are walked recursively in sorted order, keeping ``.txt``, ``.md``,
    ``.html`` and ``.htm`` files and skipping hidden entries; the other files met in
    a folder in a document format argmap does not read (PDF, Word ...) are appended to
    ``skipped`` (when given), so a caller can name them. A file
    named explicitly is read whatever its suffix (as text unless it is HTML), but for a
    corpus file (``.jsonl``, ``.csv``, ``.tsv``, ``.parquet``; see ``argmap.io.corpus``),
    whose rows are documents, read as a stream with ``columns`` mapping its columns.
    ``metadata`` (a sidecar table) gives file documents its metadata over their own.
    Problems that leave a document out but are not a failure of a file (a corpus row
    without text) go to ``warn``. One failure never stops the files after it.
    """
    for path in _walk(paths, skipped):
        if isinstance(path, ReadError):
            yield path
            continue
        if path.suffix.lower() not in READ_SUFFIXES:
            from argmap.io.corpus import is_corpus_file, read_corpus

            if is_corpus_file(path):
                yield from read_corpus(path, columns, warn=warn)
                continue
        try:
            document = read_document(path)
        except ReadError as error:
            yield error
            continue
        yield metadata.apply(document) if metadata is not None else document


def read_document(path: str | os.PathLike[str]) -> Document:
    """The document stored at ``path``; raises ReadError when it is not readable text.

    Its metadata comes from the page (HTML: title, site, authors, date, URL, language) or
    from YAML front matter between ``---`` lines at the top of a text or Markdown file,
    which is taken off the text. A value that cannot be read (a date such as 07/12/2026)
    is left empty with a warning in ``read_warnings``.
    """
    from argmap.io.metadata import clean_fields, fields_by_name, html_metadata, split_front_matter

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError.from_os_error(path, error) from None
    text, warnings = decode_text(data, path)
    del data  # keep one copy of a large file in memory, not two
    fields: dict = {}
    if path.suffix.lower() in HTML_SUFFIXES and text.strip():
        fields, notes = html_metadata(text)
        warnings += tuple(notes)
        text = html_to_text(text)
    else:
        front, text, problem = split_front_matter(text)
        if problem:
            warnings += (problem,)
        if front:
            fields, notes = clean_fields(fields_by_name(front), where="front matter: ")
            warnings += tuple(notes)
        if not looks_like_language(text):
            raise ReadError(path, "does not read as text in a language (mostly symbols or codes)")
    from argmap.io.metadata import metadata_of  # pydantic: only once a file is read

    return _document(path, text, warnings, metadata_of(fields))


def _document(path: Path, text: str, warnings: tuple[str, ...], metadata) -> Document:
    from argmap.models import Document

    return Document.from_text(
        path.name, text, source_path=str(path), read_warnings=warnings, metadata=metadata
    )


def decode(data: bytes, path: str | os.PathLike[str] = "<bytes>") -> str:
    """``data`` as text with ``\\n`` newlines; raises ReadError naming ``path`` if it is not
    text (``decode_text`` also says how sure the decoding is)."""
    return decode_text(data, path)[0]


def decode_text(
    data: bytes, path: str | os.PathLike[str] = "<bytes>"
) -> tuple[str, tuple[str, ...]]:
    """``data`` as text with ``\\n`` newlines, and warnings about how it was decoded.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32); strict UTF-8; UTF-8 with a few bad
    bytes replaced (a file that is UTF-8 but for a damaged spot), with a warning; else a
    legacy encoding, named in a warning: cp1252 when it reads cleanly (it covers Latin-1's
    printable characters), else charset-normalizer's best guess (Cyrillic, CJK ...). A file
    in a format argmap does not read (PDF, Word, images) is refused naming the format.
    """
    for magic, what in _NOT_TEXT:
        if data.startswith(magic):
            raise ReadError(path, what)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _normalise_newlines(data.decode(codec)), ()
            except UnicodeDecodeError:
                raise ReadError(path, f"invalid {codec} text after its byte-order mark") from None
    if b"\x00" in data:
        raise ReadError(path, "binary file, not text")
    try:
        return _normalise_newlines(data.decode("utf-8")), ()
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        text, bad = mostly_utf8
        return _normalise_newlines(text), (
            f"{bad} byte{'s that are' if bad != 1 else ' that is'} not UTF-8 replaced by \ufffd "
            "(the rest of the file is UTF-8)",
        )
    guessed = _guess_legacy(data)
    if guessed is None:
        raise ReadError(path, "not UTF-8, and no other text encoding fits")
    text, encoding, garbled = guessed
    note = f"not UTF-8: read as {encoding}, a guess from its bytes"
    if garbled:
        note += f" ({garbled:.0%} of it looks garbled)"
    return _normalise_newlines(text), (note + "; check that its letters read right",)


def looks_like_language(text: str) -> bool:
    """Whether ``text`` reads as writing rather than codes: few control characters, and
    letters for at least two in five of its visible characters (looked at in its first
    100,000 characters; a short text always passes). Counted on its UTF-8 bytes, every byte
    of a non-ASCII character counting as a letter, so that the check costs little."""
    sample = text[:100_000]
    data = sample.encode("utf-8", "surrogatepass")
    visible = len(data.translate(None, _WHITE_SPACE))
    if visible < 200:
        return True
    letters = visible - len(data.translate(None, _LETTER_BYTES))
    controls = len(_CONTROLS.findall(sample)) if _CONTROLS.search(sample) else 0
    return controls <= visible // 200 and letters * 5 >= visible * 2


def html_to_text(html: str) -> str:
    """The main article text of an HTML page, paragraphs separated by blank lines.

    Uses trafilatura's main-content extraction; when that finds no article (all
    the text sits in asides, footers and the like), falls back to its
    recall-oriented mode, which keeps those parts too.
    """
    import trafilatura

    text = trafilatura.extract(html, include_comments=False) or trafilatura.extract(
        html, include_comments=False, favor_recall=True
    )
    paragraphs = (line.strip() for line in (text or "").split("\n"))
    return "\n\n".join(p for p in paragraphs if p)


def article_paths(
    paths: Iterable[str | os.PathLike[str]], skipped: list[Path] | None = None
) -> Iterator[Path | ReadError]:
    """The files ``load_documents(paths)`` reads, in its order (corpus files named as they
    are), and the paths it cannot: for splitting the work (``argmap.cluster``)."""
    return _walk(paths, skipped)


def _walk(
    paths: Iterable[str | os.PathLike[str]], skipped: list[Path] | None = None
) -> Iterator[Path | ReadError]:
    for raw in paths:
        path = Path(raw)
        try:
            os.stat(path)  # follows links: a loop or a dangling link is named, not skipped
        except OSError as error:
            if path.is_symlink() and error.errno == errno.ENOENT:
                yield ReadError(path, "a broken symbolic link (what it points to is gone)")
            else:
                yield ReadError.from_os_error(path, error)
            continue
        if path.is_dir():
            yield from _walk_folder(path, skipped)
        else:
            yield path


def count_files(paths: Iterable[str | os.PathLike[str]]) -> int | None:
    """How many results ``load_documents(paths)`` will give: files to read, and problems;
    a corpus file counts its rows. None when that is not known without reading a corpus file
    (JSON Lines and CSV)."""
    from argmap.io.corpus import count_rows, is_corpus_file

    total = 0
    for path in _walk(paths):
        rows = (
            count_rows(path)
            if isinstance(path, Path)
            and path.suffix.lower() not in READ_SUFFIXES
            and is_corpus_file(path)
            else 1
        )
        if rows is None:
            return None
        total += rows
    return total


def has_articles(folder: str | os.PathLike[str]) -> bool:
    """Whether ``folder`` (or a folder in it) holds a file argmap reads as an article."""
    return any(isinstance(found, Path) for found in _walk_folder(Path(folder)))


def _walk_folder(folder: Path, skipped: list[Path] | None = None) -> Iterator[Path | ReadError]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield ReadError.from_os_error(folder, error)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):  # a linked folder is not followed: no cycles
            yield from _walk_folder(Path(entry.path), skipped)
        elif Path(entry.name).suffix.lower() not in READ_SUFFIXES:
            if skipped is not None and Path(entry.name).suffix.lower() in UNREAD_DOCUMENTS:
                skipped.append(Path(entry.path))
        else:
            try:
                entry.stat()  # follows a link: a loop or a dangling link is named
            except OSError as error:
                if entry.is_symlink() and error.errno == errno.ENOENT:
                    yield ReadError(
                        entry.path, "a broken symbolic link (what it points to is gone)"
                    )
                else:
                    yield ReadError.from_os_error(entry.path, error)
                continue
            if entry.is_file():
                yield Path(entry.path)


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, bad bytes) when ``data`` is UTF-8 but for a few bad bytes (at most one in a
    thousand, and far fewer than its well-formed non-ASCII characters), else None."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    good = sum(1 for c in text if c > "\x7f" and c != "\ufffd")
    if 0 < bad <= max(1, len(data) // 1000) and good >= 5 * bad:
        return text, bad
    return None


def _guess_legacy(data: bytes) -> tuple[str, str, float] | None:
    """(text, encoding's name, share that looks garbled) in the legacy encoding that fits
    best, or None."""
    from charset_normalizer import from_bytes

    try:
        cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252 = None
    # charset-normalizer alone often picks a sibling code page (cp1250, mac_roman)
    # for short Western text; confirm cp1252 first and only then let it guess.
    if cp1252 is not None:
        confirmed = from_bytes(data[:_SAMPLE_BYTES], cp_isolation=["cp1252"]).best()
        if confirmed is not None:
            return cp1252, "Windows-1252 (Western European)", confirmed.chaos
    best = from_bytes(data).best()
    if best is None:
        return None
    return str(best), best.encoding, best.chaos


def _normalise_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
