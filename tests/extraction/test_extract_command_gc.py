"""``argmap extract`` collects garbage less while it runs, and leaves the collector as it found
it for a caller that goes on (see ``argmap.cli.extract._collecting_less``)."""

import gc
import json
from pathlib import Path

from argmap.cli import main

SEED = Path(__file__).resolve().parents[2] / "seeds" / "japan-us-integration.txt"


def test_extract_raises_the_threshold_while_it_runs_and_restores_the_collector(capsys, monkeypatch):
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    set_threshold, thresholds = gc.set_threshold, []

    def recorded(*values):
        thresholds.append(values)
        set_threshold(*values)

    monkeypatch.setattr(gc, "set_threshold", recorded)
    assert main(["extract", str(SEED)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) >= 10 and all(r["doc"] == SEED.name for r in records)
    assert thresholds == [(20_000, 10, 10), threshold]
    assert gc.get_threshold() == threshold
    assert gc.get_freeze_count() == frozen
