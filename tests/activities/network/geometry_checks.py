"""Checks of what a drawn layout says, shared by the unit and browser tests: distinct angles, clear lines."""
import math

from activities.network.sociogram.geometry import EGO_DRAWN, NODE_RADIUS, angle_gap, polyline_distance, segment_distance


def shared_angles(angles, tolerance=1.0):
    """Pairs of contacts whose angles are within `tolerance` degrees ({key: angle})."""
    keys = sorted(angles)
    return [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:] if angle_gap(angles[a], angles[b]) < tolerance]


def lines_through_nodes(centres, ties=()):
    """Lines that pass through a third person's circle.

    `centres`: {key: (x, y)} of the placed contacts ("you" at the origin); a line from you runs to every
    contact; `ties`: (a, b, points) for lines between two contacts, sampled along their path.
    """
    found = []
    for key, (x, y) in centres.items():
        for other, (ox, oy) in centres.items():
            if other != key and segment_distance(ox, oy, 0, 0, x, y) < NODE_RADIUS:
                found.append(("you", key, other))
    for a, b, points in ties:
        for other, (ox, oy) in list(centres.items()) + [("you", (0, 0))]:
            radius = EGO_DRAWN if other == "you" else NODE_RADIUS
            if other not in (a, b) and polyline_distance(ox, oy, points) < radius:
                found.append((a, b, other))
    return found


def overlapping_nodes(centres):
    """Pairs of people whose circles overlap."""
    keys = sorted(centres)
    return [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]
            if math.dist(centres[a], centres[b]) < 2 * NODE_RADIUS]
