"""Editing the map from the command line: stances, statements, speakers, claims and links.

Every command calls one ``Workspace`` method (the API the UI uses), so each is one
transaction and one edit-log entry. Ids may be shortened to a unique prefix.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from argmap.cli import noun, plural
from argmap.cli.workspace import (
    METADATA_FILTERS,
    add_workspace_option,
    metadata_filter,
    run_in_workspace,
)
from argmap.errors import ArgmapError

KINDS = ("direct", "mixed", "indirect")
REVIEWS = ("unlabelled", "suggested", "labelled", "disputed", "adjudicated")
RELATION_KINDS = ("supports", "attacks", "rebuts", "restates")
RELATION_STATUSES = ("accepted", "suggested", "rejected")
SORT_KEYS = (
    "document",
    "speaker",
    "label",
    "review",
    "uncertainty",
    "score",
    "confidence",
    "kind",
    "text",
    "length",
)


class UsageProblem(ArgmapError):
    """A command-line value that is not allowed (exit status 2, like argparse's own errors)."""

    exit_status = 2


def whole_number(text: str) -> int:
    """A non-negative whole number (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value}")
    return value


def _lower(text: str) -> str:
    return text.lower()


#: The options of ``argmap statements`` that narrow the statements, besides ``--label`` and
#: the documents' metadata (``METADATA_FILTERS``); ``argmap timeline`` and ``argmap sourcing``
#: take them too. ``statement_filter`` reads them.
STATEMENT_FILTERS: tuple[tuple[tuple[str, ...], dict], ...] = (
    (
        ("--speaker",),
        {
            "help": "speaker id, name, alias or a person's family name ('Kishida' for Kishida "
            "Fumio; 'none': statements without a speaker)"
        },
    ),
    (("--review",), {"type": _lower, "choices": REVIEWS, "help": "review state"}),
    (("--kind",), {"type": _lower, "choices": KINDS}),
    (
        ("--document",),
        {"help": "documents whose id starts with, or whose name holds, this (any case)"},
    ),
    (("--text",), {"help": "text contains"}),
    (
        ("--position",),
        {
            "help": "statements bearing on this position of the map through their links (its "
            "id, the start of one, or words of its text; 'none': on no position)"
        },
    ),
)


def statement_filter(workspace, args: argparse.Namespace, **fields):
    """The ``StatementFilter`` of ``STATEMENT_FILTERS`` and ``METADATA_FILTERS`` (and
    ``fields``, such as the label)."""
    from argmap.store import StatementFilter

    speaker = args.speaker
    if speaker is not None:
        speaker = "" if speaker.lower() == "none" else _resolve(workspace, "speakers", speaker)
    position = args.position
    if position is not None:
        position = "" if position.lower() == "none" else _position(workspace, position)
    return StatementFilter(
        speaker=speaker,
        review=args.review,
        kind=args.kind,
        document=_documents_like(workspace, args.document) if args.document else None,
        text=args.text,
        position=position,
        **metadata_filter(workspace, args),
        **fields,
    )


def register(
    commands: argparse._SubParsersAction, eval_targets: argparse._SubParsersAction
) -> None:
    """Add the editing commands."""

    def command(
        name: str, help: str, action, *arguments: tuple[tuple, dict]
    ) -> argparse.ArgumentParser:
        parser = commands.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".")
        for args, kwargs in arguments:
            parser.add_argument(*args, **kwargs)
        add_workspace_option(parser)
        parser.set_defaults(run=run_in_workspace(action))
        return parser

    who = (("--annotator",), {"help": "who labels (default: $ARGMAP_USER or the login name)"})
    note = (("--note",), {"default": "", "help": "a note kept with the label"})
    command(
        "statements",
        "list statements (filter, sort, page)",
        _statements,
        STATEMENT_FILTERS[0],
        (("--label",), {"help": "current stance label ('none': no label)"}),
        *STATEMENT_FILTERS[1:],
        *METADATA_FILTERS,
        (("--sort",), {"default": "document", "choices": SORT_KEYS}),
        (("--desc",), {"action": "store_true"}),
        (("--offset",), {"type": whole_number, "default": 0}),
        (
            ("--limit",),
            {"type": whole_number, "default": 50, "help": "how many rows (default 50; 0: all)"},
        ),
    )
    command(
        "show",
        "one statement in full: its document, speaker, stance, labels, links and paragraph",
        _show,
        (("statement",), {"help": "statement id (or the start of one)"}),
        (("--format",), {"choices": ("text", "json"), "default": "text"}),
    )
    command(
        "stance",
        "label a statement's stance",
        _stance,
        (("statement",), {}),
        (("label",), {}),
        who,
        note,
    )
    command(
        "adjudicate",
        "set a statement's final stance, overriding every other label",
        _adjudicate,
        (("statement",), {}),
        (("label",), {}),
        who,
        note,
    )
    command(
        "attribute",
        "give a statement to another speaker",
        _attribute,
        (("statement",), {}),
        (("speaker",), {}),
    )
    command(
        "statement",
        "adjust a statement's span or kind, add one, or delete one",
        _statement,
        (("action",), {"choices": ("adjust", "add", "delete")}),
        (("target",), {"help": "statement id (adjust, delete) or document id or name (add)"}),
        (("--start",), {"type": int}),
        (("--end",), {"type": int}),
        (("--kind",), {"type": _lower, "choices": KINDS}),
        (("--speaker",), {}),
    )
    command(
        "documents",
        "list documents with their ids, statement counts and metadata (or their outlets or "
        "authors)",
        _documents,
        *METADATA_FILTERS,
        (("--outlets",), {"action": "store_true", "help": "list the outlets with their counts"}),
        (("--authors",), {"action": "store_true", "help": "list the authors with their counts"}),
        (("--format",), {"choices": ("text", "json"), "default": "text"}),
    )
    command(
        "document",
        "remove a document with its statements, or set its metadata by hand (one edit each: "
        "`argmap undo` takes it back)",
        _document,
        (("action",), {"choices": ("remove", "set")}),
        (("document",), {"help": "document id, id prefix or name"}),
        *(
            ((f"--{name}",), {"metavar": metavar, "help": f"set: {what} ('' empties it)"})
            for name, metavar, what in (
                ("title", "TEXT", "the title"),
                ("outlet", "NAME", "the outlet (publisher or site)"),
                ("authors", "NAMES", "the authors, separated by ';' or ','"),
                (
                    "published",
                    "DATE",
                    "the publication date or time (ISO 8601: 2016-03-11, "
                    "2016-03-11T09:30:00-05:00)",
                ),
                ("url", "URL", "the URL"),
                ("language", "CODE", "the language's code (en, ja, pt-BR; not its name)"),
            )
        ),
    )
    command(
        "speakers",
        "list speakers with statement counts and stances",
        _speakers,
        (("--text",), {"help": "name or alias contains"}),
        (
            ("--suggest-merges",),
            {
                "action": "store_true",
                "help": "list likely duplicates, best first, with the evidence for each and the "
                "command that merges them",
            },
        ),
        *METADATA_FILTERS,
        (("--offset",), {"type": whole_number, "default": 0}),
        (
            ("--limit",),
            {"type": whole_number, "default": 50, "help": "how many rows (default 50; 0: all)"},
        ),
    )
    command(
        "speaker",
        "show a speaker (documents, statement counts, mentions, aliases), rename it, add an "
        "alias, merge speakers, split one, or say it is not a speaker",
        _speaker,
        (
            ("action",),
            {"choices": ("show", "rename", "alias", "merge", "split", "not-a-speaker")},
        ),
        (("speaker",), {}),
        (
            ("values",),
            {
                "nargs": "*",
                "metavar": "VALUE",
                "help": "rename: NAME; alias: ALIAS; merge: OTHER...; split: NAME STATEMENT...",
            },
        ),
        (
            ("--drop-aliases",),
            {"action": "store_true", "help": "merge: keep none of the others' names as aliases"},
        ),
        (
            ("--drop-alias",),
            {
                "action": "append",
                "default": [],
                "metavar": "NAME",
                "help": "merge: keep every name but this one as an alias (repeatable)",
            },
        ),
        (("--format",), {"choices": ("text", "json"), "default": "text", "help": "show: how"}),
    )
    command(
        "claim",
        "add, edit, delete, promote or list claims",
        _claim,
        (("action",), {"choices": ("add", "edit", "delete", "promote", "list")}),
        (
            ("target",),
            {"nargs": "?", "help": "text (add), claim id (edit, delete) or statement id (promote)"},
        ),
        (("--position",), {"action": "store_true", "help": "add a position (under the issue)"}),
        (("--parent",), {"help": "the position or claim it belongs under ('': the issue)"}),
        (("--label",), {}),
        (("--text",), {}),
    )
    command(
        "link",
        "relate a statement or claim to a claim (supports, attacks, rebuts) or a statement "
        "(restates)",
        _link,
        (("source",), {}),
        (("kind",), {"choices": ("supports", "attacks", "rebuts", "restates")}),
        (("target",), {}),
    )
    command(
        "unlink",
        "remove a relation (or reject a suggested one)",
        _unlink,
        (("relation",), {}),
        (
            ("--reject",),
            {"action": "store_true", "help": "keep it as rejected so it is not offered again"},
        ),
    )
    command(
        "relations",
        "list relations",
        _relations,
        (("--kind",), {"type": _lower, "choices": RELATION_KINDS}),
        (("--status",), {"type": _lower, "choices": RELATION_STATUSES}),
    )


# ---------------------------------------------------------------------- id helpers


def _documents_like(workspace, text: str) -> tuple[str, ...]:
    """The ids of the documents ``text`` names (an id's start, or part of a name, any case)."""
    from argmap.store import EditError

    found = tuple(row.id for row in workspace.documents_like(text))
    if not found:
        raise EditError(f"no document like {text!r} (argmap documents lists them)")
    return found


def _position(workspace, text: str) -> str:
    """The id of the position ``text`` names: an id or its unique start, else the one position
    whose text holds it (any case)."""
    from argmap.store import EditError
    from argmap.store.positions import positions_like

    found = positions_like(workspace, text)
    if len(found) == 1:
        return found[0].id
    if found:
        names = ", ".join(f"{c.id} ({c.text})" for c in found[:5])
        raise EditError(f"several positions match {text!r}: {names}")
    raise EditError(f"no position like {text!r} (argmap claim list shows the map)")


def _resolve(workspace, table: str, text: str) -> str:
    """A full id from an id, a unique id prefix, or (speakers, documents) a name."""
    from argmap.store import EditError
    from argmap.store.lookup import ids_named, ids_starting

    rows = ids_starting(workspace, table, text, 2)
    if len(rows) == 1:
        return rows[0]
    if table in ("speakers", "documents"):
        named = ids_named(workspace, table, text, 2)
        if table == "speakers" and not named:
            named = [s.id for s in workspace.speakers_named(text)][:2]
        if len(named) == 1:
            return named[0]
        rows = rows or named
    what = table.rstrip("s")
    if len(rows) > 1:
        raise EditError(f"several {what}s match {text!r}: {_candidates(workspace, table, text)}")
    raise EditError(f"no {what}s match {text!r}")


def _candidates(workspace, table: str, text: str) -> str:
    """The ids (and names) of every row ``text`` could mean, for a "several match" message."""
    from argmap.store.lookup import ids_named, ids_starting, names_by_id

    ids = ids_starting(workspace, table, text, 10)
    if table in ("speakers", "documents"):
        ids += ids_named(workspace, table, text)
        if table == "speakers":
            ids += [s.id for s in workspace.speakers_named(text)]
        names = names_by_id(workspace, table)
        return ", ".join(f"{i} ({names.get(i, '?')})" for i in dict.fromkeys(ids))
    return ", ".join(dict.fromkeys(ids))


def _node(workspace, text: str) -> str:
    return _resolve(workspace, "claims" if text.startswith("clm-") else "statements", text)


# ---------------------------------------------------------------------- commands


def _statements(workspace, args) -> int:
    filter = statement_filter(workspace, args, label=_label_filter(workspace, args.label))
    total = workspace.count_statements(filter)
    limit = args.limit or max(total - args.offset, 0)  # 0: all, as for `argmap speakers`
    for row in workspace.statements(
        filter, sort=args.sort, descending=args.desc, offset=args.offset, limit=limit
    ):
        text = row.text if len(row.text) <= 80 else row.text[:79] + "…"
        print(f"{row.id}  {row.label or '-':<18} {row.review:<11} {row.speaker or '?'}: {text}")
    print(f"({plural(total, 'statement')} {'matches' if total == 1 else 'match'})", file=sys.stderr)
    return 0


def _show(workspace, args) -> int:
    statement_id = _resolve(workspace, "statements", args.statement)
    row = workspace.statement_row(statement_id)
    paragraph, offset = workspace.context(statement_id)
    speaker = workspace.speaker(row.speaker_id) if row.speaker_id else None
    suggestion = workspace.suggestion(statement_id)
    annotations = workspace.annotations(statement_id)
    links = [
        (relation, _node_text(workspace, other))
        for relation in workspace.relations(statement_id)
        for other in [
            relation.target_id if relation.source_id == statement_id else relation.source_id
        ]
    ]
    if args.format == "json":
        json.dump(
            {
                "statement": {
                    name: getattr(row, name)
                    for name in row.__dataclass_fields__  # type: ignore[attr-defined]
                },
                "speaker": speaker.model_dump() if speaker else None,
                "suggestion": suggestion.model_dump() if suggestion else None,
                "annotations": [a.model_dump(mode="json") for a in annotations],
                "relations": [
                    {
                        "id": r.id,
                        "source": r.source_id,
                        "kind": r.kind,
                        "target": r.target_id,
                        "status": r.status,
                        "other_text": text,
                    }
                    for r, text in links
                ],
                "paragraph": paragraph,
                "paragraph_offset": offset,
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
        return 0
    who = speaker.name if speaker else "no speaker"
    if speaker and speaker.role:
        who += f" ({speaker.role})"
    print(f"statement {row.id}  {row.kind}" + (f", cue {row.cue!r}" if row.cue else ""))
    print(f"document  {row.doc_name} ({row.document}), characters {row.start}-{row.end}")
    if row.appeared():
        print(f"appeared  {', '.join(part for part in (row.outlet, row.published) if part)}")
    print(f"speaker   {who}" + (f", named {row.speaker_mention!r}" if row.speaker_mention else ""))
    stance = f"{row.label} ({row.label_source})" if row.label else "none"
    print(f"stance    {stance}; review: {row.review}")
    if suggestion is not None:
        print(f"suggested {suggestion.label} {suggestion.score:.2f}: {suggestion.explanation}")
    for annotation in annotations:
        note = f' "{annotation.note}"' if annotation.note else ""
        kind = "adjudicated" if annotation.adjudicated else "label"
        when = annotation.time.isoformat(timespec="seconds")
        print(f"{kind:<9} {annotation.annotator}: {annotation.label}{note} ({when})")
    for relation, text in links:
        direction = "->" if relation.source_id == row.id else "<-"
        print(f"link      {direction} {relation.kind} {relation.id} [{relation.status}] {text}")
    start, end = row.start - offset, row.end - offset
    print()
    print(f"  {paragraph[:start]}»{paragraph[start:end]}«{paragraph[end:]}")
    return 0


def _node_text(workspace, node_id: str) -> str:
    """A claim's or statement's text for a listing: 'claim: TEXT' or 'SPEAKER: "TEXT"'."""
    if node_id.startswith("clm-"):
        claim = workspace.claim(node_id)
        return f"{claim.kind} {claim.id}: {_short(claim.text)}"
    row = workspace.statement_row(node_id)
    return f"{row.id} {row.speaker or '?'}: “{_short(row.text)}”"


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _label_filter(workspace, text: str | None) -> str | None:
    """The label id ``--label`` names ("none": no label; case-insensitive); ``UsageProblem`` when
    unknown."""
    if text is None:
        return None
    if text.lower() == "none":
        return ""
    codebook = workspace.codebook
    labels = list(codebook.label_ids) if codebook else []
    from argmap.store.lookup import labels_in_use

    labels += [label for label in labels_in_use(workspace) if label not in labels]
    for label in labels:
        if label.lower() == text.lower():
            return label
    raise UsageProblem(
        f"argument --label: unknown label {text!r} (choose from {', '.join([*labels, 'none'])})"
    )


def _stance(workspace, args) -> int:
    annotation = workspace.set_stance(
        _resolve(workspace, "statements", args.statement),
        args.label,
        annotator=args.annotator,
        note=args.note,
    )
    print(f"{annotation.statement_id}: {annotation.label} by {annotation.annotator}")
    return 0


def _adjudicate(workspace, args) -> int:
    annotation = workspace.adjudicate(
        _resolve(workspace, "statements", args.statement),
        args.label,
        annotator=args.annotator,
        note=args.note,
    )
    print(f"{annotation.statement_id}: {annotation.label} (adjudicated by {annotation.annotator})")
    return 0


def _attribute(workspace, args) -> int:
    statement = _resolve(workspace, "statements", args.statement)
    speaker = _resolve(workspace, "speakers", args.speaker)
    workspace.reattribute(statement, speaker)
    print(f"{statement}: now attributed to {workspace.speaker(speaker).name}")
    return 0


def _statement(workspace, args) -> int:
    if args.action == "add":
        if args.start is None or args.end is None:
            from argmap.store import EditError

            raise EditError("statement add needs --start and --end")
        row = workspace.add_statement(
            _resolve(workspace, "documents", args.target),
            args.start,
            args.end,
            speaker_id=_resolve(workspace, "speakers", args.speaker) if args.speaker else None,
            kind=args.kind or "direct",
        )
        print(f"{row.id}: {row.text}")
    elif args.action == "adjust":
        row = workspace.adjust_statement(
            _resolve(workspace, "statements", args.target),
            start=args.start,
            end=args.end,
            kind=args.kind,
        )
        print(f"{row.id}: {row.start}-{row.end} {row.kind}: {row.text}")
    else:
        statement = _resolve(workspace, "statements", args.target)
        removed = workspace.delete_statement(statement)
        print(f"{statement}: deleted{_relations_removed(removed)}")
    return 0


def _documents(workspace, args) -> int:
    from argmap.store import StatementFilter

    fields = metadata_filter(workspace, args)
    filter = StatementFilter(**fields) if fields else None
    if args.outlets:
        outlets = workspace.outlets(filter)
        if args.format == "json":
            json.dump([asdict(o) for o in outlets], sys.stdout, ensure_ascii=False, indent=2)
            print()
        for o in outlets if args.format == "text" else ():
            print(
                f"{o.statements:>7} {noun(o.statements, 'statement'):<10} "
                f"{o.documents:>6} {noun(o.documents, 'document'):<9}  {o.outlet}"
            )
        print(f"({plural(len(outlets), 'outlet')})", file=sys.stderr)
        return 0
    rows = workspace.documents(filter)
    if args.authors:
        counts: dict[str, int] = {}
        for row in rows:
            for author in row.authors:
                counts[author] = counts.get(author, 0) + 1
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))
        if args.format == "json":
            json.dump(dict(ordered), sys.stdout, ensure_ascii=False, indent=2)
            print()
        for author, n in ordered if args.format == "text" else ():
            print(f"{n:>6} {noun(n, 'document'):<9}  {author}")
        print(f"({plural(len(ordered), 'author')})", file=sys.stderr)
        return 0
    if args.format == "json":
        json.dump(
            [{name: getattr(row, name) for name in row.__slots__} for row in rows],
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
        return 0
    for row in rows:
        print(_document_line(row))
    if fields:
        n = len(rows)
        print(f"({plural(n, 'document')} {'matches' if n == 1 else 'match'})", file=sys.stderr)
    return 0


def _document_line(row) -> str:
    """One document in a list: id, name, statements, then what is known of its outlet, date,
    authors and title, then when it was added."""
    parts = [row.id, row.name, plural(row.statements, "statement")]
    parts += [v for v in (row.outlet, row.published) if v]
    if row.authors:
        parts.append("by " + ", ".join(row.authors))
    if row.title:
        parts.append(f"“{_short(row.title, 60)}”")
    return "  ".join([*parts, f"added {row.added_at}"])


def _document(workspace, args) -> int:
    from argmap.store import EditError

    fields = {
        name: getattr(args, name)
        for name in ("title", "outlet", "authors", "published", "url", "language")
        if getattr(args, name) is not None
    }
    if args.action == "remove" and fields:
        raise UsageProblem("document remove takes no metadata options (document set does)")
    try:
        document = _resolve(workspace, "documents", args.document)
    except EditError:
        like = workspace.documents_like(args.document)  # `set`: part of a name will do
        if args.action != "set" or not like:
            raise
        if len(like) > 1:
            names = ", ".join(f"{row.id} ({row.name})" for row in like[:5])
            more = f" and {len(like) - 5} more" if len(like) > 5 else ""
            raise EditError(f"several documents match {args.document!r}: {names}{more}") from None
        document = like[0].id
    if args.action == "set":
        print(_document_line(workspace.set_document_metadata(document, **fields)))
        return 0
    name = workspace.document(document).name
    removed = workspace.remove_document(document)
    print(
        f"{document}: {name} removed with {plural(removed, 'statement')} "
        "(`argmap undo` brings it back)"
    )
    return 0


def _speakers(workspace, args) -> int:
    if args.suggest_merges:
        return _suggest_merges(workspace, args)
    from argmap.store import StatementFilter

    fields = metadata_filter(workspace, args)
    rows = workspace.speakers(text=args.text, within=StatementFilter(**fields) if fields else None)
    shown = rows[args.offset : args.offset + args.limit if args.limit else None]
    for row in shown:
        stances = ", ".join(f"{k or '(none)'} {v}" for k, v in sorted(row.stances.items()))
        print(f"{row.id}  {row.name} [{row.kind}] {plural(row.statements, 'statement')}: {stances}")
    if len(shown) < len(rows):
        first = args.offset + 1 if shown else 0
        print(
            f"({plural(len(rows), 'speaker')}; showing {first}-{args.offset + len(shown)}: "
            "--offset/--limit for others, --limit 0 for all)",
            file=sys.stderr,
        )
    else:
        print(f"({plural(len(rows), 'speaker')})", file=sys.stderr)
    return 0


def _suggest_merges(workspace, args) -> int:
    """Likely duplicates, best first: who to keep, who to merge into it, why, and how."""
    found = workspace.suggest_merges()
    shown = found[args.offset : args.offset + args.limit if args.limit else None]
    for s in shown:
        print(f"{s.score:5.1f}  {s.keep.name} <- {s.other.name}")
        for why in s.evidence:
            print(f"       {why}")
        print(f"       argmap speaker merge {s.keep.id} {s.other.id}")
    print(
        f"({len(found)} likely duplicates"
        + (f"; showing {len(shown)}: --limit 0 for all" if len(shown) < len(found) else "")
        + ")",
        file=sys.stderr,
    )
    return 0


def _show_speaker(workspace, speaker: str, how: str) -> int:
    """One speaker: name, kind, role, aliases, then its documents and mentions with counts."""
    details = workspace.speaker_details(speaker)
    s = details.speaker
    if how == "json":
        record = {
            **s.model_dump(mode="json"),
            "statements": details.statements,
            "documents": [
                {"id": doc, "name": name, "statements": n} for doc, name, n in details.documents
            ],
            "mentions": [{"mention": m, "statements": n} for m, n in details.mentions],
        }
        json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"{s.id}  {s.name} [{s.kind.value}]")
    for label, value in (("role", s.role), ("affiliation", s.affiliation)):
        if value:
            print(f"  {label:<12}{value}")
    print(f"  {'aliases':<12}{', '.join(s.aliases) or '-'}")
    documents = plural(len(details.documents), "document")
    print(f"  {'statements':<12}{details.statements} in {documents}")
    for doc, name, n in details.documents:
        print(f"    {n:>5}  {name}  ({doc})")
    if details.mentions:
        print("  named in the text as")
        for mention, n in details.mentions:
            print(f"    {n:>5}  {mention or '(no mention)'}")
    return 0


def _speaker(workspace, args) -> int:
    from argmap.store import EditError

    speaker = _resolve(workspace, "speakers", args.speaker)
    if args.action == "show":
        return _show_speaker(workspace, speaker, args.format)
    if args.action == "not-a-speaker":
        name = workspace.speaker(speaker).name
        n = workspace.not_a_speaker(speaker)
        print(
            f"{name}: not a speaker; {plural(n, 'statement')} unattributed, and the name is left "
            "unattributed in documents added later (`argmap undo` takes it back)"
        )
        return 0
    values = args.values
    needed = {"rename": 1, "alias": 1, "merge": 1, "split": 2}[args.action]
    if len(values) < needed or (args.action in ("rename", "alias") and len(values) != 1):
        if args.action == "split":
            expected = "NAME STATEMENT..."
        elif args.action == "merge":
            expected = "OTHER..."
        else:
            expected = "one value"
        raise EditError(f"speaker {args.action}: expected {expected}")
    if args.action == "rename":
        result = workspace.rename_speaker(speaker, values[0])
    elif args.action == "alias":
        result = workspace.add_alias(speaker, values[0])
    elif args.action == "merge":
        result = workspace.merge_speakers(
            speaker,
            [_resolve(workspace, "speakers", v) for v in values],
            drop_aliases=True if args.drop_aliases else args.drop_alias,
        )
    else:
        result = workspace.split_speaker(
            speaker, [_resolve(workspace, "statements", v) for v in values[1:]], values[0]
        )
    print(f"{result.id}  {result.name}; aliases: {', '.join(result.aliases) or '-'}")
    return 0


def _claim(workspace, args) -> int:
    from argmap.store import EditError

    parent = (
        _resolve(workspace, "claims", args.parent) if args.parent else None
    )  # "": under the issue
    if args.action == "list":
        _print_claims(workspace)
        return 0
    if not args.target:
        raise EditError(f"claim {args.action} needs its {'text' if args.action == 'add' else 'id'}")
    if args.action == "add":
        claim = workspace.add_claim(
            args.target,
            kind="position" if args.position else "claim",
            parent_id=parent,
            label=args.label,
        )
    elif args.action == "promote":
        claim = workspace.promote_statement(
            _resolve(workspace, "statements", args.target), parent_id=parent
        )
    elif args.action == "edit":
        changes = {"text": args.text}
        if args.parent is not None:
            changes["parent_id"] = parent
        if args.label:
            changes["label"] = None if args.label == "none" else args.label
        if args.position:
            changes["kind"] = "position"
        claim = workspace.edit_claim(_resolve(workspace, "claims", args.target), **changes)
    else:
        claim_id = _resolve(workspace, "claims", args.target)
        removed = workspace.delete_claim(claim_id)
        print(f"{claim_id}: deleted{_relations_removed(removed)}")
        return 0
    print(f"{claim.id} [{claim.kind}] {claim.text}")
    return 0


def _relations_removed(relations) -> str:
    """ ", with its N relations: ..." for a delete's report (empty when there were none)."""
    if not relations:
        return ""
    listed = "; ".join(f"{r.id} ({r.source_id} {r.kind} {r.target_id})" for r in relations)
    return f", with its {len(relations)} relation{'s' if len(relations) != 1 else ''}: {listed}"


def _print_claims(workspace) -> None:
    codebook = workspace.codebook
    print(f"issue: {codebook.issue if codebook else '(no codebook)'}")
    children: dict = {}
    for claim in workspace.claims():
        children.setdefault(claim.parent_id, []).append(claim)

    def show(parent, depth: int) -> None:
        for claim in children.get(parent, []):
            label = f" ({claim.label})" if claim.label else ""
            print(f"{'  ' * depth}{claim.id} [{claim.kind}]{label} {claim.text}")
            for relation in workspace.relations(claim.id, status="accepted"):
                if relation.target_id == claim.id:
                    source = _node_text(workspace, relation.source_id)
                    print(f"{'  ' * (depth + 1)}{relation.kind}: {source}")
            show(claim.id, depth + 1)

    show(None, 1)


def _link(workspace, args) -> int:
    relation = workspace.link(
        _node(workspace, args.source), _node(workspace, args.target), args.kind
    )
    print(f"{relation.id}: {relation.source_id} {relation.kind} {relation.target_id}")
    return 0


def _unlink(workspace, args) -> int:
    relation = _resolve(workspace, "relations", args.relation)
    if args.reject:
        workspace.set_relation_status(relation, "rejected")
        print(f"{relation}: rejected")
    else:
        workspace.unlink(relation)
        print(f"{relation}: removed")
    return 0


def _relations(workspace, args) -> int:
    for relation in workspace.relations(kind=args.kind, status=args.status):
        score = f" {relation.score:.2f}" if relation.score is not None else ""
        print(
            f"{relation.id}  {relation.source_id} {relation.kind} {relation.target_id} "
            f"[{relation.status}]{score}"
        )
    return 0
