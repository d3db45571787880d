"""Property-based tests (hypothesis) of reading and collecting packets (issue 13): on random bytes,
random damage to a real packet file and random edits of its JSON, `argmap collect` never raises
anything but a one-line error per problem, and never merges part of a packet.

The packet is alice's, handed out from the seed workspace (review codebook) and filled. Every
example collects into a fresh copy of that workspace. What must happen is worked out from the
edited JSON against the original: an item deleted, duplicated, added or with a fixed field
changed, or a header field changed, must be refused; answers written in a form the packet guide
accepts (an id in any case, with spaces around it, a name, a key, an empty time) must be merged,
whole, as the labels they stand for; anything else may go either way, but whole or not at all.
"""

import contextlib
import copy
import io
import json
import shutil
import string
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.codebook import load_codebook
from argmap.io.reading import load_documents
from argmap.review.handout import build_packets, plan, write_packets
from argmap.review.packet import PacketError, load_packet
from argmap.store import Workspace
from argmap.store.statements import utc_time
from tests.helpers import REVIEW_CODEBOOK, SEED

SETTINGS = settings(
    deadline=None,
    database=None,  # nothing written into the repository; a failure prints its example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FIXED = ("statement_id", "text", "context", "speaker", "document")
HEADER = (
    "format",
    "workspace_id",
    "packet_id",
    "reviewer",
    "blind",
    "created_at",
    "handed_out",
    "checksum",
)
LABELS = {  # id -> (name, key)
    "pro-integration": ("Pro-integration", 1),
    "sovereignty-concern": ("Sovereignty concern", 2),
    "neutral": ("Neutral", 3),
}
ANSWERED = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """(the workspace file, alice's packet as JSON with every other item answered, an item of
    bob's that alice was not given), built once."""
    folder = tmp_path_factory.mktemp("properties")
    workspace = Workspace.init(folder / "ws", codebook=load_codebook(REVIEW_CODEBOOK))
    with workspace:
        workspace.add_documents(load_documents([str(SEED)]))
        assignment = plan(workspace, ["alice", "bob", "carol"], overlap=2, order="document")
        paths = write_packets(build_packets(workspace, assignment), folder / "packets")
        path = workspace.path
    packets = {load_packet(p).reviewer: json.loads(p.read_text(encoding="utf-8")) for p in paths}
    alice = packets["alice"]
    for number, item in enumerate(alice["items"]):
        if number % 2 == 0:
            item["label"] = list(LABELS)[number % 3]
            item["answered_at"] = (ANSWERED + timedelta(minutes=number)).isoformat()
    mine = {item["statement_id"] for item in alice["items"]}
    stranger = next(i for i in packets["bob"]["items"] if i["statement_id"] not in mine)
    return path, alice, stranger


# ----------------------------------------------------------------------------- answers


def _cased(draw, text):
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(ch.upper() if flip else ch.lower() for ch, flip in zip(text, flips, strict=True))


SPACE = st.sampled_from(["", " ", "  ", "\t", " \n"])


@st.composite
def good_labels(draw):
    """(a label as a reviewer may write it, the label id it stands for; None: no label)."""
    label = draw(st.sampled_from(list(LABELS)))
    name, key = LABELS[label]
    form = draw(st.sampled_from(["none", "blank", "id", "case", "name", "key", "number"]))
    before, after = draw(SPACE), draw(SPACE)
    if form == "none":
        return None, None
    if form == "blank":
        return before + after, None
    if form == "number":
        return key, label
    written = {"id": label, "case": _cased(draw, label), "name": _cased(draw, name)}.get(
        form, str(key)
    )
    return before + written + after, label


BAD_LABEL_TEXTS = ("maybe", "4", "0", "pro", "Pro integration", "neutral-ish", "1.5", "-1")
BAD_LABELS = st.one_of(
    st.sampled_from(BAD_LABEL_TEXTS),
    st.integers().filter(lambda n: not 1 <= n <= 3),
    st.sampled_from([1.5, 10**400, True, False, [], ["neutral"], {"id": "neutral"}]),
)


@st.composite
def good_times(draw):
    """(a time as a reviewer may write it, the time it stands for; None: no time)."""
    form = draw(st.sampled_from(["none", "blank", "iso", "space", "zulu", "date"]))
    if form == "none":
        return None, None
    if form == "blank":
        return draw(SPACE), None
    moment = draw(
        st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2024, 12, 31))
    ).replace(microsecond=0)
    zone = draw(
        st.sampled_from([None, UTC, timezone(timedelta(hours=9)), timezone(-timedelta(hours=5))])
    )
    moment = moment.replace(tzinfo=zone)
    if form == "date":
        return moment.strftime("%Y-%m-%d"), datetime(moment.year, moment.month, moment.day)
    if form == "zulu":
        moment = moment.replace(tzinfo=UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ"), moment
    written = moment.isoformat(sep=" " if form == "space" else "T")
    return draw(SPACE) + written + draw(SPACE), moment


BAD_TIME_TEXTS = (
    "yesterday",
    "07/12/2026",
    "46000",
    "2026-13-01",
    "2099-01-01T00:00:00Z",  # in the future
    "0001-01-01T00:00:00+05:00",  # before year 1 in UTC
    "9999-12-31T23:59:59-05:00",  # after year 9999 in UTC
)
BAD_TIMES = st.one_of(
    st.sampled_from(BAD_TIME_TEXTS),
    st.integers(),
    st.floats(allow_nan=False),
    st.sampled_from([True, [], {}]),
)
GOOD_NOTES = st.one_of(st.none(), st.text(max_size=30))
BAD_NOTES = st.one_of(st.integers(), st.sampled_from([True, [], {"text": "a note"}, "\ud800"]))
ANY_TEXT = st.text(alphabet=string.printable, max_size=12)


# ----------------------------------------------------------------------------- edits


@st.composite
def edited(draw, template):
    """alice's packet JSON with random edits, and what must become of it: ("accept", {statement
    id: (label, note, time)}), ("refuse", None) or ("either", None)."""
    _, original, stranger = template
    data = copy.deepcopy(original)
    for _ in range(draw(st.integers(0, 6))):
        items = data["items"] if isinstance(data.get("items"), list) else []
        dicts = [item for item in items if isinstance(item, dict)]
        edit = draw(
            st.sampled_from(
                ["answer"] * 12
                + ["bad answer", "odd answer", "order", "delete", "duplicate", "add", "fixed"]
                + ["drop key", "unknown key", "not an item", "header", "drop header", "items"]
            )
        )
        if edit in ("answer", "bad answer", "odd answer") and dicts:
            item = draw(st.sampled_from(dicts))
            field = draw(st.sampled_from(["label", "answered_at", "note"]))
            if edit == "answer":
                if field == "label":
                    item["label"] = draw(good_labels())[0]
                elif field == "answered_at":
                    item["answered_at"] = draw(good_times())[0]
                else:
                    item["note"] = draw(GOOD_NOTES)
            else:
                bad = {"label": BAD_LABELS, "answered_at": BAD_TIMES, "note": BAD_NOTES}[field]
                item[field] = draw(bad if edit == "bad answer" else ANY_TEXT)
        elif edit == "order":
            data["items"] = draw(st.permutations(items))
        elif edit == "delete" and items:
            del items[draw(st.integers(0, len(items) - 1))]
        elif edit == "duplicate" and items:
            items.append(copy.deepcopy(draw(st.sampled_from(items))))
        elif edit == "add":
            items.insert(draw(st.integers(0, len(items))), copy.deepcopy(stranger))
        elif edit == "fixed" and dicts:
            draw(st.sampled_from(dicts))[draw(st.sampled_from(FIXED))] = draw(
                st.one_of(ANY_TEXT, st.none(), st.integers())
            )
        elif edit == "drop key" and dicts:
            item = draw(st.sampled_from(dicts))
            if item:
                del item[draw(st.sampled_from(sorted(item)))]
        elif edit == "unknown key" and dicts:
            draw(st.sampled_from(dicts))[draw(st.sampled_from(["comment", "Label", "row"]))] = 1
        elif edit == "not an item" and items:
            items[draw(st.integers(0, len(items) - 1))] = draw(
                st.sampled_from([None, 3, "neutral", []])
            )
        elif edit == "header":
            field = draw(st.sampled_from([*HEADER, "codebook"]))
            data[field] = draw(st.one_of(ANY_TEXT, st.none(), st.booleans(), st.integers()))
        elif edit == "drop header":
            data.pop(draw(st.sampled_from(sorted(data))), None)
        elif edit == "items":
            data["items"] = draw(st.sampled_from([None, {}, "items", 3]))
    return data, _verdict(data, original)


def _differences(data, original) -> str:
    """What differs between ``data`` and ``original``, item by item: for reading a failure."""
    lines = [
        f"{key}: {data.get(key)!r:.80}"
        for key in sorted(set(data) | set(original))
        if key != "items" and data.get(key) != original.get(key)
    ]
    items = data.get("items")
    if not isinstance(items, list):
        return "\n".join([*lines, f"items: {items!r}"])
    given = {item["statement_id"]: item for item in original["items"]}
    for number, item in enumerate(items, 1):
        before = given.get(item.get("statement_id")) if isinstance(item, dict) else None
        if before is None:
            lines.append(f"item {number}: {item!r:.80} (not handed out)")
            continue
        changed = {k: item.get(k) for k in set(item) | set(before) if item.get(k) != before.get(k)}
        if changed:
            lines.append(f"item {number} ({item['statement_id']}): {changed!r:.200}")
    lines.append(f"ids: {[i.get('statement_id') if isinstance(i, dict) else i for i in items]}")
    return "\n".join(lines)


def _collapsed(value):
    return " ".join(value.split()) if isinstance(value, str) else value


def _verdict(data, original):
    """What must become of ``data``: ("refuse", None), ("either", None) or ("accept", answers)."""
    defaults = {"format": "argmap-packet/3", "blind": False}  # a missing key means these
    if any(data.get(field, defaults.get(field)) != original.get(field) for field in HEADER):
        return "refuse", None
    if data.get("codebook") != original["codebook"]:
        return "either", None  # not covered by the checksum: may still be readable, or not
    items = data.get("items")
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        return "refuse", None
    given = {item["statement_id"]: item for item in original["items"]}
    ids = [item.get("statement_id") for item in items]
    if sorted(map(str, ids)) != sorted(given):
        return "refuse", None
    answers = {}
    for item in items:
        before = given[item["statement_id"]]
        for field in FIXED:
            if field not in item and field != "speaker":
                return "refuse", None
            if _collapsed(item.get(field)) != _collapsed(before.get(field)):
                return "refuse", None
        if set(item) - set(before):
            return "refuse", None
        label, label_ok = _meant_label(item.get("label"))
        time, time_ok = _meant_time(item.get("answered_at"))
        note = item.get("note")
        note_ok = note is None or (isinstance(note, str) and note != "\ud800")
        if False in (label_ok, time_ok, note_ok):
            return "refuse", None
        if None in (label_ok, time_ok):
            return "either", None
        if label is not None:
            answers[item["statement_id"]] = (label, note if note and note.strip() else "", time)
    return "accept", answers


def _meant_label(value):
    """(the label id ``value`` stands for, True) when it is a form the guide accepts; (None,
    False) when it is one it refuses; (None, None) when this test does not know."""
    if value is None:
        return None, True
    if isinstance(value, int) and not isinstance(value, bool):
        keyed = {key: label for label, (_, key) in LABELS.items()}
        return keyed.get(value), value in keyed
    if not isinstance(value, str):
        return None, False
    written = value.strip()
    if not written:
        return None, True
    for label, (name, key) in LABELS.items():
        if written.casefold() in (label, name.casefold()) or written == str(key):
            return label, True
    return None, (False if value in BAD_LABEL_TEXTS else None)


def _meant_time(value):
    """As ``_meant_label``, for a time."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, True
    if not isinstance(value, str) or value in BAD_TIME_TEXTS:
        return None, False
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None, None
    if not datetime(2000, 1, 1) <= moment.replace(tzinfo=None) <= datetime(2025, 1, 2):
        return None, None
    return moment, True


# ----------------------------------------------------------------------------- collecting


def _collect(template, content: bytes):
    """Collect ``content`` written as a packet file into a fresh copy of the workspace through the
    command line: (exit status, stdout, stderr, the packet file, the annotations after, the
    number of edits after, the annotations and edits before)."""
    workspace_file = template[0]
    folder = Path(tempfile.mkdtemp(prefix="argmap-property-"))
    try:
        copy_file = folder / workspace_file.name
        shutil.copyfile(workspace_file, copy_file)
        path = folder / "alice.json"
        path.write_bytes(content)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["collect", str(path), "-w", str(copy_file)])
        with Workspace(copy_file) as workspace:
            annotations = {
                a.statement_id: (a.label, a.note, utc_time(a.time), a.annotator)
                for a in workspace.annotations()
            }
            edits = len(workspace.edits(limit=10_000))
        try:
            packet = load_packet(path)
        except PacketError:
            packet = None
        return status, out.getvalue(), err.getvalue(), path, packet, annotations, edits
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _edits_before(template):
    with Workspace(template[0]) as workspace:
        assert workspace.annotations() == []
        return len(workspace.edits(limit=10_000))


def _check_whole_or_nothing(template, content: bytes):
    """The properties every input keeps; returns whether it was merged, the annotations after
    and the packet as read (None when it cannot be)."""
    status, out, err, path, packet, annotations, edits = _collect(template, content)
    assert status in (0, 1)
    assert "Traceback" not in err
    for line in err.splitlines():
        assert line.startswith(f"argmap: error: {path}: "), line
    if status == 1:  # refused: nothing merged, not even an edit-log entry
        assert out == "" and err.splitlines()[-1].endswith("nothing merged")
        assert annotations == {} and edits == _edits_before(template)
        return False, annotations, packet
    # merged: every answer of the packet as read, and nothing else
    assert err == "" and out.startswith(f"{path}: alice: ")
    assert packet is not None
    expected = {
        item.statement_id: (
            item.label,
            item.note or "",
            utc_time(item.answered_at or packet.created_at),
            "alice",
        )
        for item in packet.items
        if item.label is not None
    }
    assert annotations == expected
    assert edits == _edits_before(template) + (1 if expected else 0)
    return True, annotations, packet


@SETTINGS
@given(data=st.data())
def test_random_edits_of_a_packet_are_merged_whole_or_refused_whole(template, data):
    edited_data, (must, answers) = data.draw(edited(template))
    note(_differences(edited_data, template[1]))
    content = json.dumps(edited_data, ensure_ascii=data.draw(st.booleans()), indent=2)
    merged, annotations, packet = _check_whole_or_nothing(
        template, content.encode("utf-8", "surrogatepass")
    )
    event(f"{must}: {'merged' if merged else 'refused'}")
    if must == "refuse":
        assert not merged, "a packet with an item or header changed was merged"
    elif must == "accept":
        assert merged, "a packet edited only in the ways the guide accepts was refused"
        assert {
            statement: (label, note, utc_time(time or packet.created_at))
            for statement, (label, note, time) in answers.items()
        } == {statement: stored[:3] for statement, stored in annotations.items()}


@SETTINGS
@given(data=st.data())
def test_damaged_packet_files_never_crash_collect_nor_merge_in_part(template, data):
    original = json.dumps(template[1], ensure_ascii=False, indent=2).encode("utf-8")
    content = bytearray(original)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(content)))
        damage = data.draw(st.sampled_from(["cut", "flip", "insert", "remove", "number"]))
        if damage == "cut":
            del content[at:]
        elif damage == "flip" and at < len(content):
            content[at] ^= data.draw(st.integers(1, 255))
        elif damage == "insert":
            content[at:at] = data.draw(st.binary(min_size=1, max_size=8))
        elif damage == "remove":
            del content[at : at + data.draw(st.integers(1, 64))]
        elif damage == "number":  # a value replaced by a long number
            start = content.find(b": ", at)
            end = content.find(b",", start)
            if 0 <= start < end:
                content[start + 2 : end] = b"9" * data.draw(st.sampled_from([20, 400, 5000]))
    _check_whole_or_nothing(template, bytes(content))


@SETTINGS
@given(content=st.one_of(st.binary(max_size=512), st.text(max_size=200).map(str.encode)))
def test_random_bytes_are_refused_with_one_line(template, content):
    status, out, err, path, packet, annotations, _ = _collect(template, content)
    assert (status, out, packet, annotations) == (1, "", None, {})
    assert err.count("\n") >= 1 and all(
        line.startswith(f"argmap: error: {path}: ") for line in err.splitlines()
    )
