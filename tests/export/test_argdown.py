"""The map in Argdown: positions, claims and statements with their speakers, escaped, and read
by ``@argdown/cli`` (the real parser, installed with npm) as the map it is."""

import io
import re

import pytest

from argmap.export import writer
from tests.export.readers import read_argdown
from tests.helpers import by_speaker

SIGN = {"supports": "support", "attacks": "attack", "rebuts": "attack"}


def _argdown(workspace) -> str:
    stream = io.StringIO()
    writer("argdown")(workspace, stream)
    return stream.getvalue()


def test_argdown_lists_positions_claims_and_statements_with_speakers(mapped):
    text = _argdown(mapped)
    lines = text.splitlines()
    assert lines[:3] == [
        "===",
        'title: "Should Japan integrate its forces further with the US?"',
        "===",
    ]
    assert "# Should Japan integrate its forces further with the US?" in lines
    assert "## Japan should integrate its forces with the US" in lines
    position = next(line for line in lines if line.startswith("[P1]: "))
    assert "#position" in position and 'stance: "pro-integration"' in position
    kishida = next(line for line in lines if "shoulder to shoulder" in line)
    assert re.match(r"    \+ \[S\d+\]: I am here to say", kishida)
    assert 'speaker: "Kishida Fumio"' in kishida and 'source: "japan-us-integration.txt"' in kishida
    assert any(
        re.fullmatch(r"    - \[P2\]: Integration makes Japan the front line #position .*", line)
        for line in lines
    )
    tanaka = by_speaker(mapped, "Tanaka Hitoshi")[0]
    assert any(
        line.startswith("        - [S")
        and 'speaker: "Tanaka Hitoshi"' in line
        and tanaka.id in line
        for line in lines
    )
    assert any("restates: [" in line for line in lines)
    # every reference points at a defined title
    defined = set(re.findall(r"^\s*(?:[+-] )?\[(\w+)\]: ", text, flags=re.M))
    referenced = set(re.findall(r"(?<!\\)\[(\w+)\](?!:)", text))
    assert referenced <= defined


def test_argdown_escapes_claim_text_and_shows_claims_under_their_parent(mapped):
    position = next(c for c in mapped.claims() if c.kind == "position")
    odd = mapped.add_claim('He said "no" [really]: {a: b} #tag', parent_id=position.id)
    nested = mapped.add_claim(
        "Deterrence needs joint command", parent_id=odd.id
    )  # no relation to its parent
    lines = _argdown(mapped).splitlines()
    line = next(line for line in lines if odd.id in line)
    escaped = r'He said "no" \[really\]: \{a: b\} \#tag'
    assert line.startswith("[C") and f"]: {escaped} {{" in line
    title = line[1 : line.index("]")]
    heading = lines.index(f"### {escaped}")  # a section for the claims under it
    child = next(i for i, line in enumerate(lines) if nested.id in line)
    assert heading < lines.index(line) < child and f'parent: "{title}"' in lines[child]
    assert not any(
        line.startswith("##") for line in lines[heading + 1 : child]
    )  # inside that section


def test_argdown_defines_each_restated_statement_in_a_paragraph_of_its_own(restated):
    lines = _argdown(restated).splitlines()
    section = lines[lines.index("## Restatements") :]
    definitions = [i for i, line in enumerate(section) if re.match(r"\[S\d+\]: ", line)]
    assert len(definitions) >= 2
    assert all(section[i - 1] == "" for i in definitions)


def _nodes(workspace) -> dict[str, tuple[str, str]]:
    """Claim and statement ids: (position, claim or statement, the text as one line)."""
    nodes = {c.id: (c.kind, " ".join(c.text.split())) for c in workspace.claims()}
    for s in workspace.statements(limit=-1):
        nodes[s.id] = ("statement", " ".join(s.text.split()))
    return nodes


@pytest.mark.parametrize("which", ["mapped", "restated", "odd_map", "empty_map"])
def test_the_argdown_parser_reads_the_map_as_it_is(which, request, argdown, tmp_path):
    workspace = request.getfixturevalue(which)
    path = tmp_path / f"{which}.argdown"
    path.write_text(_argdown(workspace), encoding="utf-8")
    parsed = read_argdown(argdown, path)  # AssertionError with the parser's messages
    nodes = _nodes(workspace)
    ids = {}  # Argdown title -> claim or statement id
    for title, statement in parsed["statements"].items():
        (defining,) = [m for m in statement["members"] if m.get("data")]
        data = defining["data"]
        ids[title] = data["id"]
        kind, text = nodes[data["id"]]
        tag = " #position" if kind == "position" else ""
        # the text exactly, no markup read into it but the tag (and a space before the data)
        assert defining["text"].strip() == text + tag
        assert [r["type"] for r in defining.get("ranges", [])] == (["tag"] if tag else [])
        if kind == "statement":
            row = workspace.statement_row(data["id"])
            assert (data["speaker"], data["source"]) == (row.speaker, row.doc_name)
            assert data["span"] == f"{row.start}-{row.end}"
    accepted = workspace.relations(status="accepted")
    relations = {(r["relationType"], ids[r["from"]], ids[r["to"]]) for r in parsed["relations"]}
    assert relations == {
        (SIGN[r.kind], r.source_id, r.target_id) for r in accepted if r.kind in SIGN
    }
    restates = {
        (ids[title], ids[target])
        for title, statement in parsed["statements"].items()
        for member in statement["members"]
        for target in (member.get("data") or {}).get("restates", [])
    }
    assert restates == {(r.source_id, r.target_id) for r in accepted if r.kind == "restates"}
    issue = workspace.codebook.issue if workspace.codebook else None
    (top,) = parsed["sections"] if issue or parsed["sections"] else [None]
    if top is not None:
        assert top["title"] == (issue or "(no issue: the workspace has no codebook)")
    positions = {c.id for c in workspace.claims() if c.kind == "position"}
    tagged = {
        ids[title]
        for title, statement in parsed["statements"].items()
        if "position" in statement.get("tags", [])
    }
    assert tagged == positions
