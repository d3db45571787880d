"""Paragraphs and the paragraph around a statement, on the seed's text and on odd layouts."""

import doctest

import argmap.spans
from argmap.extraction import extract_statements
from argmap.io.reading import read_document
from argmap.spans import MAX_PARAGRAPH, paragraph_around, paragraphs
from tests.helpers import SEED


def test_examples_in_the_docstrings_hold():
    assert doctest.testmod(argmap.spans).failed == 0


def test_every_seed_statement_lies_inside_its_paragraph_which_holds_no_line_break():
    document = read_document(SEED)
    statements = extract_statements(document)
    assert statements
    for statement in statements:
        lo, hi = paragraph_around(document.text, statement.start, statement.end)
        assert lo <= statement.start <= statement.end <= hi
        context = document.text[lo:hi]
        assert context == context.strip()
        if "\n" not in document.text[statement.start : statement.end]:
            assert "\n" not in context and (lo, hi) in set(paragraphs(document.text))


def test_a_quote_over_two_paragraphs_gets_both_and_nothing_more():
    text = "Intro line.\n\n“First part.\n\nSecond part,” she said.\n\nAfter."
    start, end = text.index("“"), text.index(" she")
    lo, hi = paragraph_around(text, start, end)
    assert text[lo:hi] == "“First part.\n\nSecond part,” she said."


def test_indentation_and_trailing_space_are_not_context():
    text = "   Tanaka warned that Japan may become too subservient.   \nNext."
    start = text.index("Japan")
    context = text[slice(*paragraph_around(text, start, start + 5))]
    assert context == "Tanaka warned that Japan may become too subservient."


def test_a_line_longer_than_the_limit_gives_a_bounded_context():
    sentence = "Tanaka said the alliance was strong. "
    text = sentence * (3 * MAX_PARAGRAPH // len(sentence))
    start = len(text) // 2
    lo, hi = paragraph_around(text, start, start + 10)
    assert hi - lo <= MAX_PARAGRAPH and lo <= start < start + 10 <= hi
    assert all(b - a <= MAX_PARAGRAPH for a, b in paragraphs(text))


def test_a_span_on_blank_text_is_its_own_context():
    assert paragraph_around("a\n\n\nb", 2, 3) == (2, 3)
