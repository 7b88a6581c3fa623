"""How a line between two of a learner's contacts goes round everyone else (straight when it can)."""
import math

from activities.network.sociogram import geometry as geo

BENDS = (0, 70, -70, 140, -140, 220, -220, 320, -320, 440, -440)  # control-point offsets, tried in order
SAMPLES = 24


def curve_points(p0, c, p1, samples=SAMPLES):
    """Points along the quadratic curve p0–c–p1 (a straight line when c is the midpoint)."""
    return [geo.quad_point(p0, c, p1, i / samples) for i in range(samples + 1)]


def clearance(points, obstacles):
    """How far the curve stays from the edge of the nearest obstacle (x, y, radius); negative when it cuts one."""
    return min((geo.polyline_distance(x, y, points) - r for x, y, r in obstacles), default=math.inf)


def _trim(start, control, radius):
    """The point `radius` from `start` towards the control point (where the curve leaves a node's edge)."""
    dx, dy = control[0] - start[0], control[1] - start[1]
    length = math.hypot(dx, dy) or 1
    return start[0] + dx / length * radius, start[1] + dy / length * radius


def route(a, b, obstacles):
    """The SVG path (and its sampled points) from node a to node b that clears every obstacle it can.

    `a`, `b`: (x, y) centres; `obstacles`: (x, y, radius) of everyone else, "you" included.
    """
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1
    nx, ny = -(b[1] - a[1]) / length, (b[0] - a[0]) / length
    best = None
    for bend in BENDS:
        control = (mx + nx * bend, my + ny * bend)
        start, end = _trim(a, control, geo.NODE_RADIUS), _trim(b, control, geo.NODE_RADIUS)
        points = curve_points(start, control, end)
        room = clearance(points, obstacles)
        if best is None or room > best[0]:
            best = (room, start, control, end, points)
        if room >= geo.LINE_CLEARANCE:
            break
    _, start, control, end, points = best
    if control == (mx, my):
        return f"M{start[0]:.1f} {start[1]:.1f} L{end[0]:.1f} {end[1]:.1f}", points
    return (f"M{start[0]:.1f} {start[1]:.1f} Q{control[0]:.1f} {control[1]:.1f} {end[0]:.1f} {end[1]:.1f}",
            points)
