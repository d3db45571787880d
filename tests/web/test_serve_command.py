"""``argmap serve`` as a command: it prints where it listens and the analyst's link, serves on
127.0.0.1 by default, and a reviewer's link printed by ``argmap assign --web --url`` opens a
session on it."""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers import REPO, run_cli, seed_workspace


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_prints_its_address_and_the_analysts_link_and_answers(tmp_path, capsys):
    seed_workspace(tmp_path).close()
    port = _free_port()
    status, out, _ = run_cli(
        capsys, "assign", "--web", "--reviewers", "alice", "--overlap", "1",
        "--url", f"http://127.0.0.1:{port}", "-w", tmp_path,
    )  # fmt: skip
    assert status == 0
    link = re.search(rf"http://127\.0\.0\.1:{port}(/r/\S+)", out).group(1)
    server = subprocess.Popen(
        [sys.executable, "-m", "argmap", "serve", "--port", str(port), "--as", "ann", "-w",
         str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )  # fmt: skip
    try:
        first = server.stdout.readline()
        second = server.stdout.readline()
        assert first == (
            f"serving {tmp_path / 'argmap.sqlite'} for 1 reviewer on http://127.0.0.1:{port} "
            "(ctrl-c stops)\n"
        )
        analyst = re.fullmatch(
            rf"adjudication, as ann \(a new link, printed this once; it works until "
            rf"--new-analyst-link replaces it; keep it to yourself\): "
            rf"http://127\.0\.0\.1:{port}(/a/[0-9a-f]{{12}}\.[A-Za-z0-9_-]{{43}})\n",
            second,
        ).group(1)
        deadline = time.monotonic() + 30
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/")
                home = conn.getresponse()
                break
            except ConnectionRefusedError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.1)
        assert home.status == 200 and home.getheader("content-security-policy")
        home.read()
        for path, target in ((link, "/start?to=review"), (analyst, "/start?to=adjudicate")):
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            assert response.status == 303 and response.getheader("location") == target
            assert "HttpOnly" in response.getheader("set-cookie")
        # bound to 127.0.0.1 only: the listening socket of the port is the loopback's
        listening = [
            line.split()[1]
            for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
            if line.split()[3] == "0A" and line.split()[1].endswith(f":{port:04X}")
        ]
        assert listening == [f"0100007F:{port:04X}"]
    finally:
        server.terminate()
        server.wait(timeout=20)
