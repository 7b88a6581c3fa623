"""The start and end drawings side by side: the same people at the same stored angles, changes marked."""
from dataclasses import dataclass

from activities.network.sociogram import layout

NEW, LOST, CHANGED = "is-new", "is-lost", "is-changed"


@dataclass
class Shown:
    """One drawing of the change view: its layout, what to mark on whom, and who knows whom."""

    moment: object
    layout: object
    marks: dict
    knows: dict


def knows_of(drawing):
    """{contact key: labels of the contacts they know} in one drawing."""
    names = {c.key: [] for c in drawing.contacts}
    for t in drawing.ties:
        names.setdefault(t.a.key, []).append(t.b.label)
        names.setdefault(t.b.key, []).append(t.a.label)
    return names


def _pair(a, b):
    return "|".join(sorted((a, b)))


def marks(comparison):
    """({key: mark} for the earlier drawing, {key: mark} for the later one), ties as "a|b" keys."""
    before = {c.key: LOST for c in comparison.lost_contacts}
    after = {c.key: NEW for c in comparison.new_contacts}
    for m in comparison.ring_moves:
        after.setdefault(m.contact.key, CHANGED)
    for r in comparison.relation_changes:
        after.setdefault(r.contact.key, CHANGED)
    before.update({_pair(a, b): LOST for a, b in comparison.lost_alter_ties})
    after.update({_pair(a, b): NEW for a, b in comparison.new_alter_ties})
    return before, after


def side_by_side(config, before, after, drawings, comparison):
    """The two drawings to show: `before`/`after` are moments, `drawings` their Drawing rows."""
    early, late = drawings
    mark_before, mark_after = marks(comparison)
    return [Shown(moment, layout.build(list(d.contacts), list(d.ties), config), m, knows_of(d))
            for moment, d, m in ((before, early, mark_before), (after, late, mark_after))]
