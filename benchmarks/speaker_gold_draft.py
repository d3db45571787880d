"""Draft a speaker gold file from a PolNeAR brat folder, for a person to correct.

    python benchmarks/speaker_gold_draft.py BRAT_FOLDER [--articles LIST] -o DRAFT.jsonl
    python benchmarks/speaker_gold_draft.py --review DRAFT.jsonl BRAT_FOLDER [--doc N]
    python benchmarks/speaker_gold_draft.py --apply FIXES.tsv DRAFT.jsonl -o GOLD.jsonl

Every PolNeAR source span (first annotator's file per article) gets a proposed entity: a
name run after its titles, a surname joined to the longest name in its article with that
surname, "I" inside a quotation joined to the quotation's source, "he"/"she" to the nearest
named person before it. The proposals use nothing of argmap's speaker code, so the gold does
not share its mistakes; they are only a start. ``--review`` prints each article's spans with
their proposals and some context; ``--apply`` rewrites the draft with a file of corrections,
one a line: ``ARTICLE_NUMBER SPAN_NUMBER ENTITY KIND [NAME]`` (numbers as ``--review``
prints them; ``ENTITY`` ``@`` for a new entity local to the article, named by ``NAME``;
``=N.K`` or ``=K`` for the entity of span K of article N or of the same article; ``nas`` for
not a speaker; ``rename OLD NEW KIND NAME`` renames an entity everywhere).

The format is described in docs/data.md (Speaker gold).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from argmap.evaluation.gold import load_brat  # noqa: E402

FIRST_PERSON = {"i", "me", "my", "myself", "mine"}
FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
RELATIVE = {"who", "whom", "whose", "which", "that"}
SECOND = {"you", "your", "yours", "yourself"}
DROP = set(
    """
    the a an mr mrs ms miss dr sen rep gov gen president vice former senator representative
    governor secretary minister prime spokesman spokeswoman chairman chairwoman chief
    candidate nominee presidential democratic republican presumptive rival leader director
    speaker house senate state white campaign manager adviser aide sen. rep. gov. mr. mrs. ms.
    dr. u.s. first lady attorney general justice judge mayor ceo executive co-founder founder
    """.split()
)
ORG_WORDS = set(
    """
    committee department ministry office agency administration government party campaign
    post times news journal tribune herald press network cnn fbi cia nsa gop rnc dnc house
    senate congress court university institute foundation center centre association union
    council commission bureau police company corp inc group fund team pac bank organization
    organisation service services network magazine daily guardian register politico reuters
    """.split()
)
NOT_SPEAKER = set(
    """
    poll polls survey surveys study studies report data numbers figures analysis results
    statistics records record document documents website ad ads video footage photos tweet
    headline it this
    """.split()
)
NAME_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z]\.\s*)*[A-Z][\w’'-]*)+")


def slug(name: str) -> str:
    """An entity id from a name: lower case, initials dropped ("Vladimir V. Putin" ->
    "vladimir-putin")."""
    words = [w for w in name.split() if not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z]", w)] or [name]
    return re.sub(r"[^a-z0-9]+", "-", " ".join(words).casefold()).strip("-") or "x"


DEMONYMS = set(
    """
    mexican american russian british french german chinese israeli iranian syrian turkish
    japanese indian italian spanish canadian european iraqi afghan saudi ukrainian
    """.split()
)


def clean(mention: str) -> list[str]:
    """The name in a mention: words after the last title, possessive endings dropped."""
    words = [w.strip(",.;:“”\"'()") for w in mention.split()]
    words = [re.sub(r"[’']s$", "", w) for w in words if w]
    cut = 0
    for i, w in enumerate(words):
        if w.casefold() in DROP or w.casefold() in DEMONYMS or not w[:1].isupper():
            cut = i + 1
    return words[cut:] if cut < len(words) else words[-1:]


def draft(folder: str, articles: set[str] | None) -> list[dict]:
    gold = load_brat(folder)
    records: list[dict] = []
    docs = sorted(d for d in gold.texts if articles is None or Path(d).stem in articles)
    by_doc: dict[str, list] = {}
    for g in gold.statements:
        if g.source_spans and g.doc in docs:
            by_doc.setdefault(g.doc, []).append(g)
    sure_spans: set[tuple[str, int]] = set()
    surnames: Counter[tuple[str, str]] = Counter()
    for doc in docs:
        for run in NAME_RUN.findall(gold.texts[doc]):
            words = clean(run)
            if len(words) >= 2:
                surnames[(words[-1], " ".join(words))] += 1
    for doc in docs:
        text = gold.texts[doc]
        stem = Path(doc).stem
        full: Counter[tuple[str, str]] = Counter()
        for run in NAME_RUN.findall(text):
            words = clean(run)
            if len(words) >= 2:
                full[(words[-1], " ".join(words))] += 1
        spans: dict[tuple[int, int], list] = {}
        for g in by_doc.get(doc, []):
            key = (g.source_spans[0][0], g.source_spans[-1][1])
            spans.setdefault(key, []).append(g)
        entity_at: dict[tuple[int, int], tuple[str, str, str]] = {}
        sure = False
        gender: dict[str, str] = {}
        for start, end in sorted(spans):
            mention = text[start:end]
            low = mention.strip().casefold()
            contents = [list(s) for g in spans[(start, end)] for s in g.spans]
            outer = [
                (ss, g)
                for ss, gs in spans.items()
                for g in gs
                if ss != (start, end) and any(lo <= start and end <= hi for lo, hi in g.spans)
            ]
            outer_entity = None
            if outer:
                ss, _ = min(outer, key=lambda o: sum(hi - lo for lo, hi in o[1].spans))
                outer_entity = entity_at.get(ss)
            if low in FIRST_PERSON and outer_entity:
                found = outer_entity
            elif low in FIRST_PLURAL:
                base = outer_entity[0].split("#")[-1] if outer_entity else "we"
                found = (f"{stem}#we-{base}", "group", f"we ({base})")
            elif low in SECOND:
                found = (f"{stem}#you-{start}", "group", "you")
            elif low in MALE | FEMALE:
                want = "male" if low in MALE else "female"
                found = (f"{stem}#{low}-{start}", "person", low)
                for ss in sorted(entity_at, reverse=True):
                    ent = entity_at[ss]
                    if ent[1] == "person" and gender.get(ent[0], want) == want:
                        found = ent
                        break
                gender.setdefault(found[0], want)
            elif low in PLURAL:
                found = (f"{stem}#they-{start}", "group", "they")
            elif low in RELATIVE or low in NOT_SPEAKER:
                found = (f"{stem}#nas-{start}", "not-a-speaker", low)
            else:
                words = clean(mention)
                caps = [w for w in words if w[:1].isupper()]
                every = [re.sub(r"[’']s$", "", w.strip(",.;:“”\"'()")) for w in mention.split()]
                lower_words = {w.casefold() for w in every}
                org_caps = [w for w in every if w[:1].isupper() and w not in ("The", "A")]
                if lower_words & NOT_SPEAKER and not caps:
                    found = (f"{stem}#nas-{start}", "not-a-speaker", mention)
                elif org_caps and (every[-1].casefold() in ORG_WORDS or org_caps[-1].isupper()):
                    name = " ".join(org_caps)
                    found = (slug(name), "organisation", name)
                elif caps:
                    if "Mrs." in mention or "Ms." in mention:
                        g_hint = "female"
                    elif "Mr." in mention:
                        g_hint = "male"
                    else:
                        g_hint = None
                    name = " ".join(caps)
                    sure = len(caps) > 1
                    if len(caps) == 1:
                        local = [(n, c) for (s, n), c in full.items() if s == caps[0]]
                        corpus = [(n, c) for (s, n), c in surnames.items() if s == caps[0]]
                        pick = max(local or corpus or [(name, 0)], key=lambda nc: nc[1])
                        name = pick[0]
                        sure = len({slug(n) for n, _ in local}) == 1
                    found = (slug(name), "person", name)
                    if g_hint:
                        gender.setdefault(found[0], g_hint)
                else:
                    name = " ".join(words) or mention
                    found = (f"{stem}#{slug(name)}", "group", name)
            entity_at[(start, end)] = found
            if sure:
                sure_spans.add((doc, start))
            sure = False
            records.append(
                {
                    "doc": doc,
                    "start": start,
                    "end": end,
                    "entity": found[0],
                    "kind": found[1],
                    "name": found[2],
                    "contents": contents,
                }
            )
    for r in records:
        if (r["doc"], r["start"]) in sure_spans:
            r["sure"] = True
    return records


def review(draft_path: str, folder: str, only: int | None) -> None:
    gold = load_brat(folder)
    records = [json.loads(line) for line in Path(draft_path).read_text("utf-8").splitlines()]
    docs = list(dict.fromkeys(r["doc"] for r in records))
    for n, doc in enumerate(docs, 1):
        if only is not None and n != only:
            continue
        text = gold.texts[doc]
        print(f"\n=== {n} {doc}")
        for k, r in enumerate((r for r in records if r["doc"] == doc), 1):
            mention = text[r["start"] : r["end"]].replace("\n", " ")
            entity = r["entity"].replace(Path(doc).stem, "")
            line = f"{n}.{k} [{mention}] -> {entity} ({r['kind']})"
            plain = r["kind"] == "person" and mention[:1].isupper() and r.get("sure")
            if not plain:
                left = text[max(0, r["start"] - 110) : r["start"]].replace("\n", "/")
                right = text[r["end"] : r["end"] + 25].replace("\n", "/")
                line += f"   …{left}⟦{mention}⟧{right}…"
            print(line)


def apply(fixes_path: str, draft_path: str) -> list[dict]:
    records = [json.loads(line) for line in Path(draft_path).read_text("utf-8").splitlines()]
    docs = list(dict.fromkeys(r["doc"] for r in records))
    numbered = {
        (n, k): r
        for n, doc in enumerate(docs, 1)
        for k, r in enumerate((r for r in records if r["doc"] == doc), 1)
    }
    renames: dict[str, tuple[str, str, str]] = {}
    for line in Path(fixes_path).read_text(encoding="utf-8").splitlines():
        line = line.strip() if not line.startswith("#") else ""
        if not line:
            continue
        parts = line.split(maxsplit=3)
        if parts[0] == "rename":  # rename OLD_ENTITY NEW_ENTITY KIND NAME
            new, kind, name = parts[2], *parts[3].split(maxsplit=1)
            renames[parts[1]] = (new, kind, name)
            continue
        n, k = (int(x) for x in parts[0].split("."))
        entity = parts[1]
        kind = parts[2] if len(parts) > 2 else ""
        name = parts[3] if len(parts) > 3 else None
        r = numbered[(n, k)]
        stem = Path(r["doc"]).stem
        if entity.startswith("="):
            ref = entity[1:].split(".")
            other = numbered[(int(ref[0]), int(ref[1])) if len(ref) == 2 else (n, int(ref[0]))]
            r.update(entity=other["entity"], kind=other["kind"], name=other["name"])
            continue
        if entity == "@":
            entity = f"{stem}#{slug(name or 'x')}"
        elif entity == "nas":
            entity, kind = f"{stem}#nas-{r['start']}", "not-a-speaker"
        r.update(entity=entity, kind=kind, name=name or r["name"])
    for r in records:
        if r["entity"] in renames:
            new, kind, name = renames[r["entity"]]
            r.update(entity=new, kind=kind, name=name)
    return records


def final_record(r: dict) -> dict:
    """A corrected record as the gold file holds it: a local entity as ``#id`` (its
    article is the record's ``doc``), a span that is not a speaker with no entity and no
    name, the draft's ``sure`` mark dropped."""
    r = {k: v for k, v in r.items() if k != "sure"}
    if r["kind"] == "not-a-speaker":
        r.update(entity=None, name="")
    elif "#" in r["entity"]:
        r["entity"] = "#" + r["entity"].split("#", 1)[1]
    return r


def final_separators(args: argparse.Namespace) -> tuple[str, str] | None:
    """Compact JSON for the gold file, the default spacing for a draft."""
    return (",", ":") if args.apply else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--articles", help="a file of article names (stems), one a line")
    parser.add_argument("--review", action="store_true")
    parser.add_argument("--apply", metavar="FIXES")
    parser.add_argument("--doc", type=int)
    parser.add_argument("-o", "--output")
    args = parser.parse_args()
    if args.review:
        review(args.paths[0], args.paths[1], args.doc)
        return
    if args.apply:
        records = apply(args.apply, args.paths[0])
    else:
        articles = None
        if args.articles:
            articles = set(Path(args.articles).read_text(encoding="utf-8").split())
        records = draft(args.paths[0], articles)
    lines = []
    for r in records:
        if args.apply:
            r = final_record(r)
        lines.append(json.dumps(r, ensure_ascii=False, separators=final_separators(args)) + "\n")
    if args.output:
        Path(args.output).write_text("".join(lines), encoding="utf-8")
    else:
        sys.stdout.write("".join(lines))


if __name__ == "__main__":
    main()
