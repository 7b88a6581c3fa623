"""Plane geometry for the sociogram: where a person sits, what they cover, and whether a line clears them.

Units are SVG user units around "you" at (0, 0); angles are degrees, clockwise from the right (SVG).
"""
import math

EGO_RADIUS = 64  # the ego zone inside ring 1
OUTER_RADIUS = 440
NODE_RADIUS = 28
EGO_DRAWN = 40  # the circle of "you" in the middle
LINE_CLEARANCE = 10  # a line keeps this far from anyone it does not end at (stroke, arrowheads, beads, phone sizes)
NODE_GAP = 18  # room between two people's circles (drawn bigger on phones: 34 instead of 28)
BADGE_RADIUS = 22  # room for the ring-number badges at the top of every ring (drawn at 16, 24 on phones)
BADGE_ANGLE = 270.0
CAPTION_TOP, CAPTION_BOTTOM = 32, 78  # the name's distance from the node's centre (desktop and phone sizes)


def ring_edge(ring, ring_count):
    """The outer radius of a ring (ring 0: the ego zone)."""
    return EGO_RADIUS + (OUTER_RADIUS - EGO_RADIUS) * ring / ring_count


def ring_middle(ring, ring_count):
    """The radius where contacts on a ring sit."""
    return (ring_edge(ring - 1, ring_count) + ring_edge(ring, ring_count)) / 2


def polar(radius, angle):
    """The point at this radius and angle."""
    a = math.radians(angle)
    return radius * math.cos(a), radius * math.sin(a)


def angle_gap(a, b):
    """The smaller angle between two directions (0–180)."""
    d = abs(a - b) % 360
    return min(d, 360 - d)


def segment_distance(px, py, x1, y1, x2, y2):
    """The distance from point (px, py) to the segment (x1, y1)–(x2, y2)."""
    dx, dy = x2 - x1, y2 - y1
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / length2))
    return math.hypot(px - (x1 + t * dx), py - (y1 + t * dy))


def caption_width(label):
    """How wide a person's name is drawn under their node (the wider of the desktop and phone captions)."""
    return max(min(len(label), 14) * 11.5, min(len(label), 7) * 23) + 12


def caption_above(y):
    """Whether a node's name goes above it: in the top half, so it stays off the node's own line to the centre."""
    return y < -1


def caption_box(x, y, label):
    """The rectangle (left, top, right, bottom) of the name beside a node at (x, y)."""
    half = caption_width(label) / 2
    if caption_above(y):
        return x - half, y - CAPTION_BOTTOM, x + half, y - CAPTION_TOP
    return x - half, y + CAPTION_TOP, x + half, y + CAPTION_BOTTOM


def boxes_overlap(a, b):
    """Whether two rectangles (left, top, right, bottom) overlap."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def circle_hits_box(x, y, radius, box):
    """Whether a circle overlaps a rectangle."""
    nx, ny = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
    return math.hypot(x - nx, y - ny) < radius


def badges(ring_count):
    """Centres of the ring-number badges (one on the outer edge of every ring, at the top)."""
    return [polar(ring_edge(ring, ring_count), BADGE_ANGLE) for ring in range(1, ring_count + 1)]


def quad_point(p0, c, p1, t):
    """A point on the quadratic Bézier curve p0–c–p1."""
    u = 1 - t
    return (u * u * p0[0] + 2 * u * t * c[0] + t * t * p1[0], u * u * p0[1] + 2 * u * t * c[1] + t * t * p1[1])


def polyline_distance(px, py, points):
    """The distance from a point to a polyline."""
    return min(segment_distance(px, py, *a, *b) for a, b in zip(points, points[1:]))
