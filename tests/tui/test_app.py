"""The app around the views: opening an older workspace, adding articles in a worker (and a
crash in it), the command palette."""

from argmap.store import Workspace
from argmap.tui.app import ArgmapApp
from argmap.tui.dialogs import ErrorScreen
from tests.helpers import SEED, SEED_CODEBOOK
from tests.tui.helpers import SIZE, press, run


def test_a_workspace_whose_stored_codebook_has_short_colours_opens(workspace_file):
    import json

    with Workspace(workspace_file) as ws:  # as stored before '#rgb' was expanded when read
        stored = json.loads(ws.meta("codebook"))
        stored["labels"][0]["colour"] = "#f0a"
        ws.conn.execute("UPDATE meta SET value = ? WHERE key = 'codebook'", (json.dumps(stored),))
        ws.conn.commit()

    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "s")
            assert app.labels.colour(stored["labels"][0]["id"]).lower() == "#ff00aa"
            assert app.query_one("#board-col-0") is not None

    run(go())


def test_a_crash_in_the_add_worker_shows_an_error_and_the_app_keeps_running(
    workspace_file, monkeypatch
):
    def broken(self, *args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Workspace, "add_documents", broken)

    async def go():
        app = ArgmapApp(workspace_file, add_paths=[str(workspace_file.parent)])
        async with app.run_test(size=SIZE) as pilot:
            for _ in range(200):  # the worker fails in its thread; its error comes back by message
                await pilot.pause(0.05)
                if isinstance(app.screen, ErrorScreen):
                    break
            assert isinstance(app.screen, ErrorScreen)
            assert "disk on fire" in app.last_error
            await pilot.press("escape")
            await press(pilot, "s")
            assert app.is_running and app.current == "statements"

    run(go())


def test_adding_articles_in_the_worker_shows_them(tmp_path):
    from argmap.codebook import load_codebook

    with Workspace.init(tmp_path, codebook=load_codebook(SEED_CODEBOOK)) as ws:
        path = ws.path

    async def go():
        app = ArgmapApp(path, add_paths=[str(SEED)])
        async with app.run_test(size=SIZE) as pilot:
            assert (
                app.workspace.count_statements() == 0
            )  # the screen is up before the adding is done
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.workspace.count_statements() > 0
            total = sum(
                int(str(t.render()).split("  ")[1].split()[0]) for t in app.query(".board-title")
            )
            assert total == app.workspace.count_statements()

    run(go())


def test_palette_offers_actions_speakers_and_documents(workspace_file):
    from argmap.tui.commands import ArgmapCommands

    async def go():
        app = ArgmapApp(workspace_file)
        async with app.run_test(size=SIZE) as pilot:
            provider = ArgmapCommands(app.screen)
            hits = [hit async for hit in provider.search("tanaka")]
            assert any("Tanaka Hitoshi" in str(hit.match_display) for hit in hits)
            best = max(hits, key=lambda hit: hit.score)
            await best.command()
            await pilot.pause()
            view = app.view("statements")
            assert app.current == "statements"
            assert {view.table.row(i).speaker for i in range(view.table.total)} == {
                "Tanaka Hitoshi"
            }
            names = [hit.text async for hit in provider.search("document japan")]
            assert any("japan-us-integration.txt" in str(name) for name in names)

    run(go())


def test_a_worker_ending_while_the_app_closes_is_no_crash(workspace_file):
    """The search index's worker may end after the app has closed its screens (seen in the
    suite under load: ScreenStackError from the worker's state change)."""
    from textual.worker import Worker, WorkerState

    app = ArgmapApp(workspace_file)

    async def go():
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            worker = app.run_worker(lambda: None, thread=True, group="search")
            await worker.wait()
        assert not app.screen_stack
        app._worker_state(Worker.StateChanged(worker, WorkerState.SUCCESS))

    run(go())
