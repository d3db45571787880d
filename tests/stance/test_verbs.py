"""Stance verbs toward a codebook's targets: "oppose X" bears against X, "endorse X" for X."""

import pytest

from argmap.stance.tokens import analyse
from argmap.stance.verbs import stance_verbs


@pytest.mark.parametrize(
    "text, label",
    [
        ("We oppose integration.", "sovereignty-concern"),
        ("Critics oppose the joint command.", "sovereignty-concern"),
        ("Opposition lawmakers rejected the joint headquarters outright.", "sovereignty-concern"),
        ("The Communist Party is firmly against the alliance.", "sovereignty-concern"),
        ("Several governors objected to deeper integration at the meeting.", "sovereignty-concern"),
        ("The ministers do not support integration.", "sovereignty-concern"),
        ("Business leaders backed closer cooperation with Washington.", "pro-integration"),
        ("The government welcomed the joint command as overdue.", "pro-integration"),
        ("Our party does not oppose the alliance.", "pro-integration"),
    ],
)
def test_stance_verbs_in_the_japan_debate(japan_model, text, label):
    suggestion = japan_model.suggest(text)
    assert suggestion.label == label, suggestion.explanation


@pytest.mark.parametrize(
    "text, label",
    [
        ("Sanders said he would never endorse Trump.", "favours-clinton"),
        ("Republicans rallied behind Trump after the convention.", "favours-trump"),
        ("Many Republican donors oppose Trump.", "favours-clinton"),
        ("Warren condemned Trump's remarks about the judge.", "favours-clinton"),
        ("Ryan endorsed Clinton in a surprise statement.", "favours-clinton"),
        ("The union leader said his members would not support Clinton.", "favours-trump"),
        ("Evangelical leaders embraced Trump at the meeting.", "favours-trump"),
    ],
)
def test_stance_verbs_in_the_election(election_model, text, label):
    suggestion = election_model.suggest(text)
    assert suggestion.label == label, suggestion.explanation


def test_the_verb_is_named_in_the_evidence(japan_model, election_model):
    assert (
        "'oppose' against 'integration'" in japan_model.suggest("We oppose integration.").evidence
    )
    assert (
        "'endorse' against 'Trump'"
        in election_model.suggest("Sanders said he would never endorse Trump.").evidence
    )


def _hits(text, target):
    tokens = analyse(text)
    words = [i for i, token in enumerate(tokens) if token.text == target]
    return [(hit.sign, hit.strength) for hit in stance_verbs(tokens, [(i, i) for i in words])]


def test_what_a_verb_governs():
    assert _hits("Voters support Trump.", "Trump") == [(1, 1.0)]
    assert _hits("Voters do not support Trump.", "Trump") == [
        (-1, 0.75)
    ]  # not supporting is weaker than opposing
    assert _hits("Voters oppose Trump.", "Trump") == [(-1, 1.0)]
    assert _hits("Voters do not oppose Trump.", "Trump") == [(1, 0.75)]
    assert _hits("Trump was supported by donors.", "donors") == []  # passive: 'by' is no object
    assert _hits("A vote for Kasich helps Trump.", "Trump") == []  # another name is the object
    assert _hits("Endorsements prove Trump is strong.", "Trump") == []  # a noun, not the verb
    assert _hits("Critics say Trump lies.", "Trump") == []  # 'critics' is no 'criticise'
    assert _hits("He came back to Trump.", "Trump") == []
    assert _hits("Voters support the idea, but Trump does not.", "Trump") == []  # another clause
