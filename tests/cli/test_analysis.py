"""``argmap timeline`` and ``argmap sourcing``: the table, the CSV (read back by the csv
module) and the JSON give the numbers of a direct count over the statements, on the ``DEBATE``
fixture and on PolNeAR dev with its metadata table (skipped where ../shared lacks it)."""

import csv
import io
import json
from collections import Counter

import pytest

from argmap.store import Workspace
from tests.helpers import ELECTION_CODEBOOK, POLNEAR, debate_workspace, run_cli
from tests.store.test_timeline import direct_sourcing, direct_timeline


@pytest.fixture(scope="module")
def debate_template(tmp_path_factory):
    with debate_workspace(tmp_path_factory.mktemp("debate")) as workspace:
        return workspace.path


@pytest.fixture
def debate_dir(debate_template, tmp_path, monkeypatch):
    """A copy of the debate workspace, the current directory."""
    from tests.helpers import copy_workspace

    copy_workspace(debate_template, tmp_path / "ws")
    monkeypatch.chdir(tmp_path / "ws")
    return tmp_path / "ws"


def direct(folder, *args, **kwargs):
    with Workspace(folder / "argmap.sqlite") as workspace:
        return direct_timeline(workspace, *args, **kwargs)


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_timeline_table(debate_dir, capsys):
    status, out, err = run_cli(capsys, "timeline", "--every", "month", "--by", "outlet")
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split() == [
        "month",
        "from",
        "outlet",
        "statements",
        "pro-integration",
        "sovereignty-concern",
        "neutral",
    ]
    # one row per month and outlet with statements, in time order, then most statements first;
    # June, without any, one empty row; the undated statement on a row of its own
    assert [line[:8].strip() for line in lines[1:]] == [
        "2024-03",
        "2024-03",
        "2024-04",
        "2024-04",
        "2024-04",
        "2024-04",
        "2024-05",
        "2024-06",
        "2024-07",
        "undated",
    ]
    times = lines[1].split()
    assert times[:6] == ["2024-03", "2024-03-01", "The", "Example", "Times", "4"]
    counts, undated, _ = direct(debate_dir, "month", "outlet", "any")
    n = counts["2024-03", "The Example Times", "pro-integration"]
    assert times[6:8] == [str(n), f"{n / 4:.0%}"]
    assert "(no outlet)" in lines[6]
    assert lines[8].split()[:4] == ["2024-06", "2024-06-01", "-", "0"]
    assert lines[10].split()[:4] == ["undated", "(no", "outlet)", str(undated)]
    assert f"{undated} of documents without a date, counted apart" in err
    assert "labels: the current stance" in err


def test_timeline_by_label(debate_dir, capsys):
    status, out, _ = run_cli(capsys, "timeline", "--by", "label", "--source", "human")
    assert status == 0
    assert out.splitlines()[0].split() == ["month", "from", "label", "statements", "share"]
    rows = [line.split() for line in out.splitlines()[1:]]
    counts, _, _ = direct(debate_dir, "month", "label", "human")
    april = {label: n for (p, g, label), n in counts.items() if p == "2024-04" and label}
    sovereignty = next(r for r in rows if r[0] == "2024-04" and r[2] == "Sovereignty")
    n = april["sovereignty-concern"]
    assert sovereignty[4:] == [str(n), f"{n / sum(april.values()):.0%}"]


def test_timeline_csv_is_the_direct_count(debate_dir, capsys):
    for every in ("week", "month"):
        for by in ("outlet", "speaker", "position", "label"):
            for source in ("any", "human"):
                status, out, _ = run_cli(
                    capsys,
                    "timeline",
                    "--every",
                    every,
                    "--by",
                    by,
                    "--source",
                    source,
                    "--top",
                    "0",
                    "--format",
                    "csv",
                )
                assert status == 0
                rows = rows_of(out)
                found: Counter = Counter()
                for row in rows:
                    group = row[f"{by}_id"] or None
                    period = None if row[every] == "undated" else row[every]
                    for label in ("pro-integration", "sovereignty-concern", "neutral"):
                        found[period, group, label] += int(row[label])
                    found[period, group, ""] += int(row["no_label"])
                    labelled = int(row["labelled"])
                    assert labelled + int(row["no_label"]) == int(row["statements"])
                    if by == "label":  # shares of the period's labelled statements
                        labelled = sum(
                            int(other["labelled"]) for other in rows if other[every] == row[every]
                        )
                    for label in ("pro-integration", "sovereignty-concern", "neutral"):
                        share = row[f"{label}_share"]
                        assert (
                            (share == "")
                            if not labelled
                            else (
                                float(share) == pytest.approx(int(row[label]) / labelled, abs=1e-4)
                            )
                        )
                counts, _, _ = direct(debate_dir, every, by, source)
                assert +found == counts  # zeros dropped: every period of every group is a row
                dated = [row for row in rows if row[every] != "undated"]
                groups = {row[f"{by}_id"] for row in dated}
                periods = {row[every] for row in dated}
                assert len(dated) == len(groups) * len(periods)
                assert len(rows) - len(dated) == len({g for p, g, _ in counts if p is None})


def test_timeline_json(debate_dir, capsys):
    status, out, _ = run_cli(
        capsys, "timeline", "--every", "week", "--by", "position", "--format", "json"
    )
    record = json.loads(out)
    assert status == 0
    assert record["undated"] == 1 and record["several_positions"] == 1
    assert record["statements"] == 20
    counts, _, _ = direct(debate_dir, "week", "position", "any")
    found = Counter()
    for point in record["points"]:
        for label, n in point["counts"].items():
            found[point["period"], point["group"], label] += n
    for point in record["undated_points"]:
        for label, n in point["counts"].items():
            found[None, point["group"], label] += n
    assert +found == counts
    assert [p["key"] for p in record["periods"]][:2] == ["2024-W10", "2024-W11"]  # W11: empty


def test_timeline_labels_and_top(debate_dir, capsys):
    status, out, _ = run_cli(capsys, "timeline", "--label", "sov,Neutral", "--format", "csv")
    header = next(csv.reader(io.StringIO(out)))
    assert status == 0
    assert header == [
        "month",
        "start",
        "end",
        "statements",
        "labelled",
        "sovereignty-concern",
        "sovereignty-concern_share",
        "neutral",
        "neutral_share",
        "no_label",
    ]
    status, _, err = run_cli(capsys, "timeline", "--label", "pro,nonsense")
    assert status == 2 and "'nonsense' is not a label" in err
    status, out, err = run_cli(capsys, "timeline", "--by", "speaker", "--top", "2")
    assert status == 0
    assert "3 more speakers with" in err and "--top 0 for all" in err
    assert {line.split()[2] for line in out.splitlines()[1:]} <= {"Kishida", "Tanaka", "-"}


def test_the_statements_filters_apply(debate_dir, capsys):
    """--speaker (none too), --document, --kind, --text and --position narrow the statements
    counted as they narrow argmap statements."""
    with Workspace(debate_dir / "argmap.sqlite") as workspace:
        rows = workspace.statements(limit=1000)
    for options in (
        ["--speaker", "Tanaka Hitoshi"],
        ["--speaker", "none"],
        ["--document", "times"],
        ["--text", "alliance"],
        ["--position", "sovereignty"],
        ["--position", "none", "--outlet", "post"],
    ):
        status, _, err = run_cli(capsys, "statements", *options, "--limit", "0")
        assert status == 0
        listed = int(err.split("(")[-1].split()[0])
        status, out, _ = run_cli(capsys, "timeline", *options, "--format", "json")
        assert status == 0 and json.loads(out)["statements"] == listed, options
        status, out, _ = run_cli(capsys, "sourcing", *options, "--format", "json")
        assert status == 0 and json.loads(out)["statements"] == listed, options
    tanaka = sum(r.speaker == "Tanaka Hitoshi" for r in rows)
    status, out, _ = run_cli(capsys, "timeline", "--speaker", "tanaka hitoshi", "--format", "json")
    assert tanaka and json.loads(out)["statements"] == tanaka
    status, _, err = run_cli(capsys, "timeline", "--position", "nothing like it")
    assert status != 0 and "no position like 'nothing like it'" in err


def test_the_rows_without_an_outlet_or_a_date_are_listed_by_none(debate_dir, capsys):
    """``--outlet none`` and ``--since none`` / ``--until none`` list the statements of the
    '(no outlet)' group and the 'undated' rows, as counted by the timeline and sourcing."""
    status, out, _ = run_cli(capsys, "timeline", "--by", "outlet", "--format", "json")
    record = json.loads(out)
    groups = {g["id"]: g for g in record["groups"]}
    status, out, _ = run_cli(capsys, "sourcing", "--format", "json", "--top", "0")
    outlets = {o["id"]: o["statements"] for o in json.loads(out)["outlets"]}

    def listed(*options: str) -> int:
        status, _, err = run_cli(capsys, "statements", *options, "--limit", "0")
        assert status == 0, err
        return int(err.split("(")[-1].split()[0])

    assert record["undated"] and listed("--since", "none") == record["undated"]
    assert listed("--until", "-") == record["undated"]
    none = groups[None]
    assert listed("--outlet", "none") == none["statements"] + none["undated"] == outlets[None]
    assert listed("--outlet", "-", "--since", "none") == none["undated"]
    for outlet, group in groups.items():
        if outlet and group["undated"]:
            assert listed("--outlet", f"={outlet}", "--until", "none") == group["undated"]
    status, out, _ = run_cli(capsys, "timeline", "--since", "none", "--format", "json")
    assert json.loads(out)["undated"] == json.loads(out)["statements"] == record["undated"]
    status, out, _ = run_cli(capsys, "documents", "--since", "none")
    with Workspace(debate_dir / "argmap.sqlite") as workspace:
        undated = sorted(d.name for d in workspace.documents() if not d.published)
    assert status == 0 and sorted(line.split("  ")[1] for line in out.splitlines()) == undated
    status, _, err = run_cli(capsys, "statements", "--since", "2024-04", "--until", "none")
    assert status == 1 and "a document without a date is on no day" in err


def test_timeline_filters(debate_dir, capsys):
    status, out, err = run_cli(
        capsys, "timeline", "--every", "week", "--outlet", "post", "--since", "2024-04"
    )
    assert status == 0
    rows = [line.split() for line in out.splitlines()[1:]]
    assert [row[0] for row in rows] == [f"2024-W{week}" for week in range(16, 29)]
    assert [row[0] for row in rows if row[2] != "0"] == ["2024-W16", "2024-W28"]
    assert "4 statements, all on a day" in err
    status, _, err = run_cli(capsys, "timeline", "--outlet", "nobody")
    assert status != 0 and "no outlet like 'nobody'" in err


def test_sourcing_table_and_csv_are_the_direct_count(debate_dir, capsys):
    status, out, err = run_cli(capsys, "sourcing", "--top", "1")
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split()[:4] == ["outlet", "speaker", "statements", "of"]
    # The Example Times: 8 statements, Kishida Fumio first of its most quoted (3, as Lloyd
    # Austin: ties by name), then the two others (5)
    assert lines[1].split()[:6] == ["The", "Example", "Times", "Kishida", "Fumio", "3"]
    assert lines[2].split()[3:8] == ["(2", "other", "speakers)", "5", "62%"]
    assert "pairs left out: --top 0 for all" in err
    assert "a text printed unchanged by several outlets is one document" in err
    for source in ("any", "human"):
        status, out, _ = run_cli(
            capsys, "sourcing", "--top", "0", "--source", source, "--format", "csv"
        )
        rows = rows_of(out)
        found: Counter = Counter()
        for row in rows:
            key = (row["outlet"] or None, row["speaker_id"] or None)
            for label in ("pro-integration", "sovereignty-concern", "neutral"):
                found[(*key, label)] += int(row[label])
            found[(*key, "")] += int(row["no_label"])
        with Workspace(debate_dir / "argmap.sqlite") as workspace:
            assert +found == direct_sourcing(workspace, source)
        assert all(row["speaker"] for row in rows)


def test_sourcing_top_keeps_the_statements_without_a_speaker_and_counts_the_others(
    debate_dir, capsys
):
    """As the timeline's ``--top``: an outlet's statements without a speaker are a row of their
    own however few, never one of its "other speakers" (which counts speakers only)."""
    from argmap.store import StatementFilter

    with Workspace(debate_dir / "argmap.sqlite") as workspace:
        izumi = workspace.find_speakers("Izumi Kenta")[0].id
        (first, *_) = workspace.statements(StatementFilter(speaker=izumi, outlet=("The Post",)))
        workspace.reattribute(first.id, None)  # The Post: 4 speakers, 1 statement of nobody
        post = Counter(
            row.speaker_id for row in workspace.statements(StatementFilter(outlet=("The Post",)))
        )
    status, out, _ = run_cli(capsys, "sourcing", "--top", "1", "--outlet", "=The Post")
    rows = [[cell.strip() for cell in row.split("  ") if cell.strip()] for row in out.splitlines()]
    named = {speaker: n for speaker, n in post.items() if speaker is not None}
    assert status == 0 and [row[1:3] for row in rows[1:]] == [
        ["Kishida Fumio", str(max(named.values()))],
        ["(no speaker)", str(post[None])],
        [f"({len(named) - 1} other speakers)", str(sum(named.values()) - max(named.values()))],
    ], out
    status, out, _ = run_cli(capsys, "sourcing", "--rows", "speaker", "--top", "1")
    speakers = [row.split("  ")[0] for row in out.splitlines()[1:]]
    assert speakers[0] == "Kishida Fumio" and speakers[-1] == "(no speaker)", out
    assert set(speakers) == {"Kishida Fumio", "(no speaker)"}, out


def test_sourcing_label_columns(debate_dir, capsys):
    status, out, _ = run_cli(capsys, "sourcing", "--label", "neutral", "--format", "csv")
    rows = rows_of(out)
    assert status == 0 and list(rows[0])[-2:] == ["neutral", "no_label"]
    assert sum(int(row["statements"]) for row in rows) == 20  # the statements are all counted


def test_sourcing_by_speaker_and_json(debate_dir, capsys):
    status, out, _ = run_cli(capsys, "sourcing", "--rows", "speaker", "--format", "json")
    record = json.loads(out)
    assert status == 0 and record["statements"] == 20
    kishida = next(s for s in record["speakers"] if s["name"] == "Kishida Fumio")
    assert kishida["statements"] == 5
    assert [(o["name"], o["statements"]) for o in kishida["outlets"]] == [
        ("The Example Times", 3),
        ("The Post", 2),
    ]
    assert sum(o["statements"] for s in record["speakers"] for o in s["outlets"]) == 20


# ---------------------------------------------------------------------- PolNeAR


@pytest.fixture(scope="module")
def polnear_dir(tmp_path_factory):
    dev, table = POLNEAR / "dev" / "text", POLNEAR / "metadata.tsv"
    if not (dev.is_dir() and table.is_file()):
        pytest.skip(f"PolNeAR dev or its metadata table is absent ({POLNEAR})")
    from argmap.cli import main

    folder = tmp_path_factory.mktemp("polnear")
    assert main(["init", str(folder), "--codebook", str(ELECTION_CODEBOOK)]) == 0
    assert (
        main(["add", str(dev), "--metadata", str(table), "-w", str(folder), "--progress", "none"])
        == 0
    )
    return folder


def test_polnear_weekly_by_outlet(polnear_dir, capsys):
    status, out, err = run_cli(
        capsys,
        "timeline",
        "--every",
        "week",
        "--by",
        "outlet",
        "--format",
        "csv",
        "-w",
        polnear_dir,
    )
    assert status == 0 and "all on a day (2016-W36 to 2016-W40)" in err
    rows = rows_of(out)
    assert len(rows) == 5 * 7  # five weeks, seven outlets
    found: Counter = Counter()
    for row in rows:
        for label in ("favours-trump", "favours-clinton", "neutral"):
            found[row["week"], row["outlet_id"], label] += int(row[label])
    counts, undated, _ = direct(polnear_dir, "week", "outlet", "any")
    assert undated == 0 and +found == counts


def test_polnear_sourcing(polnear_dir, capsys):
    status, out, _ = run_cli(capsys, "sourcing", "--format", "csv", "--top", "0", "-w", polnear_dir)
    rows = rows_of(out)
    assert status == 0
    with Workspace(polnear_dir / "argmap.sqlite") as workspace:
        assert sum(int(r["statements"]) for r in rows) == workspace.count_statements()
        direct_counts = direct_sourcing(workspace, "any")
    found = Counter()
    for row in rows:
        for label in ("favours-trump", "favours-clinton", "neutral"):
            found[row["outlet"], row["speaker_id"] or None, label] += int(row[label])
    assert +found == direct_counts
