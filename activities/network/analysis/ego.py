"""The numbers behind a participant's insights, computed from one EgoDrawing.

Definitions (all on the drawing as drawn; nothing is inferred about people outside it):

- Strong tie: a contact on ring 1 (the innermost); weak tie: any outer ring; unplaced: ring 0.
- Diversity: Blau index 1 − Σ p_i² over the location categories of contacts that have one, where p_i is
  the share of those contacts in category i. It is normalised by its maximum 1 − 1/k, with k the number
  of categories on offer (the facilitator's list) or, without that list, the number of categories used.
- Asked vs gave: contacts with ASKED or ADVICE count as "asked" (you went to them for knowledge);
  contacts with GAVE as "gave". A contact can be both.
- Effective size and constraint (Burt): networkx on the undirected, unweighted ego graph — ego tied to
  every contact, plus the alter–alter ties. Unweighted because alter–alter ties carry no strength.
  With n contacts and t alter–alter ties, effective size = n − 2t/n.
- Connectors: contacts that are articulation points of the alter graph (contacts and alter–alter ties,
  ego left out): the only link between people you know who would otherwise not be connected to each
  other except through you.
- Sole contacts: the only contact in a location category, when contacts span two or more categories:
  your only way into that part of your world.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

import networkx as nx

from activities.network.analysis.graph import ADVICE, ASKED, GAVE, EgoDrawing

# A tuple cannot collide with a contact key (always a str).
EGO = ("ego",)


@dataclass(frozen=True)
class EgoMeasures:
    """Every number the insights and the change view show for one drawing."""

    size: int
    members: int
    strong: int
    weak: int
    unplaced: int
    location_counts: tuple[tuple[str, int], ...]
    categories_available: int
    blau: float | None
    blau_normalised: float | None
    asked: int
    gave: int
    asked_and_gave: int
    alter_ties: int
    density: float | None
    effective_size: float | None
    efficiency: float | None
    constraint: float | None
    connectors: tuple[str, ...]
    sole_contacts: tuple[tuple[str, str], ...]


def blau_index(counts: Iterable[int]) -> float | None:
    """Blau's index of heterogeneity 1 − Σ p²; None when there is nothing to count."""
    counts = [c for c in counts if c > 0]
    total = sum(counts)
    if not total:
        return None
    return 1.0 - sum((c / total) ** 2 for c in counts)


def normalised_blau(index: float | None, k: int) -> float | None:
    """Blau index divided by its maximum 1 − 1/k for k categories (0 when k ≤ 1)."""
    if index is None:
        return None
    if k <= 1:
        return 0.0
    return min(1.0, index / (1.0 - 1.0 / k))


def ego_graph(drawing: EgoDrawing) -> nx.Graph:
    """Undirected graph: EGO tied to every contact key, plus the alter–alter ties."""
    graph = nx.Graph()
    graph.add_node(EGO)
    graph.add_edges_from((EGO, c.key) for c in drawing.contacts)
    graph.add_edges_from(drawing.valid_alter_ties())
    return graph


def alter_graph(drawing: EgoDrawing) -> nx.Graph:
    """Undirected graph of contacts and alter–alter ties, without ego."""
    graph = nx.Graph()
    graph.add_nodes_from(c.key for c in drawing.contacts)
    graph.add_edges_from(drawing.valid_alter_ties())
    return graph


def connectors(drawing: EgoDrawing) -> tuple[str, ...]:
    """Contacts that are the only link between otherwise unconnected groups of your contacts."""
    return tuple(sorted(nx.articulation_points(alter_graph(drawing))))


def sole_contacts(drawing: EgoDrawing) -> tuple[tuple[str, str], ...]:
    """(contact key, location) for each location category that holds exactly one contact."""
    located = [c for c in drawing.contacts if c.location]
    counts = Counter(c.location for c in located)
    if len(counts) < 2:
        return ()
    return tuple(sorted((c.key, c.location) for c in located if counts[c.location] == 1))


def _burt(drawing: EgoDrawing) -> tuple[float | None, float | None]:
    if not drawing.contacts:
        return None, None
    graph = ego_graph(drawing)
    eff = nx.effective_size(graph, nodes=[EGO])[EGO]
    # Without ``nodes`` networkx takes its scipy sparse-matrix path: ~1 ms instead of ~40 ms for 30
    # contacts (DESIGN §9), and the ego graph is small, so computing every node's value is cheap.
    con = nx.constraint(graph)[EGO]
    return (None if math.isnan(eff) else eff), (None if math.isnan(con) else con)


def measures(drawing: EgoDrawing, categories: Sequence[str] | None = None) -> EgoMeasures:
    """All ego measures; ``categories`` is the facilitator's list of location keys, if known."""
    contacts = drawing.contacts
    size = len(contacts)
    counts = Counter(c.location for c in contacts if c.location)
    offered = len(set(categories)) if categories else len(counts)
    blau = blau_index(counts.values())
    asked = {c.key for c in contacts if c.relations & {ASKED, ADVICE}}
    gave = {c.key for c in contacts if GAVE in c.relations}
    ties = len(drawing.valid_alter_ties())
    effective, constraint = _burt(drawing)
    return EgoMeasures(
        size=size,
        members=sum(1 for c in contacts if c.member_sub),
        strong=sum(1 for c in contacts if c.is_strong),
        weak=sum(1 for c in contacts if c.is_weak),
        unplaced=sum(1 for c in contacts if not (c.is_strong or c.is_weak)),
        location_counts=tuple(sorted(counts.items())),
        categories_available=offered,
        blau=blau,
        blau_normalised=normalised_blau(blau, offered),
        asked=len(asked),
        gave=len(gave),
        asked_and_gave=len(asked & gave),
        alter_ties=ties,
        density=(2 * ties / (size * (size - 1))) if size > 1 else None,
        effective_size=effective,
        efficiency=(effective / size) if effective is not None else None,
        constraint=constraint,
        connectors=connectors(drawing),
        sole_contacts=sole_contacts(drawing),
    )
