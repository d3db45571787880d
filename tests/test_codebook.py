"""Codebooks: the two debates' codebooks load; every kind of bad file gets one line naming the
file and the place."""

import pytest

from argmap.codebook import CodebookError, load_codebook, parse_codebook
from tests.helpers import ELECTION_CODEBOOK, SEED, SEED_CODEBOOK

HEADER = '[debate]\nid = "x"\nissue = "Should it?"\n'
LABEL_A = '[[label]]\nid = "a"\nname = "A"\n'


def _error(text: str) -> str:
    with pytest.raises(CodebookError) as caught:
        parse_codebook(text, "debate.toml")
    message = str(caught.value)
    assert message.startswith("debate.toml: ") and "\n" not in message
    return message


def test_the_seed_codebook_has_the_gold_labels():
    codebook = load_codebook(SEED_CODEBOOK)
    assert codebook.label_ids == ("pro-integration", "sovereignty-concern", "neutral")
    assert codebook.neutral == "neutral"
    assert codebook.issue.endswith("?")
    for label in codebook.labels:
        assert label.description and label.examples and label.cues and label.colour.startswith("#")


def test_the_seed_codebook_copies_no_sentence_of_the_seed_article():
    article = " ".join(SEED.read_text(encoding="utf-8").lower().split())
    codebook = load_codebook(SEED_CODEBOOK)
    for label in codebook.labels:
        for example in label.examples:
            words = example.lower().rstrip(".").split()
            # no run of six words of an example appears in the article
            runs = {" ".join(words[i : i + 6]) for i in range(max(1, len(words) - 5))}
            assert not any(run in article for run in runs), example


def test_election_codebook_loads_with_three_labels_and_neutral():
    codebook = load_codebook(ELECTION_CODEBOOK)
    assert codebook.label_ids == ("favours-trump", "favours-clinton", "neutral")
    assert codebook.neutral == "neutral"
    assert all(label.description and label.examples for label in codebook.labels)


def test_any_number_of_labels_and_no_neutral():
    codebook = parse_codebook(HEADER + LABEL_A)
    assert codebook.label_ids == ("a",) and codebook.neutral is None


def test_wrong_toml_names_the_line():
    assert "not valid TOML" in _error("[debate\nid = 1") and "line 1" in _error("[debate\nid = 1")


def test_empty_codebook():
    assert "the codebook is empty" in _error("")
    assert "no [[label]] entries" in _error(HEADER)


def test_missing_field_is_named():
    assert _error('[debate]\nid = "x"\n' + LABEL_A).endswith(
        "[debate] field 'issue': required field is missing"
    )
    assert _error(HEADER + '[[label]]\nid = "a"\n').endswith(
        "line 4: [[label]] #1 (a), field 'name': required field is missing"
    )


def test_duplicate_ids_point_at_the_second():
    message = _error(HEADER + LABEL_A + LABEL_A.replace('"A"', '"B"'))
    assert message == "debate.toml: line 8: label id 'a' is used twice"


def test_bad_colour_names_its_line_and_label():
    message = _error(HEADER + LABEL_A + '[[label]]\nid = "b"\nname = "B"\ncolour = "red"\n')
    assert (
        message == "debate.toml: line 10: [[label]] #2 (b), field 'colour': "
        "expected a colour as '#rrggbb' or '#rgb'"
    )


def test_unknown_fields_are_refused():
    assert _error(HEADER + LABEL_A + 'cue = ["x"]\n').endswith(
        "line 7: [[label]] #1 (a), field 'cue': unknown field"
    )
    assert _error(HEADER + 'isue = "y"\n' + LABEL_A).endswith(
        "line 4: [debate] field 'isue': unknown field"
    )
    assert "unknown top-level key 'labels'" in _error(HEADER + '[[labels]]\nid = "a"\n')


def test_wrong_types_and_values():
    assert _error(HEADER + LABEL_A + 'cues = "abc"\n').endswith(
        "field 'cues': expected a list of strings"
    )
    assert _error(HEADER + LABEL_A + 'cues = ["ok", "  "]\n').endswith(
        "field 'cues': expected non-empty strings"
    )
    assert "field 'id': expected lower-case letters" in _error(
        HEADER + '[[label]]\nid = "Pro Side"\nname = "A"\n'
    )
    assert _error(HEADER + 'neutral = "n"\n' + LABEL_A).endswith(
        "line 4: [debate] field 'neutral': neutral label 'n' is not one of the labels (a)"
    )


def test_unreadable_file_is_named(tmp_path):
    with pytest.raises(CodebookError, match=r"missing\.toml: cannot read the codebook"):
        load_codebook(tmp_path / "missing.toml")


def test_a_short_colour_is_read_as_the_full_one():
    codebook = parse_codebook(HEADER + LABEL_A + 'colour = "#F0a"\n', "debate.toml")
    assert codebook.labels[0].colour == "#ff00aa"


def test_a_codebook_warns_of_labels_sharing_a_name_and_of_labels_past_nine():
    from argmap.codebook import parse_codebook

    text = '[debate]\nid = "d"\nissue = "Q?"\n' + "".join(
        f'\n[[label]]\nid = "l{n}"\nname = "{"Against" if n in (2, 5) else f"Side {n}"}"\n'
        f'description = "Side {n}."\n'
        for n in range(1, 12)
    )
    warnings = parse_codebook(text).warnings()
    assert warnings[0].startswith("labels l2, l5 share the name 'Against'")
    assert warnings[1].startswith("11 labels: keys 1-9 set the first 9; the others are set with t")
    seed = parse_codebook(
        text.split("\n[[label]]")[0]
        + "".join(
            f'\n[[label]]\nid = "x{n}"\nname = "Side {n}"\ndescription = "Side {n}."\n'
            for n in range(3)
        )
    )
    assert seed.warnings() == []
