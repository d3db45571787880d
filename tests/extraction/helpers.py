"""Helpers for the extractor tests: extract with the offset invariants checked, and ways to
pick statements and compare their text."""

from __future__ import annotations

import re

from argmap.extraction import extract_statements
from argmap.models import Document, Statement, StatementKind

DIRECT, MIXED, INDIRECT = StatementKind.DIRECT, StatementKind.MIXED, StatementKind.INDIRECT


_EDGE = " \t\n\u00a0,.;:!?\"'“”‘’«»„"


def check_invariants(doc: Document, statements: list[Statement]) -> None:
    """Offsets that a UI can highlight with: every span's text is the text at its offsets."""
    text = doc.text
    for s in statements:
        assert 0 <= s.start <= s.end <= len(text), s
        assert text[s.start : s.end] == s.text, s
        assert s.text.strip(), f"empty statement: {s}"
        assert s.document == doc.id and s.doc_name == doc.name
        for lo, hi in s.parts:
            assert s.start <= lo < hi <= s.end, f"part {lo}-{hi} outside {s.start}-{s.end}"
        if s.speaker_mention is None:
            assert s.speaker_start is None and s.speaker_end is None, s
        else:
            assert s.speaker_start is not None and s.speaker_end is not None, s
            assert text[s.speaker_start : s.speaker_end] == s.speaker_mention, s
            assert s.speaker_mention == s.speaker_mention.strip(), f"mention {s.speaker_mention!r}"
        if s.cue_start is not None:
            assert text[s.cue_start : s.cue_end] == s.cue, s
            assert s.cue == s.cue.strip(), f"cue {s.cue!r} has white space at its edges"


def extract(text: str, name: str = "sample.txt") -> list[Statement]:
    doc = Document.from_text(name, text)
    statements = extract_statements(doc)
    check_invariants(doc, statements)
    return statements


def core(text: str) -> str:
    """Text without edge punctuation, quotation marks or white space; inner white space single."""
    return " ".join(text.strip(_EDGE).split())


def only(statements: list[Statement]) -> Statement:
    assert len(statements) == 1, [(s.text, s.cue, s.speaker_mention) for s in statements]
    return statements[0]


def containing(statements: list[Statement], words: str) -> Statement:
    """The one statement whose text holds ``words``."""
    hits = [s for s in statements if words in s.text]
    assert len(hits) == 1, (words, [(s.text, s.cue, s.speaker_mention) for s in statements])
    return hits[0]


def covering(statements: list[Statement], text: str, words: str) -> list[Statement]:
    """Statements overlapping at least half of the first occurrence of ``words`` in ``text``."""
    lo = text.index(words)
    hi = lo + len(words)
    out = []
    for s in statements:
        spans = s.parts or [(s.start, s.end)]
        shared = sum(max(0, min(hi, e) - max(lo, b)) for b, e in spans)
        if shared * 2 >= hi - lo:
            out.append(s)
    return out


def in_span(statements: list[Statement], lo: int, hi: int) -> list[Statement]:
    """Statements that share a character with ``lo``-``hi``."""
    return [s for s in statements if min(s.end, hi) > max(s.start, lo)]


def parts_text(s: Statement, doc_text: str) -> list[str]:
    return [core(doc_text[lo:hi]) for lo, hi in s.parts]


def name(speaker: str | None) -> str | None:
    """The resolved speaker with white space normalised and a leading "the" dropped."""
    if speaker is None:
        return None
    return re.sub(r"^the\s+", "", " ".join(speaker.split()), flags=re.IGNORECASE)
