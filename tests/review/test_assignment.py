"""Dealing items to reviewers: exact overlap, distinct reviewers, equal shares, nothing labelled
twice too often."""

import itertools
import random
from collections import Counter

import pytest

from argmap.review.assignment import Candidate, assign, order_items

NAMES = ["alice", "bob", "carol", "dan", "erin", "femi"]


def _check(result, items, reviewers, overlap, per_reviewer, labelled_by):
    """The properties every assignment must have."""
    counts = Counter(item for packet in result.packets.values() for item in packet)
    for reviewer, packet in result.packets.items():
        assert len(packet) == len(set(packet)), "an item twice in one packet"
        for item in packet:
            assert reviewer not in labelled_by.get(item, ()), (
                "handed back to someone who labelled it"
            )
        if per_reviewer is not None:
            assert len(packet) <= per_reviewer
    for item in items:
        needed = overlap - len(labelled_by.get(item, ()))
        if needed <= 0:
            assert item in result.already_labelled and counts[item] == 0
        elif item in result.not_handed_out:
            assert counts[item] == 0
        else:
            assert counts[item] == needed, "not exactly the overlap"
    # every item is accounted for exactly once
    handed = set(counts)
    assert handed.isdisjoint(result.already_labelled) and handed.isdisjoint(result.not_handed_out)
    assert handed | set(result.already_labelled) | set(result.not_handed_out) == set(items)
    # packets keep the hand-out order
    position = {item: index for index, item in enumerate(items)}
    for packet in result.packets.values():
        assert packet == sorted(packet, key=position.__getitem__)


def test_every_configuration_without_earlier_labels_gives_exact_overlap_and_equal_shares():
    configurations = 0
    for reviewers_count, overlap, items_count in itertools.product(
        range(1, 6), range(1, 5), (0, 1, 2, 5, 7, 12, 31)
    ):
        if overlap > reviewers_count:
            continue
        reviewers = NAMES[:reviewers_count]
        items = [f"s{i}" for i in range(items_count)]
        for per_reviewer in (None, 0, 1, 3, 10):
            result = assign(items, reviewers, overlap, per_reviewer)
            _check(result, items, reviewers, overlap, per_reviewer, {})
            sizes = [len(packet) for packet in result.packets.values()]
            assert max(sizes) - min(sizes) <= 1, (
                reviewers_count,
                overlap,
                items_count,
                per_reviewer,
                sizes,
            )
            if per_reviewer is None:
                assert not result.not_handed_out
                assert sum(sizes) == overlap * items_count
            else:
                # capacity is used: no further item could have fitted
                assert (
                    sum(sizes) > reviewers_count * per_reviewer - overlap
                    or not result.not_handed_out
                )
            configurations += 1
    assert configurations > 300


def test_random_earlier_labels_are_respected():
    rng = random.Random(7)
    for _ in range(300):
        reviewers = NAMES[: rng.randint(2, 6)]
        overlap = rng.randint(1, len(reviewers))
        items = [f"s{i}" for i in range(rng.randint(0, 40))]
        people = [*reviewers, "lead", "model-trainer"]
        labelled_by = {
            item: set(rng.sample(people, rng.randint(0, 3))) for item in items if rng.random() < 0.4
        }
        per_reviewer = rng.choice([None, rng.randint(0, 15)])
        result = assign(items, reviewers, overlap, per_reviewer, labelled_by)
        _check(result, items, reviewers, overlap, per_reviewer, labelled_by)


def test_pairs_rotate_so_every_two_reviewers_share_items():
    result = assign([f"s{i}" for i in range(12)], ["alice", "bob", "carol"], overlap=2)
    assert {reviewer: len(packet) for reviewer, packet in result.packets.items()} == {
        "alice": 8,
        "bob": 8,
        "carol": 8,
    }
    for first, second in itertools.combinations(result.packets, 2):
        assert len(set(result.packets[first]) & set(result.packets[second])) == 4


def test_already_labelled_items_are_skipped_and_partly_labelled_ones_topped_up():
    result = assign(
        ["a", "b", "c"],
        ["alice", "bob", "carol"],
        overlap=2,
        labelled_by={"a": {"lead", "bob"}, "b": {"alice"}},
    )
    assert result.already_labelled == ["a"]
    holders = {item: {r for r, packet in result.packets.items() if item in packet} for item in "bc"}
    assert len(holders["b"]) == 1 and "alice" not in holders["b"]
    assert len(holders["c"]) == 2


def test_label_counts_alone_work_too():
    result = assign(
        ["a", "b", "c"], ["alice", "bob", "carol"], overlap=2, labelled_by={"a": 2, "b": 1, "c": 0}
    )
    assert result.already_labelled == ["a"]
    assert sorted(len(packet) for packet in result.packets.values()) == [1, 1, 1]
    assert sum("b" in packet for packet in result.packets.values()) == 1


def test_per_reviewer_leaves_the_rest_for_later_in_order():
    items = [f"s{i}" for i in range(10)]
    result = assign(items, ["alice", "bob"], overlap=2, per_reviewer=3)
    assert result.packets == {"alice": ["s0", "s1", "s2"], "bob": ["s0", "s1", "s2"]}
    assert result.not_handed_out == items[3:]


@pytest.mark.parametrize(
    ("reviewers", "overlap", "message"),
    [
        (["alice"], 2, "overlap 2 needs at least 2 reviewers"),
        (["a", "a"], 1, "named twice"),
        ([], 1, "no reviewers"),
        (["a", "b"], 0, "at least 1"),
    ],
)
def test_impossible_requests_are_refused(reviewers, overlap, message):
    with pytest.raises(ValueError, match=message):
        assign(["s1"], reviewers, overlap)


def test_orders():
    candidates = [
        Candidate(statement_id="x", document="b.txt", position=5, uncertainty=0.1),
        Candidate(statement_id="y", document="a.txt", position=90, uncertainty=0.9),
        Candidate(statement_id="z", document="a.txt", position=10, uncertainty=0.5),
        Candidate(statement_id="w", document="b.txt", position=1, uncertainty=0.5),
    ]
    assert order_items(candidates, "uncertainty") == ["y", "z", "w", "x"]
    assert order_items(candidates, "document") == ["z", "y", "w", "x"]
    shuffled = order_items(candidates, "random", seed=3)
    assert sorted(shuffled) == ["w", "x", "y", "z"]
    assert (
        order_items(list(reversed(candidates)), "random", seed=3) == shuffled
    )  # same seed, same order
    many = [Candidate(statement_id=f"s{i:03}") for i in range(200)]
    assert order_items(many, "random", seed=1) != order_items(many, "random", seed=2)
    with pytest.raises(ValueError, match="unknown order"):
        order_items(candidates, "alphabetical")
