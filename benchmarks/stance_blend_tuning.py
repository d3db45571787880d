"""Tuning the combined model's blend: how much to trust the learned model with n labels.

Run: python benchmarks/stance_blend_tuning.py

Only on tuning data: the election labels' ``split`` train part and the Japan-US development
set (never the held-out set). For each, a learning curve (stratified folds x repeats, the
training part subsampled to each size) stores the learned and codebook models' out-of-fold
probabilities; each candidate ``prior_per_label`` (the learned model's weight is
m / (m + prior * trust) for m labels per codebook label, trust the
codebook model's agreement beyond chance with the training labels, over 0.2, at most 1) is then
scored on them. Prints macro-F1 per
size for the codebook model, the learned model and each candidate.
"""

from __future__ import annotations

import os
import random
import sys
import warnings
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from argmap.codebook import load_codebook  # noqa: E402
from argmap.evaluation.stance import _macro_f1, stratified_sample  # noqa: E402
from argmap.stance import read_labels  # noqa: E402
from argmap.stance.codebook_model import CodebookModel  # noqa: E402
from argmap.stance.learned import LearnedModel, blend, blend_weight  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
CANDIDATES = (10, 30, 50, 75, 100, 150)
SIZES = (10, 25, 50, 100, None)


def curves(codebook, examples, folds=5, repeats=3):
    from sklearn.model_selection import StratifiedKFold

    texts = [e.text for e in examples]
    contexts = [e.context for e in examples]
    gold = [e.stance for e in examples]
    labels = list(codebook.label_ids)
    cue = CodebookModel(codebook).probabilities(texts, contexts)
    runs = {}  # size -> list of (gold, learned, cue, n)
    for repeat in range(repeats):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            splits = list(
                StratifiedKFold(n_splits=folds, shuffle=True, random_state=repeat).split(
                    texts, gold
                )
            )
        for fold, (train, test) in enumerate(splits):
            rng = random.Random(repeat * 1000 + fold)
            for size in SIZES:
                if size is not None and size > len(train):
                    continue
                n = len(train) if size is None else size
                chosen = stratified_sample([gold[i] for i in train], n, rng)
                train_labels = [gold[train[i]] for i in chosen]
                if len(set(train_labels)) < 2:
                    continue
                model = LearnedModel(
                    codebook, [texts[train[i]] for i in chosen], train_labels, strict=False
                )
                learned = model.learned_probabilities(
                    [texts[i] for i in test], [contexts[i] for i in test]
                )
                runs.setdefault(size, []).append(
                    ([gold[i] for i in test], learned, cue[test], len(chosen), model.codebook_trust)
                )
    return labels, runs


def report(name, labels, runs):
    print(f"\n{name}")
    print("| size | codebook | learned | " + " | ".join(f"prior {c}" for c in CANDIDATES) + " |")

    def f1(probabilities, gold):
        return _macro_f1(gold, [labels[i] for i in probabilities.argmax(axis=1)], labels)

    for size, items in runs.items():
        cells = [
            np.mean([f1(cue, gold) for gold, _, cue, *_ in items]),
            np.mean([f1(learned, gold) for gold, learned, *_ in items]),
        ]
        for prior in CANDIDATES:
            cells.append(
                np.mean(
                    [
                        f1(blend(learned, cue, blend_weight(n, len(labels), prior * trust)), gold)
                        for gold, learned, cue, n, trust in items
                    ]
                )
            )
        print(
            f"| {size or 'all'} ({np.mean([item[3] for item in items]):.0f}, trust "
            f"{np.mean([item[4] for item in items]):.2f}) | "
            + " | ".join(f"{c:.3f}" for c in cells)
            + " |"
        )


def main() -> None:
    election = load_codebook(ROOT / "seeds" / "us-election-2016.codebook.toml")
    examples = [
        e
        for e in read_labels(
            ROOT / "benchmarks" / "data" / "us-election-2016.stance.jsonl",
            election,
            [POLNEAR / "train", POLNEAR / "dev"],
        )
        if e.split == "train"
    ]
    report("election labels, split train", *curves(election, examples))
    japan = load_codebook(ROOT / "seeds" / "japan-us-integration.codebook.toml")
    report(
        "Japan-US development set",
        *curves(
            japan, read_labels(ROOT / "tests" / "fixtures" / "japan-us-dev.stance.jsonl", japan)
        ),
    )


if __name__ == "__main__":
    main()
