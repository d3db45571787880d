"""Speaker edits: rename, alias, merge and split (each undone), and no two speakers share a
name or an alias."""

import pytest

from argmap.store import EditError, StatementFilter
from tests.helpers import by_speaker
from tests.store.helpers import snapshot


def test_speaker_merge_split_rename_alias_and_undo(unsuggested_ws):
    before = snapshot(unsuggested_ws)
    austin = unsuggested_ws.find_speakers("Lloyd Austin")[0]
    blinken = unsuggested_ws.find_speakers("Antony Blinken")
    statements = [r.id for r in by_speaker(unsuggested_ws, "Lloyd Austin")]
    renamed = unsuggested_ws.rename_speaker(austin.id, "Austin, Lloyd J.")
    assert renamed.name == "Austin, Lloyd J." and "Lloyd Austin" in renamed.aliases
    assert unsuggested_ws.add_alias(austin.id, "SecDef Austin").aliases[-1] == "SecDef Austin"
    tanaka = unsuggested_ws.find_speakers("Tanaka Hitoshi")[0]
    merged = unsuggested_ws.merge_speakers(austin.id, [tanaka.id])
    assert "Tanaka Hitoshi" in merged.aliases
    with pytest.raises(EditError, match="no speaker"):
        unsuggested_ws.speaker(tanaka.id)
    counts = {row.id: row.statements for row in unsuggested_ws.speakers()}
    assert counts[austin.id] == len(statements) + 3
    split = unsuggested_ws.split_speaker(austin.id, statements[:1], "Lloyd Austin (split)")
    assert [
        r.id for r in unsuggested_ws.statements(StatementFilter(speaker=split.id))
    ] == statements[:1]
    with pytest.raises(EditError, match="not attributed"):
        unsuggested_ws.split_speaker(austin.id, statements[:1], "again")
    for _ in range(4):
        unsuggested_ws.undo()
    assert snapshot(unsuggested_ws) == before
    assert blinken == unsuggested_ws.find_speakers("Antony Blinken")


def test_no_two_speakers_share_a_name_or_an_alias(ws):
    kishida_id = ws.find_speakers("Kishida Fumio")[0].id
    austin = ws.find_speakers("Lloyd Austin")[0]
    statements = [r.id for r in by_speaker(ws, "Lloyd Austin")]
    with pytest.raises(
        EditError,
        match=f"name 'kishida fumio' is taken: speaker {kishida_id} is called 'Kishida Fumio'",
    ):
        ws.split_speaker(austin.id, statements[:1], "kishida fumio")
    with pytest.raises(EditError, match=f"speaker {kishida_id} .*merge"):
        ws.rename_speaker(austin.id, "Kishida Fumio")
    ws.add_alias(kishida_id, "the Prime Minister")
    with pytest.raises(
        EditError,
        match=f"alias 'The Prime Minister' is taken: speaker {kishida_id} "
        r"\(Kishida Fumio\) has it as an alias",
    ):
        ws.add_alias(austin.id, "The Prime Minister")
    with pytest.raises(EditError, match="is taken"):
        ws.add_speaker("Lloyd Austin")
    assert (
        ws.rename_speaker(austin.id, "Lloyd J. Austin").name == "Lloyd J. Austin"
    )  # its own old name is fine


def test_a_family_name_names_the_person_written_family_name_first_or_last(ws):
    """The seed writes Japanese names family name first ("Kishida Fumio", "Sasae Kenichiro")
    and American ones given name first ("Lloyd Austin"): the family name finds each, in any
    case, when no speaker is called by it or has it as an alias."""
    for family, full in (
        ("Kishida", "Kishida Fumio"),
        ("sasae", "Sasae Kenichiro"),
        ("Austin", "Lloyd Austin"),
        ("TANAKA", "Tanaka Hitoshi"),
    ):
        (person,) = ws.find_speakers(full)
        assert [s.id for s in ws.speakers_named(family)] == [person.id], family
    assert ws.speakers_named("Kishi") == []  # a word of a name, not part of one
    assert ws.speakers_named("Japan") == []  # a group's or an organisation's word is no name
    assert ws.speakers_named("Lloyd Austin") == ws.find_speakers("Lloyd Austin")
    kishida = ws.find_speakers("Kishida Fumio")[0]
    split = ws.split_speaker(
        kishida.id, [r.id for r in by_speaker(ws, "Kishida Fumio")][:1], "Kishida"
    )
    assert [s.id for s in ws.speakers_named("Kishida")] == [split.id]  # its name first
    ws.undo()
    yuko = ws.add_speaker("Kishida Yuko")
    ws.add_speaker("Kishida Inc.", kind="organisation")
    assert {s.id for s in ws.speakers_named("kishida")} == {kishida.id, yuko.id}
