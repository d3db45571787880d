"""Two analysts on one workspace, on SQLite and on PostgreSQL (issue 16): an edit made on a view
older than another person's change of the same row is refused, naming them, with nothing
written; labels are each annotator's own and never conflict; undo takes back the user's own
edit even when someone else edited since; the UI shows the refusal and reloads."""

import pytest

from argmap.store import EditConflict, EditError, Workspace
from tests.helpers import run_cli
from tests.tui.helpers import SIZE, press, run, type_text


@pytest.fixture
def two(target):
    """Alice's and Bob's connections to one workspace."""
    with Workspace(target) as alice, Workspace(target) as bob:
        yield alice, bob


def speakers_by_name(workspace):
    return {s.name: s.id for s in workspace.speakers()}


def a_statement(workspace):
    """A statement of the seed article (Kishida's) and two speakers who are not its own."""
    names = speakers_by_name(workspace)
    row = workspace.statement_row(
        next(r.id for r in workspace.statements() if r.speaker_id == names["Kishida Fumio"])
    )
    return row, names["Tanaka Hitoshi"], names["Lloyd Austin"]


def log(workspace):
    return workspace.conn.execute(
        "SELECT id, actor, action, state FROM edits ORDER BY id"
    ).fetchall()


def test_a_reattribution_on_a_view_older_than_anothers_is_refused_naming_them(two):
    alice, bob = two
    row, tanaka, austin = a_statement(alice)
    seen = alice.log_head()  # alice's screen shows the statement as it is now
    bob.reattribute(row.id, tanaka, actor="bob")
    bobs = bob.last_edit_id
    before = log(alice)
    with alice.based_on(seen), pytest.raises(EditConflict) as refused:
        alice.reattribute(row.id, austin, actor="alice")
    message = str(refused.value)
    assert "\n" not in message
    assert f"statement {row.id}: bob changed its speaker id" in message
    assert f"(edit {bobs}: {row.id} -> {tanaka})" in message  # bob's edit's summary
    assert "reload" in message and isinstance(refused.value, EditError)
    # nothing written: bob's speaker stays, the log holds no edit of alice's
    assert alice.statement_row(row.id).speaker_id == tanaka
    assert log(alice) == before
    # reloaded (her view now shows bob's change), alice's edit goes through
    with alice.based_on(alice.log_head()):
        alice.reattribute(row.id, austin, actor="alice")
    assert bob.statement_row(row.id).speaker_id == austin


def test_callers_that_pass_no_view_edit_as_before(two):
    alice, bob = two
    row, tanaka, austin = a_statement(alice)
    bob.reattribute(row.id, tanaka, actor="bob")
    alice.reattribute(row.id, austin, actor="alice")  # the CLI, a script: no based_on
    assert bob.statement_row(row.id).speaker_id == austin


def test_one_persons_edits_in_two_windows_never_conflict(two):
    alice, other_window = two
    row, tanaka, austin = a_statement(alice)
    seen = alice.log_head()
    other_window.reattribute(row.id, tanaka, actor="alice")
    with alice.based_on(seen):
        alice.reattribute(row.id, austin, actor="alice")
    assert other_window.statement_row(row.id).speaker_id == austin


def test_two_annotators_labelling_one_statement_is_disagreement_not_a_conflict(two):
    alice, bob = two
    row, tanaka, _ = a_statement(alice)
    labels = list(alice.codebook_outline.label_ids)
    seen = alice.log_head()
    bob.set_stance(row.id, labels[0], annotator="bob")  # changes the statement's label too
    bob.reattribute(row.id, tanaka, actor="bob")  # another column than a label
    with alice.based_on(seen):
        alice.set_stance(row.id, labels[1], annotator="alice")
    stored = {a.annotator: a.label for a in bob.annotations(row.id)}
    assert stored == {"bob": labels[0], "alice": labels[1]}
    assert bob.statement_row(row.id).review == "disputed"


def test_only_the_columns_a_person_wrote_are_compared(two):
    alice, bob = two
    row, tanaka, _ = a_statement(alice)
    new_kind = "indirect" if row.kind != "indirect" else "direct"
    seen = alice.log_head()
    bob.reattribute(row.id, tanaka, actor="bob")
    with alice.based_on(seen):
        alice.adjust_statement(row.id, kind=new_kind, actor="alice")  # the kind, not the speaker
    after = bob.statement_row(row.id)
    assert (after.speaker_id, after.kind) == (tanaka, new_kind)
    with alice.based_on(seen), pytest.raises(EditConflict, match="bob changed its speaker"):
        alice.reattribute(row.id, None, actor="alice")


def test_speakers_names_and_merges_conflict_but_different_aliases_do_not(two):
    alice, bob = two
    names = speakers_by_name(alice)
    tanaka, sasae = names["Tanaka Hitoshi"], names["Sasae Kenichiro"]
    seen = alice.log_head()
    bob.add_alias(tanaka, "Hitoshi Tanaka", actor="bob")
    bob.rename_speaker(sasae, "Kenichiro Sasae", actor="bob")
    with alice.based_on(seen):
        alice.add_alias(tanaka, "Mr Tanaka", actor="alice")  # another name: both kept
    assert {"Hitoshi Tanaka", "Mr Tanaka"} <= set(bob.speaker(tanaka).aliases)
    with alice.based_on(seen), pytest.raises(EditConflict) as refused:
        alice.rename_speaker(sasae, "Sasae K.", actor="alice")
    assert f"speaker {sasae}: bob changed its name" in str(refused.value)
    with alice.based_on(seen), pytest.raises(EditConflict, match=f"speaker {sasae}: bob changed"):
        alice.merge_speakers(tanaka, [sasae], actor="alice")  # would remove what bob renamed
    assert bob.speaker(sasae).name == "Kenichiro Sasae"


def test_an_edit_the_other_person_undid_is_no_conflict(two):
    alice, bob = two
    row, tanaka, austin = a_statement(alice)
    seen = alice.log_head()
    bob.reattribute(row.id, tanaka, actor="bob")
    bob.undo(actor="bob")
    with alice.based_on(seen):
        alice.reattribute(row.id, austin, actor="alice")
    assert bob.statement_row(row.id).speaker_id == austin


def test_an_undo_after_the_view_is_a_conflict_naming_who_undid(two):
    """Alice's edit was on bob's screen; she undoes it after bob read the view: bob's edit of
    the row on that screen would silently overwrite her undo, so it is refused."""
    alice, bob = two
    row, tanaka, austin = a_statement(alice)
    alice.reattribute(row.id, tanaka, actor="alice")
    hers = alice.last_edit_id
    seen = bob.log_head()  # bob's screen shows the statement given to Tanaka
    assert alice.undo(actor="alice").id == hers
    before = log(bob)
    with bob.based_on(seen), pytest.raises(EditConflict) as refused:
        bob.reattribute(row.id, austin, actor="bob")
    message = str(refused.value)
    assert message.startswith(f"statement {row.id}: alice changed its speaker id")
    assert f"by undoing edit {hers} (alice: reattribute {row.id} -> {tanaka})" in message
    assert "after this view was read" in message and "reload" in message
    assert log(bob) == before  # nothing written
    assert bob.statement_row(row.id).speaker_id == row.speaker_id  # alice's undo stands
    # the log says who undid what; undo and redo never take that entry
    undo_entry = alice.last_edit_id
    assert log(bob)[-2:] == [
        (hers, "alice", "reattribute", "undone"),
        (undo_entry, "alice", "undo", "done"),
    ]
    assert alice.next_edit("undo", actor="alice") is None
    assert alice.next_edit("redo", actor="alice").id == hers
    # reloaded, bob's edit goes through
    with bob.based_on(bob.log_head()):
        bob.reattribute(row.id, austin, actor="bob")
    assert alice.statement_row(row.id).speaker_id == austin


def test_a_redo_after_the_view_is_a_conflict_naming_who_redid(two):
    alice, bob = two
    row, tanaka, austin = a_statement(alice)
    alice.reattribute(row.id, tanaka, actor="alice")
    hers = alice.last_edit_id
    alice.undo(actor="alice")
    seen = bob.log_head()  # bob's screen shows the statement's own speaker again
    alice.redo(actor="alice")
    with bob.based_on(seen), pytest.raises(EditConflict) as refused:
        bob.reattribute(row.id, austin, actor="bob")
    message = str(refused.value)
    assert message.startswith(f"statement {row.id}: alice changed its speaker id")
    assert f"by redoing edit {hers} (alice: reattribute" in message
    assert bob.statement_row(row.id).speaker_id == tanaka  # alice's redo stands
    # another column of the row is no conflict
    new_kind = "indirect" if row.kind != "indirect" else "direct"
    with bob.based_on(seen):
        bob.adjust_statement(row.id, kind=new_kind, actor="bob")
    assert alice.statement_row(row.id).kind == new_kind


def test_undoing_someone_elses_edit_is_logged_as_the_undoers(two):
    alice, bob = two
    row, tanaka, austin = a_statement(alice)
    bob.reattribute(row.id, tanaka, actor="bob")
    bobs = bob.last_edit_id
    seen = bob.log_head()
    alice.undo(by="alice")  # the latest edit, bob's, taken back by alice
    assert log(alice)[-1][1:] == ("alice", "undo", "done")
    with bob.based_on(seen), pytest.raises(EditConflict, match="alice changed its speaker id"):
        bob.reattribute(row.id, austin, actor="bob")
    # bob redoes his own edit: that is his own change, no conflict for him
    assert bob.redo(actor="bob").id == bobs
    with bob.based_on(seen):
        bob.reattribute(row.id, austin, actor="bob")
    assert alice.statement_row(row.id).speaker_id == austin


def test_an_undo_and_redo_both_since_the_view_change_nothing_it_shows(two):
    alice, bob = two
    row, tanaka, austin = a_statement(alice)
    alice.reattribute(row.id, tanaka, actor="alice")
    seen = bob.log_head()
    alice.undo(actor="alice")
    alice.redo(actor="alice")  # the row is as bob's view shows it
    with bob.based_on(seen):
        bob.reattribute(row.id, austin, actor="bob")
    assert alice.statement_row(row.id).speaker_id == austin


def test_anothers_undo_of_ones_own_later_edit_is_a_conflict(two):
    """Bob's own edit is on his screen (made after the view was read); alice undoes it."""
    alice, bob = two
    row, tanaka, austin = a_statement(alice)
    seen = bob.log_head()
    bob.reattribute(row.id, tanaka, actor="bob")
    alice.undo(by="alice")
    with bob.based_on(seen), pytest.raises(EditConflict, match="alice changed its speaker id"):
        bob.reattribute(row.id, austin, actor="bob")


def test_argmap_log_shows_who_undid_and_redid_what(target, capsys, monkeypatch):
    with Workspace(target) as workspace:
        row, tanaka, _ = a_statement(workspace)
        workspace.reattribute(row.id, tanaka, actor="alice")
        edit = workspace.last_edit_id
    monkeypatch.setenv("ARGMAP_USER", "bob")
    assert run_cli(capsys, "undo", "--anyone", "-w", target)[0] == 0
    status, out, _ = run_cli(capsys, "log", "-w", target)
    assert status == 0
    lines = out.splitlines()
    assert lines[0].endswith(f" bob: undo edit {edit} (alice: reattribute {row.id} -> {tanaka})")
    assert lines[1].endswith(f" alice: reattribute {row.id} -> {tanaka} [undone]")
    assert run_cli(capsys, "redo", "--anyone", "-w", target)[0] == 0
    status, out, _ = run_cli(capsys, "status", "-w", target)
    assert "edits      1 that undo can take back" in out


def test_undo_takes_back_the_users_own_edit_even_when_another_edited_later(two):
    alice, bob = two
    row, tanaka, austin = a_statement(alice)
    other = next(r for r in alice.statements() if r.id != row.id)
    alice.reattribute(row.id, tanaka, actor="alice")
    mine = alice.last_edit_id
    bob.reattribute(other.id, austin, actor="bob")
    assert alice.next_edit("undo").actor == "bob"
    assert alice.next_edit("undo", actor="alice").id == mine
    undone = alice.undo(actor="alice")
    assert undone.id == mine and undone.actor == "alice"
    assert alice.statement_row(row.id).speaker_id == row.speaker_id  # alice's edit taken back
    assert alice.statement_row(other.id).speaker_id == austin  # bob's stays
    with pytest.raises(EditError, match="nothing of alice's to undo"):
        alice.undo(actor="alice")
    # bob's next edit leaves alice's redo alone; her redo makes her edit again
    bob.reattribute(other.id, tanaka, actor="bob")
    assert alice.next_edit("redo", actor="bob") is None
    assert alice.redo(actor="alice").id == mine
    assert alice.statement_row(row.id).speaker_id == tanaka
    # her own new edit ends her redo, as always
    alice.undo(actor="alice")
    alice.adjust_statement(other.id, kind="mixed", actor="alice")
    with pytest.raises(EditError, match="nothing of alice's to redo"):
        alice.redo(actor="alice")


def test_undoing_ones_own_edit_never_overwrites_a_later_change_of_its_row(two):
    alice, bob = two
    row, tanaka, austin = a_statement(alice)
    alice.reattribute(row.id, tanaka, actor="alice")
    bob.reattribute(row.id, austin, actor="bob")
    with pytest.raises(EditError, match=f"statements {row.id} has changed since"):
        alice.undo(actor="alice")
    assert bob.statement_row(row.id).speaker_id == austin
    assert [state for *_, state in log(bob)[-2:]] == ["done", "done"]


def test_argmap_undo_takes_back_your_own_edit_and_anyones_only_when_told(
    target, capsys, monkeypatch
):
    with Workspace(target) as workspace:
        row, tanaka, austin = a_statement(workspace)
        other = next(r for r in workspace.statements() if r.id != row.id)
        workspace.reattribute(row.id, tanaka, actor="alice")
        workspace.reattribute(other.id, austin, actor="bob")  # bob's is the latest edit
    monkeypatch.setenv("ARGMAP_USER", "alice")
    status, out, _ = run_cli(capsys, "undo", "-w", target)
    assert status == 0 and out.startswith(f"undone: reattribute {row.id} -> {tanaka} (alice, ")
    status, out, err = run_cli(capsys, "undo", "-w", target)  # alice has no other edit
    assert status == 1 and out == ""
    assert "the edit to undo is bob's, not yours (alice)" in err and "--anyone" in err
    assert run_cli(capsys, "redo", "-w", target)[0] == 0  # her own undone edit
    status, out, _ = run_cli(capsys, "undo", "--anyone", "-w", target)  # the latest: bob's
    assert status == 0 and "(bob, " in out
    status, out, _ = run_cli(capsys, "undo", "--anyone", "-w", target)  # then hers
    assert status == 0 and "(alice, " in out
    with Workspace(target) as workspace:
        assert workspace.statement_row(row.id).speaker_id == row.speaker_id
        assert workspace.statement_row(other.id).speaker_id == other.speaker_id


def test_the_ui_shows_the_refusal_and_reloads(target, monkeypatch):
    from argmap.tui import app as app_module
    from argmap.tui.dialogs import PickerScreen
    from tests.tui.helpers import documents_view

    # the app looks for others' edits once a minute here: bob's edit lands between two looks
    monkeypatch.setattr(app_module, "OUTSIDE_CHECK_SECONDS", 60.0)
    monkeypatch.setenv("ARGMAP_USER", "alice")

    async def go():
        async with documents_view(target, SIZE) as (app, pilot, view):
            first = view.rows[0]
            names = speakers_by_name(app.workspace)
            tanaka = names["Tanaka Hitoshi"]
            bobs = next(s for n, s in names.items() if s not in (tanaka, first.speaker_id))
            with Workspace(target) as bob:
                bob.reattribute(first.id, bobs, actor="bob")
            await press(pilot, "1")  # her label goes in: labels never conflict
            assert app.last_error is None
            assert [a.annotator for a in app.workspace.annotations(first.id)] == ["alice"]
            await press(pilot, "w")  # alice gives the statement to Tanaka on her old screen
            assert isinstance(app.screen, PickerScreen)
            await type_text(pilot, "tanaka")
            await press(pilot, "enter")
            assert app.is_running and app.last_error is not None
            assert f"statement {first.id}: bob changed its speaker id" in app.last_error
            assert "reload" in app.last_error
            assert app.workspace.statement_row(first.id).speaker_id == bobs  # bob's stays
            assert "bob" in (app.last_outside_note or "")  # reloaded, saying whose edit it was
            await press(pilot, "w")  # now on the reloaded view: alice's choice goes through
            await type_text(pilot, "tanaka")
            await press(pilot, "enter")
            assert app.workspace.statement_row(first.id).speaker_id == tanaka
            # her undo takes back her own edit; bob's is then the one to undo, only if asked
            await press(pilot, "u")
            assert app.workspace.statement_row(first.id).speaker_id == bobs
            await press(pilot, "u")  # and then her label
            assert app.workspace.annotations(first.id) == []
            await press(pilot, "u")
            assert isinstance(app.screen, PickerScreen)
            assert "Nothing of yours (alice) to undo" in app.screen.title_text
            assert "bob" in app.screen.title_text
            await press(pilot, "escape")
            assert app.workspace.statement_row(first.id).speaker_id == bobs

    run(go())
