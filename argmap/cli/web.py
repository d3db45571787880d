"""``argmap serve`` and ``argmap links``: reviewers in a browser.

``serve`` runs the web server (``argmap.web``, extra ``web``) on the workspace; ``links``
lists the reviewers' links, revokes a reviewer's links or gives a reviewer a new one
(``argmap assign --web`` hands statements out and prints the first links).
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from argmap.cli import error, plural
from argmap.cli.workspace import add_workspace_option, open_from, run_in_workspace
from argmap.web.errors import WebUnavailable
from argmap.web.security import ANSWERS_PER_MINUTE
from argmap.web.tokens import DEFAULT_EXPIRY_DAYS, DEFAULT_HOST, DEFAULT_PORT

#: Why the server needs the extra, when it is missing.
NO_WEB_EXTRA = "argmap serve needs the web extra: pip install 'argmap[web]'"


def register(
    commands: argparse._SubParsersAction, eval_targets: argparse._SubParsersAction
) -> None:
    """Add ``serve`` and ``links`` to the parser."""
    serve = commands.add_parser(
        "serve",
        help="the web server where reviewers label statements through their links",
        description="Serve the workspace's reviewer pages (argmap assign --web hands statements "
        "out and prints each reviewer's link) and the adjudication pages (your analyst's link, "
        "printed when serve first makes it, works across restarts until --new-analyst-link "
        "replaces it). Sessions are kept in the workspace: a restart signs no one out. Listens "
        "on 127.0.0.1 only unless --host says otherwise; put a TLS proxy in front of it to "
        "reach it from other machines.",
    )
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"the address to listen on (default {DEFAULT_HOST}: this machine only)",
    )
    serve.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"the port (default {DEFAULT_PORT})"
    )
    serve.add_argument(
        "--origin",
        action="append",
        default=[],
        metavar="URL",
        help="another origin the pages are reached at, e.g. a TLS proxy's https://review.example"
        " (repeatable); answers from other origins are refused",
    )
    serve.add_argument(
        "--forwarded-allow-ips",
        metavar="IPS",
        help="trust X-Forwarded-For/-Proto from these proxy addresses (comma-separated; "
        "default none)",
    )
    serve.add_argument(
        "--answers-per-minute",
        type=int,
        default=ANSWERS_PER_MINUTE,
        metavar="N",
        help=f"answers a session may send a minute (default {ANSWERS_PER_MINUTE}; more gets 429)",
    )
    serve.add_argument(
        "--as",
        dest="adjudicator",
        metavar="NAME",
        help="whose analyst's link to make or replace: who adjudicates through it (default: "
        "$ARGMAP_USER or the login name)",
    )
    serve.add_argument(
        "--new-analyst-link",
        action="store_true",
        help="replace your analyst's link with a new one and print it (the old one and its "
        "sessions stop working)",
    )
    add_workspace_option(serve)
    serve.set_defaults(run=_serve)

    links = commands.add_parser(
        "links",
        help="reviewers' links for argmap serve: list, revoke, or make a new one",
        description="List every reviewer's links (id, created, expires, state) and progress; "
        "--revoke NAME stops every link of that reviewer at once (signed-in pages too); --new "
        "NAME prints a new link for a reviewer who has a web assignment.",
    )
    what = links.add_mutually_exclusive_group()
    what.add_argument("--revoke", metavar="NAME", help="revoke every link of reviewer NAME")
    what.add_argument("--new", metavar="NAME", help="a new link for reviewer NAME")
    links.add_argument(
        "--expires",
        type=float,
        default=DEFAULT_EXPIRY_DAYS,
        metavar="DAYS",
        help=f"with --new: the link works for DAYS days (default {DEFAULT_EXPIRY_DAYS})",
    )
    links.add_argument(
        "--url",
        metavar="URL",
        help=f"with --new: the server's address in the link (default "
        f"http://{DEFAULT_HOST}:{DEFAULT_PORT})",
    )
    add_workspace_option(links)
    links.set_defaults(run=run_in_workspace(_links))


def _links(workspace, args: argparse.Namespace) -> int:
    from argmap.web.tokens import issue_link, token_state

    if args.revoke:
        if args.revoke not in workspace.web_reviewers():
            error(f"{args.revoke!r} has no web assignment")
            return 1
        revoked = workspace.revoke_web_tokens(args.revoke)
        print(f"{args.revoke}: {plural(revoked, 'link')} revoked")
        return 0
    if args.new:
        if args.expires <= 0:
            error(f"--expires must be a positive number of days, not {args.expires:g}")
            return 2
        link = issue_link(workspace, args.new, days=args.expires, base_url=args.url)
        print(f"{args.new}: {link.url} (expires {link.expires_at})")
        return 0
    moment = datetime.now(UTC)
    reviewers = workspace.web_reviewers()
    if not reviewers:
        print("no web assignments (argmap assign --web hands statements out)")
        return 0
    for reviewer in reviewers:
        total = len(workspace.web_assignment(reviewer))
        answered = len(workspace.web_answered(reviewer))
        print(f"{reviewer}: {answered} of {plural(total, 'statement')} answered")
        for token in workspace.web_tokens(reviewer):
            print(
                f"  link {token.id}: created {token.created_at}, expires {token.expires_at}, "
                f"{token_state(token, moment)}"
            )
    return 0


def _roles_report(workspace) -> list[str]:
    """What ``serve`` says of the reviewers' database roles (on PostgreSQL): whether the
    database holds each reviewer to their assignment, and who cannot answer."""
    if not workspace.on_server:
        return []
    if not workspace.secured():
        return [
            "roles are not set up: the server's own checks keep reviewers to their statements "
            "(argmap workspace grant reviewer makes the database enforce it)"
        ]
    lines = ["answers are saved through each reviewer's database role"]
    for name in workspace.web_reviewers():
        role = workspace.reviewer_role(name)
        if role is None:
            lines.append(
                f"warning: reviewer {name} has no database role, so their answers are refused: "
                f"argmap workspace grant reviewer ROLE --as {name}"
            )
        elif not workspace.may_act_as(role):
            lines.append(
                f"warning: this login may not act as {name}'s role {role}, so their answers are "
                f"refused: a database administrator runs GRANT {role} TO <this login>"
            )
    return lines


def _serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from argmap.web.app import Settings, create_app
    except ImportError:
        raise WebUnavailable(NO_WEB_EXTRA) from None
    from argmap.store.core import default_actor
    from argmap.web.tokens import issue_analyst_link

    analyst = args.adjudicator or default_actor()
    base = f"http://{args.host}:{args.port}"
    with open_from(args) as workspace:  # the target as found from here; refused if damaged
        target = str(workspace.path)
        name = workspace.name
        reviewers = len(workspace.web_reviewers())
        roles_report = _roles_report(workspace)
        made = workspace.analyst_link(analyst=analyst) is None or args.new_analyst_link
        link = issue_analyst_link(workspace, analyst, base_url=base) if made else None
    settings = Settings(
        target=target,
        allowed_origins=tuple(args.origin),
        answers_per_minute=args.answers_per_minute,
    )
    app = create_app(settings)
    print(
        f"serving {name} for {plural(reviewers, 'reviewer')} on {base} (ctrl-c stops)",
        flush=True,
    )
    if link is not None:
        print(
            f"adjudication, as {analyst} (a new link, printed this once; it works until "
            f"--new-analyst-link replaces it; keep it to yourself): {link}",
            flush=True,
        )
    else:
        print(
            f"adjudication, as {analyst}: the link printed when it was made "
            "(argmap serve --new-analyst-link replaces it)",
            flush=True,
        )
    for line in roles_report:
        print(line, flush=True)
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level="warning",
        proxy_headers=bool(args.forwarded_allow_ips),
        forwarded_allow_ips=args.forwarded_allow_ips or "",
        server_header=False,
    )
    return 0
