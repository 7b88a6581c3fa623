"""The organisation network: course networks merged by person, its groups and the people who hold it together.

Pure functions on plain values (no database). People are the organisation's stable ids (LMS user ids or
pseudonymous codes, as the caller chooses); people outside the LMS never become nodes. A tie between two
people weighs the sum of its strengths over every drawing that names it, so a tie named by both people, or
in several courses, weighs more. igraph does the graph work: at 10,000 people and 100,000 ties every
measure here takes well under a second (bench/org.py).
"""
from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping

import igraph

SEED = 20261204


@dataclass(frozen=True)
class OrgNetwork:
    """People and their merged, undirected, weighted ties, as an igraph graph with `people[i]` for vertex i."""

    people: tuple[str, ...]
    graph: igraph.Graph

    def index(self) -> dict[str, int]:
        """Vertex number by person."""
        return {person: i for i, person in enumerate(self.people)}

    def neighbours(self, person: str) -> frozenset[str]:
        """The people one tie away."""
        at = self.index().get(person)
        return frozenset() if at is None else frozenset(self.people[j] for j in self.graph.neighbors(at))


@dataclass(frozen=True)
class Splitter:
    """A person whose departure splits the network: `cut_off` people lose their last path to the rest."""

    person: str
    cut_off: int


def merge(ties: Iterable[tuple[str, str, float]], people: Iterable[str] = ()) -> OrgNetwork:
    """One organisation network from (person, person, strength) ties of every drawing; `people` adds those
    without ties (they count, alone). Self-ties are dropped; a pair's weight is the sum over its ties."""
    weights: dict[tuple[str, str], float] = defaultdict(float)
    for a, b, strength in ties:
        if a != b:
            weights[(a, b) if a < b else (b, a)] += strength
    everyone = sorted(set(people).union(*weights) if weights else set(people))
    at = {person: i for i, person in enumerate(everyone)}
    graph = igraph.Graph(n=len(everyone), edges=[(at[a], at[b]) for a, b in weights], directed=False)
    graph.es["weight"] = list(weights.values())
    return OrgNetwork(tuple(everyone), graph)


def communities(network: OrgNetwork, seed: int = SEED) -> list[frozenset[str]]:
    """Groups with more ties inside than between (Leiden, modularity, weighted), largest first; the same
    network always gives the same groups. People without ties are left out rather than listed alone."""
    graph = network.graph
    if graph.ecount() == 0:
        return []
    # igraph draws its randomness from a process-wide generator; seed it for this call only.
    igraph.set_random_number_generator(random.Random(seed))
    try:
        clusters = graph.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
    finally:
        igraph.set_random_number_generator(random)
    groups = [frozenset(network.people[i] for i in cluster) for cluster in clusters if len(cluster) > 1]
    return sorted(groups, key=lambda group: (-len(group), min(group)))


def splitters(network: OrgNetwork) -> list[Splitter]:
    """Everyone whose departure cuts people off from the rest of their part of the network, most first.

    Linear in the network's size: the articulation points and their biconnected blocks form a tree; a
    person's departure leaves each of their subtrees on its own, and `cut_off` counts everyone outside the
    largest remaining piece.
    """
    graph = network.graph
    blocks, points = graph.biconnected_components(return_articulation_points=True)
    if not points:
        return []
    point_set = set(points)
    # The block–cut tree: nodes 0..B-1 are blocks, B.. are articulation points.
    block_count = len(blocks)
    node_of_point = {p: block_count + k for k, p in enumerate(points)}
    weight = [sum(1 for v in block if v not in point_set) for block in blocks] + [1] * len(points)
    adjacent: list[list[int]] = [[] for _ in weight]
    for b, block in enumerate(blocks):
        for v in block:
            if v in point_set:
                adjacent[b].append(node_of_point[v])
                adjacent[node_of_point[v]].append(b)
    below, parent = _subtree_weights(adjacent, weight)
    tree_total = _tree_totals(adjacent, weight, parent)
    found = []
    for p in points:
        node = node_of_point[p]
        pieces = [below[child] for child in adjacent[node] if parent[child] == node]
        pieces.append(tree_total[node] - below[node])  # the side towards the root
        pieces = [size for size in pieces if size > 0]
        found.append(Splitter(network.people[p], sum(pieces) - max(pieces)))
    return sorted((s for s in found if s.cut_off > 0), key=lambda s: (-s.cut_off, s.person))


def _subtree_weights(adjacent, weight):
    """Each tree node's subtree weight and parent, over every tree of the forest (iterative DFS)."""
    below, parent, seen = list(weight), [-1] * len(weight), [False] * len(weight)
    for root in range(len(weight)):
        if seen[root]:
            continue
        seen[root], order, stack = True, [], [root]
        while stack:
            node = stack.pop()
            order.append(node)
            for nxt in adjacent[node]:
                if not seen[nxt]:
                    seen[nxt], parent[nxt] = True, node
                    stack.append(nxt)
        for node in reversed(order):
            if parent[node] >= 0:
                below[parent[node]] += below[node]
    return below, parent


def _tree_totals(adjacent, weight, parent):
    """The weight of the whole tree each node belongs to."""
    total = [0] * len(weight)
    for node in range(len(weight)):
        if parent[node] < 0:  # a root: spread its tree's weight to every node of it
            stack, members, summed = [node], [], 0
            while stack:
                current = stack.pop()
                members.append(current)
                summed += weight[current]
                stack.extend(n for n in adjacent[current] if parent[n] == current)
            for member in members:
                total[member] = summed
    return total


def largest_part(network: OrgNetwork) -> frozenset[str]:
    """The people of the largest connected part of the network (ties of any strength)."""
    if not network.people:
        return frozenset()
    return frozenset(network.people[i] for i in max(network.graph.connected_components(), key=len))


def visible_groups(groups: list[frozenset[str]], minimum: int) -> list[frozenset[str]]:
    """The groups of at least `minimum` people: a smaller group is never shown, nor anything about it."""
    return [group for group in groups if len(group) >= minimum]
