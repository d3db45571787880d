"""The real readers of the export formats, each in an environment of its own.

arguebuf (AIF) pins ``lxml<6`` while argmap needs lxml 6, and ``@argdown/cli`` is a Node
program, so neither goes into argmap's environment: each is installed on first use into
a folder of the readers' cache (``$ARGMAP_TEST_READERS``, else
``$XDG_CACHE_HOME/argmap-test-readers``, else ``~/.cache/argmap-test-readers``), one
folder per pinned version, and reused by later runs. A folder is complete only when its
``.ready`` file exists; an interrupted install is removed and made again. A lock file
keeps two test sessions from installing at once. A failed install (no network) is not
tried again for an hour: its reason is kept in ``<folder>.failed``.

The fixtures in conftest.py call ``arguebuf_python()``, ``argdown_command()`` and
``dot_command()``, and skip the test with the reason when a reader cannot be had (no
node or npm, no network, no graphviz).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: The readers' versions: a new pin installs into a new folder.
ARGUEBUF = "arguebuf==2.7.2"
ARGDOWN_CLI = "@argdown/cli@1.7.5"
#: npm without its audit and funding notices, and giving up on an unreachable registry in
#: seconds rather than a minute.
NPM_OPTIONS = ("--no-audit", "--no-fund", "--fetch-retries=2", "--fetch-retry-maxtimeout=10000")
#: How long an install may take before it counts as failed (a slow network).
INSTALL_TIMEOUT = 900
#: How long a failed install is not tried again, in seconds.
RETRY_AFTER = 3600
#: The script arguebuf's interpreter runs on an AIF file (beside this module).
AIF_PROBE = Path(__file__).with_name("arguebuf_probe.py")


class ReaderUnavailable(Exception):
    """A reader cannot be installed or run here; the message says why."""


def cache_dir() -> Path:
    """The folder holding the readers' environments."""
    if os.environ.get("ARGMAP_TEST_READERS"):
        return Path(os.environ["ARGMAP_TEST_READERS"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "argmap-test-readers"


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _install(folder: Path, steps: list[list[str]], what: str) -> None:
    """Run ``steps`` in ``folder`` unless it is complete; ReaderUnavailable on failure.

    A failure is remembered for RETRY_AFTER seconds (in ``<folder>.failed``), so that a
    machine without network does not pay for a failing install at every test run.
    """
    failed = folder.with_name(folder.name + ".failed")
    with _locked(folder):
        if (folder / ".ready").exists():
            return
        if failed.exists() and time.time() - failed.stat().st_mtime < RETRY_AFTER:
            raise ReaderUnavailable(
                f"{failed.read_text().strip()} (tried less than an hour ago; "
                f"delete {failed} to try again now)"
            )
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for step in steps:
            problem = _run(step, folder)
            if problem is not None:
                shutil.rmtree(folder, ignore_errors=True)
                message = (
                    f"cannot install {what} (no network, or its registry unreachable?): "
                    f"`{' '.join(step)}` failed: {problem}"
                )
                failed.write_text(message + "\n")
                raise ReaderUnavailable(message)
        failed.unlink(missing_ok=True)
        (folder / ".ready").write_text(" ".join(" ".join(s) for s in steps) + "\n")


def _run(step: list[str], folder: Path) -> str | None:
    """Run one install step in ``folder``: None, or the line of its output that says why it
    failed."""
    try:
        done = subprocess.run(
            step, cwd=folder, capture_output=True, text=True, timeout=INSTALL_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as problem:
        return str(problem)
    if done.returncode == 0:
        return None
    lines = [line.strip() for line in (done.stderr + done.stdout).splitlines() if line.strip()]
    errors = [line for line in lines if line.lower().startswith(("error", "npm error"))]
    return (errors or lines or ["no output"])[0]


def arguebuf_python() -> Path:
    """The interpreter of a virtual environment holding arguebuf (made on first use)."""
    folder = cache_dir() / ARGUEBUF.replace("==", "-")
    python = folder / "bin" / "python"
    _install(
        folder,
        [
            [sys.executable, "-m", "venv", str(folder)],
            [str(python), "-m", "pip", "install", "--quiet", "--retries", "2", ARGUEBUF],
        ],
        ARGUEBUF,
    )
    return python


def argdown_command() -> Path:
    """The ``argdown`` command of ``@argdown/cli`` installed with npm (on first use)."""
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            raise ReaderUnavailable(f"{tool} is not installed: cannot run {ARGDOWN_CLI}")
    folder = cache_dir() / ARGDOWN_CLI.lstrip("@").replace("/", "-").replace("@", "-")
    npm = shutil.which("npm") or "npm"
    _install(
        folder,
        [[npm, "install", "--prefix", ".", *NPM_OPTIONS, ARGDOWN_CLI]],
        ARGDOWN_CLI,
    )
    return folder / "node_modules" / ".bin" / "argdown"


def dot_command() -> Path:
    """GraphViz's ``dot``, where it is installed."""
    found = shutil.which("dot")
    if found is None:
        raise ReaderUnavailable("graphviz `dot` is not installed")
    return Path(found)


def read_aif(python: Path, path: Path) -> dict:
    """What arguebuf makes of the AIF file at ``path`` (see arguebuf_probe.py); AssertionError
    with arguebuf's own message when it refuses the file."""
    done = subprocess.run(
        [str(python), str(AIF_PROBE), str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"arguebuf refused {path.name}:\n{done.stderr[-3000:]}"
    return json.loads(done.stdout)


def read_argdown(argdown: Path, path: Path) -> dict:
    """The JSON that ``argdown json`` makes of the Argdown file at ``path``; AssertionError
    with the parser's messages when it refuses the file."""
    out = path.parent / f"{path.stem}-argdown-json"
    done = subprocess.run(
        [str(argdown), "json", str(path), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    result = out / f"{path.stem}.json"
    assert done.returncode == 0 and result.exists(), (
        f"argdown refused {path.name}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    )
    return json.loads(result.read_text(encoding="utf-8"))


def run_dot(dot: Path, path: Path, format: str) -> bytes:
    """``dot -T<format>`` of the file at ``path``; AssertionError when dot fails or warns."""
    done = subprocess.run(
        [str(dot), f"-T{format}", str(path)], capture_output=True, timeout=300, check=False
    )
    warnings = done.stderr.decode("utf-8", "replace").strip()
    assert done.returncode == 0 and not warnings, f"dot -T{format} {path.name}: {warnings}"
    return done.stdout
