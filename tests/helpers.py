"""Paths and small helpers every area of the tests uses (fixtures are in conftest.py).

Import them as ``from tests.helpers import SEED, run_cli``: ``tests`` is a package, and pytest
puts the repository root on ``sys.path``, whatever the working directory.
"""

import hashlib
import io
import random
import shutil
import sqlite3
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SEEDS = REPO / "seeds"
# The project's shared data (gold files, PolNeAR) lives beside the repository; tests that need
# it take the ``shared`` or ``polnear_dev`` fixture, which skip when it is absent.
SHARED = REPO.parent / "shared"
POLNEAR = SHARED / "data" / "polnear"
POLNEAR_DEV_GOLD = SHARED / "gold" / "polnear-dev.gold.jsonl"

#: The seed article, its debate's codebook, and its gold statements (with stances).
SEED = SEEDS / "japan-us-integration.txt"
SEED_CODEBOOK = SEEDS / "japan-us-integration.codebook.toml"
SEED_GOLD = FIXTURES / "japan-us-integration.gold.jsonl"
#: The 2016 election's codebook and its labels (offsets into PolNeAR).
ELECTION_CODEBOOK = SEEDS / "us-election-2016.codebook.toml"
ELECTION_LABELS = REPO / "benchmarks" / "data" / "us-election-2016.stance.jsonl"
#: The reviewer-work tests' small codebook and a checked-in packet of seed statements.
REVIEW_CODEBOOK = FIXTURES / "review.codebook.toml"
PACKET_FIXTURE = FIXTURES / "review-packet.json"


def run_cli(capsys, *argv, stdin=None, monkeypatch=None):
    """Run argmap in-process on ``argv`` (any objects, made strings): (exit status, stdout,
    stderr).

    ``stdin`` (with ``monkeypatch``) is text the command reads as standard input.
    """
    from argmap.cli import main

    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        status = main([str(arg) for arg in argv])
    except SystemExit as exit_:
        status = exit_.code
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def seed_workspace(directory: Path):
    """A new workspace in ``directory`` with the seed codebook and the seed article added."""
    from argmap.codebook import load_codebook
    from argmap.io.reading import load_documents
    from argmap.store import Workspace

    workspace = Workspace.init(directory, codebook=load_codebook(SEED_CODEBOOK))
    workspace.add_documents(load_documents([SEED]))
    return workspace


#: Four short articles with their metadata in front matter (three outlets, two time zones), for
#: the tests of documents' metadata: (file name, front matter, text).
NEWS = (
    (
        "times-kishida.md",
        "title: Kishida tells Congress Japan stands with America\n"
        "publisher: The Example Times\nauthor: [Ann Lee, Bo Chen]\n"
        "date: 2024-04-11T10:00:00-04:00\nurl: https://example.com/kishida\nlang: en",
        '"Japan is already standing shoulder to shoulder with the United States," Kishida said.'
        "\n\nTanaka Hitoshi, a former deputy foreign minister, warned that Japan risked becoming "
        "a mere instrument of American strategy.",
    ),
    (
        "times-austin.md",
        "title: Austin praises the new command\npublisher: The Example Times\n"
        "author: Ann Lee\ndate: 2024-05-02",
        '"This is the biggest upgrade to our alliance in decades," Lloyd Austin said.',
    ),
    (
        "nyt-tanaka.md",
        "title: In Tokyo, doubts\nsource_domain: nytimes.com\nauthor: Cy Diaz\n"
        "date: April 30, 2024",
        '"Integration means Japan gives up its own judgement," Tanaka Hitoshi said.',
    ),
    (
        "post-kishida.md",
        "title: Late-night talks\npublisher: The Post\nauthors: Bo Chen\n"
        "date: 2024-06-15T23:30:00+09:00",  # in UTC: 14:30 on June 15
        '"We are with you," Kishida told reporters after midnight talks.',
    ),
)


def write_news(folder: Path) -> list[Path]:
    """``NEWS`` as Markdown files with front matter in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, front, text in NEWS:
        path = folder / name
        path.write_text(f"---\n{front}\n---\n\n{text}\n", encoding="utf-8")
        paths.append(path)
    return paths


def news_workspace(directory: Path):
    """The seed workspace (its article has no metadata) with the ``NEWS`` articles added."""
    from argmap.io.reading import load_documents

    workspace = seed_workspace(directory)
    workspace.add_documents(load_documents(write_news(directory / "news")))
    return workspace


def copy_workspace(template: Path, directory: Path) -> Path:
    """A copy of the workspace file ``template`` in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / template.name
    shutil.copyfile(template, target)
    return target


def by_speaker(workspace, name: str):
    """The statements of the speaker called ``name``."""
    from argmap.store import StatementFilter

    (speaker,) = workspace.find_speakers(name)
    return workspace.statements(StatementFilter(speaker=speaker.id))


def kishida(workspace):
    """The seed's first statement by Kishida Fumio ("shoulder to shoulder")."""
    return by_speaker(workspace, "Kishida Fumio")[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_table(path: Path, table: str) -> None:
    """Overwrite the root page of ``table`` with random bytes (seeded): its rows are lost to
    SQLite while the schema page still reads, as when a disk or a copy goes wrong."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
        page = root.fetchone()[0]
    data = bytearray(path.read_bytes())
    noise = random.Random(7).randbytes(page_size)
    data[(page - 1) * page_size : page * page_size] = noise
    path.write_bytes(bytes(data))


def immutable(path: Path) -> bool:
    """Make ``path`` immutable (chattr +i: read-only even for root); False where it cannot."""
    try:
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    except FileNotFoundError:
        return False
    return done.returncode == 0


#: A debate over four months for the timeline and sourcing tests: (file name, front matter or
#: None, text). Three outlets, a document dated without an outlet, one without any metadata;
#: times in two zones (``post-0415``: a Monday in Tokyo, still Sunday in UTC); no article in
#: June, so that month is an empty period between May and July.
DEBATE = (
    (
        "times-0304.md",
        "publisher: The Example Times\ndate: 2024-03-04\ntitle: Kishida heads to Washington",
        '"Japan is already standing shoulder to shoulder with the United States," Prime Minister '
        "Kishida Fumio said on Monday.\n\n"
        '"Integration means Japan gives up its own judgement," said Tanaka Hitoshi, a former '
        "deputy foreign minister.",
    ),
    (
        "times-0318.md",
        "publisher: The Example Times\ndate: 2024-03-18",
        '"This is the biggest upgrade to our alliance in decades," Defense Secretary Lloyd Austin '
        "said.\n\n"
        '"We will decide for ourselves when our forces move," Kishida Fumio told lawmakers.',
    ),
    (
        "post-0329.md",
        "publisher: The Post\ndate: 2024-03-29T23:30:00+09:00",
        '"A joint command is the only way to deter aggression," Ambassador Rahm Emanuel said.\n\n'
        '"The public has not been asked," opposition leader Izumi Kenta said.',
    ),
    (
        "nyt-0401.md",
        "source_domain: nytimes.com\ndate: 2024-04-01",
        '"Tokyo is choosing dependence over deterrence," Tanaka Hitoshi said in an interview.\n\n'
        '"Our alliance has never been stronger," Rahm Emanuel said.',
    ),
    (
        "times-0411.md",
        "publisher: The Example Times\ndate: 2024-04-11T10:00:00-04:00",
        '"We stand with America in every region of the world," Kishida Fumio told Congress.\n\n'
        '"This visit marks a new era for the alliance," Lloyd Austin said.\n\n'
        '"Congress should ask what Japan gives up," Tanaka Hitoshi said.',
    ),
    (
        "post-0415.md",
        "publisher: The Post\ndate: 2024-04-15T01:00:00+09:00",
        '"Command and control will stay in Japanese hands," Kishida Fumio told reporters.\n\n'
        '"Nobody believes that," Izumi Kenta said.',
    ),
    (
        "blog-0420.md",
        "date: 2024-04-20\ntitle: A reader writes",
        '"The treaty was never meant for this," Tanaka Hitoshi said at a seminar.',
    ),
    (
        "nyt-0430.md",
        "source_domain: nytimes.com\ndate: 2024-04-30",
        '"The upgrade is about deterrence, not dependence," Rahm Emanuel said.\n\n'
        '"Sovereignty is not for sale," Izumi Kenta said.',
    ),
    (
        "times-0502.md",
        "publisher: The Example Times\ndate: 2024-05-02",
        '"The new headquarters will work hand in hand with Tokyo," Lloyd Austin said.',
    ),
    (
        "post-0708.md",
        "publisher: The Post\ndate: 2024-07-08",
        '"The integration is moving faster than anyone expected," Tanaka Hitoshi said.\n\n'
        '"We are proud of this partnership," Kishida Fumio said.',
    ),
    (
        "notes.md",
        None,
        '"Deterrence begins with a credible alliance," Lloyd Austin said.',
    ),
)


def write_debate(folder: Path) -> list[Path]:
    """``DEBATE`` as Markdown files (with front matter where it has some) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, front, text in DEBATE:
        path = folder / name
        head = f"---\n{front}\n---\n\n" if front else ""
        path.write_text(f"{head}{text}\n", encoding="utf-8")
        paths.append(path)
    return paths


def debate_workspace(directory, *, fixed: bool = True, articles: Path | None = None):
    """A new workspace in ``directory`` (or at a PostgreSQL URL; the articles' files go in
    ``articles``, else ``directory / "debate"``) with the seed codebook, the ``DEBATE``
    articles and a small map; its suggestions cycle through the labels (``fixed``, so counts
    do not follow the stance model). The map: positions "deterrence" and "sovereignty"; a
    claim under each, a claim supporting the first claim, a claim under no position;
    statements linked to a position directly, through claims, to both positions (Kishida,
    "Command and control"), to the claim under none (Izumi, "The public"), by a suggested
    link only (Izumi, "Nobody believes"), and an undated one (notes.md). Some statements
    labelled by people, one adjudicated."""
    from contextlib import ExitStack
    from unittest import mock

    from argmap.codebook import load_codebook
    from argmap.io.reading import load_documents
    from argmap.store import Workspace

    with ExitStack() as stack:
        if fixed:
            from tests.tui.helpers import fixed_stance_suggestions

            stack.enter_context(
                mock.patch("argmap.store.documents.stance_suggestions", fixed_stance_suggestions)
            )
        workspace = Workspace.init(directory, codebook=load_codebook(SEED_CODEBOOK))
        workspace.add_documents(load_documents(write_debate(articles or directory / "debate")))

    def said(start: str) -> str:
        (found,) = [r.id for r in workspace.statements(limit=1000) if r.text.startswith(start)]
        return found

    deterrence = workspace.add_claim(
        "Integration strengthens deterrence", kind="position", label="pro-integration"
    )
    sovereignty = workspace.add_claim(
        "Integration erodes sovereignty", kind="position", label="sovereignty-concern"
    )
    joint = workspace.add_claim("A joint command deters aggression", parent_id=deterrence.id)
    control = workspace.add_claim("Japan loses control of its forces", parent_id=sovereignty.id)
    stronger = workspace.add_claim("The alliance is stronger than ever")
    workspace.link(stronger.id, joint.id, "supports")
    unasked = workspace.add_claim("Nobody asked the public")
    workspace.link(said("Japan is already"), deterrence.id, "supports")
    workspace.link(said("A joint command"), joint.id, "supports")
    workspace.link(said("Our alliance has never"), stronger.id, "supports")
    workspace.link(said("Integration means"), control.id, "supports")
    workspace.link(said("Command and control"), control.id, "attacks")
    workspace.link(said("Command and control"), joint.id, "supports")
    workspace.link(said("The public has not"), unasked.id, "supports")
    workspace.link(said("Nobody believes"), control.id, "supports", status="suggested")
    workspace.link(said("Deterrence begins"), deterrence.id, "supports")
    for start, label in (
        ("Integration means", "sovereignty-concern"),
        ("Tokyo is choosing", "sovereignty-concern"),
        ("We stand with America", "pro-integration"),
        ("The public has not", "neutral"),
        ("Deterrence begins", "pro-integration"),
    ):
        workspace.set_stance(said(start), label, annotator="alice")
    workspace.adjudicate(said("Nobody believes"), "sovereignty-concern", annotator="carol")
    return workspace
