"""`argmap review` and `argmap agreement` on the command line, and a round trip with three reviewers."""

import json
import shutil

import krippendorff
import numpy as np
import pytest
from tests.helpers import run_cli as _run
from tests.review_support import CREATED, PACKET_FIXTURE, codebook, run_async, seed_items

from argmap.review.assignment import Candidate, assign, order_items
from argmap.review.packet import load_packet, new_packet, save_packet
from argmap.tui.reviewer import ReviewApp
from argmap.tui.reviewer.screens import SummaryScreen

REVIEWERS = ["alice", "bob", "carol"]


def test_review_refuses_a_bad_packet_with_one_line(capsys, tmp_path):
    status, _, err = _run(capsys, "review", tmp_path / "missing.json")
    assert status == 1 and err == f"argmap: error: {tmp_path / 'missing.json'}: no such file\n"
    tampered = tmp_path / "tampered.json"
    data = json.loads(PACKET_FIXTURE.read_text())
    data["items"][0]["text"] = "We want nothing to do with it."
    tampered.write_text(json.dumps(data))
    status, _, err = _run(capsys, "review", tampered)
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
    assert _run(capsys, "review", path)[0] == 0
    assert opened == [("seed-alice", path)]


def test_review_without_a_terminal_fails_at_once_with_one_line(tmp_path):
    """`argmap review PACKET < /dev/null | cat`: no terminal, so one error line and exit 1, never a hang."""
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


def _hand_out(tmp_path):
    """Assign the seed's statements to three reviewers, two each, and write their packets."""
    items = {item.statement_id: item for item in seed_items()}
    candidates = [
        Candidate(statement_id=item_id, document=item.document, position=number)
        for number, (item_id, item) in enumerate(items.items())
    ]
    assignment = assign(order_items(candidates, "document"), REVIEWERS, overlap=2)
    paths = {}
    for reviewer, ids in assignment.packets.items():
        packet = new_packet(
            "ws-seed",
            reviewer,
            codebook(),
            [items[i] for i in ids],
            packet_id=f"p-{reviewer}",
            created_at=CREATED,
        )
        paths[reviewer] = tmp_path / f"{reviewer}.json"
        save_packet(packet, paths[reviewer])
    return items, assignment, paths


@run_async
async def test_round_trip_with_three_reviewers(capsys, tmp_path):
    items, assignment, paths = _hand_out(tmp_path)
    truth = {item_id: item.suggestion.label for item_id, item in items.items()}
    order = list(items)
    # alice works in the terminal UI and accepts every suggestion
    app = ReviewApp(load_packet(paths["alice"]), paths["alice"], cursor_blink=False)
    async with app.run_test(size=(100, 32)) as pilot:
        for _ in assignment.packets["alice"]:
            await pilot.press("a")
        assert isinstance(app.screen, SummaryScreen)
    # bob fills his packet by script and disagrees on every fourth statement of the article
    data = json.loads(paths["bob"].read_text())
    for item in data["items"]:
        dissent = order.index(item["statement_id"]) % 4 == 0
        item["label"] = (
            ("pro-integration" if truth[item["statement_id"]] == "neutral" else "neutral")
            if dissent
            else truth[item["statement_id"]]
        )
        item["note"] = "reads as reporting" if dissent else None
    paths["bob"].write_text(json.dumps(data))
    # carol uses a spreadsheet round trip and leaves her last item blank
    data = json.loads(paths["carol"].read_text())
    for item in data["items"][:-1]:
        item["label"] = truth[item["statement_id"]]
    paths["carol"].write_text(json.dumps(data))

    given = {}  # item -> {reviewer: label}, read back from the files
    for reviewer, path in paths.items():
        for item in load_packet(path).items:
            if item.label:
                given.setdefault(item.statement_id, {})[reviewer] = item.label
    assert sum(len(labels) for labels in given.values()) == 2 * len(items) - 1

    status, out, err = _run(
        capsys, "agreement", *paths.values(), "--format", "json", "--disagreements"
    )
    assert (status, err) == (0, "")
    report = json.loads(out)
    assert report["items"] == len(items) and report["ratings"] == 2 * len(items) - 1
    assert report["label_counts"] == {"one": 1, "two": len(items) - 1, "three_or_more": 0}
    disputed = [item for item in order if len(set(given[item].values())) > 1]
    assert disputed and sorted(entry["item"] for entry in report["disagreements"]) == sorted(
        disputed
    )
    for entry in report["disagreements"]:
        bob = next(answer for answer in entry["answers"] if answer["reviewer"] == "bob")
        assert bob["note"] == "reads as reporting" and bob["label"] != truth[entry["item"]]
    # alpha: the same figure from the files through krippendorff's own reliability-data input
    code = {"pro-integration": 0, "sovereignty-concern": 1, "neutral": 2}
    matrix = np.array(
        [
            [code[given[item][r]] if r in given[item] else np.nan for item in order]
            for r in REVIEWERS
        ],
        dtype=float,
    )
    expected_alpha = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    assert report["alpha"]["value"] == pytest.approx(expected_alpha)
    assert 0 < report["alpha"]["value"] < 1
    # each pair's percent agreement: shared items minus bob's dissents, over shared items
    for pair in report["pairs"]:
        first, second = pair["reviewers"]
        shared = [item for item in order if first in given[item] and second in given[item]]
        agreeing = [item for item in shared if given[item][first] == given[item][second]]
        assert pair["shared_items"] == len(shared)
        assert pair["percent_agreement"]["value"] == pytest.approx(len(agreeing) / len(shared))
        used = {given[item][first] for item in shared} | {given[item][second] for item in shared}
        if (
            len(used) == 1
        ):  # e.g. alice and carol share only 'sovereignty-concern' items: kappa is undefined, not 1
            assert pair["kappa"] == {
                "value": None,
                "reason": f"both gave only {used.pop()!r}: chance agreement is 1",
                "items": len(shared),
            }
        else:
            assert -1 <= pair["kappa"]["value"] < 1
    assert any(pair["kappa"]["value"] is None for pair in report["pairs"])

    status, out, _ = _run(capsys, "agreement", *paths.values(), "--disagreements")
    assert status == 0
    assert "Krippendorff's alpha (nominal)" in out and f"{expected_alpha:.3f}" in out
    assert (
        f"Disagreements: {len(disputed)} items" in out
        and "bob: " in out
        and "# reads as reporting" in out
    )


def test_agreement_reports_bad_packets_and_goes_on(capsys, tmp_path):
    _, _, paths = _hand_out(tmp_path)
    for reviewer, path in paths.items():
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
    status, out, err = _run(
        capsys, "agreement", paths["alice"], broken, paths["bob"], paths["carol"]
    )
    assert status == 1
    assert err.splitlines() == [
        f"argmap: error: {broken}: not JSON: Expecting property name enclosed in double quotes at line 1 column 2",
    ]
    # everyone said 'pro-integration': alpha is undefined, not 1
    assert "every paired label is 'pro-integration': no variation" in out
    assert "alice & bob" in out and "bob & carol" in out


def test_agreement_refuses_packets_from_two_workspaces_whatever_their_order(capsys, tmp_path):
    _, _, paths = _hand_out(tmp_path)
    other = tmp_path / "dave.json"
    save_packet(
        new_packet("another-workspace", "dave", codebook(), seed_items()[:2], created_at=CREATED),
        other,
    )
    mine = f"{paths['alice']}, {paths['bob']}, {paths['carol']}"
    for order in ([other, *paths.values()], [*paths.values(), other]):
        status, out, err = _run(capsys, "agreement", *order)
        assert (status, out) == (1, "")
        assert err == (  # the larger group first, every packet named
            f"argmap: error: packets from 2 workspaces, give the packets of one (workspace ws-seed: {mine}; "
            f"workspace another-workspace: {other}); no agreement computed\n"
        )


def test_agreement_refuses_packets_of_one_workspace_under_different_label_sets(capsys, tmp_path):
    from tests.helpers import FIXTURES

    from argmap.codebook import load_codebook

    _, _, paths = _hand_out(tmp_path)
    elsewhere = load_codebook(FIXTURES / "workspace.codebook.toml")
    other = tmp_path / "dave.json"
    save_packet(
        new_packet("ws-seed", "dave", elsewhere, seed_items(suggest=False)[:2], created_at=CREATED),
        other,
    )
    status, out, err = _run(capsys, "agreement", other, *paths.values())
    assert (status, out) == (1, "") and err.count("\n") == 1
    assert err.startswith(
        "argmap: error: packets from 2 label sets, give the packets of one (labels pro-integration, "
    )
    assert f": {paths['alice']}, {paths['bob']}, {paths['carol']}; labels " in err
    assert err.rstrip().endswith(f": {other}); no agreement computed")


def test_agreement_with_no_usable_packet_fails(capsys, tmp_path):
    status, out, err = _run(capsys, "agreement", tmp_path / "none.json")
    assert status == 1 and out == "" and "no such file" in err


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
