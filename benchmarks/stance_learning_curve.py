"""Learning curve of the stance models: macro-F1 against the number of labelled statements.

Run: python benchmarks/stance_learning_curve.py LABELS.jsonl --codebook FILE [--documents DIR]...
     [--folds K] [--repeats R] [--sizes 0,10,25,50,100,all]

For each repeat, the labels are split into K stratified folds; for each fold, the training
part is subsampled (stratified, every label at least once when the size allows) to each size
and the codebook, learned and combined models are scored on the held-out fold. Prints the
mean (and standard deviation) of macro-F1 over folds and repeats. Size 0 is the codebook
model alone; a size larger than the training part is skipped; 'all' is the whole training part.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.codebook import load_codebook  # noqa: E402
from argmap.evaluation.stance import MODELS, learning_curve  # noqa: E402
from argmap.stance import read_labels  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", metavar="LABELS.jsonl")
    parser.add_argument("--codebook", required=True, metavar="FILE")
    parser.add_argument("--documents", action="append", default=[], metavar="DIR")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sizes", default="0,10,25,50,100,all")
    args = parser.parse_args()
    codebook = load_codebook(args.codebook)
    examples = read_labels(args.labels, codebook, args.documents)
    sizes = [None if size == "all" else int(size) for size in args.sizes.split(",")]
    counts = Counter(e.stance for e in examples)
    print(
        f"{len(examples)} labelled statements from {args.labels}: "
        + ", ".join(f"{label} {counts[label]}" for label in codebook.label_ids)
    )
    print(
        f"{args.folds}-fold stratified cross-validation, {args.repeats} repeats; macro-F1 mean "
        "(std) on the held-out folds"
    )
    start = time.perf_counter()
    rows = learning_curve(codebook, examples, sizes, folds=args.folds, repeats=args.repeats)
    print()
    print("| training labels | " + " | ".join(MODELS) + " |")
    print("| --- |" + " --- |" * len(MODELS))
    for row in rows:
        size = f"{row['size']}" + (f" ({row['labels']:.0f})" if row["size"] == "all" else "")
        cells = [
            "–" if row[name] is None else f"{row[name]:.3f} ({row[name + '_std']:.3f})"
            for name in MODELS
        ]
        print(f"| {size} | " + " | ".join(cells) + " |")
    print(f"\n{time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
