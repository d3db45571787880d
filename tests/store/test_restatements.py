"""Restatements: the same quote in several documents found through shared word 4-grams."""

from argmap.store.restatements import MAX_BLOCK, RestatementIndex, _shingles, find_restatements

QUOTE = "We will not raise taxes on working families while I am the governor of this state"
AGAIN = "we will not raise taxes on working families, while I am governor of this state"


def test_shingles_are_the_hashes_of_each_run_of_four_words():
    words = "we will not raise taxes on them".split()
    assert _shingles(words) == {hash(tuple(words[i : i + 4])) for i in range(4)}
    assert _shingles(words[:3]) == set()


def test_a_quote_in_another_document_is_found_not_in_its_own():
    found = find_restatements(
        [("n1", "doc-b", AGAIN), ("n2", "doc-a", AGAIN)],
        [("s1", "doc-a", QUOTE), ("s2", "doc-c", "The weather was mild for the time of year")],
    )
    # n2 is in s1's document: it restates n1 only
    assert [(a, b) for a, b, _ in found] == [("n1", "s1"), ("n2", "n1")]
    assert 0.85 <= found[0][2] < 1.0 and found[1][2] == 1.0


def test_each_matched_item_is_indexed_for_the_next():
    index = RestatementIndex()
    assert index.match([("n1", "doc-a", QUOTE)]) == []
    assert [pair[:2] for pair in index.match([("n2", "doc-b", AGAIN)])] == [("n2", "n1")]
    # within one call, an item is compared with those before it
    both = index.match([("n3", "doc-c", QUOTE), ("n4", "doc-d", QUOTE)])
    assert [(a, b) for a, b, _ in both] == [
        ("n3", "n1"),
        ("n3", "n2"),
        ("n4", "n1"),  # the closest first (ties by id): n1 and n3 say it word for word
        ("n4", "n3"),
        ("n4", "n2"),
    ]


def test_boilerplate_shared_by_too_many_statements_finds_no_candidates():
    boiler = "this story has been updated with additional reporting"
    many = [(f"s{n}", f"doc{n}", f"{boiler} number {n}") for n in range(MAX_BLOCK + 2)]
    index = RestatementIndex()
    index.add(many)
    # every run of four words of it is in more than MAX_BLOCK statements: nothing offered
    assert index.match([("new", "doc-new", boiler)]) == []
    # with fewer of them, the same text is offered
    few = RestatementIndex()
    few.add(many[:3])
    assert len(few.match([("new", "doc-new", boiler)])) == 3


def test_a_discarded_document_is_never_offered():
    index = RestatementIndex()
    index.add([("s1", "old-version", QUOTE)])
    index.discard_document("old-version")
    assert index.match([("n1", "doc-b", AGAIN)]) == []
