"""Corpora for the cluster tests, and the single process's results to compare with."""

import json
import random
from pathlib import Path

from argmap.extraction.corpus import extract_corpus
from argmap.io.reading import ReadError, load_documents
from argmap.io.writers import statement_record
from tests.helpers import POLNEAR, SEED

POLNEAR_TRAIN = POLNEAR / "train" / "text"

#: People who stand in for the seed's own, so that documents share and split speakers:
#: full names, surnames alone, namesakes and a misspelling across documents.
PEOPLE = [
    ("Kishida Fumio", "Kishida"),
    ("Fumio Kishida", "Kishida"),
    ("Hillary Clinton", "Clinton"),
    ("Bill Clinton", "Clinton"),
    ("Kenichiro Sasae", "Sasae"),
    ("Kenichirou Sasae", "Sasae"),
    ("Rahm Emanuel", "Emanuel"),
]


def seed_corpus(folder: Path, count: int, seed: int = 15) -> list[Path]:
    """``count`` articles made of the seed's paragraphs (a random selection in order), its
    prime minister renamed in each to one of ``PEOPLE``."""
    paragraphs = SEED.read_text(encoding="utf-8").split("\n\n")
    pick = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for number in range(count):
        full, short = pick.choice(PEOPLE)
        chosen = [p for p in paragraphs if pick.random() < 0.6] or paragraphs[:3]
        text = "\n\n".join(chosen).replace("Kishida Fumio", full).replace("Kishida", short)
        path = folder / f"article-{number:04d}.txt"
        path.write_text(text, encoding="utf-8")
        made.append(path)
    return made


def as_jsonl_corpus(paths: list[Path], target: Path) -> Path:
    """The articles as one JSON Lines corpus file, with an outlet and a date each."""
    with open(target, "w", encoding="utf-8") as out:
        for number, path in enumerate(paths):
            record = {
                "maintext": path.read_text(encoding="utf-8"),
                "title": path.stem,
                "source_domain": ["example.com", "news.example"][number % 2],
                "date_publish": f"2024-04-{1 + number % 28:02d}",
            }
            out.write(json.dumps(record) + "\n")
            if number % 7 == 3:
                out.write("\n")  # blank lines keep their numbers
    return target


def single_process(paths: list) -> tuple[list[dict], dict[str, dict], list[str]]:
    """What one process gives: the records of ``argmap extract``, its speakers by id, and the
    ids of the documents read."""
    speakers: dict = {}
    documents = [d for d in load_documents(paths) if not isinstance(d, ReadError)]
    records = [
        statement_record(s, d)
        for d, found in extract_corpus(documents, None, speakers)
        for s in found
    ]
    return (
        records,
        {key: speaker.model_dump(mode="json") for key, speaker in speakers.items()},
        [d.id for d in documents],
    )


SPEAKER_FIELDS = ("name", "aliases", "kind", "role", "affiliation")


def speakers_of(rows) -> dict[str, dict]:
    """Speakers rows of a results folder by id, with the fields a Speaker has."""
    found: dict[str, dict] = {}
    for row in rows:
        assert row["id"] not in found, f"speaker {row['id']} written twice"
        found[row["id"]] = {name: row[name] for name in SPEAKER_FIELDS}
    return found
