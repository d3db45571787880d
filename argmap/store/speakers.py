"""Speakers in the store: lists with stance breakdowns; merge, split, rename, alias, "not a
speaker"; likely duplicates and one speaker's documents and mentions."""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING, NamedTuple

from argmap.store.base import WorkspaceBase
from argmap.store.errors import EditError
from argmap.store.records import SpeakerRow

if TYPE_CHECKING:  # imported where used (pydantic models are not needed to open or list)
    from collections.abc import Iterable

    from argmap.models import Speaker, SpeakerKind
    from argmap.speakers.suggest import MergeSuggestion
    from argmap.store.statements import StatementFilter


#: The ``meta`` key prefix of a name said to be no speaker (then its name key's tokens).
NOT_A_SPEAKER_KEY = "not-a-speaker:"


class SpeakerDetails(NamedTuple):
    """A speaker, its statements, the documents it speaks in and the mentions naming it."""

    speaker: Speaker
    statements: int
    documents: list[tuple[str, str, int]]  # (document id, name, statements)
    mentions: list[tuple[str, int]]  # (how the text named it, statements)


def non_speaker_names(conn) -> list[str]:
    """The names said to be no speaker, from the workspace's ``meta`` table."""
    names = []
    for (value,) in conn.execute(
        "SELECT value FROM meta WHERE key >= ? AND key < ? ORDER BY key",
        (NOT_A_SPEAKER_KEY, NOT_A_SPEAKER_KEY[:-1] + ";"),
    ):
        try:
            names.append(json.loads(value)["name"])
        except (ValueError, KeyError, TypeError):
            continue
    return names


def _kind_value(kind: SpeakerKind | str) -> str:
    """The value of a speaker kind; ``ValueError`` when unknown."""
    from argmap.models import SpeakerKind

    return SpeakerKind(kind).value


def speaker_from_row(row: tuple) -> Speaker:
    """A ``Speaker`` from ``(id, name, kind, role, affiliation, aliases JSON)``."""
    from argmap.models import Speaker

    return Speaker(
        id=row[0],
        name=row[1],
        kind=row[2],
        role=row[3],
        affiliation=row[4],
        aliases=json.loads(row[5]),
    )


class SpeakersPart(WorkspaceBase):
    """Queries over speakers and the speaker edits."""

    def speaker(self, speaker_id: str) -> Speaker:
        """One speaker; ``EditError`` when unknown."""
        row = self.conn.execute(
            "SELECT id, name, kind, role, affiliation, aliases FROM speakers WHERE id = ?",
            (speaker_id,),
        ).fetchone()
        if row is None:
            raise EditError(f"no speaker {speaker_id!r}")
        return speaker_from_row(row)

    def speakers(
        self,
        *,
        text: str | None = None,
        sort: str = "statements",
        offset: int = 0,
        limit: int | None = None,
        within: StatementFilter | None = None,
    ) -> list[SpeakerRow]:
        """Speakers with their statement counts and stance breakdown (``text``: name or alias
        contains; ``within``: only the statements it keeps are counted, and only speakers with
        some are listed)."""
        where, params = "", []
        if text:
            where = " WHERE name LIKE ? OR aliases LIKE ?"
            params = [f"%{text}%"] * 2
        stances: dict[str, dict[str, int]] = {}
        for sid, label, n in self._speaker_stances(within):
            if sid is not None:
                stances.setdefault(sid, {})[label or ""] = n
        rows = self.conn.execute(
            f"SELECT id, name, kind, role, affiliation, aliases FROM speakers{where}", params
        ).fetchall()
        if within is not None:
            rows = [r for r in rows if r[0] in stances]
        if sort == "statements":
            rows.sort(key=lambda r: (-sum(stances.get(r[0], {}).values()), r[1].casefold()))
        elif sort == "name":
            rows.sort(key=lambda r: r[1].casefold())
        else:
            raise EditError(f"unknown sort {sort!r} (expected statements or name)")
        rows = rows[offset : None if limit is None else offset + limit]
        return [
            SpeakerRow(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                tuple(json.loads(r[5])),
                sum(stances.get(r[0], {}).values()),
                stances.get(r[0], {}),
            )
            for r in rows
        ]

    def _speaker_stances(self, within: StatementFilter | None) -> list[tuple]:
        """(speaker id, label, statements) of every statement, or of those ``within`` keeps."""
        if within is None:
            return self.tally("speaker_id", "label")
        condition, params = within.where()
        return self.conn.execute(
            f"SELECT s.speaker_id, s.label, count(*) FROM statements s{condition} GROUP BY 1, 2 "
            "ORDER BY 1 NULLS FIRST, 2 NULLS FIRST",  # the groups' order on both backends
            params,
        ).fetchall()

    def find_speakers(self, name: str) -> list[Speaker]:
        """Speakers whose name or an alias equals ``name`` (case-insensitive)."""
        same = self.backend.nocase_equal
        rows = self.conn.execute(
            "SELECT id, name, kind, role, affiliation, aliases FROM speakers "
            f"WHERE {same('name', '?')} "
            f"OR EXISTS (SELECT 1 FROM json_each(speakers.aliases) WHERE {same('value', '?')})",
            (name, name),
        ).fetchall()
        return [speaker_from_row(r) for r in rows]

    def speakers_named(self, name: str) -> list[Speaker]:
        """The speakers ``name`` names: those whose name or an alias is ``name`` (any case);
        when there are none, the people with ``name`` as family name. A name may be written
        given name first ("Lloyd Austin") or family name first ("Tanaka Hitoshi", "Kishida
        Fumio"), so the family name is the first or the last word of a person's name or of an
        alias of two words or more (titles, initials and suffixes aside, as the speaker
        registry reads names): "Kishida" names Kishida Fumio, "Austin" Lloyd Austin."""
        from argmap.speakers.names import surname_candidates

        found = self.find_speakers(name)
        word = " ".join(name.split()).casefold()
        if found or not word:
            return found
        rows = self.conn.execute(
            "SELECT id, name, kind, role, affiliation, aliases FROM speakers "
            "WHERE kind = 'person' AND (name LIKE ? OR aliases LIKE ?) ORDER BY name, id",
            (f"%{word}%", f"%{word}%"),
        ).fetchall()
        return [
            speaker_from_row(row)
            for row in rows
            if any(
                word in {part.casefold() for part in surname_candidates(written)}
                for written in (row[1], *json.loads(row[5]))
                if len(written.split()) > 1
            )
        ]

    # ------------------------------------------------------------------ edits

    def add_speaker(
        self,
        name: str,
        *,
        kind: SpeakerKind | str = "person",
        role: str | None = None,
        affiliation: str | None = None,
        actor: str | None = None,
    ) -> Speaker:
        """A new speaker named by an analyst."""
        name = _clean(name)
        from argmap.models import Speaker

        speaker = Speaker(
            id="spk-" + uuid.uuid4().hex[:12],
            name=name,
            kind=_kind_value(kind),
            role=role,
            affiliation=affiliation,
        )
        with self.edit("add-speaker", f"speaker {name!r} added", actor) as changes:
            self._check_name_free(name)
            changes.touch("speakers", speaker.id)
            self.conn.execute(
                "INSERT INTO speakers (id, name, kind, role, affiliation, aliases) "
                "VALUES (?, ?, ?, ?, ?, '[]')",
                (speaker.id, name, speaker.kind.value, role, affiliation),
            )
        return speaker

    def rename_speaker(self, speaker_id: str, name: str, *, actor: str | None = None) -> Speaker:
        """Give a speaker a new canonical name; the old one becomes an alias."""
        name = _clean(name)
        with self.edit("rename-speaker", f"{speaker_id} renamed {name!r}", actor) as changes:
            row = changes.touch("speakers", speaker_id)
            if row is None:
                raise EditError(f"no speaker {speaker_id!r}")
            self._check_name_free(name, speaker_id)
            aliases = [a for a in json.loads(row["aliases"]) if a != name]
            if row["name"] != name and row["name"] not in aliases:
                aliases.append(row["name"])
            self.conn.execute(
                "UPDATE speakers SET name = ?, aliases = ? WHERE id = ?",
                (name, json.dumps(aliases), speaker_id),
            )
        return self.speaker(speaker_id)

    def add_alias(self, speaker_id: str, alias: str, *, actor: str | None = None) -> Speaker:
        """Another name for a speaker (used when later documents are added)."""
        alias = _clean(alias)
        with self.edit("add-alias", f"{speaker_id} alias {alias!r}", actor) as changes:
            row = changes.touch("speakers", speaker_id)
            if row is None:
                raise EditError(f"no speaker {speaker_id!r}")
            self._check_name_free(alias, speaker_id, what="alias")
            aliases = json.loads(row["aliases"])
            if alias != row["name"] and alias not in aliases:
                aliases.append(alias)
                self.conn.execute(
                    "UPDATE speakers SET aliases = ? WHERE id = ?",
                    (json.dumps(aliases), speaker_id),
                )
        return self.speaker(speaker_id)

    def update_speaker(
        self,
        speaker_id: str,
        *,
        kind: SpeakerKind | str | None = None,
        role: str | None = None,
        affiliation: str | None = None,
        actor: str | None = None,
    ) -> Speaker:
        """Set a speaker's kind, role or affiliation (arguments left None are kept)."""
        with self.edit("update-speaker", f"{speaker_id} details", actor) as changes:
            row = changes.touch("speakers", speaker_id)
            if row is None:
                raise EditError(f"no speaker {speaker_id!r}")
            self.conn.execute(
                "UPDATE speakers SET kind = ?, role = ?, affiliation = ? WHERE id = ?",
                (
                    row["kind"] if kind is None else _kind_value(kind),
                    row["role"] if role is None else role,
                    row["affiliation"] if affiliation is None else affiliation,
                    speaker_id,
                ),
            )
        return self.speaker(speaker_id)

    def merge_speakers(
        self,
        keep_id: str,
        other_ids: list[str],
        *,
        drop_aliases: bool | Iterable[str] = False,
        actor: str | None = None,
    ) -> Speaker:
        """Make ``other_ids`` one speaker with ``keep_id``: statements move, names become
        aliases, so later documents naming them join ``keep_id`` too.

        A name that is no name ("On Monday", "But Trump": a date, a clause) never becomes an
        alias, so it cannot draw a later article's "On Monday, she said" to this speaker.
        ``drop_aliases``: True keeps none of the others' names as aliases; a list of names
        keeps all but those."""
        from argmap.speakers.names import split_role

        others = [o for o in dict.fromkeys(other_ids) if o != keep_id]
        if not others:
            raise EditError("name at least one other speaker to merge")
        dropped = (
            None if isinstance(drop_aliases, bool) else {name.casefold() for name in drop_aliases}
        )
        with self.edit(
            "merge-speakers", f"{', '.join(others)} merged into {keep_id}", actor
        ) as changes:
            keep = changes.touch("speakers", keep_id)
            if keep is None:
                raise EditError(f"no speaker {keep_id!r}")
            aliases = json.loads(keep["aliases"])
            for other_id in others:
                other = changes.touch("speakers", other_id)
                if other is None:
                    raise EditError(f"no speaker {other_id!r}")
                for name in (other["name"], *json.loads(other["aliases"])):
                    if drop_aliases is True or (dropped and name.casefold() in dropped):
                        continue
                    if split_role(name).note is not None:
                        continue  # not a name: an alias would match it in any article
                    if name != keep["name"] and name not in aliases:
                        aliases.append(name)
                for (sid,) in self.conn.execute(
                    "SELECT id FROM statements WHERE speaker_id = ?", (other_id,)
                ).fetchall():
                    changes.touch("statements", sid)
                self.conn.execute(
                    "UPDATE statements SET speaker_id = ? WHERE speaker_id = ?", (keep_id, other_id)
                )
                self.conn.execute("DELETE FROM speakers WHERE id = ?", (other_id,))
            updates = {
                "aliases": json.dumps(aliases),
                "role": keep["role"]
                or next(
                    (o["role"] for o in map(self._speaker_before(changes), others) if o["role"]),
                    None,
                ),
                "affiliation": keep["affiliation"]
                or next(
                    (
                        o["affiliation"]
                        for o in map(self._speaker_before(changes), others)
                        if o["affiliation"]
                    ),
                    None,
                ),
            }
            self.conn.execute(
                "UPDATE speakers SET aliases = ?, role = ?, affiliation = ? WHERE id = ?",
                (updates["aliases"], updates["role"], updates["affiliation"], keep_id),
            )
        return self.speaker(keep_id)

    def split_speaker(
        self,
        speaker_id: str,
        statement_ids: list[str],
        name: str,
        *,
        kind: SpeakerKind | str | None = None,
        actor: str | None = None,
    ) -> Speaker:
        """Move ``statement_ids`` from a speaker to a new speaker called ``name``."""
        name = _clean(name)
        new_id = "spk-" + uuid.uuid4().hex[:12]
        with self.edit(
            "split-speaker", f"{len(statement_ids)} statements of {speaker_id} to {name!r}", actor
        ) as changes:
            row = changes.touch("speakers", speaker_id)
            if row is None:
                raise EditError(f"no speaker {speaker_id!r}")
            if not statement_ids:
                raise EditError("name at least one statement to split off")
            self._check_name_free(name, hint="give these statements to it with `argmap attribute`")
            for sid in statement_ids:
                current = changes.touch("statements", sid)
                if current is None or current["speaker_id"] != speaker_id:
                    raise EditError(f"statement {sid!r} is not attributed to {speaker_id}")
            changes.touch("speakers", new_id)
            self.conn.execute(
                "INSERT INTO speakers (id, name, kind, role, affiliation, aliases) "
                "VALUES (?, ?, ?, NULL, NULL, '[]')",
                (new_id, name, _kind_value(kind) if kind else row["kind"]),
            )
            # the old speaker's role was the old speaker's: the new one has none yet
            self.conn.executemany(
                "UPDATE statements SET speaker_id = ?, speaker_role = NULL WHERE id = ?",
                [(new_id, sid) for sid in statement_ids],
            )
        return self.speaker(new_id)

    def not_a_speaker(self, speaker_id: str, *, actor: str | None = None) -> int:
        """Say a speaker is no speaker ("On Monday", a place, a headline): its statements
        become unattributed, the speaker goes, and its name and aliases are remembered so
        that documents added later (or added again) leave such mentions unattributed too.
        Returns how many statements lost their speaker; undo brings it all back."""
        from argmap.speakers.names import name_key

        with self.edit("not-a-speaker", f"{speaker_id} is not a speaker", actor) as changes:
            row = changes.touch("speakers", speaker_id)
            if row is None:
                raise EditError(f"no speaker {speaker_id!r}")
            ids = [
                sid
                for (sid,) in self.conn.execute(
                    "SELECT id FROM statements WHERE speaker_id = ?", (speaker_id,)
                )
            ]
            for sid in ids:
                changes.touch("statements", sid)
            self.conn.execute(
                "UPDATE statements SET speaker_id = NULL, speaker_role = NULL WHERE speaker_id = ?",
                (speaker_id,),
            )
            self.conn.execute("DELETE FROM speakers WHERE id = ?", (speaker_id,))
            for name in dict.fromkeys((row["name"], *json.loads(row["aliases"]))):
                key = name_key(name)
                if not key:
                    continue
                meta_key = NOT_A_SPEAKER_KEY + " ".join(key)
                changes.touch("meta", meta_key)
                self.conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (meta_key, json.dumps({"name": name})),
                )
        return len(ids)

    def non_speakers(self) -> list[str]:
        """The names analysts said are no speaker (``not_a_speaker``), in any order."""
        return non_speaker_names(self.conn)

    def speaker_details(self, speaker_id: str) -> SpeakerDetails:
        """A speaker with its statement count, the documents it speaks in (with how many
        statements each) and the mentions that name it there."""
        speaker = self.speaker(speaker_id)
        documents = [
            (doc, name, n)
            for doc, name, n in self.conn.execute(
                "SELECT d.id, d.name, count(*) FROM statements s JOIN documents d "
                "ON d.id = s.document WHERE s.speaker_id = ? GROUP BY d.seq "  # d's key
                "ORDER BY count(*) DESC, d.seq",
                (speaker_id,),
            )
        ]
        mentions = [
            (mention or "", n)
            for mention, n in self.conn.execute(
                "SELECT speaker_mention, count(*) FROM statements WHERE speaker_id = ? "
                "GROUP BY 1 ORDER BY count(*) DESC, 1",
                (speaker_id,),
            )
        ]
        return SpeakerDetails(speaker, sum(n for *_, n in documents), documents, mentions)

    def suggest_merges(self, limit: int | None = None) -> list[MergeSuggestion]:
        """Likely duplicates among the speakers, best first, each with its evidence
        (``argmap.speakers.suggest``); names the alias table keeps apart are not offered."""
        from argmap.models import Speaker
        from argmap.speakers.suggest import SpeakerFacts, suggest_merges

        counts: dict[str, int] = {}
        documents: dict[str, set[str]] = {}
        for sid, doc, n in self.conn.execute(
            "SELECT speaker_id, document, count(*) FROM statements "
            "WHERE speaker_id IS NOT NULL GROUP BY 1, 2"
        ):
            counts[sid] = counts.get(sid, 0) + n
            documents.setdefault(sid, set()).add(doc)
        facts = [
            SpeakerFacts(
                Speaker(
                    id=r[0],
                    name=r[1],
                    kind=r[2],
                    role=r[3],
                    affiliation=r[4],
                    aliases=json.loads(r[5]),
                ),
                counts.get(r[0], 0),
                frozenset(documents.get(r[0], ())),
            )
            for r in self.conn.execute(
                "SELECT id, name, kind, role, affiliation, aliases FROM speakers"
            )
        ]
        table = self.alias_table
        apart = [group.names for group in table.distinct] if table is not None else []
        found = suggest_merges(facts, apart=apart)
        return found if limit is None else found[:limit]

    def _check_name_free(
        self, name: str, speaker_id: str | None = None, *, what: str = "name", hint: str = ""
    ) -> None:
        """``EditError`` naming the speaker when another one (not ``speaker_id``) has ``name`` as
        name or alias."""
        taken = [s for s in self.find_speakers(name) if s.id != speaker_id]
        if taken:
            other = taken[0]
            how = (
                f"is called {other.name!r}"
                if other.name.casefold() == name.casefold()
                else f"({other.name}) has it as an alias"
            )
            advice = hint or (
                f"merge them with `argmap speaker merge {other.id} {speaker_id}`"
                if speaker_id
                else "use that speaker"
            )
            raise EditError(f"{what} {name!r} is taken: speaker {other.id} {how}; {advice}")

    def _speaker_before(self, changes):
        return lambda sid: changes.before[("speakers", (sid,))]


def _clean(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise EditError("a speaker's name cannot be empty")
    return name
