"""Where things go in the sociogram: rings around the participant, contacts on them, a tray for the unplaced.

The SVG is drawn on the server (so it shows without JavaScript) and redrawn after every change; the
script only moves things and asks the server to save. Units are SVG user units around (0, 0).
"""
import math
from dataclasses import dataclass, field

from activities.network.graph import TOWARD_ALTER, TOWARD_EGO

EGO_RADIUS = 64
OUTER_RADIUS = 440
NODE_RADIUS = 28
EGO_DRAWN = 40  # the circle of "you" in the middle
TRAY_TOP = 500
TRAY_ROW = 104
TRAY_COLUMNS = 5
LANE = 7  # distance between the parallel lines of one contact's relations


def ring_edge(ring, ring_count):
    """The outer radius of a ring (ring 0: the ego zone)."""
    return EGO_RADIUS + (OUTER_RADIUS - EGO_RADIUS) * ring / ring_count


def ring_middle(ring, ring_count):
    """The radius where contacts on a ring sit."""
    return (ring_edge(ring - 1, ring_count) + ring_edge(ring, ring_count)) / 2


def initials(label):
    """Up to two letters shown inside a node."""
    parts = [p for p in label.replace(".", " ").split() if p[:1].isalnum()]
    if not parts:
        return "?"
    if len(parts) == 1:
        return parts[0][:2].upper()
    return (parts[0][0] + parts[-1][0]).upper()


def short(label, limit=14):
    """A label cut to fit under a node."""
    return label if len(label) <= limit else label[:limit - 1] + "…"


@dataclass
class Node:
    """A contact where it is drawn."""

    contact: object
    x: float
    y: float
    angle: float | None
    location_index: int
    initials: str
    caption: str


@dataclass
class Line:
    """One relation line between the participant and a contact (or a tie between two contacts)."""

    x1: float
    y1: float
    x2: float
    y2: float
    css: str
    arrow: bool = False
    a: str = ""
    b: str = ""


@dataclass
class Layout:
    """Everything the SVG template draws."""

    ring_count: int
    radii: list
    nodes: list
    lines: list = field(default_factory=list)
    ties: list = field(default_factory=list)
    height: float = 1000

    @property
    def view_box(self):
        """The SVG viewBox covering the rings and the tray."""
        return f"-500 -500 1000 {self.height:.0f}"


def _angles(contacts):
    """Angles (degrees) for contacts on one ring: their saved angle, or spread evenly when none."""
    free = [c for c in contacts if c.angle is None]
    result = {c.key: c.angle for c in contacts if c.angle is not None}
    for i, c in enumerate(free):
        result[c.key] = (-90 + 360 * i / len(free) + (15 if len(free) > 1 else 0)) % 360
    return result


def shorten(x1, y1, x2, y2, start, end):
    """A line from (x1, y1) to (x2, y2) cut by `start` at its beginning and `end` at its end."""
    length = math.hypot(x2 - x1, y2 - y1) or 1
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    return x1 + ux * start, y1 + uy * start, x2 - ux * end, y2 - uy * end


def _relation_lines(node, relations, order, weak):
    chosen = [r for r in order if r in relations]
    length = math.hypot(node.x, node.y) or 1
    nx, ny = -node.y / length, node.x / length  # perpendicular, for parallel lanes
    lines = []
    for i, key in enumerate(chosen):
        shift = (i - (len(chosen) - 1) / 2) * LANE
        ex, ey, cx, cy = nx * shift, ny * shift, node.x + nx * shift, node.y + ny * shift
        index = order.index(key)
        css = f"rel rel-{index}" + (" weak" if weak else "")
        if key in TOWARD_EGO:  # drawn from the contact to the participant: the participant holds the knowledge
            x1, y1, x2, y2 = shorten(cx, cy, ex, ey, NODE_RADIUS + 2, EGO_DRAWN + 3)
        else:
            x1, y1, x2, y2 = shorten(ex, ey, cx, cy, EGO_DRAWN + 3, NODE_RADIUS + 2)
        directed = key in TOWARD_ALTER or key in TOWARD_EGO
        lines.append(Line(x1, y1, x2, y2, css + (" arrow" if directed else ""), directed))
    return lines


def build(drawing_contacts, ties, config):
    """The layout of a drawing: nodes on rings or in the tray, relation lines, alter–alter ties."""
    n = config.ring_count
    locations = list(config.location_keys())
    order = list(config.relation_keys())
    nodes, by_id = [], {}
    for ring in range(1, n + 1):
        on_ring = [c for c in drawing_contacts if c.ring == ring]
        angles = _angles(on_ring)
        for c in on_ring:
            a = math.radians(angles[c.key])
            r = ring_middle(ring, n)
            nodes.append(Node(c, r * math.cos(a), r * math.sin(a), angles[c.key],
                              locations.index(c.location) if c.location in locations else -1,
                              initials(c.label), short(c.label)))
    tray = [c for c in drawing_contacts if not 1 <= c.ring <= n]
    for i, c in enumerate(tray):
        row, col = divmod(i, TRAY_COLUMNS)
        x = -400 + col * 200
        nodes.append(Node(c, x, TRAY_TOP + 52 + row * TRAY_ROW, None,
                          locations.index(c.location) if c.location in locations else -1,
                          initials(c.label), short(c.label)))
    layout = Layout(n, [ring_edge(i, n) for i in range(1, n + 1)], nodes)
    rows = (len(tray) + TRAY_COLUMNS - 1) // TRAY_COLUMNS
    layout.height = 1000 + (rows * TRAY_ROW + 30 if tray else 0)
    for node in nodes:
        by_id[node.contact.id] = node
        if node.angle is not None:
            layout.lines += _relation_lines(node, set(node.contact.relations or ()), order, node.contact.ring > 1)
    for tie in ties:
        a, b = by_id.get(tie.a_id), by_id.get(tie.b_id)
        if a is not None and b is not None:
            layout.ties.append(Line(*shorten(a.x, a.y, b.x, b.y, NODE_RADIUS, NODE_RADIUS), "tie",
                                    a=a.contact.key, b=b.contact.key))
    return layout
