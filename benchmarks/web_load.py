"""Reviewers answering at once through ``argmap serve`` (issue 16's load test): N simulated
reviewers, each on its own keep-alive HTTP connection (a thread with ``http.client``: an async
client capped the rate itself), answer their statements as fast as the server lets them for
a number of seconds. Prints answers per second, the latency of an answer (p50, p95, max) and
the answers lost: those the server reported applied minus the edits in the workspace's log
(0 when none is lost). The server runs as ``argmap serve`` in its own process, on the same
machine as the clients.

    python benchmarks/web_load.py [--reviewers 50] [--seconds 60] [--postgres [--roles]]

On the seed workspace; every reviewer gets every statement (``argmap assign --web``).
``--postgres`` runs on a throwaway PostgreSQL server (Debian's binaries, as the tests start
it); with ``--roles`` each reviewer gets a database role (``argmap workspace grant
reviewer``), so the server saves every answer as that role, under row-level security.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import io
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from argmap.cli import main as argmap  # noqa: E402
from argmap.store import Workspace  # noqa: E402
from tests.helpers import seed_workspace  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def reviewer(port, link, labels, stop_at, latencies, results, number) -> None:
    """One reviewer: sign in, then answer the statements in turn until ``stop_at``."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", urlsplit(link).path)
    response = conn.getresponse()
    response.read()
    cookie = response.getheader("set-cookie").split(";")[0]
    conn.request("GET", "/api/items", headers={"Cookie": cookie})
    items = json.loads(conn.getresponse().read())
    headers = {
        "Cookie": cookie,
        "Content-Type": "application/json",
        "X-CSRF-Token": items["csrf_token"],
        "Origin": f"http://127.0.0.1:{port}",
    }
    n = 0
    while time.monotonic() < stop_at:
        item = items["items"][n % len(items["items"])]
        body = json.dumps(
            {"statement_id": item["statement_id"], "label": labels[(n + number) % len(labels)]}
        )
        began = time.perf_counter()
        conn.request("POST", "/api/answers", body=body, headers=headers)
        response = conn.getresponse()
        result = json.loads(response.read())
        latencies.append(time.perf_counter() - began)
        results.append((response.status, result.get("applied", False)))
        n += 1
    conn.close()


def run(target: str, reviewers: int, seconds: float, roles: bool = False) -> None:
    port = free_port()
    names = ",".join(f"r{n:02d}" for n in range(reviewers))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        argmap(["assign", "--web", "--reviewers", names, "--overlap", str(reviewers),
                "--url", f"http://127.0.0.1:{port}", "-w", target])  # fmt: skip
    links = re.findall(r"-> (http://\S+)", out.getvalue())
    if roles:
        with Workspace(target) as workspace:
            for name in names.split(","):
                workspace.grant(name, "reviewer")
    with Workspace(target) as workspace:
        labels = list(workspace.codebook_outline.label_ids)
        statements = workspace.count_statements()
        before = workspace.conn.execute("SELECT count(*) FROM edits").fetchone()[0]
    server = subprocess.Popen(
        [sys.executable, "-m", "argmap", "serve", "--port", str(port), "-w", target,
         "--answers-per-minute", "1000000"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    try:
        server.stdout.readline()
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        latencies: list[float] = []
        results: list[tuple[int, bool]] = []
        stop_at = time.monotonic() + seconds
        threads = [
            threading.Thread(
                target=reviewer, args=(port, link, labels, stop_at, latencies, results, n)
            )
            for n, link in enumerate(links)
        ]
        began = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - began
    finally:
        server.terminate()
        server.wait(timeout=30)
    if len(latencies) < 2:
        raise SystemExit(f"no answers were measured; the server said: {server.stderr.read()}")
    with Workspace(target) as workspace:
        logged = workspace.conn.execute("SELECT count(*) FROM edits").fetchone()[0] - before
    ok = sum(status == 200 for status, _ in results)
    applied = sum(was for _, was in results)
    cuts = statistics.quantiles(latencies, n=100)
    print(
        f"{reviewers} reviewers x {statements} statements, {elapsed:.1f} s: {len(results)} answers "
        f"({len(results) / elapsed:.0f}/s), {len(results) - ok} refused; latency p50 "
        f"{cuts[49] * 1000:.0f} ms, p95 {cuts[94] * 1000:.0f} ms, max {max(latencies) * 1000:.0f}"
        f" ms; applied {applied}, in the log {logged}, lost {applied - logged}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reviewers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--roles", action="store_true", help="with --postgres: reviewers' roles")
    args = parser.parse_args()
    if args.roles and not args.postgres:
        parser.error("--roles needs --postgres")
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, load "
        f"{os.getloadavg()[0]:.1f}, Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory() as folder:
        if args.postgres:
            from tests.postgres import PostgresServer, create_database

            server = PostgresServer.start()
            try:
                url = create_database(server.url(), "bench_web_load")
                seed_workspace(url).close()
                print(
                    "PostgreSQL" + (" with reviewers' roles" if args.roles else "") + ":", end=" "
                )
                run(url, args.reviewers, args.seconds, args.roles)
            finally:
                server.stop()
        else:
            seed_workspace(Path(folder)).close()
            print("SQLite:", end=" ")
            run(str(Path(folder) / "argmap.sqlite"), args.reviewers, args.seconds)


if __name__ == "__main__":
    main()
