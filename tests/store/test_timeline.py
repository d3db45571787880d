"""The timeline and sourcing counts (argmap.store.timeline, argmap.store.sourcing) against a
direct count: every statement of ``ws.statements()`` put in its week or month, group and label
by Python from its document's metadata and the map's claims and links, on the ``DEBATE``
fixture (three outlets, two zones, positions reached directly, through claims, several or
none, people's labels) and on PolNeAR dev with its metadata table when ../shared has it."""

from collections import Counter, defaultdict
from datetime import date

import pytest

from argmap.store import StatementFilter, Workspace
from argmap.store.sourcing import sourcing
from argmap.store.timeline import Period, period_of, periods_between, timeline
from tests.helpers import ELECTION_CODEBOOK, POLNEAR, debate_workspace

# ---------------------------------------------------------------------- the direct count


def all_statements(ws, filter=None):
    return ws.statements(filter, limit=10**9)


def published(ws) -> dict[str, str | None]:
    """Each document's publication date (or None), from the documents' rows."""
    return {d.id: d.published for d in ws.documents()}


def outlets(ws) -> dict[str, str | None]:
    return {d.id: d.outlet for d in ws.documents()}


def positions_of(ws) -> dict[str, set[str]]:
    """Each statement's positions, walked in Python: from the claims it is linked to (accepted
    supports/attacks) up the claim tree and along claims' accepted links, stopping at
    positions."""
    claims = {c.id: c for c in ws.claims()}
    accepted = ws.relations(status="accepted")
    onward: dict[str, set[str]] = defaultdict(set)
    for claim in claims.values():
        if claim.kind != "position" and claim.parent_id:
            onward[claim.id].add(claim.parent_id)
    for r in accepted:
        if r.source_type == "claim" and claims[r.source_id].kind != "position":
            onward[r.source_id].add(r.target_id)
    found: dict[str, set[str]] = defaultdict(set)
    for r in accepted:
        if r.source_type != "statement" or r.target_type != "claim":
            continue
        seen, todo = set(), [r.target_id]
        while todo:
            claim = todo.pop()
            if claim in seen:
                continue
            seen.add(claim)
            if claims[claim].kind == "position":
                found[r.source_id].add(claim)
            else:
                todo.extend(onward[claim])
    return found


def period_key(published_text: str, every: str) -> str:
    day = date.fromisoformat(published_text[:10])  # the day in the outlet's own zone
    if every == "month":
        return published_text[:7]
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def label_of(row, source: str) -> str:
    if source == "human":
        return row.label if row.label_source in ("human", "adjudicated") else ""
    return row.label or ""


def direct_timeline(ws, every, by, source, filter=None):
    """((period, group, label) -> n, undated count, statements counted under several
    positions), by Python over the statements; the undated ones under the period None."""
    dates, outlet_of = published(ws), outlets(ws)
    positions = positions_of(ws) if by == "position" else {}
    counts: Counter = Counter()
    undated = several = 0
    for row in all_statements(ws, filter):
        if by == "outlet":
            groups = [outlet_of[row.document]]
        elif by == "speaker":
            groups = [row.speaker_id]
        elif by == "position":
            groups = sorted(positions.get(row.id, ())) or [None]
            several += len(groups) > 1
        elif by == "label":
            groups = [label_of(row, source) or None]
        else:
            groups = [None]
        when = dates[row.document]
        undated += when is None
        for group in groups:
            period = period_key(when, every) if when is not None else None
            counts[period, group, label_of(row, source)] += 1
    return counts, undated, several


def store_counts(found) -> Counter:
    out: Counter = Counter()
    for period, group, counts in found.rows():
        for label, n in counts.items():
            out[period.key, group.id, label] += n
    for group in found.groups:
        for label, n in found.undated_counts(group.id).items():
            out[None, group.id, label] += n
    return out


def direct_share(counts: Counter, by, period, group, label) -> float | None:
    """A label's share of the labelled statements in a period and group (split by label: of
    the period's labelled statements), from the direct count."""
    cells = {
        (g, lab): n
        for (p, g, lab), n in counts.items()
        if p == period and lab and (by == "label" or g == group)
    }
    labelled = sum(cells.values())
    return cells.get((group, label), 0) / labelled if labelled else None


def check_timeline(ws, every, by, source, filter=None):
    found = timeline(ws, every=every, by=by, source=source, filter=filter)
    counts, undated, several = direct_timeline(ws, every, by, source, filter)
    assert store_counts(found) == counts
    assert found.undated == undated
    assert found.several == several
    assert found.statements == len(all_statements(ws, filter))
    # every period from the first to the last, with no gap and none outside
    keys = [p.key for p in found.periods]
    assert len(keys) == len(set(keys))
    used = {key for key, _, _ in counts if key is not None}
    if used:
        assert keys[0] == min(used) and keys[-1] == max(used)
        assert used <= set(keys)
    # the groups' totals: dated and undated statements of each
    for group in found.groups:
        mine = [(p, n) for (p, g, _), n in counts.items() if g == group.id]
        assert group.statements == sum(n for p, n in mine if p is not None)
        assert group.undated == sum(n for p, n in mine if p is None)
    # the shares, every label in every period of every group
    for period in keys:
        for group in found.groups:
            for label in found.labels:
                expected = direct_share(counts, by, period, group.id, label)
                assert found.share(period, group.id, label) == pytest.approx(expected)
    return found


def direct_sourcing(ws, source, filter=None) -> Counter:
    outlet_of = outlets(ws)
    return Counter(
        (outlet_of[row.document], row.speaker_id, label_of(row, source))
        for row in all_statements(ws, filter)
    )


def check_sourcing(ws, source, filter=None):
    found = sourcing(ws, source=source, filter=filter)
    counts: Counter = Counter()
    for cell in found.cells:
        for label, n in cell.counts.items():
            counts[cell.outlet, cell.speaker_id, label] += n
    assert counts == direct_sourcing(ws, source, filter)
    for outlet in found.outlets:
        assert outlet.statements == sum(c.statements for c in found.cells if c.outlet == outlet.id)
    for speaker in found.speakers:
        assert speaker.statements == sum(
            c.statements for c in found.cells if c.speaker_id == speaker.id
        )
    assert found.statements == len(all_statements(ws, filter))
    return found


# ---------------------------------------------------------------------- the fixture


def build_debate(target, articles):
    with debate_workspace(target, articles=articles) as workspace:
        return workspace.path


@pytest.fixture
def debate(built_once, new_target, tmp_path_factory):
    """The debate workspace (built once per backend, then only read), open."""
    articles = tmp_path_factory.getbasetemp() / "debate-articles"
    target = built_once("debate", lambda t: build_debate(t, articles), new_target)
    with Workspace(target) as workspace:
        yield workspace


@pytest.mark.parametrize("every", ["week", "month"])
@pytest.mark.parametrize("by", [None, "outlet", "speaker", "position", "label"])
@pytest.mark.parametrize("source", ["any", "human"])
def test_the_timeline_is_the_direct_count(debate, every, by, source):
    check_timeline(debate, every, by, source)


def test_the_fixture_holds_what_the_rules_are_about(debate):
    """Guards the fixture: if the extractor stopped finding a statement these would fail
    before the comparisons above lost what they compare."""
    by_position = timeline(debate, every="week", by="position")
    assert by_position.undated == 1  # notes.md
    assert by_position.several == 1  # "Command and control": both positions
    assert {g.name for g in by_position.groups} == {
        "Integration strengthens deterrence",
        "Integration erodes sovereignty",
        "(no position)",
    }
    # a time with its zone counts on the outlet's day: Monday 15 April in Tokyo (W16), though
    # it was still Sunday in UTC (W15)
    post = timeline(debate, every="week", by="outlet")
    assert post.counts("2024-W16", "The Post") and not post.counts("2024-W15", "The Post")
    # June has no article: an empty period between May and July
    months = timeline(debate, every="month")
    assert [p.key for p in months.periods] == [
        "2024-03",
        "2024-04",
        "2024-05",
        "2024-06",
        "2024-07",
    ]
    assert months.total("2024-06") == 0
    # a suggested link leads nowhere: "Nobody believes" (suggested to Japan loses control)
    (nobody,) = [r for r in all_statements(debate) if r.text.startswith("Nobody believes")]
    assert StatementFilter(position="").where()[0]
    assert nobody.id in {r.id for r in all_statements(debate, StatementFilter(position=""))}


def test_people_s_labels_only(debate):
    found = timeline(debate, every="month", source="human")
    people = sum(
        n for _, _, counts in found.rows() for label, n in counts.items() if label
    )  # "Deterrence begins" is undated: four labels and one adjudication on a day
    assert people == 5
    # April: "Tokyo is choosing" and "Nobody believes" (adjudicated) against "We stand"
    assert found.share("2024-04", None, "sovereignty-concern") == 2 / 3


@pytest.mark.parametrize(
    "fields",
    [
        {"outlet": "times"},
        {"since": "2024-04", "until": "2024-04-15"},
        {"outlet": "=The Post"},
    ],
)
def test_filters_narrow_both_counts_as_they_narrow_the_statements(debate, fields):
    filter = StatementFilter(**debate.metadata_filter(**fields))
    for by in (None, "outlet", "speaker", "position", "label"):
        check_timeline(debate, "week", by, "any", filter)
    check_sourcing(debate, "any", filter)
    check_sourcing(debate, "human", filter)


@pytest.mark.parametrize("source", ["any", "human"])
def test_sourcing_is_the_direct_count(debate, source):
    found = check_sourcing(debate, source)
    # the outlets: most statements first, documents without an outlet last
    assert found.outlets[-1].id is None
    assert [o.statements for o in found.outlets[:-1]] == sorted(
        (o.statements for o in found.outlets[:-1]), reverse=True
    )


def test_each_cell_s_statements_are_what_the_statements_filter_gives(debate):
    """What the views' enter opens: the period's days and the group, as a statements filter,
    give exactly the statements the timeline counted there."""
    found = timeline(debate, every="week", by="position")
    for period, group, counts in found.rows():
        filter = StatementFilter(since=period.start, until=period.end, position=group.id or "")
        assert debate.count_statements(filter) == sum(counts.values())
    by_speaker = timeline(debate, every="month", by="speaker")
    for period, group, counts in by_speaker.rows():
        filter = StatementFilter(since=period.start, until=period.end, speaker=group.id or "")
        assert debate.count_statements(filter) == sum(counts.values())


def test_split_by_label_is_one_series_per_label_in_the_codebook_s_order(debate):
    found = timeline(debate, every="month", by="label")
    assert [g.id for g in found.groups] == ["pro-integration", "sovereignty-concern", "neutral"]
    assert [g.name for g in found.groups] == ["Pro-integration", "Sovereignty concern", "Neutral"]
    for period in found.periods:  # the series' shares of a month add up to the whole
        shares = [found.share(period.key, g.id, g.id) for g in found.groups]
        if found.total(period.key, "pro-integration") or any(shares):
            assert sum(s or 0 for s in shares) == pytest.approx(1)
    people = timeline(debate, every="month", by="label", source="human")
    assert people.groups[-1].id is None and people.groups[-1].name == "(no label)"


def test_the_undated_statements_are_counted_apart_per_group_and_label(debate):
    found = timeline(debate, every="month", by="speaker")
    (austin,) = [g for g in found.groups if g.name == "Lloyd Austin"]
    assert austin.undated == 1 and sum(found.undated_counts(austin.id).values()) == 1
    assert all(not found.undated_counts(g.id) for g in found.groups if g is not austin)


def test_top_keeps_the_largest_groups_and_says_what_it_left_out(debate):
    found = timeline(debate, every="month", by="speaker", top=2)
    whole = timeline(debate, every="month", by="speaker")
    assert found.groups == whole.groups[:2]
    assert found.left_out == whole.groups[2:]
    assert all(group.id in {g.id for g in found.groups} for _, group, _ in found.rows())
    # the group of statements without an outlet is kept, however small
    outlets = timeline(debate, every="month", by="outlet", top=1)
    assert [g.name for g in outlets.groups] == ["The Example Times", "(no outlet)"]
    assert [g.name for g in outlets.left_out] == ["The Post", "nytimes.com"]
    assert outlets.undated_counts(None) and not outlets.undated_counts("The Post")


def test_unknown_choices_are_refused(debate):
    from argmap.store import EditError

    with pytest.raises(EditError, match="expected week, month"):
        timeline(debate, every="day")
    with pytest.raises(EditError, match="expected outlet, speaker, position"):
        timeline(debate, by="author")
    with pytest.raises(EditError, match="expected any, human"):
        sourcing(debate, source="model")


def test_a_workspace_without_dates_has_no_period(ws):
    found = timeline(ws, every="week", by="outlet")
    assert found.periods == () and list(found.rows()) == []
    assert found.undated == found.statements == len(all_statements(ws))
    assert [g.name for g in found.groups] == ["(no outlet)"]


# ---------------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("day", "week"),
    [
        ("2020-12-31", Period("2020-W53", "2020-12-28", "2021-01-03")),
        ("2021-01-03", Period("2020-W53", "2020-12-28", "2021-01-03")),
        ("2019-12-30", Period("2020-W01", "2019-12-30", "2020-01-05")),
        ("2016-09-12", Period("2016-W37", "2016-09-12", "2016-09-18")),
    ],
)
def test_iso_weeks_across_years(day, week):
    assert period_of(date.fromisoformat(day), "week") == week


def test_months_and_the_periods_between():
    assert period_of(date(2024, 2, 10), "month") == Period("2024-02", "2024-02-01", "2024-02-29")
    assert period_of(date(2023, 12, 31), "month") == Period("2023-12", "2023-12-01", "2023-12-31")
    keys = [p.key for p in periods_between(date(2023, 11, 5), date(2024, 2, 1), "month")]
    assert keys == ["2023-11", "2023-12", "2024-01", "2024-02"]
    weeks = periods_between(date(2020, 12, 20), date(2021, 1, 4), "week")
    assert [p.key for p in weeks] == ["2020-W51", "2020-W52", "2020-W53", "2021-W01"]


def test_the_database_s_weeks_are_python_s(debate):
    """The SQL that finds a day's Monday agrees with ``date.isocalendar`` over four years."""
    from argmap.store.timeline import PERIOD_START_SQL

    sql = PERIOD_START_SQL["week"].replace("substr(m.published, 1, 10)", "?")
    day = date(2019, 12, 1)
    while day < date(2024, 1, 31):
        (monday,) = debate.conn.execute(f"SELECT {sql}", (day.isoformat(),)).fetchone()
        assert period_of(date.fromisoformat(monday), "week") == period_of(day, "week")
        day = date.fromordinal(day.toordinal() + 1)


# ---------------------------------------------------------------------- PolNeAR


def build_polnear(target):
    """PolNeAR dev with its metadata table, some people's labels and a small map."""
    from argmap.codebook import load_codebook
    from argmap.io.reading import load_documents
    from argmap.io.sidecar import MetadataTable

    dev, table = POLNEAR / "dev" / "text", POLNEAR / "metadata.tsv"
    with Workspace.init(target, codebook=load_codebook(ELECTION_CODEBOOK)) as workspace:
        workspace.add_documents(load_documents([dev], metadata=MetadataTable.load([table])))
        # a few people's labels and a small map, so the human source and positions count
        rows = all_statements(workspace)
        labels = workspace.codebook.label_ids
        for i, row in enumerate(rows[::17]):
            workspace.set_stance(row.id, labels[i % len(labels)], annotator="alice")
        trump = workspace.add_claim("Trump should win", kind="position")
        clinton = workspace.add_claim("Clinton should win", kind="position")
        claim = workspace.add_claim("Trump is unfit", parent_id=clinton.id)
        for i, row in enumerate(rows[5::23]):
            workspace.link(row.id, (trump.id, clinton.id, claim.id)[i % 3], "supports")
        return workspace.path


@pytest.fixture
def polnear(built_once, new_target):
    """The PolNeAR workspace (built once per backend, then only read), open; skips when
    ../shared lacks PolNeAR dev or its metadata table."""
    if not ((POLNEAR / "dev" / "text").is_dir() and (POLNEAR / "metadata.tsv").is_file()):
        pytest.skip(f"PolNeAR dev or its metadata table is absent ({POLNEAR})")
    with Workspace(built_once("polnear", build_polnear, new_target)) as workspace:
        yield workspace


@pytest.mark.parametrize(
    ("every", "by", "source"),
    [
        ("week", "outlet", "any"),
        ("month", "outlet", "human"),
        ("week", "speaker", "any"),
        ("month", "position", "any"),
        ("week", None, "human"),
    ],
)
def test_polnear_timeline_is_the_direct_count(polnear, every, by, source):
    found = check_timeline(polnear, every, by, source)
    assert found.undated == 0  # the metadata table dates every dev article
    assert found.periods[0].start <= "2016-09-08" and found.periods[-1].end >= "2016-10-07"


@pytest.mark.parametrize("source", ["any", "human"])
def test_polnear_sourcing_is_the_direct_count(polnear, source):
    found = check_sourcing(polnear, source)
    assert {o.id for o in found.outlets} == {
        "breitbart",
        "huff-post",
        "nyt",
        "politico",
        "usa-today",
        "wash-post",
        "west-journal",
    }


def test_polnear_filtered(polnear):
    filter = StatementFilter(**polnear.metadata_filter(outlet="nyt", since="2016-09-20"))
    check_timeline(polnear, "week", "speaker", "any", filter)
    check_sourcing(polnear, "any", filter)
