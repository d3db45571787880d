"""The reviewer's page in a real browser (headless Chromium driven by Playwright, see
tests/browser.py) against ``argmap serve``'s application under uvicorn, on SQLite and on
PostgreSQL: open the link, label two statements with the keyboard (one with a note), reload,
go back, and the workspace holds the answers; no page error, nothing fetched elsewhere."""

from urllib.parse import urlsplit

import pytest

from argmap.store import Workspace
from tests.browser import chromium
from tests.web.helpers import analyst_path


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def test_a_reviewer_labels_with_the_keyboard_reloads_goes_back_and_the_answers_are_stored(
    browser, assigned, served
):
    with Workspace(assigned.target) as workspace:
        order = [item.statement_id for item in workspace.web_assignment("alice")]
        labels = workspace.codebook_outline.label_ids
    link = served + urlsplit(assigned.links["alice"]).path
    context = browser.new_context()
    page = context.new_page()
    errors, elsewhere = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: None if r.url.startswith(served) else elsewhere.append(r.url))

    page.goto(link)
    page.wait_for_url(f"{served}/review/{order[0]}")
    assert "Item 1 of" in page.locator("#position").inner_text()
    secret = link.rsplit(".", 1)[1]
    assert secret not in page.url and secret not in page.content()
    cookies = context.cookies()
    assert [(c["name"], c["httpOnly"], c["sameSite"]) for c in cookies] == [
        ("argmap_session", True, "Strict")
    ]
    assert page.evaluate("document.cookie") == ""  # HttpOnly: no script reads it

    page.keyboard.press("2")  # the codebook's second label; on to the next statement
    page.wait_for_url(f"{served}/review/{order[1]}")
    assert page.locator("#answered").inner_text() == "1 answered"
    page.keyboard.press("n")
    page.keyboard.type("hard to tell")
    page.keyboard.press("Enter")  # no label yet: the note waits for one
    assert "Give a label" in page.locator("#status").inner_text()
    page.keyboard.press("3")
    page.wait_for_url(f"{served}/review/{order[2]}")
    assert page.locator("#answered").inner_text() == "2 answered"

    page.reload()
    assert page.url == f"{served}/review/{order[2]}"
    assert page.locator("#answer").inner_text() == "Not answered yet"
    page.keyboard.press("b")
    page.wait_for_url(f"{served}/review/{order[1]}")
    assert page.locator("button.label.chosen").get_attribute("data-label") == labels[2]
    assert page.locator("#note").input_value() == "hard to tell"
    page.keyboard.press("ArrowLeft")
    page.wait_for_url(f"{served}/review/{order[0]}")
    assert page.locator("button.label.chosen").get_attribute("data-label") == labels[1]
    page.keyboard.press("s")  # skip: on without answering again
    page.wait_for_url(f"{served}/review/{order[1]}")
    context.close()

    with Workspace(assigned.target) as workspace:
        mine = {
            a.statement_id: (a.label, a.note)
            for a in workspace.annotations()
            if a.annotator == "alice"
        }
    assert mine == {order[0]: (labels[1], ""), order[1]: (labels[2], "hard to tell")}
    assert errors == [] and elsewhere == []


def test_the_analyst_adjudicates_a_dispute_with_a_key(browser, assigned, served):
    base = served
    with Workspace(assigned.target) as workspace:
        carol = {i.statement_id for i in workspace.web_assignment("carol")}
        shared = next(
            i.statement_id for i in workspace.web_assignment("alice") if i.statement_id in carol
        )
        labels = workspace.codebook_outline.label_ids
        workspace.set_stance(shared, labels[0], annotator="alice")
        workspace.set_stance(shared, labels[1], annotator="carol", note="hedged")
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + analyst_path(assigned.target, "analyst"))
    page.wait_for_url(f"{base}/adjudicate/{shared}")
    assert "hedged" in page.locator("#answers").inner_text()
    page.keyboard.press("3")
    page.wait_for_url(f"{base}/adjudicate")
    assert "No statement is disputed now (1 adjudicated)" in page.content()
    page.close()
    with Workspace(assigned.target) as workspace:
        final = [(a.annotator, a.label) for a in workspace.annotations(shared) if a.adjudicated]
    assert final == [("analyst", labels[2])] and errors == []
