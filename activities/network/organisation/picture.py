"""The organisation network as a picture coloured by one skill: who holds it, who of them leaves, who needs it.

Positions come from igraph's Fruchterman–Reingold layout with a fixed seed (the same network is drawn the
same way each time); above MAX_PEOPLE the page offers the GraphML export for Gephi instead of a drawing.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

import igraph

from activities.network.analysis.knowledge_risk import SkillRisk

MAX_PEOPLE = 1500
WIDTH, HEIGHT, MARGIN = 1000, 640, 30
SEED = 20261204


@dataclass(frozen=True)
class Dot:
    """One person in the picture: position, what they are for the chosen skill, and their label."""

    x: float
    y: float
    kind: str  # "holder", "leaving" (a holder who leaves), "needs", or "other"
    label: str


@dataclass(frozen=True)
class Picture:
    """Dots and lines in a WIDTH × HEIGHT view box, with the counts its text equivalent says."""

    dots: tuple[Dot, ...]
    lines: tuple[tuple[float, float, float, float], ...]
    holders: int
    leaving: int
    needing: int


def draw(view, risk: SkillRisk | None, needs: frozenset[str]) -> Picture | None:
    """The picture of the view's network for one skill's risk (None: too many people, or nobody at all)."""
    network = view.network
    count = len(network.people)
    if count == 0 or count > MAX_PEOPLE:
        return None
    graph = network.graph
    igraph.set_random_number_generator(random.Random(SEED))
    try:
        layout = graph.layout_fruchterman_reingold(weights="weight" if graph.ecount() else None, niter=500)
    finally:
        igraph.set_random_number_generator(random)
    xs, ys = zip(*layout.coords) if count > 1 else ((0.0,), (0.0,))
    scale_x = (WIDTH - 2 * MARGIN) / ((max(xs) - min(xs)) or 1)
    scale_y = (HEIGHT - 2 * MARGIN) / ((max(ys) - min(ys)) or 1)
    points = [(MARGIN + (x - min(xs)) * scale_x, MARGIN + (y - min(ys)) * scale_y) for x, y in zip(xs, ys)]
    holders = risk.holders if risk else frozenset()
    leaving = risk.leaving if risk else frozenset()
    dots = tuple(Dot(x, y, _kind(person, holders, leaving, needs), view.label(person))
                 for person, (x, y) in zip(network.people, points))
    lines = tuple((*points[e.source], *points[e.target]) for e in graph.es)
    return Picture(dots, lines, len(holders), len(leaving), len(needs - holders))


def _kind(person, holders, leaving, needs):
    if person in leaving:
        return "leaving"
    if person in holders:
        return "holder"
    return "needs" if person in needs else "other"
