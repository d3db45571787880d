"""Property-based tests (hypothesis) of the article reader (issue 13): on random bytes, random text,
random HTML and random damage to the seed article and the HTML fixture, reading a file or a folder
gives a Document or a one-line ReadError naming the file, never a traceback."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.io.reading import ReadError, load_documents
from argmap.models import Document
from tests.helpers import FIXTURES, SEED

SETTINGS = settings(
    deadline=None,
    database=None,  # nothing written into the repository; a failure prints its example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".htm", ".csv", ""])
ORIGINALS = [SEED.read_bytes(), (FIXTURES / "article.html").read_bytes()]


@st.composite
def damaged(draw):
    """The seed article or the HTML fixture with random bytes cut, flipped, inserted or
    removed."""
    content = bytearray(draw(st.sampled_from(ORIGINALS)))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(content)))
        damage = draw(st.sampled_from(["cut", "flip", "insert", "remove"]))
        if damage == "cut":
            del content[at:]
        elif damage == "flip" and at < len(content):
            content[at] ^= draw(st.integers(1, 255))
        elif damage == "insert":
            content[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif damage == "remove":
            del content[at : at + draw(st.integers(1, 512))]
    return bytes(content)


CONTENTS = st.one_of(
    st.binary(max_size=4000),
    st.text(max_size=2000).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.text(max_size=600).map(
        lambda text: f"<html><body><p>{text}</p></body></html>".encode("utf-8", "surrogatepass")
    ),
    damaged(),
)


def _read_all(paths):
    """Every result of ``load_documents(paths)``, checking each is a Document or a one-line
    ReadError naming a path under the given ones."""
    results = list(load_documents(paths))
    for result in results:
        assert isinstance(result, Document | ReadError), result
        if isinstance(result, ReadError):
            message = str(result)
            assert "\n" not in message and any(message.startswith(str(p)) for p in paths)
    return results


@SETTINGS
@given(content=CONTENTS, suffix=SUFFIXES)
def test_any_file_is_read_or_refused_with_one_line(content, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(content)
        (result,) = _read_all([path])
        if isinstance(result, Document):
            assert result.name == path.name


@SETTINGS
@given(contents=st.lists(st.tuples(CONTENTS, SUFFIXES), min_size=1, max_size=4))
def test_a_folder_of_random_files_is_read_file_by_file(contents):
    with tempfile.TemporaryDirectory() as folder:
        for number, (content, suffix) in enumerate(contents):
            (Path(folder) / f"file{number}{suffix}").write_bytes(content)
        results = _read_all([Path(folder)])
        readable = sum(suffix in (".txt", ".md", ".html", ".htm") for _, suffix in contents)
        assert len(results) == readable  # one result per article, none lost, none twice
