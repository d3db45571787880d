"""The learned model: a classifier fitted on people's labels, combined with the codebook model.

The learned part is scikit-learn: TF-IDF word 1-2 grams and a class-balanced logistic
regression fitted by stochastic gradient descent (``SGDClassifier(loss="log_loss")``, averaged,
fixed seed, so a refit is deterministic). Character n-grams were measured and left out: they
tripled the refit time and did not help below a few hundred labels. The combined suggestion
blends its probabilities with the codebook model's (a weighted geometric mean): the learned model's
weight grows with the number of labels per codebook label, ``m / (m + PRIOR_PER_LABEL)``, so
a few dozen labels barely nudge the codebook model, a few hundred share the vote with it and
thousands mostly replace it. ``PRIOR_PER_LABEL`` was chosen with
``benchmarks/stance_blend_tuning.py`` on the election labels' train split and the Japan-US
development set (the learned model is weaker than the codebook model below about 30 labels
per codebook label on both). The prior is scaled by the codebook model's agreement beyond
chance with the training labels (``codebook_trust``), so a codebook that is no better than
chance on them does not hold the labels back. Models saved with the older schedule
(``prior_labels`` in their parameters: weight ``n / (n + prior_labels)``) keep it.

A saved model is a folder with the labelled statements (``labels.jsonl``) and ``meta.json``
(version, codebook fingerprint, hyper-parameters, scikit-learn version), or the same two
texts kept elsewhere (``saved_form``, ``stance_model_from_text``: a workspace on PostgreSQL
keeps them in a table). Loading refits the
classifier, which is deterministic and takes well under a second for 5,000 labels; no pickles,
so a saved model survives upgrades of scikit-learn and never runs code from a file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from argmap.codebook import Codebook
from argmap.errors import ArgmapError
from argmap.models import Suggestion
from argmap.stance.codebook_model import CodebookModel, codebook_fingerprint

MODEL_NAME = "combined"
FORMAT = 1
#: How many labels per codebook label the codebook model is worth in the blend.
PRIOR_PER_LABEL = 100.0
#: The codebook model's agreement beyond chance (Cohen's kappa) with the training labels at
#: which it is worth its whole prior; below, its prior shrinks in proportion.
TRUST_KAPPA = 0.2
TRUST_SAMPLE = 300
TRUST_LABELS = 50
#: ``alpha`` is the regularisation with ``alpha_labels`` labels or more; with fewer it grows in
#: proportion (alpha * alpha_labels / n), so a handful of labels gives cautious probabilities.
DEFAULT_PARAMS = {"alpha": 1e-5, "alpha_labels": 3000, "word_ngrams": [1, 2], "seed": 0}


_KEPT_WORDS = frozenset("not no never nor against without cannot".split())


class StanceTrainingError(ArgmapError, ValueError):
    """Labels that cannot train a model: empty, an unknown label, a label with no example."""


class LearnedModel:
    """A stance classifier fitted on labelled statements, combined with the codebook model."""

    def __init__(
        self,
        codebook: Codebook,
        texts: Sequence[str],
        labels: Sequence[str],
        params: dict | None = None,
        *,
        strict: bool = True,
    ):
        """``strict=False`` (for cross-validation folds) allows labels with no example: the
        codebook model alone scores them."""
        if strict:
            check_labels(codebook, labels)
        elif len(set(labels)) < 2 or not set(labels) <= set(codebook.label_ids):
            raise StanceTrainingError(
                "a learned model needs examples of at least two codebook labels"
            )
        self.codebook = codebook
        self.texts = list(texts)
        self.labels = list(labels)
        self.params = {**DEFAULT_PARAMS, **(params or {})}
        # a model saved before the per-label schedule keeps its own
        if "prior_labels" not in self.params:
            self.params.setdefault("prior_per_label", PRIOR_PER_LABEL)
        self.codebook_model = CodebookModel(codebook)
        self.version = _version(codebook, self.texts, self.labels, self.params)
        self._classifier = _fit(self.texts, self.labels, self.params)
        self._feature_names: np.ndarray | None = None  # read when first needed
        self._trust: float | None = None
        # Columns of predict_proba in codebook order.
        classes = list(self._classifier.classes_)
        self._columns = [
            classes.index(label) if label in classes else -1 for label in codebook.label_ids
        ]

    @property
    def blend_weight(self) -> float:
        """The learned model's weight in the combination (0 to 1)."""
        if "prior_labels" in self.params:
            return len(self.labels) / (len(self.labels) + float(self.params["prior_labels"]))
        return blend_weight(
            len(self.labels),
            len(self.codebook.label_ids),
            self.params["prior_per_label"] * self.codebook_trust,
        )

    @property
    def codebook_trust(self) -> float:
        """How far the codebook model is worth its prior (0 to 1): its agreement beyond chance
        (Cohen's kappa) with the training labels, over ``TRUST_KAPPA``, read on at most
        ``TRUST_SAMPLE`` labels (evenly spaced) and shrunk towards full trust as if
        ``TRUST_LABELS`` more labels agreed; 0 when the codebook model gives every labelled
        statement the same label (names only, no cues): it then leaves them to the learned model."""
        if self._trust is None:
            from sklearn.metrics import cohen_kappa_score

            step = max(1, len(self.texts) // TRUST_SAMPLE)
            texts, gold = self.texts[::step], self.labels[::step]
            predicted = [
                self.codebook.label_ids[i]
                for i in self.codebook_model.probabilities(texts).argmax(axis=1)
            ]
            if len(set(predicted)) < 2:
                self._trust = 0.0  # the codebook model tells none of the labelled statements apart
            else:
                kappa = float(np.nan_to_num(cohen_kappa_score(gold, predicted)))
                # Few labels measure kappa badly: shrink it towards full trust.
                kappa = (len(gold) * kappa + TRUST_LABELS * TRUST_KAPPA) / (
                    len(gold) + TRUST_LABELS
                )
                self._trust = float(np.clip(kappa / TRUST_KAPPA, 0.0, 1.0))
        return self._trust

    def learned_probabilities(
        self, texts: Sequence[str], contexts: Sequence[str | None] | None = None
    ) -> np.ndarray:
        """The classifier's probabilities alone, columns in codebook order (a label with no
        training example takes the codebook model's probability)."""
        if not len(texts):
            return np.zeros((0, len(self._columns)))
        return self._probabilities_from_features(
            self._classifier.named_steps["features"].transform(list(texts)), texts, contexts
        )

    def _probabilities_from_features(
        self, features, texts: Sequence[str], contexts: Sequence[str | None] | None
    ) -> np.ndarray:
        raw = self._classifier.named_steps["classifier"].predict_proba(features)
        if -1 not in self._columns:
            return raw[:, self._columns]
        cue = self.codebook_model.probabilities(texts, contexts)
        result = np.zeros((len(texts), len(self._columns)))
        missing = [i for i, column in enumerate(self._columns) if column == -1]
        present = [i for i, column in enumerate(self._columns) if column != -1]
        result[:, missing] = cue[:, missing]
        result[:, present] = raw[:, [self._columns[i] for i in present]] * (
            1.0 - cue[:, missing].sum(axis=1, keepdims=True)
        )
        return result

    def probabilities(
        self, texts: Sequence[str], contexts: Sequence[str | None] | None = None
    ) -> np.ndarray:
        """The combined probabilities, columns in codebook order."""
        return blend(
            self.learned_probabilities(texts, contexts),
            self.codebook_model.probabilities(texts, contexts),
            self.blend_weight,
        )

    def suggest(
        self, texts: Sequence[str], contexts: Sequence[str | None] | None = None
    ) -> list[Suggestion]:
        """One combined suggestion per text, explained by the strongest features and cues."""
        contexts = list(contexts) if contexts is not None else [None] * len(texts)
        if not len(texts):
            return []
        features = self._classifier.named_steps["features"].transform(list(texts)).tocsr()
        learned = self._probabilities_from_features(features, texts, contexts)
        cue_suggestions = self.codebook_model.suggest_many(texts, contexts)
        suggestions = []
        for number, (row, cue_suggestion) in enumerate(zip(learned, cue_suggestions, strict=True)):
            cue_row = np.array([cue_suggestion.scores[label] for label in self.codebook.label_ids])
            combined = blend(row[None, :], cue_row[None, :], self.blend_weight)[0]
            best = int(np.argmax(combined))
            label = self.codebook.label_ids[best]
            strongest = self._strongest(features[number], label)
            evidence = [f"feature '{name}'" for name in strongest]
            if cue_suggestion.label == label:
                evidence.extend(cue_suggestion.evidence)
            explanation = (
                f"{self.codebook.label(label).name}: learned {row[best]:.2f}, "
                f"codebook {cue_row[best]:.2f}"
            )
            if strongest:
                explanation += "; features " + ", ".join(f"'{name}'" for name in strongest)
            if cue_suggestion.label == label:
                explanation += "; " + cue_suggestion.explanation.split(": ", 1)[1]
            suggestions.append(
                Suggestion(
                    label=label,
                    score=float(combined[best]),
                    scores={
                        name: round(float(p), 4)
                        for name, p in zip(self.codebook.label_ids, combined, strict=True)
                    },
                    model=MODEL_NAME,
                    model_version=self.version,
                    explanation=explanation,
                    evidence=evidence,
                )
            )
        return suggestions

    def strongest_features(self, text: str, label: str, count: int = 3) -> list[str]:
        """The features of ``text`` that push most towards ``label``."""
        return self._strongest(
            self._classifier.named_steps["features"].transform([text]).tocsr(), label, count
        )

    def _strongest(self, vector, label: str, count: int = 3) -> list[str]:
        regression = self._classifier.named_steps["classifier"]
        if self._feature_names is None:
            self._feature_names = self._classifier.named_steps["features"].get_feature_names_out()
        classes = list(regression.classes_)
        if len(classes) == 2 and label in classes:
            sign = 1.0 if label == classes[1] else -1.0
            weights = sign * regression.coef_[0]
        elif label in classes:
            weights = regression.coef_[classes.index(label)]
        else:
            return []
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        contributions = vector.data * weights[vector.indices]
        names: list[str] = []
        for i in np.argsort(-contributions):
            if contributions[i] <= 0 or len(names) == count:
                break
            name = self._feature_names[vector.indices[i]].split("__", 1)[1]
            # Function words ('the', 'with the') explain nothing to a reader, but negations do.
            if all(word in ENGLISH_STOP_WORDS and word not in _KEPT_WORDS for word in name.split()):
                continue
            names.append(name)
        return names

    def saved_form(self) -> tuple[str, str]:
        """What saving writes: the text of ``meta.json`` and of ``labels.jsonl``."""
        labels = "".join(
            json.dumps({"text": text, "stance": label}, ensure_ascii=False) + "\n"
            for text, label in zip(self.texts, self.labels, strict=True)
        )
        meta = {
            "format": FORMAT,
            "model": MODEL_NAME,
            "version": self.version,
            "codebook": self.codebook.id,
            "codebook_fingerprint": codebook_fingerprint(self.codebook),
            "labels": len(self.labels),
            "params": self.params,
            "sklearn": _sklearn_version(),
        }
        return json.dumps(meta, indent=2) + "\n", labels

    def save(self, directory: str | Path) -> Path:
        """Write ``labels.jsonl`` and ``meta.json`` into ``directory`` (created if needed)."""
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        meta, labels = self.saved_form()
        (folder / "labels.jsonl").write_text(labels, encoding="utf-8")
        (folder / "meta.json").write_text(meta, encoding="utf-8")
        return folder


def fit_stance_model(
    codebook: Codebook, texts: Sequence[str], labels: Sequence[str], params: dict | None = None
) -> LearnedModel:
    """Fit the learned model on labelled statements (``labels`` are codebook label ids)."""
    if len(texts) != len(labels):
        raise StanceTrainingError(f"{len(texts)} texts but {len(labels)} labels")
    return LearnedModel(codebook, texts, labels, params)


def load_stance_model(directory: str | Path, codebook: Codebook) -> LearnedModel:
    """The model saved in ``directory``, refitted; errors name the folder and the problem."""
    folder = Path(directory)
    meta_path = folder / "meta.json"
    try:
        text = meta_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StanceTrainingError(f"{folder}: not a stance model folder (no meta.json)") from None
    except OSError as problem:
        raise StanceTrainingError(f"{meta_path}: cannot read: {problem}") from None
    meta = _checked_meta(text, str(meta_path), str(folder), codebook)
    from argmap.stance.label_files import read_labels

    examples = read_labels(folder / "labels.jsonl", codebook)
    return _refitted(
        codebook, [e.text for e in examples], [e.stance for e in examples], meta, folder
    )


def stance_model_from_text(
    meta: str, labels: str, codebook: Codebook, where: str = "the saved model"
) -> LearnedModel:
    """The model saved as ``saved_form`` gives it (``meta.json``'s and ``labels.jsonl``'s
    text, e.g. kept in a database), refitted; errors name ``where``."""
    checked = _checked_meta(meta, where, where, codebook)
    texts, stances = [], []
    for number, line in enumerate(labels.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text, stance = record["text"], record["stance"]
        except (ValueError, TypeError, KeyError):
            raise StanceTrainingError(f"{where}: labelled statement {number} unreadable") from None
        if not isinstance(text, str) or not isinstance(stance, str):
            raise StanceTrainingError(f"{where}: labelled statement {number} unreadable")
        texts.append(text)
        stances.append(stance)
    return _refitted(codebook, texts, stances, checked, where)


def _checked_meta(text: str, meta_where: str, where: str, codebook: Codebook) -> dict:
    """``meta.json``'s content, checked: the format known, the same codebook."""
    try:
        meta = json.loads(text)
    except ValueError as problem:
        raise StanceTrainingError(f"{meta_where}: cannot read: {problem}") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        found = meta.get("format") if isinstance(meta, dict) else meta
        raise StanceTrainingError(
            f"{meta_where}: unknown model format {found!r} (expected {FORMAT})"
        )
    if meta.get("codebook_fingerprint") != codebook_fingerprint(codebook):
        raise StanceTrainingError(
            f"{where}: the model was trained with another codebook ({meta.get('codebook')}, "
            f"{meta.get('codebook_fingerprint')}); retrain it with this one"
        )
    return meta


def _refitted(
    codebook: Codebook, texts: list[str], labels: list[str], meta: dict, where: str | Path
) -> LearnedModel:
    model = LearnedModel(codebook, texts, labels, meta.get("params"))
    if model.version != meta.get("version"):
        raise StanceTrainingError(
            f"{where}: refitted version {model.version} differs from the saved "
            f"{meta.get('version')}"
        )
    return model


def check_labels(codebook: Codebook, labels: Sequence[str]) -> None:
    """Raise ``StanceTrainingError`` unless every label is known and every codebook label is
    used."""
    if not labels:
        raise StanceTrainingError("no labelled statements")
    known = set(codebook.label_ids)
    unknown = sorted(set(labels) - known)
    if unknown:
        raise StanceTrainingError(
            f"unknown label {unknown[0]!r} (the codebook has {', '.join(codebook.label_ids)})"
        )
    missing = [label for label in codebook.label_ids if label not in set(labels)]
    if missing:
        raise StanceTrainingError(
            f"no labelled statement has label {missing[0]!r}; "
            "every codebook label needs at least one example"
        )
    if len(known) < 2:
        raise StanceTrainingError("a learned model needs a codebook with at least two labels")


def blend_weight(labels: int, classes: int, prior_per_label: float) -> float:
    """The learned model's weight in the blend with ``labels`` training labels over ``classes``
    codebook labels: m / (m + prior_per_label) for m labels per codebook label."""
    per_label = labels / max(1, classes)
    return per_label / (per_label + float(prior_per_label))


def blend(learned: np.ndarray, codebook: np.ndarray, weight: float) -> np.ndarray:
    """The weighted geometric mean of two probability arrays, renormalised per row."""
    logs = weight * np.log(np.clip(learned, 1e-9, 1.0)) + (1.0 - weight) * np.log(
        np.clip(codebook, 1e-9, 1.0)
    )
    logs -= logs.max(axis=1, keepdims=True)
    exp = np.exp(logs)
    return exp / exp.sum(axis=1, keepdims=True)


def _fit(texts: list[str], labels: list[str], params: dict):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import SGDClassifier
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion(
        [
            (
                "word",
                TfidfVectorizer(
                    ngram_range=tuple(params["word_ngrams"]), sublinear_tf=True, min_df=1
                ),
            ),
        ]
    )
    classifier = SGDClassifier(
        loss="log_loss",
        alpha=float(params["alpha"]) * max(1.0, float(params["alpha_labels"]) / len(labels)),
        class_weight="balanced",
        average=True,
        random_state=int(params["seed"]),
    )
    pipeline = Pipeline([("features", features), ("classifier", classifier)])
    pipeline.fit(texts, labels)
    return pipeline


def _version(codebook: Codebook, texts: list[str], labels: list[str], params: dict) -> str:
    digest = hashlib.sha256()
    digest.update(codebook_fingerprint(codebook).encode())
    digest.update(json.dumps(params, sort_keys=True).encode())
    for text, label in zip(texts, labels, strict=True):
        digest.update(json.dumps([text, label]).encode())
    return f"{len(labels)}-{digest.hexdigest()[:10]}"


def _sklearn_version() -> str:
    import sklearn

    return sklearn.__version__
