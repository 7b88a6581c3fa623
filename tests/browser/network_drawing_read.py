"""Reading what a network drawing in the browser says: where people are, the lines, the ties."""
import re

from activities.network.tie_routes import curve_points

NODES = """svg => Array.from(svg.querySelectorAll('.node')).map(n => ({
  key: n.dataset.key, name: n.dataset.name, ring: Number(n.dataset.ring),
  angle: n.dataset.angle === undefined ? null : Number(n.dataset.angle),
  x: Number(n.dataset.x), y: Number(n.dataset.y)}))"""
LINES = """svg => Array.from(svg.querySelectorAll('.rel-line')).map(g => {
  const l = g.querySelector('line');
  return {key: g.dataset.key, toThem: g.dataset.toThem === '1', toMe: g.dataset.toMe === '1',
          end: l.hasAttribute('marker-end'), start: l.hasAttribute('marker-start'),
          x1: Number(l.getAttribute('x1')), y1: Number(l.getAttribute('y1')),
          x2: Number(l.getAttribute('x2')), y2: Number(l.getAttribute('y2')),
          beads: g.querySelectorAll('.bead').length};
})"""
TIES = "svg => Array.from(svg.querySelectorAll('.tie[data-a]')).map(t => [t.dataset.a, t.dataset.b, t.getAttribute('d')])"
NUMBER = r"-?\d+(?:\.\d+)?"


def nodes(svg):
    """Everyone in the drawing, in the drawing's own (tab) order."""
    return svg.evaluate(NODES)


def placed(svg):
    """{key: node} of the people on a ring."""
    return {n["key"]: n for n in nodes(svg) if n["ring"]}


def lines(svg):
    """{contact key: the line from "you" to them, with its markers}."""
    return {line["key"]: line for line in svg.evaluate(LINES)}


def ties(svg):
    """(a, b, sampled points) of every line between two contacts, read from the path data."""
    found = []
    for a, b, d in svg.evaluate(TIES):
        values = [float(v) for v in re.findall(NUMBER, d)]
        if "Q" in d:
            start, control, end = values[0:2], values[2:4], values[4:6]
        else:
            start, end = values[0:2], values[2:4]
            control = [(start[0] + end[0]) / 2, (start[1] + end[1]) / 2]
        found.append((a, b, curve_points(tuple(start), tuple(control), tuple(end))))
    return found
