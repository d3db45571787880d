"""The map as CSV: one row per statement."""

import csv
import io

from argmap.export import writer
from tests.helpers import by_speaker


def test_csv_has_one_row_per_statement(mapped):
    stream = io.StringIO()
    writer("csv")(mapped, stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert len(rows) == mapped.count_statements()
    kishida = by_speaker(mapped, "Kishida Fumio")[0]
    row = next(r for r in rows if r["id"] == kishida.id)
    assert (row["speaker"], row["label"], row["review"], row["annotations"]) == (
        "Kishida Fumio",
        "pro-integration",
        "labelled",
        "alice:pro-integration",
    )
    assert row["text"] == kishida.text and int(row["start"]) == kishida.start
    assert row["supports"].count("clm-") == 1
    tanaka = next(r for r in rows if r["id"] == by_speaker(mapped, "Tanaka Hitoshi")[0].id)
    assert tanaka["review"] == "disputed" and tanaka["attacks"].startswith("clm-")
