"""Score extracted statements against gold statements, and report the result.

The rules are those of the shared gold's README:

* A predicted statement is **correct** when at least half of its characters lie inside *one*
  gold statement of the same document (optional gold included). A prediction's characters are
  its ``parts`` when it has any, else ``start``-``end``; a gold statement's characters are all
  of its spans. A prediction with no characters is never correct.
* A gold statement is **found** when the predicted statements of its document, taken together
  (the union of their characters), cover at least half of its characters.
* Precision = correct / predicted; recall = found / required gold (gold not marked optional).
* **Attribution** of a prediction to a gold statement is right when
  - the gold has ``source_spans`` (PolNeAR): the predicted speaker mention
    (``speaker_start``-``speaker_end``) shares at least one character with a source span;
  - otherwise (seed gold): the predicted ``speaker`` or ``speaker_mention`` names the gold
    speaker or one of its ``speaker_aliases`` (see :func:`names_match`: titles ignored, a
    surname alone accepted, family-name-first order accepted);
  - the gold names no speaker at all (an unattributed, optional statement): any attribution
    is accepted, since the gold has nothing to contradict it.
* A found gold statement is **rightly attributed** when at least one prediction that shares a
  character with it is rightly attributed to it. (Choice: "any overlapping prediction" rather
  than "the prediction covering most of it", so a quote split by the extractor into two
  statements counts if either carries the right speaker.)
* Attribution accuracy = rightly attributed / found (required gold).
* Attributed recall = found and rightly attributed / required gold; attributed precision =
  correct predictions that are rightly attributed for a gold statement they lie in / predicted;
  attributed F1 is their harmonic mean.

``quoted_only`` scores quotations alone: required gold are the non-optional gold statements of
kind ``quoted``, ``direct`` or ``mixed`` (PolNeAR's ``quoted`` means the content holds a
quotation mark); every other gold statement becomes optional (a prediction inside it still
counts as correct, but it is not required), and only predictions of kind ``direct`` or
``mixed`` are scored.
"""

from __future__ import annotations

import io
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from argmap.evaluation.gold import (
    GoldSet,
    GoldStatement,
    Span,
    brat_text_dir,
    is_brat_folder,
    load_gold,
    merge_spans,
)
from argmap.models import Document, Statement, StatementKind

QUOTED_GOLD_KINDS = frozenset({"quoted", "direct", "mixed"})
QUOTED_PREDICTED_KINDS = frozenset({StatementKind.DIRECT, StatementKind.MIXED})
SNIPPET_CHARS = 100


# --------------------------------------------------------------------------- results


class _GoldLine(BaseModel):
    """Where a gold statement stands, for a line of the report."""

    gold_id: str
    doc: str
    start: int
    end: int
    text: str


class Miss(_GoldLine):
    """A required gold statement that was not found."""

    speaker: str | None
    kind: str


class WrongAttribution(_GoldLine):
    """A found gold statement whose overlapping predictions all name the wrong speaker."""

    gold_speaker: str | None
    predicted_speakers: list[str]


class FalsePositive(BaseModel):
    """A predicted statement that lies in no gold statement."""

    statement_id: str
    doc: str
    start: int
    end: int
    speaker: str | None
    kind: str
    text: str


class ExtractionScore(BaseModel):
    """Counts, rates and the itemised errors of one scoring run."""

    documents: int = 0
    predicted: int = 0
    correct: int = 0
    gold_required: int = 0
    gold_optional: int = 0
    found: int = 0
    attributed_found: int = Field(0, description="required gold found and rightly attributed")
    attributed_correct: int = Field(0, description="correct predictions rightly attributed")
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    attribution_accuracy: float = 0.0
    attributed_precision: float = 0.0
    attributed_recall: float = 0.0
    attributed_f1: float = 0.0
    misses: list[Miss] = Field(default_factory=list)
    wrong_attributions: list[WrongAttribution] = Field(default_factory=list)
    false_positives: list[FalsePositive] = Field(default_factory=list)


class ExtractionReport(BaseModel):
    """The result of ``evaluate_extraction``: what was read, and the score."""

    gold: str
    paths: list[str]
    quoted_only: bool = False
    documents: list[str] = Field(default_factory=list, description="documents scored")
    documents_without_gold: list[str] = Field(default_factory=list)
    gold_documents_missing: list[str] = Field(
        default_factory=list, description="documents named in the gold but not among the paths"
    )
    errors: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    extract_seconds: float = 0.0
    score_seconds: float = 0.0
    score: ExtractionScore


# --------------------------------------------------------------------------- speaker names

# Words that may precede a name as a title or role and are ignored when names are compared.
# Roles that speak for someone else (spokesman, aide, assistant) are deliberately absent.
TITLE_WORDS = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend hon honorable
    former then late ex acting incoming outgoing current interim
    president vice prime minister premier chancellor secretary undersecretary ambassador envoy
    senator sen rep representative congressman congresswoman governor gov mayor
    general gen admiral adm colonel col lieutenant lt major maj captain capt sergeant sgt
    commander chief chairman chairwoman chair director
    deputy foreign defense defence state cabinet justice judge
    the of to for and
    """.split()
)
_EDGE_PUNCT = "\"'“”‘’«»„.,;:!?()[]{}"


def _name_tokens(name: str) -> list[str]:
    """Lower-cased tokens of a name, punctuation and possessive 's stripped."""
    name = unicodedata.normalize("NFKC", name).lower().replace("’", "'").replace("‘", "'")
    tokens = []
    for raw in name.split():
        token = raw.strip(_EDGE_PUNCT)
        if token.endswith("'s"):
            token = token[:-2]
        token = token.strip(_EDGE_PUNCT)
        if token:
            tokens.append(token)
    return tokens


def _strip_titles(tokens: list[str]) -> list[str]:
    """Drop leading title words ("former Prime Minister", "the", "Mr."), keeping one token."""
    i = 0
    while i < len(tokens) - 1 and tokens[i] in TITLE_WORDS:
        i += 1
    return tokens[i:]


# Words that start a post-modifier after a name: "ministers from Japan", "Austin, who ...".
POSTMODIFIER_WORDS = frozenset("from of at in for with who whose which that on".split())


def _tokens_match(p: list[str], a: list[str]) -> bool:
    if not p or not a:
        return False
    if p == a or sorted(p) == sorted(a):
        return True
    if len(a) <= len(p) and p[-len(a) :] == a and _only_titles(p[: -len(a)]):
        return True
    if len(p) <= len(a) and a[-len(p) :] == p:
        return True
    return len(p) == 1 and len(a) > 1 and p[0] in (a[0], a[-1])


def _only_titles(prefix: list[str]) -> bool:
    """Can ``prefix`` stand before a name as its title ("former Ambassador to the U.S.")?
    Not when it speaks for someone else: "spokesman for", "the wife of", "an aide to"."""
    return not any(
        token in POSTMODIFIER_WORDS and i and prefix[i - 1] not in TITLE_WORDS
        for i, token in enumerate(prefix)
    )


def _head(name: str) -> list[str]:
    """The name before a comma or a post-modifier ("ministers from Japan" -> "ministers")."""
    tokens = _strip_titles(_name_tokens(name.split(",")[0]))
    for i, token in enumerate(tokens[1:], 1):
        if token in POSTMODIFIER_WORDS:
            return tokens[:i]
    return tokens


def names_match(predicted: str, alias: str) -> bool:
    """Does ``predicted`` name the person or group that ``alias`` names?

    Both are compared as lower-cased tokens with leading titles and "the" dropped. They match
    when the tokens are equal in any order ("Kishida Fumio" = "Fumio Kishida"), when one ends
    with the other ("former Japanese Ambassador Sasae Kenichiro" ends with "Sasae Kenichiro";
    "Austin" ends "Lloyd Austin"; but not "spokesman for Kishida", whose words before the name
    are no title), or when the prediction is a single token equal to the first
    or last token of a multi-token alias (a surname alone, either name order). The prediction
    also matches when its head does: the part before a comma or a post-modifier such as
    "from", "of" or "who" ("foreign ministers from Japan and the U.S." -> "foreign ministers").
    """
    a = _strip_titles(_name_tokens(alias))
    full = _strip_titles(_name_tokens(predicted))
    if _tokens_match(full, a):
        return True
    head = _head(predicted)
    return head != full and _tokens_match(head, a)


def _predicted_names(statement: Statement) -> list[str]:
    return [n for n in (statement.speaker, statement.speaker_mention) if n]


def attribution_right(statement: Statement, gold: GoldStatement) -> bool:
    """Is ``statement``'s speaker the speaker of ``gold`` (rules in the module docstring)?"""
    if gold.source_spans:
        lo, hi = statement.speaker_start, statement.speaker_end
        if lo is None or hi is None:
            return False
        return any(min(hi, g_hi) > max(lo, g_lo) for g_lo, g_hi in gold.source_spans)
    aliases = [a for a in [gold.speaker, *gold.speaker_aliases] if a]
    if not aliases:
        return True
    return any(
        names_match(name, alias) for name in _predicted_names(statement) for alias in aliases
    )


# --------------------------------------------------------------------------- scoring


def _overlap(a: list[Span], b: list[Span]) -> int:
    """Characters shared by two merged (sorted, disjoint) span lists."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi > lo:
            total += hi - lo
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def statement_spans(statement: Statement) -> list[Span]:
    """A prediction's characters: its ``parts`` when it has any, else ``start``-``end``."""
    return merge_spans(statement.parts or [(statement.start, statement.end)])


def _gold_fields(g: GoldStatement, doc: str, text: str | None) -> dict:
    """The fields that every report line about one gold statement shares."""
    return {
        "gold_id": g.id,
        "doc": doc,
        "start": g.start,
        "end": g.end,
        "text": _snippet(g.text or (text[g.start : g.end] if text else "")),
    }


def _snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def quoted_only_view(
    gold: Sequence[GoldStatement], predicted: Sequence[Statement]
) -> tuple[list[GoldStatement], list[Statement]]:
    """Gold and predictions as ``quoted_only`` scores them (see the module docstring)."""
    gold_view = [
        g if g.kind in QUOTED_GOLD_KINDS or g.optional else g.model_copy(update={"optional": True})
        for g in gold
    ]
    return gold_view, [s for s in predicted if s.kind in QUOTED_PREDICTED_KINDS]


def score_extraction(
    gold: Sequence[GoldStatement],
    predicted: Sequence[Statement],
    texts: dict[str, str] | None = None,
    *,
    quoted_only: bool = False,
) -> ExtractionScore:
    """Score ``predicted`` statements against ``gold`` (rules in the module docstring).

    Documents are matched by name (``GoldStatement.doc`` = ``Statement.doc_name``). ``texts``
    (document name -> text) is only used to show the text of errors; gold and predictions
    carry their own text otherwise.
    """
    if quoted_only:
        gold, predicted = quoted_only_view(gold, predicted)
    texts = texts or {}
    gold_by_doc: dict[str, list[GoldStatement]] = defaultdict(list)
    pred_by_doc: dict[str, list[Statement]] = defaultdict(list)
    for g in gold:
        gold_by_doc[g.doc].append(g)
    for s in predicted:
        pred_by_doc[s.doc_name].append(s)

    score = ExtractionScore(documents=len(set(gold_by_doc) | set(pred_by_doc)))
    for doc in sorted(set(gold_by_doc) | set(pred_by_doc)):
        _score_document(
            doc, gold_by_doc.get(doc, []), pred_by_doc.get(doc, []), texts.get(doc), score
        )

    score.precision = _ratio(score.correct, score.predicted)
    score.recall = _ratio(score.found, score.gold_required)
    score.f1 = _f1(score.precision, score.recall)
    score.attribution_accuracy = _ratio(score.attributed_found, score.found)
    score.attributed_precision = _ratio(score.attributed_correct, score.predicted)
    score.attributed_recall = _ratio(score.attributed_found, score.gold_required)
    score.attributed_f1 = _f1(score.attributed_precision, score.attributed_recall)
    return score


def _score_document(
    doc: str,
    golds: list[GoldStatement],
    preds: list[Statement],
    text: str | None,
    score: ExtractionScore,
) -> None:
    gold_spans = [merge_spans(g.spans) for g in golds]
    gold_len = [sum(hi - lo for lo, hi in spans) for spans in gold_spans]
    pred_spans = [statement_spans(s) for s in preds]
    # overlaps[j] = {gold index: shared characters} for prediction j
    overlaps: list[dict[int, int]] = []
    for spans in pred_spans:
        shared: dict[int, int] = {}
        if spans:
            p_lo, p_hi = spans[0][0], spans[-1][1]
            for i, g_spans in enumerate(gold_spans):
                if g_spans[0][0] < p_hi and g_spans[-1][1] > p_lo:
                    n = _overlap(spans, g_spans)
                    if n:
                        shared[i] = n
        overlaps.append(shared)
    covered = merge_spans(span for spans in pred_spans for span in spans)

    score.predicted += len(preds)
    for j, statement in enumerate(preds):
        length = sum(hi - lo for lo, hi in pred_spans[j])
        holders = [i for i, n in overlaps[j].items() if length and 2 * n >= length]
        if holders:
            score.correct += 1
            if any(attribution_right(statement, golds[i]) for i in holders):
                score.attributed_correct += 1
        else:
            body = text[statement.start : statement.end] if text else statement.text
            score.false_positives.append(
                FalsePositive(
                    statement_id=statement.id,
                    doc=doc,
                    start=statement.start,
                    end=statement.end,
                    speaker=statement.speaker or statement.speaker_mention,
                    kind=statement.kind.value,
                    text=_snippet(body or statement.text),
                )
            )

    for i, g in enumerate(golds):
        if g.optional:
            score.gold_optional += 1
            continue
        score.gold_required += 1
        if 2 * _overlap(covered, gold_spans[i]) < gold_len[i]:
            score.misses.append(Miss(**_gold_fields(g, doc, text), speaker=g.speaker, kind=g.kind))
            continue
        score.found += 1
        touching = [preds[j] for j in range(len(preds)) if i in overlaps[j]]
        if any(attribution_right(s, g) for s in touching):
            score.attributed_found += 1
        else:
            names = {s.speaker or s.speaker_mention or "(none)" for s in touching}
            score.wrong_attributions.append(
                WrongAttribution(
                    **_gold_fields(g, doc, text),
                    gold_speaker=g.speaker,
                    predicted_speakers=sorted(names),
                )
            )


# --------------------------------------------------------------------------- end to end

Extractor = Callable[[Document], list[Statement]]


def _read_documents(paths: Iterable[Path]) -> tuple[list[Document], list[str]]:
    """Documents under ``paths`` (files or folders) and the errors met reading them."""
    from argmap.io.reading import load_documents

    documents: list[Document] = []
    errors: list[str] = []
    for item in load_documents(paths):
        if isinstance(item, Document):
            documents.append(item)
        else:
            errors.append(str(item))
    return documents, errors


def _document_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Paths to read documents from; a brat folder stands for its ``text/`` folder."""
    return [brat_text_dir(p) if is_brat_folder(p) else Path(p) for p in paths]


def _gold_name(document: Document, names: set[str]) -> str | None:
    for candidate in (
        document.name,
        Path(document.name).name,
        Path(document.source_path).name if document.source_path else None,
    ):
        if candidate and candidate in names:
            return candidate
    return None


def _text_warnings(
    gold: GoldSet, docs: dict[str, Document], by_doc: dict[str, list[GoldStatement]]
) -> list[str]:
    """Warn when gold offsets do not line up with the documents read."""
    warnings = []
    for name, document in sorted(docs.items()):
        if name in gold.texts:
            if gold.texts[name] != document.text:
                warnings.append(
                    f"{name}: text differs from the gold's copy; offsets may not line up"
                )
            continue
        bad = [
            g.id
            for g in by_doc.get(name, [])
            if g.text and " ".join(document.text[lo:hi] for lo, hi in g.spans) != g.text
        ]
        if bad:
            warnings.append(
                f"{name}: {len(bad)} gold statement(s) whose text is not at their offsets "
                f"(first: {bad[0]})"
            )
    return warnings


def evaluate_extraction(
    gold_path: str | Path,
    paths: Sequence[str | Path],
    *,
    quoted_only: bool = False,
    extract: Extractor | None = None,
) -> ExtractionReport:
    """Run the extractor over the documents under ``paths`` and score it against the gold.

    ``gold_path`` is a gold JSONL file or a PolNeAR brat folder; a brat folder among ``paths``
    is read through its ``text/`` folder, so ``DEV DEV`` and ``gold.jsonl DEV/text`` both work.
    Only documents named in the gold are scored; the others are listed in
    ``documents_without_gold``, and gold documents absent from ``paths`` in
    ``gold_documents_missing`` (their gold is left out of the score). ``extract`` defaults to
    :func:`argmap.extraction.extract_statements`; an extractor error on a document is reported
    and the document scored with no predictions.
    """
    if extract is None:
        from argmap.extraction import extract_statements

        extract = extract_statements
    gold = load_gold(gold_path)
    by_doc: dict[str, list[GoldStatement]] = defaultdict(list)
    for g in gold.statements:
        by_doc[g.doc].append(g)
    names = set(gold.doc_names)

    documents, errors = _read_documents(_document_paths(paths))
    docs: dict[str, Document] = {}
    without_gold: list[str] = []
    warnings: list[str] = []
    for document in documents:
        name = _gold_name(document, names)
        if name is None:
            without_gold.append(document.source_path or document.name)
        elif name in docs:
            warnings.append(f"{name}: read more than once; the first copy is scored")
        else:
            docs[name] = document
    warnings.extend(_text_warnings(gold, docs, by_doc))
    if not docs:
        warnings.append("no document among the paths is named in the gold: nothing was scored")

    predicted: list[Statement] = []
    started = time.perf_counter()
    for name, document in sorted(docs.items()):
        try:
            statements = list(extract(document))
        except Exception as exc:
            errors.append(f"{name}: extraction failed: {type(exc).__name__}: {exc}")
            continue
        predicted.extend(
            s if s.doc_name == name else s.model_copy(update={"doc_name": name}) for s in statements
        )
    extract_seconds = time.perf_counter() - started

    started = time.perf_counter()
    scored_gold = [g for name in sorted(docs) for g in by_doc.get(name, [])]
    score = score_extraction(
        scored_gold,
        predicted,
        {name: d.text for name, d in docs.items()},
        quoted_only=quoted_only,
    )
    score.documents = len(docs)
    return ExtractionReport(
        gold=str(gold_path),
        paths=[str(p) for p in paths],
        quoted_only=quoted_only,
        documents=sorted(docs),
        documents_without_gold=sorted(without_gold),
        gold_documents_missing=sorted(n for n in names if n not in docs),
        errors=errors,
        warnings=warnings,
        extract_seconds=round(extract_seconds, 4),
        score_seconds=round(time.perf_counter() - started, 4),
        score=score,
    )


# --------------------------------------------------------------------------- output


def format_report(
    report: ExtractionReport,
    fmt: Literal["table", "json"] = "table",
    *,
    max_misses: int = 20,
    width: int = 120,
) -> str:
    """The report as ``json`` (everything) or a ``table`` for people (errors capped at
    ``max_misses`` per list)."""
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    if fmt != "table":
        raise ValueError(f"unknown report format {fmt!r} (table or json)")

    from rich.console import Console
    from rich.table import Table

    out = io.StringIO()
    console = Console(
        file=out, width=width, color_system=None, force_terminal=False, highlight=False
    )
    s = report.score
    title = "Extraction" + (" (quotations only)" if report.quoted_only else "")
    console.print(
        f"{title}: {s.documents} documents, gold {report.gold}; "
        f"{s.gold_required} required + {s.gold_optional} optional gold, {s.predicted} predicted"
    )
    metrics = Table(show_header=True, header_style="bold")
    metrics.add_column("measure")
    metrics.add_column("value", justify="right")
    metrics.add_column("counts", justify="right")
    for label, value, counts in (
        ("precision", s.precision, f"{s.correct}/{s.predicted} correct"),
        ("recall", s.recall, f"{s.found}/{s.gold_required} found"),
        ("F1", s.f1, ""),
        ("attribution accuracy", s.attribution_accuracy, f"{s.attributed_found}/{s.found} found"),
        ("attributed precision", s.attributed_precision, f"{s.attributed_correct}/{s.predicted}"),
        ("attributed recall", s.attributed_recall, f"{s.attributed_found}/{s.gold_required}"),
        ("attributed F1", s.attributed_f1, ""),
    ):
        metrics.add_row(label, f"{value:.3f}", counts)
    console.print(metrics)

    def listing(title: str, rows: list, columns: list[str], cells: Callable) -> None:
        if not rows:
            return
        shown = rows[:max_misses] if max_misses >= 0 else rows
        table = Table(
            title=f"{title} ({len(rows)})",
            show_header=True,
            header_style="bold",
            title_justify="left",
        )
        for column in columns:
            table.add_column(column, overflow="fold", ratio=3 if column == "text" else None)
        for row in shown:
            table.add_row(*cells(row))
        console.print(table)
        if len(rows) > len(shown):
            console.print(f"… and {len(rows) - len(shown)} more")

    listing(
        "Missed gold",
        s.misses,
        ["doc", "offsets", "speaker", "text"],
        lambda m: (m.doc, f"{m.start}-{m.end}", m.speaker or "", m.text),
    )
    listing(
        "Wrong attributions",
        s.wrong_attributions,
        ["doc", "offsets", "gold", "predicted", "text"],
        lambda w: (
            w.doc,
            f"{w.start}-{w.end}",
            w.gold_speaker or "",
            ", ".join(w.predicted_speakers),
            w.text,
        ),
    )
    listing(
        "False positives",
        s.false_positives,
        ["doc", "offsets", "speaker", "text"],
        lambda f: (f.doc, f"{f.start}-{f.end}", f.speaker or "", f.text),
    )
    if report.gold_documents_missing:
        missing = report.gold_documents_missing
        console.print(
            f"{len(missing)} gold document(s) not among the paths, not scored: "
            + ", ".join(missing[:max_misses])
            + (" …" if len(missing) > max_misses else "")
        )
    if report.documents_without_gold:
        console.print(f"{len(report.documents_without_gold)} document(s) without gold, not scored")
    for line in report.warnings:
        console.print(f"warning: {line}")
    for line in report.errors:
        console.print(f"error: {line}")
    return out.getvalue()
