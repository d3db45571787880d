"""The map in Argdown: positions, claims and statements with their speakers, escaped."""

import io
import re

from argmap.export import writer
from tests.helpers import by_speaker


def test_argdown_lists_positions_claims_and_statements_with_speakers(mapped):
    stream = io.StringIO()
    writer("argdown")(mapped, stream)
    text = stream.getvalue()
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
    referenced = set(re.findall(r"\[(\w+)\](?!:)", text))
    assert referenced <= defined


def test_argdown_escapes_claim_text_and_shows_claims_under_their_parent(mapped):
    position = next(c for c in mapped.claims() if c.kind == "position")
    odd = mapped.add_claim('He said "no" [really]: {a: b} #tag', parent_id=position.id)
    nested = mapped.add_claim(
        "Deterrence needs joint command", parent_id=odd.id
    )  # no relation to its parent
    stream = io.StringIO()
    writer("argdown")(mapped, stream)
    lines = stream.getvalue().splitlines()
    line = next(line for line in lines if odd.id in line)
    assert re.match(r'\[C\d+\]: He said "no" \(really\): \\\{a: b\\\} \\#tag \{', line)
    title = line[1 : line.index("]")]
    heading = lines.index(
        '### He said "no" (really): \\{a: b\\} \\#tag'
    )  # a section for the claims under it
    child = next(i for i, line in enumerate(lines) if nested.id in line)
    assert heading < lines.index(line) < child and f'parent: "{title}"' in lines[child]
    assert not any(
        line.startswith("##") for line in lines[heading + 1 : child]
    )  # inside that section
