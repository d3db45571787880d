"""``argmap workspace``: the workspace as a whole, as a team shares it. ``copy`` copies it
between SQLite and PostgreSQL; ``grant``, ``revoke`` and ``roles`` say who may do what in a
workspace on PostgreSQL (the database enforces it; see ``argmap.store.pg.roles``)."""

from __future__ import annotations

import argparse
import json

from argmap.cli import error, plural
from argmap.cli.workspace import add_workspace_option, run_in_workspace


def register(
    commands: argparse._SubParsersAction, eval_targets: argparse._SubParsersAction
) -> None:
    """Add ``argmap workspace`` with its actions."""
    whole = commands.add_parser(
        "workspace",
        help="copy a whole workspace; its analysts' and reviewers' database roles",
        description="The workspace as a whole: copy it between SQLite and PostgreSQL; on "
        "PostgreSQL, grant and revoke the roles of its analysts and reviewers.",
    )
    actions = whole.add_subparsers(title="actions", metavar="ACTION", required=True)
    copy = actions.add_parser(
        "copy",
        help="copy a whole workspace, between SQLite and PostgreSQL in either direction",
        description="Copy the workspace SOURCE (a file or folder, or a PostgreSQL connection "
        "string) into a new workspace TARGET (a folder or file that does not exist, or an empty "
        "PostgreSQL database): every document, statement, speaker, label, claim, link and the "
        "edit log, in one transaction.",
    )
    copy.add_argument("source", metavar="SOURCE", help="the workspace to copy")
    copy.add_argument("target", metavar="TARGET", help="where the copy goes")
    copy.set_defaults(run=_copy)
    grant = actions.add_parser(
        "grant",
        help="make a PostgreSQL role an analyst or a reviewer of the workspace",
        description="Make the server role ROLE an analyst (edits everything) or a reviewer "
        "(adds only their own labels and notes to the statements assigned to them) of a "
        "workspace on PostgreSQL; the database enforces it. The first grant sets up the "
        "workspace's two group roles, its grants and row-level security: run it as the "
        "workspace's owner, a role with CREATEROLE. An analyst's role must exist (createuser); "
        "a reviewer's is made without login when it does not (for the web pages).",
    )
    grant.add_argument("kind", choices=("analyst", "reviewer"), help="what ROLE may do")
    grant.add_argument("role", metavar="ROLE", help="the server role (a login name)")
    grant.add_argument(
        "--as",
        dest="reviewer",
        metavar="NAME",
        help="a reviewer's name in the workspace, as assign --web gave it (default: ROLE)",
    )
    add_workspace_option(grant)
    grant.set_defaults(run=run_in_workspace(_grant))

    revoke = actions.add_parser(
        "revoke",
        help="take a role out of the workspace",
        description="Take ROLE out of the workspace's analysts or reviewers (the role itself "
        "stays on the server; its labels stay in the workspace).",
    )
    revoke.add_argument("role", metavar="ROLE", help="the server role")
    add_workspace_option(revoke)
    revoke.set_defaults(run=run_in_workspace(_revoke))

    roles = actions.add_parser(
        "roles",
        help="the workspace's analysts' and reviewers' roles",
        description="List the roles granted in a workspace on PostgreSQL, and whether the "
        "database enforces them.",
    )
    roles.add_argument("--format", choices=("table", "json"), default="table")
    add_workspace_option(roles)
    roles.set_defaults(run=run_in_workspace(_roles))


def _copy(args: argparse.Namespace) -> int:
    from argmap.store import open_workspace
    from argmap.store.copy import copy_workspace

    with open_workspace(args.source) as source:
        report = copy_workspace(source, args.target)
        counts = ", ".join(
            plural(n, _ROW_NAMES.get(t, t.replace("_", " "))) for t, n in report.rows.items() if n
        )
        model = {
            "copied": "; the learned stance model too",
            "kept": "; the learned model already beside the new file was left as it was",
        }.get(report.model, "")
        print(f"copied {source.name} to {report.name}: {counts or 'an empty workspace'}{model}")
    return 0


#: How a copy report names each table's rows.
_ROW_NAMES = {
    "documents": "document",
    "document_metadata": "metadata record",
    "speakers": "speaker",
    "statements": "statement",
    "suggestions": "suggestion",
    "annotations": "label",
    "claims": "claim",
    "relations": "link",
    "edits": "edit-log entry",
    "web_reviewers": "reviewer",
    "assignments": "assignment",
    "web_tokens": "browser link",
}


def _grant(workspace, args: argparse.Namespace) -> int:
    granted = workspace.grant(args.role, args.kind, reviewer=args.reviewer)
    name = f" as {args.reviewer or args.role}" if args.kind == "reviewer" else ""
    made = " (made without login: for the web pages)" if granted.created else ""
    print(f"{args.role}{made} is now a{'n' if args.kind == 'analyst' else ''} {args.kind}{name}")
    if not granted.usable_by_server:
        print(
            f"note: this login may not act as {args.role}, so argmap serve run by it refuses "
            f"that reviewer's answers: a database administrator runs GRANT {args.role} TO "
            "<the server's login>"
        )
    return 0


def _revoke(workspace, args: argparse.Namespace) -> int:
    was = workspace.revoke(args.role)
    if was is None:
        error(f"{workspace.name}: {args.role} holds no role in this workspace")
        return 1
    print(f"{args.role} is no longer a{'n' if was.kind == 'analyst' else ''} {was.kind}")
    return 0


def _roles(workspace, args: argparse.Namespace) -> int:
    granted = workspace.roles()
    secured = workspace.secured()
    if args.format == "json":
        rows = [{"role": g.role, "kind": g.kind, "reviewer": g.reviewer} for g in granted]
        print(json.dumps({"enforced_by_database": secured, "roles": rows}, indent=2))
        return 0
    if not workspace.on_server:
        print(f"{workspace.name}: an SQLite file: no roles (its file permissions decide)")
        return 0
    if not secured:
        print("no roles set up: argmap workspace grant makes the database enforce them")
        return 0
    for g in granted:
        print(f"{g.kind:<9} {g.role}" + (f" (labels as {g.reviewer})" if g.reviewer else ""))
    if not granted:
        print("roles set up; none granted yet")
    return 0
