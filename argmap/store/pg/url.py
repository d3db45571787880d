"""Naming a workspace on a PostgreSQL server: which targets are server URLs, their display
name, and keeping passwords out of them.

A workspace target is a path (an SQLite file) or a libpq connection string:
``postgresql://user@host/db``, ``postgres://...``, or key/value ``service=argmap dbname=...``.
Everything else libpq reads is left to libpq (``PG*`` variables, ``~/.pg_service.conf``,
``~/.pgpass``), as PostgreSQL users expect. A password written in the target is refused:
targets are printed, logged and kept in shell history, and a workspace's name must never
carry one.
"""

from __future__ import annotations

import re

from argmap.store.errors import WorkspaceError

#: The URL schemes libpq reads.
SCHEMES = ("postgresql://", "postgres://")
#: A key/value connection string: ``key=value`` pairs (values may be quoted) and nothing else.
_KEY_VALUE = re.compile(r"\s*(?:\w+\s*=\s*(?:'(?:[^'\\]|\\.)*'|[^\s']*)\s*)+")
#: Keys that say a key/value string names a database (one of them must be there).
_DATABASE_KEYS = re.compile(r"(?:^|\s)(?:service|dbname|host|hostaddr)\s*=")


def is_server_target(target: object) -> bool:
    """Whether ``target`` (a workspace argument) names a PostgreSQL database, not a file: a
    ``postgresql://`` URL, or a key/value string such as ``service=argmap`` or
    ``host=db dbname=debate``."""
    text = str(target).strip()
    if text.startswith(SCHEMES):
        return True
    return bool(_KEY_VALUE.fullmatch(text) and _DATABASE_KEYS.search(text))


def connection_parameters(target: str) -> dict[str, str]:
    """The libpq parameters ``target`` gives; ``WorkspaceError`` for a malformed one or one
    holding a password (with where to keep the password instead)."""
    conninfo = _conninfo()
    try:
        parameters = conninfo.conninfo_to_dict(target)
    except Exception as problem:  # psycopg.ProgrammingError: libpq could not parse it
        raise WorkspaceError(
            f"{redact(target)}: not a PostgreSQL connection string ({_first_line(problem)})"
        ) from None
    if parameters.get("password"):
        raise WorkspaceError(
            f"{redact(target)}: a password in the workspace's URL is refused (it would be "
            "shown and logged); keep it in ~/.pgpass (or the file $PGPASSFILE names), a "
            "service file, or $PGPASSWORD"
        )
    return {key: str(value) for key, value in parameters.items() if value is not None}


def redact(target: str) -> str:
    """``target`` with any password replaced by ``***`` (for messages and logs)."""
    try:
        parameters = _conninfo().conninfo_to_dict(target)
    except Exception:
        return _redact_by_hand(target)
    if not parameters.get("password"):
        return target
    return _redact_by_hand(target)


def display_name(target: str) -> str:
    """A short name of the database for messages: ``postgresql://user@host:port/db`` with what
    the target gives (no password, no options)."""
    parameters = connection_parameters(target)
    if "service" in parameters and not parameters.get("dbname"):
        return f"postgresql service {parameters['service']}"
    user = parameters.get("user", "")
    host = parameters.get("host", "")
    if host.startswith("/"):
        host = f"[{host}]"  # a Unix socket folder
    port = f":{parameters['port']}" if parameters.get("port") else ""
    return f"postgresql://{user + '@' if user else ''}{host}{port}/{parameters.get('dbname', '')}"


def _redact_by_hand(target: str) -> str:
    target = re.sub(r"(://[^:/@?#]*):[^@/?#]*@", r"\1:***@", target)
    target = re.sub(r"(?i)(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", r"\1***", target)
    return target


def _first_line(problem: Exception) -> str:
    text = str(problem).strip()
    return text.splitlines()[0] if text else type(problem).__name__


def _conninfo():
    """psycopg's conninfo module, or the error naming the extra that installs it."""
    try:
        from psycopg import conninfo
    except ImportError:
        raise WorkspaceError(
            "a workspace on PostgreSQL needs psycopg: pip install 'argmap[postgresql]'"
        ) from None
    return conninfo
