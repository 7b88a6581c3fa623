"""Course-level measures on a merged CourseNetwork, with networkx for courses and igraph at scale.

All measures cover members only (category nodes are not people):

- Knowledge holders: weighted in-degree on help and advice edges (sum of tie strengths of the edges
  pointing to a member), plus the number of distinct members who go to them.
- Brokers: betweenness on the undirected, unweighted member graph (any kind of tie), normalised to
  0–1. Exact with networkx; with igraph exact up to EXACT_BETWEENNESS_LIMIT members, above that
  estimated from ``samples`` random source members (seeded), scaled by n / samples.
- Isolates: members without any tie; periphery: members with exactly one tie (degree 1); ``core``:
  each member's k-core number.
- Communities: Louvain on the undirected member graph weighted by tie strength, with a fixed seed so
  the same network always gives the same groups; singletons are not listed.

``choose_engine`` picks networkx below NETWORKX_LIMIT members (DESIGN §9: networkx exact betweenness
at 10,000 people takes ~16 minutes; igraph does the measures in well under a second each).
"""
from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping

import igraph
import networkx as nx

from activities.network.analysis.course_network import KNOWLEDGE_KINDS, CourseNetwork

NETWORKX_LIMIT = 500
EXACT_BETWEENNESS_LIMIT = 2000
DEFAULT_SAMPLES = 1000
SEED = 20240901


@dataclass(frozen=True)
class CourseMeasures:
    """Measures of one moment's course network; every mapping is keyed by member sub."""

    engine: str
    betweenness_exact: bool
    knowledge_in: Mapping[str, float]
    askers: Mapping[str, int]
    betweenness: Mapping[str, float]
    degree: Mapping[str, int]
    core: Mapping[str, int]
    isolates: frozenset[str]
    periphery: frozenset[str]
    communities: tuple[frozenset[str], ...]

    def holders(self, limit: int | None = None) -> list[tuple[str, float]]:
        """Members others go to for knowledge, strongest first (only those with any)."""
        ranked = sorted(((s, v) for s, v in self.knowledge_in.items() if v > 0), key=lambda x: (-x[1], x[0]))
        return ranked[:limit] if limit else ranked

    def brokers(self, limit: int | None = None) -> list[tuple[str, float]]:
        """Members on many shortest paths between others, highest first (only those above 0)."""
        ranked = sorted(((s, v) for s, v in self.betweenness.items() if v > 0), key=lambda x: (-x[1], x[0]))
        return ranked[:limit] if limit else ranked

    def community_of(self, sub: str) -> int | None:
        """Index of the member's community in ``communities``, or None."""
        return next((i for i, c in enumerate(self.communities) if sub in c), None)


def choose_engine(member_count: int) -> str:
    """'networkx' for course-sized networks, 'igraph' from NETWORKX_LIMIT members up."""
    return "networkx" if member_count < NETWORKX_LIMIT else "igraph"


def _undirected(network: CourseNetwork, subs: list[str]) -> dict[tuple[str, str], float]:
    known = set(subs)
    pairs: dict[tuple[str, str], float] = {}
    for e in network.member_edges():
        if e.source == e.target or e.source not in known or e.target not in known:
            continue
        pair = (min(e.source, e.target), max(e.source, e.target))
        pairs[pair] = max(pairs.get(pair, 0.0), e.weight)
    return pairs


def _ordered_communities(groups) -> tuple[frozenset[str], ...]:
    found = [frozenset(g) for g in groups if len(g) > 1]
    return tuple(sorted(found, key=lambda g: (-len(g), min(g))))


def _with_networkx(subs, pairs, seed):
    graph = nx.Graph()
    graph.add_nodes_from(subs)
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in pairs.items())
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    core = nx.core_number(graph)
    groups = nx.community.louvain_communities(graph, weight="weight", seed=seed) if pairs else []
    return betweenness, core, groups, True


def _with_igraph(subs, pairs, seed, samples):
    index = {s: i for i, s in enumerate(subs)}
    n = len(subs)
    graph = igraph.Graph(n=n, edges=[(index[a], index[b]) for a, b in pairs], directed=False)
    graph.es["weight"] = list(pairs.values())
    rng = random.Random(seed)
    exact = n <= EXACT_BETWEENNESS_LIMIT or samples >= n
    if exact:
        raw = graph.betweenness(directed=False)
    else:
        sources = rng.sample(range(n), samples)
        raw = [v * n / samples for v in graph.betweenness(directed=False, sources=sources)]
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    betweenness = {s: raw[i] * scale for s, i in index.items()}
    core = dict(zip(subs, graph.coreness()))
    # igraph draws its randomness from a process-wide generator; seed it for this call only.
    igraph.set_random_number_generator(rng)
    try:
        clusters = graph.community_multilevel(weights="weight") if pairs else []
    finally:
        igraph.set_random_number_generator(random)
    groups = [[subs[i] for i in cluster] for cluster in clusters]
    return betweenness, core, groups, exact


def analyse(network: CourseNetwork, engine: str | None = None, seed: int = SEED,
            samples: int = DEFAULT_SAMPLES) -> CourseMeasures:
    """All course measures; ``engine`` None chooses by member count (see ``choose_engine``)."""
    subs = sorted(n.id for n in network.members())
    engine = engine or choose_engine(len(subs))
    pairs = _undirected(network, subs)
    degree = dict.fromkeys(subs, 0)
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    knowledge = dict.fromkeys(subs, 0.0)
    askers: dict[str, set[str]] = defaultdict(set)
    for e in network.member_edges():
        if e.kind in KNOWLEDGE_KINDS and e.target in knowledge and e.source != e.target:
            knowledge[e.target] += e.weight
            askers[e.target].add(e.source)
    if engine == "networkx":
        betweenness, core, groups, exact = _with_networkx(subs, pairs, seed)
    else:
        betweenness, core, groups, exact = _with_igraph(subs, pairs, seed, samples)
    return CourseMeasures(
        engine=engine,
        betweenness_exact=exact,
        knowledge_in=knowledge,
        askers={s: len(askers.get(s, ())) for s in subs},
        betweenness=betweenness,
        degree=degree,
        core=core,
        isolates=frozenset(s for s, d in degree.items() if d == 0),
        periphery=frozenset(s for s, d in degree.items() if d == 1),
        communities=_ordered_communities(groups),
    )
