"""One rule for naming documents in a filter, the command line's and the UI's: an id's start,
or part of a name, in any case; every document it names."""

from argmap.models import Document
from argmap.store import StatementFilter
from argmap.tui.views.statements import parse_query
from tests.helpers import run_cli

NYT = "“We will act,” Tanaka said of the plan.\n"
WAPO = "“We will not,” Kishida said.\n"


def add_outlets(ws):
    ws.add_documents(
        [
            Document.from_text("nyt-2024-07-28.txt", NYT),
            Document.from_text("NYT-2024-07-29.txt", NYT + "“Soon,” Austin said.\n"),
            Document.from_text("wapo-2024-07-28.txt", WAPO),
        ]
    )


def test_a_part_of_a_name_names_every_document_that_holds_it_in_any_case(ws):
    add_outlets(ws)
    named = [row.name for row in ws.documents_like("nyt")]
    assert named == ["nyt-2024-07-28.txt", "NYT-2024-07-29.txt"]
    [wapo] = ws.documents_like("WaPo")
    assert ws.documents_like(wapo.id[:6]) == [wapo]  # an id's start
    assert ws.documents_like("guardian") == [] and ws.documents_like("  ") == []


def test_the_command_line_and_the_ui_filter_the_same_statements(ws, capsys):
    add_outlets(ws)
    _, out, _ = run_cli(capsys, "statements", "--document", "NyT", "--limit", "0", "-w", ws.path)
    cli_ids = {line.split()[0] for line in out.splitlines()}
    condition, _, problem = parse_query(ws, "doc:nyt")
    ui_ids = {row.id for row in ws.statements(condition, limit=1000)}
    nyt = tuple(row.id for row in ws.documents_like("nyt"))
    direct = {row.id for row in ws.statements(StatementFilter(document=nyt), limit=1000)}
    assert problem is None and len(direct) == 3
    assert {i[:8] for i in direct} == {i[:8] for i in cli_ids} == {i[:8] for i in ui_ids}


def test_a_document_named_by_nothing_is_a_one_line_error(ws, capsys):
    status, _, err = run_cli(capsys, "statements", "--document", "guardian", "-w", ws.path)
    assert status == 1
    assert err == "argmap: error: no document like 'guardian' (argmap documents lists them)\n"
