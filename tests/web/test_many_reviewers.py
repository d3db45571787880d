"""Reviewers answering at the same time through ``argmap serve`` under uvicorn, on SQLite and
on PostgreSQL: every answer sent over HTTP is stored once, as its reviewer's last answer, and
the statements' tally still equals a direct count."""

import http.client
import json
import threading
from urllib.parse import urlsplit

from argmap.store import Workspace

#: Threads per reviewer, each sending every answer of its reviewer (so each statement gets
#: answers from two connections of one session at once).
THREADS = 2
ROUNDS = 3


def _sign_in(base: str, link: str) -> tuple[str, dict]:
    """The session cookie of a link and the reviewer's item list (with the CSRF token)."""
    where = urlsplit(base)
    conn = http.client.HTTPConnection(where.hostname, where.port, timeout=30)
    conn.request("GET", urlsplit(link).path)
    response = conn.getresponse()
    response.read()
    cookie = response.getheader("set-cookie").split(";")[0]
    conn.request("GET", "/api/items", headers={"Cookie": cookie})
    items = json.loads(conn.getresponse().read())
    conn.close()
    return cookie, items


def _answer_all(base, cookie, items, labels, thread, sent, problems) -> None:
    where = urlsplit(base)
    conn = http.client.HTTPConnection(where.hostname, where.port, timeout=60)
    for round_ in range(ROUNDS):
        for n, item in enumerate(items["items"]):
            label = labels[(n + round_ + thread) % len(labels)]
            body = json.dumps(
                {"statement_id": item["statement_id"], "label": label, "note": f"{thread}"}
            )
            conn.request(
                "POST",
                "/api/answers",
                body=body,
                headers={
                    "Cookie": cookie,
                    "Content-Type": "application/json",
                    "X-CSRF-Token": items["csrf_token"],
                    "Origin": base,
                },
            )
            response = conn.getresponse()
            result = json.loads(response.read())
            if response.status != 200:
                problems.append((response.status, result))
                continue
            sent.append((items["reviewer"], item["statement_id"], label, result["applied"]))
    conn.close()


def test_reviewers_answering_at_once_lose_nothing(assigned, served):
    with Workspace(assigned.target) as workspace:
        labels = list(workspace.codebook_outline.label_ids)
    sessions = {name: _sign_in(served, link) for name, link in assigned.links.items()}
    sent: list = []
    problems: list = []
    threads = [
        threading.Thread(
            target=_answer_all, args=(served, cookie, items, labels, t, sent, problems)
        )
        for cookie, items in sessions.values()
        for t in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert problems == []
    total = sum(len(items["items"]) for _, items in sessions.values())
    assert len(sent) == total * THREADS * ROUNDS > 100
    with Workspace(assigned.target) as workspace:
        stored = {
            (a.annotator, a.statement_id): a.label
            for a in workspace.annotations()
            if not a.adjudicated
        }
        assert len(stored) == total  # one annotation per reviewer and statement
        # each stored label is one of the answers sent for it
        answers: dict = {}
        for reviewer, statement_id, label, _ in sent:
            answers.setdefault((reviewer, statement_id), set()).add(label)
        assert all(stored[key] in labels_sent for key, labels_sent in answers.items())
        logged = workspace.conn.execute(
            "SELECT count(*) FROM edits WHERE action = 'set-stance'"
        ).fetchone()[0]
        # an answer stamped before one stored meanwhile writes nothing and says so (two
        # threads of a reviewer send different labels and notes for a statement)
        assert logged == sum(applied for *_, applied in sent)
        tally = dict(
            workspace.conn.execute(
                "SELECT label, sum(n) FROM statement_tally GROUP BY label"
            ).fetchall()
        )
        direct = dict(
            workspace.conn.execute(
                "SELECT coalesce(label, ''), count(*) FROM statements GROUP BY 1"
            ).fetchall()
        )
        assert {k: int(v) for k, v in tally.items() if int(v)} == direct
