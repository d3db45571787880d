"""The analyst's speaker tools in the store: merge without turning junk into aliases (issue 13),
"not a speaker" remembered for later adds, one speaker's documents and mentions, likely
duplicates; every one through the edit log, undone, and kept when a document is added again."""

from argmap.codebook import load_codebook
from argmap.io.reading import load_documents
from argmap.models import Document
from argmap.store import StatementFilter, Workspace
from tests.helpers import SEED, SEED_CODEBOOK, by_speaker, seed_workspace

LATER = (
    "The talks went on in Tokyo.\n\n"
    'On Monday, she said, "We are ready to talk again."\n\n'
    "Kishida Fumio spoke later."
)


def _speaker_of(ws: Workspace, text: str) -> str | None:
    (row,) = [r for r in ws.statements(StatementFilter()) if text in r.text]
    return row.speaker


def test_a_merged_fragment_does_not_become_an_alias_that_matches_everywhere(workspace_target):
    # issue 13: after `speaker merge "Hillary Clinton" "On Monday"`, a later article's
    # 'On Monday, she said, "..."' went to Hillary Clinton (argmap before this change gave
    # the seed's Kishida Fumio this statement)
    ws = seed_workspace(workspace_target)
    kishida = ws.find_speakers("Kishida Fumio")[0]
    junk = ws.add_speaker("On Monday")
    merged = ws.merge_speakers(kishida.id, [junk.id])
    assert "On Monday" not in merged.aliases
    ws.add_documents([Document.from_text("later.txt", LATER)])
    assert _speaker_of(ws, "ready to talk again") != "Kishida Fumio"


def test_a_junk_alias_added_by_hand_still_matches_no_later_mention(workspace_target):
    ws = seed_workspace(workspace_target)
    kishida = ws.find_speakers("Kishida Fumio")[0]
    ws.add_alias(kishida.id, "On Monday")  # the analyst's own choice: kept
    ws.add_documents([Document.from_text("later.txt", LATER)])
    assert _speaker_of(ws, "ready to talk again") != "Kishida Fumio"


def test_merge_can_drop_every_alias_or_some_and_undo_brings_them_back(workspace_target):
    ws = seed_workspace(workspace_target)
    austin = ws.find_speakers("Lloyd Austin")[0]
    tanaka = ws.find_speakers("Tanaka Hitoshi")[0]
    sasae = ws.find_speakers("Sasae Kenichiro")[0]
    merged = ws.merge_speakers(austin.id, [tanaka.id], drop_aliases=True)
    assert "Tanaka Hitoshi" not in merged.aliases
    assert by_speaker(ws, "Lloyd Austin")  # the statements moved all the same
    ws.undo()
    assert ws.find_speakers("Tanaka Hitoshi")[0].id == tanaka.id
    merged = ws.merge_speakers(austin.id, [tanaka.id, sasae.id], drop_aliases=["tanaka hitoshi"])
    assert "Tanaka Hitoshi" not in merged.aliases and "Sasae Kenichiro" in merged.aliases


def test_not_a_speaker_unattributes_its_statements_and_later_adds_remember_it(workspace_target):
    ws = seed_workspace(workspace_target)
    tanaka = ws.find_speakers("Tanaka Hitoshi")[0]
    before = {r.id for r in by_speaker(ws, "Tanaka Hitoshi")}
    assert before
    assert ws.not_a_speaker(tanaka.id) == len(before)
    assert ws.find_speakers("Tanaka Hitoshi") == []
    rows = [r for r in ws.statements(StatementFilter()) if r.id in before]
    assert rows and all(r.speaker is None for r in rows)
    assert "Tanaka Hitoshi" in ws.non_speakers()
    # a later article naming him: unattributed too
    later = Document.from_text(
        "later.txt", "Tanaka Hitoshi said the alliance was unbalanced and had to change."
    )
    ws.add_documents([later])
    assert _speaker_of(ws, "alliance was unbalanced") is None
    # undo takes back the edit: the speaker, his statements and the name
    ws.undo()
    assert "Tanaka Hitoshi" not in ws.non_speakers()
    assert {r.id for r in by_speaker(ws, "Tanaka Hitoshi")} == before


def test_not_a_speaker_survives_a_new_version_of_the_document(workspace_target, tmp_path):
    article = tmp_path / "article.txt"
    text = SEED.read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    ws = Workspace.init(workspace_target, codebook=load_codebook(SEED_CODEBOOK))
    ws.add_documents(load_documents([article]))
    ws.not_a_speaker(ws.find_speakers("Tanaka Hitoshi")[0].id)
    article.write_text("Updated on July 30.\n\n" + text, encoding="utf-8")
    report = ws.add_documents(load_documents([article]))
    assert report.replaced == ["article.txt"]
    assert ws.find_speakers("Tanaka Hitoshi") == []
    assert by_speaker(ws, "Kishida Fumio")  # the others are untouched


def test_a_merge_dropping_aliases_survives_a_new_version_of_the_document(
    workspace_target, tmp_path
):
    article = tmp_path / "article.txt"
    text = SEED.read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    ws = Workspace.init(workspace_target, codebook=load_codebook(SEED_CODEBOOK))
    ws.add_documents(load_documents([article]))
    austin = ws.find_speakers("Lloyd Austin")[0]
    tanaka = ws.find_speakers("Tanaka Hitoshi")[0]
    n = len(by_speaker(ws, "Lloyd Austin")) + len(by_speaker(ws, "Tanaka Hitoshi"))
    ws.merge_speakers(austin.id, [tanaka.id])
    article.write_text("Updated on July 30.\n\n" + text, encoding="utf-8")
    ws.add_documents(load_documents([article]))
    assert ws.find_speakers("Tanaka Hitoshi")[0].id == austin.id
    assert len(by_speaker(ws, "Lloyd Austin")) == n


def test_speaker_details_name_documents_statement_counts_and_mentions(workspace_target):
    ws = seed_workspace(workspace_target)
    kishida = ws.find_speakers("Kishida Fumio")[0]
    details = ws.speaker_details(kishida.id)
    rows = by_speaker(ws, "Kishida Fumio")
    assert details.speaker.name == "Kishida Fumio"
    assert details.statements == len(rows)
    ((_, document, n),) = details.documents
    assert document == SEED.name and n == len(rows)
    assert sum(n for _, n in details.mentions) == len(rows)
    assert {m for m, _ in details.mentions} == {r.speaker_mention for r in rows}


def test_likely_duplicates_are_suggested_with_their_evidence(workspace_target):
    ws = seed_workspace(workspace_target)
    kishida = ws.find_speakers("Kishida Fumio")[0]
    rows = by_speaker(ws, "Kishida Fumio")
    split = ws.split_speaker(kishida.id, [rows[0].id], "Kishida")
    (first, *_) = ws.suggest_merges()
    assert (first.keep.id, first.other.id) == (kishida.id, split.id)
    assert any("Kishida" in why for why in first.evidence)
    ws.merge_speakers(first.keep.id, [first.other.id])
    assert all(s.other.id != split.id for s in ws.suggest_merges())


def test_a_surname_stored_first_takes_the_full_name_a_later_article_gives(workspace_target):
    ws = seed_workspace(workspace_target)
    ws.add_documents(
        [Document.from_text("a.txt", "“We will win Iowa,” Cruz said on Monday in Des Moines.")]
    )
    ws.add_documents(
        [
            Document.from_text(
                "b.txt", "“The race is far from over,” Sen. Ted Cruz said after the debate."
            )
        ]
    )
    (cruz,) = ws.find_speakers("Cruz")
    assert cruz.name == "Ted Cruz" and "Cruz" in cruz.aliases
    assert len(by_speaker(ws, "Ted Cruz")) == 2
