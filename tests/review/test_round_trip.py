"""A round trip with three reviewers: one in the terminal UI, one by script, one by spreadsheet;
``argmap agreement`` on their packets agrees with krippendorff's own figures."""

import json

import krippendorff
import numpy as np
import pytest

from argmap.review.packet import load_packet
from argmap.tui.reviewer import ReviewApp
from argmap.tui.reviewer.screens import SummaryScreen
from tests.helpers import run_cli
from tests.review.helpers import REVIEWERS, hand_out, run_async


@run_async
async def test_round_trip_with_three_reviewers(capsys, tmp_path):
    items, assignment, paths = hand_out(tmp_path)
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

    status, out, err = run_cli(
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

    status, out, _ = run_cli(capsys, "agreement", *paths.values(), "--disagreements")
    assert status == 0
    assert "Krippendorff's alpha (nominal)" in out and f"{expected_alpha:.3f}" in out
    assert (
        f"Disagreements: {len(disputed)} items" in out
        and "bob: " in out
        and "# reads as reporting" in out
    )
    # each disputed statement is shown by its speaker and words, not by its id alone
    queue = out.split("Disagreements:", 1)[1].splitlines()[1:]
    items = [line for line in queue if not line.startswith(" ")]
    words = [line for line in queue if line.startswith("  ") and not line.startswith("    ")]
    assert len(items) == len(words) == len(disputed)
    assert all(": “" in line for line in words)
