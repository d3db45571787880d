"""The output formats of ``argmap extract`` (argmap.io.writers): JSONL, JSON and the table."""

import io
import json

from argmap.io import writers as output
from argmap.models import Document, Statement, StatementKind
from tests.helpers import SEED, run_cli

JSONL_KEYS = {
    "doc",
    "start",
    "end",
    "text",
    "kind",
    "cue",
    "speaker",
    "speaker_start",
    "speaker_end",
    "confidence",
    "speaker_mention",
    "speaker_id",
    "cue_start",
    "cue_end",
    "parts",
    "id",
    "document",
}


def test_jsonl_lines_have_the_required_keys(capsys):
    status, out, err = run_cli(capsys, "extract", str(SEED))
    assert (status, err) == (0, "")
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines
    for line in lines:
        assert line.keys() >= JSONL_KEYS
        assert line["doc"] == SEED.name
        assert SEED.read_text(encoding="utf-8")[line["start"] : line["end"]] == line["text"]


def _example():
    text = "“We will act,” Austin said. Critics disagree."
    document = Document.from_text("a.txt", text)
    statement = Statement(
        id="s1",
        document=document.id,
        doc_name="a.txt",
        start=1,
        end=13,
        text=text[1:13],
        kind=StatementKind.DIRECT,
        cue="said",
        cue_start=22,
        cue_end=26,
        speaker_mention="Austin",
        speaker_start=15,
        speaker_end=21,
        speaker="Lloyd Austin",
        speaker_id="p1",
        confidence=0.9,
    )
    return document, statement


def test_jsonl_record_has_the_file_name_and_every_statement_field():
    document, statement = _example()
    out = io.StringIO()
    output.write_jsonl([(document, [statement]), (Document.from_text("b.txt", ""), [])], out)
    [line] = out.getvalue().splitlines()
    record = json.loads(line)
    assert record.keys() >= JSONL_KEYS
    assert (record["doc"], record["text"], record["kind"], record["speaker"]) == (
        "a.txt",
        "We will act,",
        "direct",
        "Lloyd Austin",
    )
    assert Statement.model_validate(record) == statement


def test_json_document_lists_documents_statements_and_speakers():
    from argmap.models import Speaker

    document, statement = _example()
    out = io.StringIO()
    output.write_json([(document, [statement])], out, {"p1": Speaker(id="p1", name="Lloyd Austin")})
    payload = json.loads(out.getvalue())
    assert payload["documents"] == [
        {
            "id": document.id,
            "name": "a.txt",
            "source_path": None,
            "metadata": {
                "title": None,
                "outlet": None,
                "authors": [],
                "published": None,
                "url": None,
                "language": None,
            },
        }
    ]
    assert [s["id"] for s in payload["statements"]] == ["s1"]
    assert payload["speakers"][0]["name"] == "Lloyd Austin"


def test_table_shows_speaker_kind_cue_and_text():
    document, statement = _example()
    out = io.StringIO()
    output.write_table([(document, [statement])], out)
    table = out.getvalue()
    for cell in (
        "a.txt",
        "Lloyd Austin",
        "direct",
        "said",
        "We will act,",
        "1 statement in 1 document",
    ):
        assert cell in table
