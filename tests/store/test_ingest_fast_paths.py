"""The faster paths of ``argmap add --statements`` give what the plain ones give: rows
inserted many a statement (SQLite), restatement words found without the regular expression,
a folder's suggestion read for label, score and scores only."""

import json
import re
import sqlite3

import pytest

from argmap.codebook import load_codebook
from argmap.models import Suggestion
from argmap.store import Workspace
from argmap.store.backend import MAX_ROWS, MAX_VARIABLES
from argmap.store.ingest import _Read
from argmap.store.restatements import RestatementIndex, _words
from argmap.store.suggest import stance_suggestions
from tests.helpers import SEED_CODEBOOK, SEEDS

SEED_TEXT = SEEDS / "japan-us-integration.txt"

WIDTH = 22  # a statement row's columns


def test_insert_rows_keeps_every_row_and_their_order(tmp_path):
    """Two full VALUES lists and part of a third (a list holds MAX_ROWS rows, or fewer where
    SQLite's MAX_VARIABLES would not take them), with text, numbers and nulls, stored as
    executemany stores them."""
    rows = [
        (n, f"row {n} “quoted”", n / 7, None if n % 3 else "x", *range(n, n + WIDTH - 4))
        for n in range(2 * min(MAX_ROWS, MAX_VARIABLES // WIDTH) + 17)
    ]
    columns = ", ".join(f"c{i}" for i in range(WIDTH))
    sql = f"INSERT INTO wide ({columns}) VALUES ({', '.join('?' * WIDTH)})"
    with Workspace.init(tmp_path / "ws") as workspace:
        conn = workspace.conn
        conn.execute(f"CREATE TABLE wide (seq INTEGER PRIMARY KEY, {columns})")
        conn.execute(f"CREATE TABLE plain (seq INTEGER PRIMARY KEY, {columns})")
        with workspace.transaction():
            workspace.backend.insert_rows(conn, sql, rows)
            conn.executemany(sql.replace("wide", "plain"), rows)
            workspace.backend.insert_rows(conn, sql, [])
        stored = conn.execute(f"SELECT {columns} FROM wide ORDER BY seq").fetchall()
        assert stored == rows
        assert stored == conn.execute(f"SELECT {columns} FROM plain ORDER BY seq").fetchall()


def test_insert_rows_fails_whole_within_its_transaction(tmp_path):
    """A row breaking a constraint stops the batch; the transaction's rollback leaves none."""
    with Workspace.init(tmp_path / "ws") as workspace:
        conn = workspace.conn
        conn.execute("CREATE TABLE once (word TEXT PRIMARY KEY)")
        rows = [(f"w{n}",) for n in range(5000)] + [("w3",)]
        with pytest.raises(sqlite3.IntegrityError), workspace.transaction():
            workspace.backend.insert_rows(conn, "INSERT INTO once (word) VALUES (?)", rows)
        assert conn.execute("SELECT count(*) FROM once").fetchone()[0] == 0


def test_bulk_writes_puts_the_settings_back(tmp_path):
    with Workspace.init(tmp_path / "ws") as workspace:
        conn = workspace.conn
        before = [
            conn.execute(f"PRAGMA {name}").fetchone() for name in ("temp_store", "cache_size")
        ]
        with workspace.backend.bulk_writes(conn):
            assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
        after = [conn.execute(f"PRAGMA {name}").fetchone() for name in ("temp_store", "cache_size")]
        assert after == before


def test_words_are_the_regular_expressions_words():
    """Every character there is, and news text with curly quotes, dashes, accents and
    letters whose case folding changes them (ß, ﬁ, İ)."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    texts = [
        every,
        "“We’re not done,” said Ms. Straße — the ﬁrst İstanbul-born MP_2 (née Øre), 3½ times.",
        "",
        "   \t\n",
        "snake_case and __dunder__ words, ٣٤ Arabic digits, 東京 and Ⅻ",
    ]
    for text in texts:
        assert _words(text) == re.findall(r"\w+", text.casefold())


def reference_matches(existing, new):
    """The matching as first written (lists for every run, the regular expression's words):
    what ``RestatementIndex`` must still find."""
    from rapidfuzz import fuzz

    from argmap.store.restatements import BEST, MAX_BLOCK, MIN_WORDS, SHINGLE, THRESHOLD

    index: dict[tuple, list[int]] = {}
    indexed: list[tuple[str, str, str]] = []
    found = []
    for is_new, (sid, doc, text) in [(False, i) for i in existing] + [(True, i) for i in new]:
        words = re.findall(r"\w+", text.casefold())
        if len(words) < MIN_WORDS:
            continue
        candidates: set[int] = set()
        for run in set(zip(*(words[i:] for i in range(SHINGLE)), strict=False)):
            block = index.setdefault(run, [])
            if len(block) <= MAX_BLOCK:
                candidates.update(block)
                block.append(len(indexed))
        indexed.append((sid, doc, " ".join(words)))
        if not is_new:
            continue
        best: dict[str, float] = {}
        for other_id, other_doc, other_text in (indexed[c] for c in candidates):
            if other_doc != doc and other_id != sid:
                score = fuzz.ratio(indexed[-1][2], other_text, score_cutoff=THRESHOLD)
                if score:
                    best[other_id] = max(best.get(other_id, 0.0), score)
        ranked = sorted(best.items(), key=lambda pair: (-pair[1], pair[0]))[:BEST]
        found += [(sid, other, round(score / 100, 3)) for other, score in ranked]
    return found


def test_restatements_found_as_before():
    """The seed article's sentences quoted again and again by other documents, slightly
    changed, some more often than a block holds: the same pairs as the plain matching."""
    sentences = [
        s.strip() for s in re.split(r"(?<=[.!?])\s+", SEED_TEXT.read_text()) if len(s) > 60
    ][:40]
    assert len(sentences) >= 20
    items = []
    for n in range(240):  # sentence 0 in 60 of them: more than a block holds
        if n % 4 == 0:  # the same sentence, as it is
            items.append((f"s{n}", f"d{n // 3}", sentences[0]))
            continue
        sentence = sentences[(n * 7) % len(sentences)]
        changed = sentence.replace(" the ", " a ", n % 3) if n % 5 else sentence.upper()
        items.append((f"s{n}", f"d{n // 3}", changed))
    existing, new = items[:50], items[50:]
    index = RestatementIndex()
    index.add(existing)
    found = index.match(new)
    assert found == reference_matches(existing, new)
    assert len(found) > 100
    quoted = {f[0] for f in found if f[1] == "s0"}
    assert "s52" in quoted and "s236" not in quoted  # past a full block: no candidates


def test_a_folders_suggestion_is_read_as_json_reads_it():
    codebook = load_codebook(SEED_CODEBOOK)
    texts = [
        "Trump's plan would cut taxes for the rich, Clinton said.",
        "“He is unfit to serve,” the former secretary told reporters.",
        "The weather was mild.",
    ]
    suggestions = stance_suggestions(codebook, texts, texts, None)
    assert suggestions
    made = [s.model_dump_json() for s in suggestions]
    made.append(
        Suggestion(label="neutral", score=1.0, model="m", model_version="1").model_dump_json()
    )
    made.append(json.dumps({"score": 0.25, "label": "favours-trump", "scores": {"a": 0.25}}))
    made.append(json.dumps({"label": "neutral", "score": 0.5}))
    for data in made:
        read, values = _Read(data), json.loads(data)
        assert (read.label, read.score, read.scores) == (
            values["label"],
            values["score"],
            values.get("scores") or {},
        )
