"""Helpers for the evaluation tests: gold statements and predictions made in one line, a
PolNeAR-style brat folder."""

from __future__ import annotations

from pathlib import Path

from argmap.evaluation.gold import GoldStatement, load_gold_jsonl
from argmap.models import Statement, StatementKind
from tests.helpers import SEED_GOLD


def gold(
    start,
    end,
    *,
    id="g",
    doc="a.txt",
    spans=None,
    optional=False,
    kind="indirect",
    speaker=None,
    aliases=(),
    source_spans=(),
):
    return GoldStatement(
        id=id,
        doc=doc,
        spans=spans or [(start, end)],
        kind=kind,
        speaker=speaker,
        speaker_aliases=list(aliases),
        source_spans=list(source_spans),
        optional=optional,
    )


def pred(
    start,
    end,
    *,
    id="p",
    doc="a.txt",
    parts=(),
    kind=StatementKind.INDIRECT,
    speaker=None,
    mention=None,
    speaker_span=(None, None),
    text="",
):
    return Statement(
        id=id,
        document="d",
        doc_name=doc,
        start=start,
        end=end,
        parts=list(parts),
        text=text,
        kind=kind,
        speaker=speaker,
        speaker_mention=mention,
        speaker_start=speaker_span[0],
        speaker_end=speaker_span[1],
    )


def from_gold(g: GoldStatement, **changes) -> Statement:
    """A prediction that reproduces gold ``g`` exactly (speaker and source span included)."""
    source = g.source_spans[0] if g.source_spans else (None, None)
    kind = {
        "direct": StatementKind.DIRECT,
        "mixed": StatementKind.MIXED,
        "quoted": StatementKind.DIRECT,
    }.get(g.kind, StatementKind.INDIRECT)
    fields = {
        "id": g.id,
        "doc": g.doc,
        "parts": g.spans if len(g.spans) > 1 else (),
        "kind": kind,
        "speaker": g.speaker,
        "speaker_span": source,
        "text": g.text,
    }
    fields.update(changes)
    return pred(g.start, g.end, **fields)


def perfect_extractor(golds):
    by_doc = {}
    for g in golds:
        by_doc.setdefault(g.doc, []).append(from_gold(g))
    return lambda document: by_doc.get(document.name, [])


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


TEXT = 'The Post reports that "taxes will rise," he said, and added: "soon." Polls show a tie.\n'


def make_brat(root: Path) -> Path:
    """A two-article PolNeAR-style folder; the first article annotated twice."""
    write(root / "text" / "art-one.txt", TEXT)
    write(root / "text" / "art-two.txt", "Nothing attributed here.\n")
    write(root / "text" / "no-gold.txt", "An article nobody annotated.\n")
    ann = (
        "\n".join(
            [
                "T1\tSource 0 8\tThe Post",
                "T2\tCue 9 16\treports",
                'T3\tContent 17 40\tthat "taxes will rise,"',
                "T4\tAttribution 9 16\treports",
                "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
                "T5\tSource 41 43\the",
                "T6\tCue 44 48;54 59\tsaid added",
                'T7\tContent 22 40;61 68\t"taxes will rise," "soon."',
                "T8\tAttribution 44 48\tsaid",
                "E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7",
                "T9\tCue 75 79\tshow",
                "T10\tContent 80 85\ta tie",
                "T11\tAttribution-no-source 75 79\tshow",
                "E3\tAttribution-no-source:T11 Cue:T9 Content:T10",
                "T12\tAttribution-no-source 0 3\tThe",
                "E4\tAttribution-no-source:T12 ",
                "#1\tAnnotatorNotes T1\ta note",
            ]
        )
        + "\n"
    )
    write(root / "attributions" / "art-one_aa11.ann", ann)
    write(
        root / "attributions" / "art-one_bb22.ann",
        "T1\tSource 0 3\tThe\nT2\tContent 4 8\tPost\nE1\tAttribution:T1 Content:T2 Source:T1\n",
    )
    write(root / "attributions" / "art-two_cc33.ann", "")
    return root


def seed_gold() -> list[GoldStatement]:
    """The seed article's gold statements."""
    return load_gold_jsonl(SEED_GOLD)
