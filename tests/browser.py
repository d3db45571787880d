"""A real browser for the page tests: Playwright driving the system's Chromium, headless.

Playwright comes from the test extra (it downloads no browser: never ``playwright install``);
the browser is Debian's ``chromium`` (``$ARGMAP_CHROMIUM`` may name another). Where either is
missing the tests skip with the reason, unless ``$ARGMAP_REQUIRE_BROWSER=1`` (CI), where they
fail instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

#: Chromium's flags for a headless run as root in a container, with nothing fetched on its own
#: (no component updates, sync, or background requests).
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_path() -> Path | None:
    """The Chromium to drive: ``$ARGMAP_CHROMIUM``, else ``/usr/bin/chromium``, else
    ``chromium`` on PATH; None when there is none."""
    named = os.environ.get("ARGMAP_CHROMIUM")
    if named:
        return Path(named) if Path(named).is_file() else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def unavailable(reason: str) -> None:
    """Skip the test for ``reason``, or fail it when ``$ARGMAP_REQUIRE_BROWSER=1``."""
    if os.environ.get("ARGMAP_REQUIRE_BROWSER") == "1":
        pytest.fail(f"ARGMAP_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium driven by Playwright (a ``playwright.sync_api.Browser``)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed (pip install playwright; the test extra has it)")
    path = chromium_path()
    if path is None:
        unavailable("no Chromium found (apt-get install chromium, or set $ARGMAP_CHROMIUM)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(path), headless=True, args=list(CHROMIUM_FLAGS)
        )
        try:
            yield browser
        finally:
            browser.close()
