"""Stored angles: new contacts spread over free angles, nobody else moves, no line runs through a person."""
import math
from types import SimpleNamespace

from activities.network.sociogram import angles, layout
from activities.network import contacts
from activities.network.sociogram import geometry as geo
from activities.network import settings as network_settings
from tests.activities.network.geometry_checks import lines_through_nodes, overlapping_nodes, shared_angles

CONFIG = network_settings.load({})


def _drawing():
    return SimpleNamespace(contacts=[])


def _contact(drawing, n, ring, relations=("asked",), label=None):
    c = SimpleNamespace(id=n, key=f"k{n}", ring=ring, angle=None, label=label or f"Person {n}", location="my_team",
                        relations=list(relations), member_sub=None, drawing=drawing)
    drawing.contacts.append(c)
    return c


def _centres(result):
    return {n.contact.key: (n.x, n.y) for n in result.nodes if n.angle is not None}


def test_contacts_placed_without_an_angle_each_get_their_own():
    drawing = _drawing()
    for n, ring in enumerate([1, 1, 2, 3, 3, 2, 1, 3, 2], start=1):
        c = _contact(drawing, n, 0)
        contacts.place(c, ring, None, 3)  # the list view and the 1–3 keys send no angle
    result = layout.build(drawing.contacts, [], CONFIG)
    assert not shared_angles({c.key: c.angle for c in drawing.contacts})
    assert not lines_through_nodes(_centres(result))
    assert not overlapping_nodes(_centres(result))
    assert all(n.angle == c.angle for n, c in zip(result.nodes, drawing.contacts))  # drawn where stored


def test_a_contact_dropped_on_someone_moves_aside_and_nobody_else_moves():
    drawing = _drawing()
    first = _contact(drawing, 1, 0)
    contacts.place(first, 1, 30, 3)
    second = _contact(drawing, 2, 0)
    contacts.place(second, 3, 200, 3)
    before = (first.angle, second.angle)
    third = _contact(drawing, 3, 0)
    contacts.place(third, 2, 30, 3)  # straight behind the first: the line would run through them
    assert (first.angle, second.angle) == before == (30, 200)
    assert third.angle != 30 and abs(third.angle - 30) < 40  # near where it was dropped
    assert not lines_through_nodes(_centres(layout.build(drawing.contacts, [], CONFIG)))


def test_saving_everyone_unchanged_moves_nobody_and_off_the_rings_keeps_the_angle():
    drawing = _drawing()
    for n in range(1, 5):
        contacts.place(_contact(drawing, n, 0), 2, None, 3)
    kept = [c.angle for c in drawing.contacts]
    for c in drawing.contacts:
        contacts.place(c, c.ring, c.angle, 3)  # what the list view's "save all" does
    assert [c.angle for c in drawing.contacts] == kept
    c = drawing.contacts[0]
    contacts.place(c, 0, None, 3)
    contacts.place(c, 2, None, 3)
    assert c.angle == kept[0]  # back where it was


def test_several_relations_make_one_line_and_arrows_read_as_sentences():
    drawing = _drawing()
    both = _contact(drawing, 1, 1, relations=("worked_with", "asked", "advice"))
    both.angle = 0
    gave = _contact(drawing, 2, 2, relations=("gave",))
    gave.angle = 90
    result = layout.build(drawing.contacts, [], CONFIG)
    one = [line for line in result.lines if line.key == "k1"]
    assert len(one) == 1 and one[0].to_them and one[0].to_me and len(one[0].beads) == 3
    assert one[0].x2 > one[0].x1  # drawn from you to them; the arrow at their end means "you → them"
    helped = next(line for line in result.lines if line.key == "k2")
    assert helped.to_them and not helped.to_me and not helped.beads  # "I gave help → them"


def test_ties_go_round_the_people_in_between():
    drawing = _drawing()
    for n, (ring, angle) in enumerate([(3, 0), (1, 180), (3, 180), (2, 90), (3, 95)], start=1):
        c = _contact(drawing, n, ring)
        c.angle = angle
    ties = [SimpleNamespace(a_id=1, b_id=3), SimpleNamespace(a_id=2, b_id=5), SimpleNamespace(a_id=1, b_id=4)]
    result = layout.build(drawing.contacts, ties, CONFIG)
    routed = [(t.a, t.b, t.points) for t in result.ties]
    assert len(routed) == 3
    assert "Q" in result.ties[0].d  # straight across would run through you
    # (these hand-set angles put people behind each other; only the ties are checked here)
    assert not [hit for hit in lines_through_nodes(_centres(result), routed) if hit[0] != "you"]


def test_a_crowded_ring_still_gives_distinct_angles():
    drawing = _drawing()
    for n in range(1, 25):
        contacts.place(_contact(drawing, n, 0, label=f"P{n}"), 1 + n % 3, None, 3)
    assert not shared_angles({c.key: c.angle for c in drawing.contacts})
    assert angles.free_angle(1, "X", [], 3) == 90  # the first goes opposite the ring numbers at the top


def test_nobody_sits_on_or_behind_the_ring_numbers_and_a_step_round_the_ring_always_moves():
    drawing = _drawing()
    for n in range(1, 13):
        contacts.place(_contact(drawing, n, 0), 1 + n % 3, 270 if n < 4 else None, 3)  # dropped on the numbers
    result = layout.build(drawing.contacts, [], CONFIG)
    for node in (n for n in result.nodes if n.angle is not None):
        for _number, bx, by in result.badges:
            assert math.dist((node.x, node.y), (bx, by)) >= geo.NODE_RADIUS + geo.BADGE_RADIUS
            line = next((x for x in result.lines if x.key == node.contact.key), None)
            if line:
                assert geo.segment_distance(bx, by, line.x1, line.y1, line.x2, line.y2) >= geo.BADGE_RADIUS
    mover = drawing.contacts[5]
    start = mover.angle
    contacts.place(mover, mover.ring, start + 10, 3)  # Shift+Right
    assert mover.angle != start
