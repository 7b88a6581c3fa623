"""Where things go in the sociogram: rings around the participant, contacts at their stored angle, a tray.

The SVG is drawn on the server (so it shows without JavaScript) and redrawn after every change; the
script only moves things and asks the server to save. Units are SVG user units around (0, 0).
Nobody's position is computed from anyone else's: a contact sits at the angle stored with it.
"""
import math
from dataclasses import dataclass, field

from activities.network.sociogram import angles, tie_routes
from activities.network.sociogram import geometry as geo
from activities.network.sociogram.geometry import EGO_DRAWN, EGO_RADIUS, NODE_RADIUS, OUTER_RADIUS, ring_edge, ring_middle  # noqa: F401

TRAY_TOP = 500
TRAY_ROW = 104
TRAY_COLUMNS = 5
BEAD_SPACING = 16
HALF_VIEW = 470  # the outer ring (440) and the names of people on it (to about 463) fit
# The drawing reads like a sentence: "I asked → them", "I gave help → them", "they advised → me".
# (The exports keep their own convention: edges point to whoever holds the knowledge; see graph.py.)
TO_THEM = frozenset({"asked", "gave"})
TO_ME = frozenset({"advice"})


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
    caption_short: str = ""

    @property
    def caption_above(self):
        """Whether the name is drawn above the node (top half of the drawing)."""
        return self.angle is not None and geo.caption_above(self.y)


@dataclass
class Line:
    """A straight line (used by the course network); `a`/`b` name its ends."""

    x1: float
    y1: float
    x2: float
    y2: float
    css: str
    arrow: bool = False
    a: str = ""
    b: str = ""


@dataclass
class RelationLine:
    """The one line between "you" and a contact, whatever the number of relations, with its markers."""

    key: str
    x1: float
    y1: float
    x2: float
    y2: float
    css: str
    to_them: bool
    to_me: bool
    marker: str
    beads: list = field(default_factory=list)  # (x, y, relation index) when there are several relations


@dataclass
class TiePath:
    """A line between two contacts who know each other, bent round anyone in the way."""

    a: str
    b: str
    d: str
    points: list


@dataclass
class Layout:
    """Everything the SVG template draws."""

    ring_count: int
    radii: list
    nodes: list
    lines: list = field(default_factory=list)
    ties: list = field(default_factory=list)
    badges: list = field(default_factory=list)
    height: float = 1000

    @property
    def view_box(self):
        """The SVG viewBox covering the rings, the names on the outer ring and the tray (no empty margin)."""
        return f"-{HALF_VIEW} -{HALF_VIEW} {2 * HALF_VIEW} {self.height - 500 + HALF_VIEW:.0f}"


def shorten(x1, y1, x2, y2, start, end):
    """A line from (x1, y1) to (x2, y2) cut by `start` at its beginning and `end` at its end."""
    length = math.hypot(x2 - x1, y2 - y1) or 1
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    return x1 + ux * start, y1 + uy * start, x2 - ux * end, y2 - uy * end


def relation_line(node, relations, order):
    """The line from "you" to a placed contact, or None when they share no relation."""
    chosen = [order.index(r) for r in order if r in relations]
    if not chosen:
        return None
    # Starts clear of the bigger "you" drawn on phones, so an arrowhead towards you stays visible.
    x1, y1, x2, y2 = shorten(0, 0, node.x, node.y, EGO_DRAWN + 9, NODE_RADIUS + 3)
    keys = {order[i] for i in chosen}
    single = len(chosen) == 1
    css = ("rel rel-%d" % chosen[0] if single else "rel rel-multi") + (" weak" if node.contact.ring > 1 else "")
    line = RelationLine(node.contact.key, x1, y1, x2, y2, css, bool(keys & TO_THEM), bool(keys & TO_ME),
                        "m-%d" % chosen[0] if single else "m-multi")
    if not single:
        length = math.hypot(x2 - x1, y2 - y1) or 1
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        for i, index in enumerate(chosen):
            shift = (i - (len(chosen) - 1) / 2) * BEAD_SPACING
            line.beads.append((mx + ux * shift, my + uy * shift, index))
    return line


def _node(c, x, y, angle, locations):
    return Node(c, x, y, angle, locations.index(c.location) if c.location in locations else -1,
                initials(c.label), short(c.label), short(c.label, 7))


def _covers(node):
    """Circles covering a person and their name, for lines to go round (the name as a row of small circles)."""
    left, top, right, bottom = geo.caption_box(node.x, node.y, node.contact.label)
    radius = (bottom - top) / 3
    count = max(1, math.ceil((right - left) / (2 * radius)))
    row = [(left + (i + 0.5) * (right - left) / count, (top + bottom) / 2, radius) for i in range(count)]
    return [(node.x, node.y, NODE_RADIUS)] + row


def build(drawing_contacts, ties, config):
    """The layout of a drawing: nodes on rings or in the tray (in the contacts' own order), lines, ties."""
    n = config.ring_count
    locations = list(config.location_keys())
    order = list(config.relation_keys())
    own = {c.key: c.angle for c in drawing_contacts if 1 <= c.ring <= n and c.angle is not None}
    placed = angles.spots(drawing_contacts, n)
    nodes, tray = [], 0
    for c in drawing_contacts:
        if 1 <= c.ring <= n:
            angle = own.get(c.key)
            if angle is None:  # a drawing from before angles were stored: a free place, not saved
                angle = angles.free_angle(c.ring, c.label, placed, n)
                placed.append(angles.spot(c.key, c.ring, angle, c.label, n))
            x, y = geo.polar(ring_middle(c.ring, n), angle)
            nodes.append(_node(c, x, y, angle, locations))
        else:
            row, col = divmod(tray, TRAY_COLUMNS)
            nodes.append(_node(c, -376 + col * 188, TRAY_TOP + 52 + row * TRAY_ROW, None, locations))
            tray += 1
    layout = Layout(n, [ring_edge(i, n) for i in range(1, n + 1)], nodes,
                    badges=[(i + 1, x, y) for i, (x, y) in enumerate(geo.badges(n))])
    rows = (tray + TRAY_COLUMNS - 1) // TRAY_COLUMNS
    layout.height = 1000 + (rows * TRAY_ROW + 30 if tray else 0)
    by_id = {node.contact.id: node for node in nodes}
    for node in nodes:
        if node.angle is not None:
            line = relation_line(node, set(node.contact.relations or ()), order)
            if line is not None:
                layout.lines.append(line)
    for tie in ties:
        a, b = by_id.get(tie.a_id), by_id.get(tie.b_id)
        if a is not None and b is not None:
            others = [circle for o in nodes if o is not a and o is not b for circle in _covers(o)]
            badges = [(x, y, geo.BADGE_RADIUS) for _n, x, y in layout.badges]
            d, points = tie_routes.route((a.x, a.y), (b.x, b.y), others + badges + [(0, 0, EGO_DRAWN)])
            layout.ties.append(TiePath(a.contact.key, b.contact.key, d, points))
    return layout
