"""Agreement figures against values computed by hand, undefined cases, the disagreements list,
the report; and agreement over the workspace equal to agreement over its packets."""

import json
from datetime import UTC

import pytest

from argmap.review.agreement import agreement
from argmap.review.disagreements import disagreements
from argmap.review.ratings import Rating, latest_ratings
from argmap.review.report import format_agreement
from tests.helpers import run_cli
from tests.review.helpers import REVIEWERS, assign_packets, fill_packets

LABELS = ["pro", "anti", "neutral"]


def _table(rows, document_of=None):
    """Ratings from (item, reviewer, label) rows."""
    document_of = document_of or {}
    return [
        Rating(item=i, reviewer=r, label=label, document=document_of.get(i)) for i, r, label in rows
    ]


# Two coders, four items, two documents.
#   item  doc  A     B
#   i1    d1   pro   pro
#   i2    d1   pro   anti
#   i3    d2   anti  anti
#   i4    d2   anti  anti
TWO_CODERS = _table(
    [
        ("i1", "A", "pro"),
        ("i1", "B", "pro"),
        ("i2", "A", "pro"),
        ("i2", "B", "anti"),
        ("i3", "A", "anti"),
        ("i3", "B", "anti"),
        ("i4", "A", "anti"),
        ("i4", "B", "anti"),
    ],
    {"i1": "d1", "i2": "d1", "i3": "d2", "i4": "d2"},
)


def test_two_coders_by_hand():
    report = agreement(TWO_CODERS, LABELS)
    # Cohen's kappa: p_o = 3/4; A gives pro 2/4, anti 2/4; B pro 1/4, anti 3/4;
    # p_e = 1/2 * 1/4 + 1/2 * 3/4 = 1/2; kappa = (3/4 - 1/2) / (1 - 1/2) = 0.5.
    (pair,) = report.pairs
    assert pair.reviewers == ("A", "B") and pair.shared_items == 4
    assert pair.kappa.value == pytest.approx(0.5)
    assert pair.percent_agreement.value == pytest.approx(0.75)
    # Alpha: coincidences o(pro,pro) = 2, o(pro,anti) = o(anti,pro) = 1, o(anti,anti) = 4;
    # n_pro = 3, n_anti = 5, n = 8; alpha = 1 - (n - 1) * 2 / (2 * n_pro * n_anti) = 1 - 14/30 =
    # 16/30.
    assert report.alpha.value == pytest.approx(16 / 30)
    assert report.alpha.items == 4
    # With two labels in use, pro-vs-rest and anti-vs-rest are the same binary table.
    assert report.alpha_per_label["pro"].value == pytest.approx(16 / 30)
    assert report.alpha_per_label["anti"].value == pytest.approx(16 / 30)
    assert report.alpha_per_label["neutral"].value is None
    assert report.alpha_per_label["neutral"].reason == "no paired item was labelled 'neutral'"
    # 3 of 4 pairs agree.
    assert report.percent_agreement.value == pytest.approx(0.75)
    # Document d1: o(pro,pro) = 2, o(pro,anti) = o(anti,pro) = 1; n_pro = 3, n_anti = 1, n = 4;
    # alpha = 1 - 3 * 2 / (2 * 3 * 1) = 0: a real zero. Document d2: only 'anti', so undefined.
    d1, d2 = report.documents
    assert (d1.document, d1.items, d1.paired_items) == ("d1", 2, 2)
    assert d1.alpha.value == pytest.approx(0.0) and d1.percent_agreement.value == pytest.approx(0.5)
    assert (
        d2.alpha.value is None and d2.alpha.reason == "every paired label is 'anti': no variation"
    )
    assert d2.percent_agreement.value == pytest.approx(1.0)
    # Confusion: rows A, columns B.
    assert pair.confusion == [[1, 1, 0], [0, 2, 0], [0, 0, 0]]
    assert report.confusion == [[1, 1, 0], [1, 2, 0], [0, 0, 0]]
    assert report.label_counts.model_dump() == {"one": 0, "two": 4, "three_or_more": 0}


# Three coders, five items, some missing.
#   item  A        B        C
#   u1    pro      pro      pro
#   u2    pro      anti     pro
#   u3    anti     anti     -
#   u4    neutral  -        anti
#   u5    -        neutral  -
THREE_CODERS = _table(
    [
        ("u1", "A", "pro"),
        ("u1", "B", "pro"),
        ("u1", "C", "pro"),
        ("u2", "A", "pro"),
        ("u2", "B", "anti"),
        ("u2", "C", "pro"),
        ("u3", "A", "anti"),
        ("u3", "B", "anti"),
        ("u4", "A", "neutral"),
        ("u4", "C", "anti"),
        ("u5", "B", "neutral"),
    ]
)


def test_three_coders_with_missing_labels_by_hand():
    report = agreement(THREE_CODERS, LABELS)
    assert report.label_counts.model_dump() == {"one": 1, "two": 2, "three_or_more": 2}
    assert (report.items, report.ratings, report.reviewers) == (5, 11, ["A", "B", "C"])
    # Coincidences (pairs in a unit / (m_u - 1)), u5 has one label and drops out:
    #   u1: o(p,p) += 6/2;  u2: o(p,p) += 2/2, o(p,a) += 2/2, o(a,p) += 2/2;
    #   u3: o(a,a) += 2;    u4: o(n,a) += 1, o(a,n) += 1.
    # n_p = 5, n_a = 4, n_n = 1, n = 10; observed off-diagonal = 4;
    # sum over c != k of n_c n_k = 100 - 25 - 16 - 1 = 58; alpha = 1 - 9 * 4 / 58 = 22/58.
    assert report.alpha.value == pytest.approx(22 / 58)
    assert report.alpha.items == 4
    # pro vs rest: n_yes = 5, n_no = 5, off-diagonal 2 (u2); alpha = 1 - 9 * 2 / 50 = 0.64.
    assert report.alpha_per_label["pro"].value == pytest.approx(0.64)
    # anti vs rest: n_yes = 4, n_no = 6, off-diagonal 2 (u2) + 2 (u4); alpha = 1 - 9 * 4 / 48 =
    # 0.25.
    assert report.alpha_per_label["anti"].value == pytest.approx(0.25)
    # neutral vs rest: n_yes = 1, n_no = 9, off-diagonal 2 (u4); alpha = 1 - 9 * 2 / 18 = 0.
    assert report.alpha_per_label["neutral"].value == pytest.approx(0.0)
    # Pairs of labels on the same item: u1 3 of 3 agree, u2 1 of 3, u3 1 of 1, u4 0 of 1: 5/8.
    assert report.percent_agreement.value == pytest.approx(5 / 8)
    kappas = {pair.reviewers: (pair.shared_items, pair.kappa.value) for pair in report.pairs}
    # A-B on u1-u3: p_o = 2/3; A pro 2 anti 1, B pro 1 anti 2: p_e = (2 + 2)/9; kappa = (2/9)/(5/9)
    # = 0.4.
    # A-C on u1, u2, u4: p_o = 2/3; A pro 2 neutral 1, C pro 2 anti 1: p_e = 4/9; kappa = 0.4.
    # B-C on u1, u2: p_o = 1/2; B pro 1 anti 1, C pro 2: p_e = 2/4; kappa = 0.
    assert kappas[("A", "B")] == (3, pytest.approx(0.4))
    assert kappas[("A", "C")] == (3, pytest.approx(0.4))
    assert kappas[("B", "C")] == (2, pytest.approx(0.0))
    # u1: 3 pro-pro; u2: pro-anti twice, pro-pro once; u3: anti-anti; u4: neutral-anti.
    assert report.confusion == [[4, 2, 0], [2, 1, 1], [0, 1, 0]]


def test_krippendorffs_published_nominal_example():
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
    # four observers, twelve units, values 1-5, nominal alpha = 0.743.
    rows = {
        "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    }
    table = [
        Rating(item=f"unit{unit}", reviewer=coder, label=f"v{value}")
        for coder, values in rows.items()
        for unit, value in enumerate(values, 1)
        if value is not None
    ]
    report = agreement(table)
    assert round(report.alpha.value, 3) == 0.743
    assert report.labels == ["v1", "v2", "v3", "v4", "v5"]


def test_undefined_cases_say_why_and_are_never_zero_or_one():
    only_pro = _table([("a", "A", "pro"), ("a", "B", "pro"), ("b", "A", "pro"), ("b", "B", "pro")])
    report = agreement(only_pro, LABELS)
    assert (
        report.alpha.value is None
        and report.alpha.reason == "every paired label is 'pro': no variation"
    )
    assert report.pairs[0].kappa.value is None
    assert report.pairs[0].kappa.reason == "both gave only 'pro': chance agreement is 1"
    assert report.percent_agreement.value == 1.0  # defined: every pair agrees
    assert report.alpha_per_label["pro"].reason == "every paired label is 'pro': no variation"

    single = _table([("a", "A", "pro"), ("b", "B", "anti"), ("c", "A", "neutral")])
    report = agreement(single, LABELS)
    for statistic in (report.alpha, report.percent_agreement, *report.alpha_per_label.values()):
        assert (
            statistic.value is None and statistic.reason == "no item has labels from two reviewers"
        )
    assert report.pairs[0].kappa.reason == "fewer than 2 shared items: no item labelled by both"
    assert report.label_counts.one == 3

    # one shared item, labelled differently: kappa would come out 0 and percent agreement 0, which
    # say nothing
    one_shared = _table(
        [("a", "A", "pro"), ("a", "B", "anti"), ("b", "A", "pro"), ("c", "B", "neutral")]
    )
    (pair,) = agreement(one_shared, LABELS).pairs
    assert pair.shared_items == 1 and pair.confusion == [[0, 1, 0], [0, 0, 0], [0, 0, 0]]
    for statistic in (pair.kappa, pair.percent_agreement):
        assert (statistic.value, statistic.reason, statistic.items) == (
            None,
            "fewer than 2 shared items",
            1,
        )

    empty = agreement([], LABELS)
    assert (
        empty.items == 0
        and empty.alpha.value is None
        and empty.pairs == []
        and empty.documents == []
    )


def test_kappa_when_each_reviewer_used_one_different_label_is_zero_not_undefined():
    # p_o = 0, p_e = 0: kappa = (0 - 0) / (1 - 0) = 0, a defined value.
    report = agreement(
        _table([("a", "A", "pro"), ("a", "B", "anti"), ("b", "A", "pro"), ("b", "B", "anti")]),
        LABELS,
    )
    assert report.pairs[0].kappa.value == pytest.approx(0.0)


def test_bad_tables_are_refused():
    with pytest.raises(ValueError, match="item a is labelled twice by A"):
        agreement(_table([("a", "A", "pro"), ("a", "A", "anti")]))
    with pytest.raises(ValueError, match="label 'maybe' is not one of pro, anti, neutral"):
        agreement(_table([("a", "A", "maybe")]), LABELS)


def test_latest_rating_wins():
    from datetime import datetime

    early, late = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 1, 2, tzinfo=UTC)
    ratings = [
        Rating(item="a", reviewer="A", label="anti", time=late),
        Rating(item="a", reviewer="A", label="pro", time=early),
        Rating(item="a", reviewer="B", label="pro", time=early),
    ]
    assert [(r.reviewer, r.label) for r in latest_ratings(ratings)] == [("A", "anti"), ("B", "pro")]


def test_disagreements_list_every_reviewer_with_label_and_note():
    table = [
        *THREE_CODERS,
        Rating(item="u6", reviewer="A", label="pro", note="strongly for", document="d9"),
        Rating(item="u6", reviewer="C", label="neutral", note="just reporting", document="d9"),
    ]
    queue = disagreements(table)
    assert [entry.item for entry in queue] == ["u2", "u4", "u6"]
    u2 = queue[0]
    assert [(a.reviewer, a.label) for a in u2.answers] == [
        ("A", "pro"),
        ("B", "anti"),
        ("C", "pro"),
    ]
    assert u2.labels == ["pro", "anti"]
    u6 = queue[2]
    assert u6.document == "d9"
    assert [(a.reviewer, a.label, a.note) for a in u6.answers] == [
        ("A", "pro", "strongly for"),
        ("C", "neutral", "just reporting"),
    ]


def test_report_formats():
    report = agreement(TWO_CODERS, LABELS)
    data = json.loads(format_agreement(report, "json"))
    assert data["alpha"]["value"] == pytest.approx(16 / 30)
    assert data["alpha_per_label"]["neutral"] == {
        "value": None,
        "reason": "no paired item was labelled 'neutral'",
        "items": 4,
    }
    table = format_agreement(report, "table")
    assert "Krippendorff's alpha (nominal)" in table and "0.533" in table
    assert "A & B" in table and "0.500" in table
    assert "undefined" in table and "every paired label is 'anti': no variation" in table


# ---------------------------------------------------------------------- over a workspace


def test_agreement_over_the_workspace_equals_agreement_over_the_packets(
    capsys, review_ws, tmp_path
):
    folder = tmp_path / "packets"
    assign_packets(capsys, review_ws, folder)
    labels = review_ws.codebook.label_ids
    fill_packets(
        folder,
        lambda reviewer, number, item: (
            labels[(number + REVIEWERS.index(reviewer)) % 2] if number % 3 else "neutral"
        ),
    )
    packets = sorted(folder.glob("*.json"))
    _, from_packets, _ = run_cli(
        capsys, "agreement", *packets, "--format", "json", "--disagreements"
    )
    assert run_cli(capsys, "collect", *packets, "-w", review_ws.path)[0] == 0
    status, from_workspace, err = run_cli(
        capsys, "agreement", "-w", review_ws.path, "--format", "json", "--disagreements"
    )
    assert (status, err) == (0, "")
    assert json.loads(from_workspace) == json.loads(from_packets)
    report = json.loads(from_workspace)
    assert (
        report["label_counts"]["two"] == review_ws.count_statements()
        and report["alpha"]["value"] is not None
    )


def test_agreement_on_a_workspace_without_annotations_is_undefined(capsys, review_ws):
    status, out, _ = run_cli(capsys, "agreement", "-w", review_ws.path, "--format", "json")
    report = json.loads(out)
    assert status == 0 and report["items"] == 0
    assert report["alpha"] == {
        "value": None,
        "reason": "no item has labels from two reviewers",
        "items": 0,
    }
