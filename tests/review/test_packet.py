"""Annotation packets: built from the seed, saved atomically, loaded with clear errors."""

import json
import os

import pytest

from argmap.io import atomic
from argmap.review.packet import PacketError, load_packet, new_packet, save_packet
from tests.helpers import PACKET_FIXTURE
from tests.review.helpers import CREATED, codebook, seed_items


def _packet(blind=False, count=4):
    return new_packet(
        "ws-1",
        "alice",
        codebook(),
        seed_items()[:count],
        blind=blind,
        packet_id="p-1",
        created_at=CREATED,
    )


def _write(tmp_path, data, name="packet.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_items_from_the_seed_hold_their_statement_inside_their_paragraph():
    items = seed_items()
    assert len(items) >= 10
    for item in items:
        spans = item.highlight_spans()
        assert spans, item.statement_id
        highlighted = " ".join(item.context[start:end] for start, end in spans)
        # the statement's words are what is highlighted; the context is one or more whole paragraphs
        assert highlighted.split()[:3] == item.text.split()[:3]
        assert item.context == item.context.strip()
    speakers = {item.speaker for item in items}
    assert "Kishida Fumio" in speakers


def test_save_then_load_round_trips_answers(tmp_path):
    packet = _packet()
    packet.items[1].label = "sovereignty-concern"
    packet.items[1].note = "sceptical of the costs"
    path = tmp_path / "alice.json"
    save_packet(packet, path)
    again = load_packet(path)
    assert again == packet
    assert (
        again.items[1].label == "sovereignty-concern"
        and again.items[1].note == "sceptical of the costs"
    )
    assert again.items[0].label is None and again.items[0].note is None


def test_a_blind_packet_has_no_suggestion_key_but_null_answers(tmp_path):
    path = tmp_path / "blind.json"
    save_packet(_packet(blind=True), path)
    data = json.loads(path.read_text())
    assert data["blind"] is True
    for item in data["items"]:
        assert "suggestion" not in item
        assert item["label"] is None and item["note"] is None
    assert load_packet(path).blind


def test_filling_answers_by_script_keeps_the_checksum_valid(tmp_path):
    path = tmp_path / "p.json"
    save_packet(_packet(), path)
    data = json.loads(path.read_text())
    for item in data["items"]:
        item["label"] = "neutral"
        item["note"] = "filled in a spreadsheet"
    data["items"].reverse()  # a spreadsheet may sort rows
    _write(tmp_path, data, "p.json")
    assert [item.label for item in load_packet(path).items] == ["neutral"] * 4


@pytest.mark.parametrize("field", ["text", "context", "speaker", "document"])
def test_an_altered_item_is_refused_naming_the_field(tmp_path, field):
    data = json.loads(_packet().to_json())
    statement = data["items"][2]["statement_id"]
    data["items"][2][field] = data["items"][2][field] + " (edited)"
    path = _write(tmp_path, data)
    with pytest.raises(PacketError) as caught:
        load_packet(path)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{path}: item 3 ({statement}: ")
    assert problem.endswith(
        f"): its {field} was changed after hand-out (statement_id, text, context, speaker and "
        "document must stay as handed out)"
    )


def test_an_altered_statement_id_is_an_added_and_a_deleted_item(tmp_path):
    data = json.loads(_packet().to_json())
    statement = data["items"][2]["statement_id"]
    data["items"][2]["statement_id"] += "x"
    path = _write(tmp_path, data)
    with pytest.raises(PacketError) as caught:
        load_packet(path)
    added, deleted = caught.value.problems
    assert added.startswith(f"{path}: item 3 ({statement}x: ") and added.endswith(
        "this statement was not handed out in this packet (added, or its statement_id was "
        "changed); remove the item"
    )
    assert deleted == (
        f"{path}: statement {statement} was handed out in this packet and its item is missing "
        "(deleted); put it back, answered or not"
    )


def test_white_space_changed_by_a_spreadsheet_is_not_an_edit(tmp_path):
    data = json.loads(_packet().to_json())
    data["items"][2]["context"] = data["items"][2]["context"].replace(" ", "\r\n", 3) + " "
    assert load_packet(_write(tmp_path, data)).items[2].context == data["items"][2]["context"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reviewer", "mallory"),
        ("packet_id", "p-2"),
        ("workspace_id", "ws-2"),
        ("blind", True),
        ("created_at", "2026-11-30T12:00:00Z"),  # the time of answers given without one
    ],
)
def test_an_altered_header_is_refused_while_answers_stay_free(tmp_path, field, value):
    data = json.loads(_packet().to_json())
    for item in data["items"]:  # answers are not covered: filling them keeps the packet valid
        item["label"], item["note"], item["suggestion"] = "neutral", "by script", None
    assert load_packet(_write(tmp_path, data, "filled.json")).answered == 4
    data[field] = value
    path = _write(tmp_path, data)
    with pytest.raises(PacketError) as caught:
        load_packet(path)
    assert str(caught.value) == (
        f"{path}: checksum mismatch: the packet's reviewer, packet_id, workspace_id, blind or "
        "created_at, or its list of handed-out items (handed_out), were altered"
    )


def test_the_hand_out_time_written_another_way_is_the_same(tmp_path):
    data = json.loads(_packet().to_json())
    assert data["created_at"] == "2026-11-25T12:00:00Z"
    data["created_at"] = "2026-11-25T21:00:00+09:00"
    assert load_packet(_write(tmp_path, data)).created_at == CREATED


def test_a_packet_of_the_items_only_format_is_refused(tmp_path):
    from argmap.review.packet import items_checksum

    packet = _packet()
    data = json.loads(packet.to_json())
    data["format"], data["reviewer"] = "argmap-packet/1", "mallory"
    data["checksum"] = items_checksum(packet.items)  # what the first format's checksum covered
    path = _write(tmp_path, data)
    with pytest.raises(PacketError) as caught:
        load_packet(path)
    assert str(caught.value) == (
        f"{path}: packet format 'argmap-packet/1' does not protect its reviewer, packet_id, "
        "workspace_id and blind "
        "against changes; hand the statements out again with argmap assign"
    )


def test_a_removed_item_is_refused_naming_it(tmp_path):
    data = json.loads(_packet().to_json())
    removed = data["items"].pop(0)
    path = _write(tmp_path, data)
    with pytest.raises(PacketError) as caught:
        load_packet(path)
    assert caught.value.problems == (
        f"{path}: statement {removed['statement_id']} was handed out in this packet and its item "
        "is missing (deleted); put it back, answered or not",
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (
            "{not json",
            "not JSON: Expecting property name enclosed in double quotes at line 1 column 2",
        ),
        ("[1, 2]", "not a packet: expected a JSON object with workspace_id, reviewer, items, ..."),
        (
            '{"workspace_id": "w"}',
            "not a valid packet: packet_id: required field is missing (and 5 more problems)",
        ),
        ("[" * 100_000, "not JSON a packet can be: nested too deeply"),
        ('{"items": ' + "9" * 5000 + "}", "not JSON a packet can be: a number is too long"),
    ],
)
def test_unusable_files_get_one_line_naming_them(tmp_path, content, problem):
    path = _write(tmp_path, content)
    with pytest.raises(PacketError) as caught:
        load_packet(path)
    message = str(caught.value)
    assert message == f"{path}: {problem}"
    assert "\n" not in message
    assert all(line.startswith(f"{path}: ") for line in caught.value.problems)


def test_a_file_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "p.json"
    path.write_bytes(b"\xef\xbb\xbf" + _packet().to_json().encode("utf-8"))
    assert load_packet(path).packet_id == "p-1"


def test_wrong_schema_names_the_item_and_field(tmp_path):
    data = json.loads(_packet().to_json())
    data["items"][3]["highlight"] = "everywhere"
    data["items"][3]["comment"] = "a spreadsheet column"
    statement = data["items"][3]["statement_id"]
    path = _write(tmp_path, data)
    with pytest.raises(PacketError) as caught:
        load_packet(path)
    first, second = caught.value.problems
    assert first.startswith(f"{path}: item 4 ({statement}: ")
    assert first.endswith("): highlight: expected a list")
    assert second.endswith(
        "): comment: unknown field (the fields are statement_id, text, context, speaker, "
        "document, highlight, suggestion, label, note, answered_at)"
    )


def test_a_label_outside_the_codebook_is_refused(tmp_path):
    data = json.loads(_packet().to_json())
    data["items"][1]["label"] = "maybe"
    with pytest.raises(PacketError) as caught:
        load_packet(_write(tmp_path, data))
    statement = data["items"][1]["statement_id"]
    assert f"item 2 ({statement}: " in str(caught.value)
    assert str(caught.value).endswith(
        "): label 'maybe' is not in the codebook; give a label's id, name or key: "
        "pro-integration (1, Pro-integration), sovereignty-concern (2, Sovereignty concern), "
        "neutral (3, Neutral)"
    )


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(PacketError, match="no such file"):
        load_packet(tmp_path / "none.json")
    with pytest.raises(PacketError, match="is a folder"):
        load_packet(tmp_path)


def test_save_goes_through_a_temporary_file_and_replace(tmp_path, monkeypatch):
    path = tmp_path / "p.json"
    packet = _packet()
    save_packet(packet, path)
    before = path.read_bytes()
    calls = []
    real_replace = os.replace

    def failing_replace(source, target):
        calls.append((source, target))
        raise OSError("disk gone")

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    packet.items[0].label = "pro-integration"
    with pytest.raises(OSError, match="disk gone"):
        save_packet(packet, path)
    # the new content went to a temporary file in the same folder, and the packet is untouched
    assert len(calls) == 1 and os.path.dirname(calls[0][0]) == str(tmp_path) and calls[0][1] == path
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.json"]  # no temporary file left behind
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    save_packet(packet, path)
    assert load_packet(path).items[0].label == "pro-integration"


def test_save_keeps_the_file_mode(tmp_path):
    path = tmp_path / "p.json"
    save_packet(_packet(), path)
    os.chmod(path, 0o640)
    save_packet(_packet(), path)
    assert path.stat().st_mode & 0o777 == 0o640


def test_the_checked_in_fixture_is_a_valid_packet_of_seed_statements():
    packet = load_packet(PACKET_FIXTURE)
    ids = [item.statement_id for item in seed_items()]
    assert [item.statement_id for item in packet.items] == ids[: len(packet.items)]
    assert packet.answered == 0
