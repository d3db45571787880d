"""``argmap serve``'s reviewer pages driven in process (Starlette's TestClient), on SQLite and
on PostgreSQL: a link signs a reviewer in, the page shows one assigned statement in its
paragraph with the speaker marked, the labels on keys 1-9, the suggestion unless blind; each
answer is stored at once as the reviewer's annotation, an older one never replacing a newer
one; progress and the next unanswered statement follow."""

import re
from datetime import UTC, datetime, timedelta
from html import unescape

from argmap.store import Workspace
from tests.web.helpers import answer, page_of, signed_in


def _visible_text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_a_link_signs_in_with_a_strict_http_only_cookie_and_leaves_the_address(server, assigned):
    browser = signed_in(server, assigned, "alice")
    cookie = browser.get(assigned.path("bob")).headers["set-cookie"]  # another one, to look at
    assert re.fullmatch(
        r"argmap_session=[0-9a-f]{16}\.[A-Za-z0-9_-]{43}; HttpOnly; Path=/; SameSite=strict", cookie
    )
    secret = assigned.path("alice").split(".")[1]
    start = browser.get("/start?to=review")
    assert start.status_code == 200 and secret not in start.text
    assert 'data-continue="/review"' in start.text and 'href="/review"' in start.text
    first = browser.get("/review")
    with Workspace(assigned.target) as workspace:
        order = [item.statement_id for item in workspace.web_assignment("bob")]
    assert first.status_code == 303 and first.headers["location"] == f"/review/{order[0]}"


def test_the_page_shows_the_statement_in_its_paragraph_with_the_speaker_and_keyed_labels(
    server, assigned
):
    browser = signed_in(server, assigned, "alice")
    with Workspace(assigned.target) as workspace:
        order = workspace.web_assignment("alice")
        item = order[1]
        statement = workspace.statement(item.statement_id)
        paragraph, _ = workspace.context(item.statement_id)
        suggestion = workspace.suggestion(item.statement_id)
        labels = workspace.codebook_outline.labels
    response, csrf = page_of(browser, item.statement_id)
    assert response.status_code == 200 and csrf
    html = response.text
    context = re.search(r'<blockquote id="context">(.*?)</blockquote>', html, re.S).group(1)
    assert _visible_text(context) == paragraph
    marked = "".join(re.findall(r'<mark class="statement">(.*?)</mark>', context, re.S))
    assert _visible_text(marked) == statement.text
    if statement.speaker_mention:
        speaker = re.search(r'<span class="speaker">(.*?)</span>', context).group(1)
        assert unescape(speaker) == statement.speaker_mention
    assert f'<span id="position">Item 2 of {len(order)}</span>' in html
    keys = re.findall(r'data-label="([^"]+)" data-key="(\d)"><kbd>\d</kbd> ([^<]+)<', html)
    assert keys == [(lb.id, str(n), lb.name) for n, lb in enumerate(labels, start=1)]
    assert f'data-suggested="{suggestion.label}"' in html and 'id="suggestion"' in html
    assert f'data-previous="/review/{order[0].statement_id}"' in html
    assert f'data-next="/review/{order[2].statement_id}"' in html
    # no inline script, style or handler: the page runs under default-src 'self'
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/review.js" defer>']
    assert not re.search(r"\son[a-z]+=|\sstyle=|javascript:", html)
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    assert response.headers["referrer-policy"] == "no-referrer"
    script = browser.get("/static/review.js")
    assert script.status_code == 200 and "X-CSRF-Token" in script.text


def test_each_answer_is_stored_at_once_and_an_older_one_never_replaces_a_newer(server, assigned):
    browser = signed_in(server, assigned, "alice")
    with Workspace(assigned.target) as workspace:
        order = [i.statement_id for i in workspace.web_assignment("alice")]
        labels = workspace.codebook_outline.label_ids
    first, second = order[0], order[1]
    _, csrf = page_of(browser, first)
    given = datetime.now(UTC) - timedelta(seconds=30)
    response = answer(browser, csrf, first, labels[2], note="hedged", answered_at=given.isoformat())
    assert response.status_code == 200
    assert response.json()["applied"] and response.json()["answered"] == 1
    with Workspace(assigned.target) as workspace:
        (stored,) = [a for a in workspace.annotations(first) if a.annotator == "alice"]
        assert (stored.label, stored.note, stored.adjudicated) == (labels[2], "hedged", False)
        assert abs(stored.time - given) < timedelta(milliseconds=1)
        assert workspace.web_answered("alice") == {first: labels[2]}
    # an answer given earlier but arriving later is not applied
    late = answer(
        browser, csrf, first, labels[0], answered_at=(given - timedelta(seconds=5)).isoformat()
    )
    assert late.status_code == 200 and late.json()["label"] == labels[2]
    assert not late.json()["applied"]
    # a newer one is; a clock ahead of the server's counts as now
    ahead = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    assert answer(browser, csrf, first, labels[1], answered_at=ahead).json()["applied"]
    with Workspace(assigned.target) as workspace:
        (stored,) = [a for a in workspace.annotations(first) if a.annotator == "alice"]
        assert stored.label == labels[1] and stored.time <= datetime.now(UTC)
    # the page shows the answer and the progress; /review goes on to the next open one
    page, _ = page_of(browser, first)
    chosen = re.findall(r'class="label[a-z ]* chosen" data-label="([^"]+)"', page.text)
    assert "1 answered" in page.text and chosen == [labels[1]]
    assert browser.get("/review").headers["location"] == f"/review/{second}"
    items = browser.get("/api/items").json()
    assert items["answered"] == 1 and items["items"][0] == {
        "statement_id": first,
        "label": labels[1],
    }
    # everything answered: the summary
    for statement_id in order[1:]:
        assert answer(browser, csrf, statement_id, labels[0]).status_code == 200
    assert browser.get("/review").headers["location"] == "/done"
    done = browser.get("/done").text
    assert f"alice: {len(order)} of {len(order)} answered" in done


def test_a_blind_reviewer_sees_no_suggestion_and_nobody_sees_another_reviewers_label(
    server, assigned
):
    with Workspace(assigned.target) as workspace:
        carol = workspace.web_assignment("carol")
        shared = carol[0].statement_id
        assert carol and all(item.blind for item in carol)
        labels = workspace.codebook_outline.labels
    alice = signed_in(server, assigned, "alice")
    holder = "alice" if shared in alice.get("/api/items").text else "bob"
    other = signed_in(server, assigned, holder)
    _, csrf = page_of(other, shared)
    assert answer(other, csrf, shared, labels[2].id, note="a note of theirs").status_code == 200
    browser = signed_in(server, assigned, "carol")
    page, _ = page_of(browser, shared)
    assert page.status_code == 200
    assert 'id="suggestion"' not in page.text and 'data-suggested=""' in page.text
    assert "label suggested" not in page.text and "chosen" not in page.text
    assert "a note of theirs" not in page.text and holder not in page.text
    assert "Not answered yet" in page.text
    item = browser.get(f"/api/items/{shared}").json()
    assert item["suggestion"] is None and item["label"] is None and item["note"] == ""
