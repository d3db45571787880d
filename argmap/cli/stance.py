"""``argmap label``, ``argmap train`` and ``argmap eval stance``: stance suggestions and models."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from argmap.cli import error, plural

if TYPE_CHECKING:
    from argmap.codebook import Codebook
    from argmap.stance.label_files import LabelledStatement


def register(
    commands: argparse._SubParsersAction, eval_targets: argparse._SubParsersAction
) -> None:
    """Add ``label``, ``train`` and ``eval stance`` to the parser."""
    label = commands.add_parser(
        "label",
        help="suggest a stance for each statement (JSONL with 'text', or plain lines)",
        description=(
            "Suggest a stance for each statement. Input: JSON Lines objects with 'text' (and "
            "optional 'context'), or plain lines, from files or standard input ('-'). Output: "
            "one JSON line per statement with label, score, scores, explanation, evidence, model "
            "and version."
        ),
    )
    label.add_argument(
        "inputs",
        nargs="*",
        metavar="FILE",
        help="statement files; '-' or nothing reads standard input",
    )
    label.add_argument(
        "--codebook", required=True, metavar="FILE", help="the debate's codebook (TOML)"
    )
    label.add_argument(
        "--model",
        metavar="DIR",
        help="a learned model saved by 'argmap train' (default: the codebook model)",
    )
    label.set_defaults(run=_run_label)

    train = commands.add_parser(
        "train",
        help="fit the learned stance model from labelled statements",
        description="Fit the learned stance model (combined with the codebook model) and save it "
        "to a folder.",
    )
    train.add_argument(
        "labels",
        metavar="LABELS.jsonl",
        help="labelled statements: 'text' or 'doc'/'start'/'end', and 'stance'",
    )
    train.add_argument(
        "--codebook", required=True, metavar="FILE", help="the debate's codebook (TOML)"
    )
    train.add_argument(
        "--documents",
        action="append",
        default=[],
        metavar="DIR",
        help="folder of the documents named by 'doc' (repeatable)",
    )
    train.add_argument(
        "--split",
        metavar="NAME",
        help="use only the lines whose 'split' field is NAME (e.g. train)",
    )
    train.add_argument(
        "-o", "--output", required=True, metavar="DIR", help="folder to save the model in"
    )
    train.set_defaults(run=_run_train)

    stance = eval_targets.add_parser(
        "stance",
        help="accuracy, macro-F1, per-label scores and confusion of stance suggestions",
        description="Score stance suggestions against gold labels; --cv K cross-validates the "
        "three models on the gold.",
    )
    stance.add_argument(
        "gold",
        metavar="GOLD.jsonl",
        help="labelled statements: 'text' or 'doc'/'start'/'end', and 'stance'",
    )
    stance.add_argument(
        "--codebook", required=True, metavar="FILE", help="the debate's codebook (TOML)"
    )
    stance.add_argument(
        "--model", metavar="DIR", help="also score a learned model saved by 'argmap train'"
    )
    stance.add_argument(
        "--cv",
        type=int,
        metavar="K",
        help="K-fold cross-validated scores of the codebook, learned and combined models",
    )
    stance.add_argument(
        "--documents",
        action="append",
        default=[],
        metavar="DIR",
        help="folder of the documents named by 'doc' (repeatable)",
    )
    stance.add_argument(
        "--split",
        metavar="NAME",
        help="score only the lines whose 'split' field is NAME (e.g. dev)",
    )
    stance.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="report format (default: table)",
    )
    stance.set_defaults(run=_run_eval_stance)


def _run_label(args: argparse.Namespace) -> int:
    from argmap.codebook import load_codebook
    from argmap.stance import load_stance_model, suggest_stances

    codebook = load_codebook(args.codebook)
    model = load_stance_model(args.model, codebook) if args.model else None
    failed = False
    for name in args.inputs or ["-"]:
        records: list[dict] = []
        for record in _statements(name):
            if isinstance(record, str):
                error(record)
                failed = True
            else:
                records.append(record)
        if not records:
            continue
        texts = [r["text"] for r in records]
        contexts = [
            r.get("context") if isinstance(r.get("context"), str) else None for r in records
        ]
        for record, suggestion in zip(
            records, suggest_stances(codebook, texts, contexts=contexts, model=model), strict=True
        ):
            out = {
                **record,
                "label": suggestion.label,
                "score": round(suggestion.score, 4),
                "scores": suggestion.scores,
                "explanation": suggestion.explanation,
                "evidence": suggestion.evidence,
                "model": suggestion.model,
                "version": suggestion.model_version,
            }
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 1 if failed else 0


def _statements(name: str) -> Iterator[dict | str]:
    """The statements of one input: dicts with 'text', or error messages ('FILE:LINE: problem')."""
    shown = "<stdin>" if name == "-" else name
    try:
        if name == "-":
            lines = sys.stdin.read().splitlines()
        else:
            with open(name, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
    except FileNotFoundError:
        yield f"{shown}: no such file or directory"
        return
    except (OSError, UnicodeDecodeError) as problem:
        yield f"{shown}: cannot read: {getattr(problem, 'strerror', None) or problem}"
        return
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.lstrip().startswith("{"):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as problem:
                yield f"{shown}:{number}: not valid JSON: {problem.msg}"
                continue
            if not isinstance(record.get("text"), str) or not record["text"].strip():
                yield f"{shown}:{number}: a JSON statement needs a non-empty 'text'"
                continue
            yield record
        else:
            yield {"text": line.strip()}


def _labelled(
    path: str, codebook: Codebook, folders: list[str], split: str | None = None
) -> list[LabelledStatement]:
    """The labelled statements in ``path`` (only those of ``split``, when it is given)."""
    from argmap.stance import LabelsError, read_labels

    examples = read_labels(path, codebook, folders)
    if split is not None:
        examples = [e for e in examples if e.split == split]
        if not examples:
            raise LabelsError(f"{path}: no line has split {split!r}")
    return examples


def _run_train(args: argparse.Namespace) -> int:
    from argmap.codebook import load_codebook
    from argmap.stance import StanceTrainingError, fit_stance_model

    codebook = load_codebook(args.codebook)
    examples = _labelled(args.labels, codebook, args.documents, args.split)
    try:
        model = fit_stance_model(codebook, [e.text for e in examples], [e.stance for e in examples])
    except StanceTrainingError as problem:
        error(f"{args.labels}: {problem}")
        return 1
    try:
        folder = model.save(args.output)
    except OSError as problem:
        error(f"{args.output}: cannot save the model: {problem.strerror or problem}")
        return 1
    counts = Counter(model.labels)
    shares = ", ".join(f"{label} {counts[label]}" for label in codebook.label_ids)
    print(
        f"trained {model.version} on {plural(len(model.labels), 'statement')} ({shares}); "
        f"saved to {folder}"
    )
    return 0


def _run_eval_stance(args: argparse.Namespace) -> int:
    from argmap.codebook import load_codebook
    from argmap.evaluation.stance import cross_validate, format_reports, score
    from argmap.stance import codebook_model, load_stance_model

    codebook = load_codebook(args.codebook)
    examples = _labelled(args.gold, codebook, args.documents, args.split)
    if args.cv is not None and args.cv < 2:
        error(f"--cv {args.cv}: expected at least 2 folds")
        return 2
    texts = [e.text for e in examples]
    contexts = [e.context for e in examples]
    gold = [e.stance for e in examples]
    labels = list(codebook.label_ids)
    cue_model = codebook_model(codebook)
    cue = cue_model.suggest_many(texts, contexts)
    reports = [
        score(
            gold,
            [s.label for s in cue],
            labels,
            "codebook",
            cue_model.version,
            scores=[s.score for s in cue],
        )
    ]
    if args.model:
        model = load_stance_model(args.model, codebook)
        predicted = model.suggest(texts, contexts)
        reports.append(
            score(
                gold,
                [s.label for s in predicted],
                labels,
                "combined",
                model.version,
                scores=[s.score for s in predicted],
            )
        )
    if args.cv:
        try:
            reports.extend(cross_validate(codebook, examples, args.cv).values())
        except ValueError as problem:
            error(f"{args.gold}: {problem}")
            return 1
    if args.format == "json":
        json.dump([r.model_dump() for r in reports], sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(
            format_reports(
                reports, f"Stance: {plural(len(examples), 'statement')} from {args.gold}"
            )
        )
    return 0
