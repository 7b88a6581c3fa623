"""The facilitator's course network: merged drawings, their measures, and a layout to draw them."""
from dataclasses import dataclass

import networkx as nx
import numpy as np

from activities.network import convert
from activities.network.analysis import course_measures, course_network
from activities.network.content import text_of
from activities.network.analysis.course_network import CATEGORY, EXTERNAL
from activities.network.sociogram.layout import Line, shorten

SCALE = 420
MEMBER_RADIUS = 20
CATEGORY_RADIUS = 26
ALONE_TOP = 1.18  # the row of people without ties, below the drawing (in layout units)
ALONE_COLUMNS = 5


@dataclass
class PlacedNode:
    """A course network node where it is drawn."""

    node: object
    x: float
    y: float
    community: int | None
    caption: str


def category_labels(config, language):
    """{location key: label} for the category nodes."""
    return {loc["key"]: text_of(loc, language) for loc in config.locations}


def network_at(instance, config, moment_key, members, language):
    """(CourseNetwork, CourseMeasures) of one moment; `members` is {sub: name} of the course's learners."""
    egos = convert.egos_at(instance, moment_key, config)
    network = course_network.merge(egos, members=members, category_labels=category_labels(config, language))
    return network, course_measures.analyse(network)


def _positions(network):
    """Tied nodes by a spring layout filling the square; people without ties in a row underneath."""
    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in network.nodes)
    graph.add_edges_from((e.source, e.target) for e in network.edges if e.source != e.target)
    alone = [n for n in graph if graph.degree(n) == 0]
    graph.remove_nodes_from(alone)
    positions = {}
    if len(graph) == 1:
        positions[next(iter(graph))] = (0.0, 0.0)
    elif graph:
        # A fixed seed: the same network is always drawn the same way, so two visits compare.
        found = nx.spring_layout(graph, seed=7, k=1.8 / len(graph) ** 0.5, iterations=100)
        positions = dict(zip(found, nx.rescale_layout(np.array(list(found.values())), scale=0.92)))
    for i, node in enumerate(alone):
        row, col = divmod(i, ALONE_COLUMNS)
        positions[node] = ((col - (min(ALONE_COLUMNS, len(alone)) - 1) / 2) * 0.42, ALONE_TOP + row * 0.3)
    return positions, len(alone)


def layout(network, measures):
    """(nodes, lines, viewBox) for the SVG: members coloured by community, outsiders as category squares."""
    positions, alone = _positions(network)
    nodes, where = [], {}
    for n in network.nodes:
        x, y = positions.get(n.id, (0.0, 0.0))
        placed = PlacedNode(n, float(x) * SCALE, float(y) * SCALE,
                            measures.community_of(n.id) if n.kind != CATEGORY else None,
                            n.label if len(n.label) <= 18 else n.label[:17] + "…")
        nodes.append(placed)
        where[n.id] = placed
    lines = []
    for e in network.edges:
        a, b = where.get(e.source), where.get(e.target)
        if a is None or b is None or a is b:
            continue
        end = CATEGORY_RADIUS if b.node.kind == CATEGORY else MEMBER_RADIUS
        css = f"cedge cedge-{e.kind}" + (" weak" if e.weight < 1 and e.kind != EXTERNAL else "")
        lines.append(Line(*shorten(a.x, a.y, b.x, b.y, MEMBER_RADIUS, end + 3), css, e.directed))
    rows = (alone + ALONE_COLUMNS - 1) // ALONE_COLUMNS
    height = 1000 + (rows * 0.3 * SCALE + 60 if rows else 0)
    return nodes, lines, f"-500 -480 1000 {height:.0f}"
