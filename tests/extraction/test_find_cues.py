"""``lexicon.find_cues`` finds what ``CUE_RE.finditer`` finds, only cheaper."""

from pathlib import Path

from argmap.extraction import lexicon as lx
from argmap.extraction.layout import find_quotes, mask_quotes, sentence_units
from argmap.spans import paragraphs

SEED = Path(__file__).resolve().parents[2] / "seeds" / "japan-us-integration.txt"


def _spans(matches):
    return [(m.start(1), m.end(1), m.group(2), m.end()) for m in matches]


def _same(text, lo, hi):
    assert _spans(lx.find_cues(text, lo, hi)) == _spans(lx.CUE_RE.finditer(text, lo, hi)), text[
        lo:hi
    ]


def test_find_cues_agrees_with_the_cue_pattern_on_every_unit_and_window_of_the_seed():
    text = SEED.read_text()
    windows = 0
    for p_start, p_end in paragraphs(text):
        par = text[p_start:p_end]
        masked = mask_quotes(par, find_quotes(par))
        for lo, hi in sentence_units(par, find_quotes(par)):
            _same(masked, lo, hi)
            # windows opening and closing anywhere, mid-word too
            for shift in range(min(12, hi - lo)):
                _same(masked, lo + shift, hi)
                _same(masked, lo, hi - shift)
                windows += 2
    assert windows > 1000


def test_find_cues_at_the_edges_of_a_window():
    for text, lo, hi in [
        ("said Smith", 0, 10),  # a cue at the window's start
        ("He resaid it", 4, 12),  # a window opening inside a word: 'said' starts it
        ("He said", 0, 7),  # a cue at the window's end
        ("they call for calm and said so", 0, 30),  # a particle, then another cue
        ("said, said; said", 0, 16),  # cues one after another
        ("it was _said_ twice", 0, 19),  # '_' is a word character
        ("pointed out, noted", 0, 18),
        ("", 0, 0),
    ]:
        _same(text, lo, hi)
