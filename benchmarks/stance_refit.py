"""Benchmark the learned stance model: refit (what loading a saved model does) on 5,000 labels.

Run: python benchmarks/stance_refit.py [--labels N] [--codebook FILE]

The statements are the content spans of PolNeAR's attributions (../shared/data/polnear/train,
then dev) when that folder is there, else sentences of the seed article repeated with numbered
variations. Labels are given round-robin over the codebook's labels: labels unrelated to the text
are the hard case for the classifier. Prints the best of three for fitting the model (TF-IDF word
and
character n-grams plus the class-balanced logistic regression), loading a saved model (reading
labels.jsonl and refitting), as wall-clock and CPU time (the machine is shared: CPU time is
the fairer figure when it is busy; BLAS threads are limited to one), and suggesting stances for
1,000 statements. The target is a refit
under one second for 5,000 labels.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from cpu_check import reference_seconds

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.codebook import load_codebook  # noqa: E402
from argmap.stance import fit_stance_model, load_stance_model, suggest_stances  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "polnear"


def statements(count: int) -> tuple[list[str], str]:
    """``count`` statement texts and where they come from."""
    texts: list[str] = []
    if POLNEAR.is_dir():
        from argmap.evaluation.gold import load_brat

        for split in ("train", "dev"):
            for statement in load_brat(POLNEAR / split).statements:
                if statement.text.strip():
                    texts.append(" ".join(statement.text.split()))
                if len(texts) >= count:
                    return texts, f"PolNeAR attributions ({POLNEAR})"
    import re

    seed = (ROOT / "seeds" / "japan-us-integration.txt").read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", seed) if len(s.split()) > 5]
    while len(texts) < count:
        texts.append(f"{sentences[len(texts) % len(sentences)]} ({len(texts)})")
    return texts[:count], "seed article sentences, varied"


def best_of(runs: int, action) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of ``runs`` runs of ``action``."""
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=int, default=5000)
    parser.add_argument(
        "--codebook", default=str(ROOT / "seeds" / "japan-us-integration.codebook.toml")
    )
    args = parser.parse_args()
    codebook = load_codebook(args.codebook)
    texts, source = statements(args.labels)
    labels = [codebook.label_ids[i % len(codebook.label_ids)] for i in range(len(texts))]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} labelled statements ({words} words) from {source}")
    print(
        f"python {platform.python_version()}, {platform.machine()}; CPU check sum(range(10**7)): "
        f"{reference_seconds():.3f} s"
    )
    fit_stance_model(codebook, texts[:50], labels[:50])  # imports and warm-up
    fit, fit_cpu = best_of(3, lambda: fit_stance_model(codebook, texts, labels))
    print(
        f"fit (refit) of {len(texts)} labels: {fit:.3f} s wall, {fit_cpu:.3f} s CPU, best of 3 "
        "(target < 1 s)"
    )
    model = fit_stance_model(codebook, texts, labels)
    with tempfile.TemporaryDirectory() as folder:
        model.save(folder)
        load, load_cpu = best_of(3, lambda: load_stance_model(folder, codebook))
    print(
        f"load_stance_model (read labels.jsonl, refit): {load:.3f} s wall, {load_cpu:.3f} s CPU, "
        "best of 3"
    )
    sample = texts[:1000]
    suggest, suggest_cpu = best_of(3, lambda: suggest_stances(codebook, sample, model=model))
    print(
        f"suggest_stances with the model, {len(sample)} statements: {suggest:.3f} s wall, "
        f"{suggest_cpu:.3f} s CPU, best of 3"
    )
    cue, cue_cpu = best_of(3, lambda: suggest_stances(codebook, sample))
    print(
        f"suggest_stances, codebook model only, {len(sample)} statements: {cue:.3f} s wall, "
        f"{cue_cpu:.3f} s CPU, best of 3"
    )


if __name__ == "__main__":
    main()
