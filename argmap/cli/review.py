"""``argmap assign``, ``review``, ``collect`` and ``agreement``: reviewer work.

``assign`` writes packets from the workspace (or, with ``--web``, stores the assignment and
prints reviewers' links for ``argmap serve``), ``review`` labels one packet in the
terminal (no workspace needed), ``collect`` merges filled packets back, and
``agreement`` measures agreement over the workspace's annotations or over packets.
"""

from __future__ import annotations

import argparse
import sys

from argmap.cli import error, plural
from argmap.cli.workspace import (
    add_metadata_filters,
    add_workspace_option,
    metadata_filter,
    run_in_workspace,
)
from argmap.web.tokens import DEFAULT_EXPIRY_DAYS, DEFAULT_HOST, DEFAULT_PORT

NO_TERMINAL = (
    "argmap review needs a terminal: its input or output is not one "
    "(a packet can be filled by a script instead)"
)


def _has_terminal() -> bool:
    """True when standard input and output are both terminals (the review UI reads keys, draws)."""
    return (
        sys.stdin is not None
        and sys.stdout is not None
        and sys.stdin.isatty()
        and sys.stdout.isatty()
    )


def register(
    commands: argparse._SubParsersAction, eval_targets: argparse._SubParsersAction
) -> None:
    """Add ``assign``, ``review``, ``collect`` and ``agreement`` to the parser."""
    assign = commands.add_parser(
        "assign",
        help="hand statements out to reviewers: one annotation packet (JSON) per reviewer",
        description="Write one packet per reviewer into DIR, or with --web store the "
        "assignment in the workspace and print each reviewer's link for argmap serve. Each "
        "statement goes to OVERLAP distinct reviewers, shares are equal (within one), "
        "statements labelled by enough people, or already held in a packet in DIR or in the "
        "browser, are not handed out again.",
    )
    assign.add_argument(
        "--reviewers",
        required=True,
        metavar="NAMES",
        help="comma-separated reviewer names: alice,bob,carol",
    )
    assign.add_argument(
        "--overlap", type=int, default=2, metavar="K", help="reviewers per statement (default 2)"
    )
    share = assign.add_mutually_exclusive_group()
    share.add_argument(
        "--per-reviewer", type=int, metavar="N", help="at most N statements per reviewer"
    )
    share.add_argument(
        "--all",
        action="store_true",
        help="hand out every statement that needs labels (the default)",
    )
    assign.add_argument(
        "--order",
        choices=("uncertainty", "document", "random"),
        default="uncertainty",
        help="which statements first: least certain suggestion (default), document order, "
        "or random",
    )
    assign.add_argument("--seed", type=int, default=0, help="seed of --order random (default 0)")
    assign.add_argument(
        "--blind", action="store_true", help="leave the model's suggestions out of the packets"
    )
    add_metadata_filters(assign)
    assign.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="folder for the packets (created if needed); needed unless --web",
    )
    assign.add_argument(
        "--web",
        action="store_true",
        help="hand out in the browser instead: store the assignment in the workspace and print "
        "each reviewer's personal link for argmap serve (see argmap links)",
    )
    assign.add_argument(
        "--expires",
        type=float,
        default=DEFAULT_EXPIRY_DAYS,
        metavar="DAYS",
        help=f"with --web: the links work for DAYS days (default {DEFAULT_EXPIRY_DAYS})",
    )
    assign.add_argument(
        "--url",
        metavar="URL",
        help="with --web: the server's address in the links (default "
        f"http://{DEFAULT_HOST}:{DEFAULT_PORT}, argmap serve's; the https:// address of a proxy "
        "in front of it)",
    )
    add_workspace_option(assign)
    assign.set_defaults(run=run_in_workspace(_assign))

    review = commands.add_parser(
        "review",
        help="label an annotation packet's statements in the terminal, offline; or adjudicate "
        "disputes",
        description="Open a reviewer's packet (JSON) in the terminal UI; every answer is saved "
        "into the file at once. With --adjudicate, open the workspace's disputed statements "
        "instead and set their final labels.",
    )
    review.add_argument(
        "--keys",
        metavar="FILE",
        help="key remapping TOML (default ~/.config/argmap/keys.toml; the same file as "
        "argmap open)",
    )
    review.add_argument(
        "packet",
        nargs="?",
        metavar="PACKET",
        help="the packet file (.json) handed out to the reviewer",
    )
    review.add_argument(
        "--adjudicate",
        action="store_true",
        help="the adjudication queue: each disputed statement with every reviewer's label and note",
    )
    review.add_argument(
        "--as",
        dest="adjudicator",
        metavar="NAME",
        help="the adjudicator's name (default: $ARGMAP_USER or the login name)",
    )
    add_workspace_option(review)
    review.set_defaults(run=_run_review, parser=review)

    collect = commands.add_parser(
        "collect",
        help="merge filled packets into the workspace as the reviewers' annotations",
        description="Merge filled packets into the workspace. Collecting a packet twice changes "
        "nothing; a packet from another workspace or with altered items is refused; an answer "
        "never replaces a newer annotation by the same reviewer.",
    )
    collect.add_argument("packets", nargs="+", metavar="PACKET", help="filled packet files (.json)")
    add_workspace_option(collect)
    collect.set_defaults(run=run_in_workspace(_collect))

    agreement = commands.add_parser(
        "agreement",
        help="agreement between reviewers (Krippendorff's alpha, Cohen's kappa, ...)",
        description="Agreement between reviewers over the workspace's annotations, or over filled "
        "packets of one workspace when PACKET files are given: Krippendorff's alpha (nominal) "
        "overall and per label, Cohen's kappa per pair, percent agreement, per document, "
        "label-pair counts. Undefined figures are reported as undefined, with the reason.",
    )
    agreement.add_argument(
        "packets", nargs="*", metavar="PACKET", help="filled packet files (default: the workspace)"
    )
    agreement.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="report format (default: table)",
    )
    agreement.add_argument(
        "--disagreements",
        action="store_true",
        help="also list the items whose labels differ, with every reviewer's label and note",
    )
    add_workspace_option(agreement)
    agreement.set_defaults(run=_run_agreement)


def _assign(workspace, args: argparse.Namespace) -> int:
    from pathlib import Path

    from argmap.review.handout import build_packets, pending_packets, plan, write_packets

    if args.web == bool(args.output):
        error("give either -o DIR (packet files) or --web (links for argmap serve)")
        return 2
    reviewers = [name.strip() for name in args.reviewers.split(",") if name.strip()]
    folder = Path(args.output or ".")
    pending, problems = ({}, []) if args.web else pending_packets(folder, workspace.workspace_id)
    for problem in problems:
        error(f"{problem} (its items may be handed out again)")
    for statement_id, holders in workspace.web_holders().items():
        pending.setdefault(statement_id, set()).update(holders)
    from argmap.store import StatementFilter

    fields = metadata_filter(workspace, args)
    try:
        assignment = plan(
            workspace,
            reviewers,
            overlap=args.overlap,
            per_reviewer=args.per_reviewer,
            order=args.order,
            seed=args.seed,
            pending=pending,
            filter=StatementFilter(**fields) if fields else None,
        )
        if args.web:
            _assign_web(workspace, assignment, args)
        else:
            packets = build_packets(workspace, assignment, blind=args.blind)
            paths = write_packets(packets, folder)
            for packet, path in zip(packets, paths, strict=True):
                print(f"{packet.reviewer}: {plural(len(packet.items), 'statement')} -> {path}")
    except (ValueError, OSError) as problem:
        error(f"{args.output}: {problem}" if isinstance(problem, OSError) else str(problem))
        return 1
    held = "in the browser" if args.web else f"in a packet in {folder} or in the browser"
    print(
        _handed_out(assignment, args.overlap)
        + f"; {len(assignment.already_labelled)} already labelled or held {held}"
        + (
            f"; {len(assignment.not_handed_out)} left for later (--per-reviewer)"
            if assignment.not_handed_out
            else ""
        )
    )
    return 1 if problems else 0


def _assign_web(workspace, assignment, args: argparse.Namespace) -> None:
    """Store the assignment for the browser and print each reviewer's new link."""
    from argmap.web.tokens import issue_link

    if workspace.codebook is None:
        raise ValueError("the workspace has no codebook (argmap codebook FILE sets one)")
    if args.expires <= 0:
        raise ValueError(f"--expires must be a positive number of days, not {args.expires:g}")
    workspace.assign_web(assignment.packets, blind=args.blind)
    for reviewer, ids in assignment.packets.items():
        if not ids:
            continue
        link = issue_link(workspace, reviewer, days=args.expires, base_url=args.url)
        total = len(workspace.web_assignment(reviewer))
        print(
            f"{reviewer}: {plural(len(ids), 'statement')} ({total} in all) -> {link.url} "
            f"(expires {link.expires_at})"
        )


def _handed_out(assignment, overlap: int) -> str:
    """'N statements handed out to K reviewers each', or how many went to how many reviewers when
    that differs."""
    from collections import Counter

    reviewers_per_item = Counter(item for ids in assignment.packets.values() for item in ids)
    handed = len(reviewers_per_item)
    sizes = Counter(reviewers_per_item.values())
    if set(sizes) <= {overlap}:
        return f"{plural(handed, 'statement')} handed out to {plural(overlap, 'reviewer')} each"
    parts = ", ".join(
        f"{count} to {plural(size, 'reviewer')}"
        for size, count in sorted(sizes.items(), reverse=True)
    )
    return f"{plural(handed, 'statement')} handed out: {parts} (labelled or held by others before)"


def _adjudicate(workspace, args: argparse.Namespace) -> int:
    if workspace.codebook is None:
        error(f"{workspace.path}: the workspace has no codebook (argmap codebook FILE sets one)")
        return 1
    ready, keymap = _ready_to_open(workspace.path, args)
    if not ready:
        return 1
    from argmap.tui.reviewer.adjudicate import AdjudicateApp

    AdjudicateApp(workspace, args.adjudicator, keymap=keymap).run()
    return 0


def _ready_to_open(where, args: argparse.Namespace) -> tuple[bool, dict[str, str] | None]:
    """(True, the keys file's keymap or None) when a review app can open; (False, None) after saying
    why not."""
    from argmap.cli.ui import load_keys

    keymap = load_keys(args.keys)
    if not _has_terminal():
        error(f"{where}: {NO_TERMINAL}")
        return False, None
    return True, keymap


def _collect(workspace, args: argparse.Namespace) -> int:
    from argmap.review.collect import CollectError, collect_file
    from argmap.review.packet import PacketError

    failed = False
    for path in args.packets:
        try:
            report = collect_file(workspace, path)
        except (PacketError, CollectError) as problem:
            lines = problem.problems  # every problem, one line each, naming the file
            if len(lines) == 1:
                error(f"{lines[0]}; nothing merged")
            else:
                for line in lines:
                    error(line)
                error(f"{path}: {len(lines)} problems; nothing merged")
            failed = True
            continue
        print(f"{path}: {report.summary()}")
    return 1 if failed else 0


def _run_review(args: argparse.Namespace) -> int:
    if args.adjudicate == bool(args.packet):
        args.parser.error(
            "give a PACKET file, or --adjudicate for the workspace's disputed statements"
        )
    if args.adjudicate:
        return run_in_workspace(_adjudicate)(args)
    from argmap.review.packet import load_packet

    packet = load_packet(args.packet)
    if not packet.items:
        error(f"{args.packet}: the packet has no items")
        return 1
    ready, keymap = _ready_to_open(args.packet, args)
    if not ready:
        return 1
    from argmap.tui.reviewer import ReviewApp

    ReviewApp(packet, args.packet, keymap=keymap).run()
    return 0


def _run_agreement(args: argparse.Namespace) -> int:
    from argmap.review.packet import PacketError, load_packet
    from argmap.review.ratings import latest_ratings, packet_ratings

    if not args.packets:
        return run_in_workspace(_workspace_agreement)(args)
    failed = False
    packets = []
    for path in args.packets:
        try:
            packets.append((path, load_packet(path)))
        except PacketError as problem:
            error(str(problem))
            failed = True
    if not packets:
        return 1
    mixed = _mixed_packets(packets)
    if mixed:
        error(mixed)
        return 1
    ratings = [rating for _, packet in packets for rating in packet_ratings(packet)]
    said = {
        item.statement_id: (item.speaker, item.text)
        for _, packet in packets
        for item in packet.items
    }
    _print_agreement(latest_ratings(ratings), packets[0][1].codebook.label_ids, args, said)
    return 1 if failed else 0


def _mixed_packets(packets) -> str | None:
    """The one-line problem when ``packets`` (path, packet) span several workspaces or label sets,
    else None.

    Agreement is measured over one workspace's packets under one codebook; which
    packet comes first must not decide which ones count, so none are.
    """
    for what, key, show in (
        ("workspaces", lambda packet: packet.workspace_id, lambda value: f"workspace {value}"),
        (
            "label sets",
            lambda packet: tuple(packet.codebook.label_ids),
            lambda value: f"labels {', '.join(value)}",
        ),
    ):
        groups: dict = {}
        for path, packet in packets:
            groups.setdefault(key(packet), []).append(str(path))
        if len(groups) > 1:
            ranked = sorted(groups.items(), key=lambda group: -len(group[1]))
            listed = "; ".join(f"{show(value)}: {', '.join(paths)}" for value, paths in ranked)
            return (
                f"packets from {len(groups)} {what}, give the packets of one ({listed}); "
                "no agreement computed"
            )
    return None


def _workspace_agreement(workspace, args: argparse.Namespace) -> int:
    from argmap.review.ratings import workspace_ratings

    codebook = workspace.codebook
    if codebook is None:
        error(f"{workspace.path}: the workspace has no codebook (argmap codebook FILE sets one)")
        return 1
    table = workspace_ratings(workspace)
    said = {}
    for item in {rating.item for rating in table}:
        row = workspace.statement_row(item)
        said[item] = (row.speaker, row.text)
    _print_agreement(table, codebook.label_ids, args, said)
    return 0


def _print_agreement(
    table, labels, args: argparse.Namespace, said: dict[str, tuple[str | None, str]]
) -> None:
    """The agreement report (and with --disagreements the queue, each statement shown by its
    speaker and words from ``said``: statement id -> (speaker, text))."""
    import json

    from argmap.review.agreement import agreement
    from argmap.review.disagreements import disagreements
    from argmap.review.report import format_agreement

    report = agreement(table, labels)
    queue = disagreements(table) if args.disagreements else None
    if args.format == "json":
        data = json.loads(format_agreement(report, "json"))
        if queue is not None:
            data["disagreements"] = [
                {
                    **entry.model_dump(mode="json"),
                    "speaker": said.get(entry.item, (None, ""))[0],
                    "text": said.get(entry.item, (None, ""))[1],
                }
                for entry in queue
            ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_agreement(report, "table"))
        if queue is not None:
            sys.stdout.write(_format_queue(queue, said))


def _format_queue(queue, said: dict[str, tuple[str | None, str]]) -> str:
    lines = [f"Disagreements: {plural(len(queue), 'item')}"]
    for entry in queue:
        speaker, text = said.get(entry.item, (None, ""))
        text = " ".join(text.split())
        shown = text if len(text) <= 90 else text[:89] + "…"
        lines.append(f"{entry.item} ({entry.document or 'no document'})")
        if shown:
            lines.append(f"  {speaker or 'no speaker'}: “{shown}”")
        for answer in entry.answers:
            note = f"  # {answer.note}" if answer.note else ""
            lines.append(f"    {answer.reviewer}: {answer.label}{note}")
    return "\n".join(lines) + "\n"
