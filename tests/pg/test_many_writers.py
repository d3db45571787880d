"""Many people editing one workspace at once (issue 16): 8 processes making 500 edits each on
the same workspace, on SQLite and on PostgreSQL. Every edit is in the log exactly once, every
annotator's last label is the one stored, and the statement tally the board reads equals a
direct count."""

import multiprocessing

WRITERS = 8
EDITS = 500


def _write(target: str, writer: int, ids: list[str], labels: list[str], done) -> None:
    """One writer: ``EDITS`` labels on the seed's statements, each its own transaction."""
    from argmap.store import Workspace

    with Workspace(target, busy_timeout=60) as workspace:
        for k in range(EDITS):
            statement = ids[(k * 7 + writer) % len(ids)]
            label = labels[(k + writer) % len(labels)]
            workspace.set_stance(statement, label, annotator=f"writer{writer}", note=str(k))
    done.put(writer)


def test_eight_processes_making_500_edits_each_lose_nothing(target):
    from argmap.store import Workspace

    with Workspace(target) as workspace:
        ids = [row.id for row in workspace.statements()]
        labels = list(workspace.codebook_outline.label_ids)
        before = workspace.conn.execute("SELECT count(*) FROM edits").fetchone()[0]
    context = multiprocessing.get_context("spawn")  # no connection crosses a fork
    done = context.Queue()
    writers = [
        context.Process(target=_write, args=(target, w, ids, labels, done)) for w in range(WRITERS)
    ]
    for process in writers:
        process.start()
    for process in writers:
        process.join(timeout=600)
    assert [p.exitcode for p in writers] == [0] * WRITERS
    assert sorted(done.get(timeout=5) for _ in writers) == list(range(WRITERS))

    with Workspace(target) as workspace:
        conn = workspace.conn
        logged = conn.execute(
            "SELECT actor, summary FROM edits WHERE action = 'set-stance' ORDER BY id"
        ).fetchall()
        assert conn.execute("SELECT count(*) FROM edits").fetchone()[0] == before + len(logged)
        # every edit once: as many entries as edits, per writer, in each writer's own order
        per_writer = {f"writer{w}": 0 for w in range(WRITERS)}
        for actor, _ in logged:
            per_writer[actor] += 1
        assert per_writer == {f"writer{w}": EDITS for w in range(WRITERS)}
        # each annotator's stored label is its last edit of that statement
        for w in range(WRITERS):
            last: dict[str, tuple[str, str]] = {}
            for k in range(EDITS):
                statement = ids[(k * 7 + w) % len(ids)]
                last[statement] = (labels[(k + w) % len(labels)], str(k))
            stored = {
                s: (label, note)
                for s, label, note in conn.execute(
                    "SELECT statement_id, label, note FROM annotations WHERE annotator = ?",
                    (f"writer{w}",),
                )
            }
            assert stored == last
        tally = {
            (s, lb, r): n
            for s, lb, r, n in conn.execute(
                "SELECT speaker_id, label, review, n FROM statement_tally"
            )
            if n
        }
        direct = {
            (s, lb, r): n
            for s, lb, r, n in conn.execute(
                "SELECT coalesce(speaker_id, ''), coalesce(label, ''), review, count(*) "
                "FROM statements GROUP BY 1, 2, 3"
            )
        }
        assert tally == direct
