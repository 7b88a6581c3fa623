"""The course network: all drawings of one moment merged by LMS user id (``member_sub``).

Nodes are course members (id = their LMS sub) and, for people outside the course, one aggregated
category node per location (id ``category:<location>``, label e.g. "Customer (3)"). Outsiders are
never nodes of their own and their names never leave the drawing they were typed in.

Edges between members, one per (source, target, kind), always pointing TO THE KNOWLEDGE HOLDER:

- ``help``: "owner asked member" → owner → member; "owner gave member help" → member → owner (the
  member asked the owner). When both say so, it is one edge with two reporters.
- ``advice``: "owner got advice from member" → owner → member.
- ``worked_with``: undirected, stored with source < target.
- ``knows``: undirected; a member drawn without any relation (still a tie, with no content named).
- ``external``: owner → category node; ``count`` is how many such contacts the owner drew.

Weight is the tie strength from the ring: ring r of R rings gives (R − r + 1) / R (ring 1 = 1.0);
an unplaced contact counts as the outermost ring. When several reports describe one edge, the strongest
counts. Alter–alter ties are not merged: they are one person's view of two others.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping

from activities.network.analysis.graph import ADVICE, ASKED, GAVE, WORKED_WITH, EgoDrawing

MEMBER = "member"
CATEGORY = "category"
HELP = "help"
ADVICE_KIND = "advice"
WORKED = "worked_with"
KNOWS = "knows"
EXTERNAL = "external"
DIRECTED_KINDS = frozenset({HELP, ADVICE_KIND, EXTERNAL})
KNOWLEDGE_KINDS = frozenset({HELP, ADVICE_KIND})
CATEGORY_PREFIX = "category:"


@dataclass(frozen=True)
class Node:
    """A course member (id = LMS sub) or an aggregated category of outside contacts."""

    id: str
    label: str
    kind: str = MEMBER
    drew: bool = False
    count: int = 0


@dataclass(frozen=True)
class Edge:
    """One merged tie; directed kinds point to the knowledge holder (see the module docstring)."""

    source: str
    target: str
    kind: str
    weight: float
    reporters: frozenset[str]
    count: int = 1

    @property
    def directed(self) -> bool:
        """Whether the edge has a direction (help, advice, external)."""
        return self.kind in DIRECTED_KINDS

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity across moments: (source, target, kind)."""
        return (self.source, self.target, self.kind)


@dataclass(frozen=True)
class CourseNetwork:
    """The merged network of one moment."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    def members(self) -> tuple[Node, ...]:
        """Member nodes only."""
        return tuple(n for n in self.nodes if n.kind == MEMBER)

    def member_edges(self) -> tuple[Edge, ...]:
        """Edges between two members (no category edges)."""
        return tuple(e for e in self.edges if e.kind != EXTERNAL)


def tie_strength(ring: int, ring_count: int) -> float:
    """Strength of a tie on ``ring`` of ``ring_count`` rings: 1.0 inside, 1/ring_count outermost."""
    rings = max(1, ring_count)
    if ring < 1 or ring > rings:
        ring = rings
    return (rings - ring + 1) / rings


def category_id(location: str) -> str:
    """Node id of the category node for one location key."""
    return CATEGORY_PREFIX + (location or "other")


def _member_edges(owner: str, member: str, relations: frozenset[str]):
    if ASKED in relations:
        yield owner, member, HELP
    if GAVE in relations:
        yield member, owner, HELP
    if ADVICE in relations:
        yield owner, member, ADVICE_KIND
    if WORKED_WITH in relations:
        yield min(owner, member), max(owner, member), WORKED
    if not relations & {ASKED, GAVE, ADVICE, WORKED_WITH}:
        yield min(owner, member), max(owner, member), KNOWS


def merge(drawings: Iterable[EgoDrawing], members: Mapping[str, str] | None = None,
          category_labels: Mapping[str, str] | None = None) -> CourseNetwork:
    """Merge drawings; ``members`` (sub → name) adds roster members who did not draw or were not named."""
    labels: dict[str, str] = dict(members or {})
    drew: set[str] = set()
    weights: dict[tuple[str, str, str], float] = {}
    reporters: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    per_category: dict[str, int] = defaultdict(int)
    for drawing in drawings:
        owner = drawing.owner_sub
        drew.add(owner)
        if not (members and owner in members):
            labels[owner] = drawing.owner_label or labels.get(owner, owner)
        for contact in drawing.contacts:
            strength = tie_strength(contact.ring, drawing.ring_count)
            if contact.member_sub:
                if contact.member_sub == owner:
                    continue
                labels.setdefault(contact.member_sub, contact.label or contact.member_sub)
                keys = list(_member_edges(owner, contact.member_sub, contact.relations))
            else:
                per_category[contact.location] += 1
                keys = [(owner, category_id(contact.location), EXTERNAL)]
            for key in keys:
                weights[key] = max(weights.get(key, 0.0), strength)
                reporters[key].add(owner)
                counts[key] += 1 if key[2] == EXTERNAL else 0
    nodes = [Node(sub, labels[sub], MEMBER, sub in drew) for sub in sorted(labels)]
    names = category_labels or {}
    nodes += [Node(category_id(loc), f"{names.get(loc, loc or 'other')} ({n})", CATEGORY, False, n)
              for loc, n in sorted(per_category.items())]
    edges = tuple(Edge(s, t, k, weights[(s, t, k)], frozenset(reporters[(s, t, k)]), counts[(s, t, k)] or 1)
                  for s, t, k in sorted(weights))
    return CourseNetwork(tuple(nodes), edges)
