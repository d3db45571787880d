"""How long one answer costs in `argmap review`: saving a whole packet atomically, and loading it.

Builds a packet of N items (default 2,000) from the seed article's statements (ids varied so
each item is distinct), then times `save_packet` (serialise, temporary file, fsync,
os.replace) and `load_packet` (parse, validate, checksum). Prints figures, asserts nothing.

    python benchmarks/packet_save.py [--items N] [--repeat R]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from cpu_check import reference_seconds

from argmap.codebook import Codebook, StanceLabel
from argmap.extraction.corpus import extract_corpus
from argmap.io.reading import load_documents
from argmap.models import Suggestion
from argmap.review.items import packet_item
from argmap.review.packet import load_packet, new_packet, save_packet

SEED = Path(__file__).parents[1] / "seeds" / "japan-us-integration.txt"


def build_items(count: int):
    """``count`` packet items cycling through the seed's statements, each with its own id."""
    base = []
    for document, statements in extract_corpus(load_documents([str(SEED)])):
        for statement in statements:
            suggestion = Suggestion(
                label="neutral", score=0.5, model="codebook", model_version="bench"
            )
            base.append(packet_item(statement, document, suggestion))
    return [
        base[n % len(base)].model_copy(
            update={"statement_id": f"{base[n % len(base)].statement_id}-{n}"}
        )
        for n in range(count)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--items", type=int, default=2000, help="items in the packet (default 2000)"
    )
    parser.add_argument(
        "--repeat", type=int, default=20, help="saves and loads to time (default 20)"
    )
    args = parser.parse_args()
    codebook = Codebook(
        id="bench",
        issue="benchmark",
        labels=(StanceLabel(id="pro", name="Pro"), StanceLabel(id="neutral", name="Neutral")),
    )
    packet = new_packet(
        "bench", "alice", codebook, build_items(args.items), created_at=datetime.now(UTC)
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "packet.json"
        saves, loads = [], []
        for number in range(args.repeat):
            packet.items[number % len(packet.items)].label = "pro"
            start = time.perf_counter()
            save_packet(packet, path)
            saves.append(time.perf_counter() - start)
            start = time.perf_counter()
            load_packet(path)
            loads.append(time.perf_counter() - start)
        size = path.stat().st_size
    print(f"packet: {args.items} items, {size / 1e6:.2f} MB on disk")
    print(
        f"save (one answer): median {statistics.median(saves) * 1000:.1f} ms, max "
        f"{max(saves) * 1000:.1f} ms over {args.repeat}"
    )
    print(
        f"load: median {statistics.median(loads) * 1000:.1f} ms, max {max(loads) * 1000:.1f} ms "
        f"over {args.repeat}"
    )
    print(f"cpu check: sum(range(10**7)) {reference_seconds():.3f} s")
    print(
        f"machine: {platform.platform()}, {platform.processor() or 'cpu ?'}, Python "
        f"{sys.version.split()[0]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
