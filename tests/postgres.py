"""A real PostgreSQL server for the tests: a throwaway cluster over the machine's own binaries.

The tests never mock the database. ``PostgresServer.start()`` runs ``initdb`` and ``pg_ctl``
from Debian's ``/usr/lib/postgresql/<version>/bin`` (the newest), or from the folder
``$ARGMAP_PG_BIN`` names, or from ``PATH``, into a temporary folder, listening on a Unix
socket in that folder only (no TCP port), with durability off (a test cluster is thrown
away). As root, the server runs as the ``postgres`` user, since ``initdb`` refuses root.
``$ARGMAP_TEST_POSTGRES`` (a URL) uses an existing server instead; the tests then make and
drop their own databases on it.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

#: Settings for a throwaway cluster: no TCP, no durability (nothing here must survive a crash).
SERVER_OPTIONS = (
    "-c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
    "-c max_connections=200"
)

#: The role the tests connect as (the cluster's superuser).
TEST_ROLE = "argmap"


class ServerUnavailable(RuntimeError):
    """No PostgreSQL server could be started here (the reason is the message)."""


def find_binaries() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``: ``$ARGMAP_PG_BIN``, the newest
    ``/usr/lib/postgresql/*/bin``, or the one on ``PATH``."""
    named = os.environ.get("ARGMAP_PG_BIN")
    if named:
        candidates = [Path(named)]
    else:
        debian = sorted(
            Path("/usr/lib/postgresql").glob("*/bin"),
            key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        )
        candidates = list(reversed(debian))
        on_path = shutil.which("pg_ctl")
        if on_path:
            candidates.append(Path(on_path).parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise ServerUnavailable(
        "no PostgreSQL server binaries (initdb, pg_ctl) found: install Debian's postgresql "
        "package, or name their folder in $ARGMAP_PG_BIN, or a server's URL in "
        "$ARGMAP_TEST_POSTGRES"
    )


@dataclass
class PostgresServer:
    """A cluster started for the tests; ``url(database)`` to connect, ``stop()`` when done."""

    socket_dir: Path
    binaries: Path
    user: str | None = None  # the OS user the server runs as (None: this process's)
    _root: Path = field(default=Path(), repr=False)

    @classmethod
    def start(cls) -> PostgresServer:
        """initdb and start a cluster in a new temporary folder; ``ServerUnavailable`` when it
        cannot be done here."""
        binaries = find_binaries()
        user = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise ServerUnavailable(
                    "running as root and there is no 'postgres' user to run the server as "
                    "(initdb refuses root)"
                ) from None
            user = "postgres"
        root = Path(tempfile.mkdtemp(prefix="argmap-pg-"))
        if user:
            shutil.chown(root, user=user)
        data = root / "data"
        server = cls(socket_dir=root, binaries=binaries, user=user, _root=root)
        server._run(
            "initdb",
            "-D",
            str(data),
            "-U",
            TEST_ROLE,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        server._run(
            "pg_ctl",
            "-D",
            str(data),
            "-l",
            str(root / "server.log"),
            "-w",
            "-o",
            f"-k {root} {SERVER_OPTIONS}",
            "start",
        )
        return server

    def _run(self, program: str, *args: str) -> None:
        try:
            subprocess.run(
                [str(self.binaries / program), *args],
                check=True,
                capture_output=True,
                text=True,
                user=self.user,
                timeout=120,
            )
        except subprocess.CalledProcessError as failed:
            log = self._root / "server.log"
            detail = (failed.stderr or failed.stdout or "").strip().splitlines()
            if log.is_file():
                detail += log.read_text(errors="replace").strip().splitlines()[-3:]
            shutil.rmtree(self._root, ignore_errors=True)
            raise ServerUnavailable(
                f"{program} failed: {' / '.join(detail[-3:]) or failed}"
            ) from None

    def url(self, database: str = "postgres") -> str:
        """A libpq URL of ``database`` on this server (over its Unix socket)."""
        return f"postgresql://{TEST_ROLE}@/{database}?host={quote(str(self.socket_dir))}"

    def stop(self) -> None:
        """Stop the server at once and remove its folder."""
        data = self._root / "data"
        if data.is_dir():
            subprocess.run(
                [str(self.binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                capture_output=True,
                user=self.user,
                timeout=60,
            )
        shutil.rmtree(self._root, ignore_errors=True)


def database_url(server_url: str, database: str) -> str:
    """``server_url`` with its database replaced by ``database``."""
    import psycopg.conninfo

    params = psycopg.conninfo.conninfo_to_dict(server_url)
    params["dbname"] = database
    return psycopg.conninfo.make_conninfo(**params)


def create_database(server_url: str, name: str, template: str | None = None) -> str:
    """Create the database ``name`` on the server ``server_url`` names, empty or a copy of the
    database ``template`` (which nobody may be connected to); its URL."""
    import psycopg
    from psycopg import sql

    create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template is not None:
        create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(create)
    return database_url(server_url, name)


def drop_database(server_url: str, name: str) -> None:
    """Drop the database ``name`` (closing its connections)."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
