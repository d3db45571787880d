"""Stems come from the C Snowball stemmer (PyStemmer), equal to the pure-Python Snowball's."""

import re

import snowballstemmer
from snowballstemmer.english_stemmer import EnglishStemmer

from tests.helpers import SEED


def test_the_c_stemmer_is_used_and_stems_as_the_python_one_does():
    stemmer = snowballstemmer.stemmer("english")  # what argmap.stance.tokens stems with
    assert type(stemmer).__module__ == "Stemmer"  # PyStemmer's C build, 20x faster
    python = EnglishStemmer()
    words = set(re.findall(r"[a-z]+", SEED.read_text(encoding="utf-8").lower()))
    assert len(words) > 400
    assert {w: stemmer.stemWord(w) for w in words} == {w: python.stemWord(w) for w in words}
