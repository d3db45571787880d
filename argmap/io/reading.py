"""Read articles from files and folders into Documents.

Text is decoded (UTF-8 first, then the encodings a user would expect) and its
newlines are normalised to ``\\n``: every offset argmap reports is a Python
``str`` index into this decoded, newline-normalised text. Saved HTML pages are
reduced to their article text, one paragraph per blank-line-separated block,
and their offsets refer to that text.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.models import Document


TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
READ_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES

# (BOM, codec) pairs; UTF-32 first because its little-endian BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# How much of a file charset-normalizer inspects to confirm a cp1252 reading.
_SAMPLE_BYTES = 64 * 1024


class ReadError(ArgmapError):
    """A path that could not be read as a document; ``str()`` is ``"PATH: problem"``."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem

    @classmethod
    def from_os_error(cls, path: str | os.PathLike[str], error: OSError) -> ReadError:
        """The ReadError for ``error`` met while reading ``path`` (the error's own file name
        wins)."""
        reason = error.strerror or str(error) or type(error).__name__
        return cls(error.filename or path, reason[0].lower() + reason[1:])


def load_documents(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Document | ReadError]:
    """Each readable file under ``paths`` as a Document, each failure as a ReadError.

    Folders are walked recursively in sorted order, keeping ``.txt``, ``.md``,
    ``.html`` and ``.htm`` files and skipping hidden entries; a file named
    explicitly is read whatever its suffix (as text unless it is HTML).
    One failure never stops the files after it.
    """
    for path in _walk(paths):
        if isinstance(path, ReadError):
            yield path
            continue
        try:
            yield read_document(path)
        except ReadError as error:
            yield error


def read_document(path: str | os.PathLike[str]) -> Document:
    """The document stored at ``path``; raises ReadError when it is not readable text."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError.from_os_error(path, error) from None
    text = decode(data, path)
    del data  # keep one copy of a large file in memory, not two
    if path.suffix.lower() in HTML_SUFFIXES and text.strip():
        text = html_to_text(text)
    from argmap.models import Document  # pydantic: only once a file is read

    return Document.from_text(path.name, text, source_path=str(path))


def decode(data: bytes, path: str | os.PathLike[str] = "<bytes>") -> str:
    """``data`` as text with ``\\n`` newlines; raises ReadError naming ``path`` if it is not text.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32), then strict UTF-8, then
    cp1252 when it reads cleanly (it covers Latin-1's printable characters), then
    charset-normalizer's best guess (Cyrillic, CJK and other legacy encodings).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _normalise_newlines(data.decode(codec))
            except UnicodeDecodeError:
                raise ReadError(path, f"invalid {codec} text after its byte-order mark") from None
    if b"\x00" in data:
        raise ReadError(path, "binary file, not text")
    try:
        return _normalise_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    text = _guess_legacy(data)
    if text is None:
        raise ReadError(path, "not UTF-8, and no other text encoding fits")
    return _normalise_newlines(text)


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


def _walk(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | ReadError]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk_folder(path)
        elif path.exists():
            yield path
        else:
            yield ReadError(path, "no such file or directory")


def count_files(paths: Iterable[str | os.PathLike[str]]) -> int:
    """How many results ``load_documents(paths)`` will give: files to read, and problems."""
    return sum(1 for _ in _walk(paths))


def has_articles(folder: str | os.PathLike[str]) -> bool:
    """Whether ``folder`` (or a folder in it) holds a file argmap reads as an article."""
    return any(isinstance(found, Path) for found in _walk_folder(Path(folder)))


def _walk_folder(folder: Path) -> Iterator[Path | ReadError]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield ReadError.from_os_error(folder, error)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk_folder(Path(entry.path))
        elif entry.is_file() and Path(entry.name).suffix.lower() in READ_SUFFIXES:
            yield Path(entry.path)


def _guess_legacy(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    try:
        cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252 = None
    # charset-normalizer alone often picks a sibling code page (cp1250, mac_roman)
    # for short Western text; confirm cp1252 first and only then let it guess.
    if cp1252 is not None and from_bytes(data[:_SAMPLE_BYTES], cp_isolation=["cp1252"]).best():
        return cp1252
    best = from_bytes(data).best()
    return None if best is None else str(best)


def _normalise_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
