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


def test_stem_set_holds_every_stem_tokenize_gives():
    from argmap.stance.tokens import stem_set, tokenize

    texts = [*SEED.read_text(encoding="utf-8").split("\n\n"), "the United States and U.S.A."]
    for text in texts:
        assert {token.stem for token in tokenize(text) if token.is_word} <= stem_set(text)
    assert "usa" in stem_set("talks with the United States")


def test_contexts_without_a_cue_are_skipped_with_the_same_evidence(monkeypatch):
    """Contexts holding no cue's every stem are not read; reading them all gives the same."""
    import json

    from argmap.codebook import load_codebook
    from argmap.stance.codebook_model import CodebookModel
    from tests.helpers import ELECTION_CODEBOOK, SEED_CODEBOOK, SEED_GOLD

    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    texts = [json.loads(line)["text"] for line in SEED_GOLD.read_text().splitlines() if line]
    contexts = [next((p for p in paragraphs if t in p), paragraphs[0]) for t in texts]
    for path in (SEED_CODEBOOK, ELECTION_CODEBOOK):
        model = CodebookModel(load_codebook(path))
        read = [model._may_have_cues(c) for c in contexts]
        found = model.suggest_many(texts, contexts)
        with monkeypatch.context() as patch:
            patch.setattr(CodebookModel, "_may_have_cues", lambda self, text: True)
            assert model.suggest_many(texts, contexts) == found
        if path == ELECTION_CODEBOOK:
            assert not all(read)  # some contexts were left unread
