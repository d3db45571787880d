"""``argmap review`` and ``argmap agreement``: label a packet, measure agreement across packets."""

from __future__ import annotations

import argparse
import sys

from argmap.cli import error


def register(commands: argparse._SubParsersAction, eval_targets: argparse._SubParsersAction) -> None:
    """Add ``review`` and ``agreement`` to the parser."""
    review = commands.add_parser(
        "review",
        help="label an annotation packet's statements in the terminal, offline",
        description="Open a reviewer's packet (JSON) in the terminal UI; every answer is saved into the file at once.",
    )
    review.add_argument("packet", metavar="PACKET", help="the packet file (.json) handed out to the reviewer")
    review.set_defaults(run=_run_review)

    agreement = commands.add_parser(
        "agreement",
        help="agreement between reviewers (Krippendorff's alpha, Cohen's kappa, ...) over filled packets",
        description="Agreement between reviewers over filled packets from one workspace: Krippendorff's alpha "
        "(nominal) overall and per label, Cohen's kappa per pair, percent agreement, per document, label-pair "
        "counts. Undefined figures are reported as undefined, with the reason.",
    )
    agreement.add_argument("packets", nargs="+", metavar="PACKET", help="filled packet files (.json)")
    agreement.add_argument("--format", choices=("table", "json"), default="table", help="report format (default: table)")
    agreement.add_argument(
        "--disagreements", action="store_true", help="also list the items whose labels differ, with every reviewer's label and note"
    )
    agreement.set_defaults(run=_run_agreement)


def _run_review(args: argparse.Namespace) -> int:
    from argmap.review.packet import PacketError, load_packet

    try:
        packet = load_packet(args.packet)
    except PacketError as problem:
        error(str(problem))
        return 1
    if not packet.items:
        error(f"{args.packet}: the packet has no items")
        return 1
    from argmap.tui.review import ReviewApp

    ReviewApp(packet, args.packet).run()
    return 0


def _run_agreement(args: argparse.Namespace) -> int:
    import json

    from argmap.review.agreement import agreement
    from argmap.review.disagreements import disagreements
    from argmap.review.packet import PacketError, load_packet
    from argmap.review.ratings import latest_ratings, packet_ratings
    from argmap.review.report import format_agreement

    failed = False
    ratings = []
    first = None
    for path in args.packets:
        try:
            packet = load_packet(path)
        except PacketError as problem:
            error(str(problem))
            failed = True
            continue
        if first is None:
            first = packet
        elif packet.workspace_id != first.workspace_id:
            error(f"{path}: packet from workspace {packet.workspace_id!r}, not {first.workspace_id!r} like the first packet; left out")
            failed = True
            continue
        elif packet.codebook.label_ids != first.codebook.label_ids:
            error(f"{path}: its codebook's labels ({', '.join(packet.codebook.label_ids)}) differ from the first packet's; left out")
            failed = True
            continue
        ratings.extend(packet_ratings(packet))
    if first is None:
        return 1
    table = latest_ratings(ratings)
    report = agreement(table, first.codebook.label_ids)
    queue = disagreements(table) if args.disagreements else None
    if args.format == "json":
        data = json.loads(format_agreement(report, "json"))
        if queue is not None:
            data["disagreements"] = [entry.model_dump(mode="json") for entry in queue]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_agreement(report, "table"))
        if queue is not None:
            sys.stdout.write(_format_queue(queue))
    return 1 if failed else 0


def _format_queue(queue) -> str:
    lines = [f"Disagreements: {len(queue)} items"]
    for entry in queue:
        lines.append(f"{entry.item} ({entry.document or 'no document'})")
        for answer in entry.answers:
            note = f"  # {answer.note}" if answer.note else ""
            lines.append(f"    {answer.reviewer}: {answer.label}{note}")
    return "\n".join(lines) + "\n"
