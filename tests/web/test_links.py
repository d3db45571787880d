"""``argmap assign --web`` and ``argmap links``: the assignment stored in the workspace with
the packets' overlap and blindness rules, one personal link per reviewer whose secret is never
stored, revoking and new links; on SQLite and on PostgreSQL."""

import hashlib
import re
from collections import Counter
from datetime import UTC, datetime, timedelta

from argmap.store import Workspace
from tests.helpers import run_cli

LINK = re.compile(
    r"^(\w+): (\d+) statements? \((\d+) in all\) -> "
    r"http://127\.0\.0\.1:8000/r/([0-9a-f]{12})\.([A-Za-z0-9_-]{43}) \(expires (\S+)\)$",
    re.M,
)


def test_assign_web_stores_each_statement_for_two_reviewers_and_prints_their_links(capsys, target):
    status, out, err = run_cli(
        capsys, "assign", "--web", "--reviewers", "alice,bob,carol", "-w", target
    )
    assert status == 0, err
    links = LINK.findall(out)
    assert [name for name, *_ in links] == ["alice", "bob", "carol"]
    with Workspace(target) as workspace:
        total = workspace.count_statements()
        holders = workspace.web_holders()
        assert len(holders) == total and Counter(len(h) for h in holders.values()) == {2: total}
        shares = sorted(len(workspace.web_assignment(name)) for name in ("alice", "bob", "carol"))
        assert sum(shares) == 2 * total and shares[-1] - shares[0] <= 1
        assert f"{total} statements handed out to 2 reviewers each" in out
        for name, count, _, token_id, secret, expires in links:
            assert int(count) == len(workspace.web_assignment(name))
            stored = workspace.web_token(token_id)
            assert stored.reviewer == name and stored.revoked_at is None
            # only the secret's hash is kept: the secret is nowhere in the table
            assert stored.secret_sha256 == hashlib.sha256(secret.encode()).hexdigest()
            rows = workspace.conn.execute("SELECT * FROM web_tokens").fetchall()
            assert not any(secret in str(value) for row in rows for value in row)
            days = datetime.fromisoformat(expires) - datetime.now(UTC)
            assert timedelta(days=13, hours=23) < days <= timedelta(days=14)
            # most uncertain first, as packets
            items = workspace.web_assignment(name)
            assert [i.position for i in items] == sorted(i.position for i in items)
            assert not any(i.blind for i in items)
        assert len({secret for *_, secret, _ in links}) == 3
    # a second run hands nothing out again, in the browser or in packets
    status, out, _ = run_cli(capsys, "assign", "--web", "--reviewers", "alice,bob", "-w", target)
    assert status == 0 and "0 statements handed out" in out and not LINK.findall(out)


def test_assign_web_blind_partly_labelled_and_packets_count_web_holders(capsys, target, tmp_path):
    with Workspace(target) as workspace:
        first = workspace.statements(limit=1)[0].id
        workspace.set_stance(first, "neutral", annotator="dan")
    status, out, _ = run_cli(
        capsys, "assign", "--web", "--blind", "--reviewers", "alice,bob", "--per-reviewer", "3",
        "--order", "document", "--expires", "2", "-w", target,
    )  # fmt: skip
    assert status == 0
    with Workspace(target) as workspace:
        alice = workspace.web_assignment("alice")
        assert len(alice) == 3 and all(item.blind for item in alice)
        holders = workspace.web_holders()
        assert len(holders[first]) == 1  # dan labelled it: it needed one more reviewer
    expires = datetime.fromisoformat(LINK.findall(out)[0][-1])
    assert timedelta(days=1, hours=23) < expires - datetime.now(UTC) <= timedelta(days=2)
    # packets handed out now skip what the browser holds
    status, out, _ = run_cli(
        capsys, "assign", "--reviewers", "carol,erin", "--overlap", "2", "-o", tmp_path / "p",
        "-w", target,
    )  # fmt: skip
    assert status == 0
    packets = {p.name.split("-")[0]: p.read_text() for p in (tmp_path / "p").glob("*.json")}
    assert all(item.statement_id not in packets["carol"] for item in alice)


def test_links_lists_revokes_and_makes_a_new_link(capsys, target):
    run_cli(capsys, "assign", "--web", "--reviewers", "alice,bob", "--overlap", "1", "-w", target)
    status, out, _ = run_cli(capsys, "links", "-w", target)
    assert status == 0
    assert re.search(r"^alice: 0 of \d+ statements answered$", out, re.M)
    assert len(re.findall(r"^  link [0-9a-f]{12}: created .*, valid$", out, re.M)) == 2
    status, out, _ = run_cli(capsys, "links", "--revoke", "alice", "-w", target)
    assert (status, out) == (0, "alice: 1 link revoked\n")
    status, out, _ = run_cli(capsys, "links", "-w", target)
    assert out.count(", revoked") == 1 and out.count(", valid") == 1
    status, out, _ = run_cli(capsys, "links", "--new", "alice", "--expires", "1", "-w", target)
    assert status == 0 and re.fullmatch(
        r"alice: http://127\.0\.0\.1:8000/r/\S+ \(expires \S+\)\n", out
    )
    status, out, _ = run_cli(
        capsys, "links", "--new", "bob", "--url", "https://review.example/", "-w", target
    )
    assert out.startswith("bob: https://review.example/r/")
    status, _, err = run_cli(capsys, "links", "--revoke", "zoe", "-w", target)
    assert status == 1 and err == "argmap: error: 'zoe' has no web assignment\n"
    status, _, err = run_cli(capsys, "links", "--new", "zoe", "-w", target)
    assert status == 1 and "'zoe' has no web assignment (argmap assign --web first)" in err


def test_assign_needs_packets_or_web_and_a_positive_expiry(capsys, target):
    status, _, err = run_cli(capsys, "assign", "--reviewers", "alice", "-w", target)
    assert status == 2 and err == (
        "argmap: error: give either -o DIR (packet files) or --web (links for argmap serve)\n"
    )
    status, _, err = run_cli(
        capsys, "assign", "--web", "--reviewers", "alice", "--overlap", "1", "--expires", "0",
        "-w", target,
    )  # fmt: skip
    assert status == 1 and "--expires must be a positive number of days, not 0" in err
    with Workspace(target) as workspace:
        assert workspace.web_reviewers() == []  # nothing stored when refused
