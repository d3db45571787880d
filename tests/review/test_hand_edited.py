"""Packets filled by hand, like a spreadsheet (issue 13): what is unambiguous is accepted (a
label's id in any case, with spaces around it, its name or its key), every problem is reported at
once naming the item, and deleted, duplicated, added or edited items are named; nothing is merged
from a packet with a problem."""

import json
from datetime import UTC, datetime

import pytest

from argmap.codebook import load_codebook
from argmap.io.reading import load_documents
from argmap.review.packet import PacketError, load_packet, new_packet, save_packet
from argmap.store import Workspace
from tests.helpers import REVIEW_CODEBOOK, SEED, run_cli
from tests.review.helpers import assign_packets, fill_packets

ANSWERED = "2026-11-25T15:00:00Z"


@pytest.fixture
def alice(capsys, review_ws, tmp_path):
    """alice's packet as ``argmap assign`` wrote it from the seed workspace, every item answered
    ``neutral`` at 15:00: (its path, its JSON)."""
    folder = tmp_path / "packets"
    assign_packets(capsys, review_ws, folder)
    fill_packets(folder, lambda reviewer, number, item: "neutral")
    path = next(folder.glob("alice-*.json"))
    return path, json.loads(path.read_text(encoding="utf-8"))


def _write(path, data):
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _name(number, item):
    """How a problem names item ``number`` (1-based): its statement id and first words."""
    words = item["text"].split()
    first = " ".join(words[:4])
    if len(words) > 4 or len(first) > 40:
        first = first[:40].rstrip() + "…"
    return f'item {number} ({item["statement_id"]}: "{first}")'


def _collect(capsys, review_ws, path):
    return run_cli(capsys, "collect", path, "-w", review_ws.path)


def _labels(review_ws, reviewer="alice"):
    return {a.statement_id: a.label for a in review_ws.annotations() if a.annotator == reviewer}


# ----------------------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Pro-Integration", "pro-integration"),  # the id in another case
        ("neutral ", "neutral"),  # a trailing space
        ("  SOVEREIGNTY-CONCERN\t", "sovereignty-concern"),
        ("Sovereignty concern", "sovereignty-concern"),  # the display name
        ("sovereignty CONCERN", "sovereignty-concern"),  # the name in another case
        ("Sovereignty  concern", "sovereignty-concern"),  # two spaces inside it
        ("1", "pro-integration"),  # the key the review UI shows for it
        (" 3 ", "neutral"),
        (2, "sovereignty-concern"),  # a key written as a JSON number
        (3.0, "neutral"),  # or as a spreadsheet writes numbers
    ],
)
def test_a_label_written_as_its_name_key_or_in_another_case_is_read_as_the_label(
    capsys, review_ws, alice, written, meant
):
    path, data = alice
    data["items"][0]["label"] = written
    _write(path, data)
    assert load_packet(path).items[0].label == meant
    status, out, err = _collect(capsys, review_ws, path)
    assert (status, err) == (0, "")
    assert "1 answer normalised (case, spaces, a label's name or key)" in out
    assert _labels(review_ws)[data["items"][0]["statement_id"]] == meant


def test_the_collect_report_counts_the_normalised_answers(capsys, review_ws, alice):
    path, data = alice
    for item, written in zip(data["items"], ["Neutral", "neutral ", "3", "neutral"], strict=False):
        item["label"] = written
    _write(path, data)
    status, out, err = _collect(capsys, review_ws, path)
    assert (status, err) == (0, "")
    assert out == (
        f"{path}: alice: {len(data['items'])} added, 0 updated, 0 unchanged, 0 unanswered, "
        "3 answers normalised (case, spaces, a label's name or key)\n"
    )
    assert set(_labels(review_ws).values()) == {"neutral"}


AMBIGUOUS_CODEBOOK = """
[debate]
id = "d"
issue = "Should it?"

[[label]]
id = "neutral"
name = "No position"

[[label]]
id = "no-position"
name = "No position"

[[label]]
id = "reporting"
name = "Neutral"
"""


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        (
            "no position",
            "label 'no position' is ambiguous: it is the name of neutral and of no-position; "
            "write the label's id",
        ),
        (
            "Neutral",
            "label 'Neutral' is ambiguous: it is the id of neutral (in another case) and the "
            "name of reporting; write the label's id",
        ),
    ],
)
def test_an_ambiguous_label_is_refused_naming_both(tmp_path, written, problem):
    codebook_file = tmp_path / "ambiguous.codebook.toml"
    codebook_file.write_text(AMBIGUOUS_CODEBOOK, encoding="utf-8")
    from tests.review.helpers import seed_items

    items = seed_items(suggest=False)[:2]
    packet = new_packet("ws", "alice", load_codebook(codebook_file), items, packet_id="p")
    path = tmp_path / "p.json"
    save_packet(packet, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["items"][1]["label"] = written
    data["items"][0]["label"] = "neutral"  # the exact id is never ambiguous
    _write(path, data)
    with pytest.raises(PacketError) as caught:
        load_packet(path)
    assert caught.value.problems == (f"{path}: {_name(2, data['items'][1])}: {problem}",)


# ----------------------------------------------------------------------------- every problem


def test_every_problem_is_reported_at_once_naming_each_item_and_nothing_is_merged(
    capsys, review_ws, alice
):
    path, data = alice
    items = data["items"]
    items[1]["label"] = "maybe"
    items[4]["answered_at"] = "yesterday"
    items[6]["label"] = ["neutral"]
    items[8]["answered_at"] = 46000  # a spreadsheet's serial date, not a time
    items[9]["note"] = {"text": "a note"}
    _write(path, data)
    expected = [
        f"{path}: {_name(2, items[1])}: label 'maybe' is not in the codebook; give a label's "
        "id, name or key: pro-integration (1, Pro-integration), sovereignty-concern "
        "(2, Sovereignty concern), neutral (3, Neutral)",
        f"{path}: {_name(5, items[4])}: answered_at 'yesterday' is not a time; give a time "
        "such as 2026-12-07T10:00:00Z, or leave it empty",
        f'{path}: {_name(7, items[6])}: label ["neutral"] is not a label; give a label\'s id, '
        "name or key as text",
        f"{path}: {_name(9, items[8])}: answered_at 46000 is not a time; give a time such as "
        "2026-12-07T10:00:00Z, or leave it empty",
        f'{path}: {_name(10, items[9])}: note {{"text": "a note"}} is not text; write the '
        "note as text, or leave it empty",
    ]
    with pytest.raises(PacketError) as caught:
        load_packet(path)
    assert list(caught.value.problems) == expected
    assert str(caught.value) == f"{expected[0]} (and 4 more problems)"
    status, out, err = _collect(capsys, review_ws, path)
    assert (status, out) == (1, "")
    assert err.splitlines() == [f"argmap: error: {line}" for line in expected] + [
        f"argmap: error: {path}: 5 problems; nothing merged"
    ]
    assert review_ws.annotations() == []


@pytest.mark.parametrize("written", [10**400, 4, 0, -1, 1.5, True])
def test_a_number_that_is_no_key_is_refused_not_a_crash(alice, written):
    path, data = alice
    data["items"][0]["label"] = written
    _write(path, data)
    with pytest.raises(PacketError) as caught:
        load_packet(path)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{path}: {_name(1, data['items'][0])}: label ")
    assert "give a label's id, name or key" in problem and len(problem) < 400


def test_a_blank_answered_at_is_no_time_and_the_answer_is_dated_at_hand_out(
    capsys, review_ws, alice
):
    path, data = alice
    data["items"][0]["answered_at"] = ""
    data["items"][1]["answered_at"] = "   "
    data["items"][2]["answered_at"] = None
    _write(path, data)
    packet = load_packet(path)
    assert [item.answered_at for item in packet.items[:3]] == [None, None, None]
    status, out, err = _collect(capsys, review_ws, path)
    assert (status, err) == (0, "")
    assert "3 answers without a time (dated when handed out)" in out
    (stored,) = review_ws.annotations(data["items"][0]["statement_id"])
    handed = packet.created_at  # the store keeps milliseconds
    assert stored.time == handed.replace(microsecond=handed.microsecond // 1000 * 1000)


def test_a_time_as_a_spreadsheet_writes_it_is_read(capsys, review_ws, alice):
    path, data = alice
    data["items"][0]["answered_at"] = " 2026-11-25 16:30 "
    _write(path, data)
    assert load_packet(path).items[0].answered_at == datetime(2026, 11, 25, 16, 30)
    status, _, err = _collect(capsys, review_ws, path)
    assert (status, err) == (0, "")
    (stored,) = review_ws.annotations(data["items"][0]["statement_id"])
    assert stored.time == datetime(2026, 11, 25, 16, 30, tzinfo=UTC)


def test_an_answer_dated_out_of_range_is_a_problem_not_a_crash(capsys, review_ws, alice):
    path, data = alice
    data["items"][0]["answered_at"] = "0001-01-01T00:00:00+05:00"
    _write(path, data)
    status, out, err = _collect(capsys, review_ws, path)
    assert (status, out) == (1, "")
    assert err == (
        f"argmap: error: {path}: {_name(1, data['items'][0])}: answered_at "
        "'0001-01-01T00:00:00+05:00' is not a time argmap can store; give a time such as "
        "2026-12-07T10:00:00Z, or leave it empty; nothing merged\n"
    )


# ----------------------------------------------------------------------------- items


def test_a_deleted_item_is_named_with_its_text_from_the_workspace(capsys, review_ws, alice):
    path, data = alice
    deleted = data["items"].pop(3)
    _write(path, data)
    status, out, err = _collect(capsys, review_ws, path)
    assert (status, out) == (1, "")
    text = review_ws.statement_row(deleted["statement_id"]).text
    assert text == deleted["text"]
    first = " ".join(text.split()[:4])
    assert err == (
        f'argmap: error: {path}: statement {deleted["statement_id"]} ("{first}…") was handed '
        "out in this packet and its item is missing (deleted); put it back, answered or not; "
        "nothing merged\n"
    )
    # without a workspace, the statement is named by its id
    with pytest.raises(PacketError) as caught:
        load_packet(path)
    assert caught.value.problems == (
        f"{path}: statement {deleted['statement_id']} was handed out in this packet and its "
        "item is missing (deleted); put it back, answered or not",
    )
    assert review_ws.annotations() == []


def test_a_duplicated_an_added_and_an_edited_item_are_each_named(
    capsys, review_ws, alice, tmp_path
):
    path, data = alice
    bob = json.loads(next(path.parent.glob("bob-*.json")).read_text(encoding="utf-8"))
    mine = {item["statement_id"] for item in data["items"]}
    stranger = next(item for item in bob["items"] if item["statement_id"] not in mine)
    data["items"].append(dict(data["items"][2]))  # a row copied in a spreadsheet
    data["items"].append(stranger)  # a row pasted from bob's packet
    data["items"][5]["text"] = data["items"][5]["text"].upper()  # a row retyped
    data["items"][6]["speaker"] = "Somebody Else"
    _write(path, data)
    count = len(data["items"])
    items = data["items"]
    expected = [
        f"{path}: {_name(6, items[5])}: its text was changed after hand-out (statement_id, text, "
        "context, speaker and document must stay as handed out)",
        f"{path}: {_name(7, items[6])}: its speaker was changed after hand-out (statement_id, "
        "text, context, speaker and document must stay as handed out)",
        f"{path}: {_name(count - 1, items[-2])}: the same statement as item 3; keep one of them",
        f"{path}: {_name(count, items[-1])}: this statement was not handed out in this packet "
        "(added, or its statement_id was changed); remove the item",
    ]
    with pytest.raises(PacketError) as caught:
        load_packet(path)
    assert list(caught.value.problems) == expected
    status, out, err = _collect(capsys, review_ws, path)
    assert (status, out) == (1, "")
    assert err.splitlines() == [f"argmap: error: {line}" for line in expected] + [
        f"argmap: error: {path}: 4 problems; nothing merged"
    ]
    assert review_ws.annotations() == []


def test_items_in_another_order_with_answers_changed_are_still_accepted(capsys, review_ws, alice):
    path, data = alice
    data["items"].sort(key=lambda item: item["text"])
    data["items"][0]["label"] = "pro-integration"
    data["items"][0]["note"] = "changed my mind"
    data["items"][1]["suggestion"] = None
    _write(path, data)
    status, out, err = _collect(capsys, review_ws, path)
    assert (status, err) == (0, "") and f"alice: {len(data['items'])} added" in out


def test_a_header_change_is_still_a_checksum_mismatch(capsys, review_ws, alice):
    path, data = alice
    data["reviewer"] = "mallory"
    _write(path, data)
    status, _, err = _collect(capsys, review_ws, path)
    assert status == 1 and err == (
        f"argmap: error: {path}: checksum mismatch: the packet's reviewer, packet_id, "
        "workspace_id, blind or created_at, or its list of handed-out items (handed_out), were "
        "altered; nothing merged\n"
    )


def test_collect_problems_are_reported_together_naming_each_item(capsys, review_ws, alice):
    path, data = alice
    data["items"][1]["answered_at"] = "2099-01-01T00:00:00Z"
    data["items"][3]["answered_at"] = "2098-01-01T00:00:00Z"
    _write(path, data)
    status, out, err = _collect(capsys, review_ws, path)
    assert (status, out) == (1, "")
    lines = err.splitlines()
    assert len(lines) == 3 and lines[-1] == f"argmap: error: {path}: 2 problems; nothing merged"
    assert lines[0].startswith(
        f"argmap: error: {path}: {_name(2, data['items'][1])}: answered_at "
        "2099-01-01T00:00:00+00:00 is in the future (now "
    )
    assert lines[1].startswith(f"argmap: error: {path}: {_name(4, data['items'][3])}: ")
    assert review_ws.annotations() == []


def test_a_foreign_packet_is_named_once_not_item_by_item(capsys, review_ws, alice, tmp_path):
    other = Workspace.init(tmp_path / "other", codebook=load_codebook(REVIEW_CODEBOOK))
    other.add_documents(load_documents([str(SEED)]))
    with other:
        folder = tmp_path / "foreign"
        assign_packets(capsys, other, folder)
    path = next(folder.glob("alice-*.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["items"][0]  # deleted items are not looked up in a workspace they do not come from
    _write(path, data)
    from argmap.review.collect import collect_file

    with pytest.raises(PacketError) as caught:
        collect_file(review_ws, path)
    assert caught.value.problems[0] == (
        f"{path}: packet from workspace {other.workspace_id}, not this one "
        f"({review_ws.workspace_id})"
    )
    status, _, err = _collect(capsys, review_ws, path)
    assert status == 1 and "nothing merged" in err and review_ws.annotations() == []


def test_a_packet_of_the_previous_format_still_loads_and_names_a_duplicate(tmp_path):
    from tests.helpers import PACKET_FIXTURE

    data = json.loads(PACKET_FIXTURE.read_text(encoding="utf-8"))
    assert data["format"] == "argmap-packet/2"
    data["items"][0]["label"] = "Neutral"
    path = _write(tmp_path / "old.json", data)
    assert load_packet(path).items[0].label == "neutral"
    data["items"].append(dict(data["items"][1]))
    _write(path, data)
    with pytest.raises(PacketError) as caught:
        load_packet(path)
    assert caught.value.problems == (
        f"{path}: {_name(len(data['items']), data['items'][-1])}: the same statement as item 2; "
        "keep one of them",
    )
