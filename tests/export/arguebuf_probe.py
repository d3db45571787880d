"""Run by the arguebuf environment's interpreter (see readers.py), not by pytest: load an AIF
file with arguebuf, dump it to protobuf, a dict, GraphViz and AIF as its users would, and
print what arguebuf made of it as JSON.

Usage: python arguebuf_probe.py FILE.json
"""

import json
import logging
import sys

import arguebuf


class Collect(logging.Handler):
    """The warnings arguebuf logs while loading (edges it skips)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def main(path: str) -> None:
    collect = Collect()
    logging.getLogger("arguebuf").addHandler(collect)
    graph = arguebuf.load.file(path)
    protobuf = arguebuf.dump.protobuf(graph)
    as_dict = arguebuf.dump.dict(graph)
    drawing = arguebuf.dump.graphviz(graph)
    aif = arguebuf.dump.aif(graph)
    schemes = {}
    for node_id, node in graph.scheme_nodes.items():
        schemes[node_id] = {
            "kind": type(node.scheme).__name__,
            "premises": sorted(n.id for n in graph.incoming_nodes(node)),
            "conclusions": sorted(n.id for n in graph.outgoing_nodes(node)),
        }
    print(
        json.dumps(
            {
                "atoms": {node_id: node.plain_text for node_id, node in graph.atom_nodes.items()},
                "schemes": schemes,
                "edges": len(graph.edges),
                "warnings": collect.messages,
                "timestamps": {node["nodeID"]: node["timestamp"] for node in aif["nodes"]},
                "dumps": {
                    "protobuf": len(protobuf.SerializeToString()),
                    "dict": len(as_dict.get("nodes", {})),
                    "graphviz": len(drawing.source) if drawing is not None else 0,
                    "aif": len(aif["nodes"]),
                },
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
