"""Questions of time and outlet: ``argmap timeline`` (stance over time) and ``argmap sourcing``
(which outlets quote which speakers). The counting is the store's (``argmap.store.timeline``,
``argmap.store.sourcing``); this module reads the options and prints tables, CSV or JSON."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from argmap.cli import noun, plural
from argmap.cli.mapedit import (
    STATEMENT_FILTERS,
    UsageProblem,
    statement_filter,
    whole_number,
)
from argmap.cli.workspace import METADATA_FILTERS, add_workspace_option, run_in_workspace

FORMATS = ("table", "csv", "json")
#: The period column's value on the rows of statements whose document has no date.
UNDATED = "undated"


def register(
    commands: argparse._SubParsersAction, eval_targets: argparse._SubParsersAction
) -> None:
    """Add ``timeline`` and ``sourcing``."""
    timeline = commands.add_parser(
        "timeline",
        help="stance over time: statements per week or month and label, split by outlet, "
        "speaker, position or label",
        description="Stance over time: the statements of each week (ISO weeks, Monday to "
        "Sunday) or month, counted per stance label with each label's share of the labelled "
        "ones, split by outlet, speaker, position or label. A statement's day is its "
        "document's publication day as published, in the outlet's own zone (an article dated "
        "2024-04-15T01:00+09:00 is of 15 April); every period from the first to the last is "
        "shown, empty ones too; statements of documents without a date are counted apart, on "
        "rows of their own. A statement's position is the position its accepted support and "
        "attack links lead to through the map's claims; a statement bearing on no position is "
        "counted under '(no position)', one bearing on several under each.",
    )
    timeline.add_argument(
        "--every", choices=("week", "month"), default="month", help="period (default: month)"
    )
    timeline.add_argument(
        "--by",
        choices=("outlet", "speaker", "position", "label"),
        help="split by outlet, speaker, position or label (one row per label, with its share "
        "of the period's labelled statements; default: all statements together)",
    )
    _label_option(timeline)
    _source_option(timeline)
    timeline.add_argument(
        "--top",
        type=whole_number,
        default=10,
        metavar="N",
        help="the N groups with most statements, and the one of statements without an outlet, "
        "speaker, position or label (default 10; 0: all)",
    )
    _filter_options(timeline)
    timeline.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table (default; a group's periods without statements left out, a period "
        "without any shown empty), csv (every period of every group, zeros too, one column per "
        "label and share) or json; statements of documents without a date are rows of their own "
        f"(period '{UNDATED}') in each",
    )
    add_workspace_option(timeline)
    timeline.set_defaults(run=run_in_workspace(_timeline))

    sourcing = commands.add_parser(
        "sourcing",
        help="which outlets quote which speakers, with which stance",
        description="Which outlets quote which speakers: statements per outlet and speaker, "
        "split by stance label. Each document counts for its one outlet: identical texts are "
        "one document in argmap, so a wire story printed unchanged by several outlets counts "
        "once, for the outlet its metadata names.",
    )
    sourcing.add_argument(
        "--rows",
        choices=("outlet", "speaker"),
        default="outlet",
        help="outlet (default): each outlet with the speakers it quotes; speaker: each speaker "
        "with the outlets quoting it",
    )
    sourcing.add_argument(
        "--top",
        type=whole_number,
        default=10,
        metavar="N",
        help="the N speakers each outlet quotes most (with --rows speaker: the N speakers "
        "quoted most, each with every outlet), and the statements without a speaker however "
        "few; default 10, 0: all",
    )
    _label_option(sourcing)
    _source_option(sourcing)
    _filter_options(sourcing)
    sourcing.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table (default), csv (one row per outlet and speaker) or json",
    )
    add_workspace_option(sourcing)
    sourcing.set_defaults(run=run_in_workspace(_sourcing))


def _source_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--source",
        choices=("any", "human"),
        default="any",
        help="which labels count: any (default: the current stance, a person's label over the "
        "suggestion) or human (people's labels only, adjudications included; a statement with "
        "only a suggestion counts as without a label)",
    )


def _label_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--label",
        action="append",
        metavar="LABEL",
        help="show only these labels' columns (an id or name, or its start; repeatable or "
        "comma-separated); unlike argmap statements --label it never narrows the statements "
        "counted, so shares stay shares of all labelled statements",
    )


def _filter_options(parser: argparse.ArgumentParser) -> None:
    """The statements filters of ``argmap statements`` (``--label`` aside)."""
    for names, keywords in (*STATEMENT_FILTERS, *METADATA_FILTERS):
        parser.add_argument(*names, **keywords)


def _labels(workspace, found: tuple[str, ...], wanted: list[str] | None) -> tuple[str, ...]:
    """The label ids ``--label`` names (each an id or name, or the start of one, any case), in
    the codebook's order; all of ``found`` when none is named."""
    if not wanted:
        return found
    outline = workspace.codebook_outline
    names = {label.id: label.name for label in outline.labels} if outline else {}
    known = list(dict.fromkeys([*names, *found]))
    chosen: list[str] = []
    for text in (part.strip() for item in wanted for part in item.split(",")):
        if not text:
            continue
        low = text.casefold()
        hits = [x for x in known if low in (x.casefold(), names.get(x, "").casefold())]
        hits = hits or [
            x
            for x in known
            if x.casefold().startswith(low) or names.get(x, "").casefold().startswith(low)
        ]
        if len(hits) != 1:
            problem = "is not a label" if not hits else f"names several: {', '.join(hits)}"
            raise UsageProblem(
                f"argument --label: {text!r} {problem} (labels: {', '.join(known) or 'none'})"
            )
        chosen.append(hits[0])
    return tuple(label for label in known if label in chosen)


def _share(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _print_table(header: list[str], rows: list[list[str]], right: set[int]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [
            str(cell).rjust(widths[i]) if i in right else str(cell).ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        print("  ".join(cells).rstrip())


# ---------------------------------------------------------------------- timeline


def _timeline(workspace, args) -> int:
    from argmap.store.timeline import timeline

    found = timeline(
        workspace,
        every=args.every,
        by=args.by,
        filter=statement_filter(workspace, args),
        source=args.source,
        top=args.top,
    )
    labels = _labels(workspace, found.labels, args.label)
    if args.format == "json":
        _timeline_json(found, labels)
    elif args.format == "csv":
        _timeline_csv(found, labels)
    else:
        _timeline_table(found, labels)
    _timeline_notes(found)
    return 0


def _undated_rows(found):
    """(group, counts) of the statements without a date, for each shown group with some."""
    for group in found.groups:
        counts = found.undated_counts(group.id)
        if counts:
            yield group, counts


def _timeline_table(found, labels: tuple[str, ...]) -> None:
    """One row per period and group with statements, a period with none as one empty row,
    then the statements without a date; each label's count and share."""
    by_label = found.by == "label"
    undated = list(_undated_rows(found))
    unlabelled = not by_label and any(
        counts.get("") for _, _, counts in [*found.rows(), *((None, *u) for u in undated)]
    )
    header = [found.every, "from", *([found.by] if found.by else []), "statements"]
    if by_label:
        header.append("share")
    else:
        header += list(labels) + (["no label"] if unlabelled else [])

    def share(period, group, label: str) -> float | None:
        return found.share(period.key if period else None, group.id, label)

    def row(period, group, counts: dict[str, int]) -> list[str]:
        key, start = (period.key, period.start) if period else (UNDATED, "")
        cells = [key, start, *([group.name if group else "-"] if found.by else [])]
        cells.append(str(sum(counts.values())))
        if group is None:  # a period without statements
            empty = [f"0 {'-':>4}" for _ in labels] + (["0"] if unlabelled else [])
            return cells + ([""] if by_label else empty)
        if by_label:
            return [*cells, _percent(share(period, group, group.id)) if group.id else ""]
        cells += [f"{counts.get(x, 0)} {_percent(share(period, group, x)):>4}" for x in labels]
        return cells + ([str(counts.get("", 0))] if unlabelled else [])

    rows = []
    for period in found.periods:
        groups = [
            (group, counts)
            for group in found.groups
            if (counts := found.counts(period.key, group.id))
        ]
        for group, counts in groups or [(None, {})]:
            rows.append(row(period, group, counts))
    rows += [row(None, group, counts) for group, counts in undated]
    first = 3 if found.by else 2
    _print_table(header, rows, set(range(first, len(header))))


def _timeline_rows(found):
    """Every period of every group (zeros too), then each group's statements without a date:
    (period or None, group, counts)."""
    for period in found.periods:
        for group in found.groups:
            yield period, group, found.counts(period.key, group.id)
    for group, counts in _undated_rows(found):
        yield None, group, counts


def _timeline_csv(found, labels: tuple[str, ...]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    by = [f"{found.by}_id", found.by] if found.by else []
    writer.writerow(
        [
            found.every,
            "start",
            "end",
            *by,
            "statements",
            "labelled",
            *(column for label in labels for column in (label, f"{label}_share")),
            "no_label",
        ]
    )
    for period, group, counts in _timeline_rows(found):
        total = sum(counts.values())
        key = period.key if period else None
        shares = (
            [found.share(key, group.id, label) for label in labels]
            if counts or found.by == "label"  # split by label: of the period's labelled ones
            else [None] * len(labels)  # most rows of a large split: nothing to divide
        )
        writer.writerow(
            [
                key or UNDATED,
                period.start if period else "",
                period.end if period else "",
                *([group.id or "", group.name] if found.by else []),
                total,
                total - counts.get("", 0),
                *(
                    value
                    for label, share in zip(labels, shares, strict=True)
                    for value in (counts.get(label, 0), _share(share))
                ),
                counts.get("", 0),
            ]
        )


def _timeline_json(found, labels: tuple[str, ...]) -> None:
    def groups(items) -> list[dict]:
        return [
            {"id": g.id, "name": g.name, "statements": g.statements, "undated": g.undated}
            for g in items
        ]

    def counts_of(counts: dict[str, int]) -> dict[str, int]:
        return {label: counts.get(label, 0) for label in labels} | {"": counts.get("", 0)}

    record = {
        "every": found.every,
        "by": found.by,
        "source": found.source,
        "labels": list(labels),
        "statements": found.statements,
        "undated": found.undated,
        "several_positions": found.several,
        "periods": [{"key": p.key, "start": p.start, "end": p.end} for p in found.periods],
        "groups": groups(found.groups),
        "left_out": groups(found.left_out),
        "points": [
            {
                "period": period.key,
                "group": group.id,
                "statements": sum(counts.values()),
                "labelled": sum(n for label, n in counts.items() if label),
                "counts": counts_of(counts),
                "shares": {label: found.share(period.key, group.id, label) for label in labels},
            }
            for period, group, counts in found.rows()
        ],
        "undated_points": [
            {
                "group": group.id,
                "statements": sum(counts.values()),
                "counts": counts_of(counts),
                "shares": {label: found.share(None, group.id, label) for label in labels},
            }
            for group, counts in _undated_rows(found)
        ],
    }
    json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
    print()


def _timeline_notes(found) -> None:
    """What the numbers count, on stderr: the statements, those without a date, the label
    source, groups left out, statements under several positions."""
    span = f"{found.periods[0].key} to {found.periods[-1].key}" if found.periods else "no period"
    if not found.statements:
        dates = "no statement matches"
    elif not found.undated:
        dates = f"{plural(found.statements, 'statement')}, all on a day ({span})"
    else:
        dates = (
            f"{plural(found.statements, 'statement')}: {found.statements - found.undated} on a day "
            f"({span}); {found.undated} of documents without a date, counted apart on the "
            f"'{UNDATED}' rows (argmap statements --since none lists them, argmap documents "
            "--since none their documents; argmap document set DOC --published DAY dates one)"
        )
    notes = [
        dates,
        "labels: "
        + (
            "people's only (a statement with only a suggestion has none)"
            if found.source == "human"
            else "the current stance (a person's label over the suggestion)"
        )
        + "; shares are of the statements with a label",
    ]
    if found.several:
        notes.append(
            f"{plural(found.several, 'statement')} bearing on several positions, counted under each"
        )
    if found.left_out:
        n = sum(g.statements + g.undated for g in found.left_out)
        notes.append(
            f"{len(found.left_out)} more {noun(len(found.left_out), found.by)} with "
            f"{plural(n, 'statement')} left out (--top 0 for all)"
        )
    for note in notes:
        print(f"({note})", file=sys.stderr)


# ---------------------------------------------------------------------- sourcing


def _sourcing(workspace, args) -> int:
    from argmap.store.sourcing import sourcing

    found = sourcing(workspace, filter=statement_filter(workspace, args), source=args.source)
    groups = _sourcing_groups(found, args.rows, args.top)
    labels = _labels(workspace, found.labels, args.label)
    if args.format == "json":
        _sourcing_json(found, groups, args.rows, labels)
    elif args.format == "csv":
        _sourcing_csv(found, groups, args.rows, labels)
    else:
        _sourcing_table(found, groups, args.rows, labels)
    shown = sum(len(cells) for _, cells in groups)
    if shown < len(found.cells):
        print(
            f"({len(found.cells) - shown} more outlet and speaker pairs left out: --top 0 for all)",
            file=sys.stderr,
        )
    print(
        f"({plural(found.statements, 'statement')}, "
        f"{plural(sum(o.id is not None for o in found.outlets), 'outlet')}, "
        f"{plural(sum(s.id is not None for s in found.speakers), 'speaker')}; labels: "
        + ("people's only" if found.source == "human" else "the current stance")
        + "; a text printed unchanged by several outlets is one document, counted once)",
        file=sys.stderr,
    )
    return 0


def _sourcing_groups(found, rows: str, top: int):
    """(outer total, [cells]) in the order shown: each outlet with its top speakers, or the
    top speakers each with every outlet."""
    if rows == "outlet":
        return [(outlet, found.of_outlet(outlet.id, top)) for outlet in found.outlets]
    return [(speaker, found.of_speaker(speaker.id)) for speaker in found.top_speakers(top)]


def _sourcing_table(found, groups, rows: str, labels: tuple[str, ...]) -> None:
    inner = "speaker" if rows == "outlet" else "outlet"
    unlabelled = any(c.counts.get("") for c in found.cells)
    header = [rows, inner, "statements", f"of the {rows}'s", *labels]
    header += ["no label"] if unlabelled else []
    table = []
    for outer, cells in groups:
        for cell in cells:
            name = cell.speaker if rows == "outlet" else (cell.outlet or "(no outlet)")
            table.append(
                [
                    outer.name,
                    name,
                    str(cell.statements),
                    _percent(cell.statements / outer.statements),
                    *(str(cell.counts.get(label, 0)) for label in labels),
                    *([str(cell.counts.get("", 0))] if unlabelled else []),
                ]
            )
        rest = outer.statements - sum(c.statements for c in cells)
        if rest:
            others_n = len(_all_of(found, outer.id, rows)) - len(cells)
            others = {
                label: outer.counts.get(label, 0) - sum(c.counts.get(label, 0) for c in cells)
                for label in (*labels, "")
            }
            table.append(
                [
                    outer.name,
                    f"({plural(others_n, 'other ' + inner)})",
                    str(rest),
                    _percent(rest / outer.statements),
                    *(str(others[label]) for label in labels),
                    *([str(others[""])] if unlabelled else []),
                ]
            )
    _print_table(header, table, set(range(2, len(header))))


def _all_of(found, key, rows: str):
    return found.of_outlet(key) if rows == "outlet" else found.of_speaker(key)


def _sourcing_csv(found, groups, rows: str, labels: tuple[str, ...]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(
        [
            "outlet",
            "speaker_id",
            "speaker",
            "statements",
            f"{rows}_share",
            "labelled",
            *labels,
            "no_label",
        ]
    )
    for outer, cells in groups:
        for cell in cells:
            writer.writerow(
                [
                    cell.outlet or "",
                    cell.speaker_id or "",
                    cell.speaker,
                    cell.statements,
                    _share(cell.statements / outer.statements),
                    cell.statements - cell.counts.get("", 0),
                    *(cell.counts.get(label, 0) for label in labels),
                    cell.counts.get("", 0),
                ]
            )


def _sourcing_json(found, groups, rows: str, labels: tuple[str, ...]) -> None:
    def counts(values: dict[str, int]) -> dict[str, int]:
        return {label: values.get(label, 0) for label in labels} | {"": values.get("", 0)}

    inner = "speakers" if rows == "outlet" else "outlets"
    record = {
        "source": found.source,
        "labels": list(labels),
        "statements": found.statements,
        f"{rows}s": [
            {
                "id": outer.id,
                "name": outer.name,
                "statements": outer.statements,
                "counts": counts(outer.counts),
                inner: [
                    {
                        "id": cell.speaker_id if rows == "outlet" else cell.outlet,
                        "name": cell.speaker if rows == "outlet" else cell.outlet,
                        "statements": cell.statements,
                        "counts": counts(cell.counts),
                    }
                    for cell in cells
                ],
            }
            for outer, cells in groups
        ],
    }
    json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
    print()
