"""The map as a Graphviz digraph."""

import io
import re

from argmap.export import writer


def test_dot_is_a_digraph_of_the_map(mapped):
    stream = io.StringIO()
    writer("dot")(mapped, stream)
    text = stream.getvalue()
    assert text.startswith("digraph argmap {") and text.rstrip().endswith("}")
    claims = {c.id for c in mapped.claims()}
    for claim in claims:
        assert f'"{claim}" [shape=' in text
    assert len(re.findall(r'label="supports"', text)) == 3
    assert len(re.findall(r'label="attacks"', text)) == 1 and 'label="rebuts"' in text
    assert text.count("[shape=box") == 4  # the statements linked in the map
    assert text.count("{") == text.count("}")
