"""The agreement report for people (a rich table) and for programs (JSON)."""

from __future__ import annotations

import io

from argmap.io.writers import confusion_table
from argmap.review.agreement import AgreementReport, Statistic


def format_agreement(report: AgreementReport, fmt: str = "table") -> str:
    """``report`` as ``table`` (rich text) or ``json``."""
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r} (expected table or json)")
    from rich.console import Console
    from rich.table import Table

    out = io.StringIO()
    console = Console(file=out, width=200, color_system=None, force_terminal=False)
    counts = report.label_counts
    console.print(
        f"Agreement: {report.items} items, {report.ratings} labels, "
        f"{len(report.reviewers)} reviewers ({', '.join(report.reviewers)}); "
        f"items with 1 label: {counts.one}, 2: {counts.two}, 3+: {counts.three_or_more}"
    )
    overall = Table(title="Overall")
    for column in ("measure", "value", "items", "note"):
        overall.add_column(column, justify="right" if column in ("value", "items") else "left")
    overall.add_row("Krippendorff's alpha (nominal)", *_cells(report.alpha))
    overall.add_row("percent agreement", *_cells(report.percent_agreement))
    for label, statistic in report.alpha_per_label.items():
        overall.add_row(f"alpha, {label} vs rest", *_cells(statistic))
    console.print(overall)
    if report.pairs:
        pairs = Table(title="Reviewer pairs")
        for column in ("reviewers", "shared items", "Cohen's kappa", "percent agreement", "note"):
            pairs.add_column(column, justify="left" if column in ("reviewers", "note") else "right")
        for pair in report.pairs:
            notes = "; ".join(
                sorted({s.reason for s in (pair.kappa, pair.percent_agreement) if s.reason})
            )
            pairs.add_row(
                " & ".join(pair.reviewers),
                str(pair.shared_items),
                str(pair.kappa),
                str(pair.percent_agreement),
                notes,
            )
        console.print(pairs)
    if report.documents:
        documents = Table(title="Documents")
        for column in ("document", "items", "paired", "alpha", "percent agreement", "note"):
            documents.add_column(
                column, justify="left" if column in ("document", "note") else "right"
            )
        for doc in report.documents:
            notes = "; ".join(
                sorted({s.reason for s in (doc.alpha, doc.percent_agreement) if s.reason})
            )
            documents.add_row(
                doc.document,
                str(doc.items),
                str(doc.paired_items),
                str(doc.alpha),
                str(doc.percent_agreement),
                notes,
            )
        console.print(documents)
    if report.labels:
        console.print(
            confusion_table(
                "Label pairs (two reviewers, same item; pooled over pairs)",
                "",
                report.labels,
                report.confusion,
            )
        )
    return out.getvalue()


def _cells(statistic: Statistic) -> tuple[str, str, str]:
    return str(statistic), str(statistic.items), statistic.reason or ""
