"""The HTML export drawn by a real browser (headless Chromium driven by Playwright, see
tests/browser.py): opened from file:// with the network off, it draws the map's nodes and
edges with no error and no request, a click shows a node in the panel, the board's columns
are the board's, hostile texts stay text, and the page prints with the graph as a picture."""

import re

import pytest

from argmap.export.html import STATIC, page_data, render_page
from argmap.store.views import board
from tests.browser import chromium
from tests.export.pages import SCRIPT_ISSUE, expected_graph, html_of


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


class OpenedPage:
    """A page of the export opened from disk, offline, recording errors, requests and
    dialogs."""

    def __init__(self, browser, text, path):
        path.write_text(text, encoding="utf-8")
        self.url = path.as_uri()
        self.context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "console",
            lambda m: self.errors.append(f"{m.type}: {m.text}") if m.type == "error" else None,
        )
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on(
            "dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss())
        )
        self.page.goto(self.url)
        self.page.wait_for_function("window.argmap && window.argmap.cy")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def evaluate(self, script, argument=None):
        return self.page.evaluate(script, argument)

    def click_node(self, node_id: str) -> None:
        """Click the middle of a node of the graph, where it is drawn on the screen."""
        x, y = self.evaluate(
            """id => {
                const box = document.getElementById('graph').getBoundingClientRect();
                const at = argmap.cy.getElementById(id).renderedPosition();
                return [box.left + at.x, box.top + at.y];
            }""",
            node_id,
        )
        self.page.mouse.click(x, y)

    def panel_text(self) -> str:
        return self.page.locator("#panel-text").text_content()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def opened(browser, tmp_path):
    pages = []

    def open_(workspace, text=None):
        text = html_of(workspace) if text is None else text
        pages.append(OpenedPage(browser, text, tmp_path / f"map{len(pages)}.html"))
        return pages[-1]

    yield open_
    for page in pages:
        page.close()


def test_the_page_draws_the_map_offline_and_shows_a_clicked_node(mapped, opened):
    page = opened(mapped)
    nodes, edges = expected_graph(mapped)
    drawn = page.evaluate("argmap.cy.nodes().map(n => n.id())")
    assert sorted(drawn) == sorted(nodes)
    drawn_edges = page.evaluate(
        "argmap.cy.edges().map(e => [e.source().id(), e.target().id(), e.data('kind')])"
    )
    assert sorted(map(tuple, drawn_edges)) == sorted(edges)
    assert page.evaluate("argmap.cy.nodes().filter(n => n.renderedBoundingBox().w > 20).length")
    statements = {s.id: s for s in mapped.statements(limit=-1)}
    for node_id in nodes - {"issue"}:
        if node_id in statements:
            page.click_node(node_id)
            statement = statements[node_id]
            assert page.panel_text() == statement.text
            assert page.page.locator("#panel .speaker").text_content().startswith(statement.speaker)
            assert page.evaluate("argmap.cy.$(':selected').map(n => n.id())") == [node_id]
    claim = mapped.claims()[0]
    page.click_node(claim.id)
    assert page.panel_text() == claim.text
    assert page.errors == [] and page.dialogs == []
    assert page.requests == [page.url]  # the file itself, nothing else


def test_the_board_is_the_boards_columns_and_opens_its_statements(mapped, opened):
    page = opened(mapped)
    columns = board(mapped)
    shown = page.page.locator("#board-columns .column h3").all_text_contents()
    names = {label.id: label.name for label in mapped.codebook.labels}
    assert shown == [names.get(column.label, "no stance") for column in columns]
    quotes = page.page.locator("#board-columns .quote")
    assert quotes.count() == sum(len(row.quotes) for column in columns for row in column.rows)
    linked = set(page.evaluate("argmap.cy.nodes().map(n => n.id())"))
    first_unlinked = next(
        quote
        for column in columns
        for row in column.rows
        for quote in row.quotes
        if quote.id not in linked
    )
    page.page.locator(f'.quote[data-statement="{first_unlinked.id}"]').click()
    assert page.panel_text() == first_unlinked.text
    first_linked = next(
        quote
        for column in columns
        for row in column.rows
        for quote in row.quotes
        if quote.id in linked
    )
    page.page.locator(f'.quote[data-statement="{first_linked.id}"]').click()
    assert page.panel_text() == first_linked.text
    assert page.evaluate("argmap.cy.$(':selected').map(n => n.id())") == [first_linked.id]
    assert page.errors == []


def test_the_map_as_a_list_names_every_node_under_what_it_bears_on(mapped, opened):
    page = opened(mapped)
    listed = page.evaluate(
        """() => [...document.querySelectorAll('#outline-list button')].map(b => {
            const up = b.parentElement.parentElement.closest('li');
            const mark = b.parentElement.querySelector(':scope > .mark');
            return [b.dataset.node, up ? up.querySelector(':scope > button').dataset.node : null,
                    mark ? mark.className.replace('mark kind-', '') : 'parent'];
        })"""
    )
    nodes, edges = expected_graph(mapped)
    assert {node for node, _, _ in listed} == nodes
    links = [(node, up, kind) for node, up, kind in listed if up]
    assert len(links) == len(set(links)) and set(links) <= set(edges)  # each link once
    # every link but a promoted claim's own statement listed as its supporter already
    assert {(node, up) for node, up, _ in links} == {
        (source, target) for source, target, _ in edges
    }
    page.page.locator("#outline summary").click()
    position = next(c for c in mapped.claims() if c.kind == "position")
    page.page.locator(f'#outline-list button[data-node="{position.id}"]').first.click()
    assert page.panel_text() == position.text
    assert page.evaluate("argmap.cy.$(':selected').map(n => n.id())") == [position.id]
    assert page.errors == []


def test_hostile_texts_stay_text(script_map, opened):
    page = opened(script_map)
    assert page.evaluate("window.pwned") is None
    assert page.page.title() == f"{SCRIPT_ISSUE} · argmap"
    assert page.page.locator("#issue").text_content() == SCRIPT_ISSUE
    linked = {r.source_id for r in script_map.relations()}
    for statement in script_map.statements(limit=-1):
        if statement.id in linked:
            page.click_node(statement.id)
            assert page.panel_text() == statement.text
            assert page.page.locator("#panel .speaker").text_content() == statement.speaker
    assert page.page.locator("#panel img, #panel script, #panel b").count() == 0
    assert page.errors == [] and page.dialogs == [] and page.requests == [page.url]
    assert page.evaluate("window.pwned") is None


def test_an_empty_map_draws_its_issue_alone(empty_map, opened):
    page = opened(empty_map)
    assert page.evaluate("argmap.cy.nodes().map(n => n.id())") == ["issue"]
    assert page.page.locator("#board-columns").text_content() == "No statements yet."
    assert page.errors == []


def test_the_page_prints_the_graph_as_a_picture(mapped, opened):
    page = opened(mapped)
    page.page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    picture = page.page.locator("#graph-print")
    picture.wait_for(state="visible")
    assert picture.get_attribute("src").startswith("data:image/png;base64,")
    assert page.evaluate("document.getElementById('graph-print').naturalWidth") > 400
    for hidden in ("#graph", "#panel", ".controls"):
        assert not page.page.locator(hidden).is_visible()
    assert page.page.locator("#outline-list").is_visible()  # the list opens to be printed
    assert page.page.locator("#board-columns .column").first.is_visible()
    pdf = page.page.pdf(format="A4")
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
    assert pdf.startswith(b"%PDF") and len(pages) >= 2  # the map, then the board on its own
    assert page.errors == [] and page.requests == [page.url]


def test_the_page_with_its_files_linked_works_as_the_inlined_one(mapped, opened):
    """The page a server would send (style and scripts from its static files, for a policy
    without inline scripts): here linked from the package's folder itself."""
    base = STATIC.as_uri() + "/"
    page = opened(mapped, render_page(page_data(mapped), static_url=base))
    nodes, _ = expected_graph(mapped)
    assert sorted(page.evaluate("argmap.cy.nodes().map(n => n.id())")) == sorted(nodes)
    kishida = next(s for s in mapped.statements(limit=-1) if s.speaker == "Kishida Fumio")
    page.click_node(kishida.id)
    assert page.panel_text() == kishida.text
    assert page.errors == []
    assert sorted(page.requests) == sorted(
        [page.url, base + "map.css", base + "vendor/cytoscape/cytoscape.min.js", base + "map.js"]
    )
