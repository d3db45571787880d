"""The blocks of a corpus's speaker resolution: the connected components of its mentions'
blocking keys, so that each block can be resolved alone and give what one registry over the
whole corpus gives.

Two mentions are in one block when one's resolution may depend on the other
(``argmap.speakers.registry.MentionLinks``):

- the same name key (``k|...``), or two keys the spelling-variant match may join
  (``may_join``: a name and its misspelling), or an organisation and its acronym (``a|...``);
- a one-word person name (``s|token``) and every person whose family or given name it is
  (only for tokens some one-word name uses: "Clinton" joins Hillary and Bill Clinton's
  block, "Hillary" theirs too);
- the alias table's entry (``t|i``) and every name it lists;
- a description ("the ministry") and the organisations of its document with that head noun
  (the partition joins them: ``tasks._nodes``).

The graph is of distinct keys, not mentions: a name quoted a million times is one node.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations

from argmap.speakers.aliases import AliasTable
from argmap.speakers.names import name_key
from argmap.speakers.registry import may_join

Nodes = tuple[str, ...]


class UnionFind:
    """Disjoint sets of strings, with path halving and union by size."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.size: dict[str, int] = {}

    def find(self, node: str) -> str:
        parent = self.parent
        if node not in parent:
            parent[node] = node
            self.size[node] = 1
            return node
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(self, a: str, b: str) -> None:
        a, b = self.find(a), self.find(b)
        if a == b:
            return
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]


def components(
    nodes: Counter[Nodes],
    surnames: Iterable[tuple[str, str]],
    aliases: AliasTable | None = None,
) -> UnionFind:
    """The components of the blocking graph: ``nodes`` counts each distinct tuple of keys a
    mention joins; ``surnames`` pairs a person's name key with each of its family or given
    names (``s|token``)."""
    sets = UnionFind()
    for keys in nodes:
        first = keys[0]
        sets.find(first)
        for other in keys[1:]:
            sets.union(first, other)
    lone = {key for keys in nodes for key in keys if key.startswith("s|")}
    for name, token in sorted(surnames):  # in one order: the driver's set is in hash order
        if token in lone:
            sets.union(name, token)
    if aliases is not None:
        for index, entry in enumerate(aliases.speakers):
            kind_class = "o" if entry.kind.value in ("organisation", "group") else "p"
            for text in (entry.name, *entry.aliases):
                key = name_key(text)
                if key:
                    sets.union(f"k|{kind_class}|{' '.join(key)}", f"t|{index}")
    _join_variants(sets)
    return sets


def _join_variants(sets: UnionFind) -> None:
    """Join every two name keys the registry's spelling-variant match may join: candidates
    share a token and a token count, so only those are compared; and a name with a middle
    name and the name without it ("hillary rodham clinton", "hillary clinton")."""
    from rapidfuzz import fuzz, process

    blocks: dict[tuple[str, str, int], list[tuple[str, ...]]] = defaultdict(list)
    for node in list(sets.parent):
        if not node.startswith("k|"):
            continue
        _, kind_class, text = node.split("|", 2)
        key = tuple(text.split(" "))
        if len(key) < 2:
            continue
        for token in set(key):
            blocks[(kind_class, token, len(key))].append(key)
        if len(key) > 2:  # a name with a middle name joins the name without it (may_join)
            for short in combinations(key, 2):
                other = f"k|{kind_class}|{' '.join(short)}"
                if other in sets.parent:
                    sets.union(node, other)
    for (kind_class, token, n), keys in blocks.items():
        if len(keys) < 2:
            continue
        node = f"k|{kind_class}|"
        if n == 2:  # the other token must be a close variant: rapidfuzz finds the candidates
            rests = [key[1] if key[0] == token else key[0] for key in keys]
            for i, rest in enumerate(rests):
                if len(rest) < 5:
                    continue
                for _, _, j in process.extract(
                    rest, rests, scorer=fuzz.ratio, score_cutoff=85, limit=None
                ):
                    if j > i and may_join(keys[i], keys[j]):
                        sets.union(node + " ".join(keys[i]), node + " ".join(keys[j]))
        else:
            for i, a in enumerate(keys):
                for b in keys[i + 1 :]:
                    if may_join(a, b):
                        sets.union(node + " ".join(a), node + " ".join(b))


def assign_blocks(sets: UnionFind, nodes: Counter[Nodes], count: int) -> dict[str, int]:
    """Each mention's first key -> one of ``count`` blocks, whole components together, the
    largest first to the least loaded block (by mentions)."""
    weight: Counter[str] = Counter()
    for keys, mentions in nodes.items():
        weight[sets.find(keys[0])] += mentions
    loads = [(0, block) for block in range(max(1, count))]
    heapq.heapify(loads)
    block_of: dict[str, int] = {}
    for root, mentions in sorted(weight.items(), key=lambda item: (-item[1], item[0])):
        load, block = heapq.heappop(loads)
        block_of[root] = block
        heapq.heappush(loads, (load + mentions, block))
    return {keys[0]: block_of[sets.find(keys[0])] for keys in nodes}


def largest_share(sets: UnionFind, nodes: Counter[Nodes]) -> tuple[int, int]:
    """(mentions in the largest block, mentions in all): how far the work can be spread."""
    weight: Counter[str] = Counter()
    for keys, mentions in nodes.items():
        weight[sets.find(keys[0])] += mentions
    return (max(weight.values(), default=0), sum(weight.values()))
