"""'compared with/to' is a preposition, not a cue of saying, and an adverb after a plural
subject ('Polls there show') leaves the subject's verb a cue; each on a PolNeAR sentence that
needs the rule."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import core, extract, only


@pytest.mark.parametrize(
    ("text", "mention", "cue", "content"),
    [
        (
            # politico_2016-10-04_trump-not-walking-the-walk-on-hi.txt (PolNeAR train)
            "The top 1 percent would see an average tax cut of $275,000, the group said, "
            "compared with $2,700 for those in the middle of the income spectrum.",
            "the group",
            "said",
            "The top 1 percent would see an average tax cut of $275,000",
        ),
        (
            # huff-post_2016-04-27_hillary-clinton-wins-delaware-s-.txt (PolNeAR train)
            "Clinton had captured 1,944 delegates heading into Tuesday’s primaries, a number that "
            "includes superdelegates, compared to Sanders’ 1,192.",
            None,
            None,
            None,
        ),
    ],
)
def test_compared_after_a_number_is_a_preposition(text, mention, cue, content):
    statements = extract(text)
    assert all(s.cue != "compared" for s in statements), statements
    if mention is None:
        assert statements == []
    else:
        s = only(statements)
        assert (s.speaker_mention, s.cue) == (mention, cue)
        assert core(s.text).startswith(content)


def test_an_adverb_after_a_plural_subject_leaves_its_verb_a_cue():
    # politico_2016-04-04_anti-trump-super-pac-does-wiscon.txt (PolNeAR train)
    text = "Polls there show Trump is trailing Ted Cruz just ahead of Tuesday's vote."
    s = only(extract(text))
    assert (s.speaker_mention, s.cue) == ("Polls", "show")
    assert core(s.text) == "Trump is trailing Ted Cruz just ahead of Tuesday's vote"
