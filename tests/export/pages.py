"""What the tests of the HTML page share: a map of hostile texts, the page of a workspace, its
elements as a browser's parser splits them, and the graph it must draw."""

import io
from html.parser import HTMLParser
from pathlib import Path

from argmap.codebook import load_codebook
from argmap.export import writer
from argmap.models import Document
from argmap.store import Workspace
from tests.helpers import SEED_CODEBOOK

#: Texts that would end or open an element of an HTML page if written into it as they are.
SCRIPT_TEXT = (
    'The aide wrote "</script><script>window.pwned = 1</script>" in the memo.\n\n'
    "“<!-- <script>window.pwned = 2</script> -->,” she said, “and <img src=x "
    "onerror='window.pwned = 3'> &amp; &lt;b&gt; too.”\n"
)
SCRIPT_ISSUE = "Should </title><script>window.pwned = 4</script> <!-- integrate? & more"


def hostile_map(directory: Path) -> Workspace:
    """A new workspace in ``directory`` whose issue, claim, speakers and two linked statements
    hold ``</script>``, ``<!--``, markup and character references."""
    codebook = load_codebook(SEED_CODEBOOK).model_copy(update={"issue": SCRIPT_ISSUE})
    workspace = Workspace.init(directory, codebook=codebook)
    document = Document.from_text("</script><!--.txt", SCRIPT_TEXT)
    workspace.add_documents([document])
    middle = SCRIPT_TEXT.index("“<!--")
    speakers = ["</script><b>Aide</b>", "<!-- Spokes&amp;person -->"]
    spans = [(0, len(SCRIPT_TEXT[:middle].rstrip())), (middle, len(SCRIPT_TEXT.rstrip()))]
    statements = []
    for name, (start, end) in zip(speakers, spans, strict=True):
        speaker = workspace.add_speaker(name)
        found = [s for s in workspace.statements(limit=-1) if (s.start, s.end) == (start, end)]
        if found:  # extracted when the document was added
            workspace.reattribute(found[0].id, speaker.id)
            statements.append(found[0])
        else:
            statements.append(
                workspace.add_statement(document.id, start, end, speaker_id=speaker.id)
            )
    position = workspace.add_claim("</script><script>window.pwned = 5</script>", kind="position")
    workspace.link(statements[0].id, position.id, "supports")
    workspace.link(statements[1].id, position.id, "attacks")
    return workspace


def html_of(workspace, filter=None) -> str:
    """The page ``argmap export --format html`` writes of ``workspace``."""
    stream = io.StringIO()
    writer("html")(workspace, stream, filter)
    return stream.getvalue()


class Elements(HTMLParser):
    """The page's elements (tag, attributes) and the text of each script, as a browser's
    parser splits them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.title = ""
        self._in_title = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        self._in_title = tag == "title"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = self._in_title = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        elif self._in_title:
            self.title += data

    def handle_comment(self, data):
        raise AssertionError(f"a comment in the page: {data[:80]!r}")


def expected_graph(workspace) -> tuple[set[str], list[tuple[str, str, str]]]:
    """The nodes and edges the page must draw, read from the workspace: the issue, every claim,
    each statement linked by an accepted relation or made into a claim; each claim to its
    parent, the accepted relations, each promoted claim's statement to it."""
    claims = workspace.claims()
    relations = workspace.relations(status="accepted")
    statements = {r.source_id for r in relations if r.source_type == "statement"}
    statements |= {r.target_id for r in relations if r.target_type == "statement"}
    statements |= {c.statement_id for c in claims if c.statement_id}
    edges = [(c.id, c.parent_id or "issue", "parent") for c in claims]
    edges += [(r.source_id, r.target_id, r.kind) for r in relations]
    edges += [(c.statement_id, c.id, "quotes") for c in claims if c.statement_id]
    return {"issue"} | {c.id for c in claims} | statements, edges
