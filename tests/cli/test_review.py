"""``argmap review`` and ``argmap agreement`` on the command line: bad packets and keys files are
one line, no terminal fails at once, kill -9 loses no answer."""

import json
import shutil

import pytest

from argmap.review.packet import load_packet, new_packet, save_packet
from argmap.tui.reviewer import ReviewApp
from tests.helpers import FIXTURES, PACKET_FIXTURE, run_cli
from tests.review.helpers import CREATED, codebook, hand_out, seed_items


def test_review_refuses_a_bad_packet_with_one_line(capsys, tmp_path):
    status, _, err = run_cli(capsys, "review", tmp_path / "missing.json")
    assert status == 1 and err == f"argmap: error: {tmp_path / 'missing.json'}: no such file\n"
    tampered = tmp_path / "tampered.json"
    data = json.loads(PACKET_FIXTURE.read_text())
    data["items"][0]["text"] = "We want nothing to do with it."
    tampered.write_text(json.dumps(data))
    status, _, err = run_cli(capsys, "review", tampered)
    assert (
        status == 1
        and err.startswith(f"argmap: error: {tampered}: checksum mismatch")
        and err.count("\n") == 1
    )


def test_review_opens_the_app_on_the_packet(capsys, tmp_path, monkeypatch):
    path = tmp_path / "p.json"
    shutil.copy(PACKET_FIXTURE, path)
    opened = []
    monkeypatch.setattr(
        ReviewApp,
        "run",
        lambda self: opened.append((self.session.packet.packet_id, self.session.path)),
    )
    monkeypatch.setattr("argmap.cli.review._has_terminal", lambda: True)
    assert run_cli(capsys, "review", path)[0] == 0
    assert opened == [("seed-alice", path)]


def test_review_without_a_terminal_fails_at_once_with_one_line(tmp_path):
    """`argmap review PACKET < /dev/null | cat`: no terminal, so one error line and exit 1, never
    a hang."""
    import subprocess
    import sys

    path = tmp_path / "p.json"
    shutil.copy(PACKET_FIXTURE, path)
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "review", str(path)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"argmap: error: {path}: argmap review needs a terminal: its input or output is not one "
        "(a packet can be filled by a script instead)\n"
    )
    assert json.loads(path.read_text()) == json.loads(PACKET_FIXTURE.read_text())


def test_a_keys_file_with_an_unknown_id_stops_review_with_one_line(packet_path, tmp_path, capsys):
    keys = tmp_path / "keys.toml"
    keys.write_text('[keys]\nskipp = "x"\n', encoding="utf-8")
    status, _, err = run_cli(capsys, "review", packet_path, "--keys", keys)
    assert (
        status == 1
        and err
        == f"argmap: error: {keys}: keys.skipp: no binding has this id (the help screen, ?, lists "
        "them)\n"
    )


def test_killing_argmap_review_loses_nothing_answered(tmp_path):
    """`argmap review` in a terminal (a pty): press 2, kill -9 once the answer is in the file."""
    import os
    import select
    import signal
    import subprocess
    import sys
    import time

    pty = pytest.importorskip("pty")
    path = tmp_path / "alice.json"
    shutil.copy(PACKET_FIXTURE, path)
    main_fd, child_fd = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "review", str(path)],
        stdin=child_fd,
        stdout=child_fd,
        stderr=child_fd,
        env=env,
        close_fds=True,
        start_new_session=True,
    )
    os.close(child_fd)

    def drain(seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if select.select([main_fd], [], [], 0.1)[0]:
                try:
                    os.read(main_fd, 65536)
                except OSError:
                    return

    try:
        deadline = time.monotonic() + 60
        answered = None
        while time.monotonic() < deadline and answered is None:
            drain(1.0)
            os.write(
                main_fd, b"2"
            )  # a key before the app is ready is ignored; press until it is saved
            drain(0.5)
            labels = [item["label"] for item in json.loads(path.read_text())["items"]]
            answered = labels if any(labels) else None
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main_fd)
    assert answered is not None, "the answer never reached the file"
    packet = load_packet(path)  # still a valid, complete packet after kill -9
    assert packet.items[0].label == "sovereignty-concern"


def test_agreement_reports_bad_packets_and_goes_on(capsys, tmp_path):
    _, _, paths = hand_out(tmp_path)
    for path in paths.values():
        packet = load_packet(path)
        for item in packet.items:
            item.label = "pro-integration"
        save_packet(packet, path)
    other = tmp_path / "other.json"
    save_packet(
        new_packet("another-workspace", "dan", codebook(), seed_items()[:2], created_at=CREATED),
        other,
    )
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    status, out, err = run_cli(
        capsys, "agreement", paths["alice"], broken, paths["bob"], paths["carol"]
    )
    assert status == 1
    assert err.splitlines() == [
        f"argmap: error: {broken}: not JSON: Expecting property name enclosed in double quotes at "
        "line 1 column 2",
    ]
    # everyone said 'pro-integration': alpha is undefined, not 1
    assert "every paired label is 'pro-integration': no variation" in out
    assert "alice & bob" in out and "bob & carol" in out


def test_agreement_refuses_packets_from_two_workspaces_whatever_their_order(capsys, tmp_path):
    _, _, paths = hand_out(tmp_path)
    other = tmp_path / "dave.json"
    save_packet(
        new_packet("another-workspace", "dave", codebook(), seed_items()[:2], created_at=CREATED),
        other,
    )
    mine = f"{paths['alice']}, {paths['bob']}, {paths['carol']}"
    for order in ([other, *paths.values()], [*paths.values(), other]):
        status, out, err = run_cli(capsys, "agreement", *order)
        assert (status, out) == (1, "")
        assert err == (  # the larger group first, every packet named
            "argmap: error: packets from 2 workspaces, give the packets of one (workspace "
            f"ws-seed: {mine}; "
            f"workspace another-workspace: {other}); no agreement computed\n"
        )


def test_agreement_refuses_packets_of_one_workspace_under_different_label_sets(capsys, tmp_path):
    from argmap.codebook import load_codebook

    _, _, paths = hand_out(tmp_path)
    elsewhere = load_codebook(FIXTURES / "workspace.codebook.toml")
    other = tmp_path / "dave.json"
    save_packet(
        new_packet("ws-seed", "dave", elsewhere, seed_items(suggest=False)[:2], created_at=CREATED),
        other,
    )
    status, out, err = run_cli(capsys, "agreement", other, *paths.values())
    assert (status, out) == (1, "") and err.count("\n") == 1
    assert err.startswith(
        "argmap: error: packets from 2 label sets, give the packets of one (labels "
        "pro-integration, "
    )
    assert f": {paths['alice']}, {paths['bob']}, {paths['carol']}; labels " in err
    assert err.rstrip().endswith(f": {other}); no agreement computed")


def test_agreement_with_no_usable_packet_fails(capsys, tmp_path):
    status, out, err = run_cli(capsys, "agreement", tmp_path / "none.json")
    assert status == 1 and out == "" and "no such file" in err
