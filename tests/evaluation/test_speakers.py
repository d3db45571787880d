"""Scoring the speaker list (``argmap.evaluation.speakers``): the gold format, B-cubed on
clusterings worked out by hand, fragments, splits, merges and pronouns, the seed end to end,
and the speaker gold sets built from PolNeAR."""

from __future__ import annotations

import json
import random

import pytest

from argmap.evaluation.gold import GoldFormatError
from argmap.evaluation.speakers import (
    SpeakerGold,
    evaluate_speakers,
    format_speaker_report,
    is_fragment,
    load_speaker_gold,
    score_speakers,
)
from argmap.models import Speaker, SpeakerKind, Statement, StatementKind
from tests.helpers import FIXTURES, POLNEAR, REPO, SEED

SEED_SPEAKERS = FIXTURES / "japan-us-integration.speakers.jsonl"
GOLD_DIR = REPO / "benchmarks" / "data" / "speakers"


def span(start, end, entity, kind="person", *, doc="a.txt", name="", contents=()):
    return SpeakerGold(
        doc=doc,
        start=start,
        end=end,
        entity=entity,
        kind=kind,
        name=name or (entity or ""),
        contents=list(contents),
    )


def said(start, end, speaker_id, *, doc="a.txt", mention="X", content=(0, 0)):
    return Statement(
        id=f"{doc}{start}",
        document=doc,
        doc_name=doc,
        start=content[0],
        end=content[1],
        text="",
        kind=StatementKind.INDIRECT,
        speaker_mention=mention,
        speaker_start=start,
        speaker_end=end,
        speaker_id=speaker_id,
    )


def speaker(sid, name, kind=SpeakerKind.PERSON):
    return Speaker(id=sid, name=name, kind=kind)


# ------------------------------------------------------------------ the gold file


def test_a_gold_line_gives_span_entity_kind_and_contents(tmp_path):
    path = tmp_path / "g.jsonl"
    lines = [
        {"doc": "a.txt", "start": 0, "end": 5, "entity": "donald-trump", "kind": "person",
         "name": "Donald Trump", "contents": [[10, 20]]},
        {"doc": "a.txt", "start": 30, "end": 39, "entity": "#officials", "kind": "group"},
        {"doc": "a.txt", "start": 50, "end": 58, "entity": None, "kind": "not-a-speaker"},
    ]  # fmt: skip
    path.write_text("".join(json.dumps(line) + "\n" for line in lines) + "\n", encoding="utf-8")
    trump, officials, poll = load_speaker_gold(path)
    assert (trump.key, trump.contents, trump.name) == ("donald-trump", [(10, 20)], "Donald Trump")
    assert officials.key == "a.txt#officials"  # local to its document
    assert poll.key == "a.txt@50"  # every not-a-speaker span is its own entity


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"doc": "a.txt", "start": 5, "end": 5, "entity": "x", "kind": "person"}', "empty span"),
        ('{"doc": "a.txt", "start": 0, "end": 5, "kind": "person"}', "needs an entity"),
        ('{"doc": "a.txt", "start": 0, "end": 5, "entity": "x", "kind": "place"}', "not a"),
        ("not json", "not a speaker gold record"),
    ],
)
def test_a_bad_gold_line_is_an_error_naming_file_and_line(tmp_path, line, problem):
    path = tmp_path / "g.jsonl"
    path.write_text('{"doc": "a.txt", "start": 0, "end": 2, "entity": "y", "kind": "group"}\n'
                    + line + "\n", encoding="utf-8")  # fmt: skip
    with pytest.raises(GoldFormatError, match=rf"g\.jsonl:2: .*{problem}"):
        load_speaker_gold(path)


# ------------------------------------------------------------------ B-cubed


def test_b_cubed_of_a_split_and_a_merge_worked_by_hand():
    # gold: Trump x3, Pence x1; predicted: Trump's third mention a speaker of its own, and
    # Pence in Trump's first speaker
    gold = [
        span(0, 5, "trump"),
        span(10, 15, "trump"),
        span(20, 25, "trump"),
        span(30, 35, "pence"),
    ]
    statements = [said(0, 5, "s1"), said(10, 15, "s1"), said(20, 25, "s2"), said(30, 35, "s1")]
    speakers = {"s1": speaker("s1", "Donald Trump"), "s2": speaker("s2", "But Trump")}
    report = score_speakers(gold, statements, speakers, {"a.txt": "x" * 40})
    s = report.score
    # precision: s1 holds 2 Trumps and Pence -> 2/3, 2/3, 1/3; s2 -> 1: mean 8/12
    assert s.precision == pytest.approx((2 / 3 + 2 / 3 + 1 + 1 / 3) / 4)
    # recall: Trump's mentions 2/3, 2/3, 1/3; Pence 1
    assert s.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert (s.split_people, s.merged_speakers, s.fragment_speakers) == (1, 1, 1)
    assert [case.what for case in report.merges] == ["Donald Trump"]
    assert [case.what for case in report.fragments] == ["But Trump"]


def test_a_person_split_over_two_named_speakers_is_reported():
    gold = [span(0, 5, "trump"), span(10, 15, "trump"), span(20, 25, "trump")]
    statements = [said(0, 5, "s1"), said(10, 15, "s2"), said(20, 25, "s2")]
    speakers = {"s1": speaker("s1", "Donald Trump"), "s2": speaker("s2", "Trump")}
    report = score_speakers(gold, statements, speakers, {"a.txt": "x" * 30})
    assert (report.score.split_people, report.score.top_people_split) == (1, 1)
    assert report.splits[0].what == "trump" and report.splits[0].count == 2
    assert report.score.precision == 1.0 and report.score.recall == pytest.approx(5 / 9)


def test_not_a_speaker_spans_are_right_when_left_unattributed_and_cost_precision_when_not():
    gold = [span(0, 4, None, "not-a-speaker"), span(10, 14, None, "not-a-speaker")]
    left = score_speakers(gold, [said(0, 4, None), said(10, 14, None)], {}, {"a.txt": ""})
    assert (left.score.precision, left.score.recall, left.score.not_a_speaker_attributed) == (
        1.0,
        1.0,
        0,
    )
    polls = {"p": speaker("p", "polls", SpeakerKind.ORGANISATION)}
    given = score_speakers(gold, [said(0, 4, "p"), said(10, 14, "p")], polls, {"a.txt": ""})
    assert given.score.precision == 0.5 and given.score.not_a_speaker_attributed == 2


def test_a_gold_span_without_a_mention_match_is_matched_by_its_content():
    gold = [span(0, 5, "trump", contents=[(100, 200)])]
    statement = said(300, 305, "s1", content=(110, 190))  # attributed from elsewhere
    report = score_speakers(gold, [statement], {"s1": speaker("s1", "Donald Trump")}, {"a.txt": ""})
    assert report.score.matched == 1
    unrelated = said(300, 305, "s1", content=(150, 400))  # mostly outside the gold content
    report = score_speakers(gold, [unrelated], {"s1": speaker("s1", "Donald Trump")}, {"a.txt": ""})
    assert report.score.matched == 0


def test_he_given_to_a_place_is_a_pronoun_error():
    text = "West Virginia voted. He said no."
    gold = [span(0, 13, "#wv", "organisation"), span(21, 23, "manchin")]
    statements = [said(21, 23, "wv", mention="He")]
    speakers = {"wv": speaker("wv", "West Virginia", SpeakerKind.ORGANISATION)}
    report = score_speakers(gold, statements, speakers, {"a.txt": text})
    assert (report.score.pronoun_spans, report.score.pronoun_errors) == (1, 1)
    assert report.score.pronoun_non_person == 1
    assert "West Virginia" in report.pronouns[0].detail


# ------------------------------------------------------------------ fragments


@pytest.mark.parametrize(
    "name",
    [
        "But Trump", "After Trump", "While Clinton", "As Ryan", "Now Ryan", "Even Mike Pence",
        "But I", "And I'll", "Since Mr", "one of Obama", "who", "wider 14", "On Monday",
        "Trump Wednesday", "March Bloomberg", "pitch", "tally", "phenomenon", "to prevail",
        "unofficial election results tallied", "MAKE AMERICA GREAT AGAIN", "In September",
        "hasn't", "his numerous sexist", "it's",
    ],
)  # fmt: skip
def test_fragments_of_the_clause_are_fragments(name):
    assert is_fragment(name)


@pytest.mark.parametrize(
    "name",
    [
        "Donald Trump", "Hillary Clinton", "Kishida Fumio", "the Ministry of Defense", "FBI",
        "NAACP", "officials", "federal prosecutors", "a source", "Democrats",
        "Center for Media and Public Affairs", "Japan-US 2+2 ministers", "Sasae Kenichiro",
        "G.K. Butterfield", "Beto O'Rourke", "Bill de Blasio", "spokesman", "12% of Democrats",
        "USA TODAY", "POLITICO", "John Burns Real Estate Consulting", "Washington's Institute",
        "women", "editorial board", "Clinton's campaign",
    ],
)  # fmt: skip
def test_names_and_descriptions_are_not_fragments(name):
    assert not is_fragment(name)


# A PolNeAR dev sentence (wash-post_2016-10-05_international-monetary-fund-slas.txt), and one
# of the same shape with a date.
PRIME_MINISTER = (
    "British Prime Minister Theresa May said this week that the country would formally "
    "declare its intention to break with the E.U. by the end of March"
)
DATED = "The poll was taken in the week before the primary, said Trump May 5, and he was right."


def test_a_name_ending_in_a_month_is_a_name_when_the_text_writes_it_after_a_title():
    assert not is_fragment("Theresa May", [PRIME_MINISTER])
    assert not is_fragment("May", ["Mrs. May told the Commons she would stay."])
    assert is_fragment("Theresa May")  # no text, no evidence: the last word decides
    assert is_fragment("Trump May", [DATED])  # a date written after a name
    assert is_fragment("Trump Wednesday", ["President Trump Wednesday said no."])


def test_the_report_reads_the_speakers_own_texts_for_that_evidence():
    text = PRIME_MINISTER + " Mrs. May added that it would stay."
    start = text.index("Theresa May")
    gold = [span(start, start + 11, "theresa-may")]
    statements = [said(start, start + 11, "may", mention="Theresa May")]
    speakers = {"may": speaker("may", "Theresa May")}
    report = score_speakers(gold, statements, speakers, {"a.txt": text})
    assert report.score.fragment_speakers == 0
    dated = {"a.txt": text.replace("Prime Minister ", "").replace("Mrs. May", "She")}
    report = score_speakers(gold, statements, speakers, dated)
    assert report.score.fragment_speakers == 1


# ------------------------------------------------------------------ end to end


def test_the_seed_scores_every_span_and_reports_the_ministers_split():
    report = evaluate_speakers(SEED_SPEAKERS, [SEED])
    s = report.score
    assert (s.gold_spans, s.matched, s.fragment_speakers, s.merged_speakers) == (16, 16, 0, 0)
    assert s.precision == 1.0
    assert [case.what for case in report.splits] == ["Japan-US 2+2 ministers"]
    table = format_speaker_report(report)
    assert "B-cubed F1" in table and "Japan-US 2+2 ministers" in table
    assert json.loads(format_speaker_report(report, "json"))["score"]["matched"] == 16


def test_the_alias_table_joins_the_ministers_and_the_seed_is_then_perfect(tmp_path):
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(
        '[[speaker]]\nname = "Japan-US 2+2 ministers"\nkind = "group"\naliases = [\n'
        '  "foreign and defense ministers",\n'
        '  "Kamikawa Yoko, Kihara Minoru, Antony Blinken and Lloyd Austin",\n]\n',
        encoding="utf-8",
    )
    report = evaluate_speakers(SEED_SPEAKERS, [SEED], aliases=aliases)
    assert (report.score.precision, report.score.recall) == (1.0, 1.0)


@pytest.mark.parametrize(
    ("name", "articles", "spans"),
    [
        ("tune", 79, 1497),
        ("dev", 83, 1952),
        ("untouched", 50, 1131),
        ("untouched2", 50, 989),
        ("untouched3", 39, 962),
        ("untouched4", 39, 762),
        ("untouched5", 40, 753),
        ("untouched6", 40, 931),
    ],
)
def test_the_speaker_gold_sets_name_polnear_spans(name, articles, spans):
    """Each set holds the articles and spans benchmarks/data/speakers/README.md records."""
    gold = load_speaker_gold(GOLD_DIR / f"{name}.speakers.jsonl")
    assert len(gold) == spans and len({g.doc for g in gold}) == articles
    people = {g.key for g in gold if g.kind == "person"}
    assert "donald-trump" in people and "hillary-clinton" in people
    assert all(g.contents for g in gold)


@pytest.mark.parametrize(
    ("name", "seed", "before"),
    [
        ("untouched3", 20261217, ("tune", "untouched", "untouched2")),
        ("untouched4", 20261218, ("tune", "untouched", "untouched2", "untouched3")),
        (
            "untouched5",
            20261219,
            ("tune", "untouched", "untouched2", "untouched3", "untouched4"),
        ),
        (
            "untouched6",
            20261220,
            ("tune", "untouched", "untouched2", "untouched3", "untouched4", "untouched5"),
        ),
    ],
)
def test_the_later_untouched_sets_are_the_recorded_draws_from_the_unused_train_articles(
    shared, name, seed, before
):
    """Each later untouched set is random.Random(seed).sample(the train articles in no set
    before it, 40), as benchmarks/data/speakers/README.md records; its gold names only those
    articles."""
    train = sorted(p.stem for p in (POLNEAR / "train" / "text").glob("*.txt"))
    used: set[str] = set()
    for earlier in before:
        used |= set((GOLD_DIR / f"{earlier}-articles.txt").read_text(encoding="utf-8").split())
    rest = [stem for stem in train if stem not in used]
    drawn = random.Random(seed).sample(rest, 40)
    listed = (GOLD_DIR / f"{name}-articles.txt").read_text(encoding="utf-8").split()
    assert listed == drawn
    gold_docs = {g.doc for g in load_speaker_gold(GOLD_DIR / f"{name}.speakers.jsonl")}
    assert {doc.removesuffix(".txt") for doc in gold_docs} <= set(drawn) - used


def test_the_speaker_gold_spans_are_polnear_source_spans(shared):
    split = POLNEAR / "dev"
    text_of = {}
    for g in load_speaker_gold(GOLD_DIR / "dev.speakers.jsonl")[:200]:
        if g.doc not in text_of:
            text_of[g.doc] = (split / "text" / g.doc).read_text(encoding="utf-8")
        assert 0 < g.end <= len(text_of[g.doc])
        assert text_of[g.doc][g.start : g.end].strip()
