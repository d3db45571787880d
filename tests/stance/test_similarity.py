"""The codebook model's reference similarities equal scikit-learn's TF-IDF cosines."""

import json

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from argmap.codebook import load_codebook
from argmap.stance.similarity import ReferenceSimilarity, char_wb_grams, words
from argmap.stance.tokens import analyse
from tests.helpers import ELECTION_CODEBOOK, FIXTURES, SEED_CODEBOOK, SEED_GOLD


def _references(path):
    """A codebook's reference texts: each label's description and examples."""
    codebook = load_codebook(path)
    texts = []
    for label in codebook.labels:
        if label.description.strip():
            texts.append(" ".join(label.description.split()))
        texts.extend(label.examples)
    return texts


def _statements():
    """Statements of the seed's gold and the held-out stance set, and two edge cases: a text
    with no word the references have, and an empty one."""
    texts = []
    for path in (SEED_GOLD, FIXTURES / "japan-us-heldout.stance.jsonl"):
        texts += [json.loads(line)["text"] for line in path.read_text().splitlines() if line]
    return [*texts, "zzzz qqqq", ""]


def _stems(text):
    return " ".join(token.stem for token in analyse(text) if token.is_word)


@pytest.mark.parametrize("codebook", [SEED_CODEBOOK, ELECTION_CODEBOOK], ids=["seed", "election"])
@pytest.mark.parametrize("analyser", ["words", "chars"])
def test_similarities_equal_scikit_learns(codebook, analyser):
    references, statements = _references(codebook), _statements()
    if analyser == "words":
        references = [_stems(text) for text in references]
        statements = [_stems(text) for text in statements]
        ours = ReferenceSimilarity(references, words)
        theirs = TfidfVectorizer(analyzer=str.split, sublinear_tf=True)
    else:
        ours = ReferenceSimilarity(references, char_wb_grams)
        theirs = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=True
        )
    fitted = theirs.fit_transform(references)
    expected = (theirs.transform(statements) @ fitted.T).toarray()
    found = ours.similarities(statements)
    assert found.shape == (len(statements), len(references))
    assert np.allclose(found, expected, rtol=0, atol=1e-12)
    assert found[:-2].any(axis=1).mean() > 0.9  # most statements are like some reference
    assert not found[-2:].any()


def test_short_words_give_one_gram_each_as_scikit_learn_does():
    analyse_chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).build_analyzer()
    for text in ("I", "a US ally", "Japan's  SDF\tand the U.S.", "é ü"):
        assert char_wb_grams(text) == analyse_chars(text)


@pytest.mark.parametrize("codebook", [SEED_CODEBOOK, ELECTION_CODEBOOK], ids=["seed", "election"])
def test_the_product_is_scipys_bit_for_bit(codebook):
    """The cosines are summed term by term in each row's order, as scipy's CSR product sums
    them, so the suggestions built on them are the same to the last bit."""
    from scipy.sparse import csr_matrix

    ours = ReferenceSimilarity(_references(codebook), char_wb_grams)
    statements = _statements()
    at, counts, ends = ours._features(statements)
    weights = (np.log(counts) + 1) * ours._idf[at]
    rows = np.repeat(np.arange(len(ends) - 1), np.diff(ends))
    weights /= np.sqrt(np.bincount(rows, weights=weights * weights))[rows]
    sparse = csr_matrix((weights, at, ends), shape=(len(statements), len(ours._index)))
    expected = np.asarray(sparse @ ours._references.T)
    assert ours.similarities(statements).tobytes() == expected.tobytes()
