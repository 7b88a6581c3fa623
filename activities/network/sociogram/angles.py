"""Every placed contact keeps an angle of its own: new ones take the middle of the largest free gap,
moved ones the nearest angle where nobody's circle, name or line is in the way. Nobody else moves.
"""
import math
from dataclasses import dataclass

from activities.network.sociogram import geometry as geo

STEP = 1.0  # degrees between the candidate angles
NEAR = 120.0  # people further apart than this (in degrees) cannot touch, whatever their rings and names
TRIES = 90  # when nothing is clear, the least crowded of this many candidates (a crowded drawing stays fast)
GAP_TO_LINE = geo.NODE_RADIUS + geo.LINE_CLEARANCE
GAP_TO_NODE = 2 * geo.NODE_RADIUS + geo.NODE_GAP
GAP_TO_BADGE = geo.NODE_RADIUS + geo.BADGE_RADIUS + 4


@dataclass(frozen=True)
class Spot:
    """A person at a ring and angle, with what their name covers."""

    key: str
    angle: float
    x: float
    y: float
    box: tuple


def spot(key, ring, angle, label, ring_count):
    """Where a contact with this ring, angle and name sits."""
    x, y = geo.polar(geo.ring_middle(ring, ring_count), angle)
    return Spot(key, angle % 360, x, y, geo.caption_box(x, y, label))


def clashes(me, others, ring_count):
    """How many people, names, lines and badges the spot `me` runs into (0: a clear place)."""
    count = 0
    for o in others:
        if geo.angle_gap(me.angle, o.angle) > NEAR:
            continue
        if (math.hypot(me.x - o.x, me.y - o.y) < GAP_TO_NODE or geo.boxes_overlap(me.box, o.box)
                or geo.circle_hits_box(me.x, me.y, geo.NODE_RADIUS + 2, o.box)
                or geo.circle_hits_box(o.x, o.y, geo.NODE_RADIUS + 2, me.box)
                # My line from the centre must clear them, and theirs must clear me.
                or geo.segment_distance(o.x, o.y, 0, 0, me.x, me.y) < GAP_TO_LINE
                or geo.segment_distance(me.x, me.y, 0, 0, o.x, o.y) < GAP_TO_LINE):
            count += 1
    for bx, by in geo.badges(ring_count):
        if (math.hypot(me.x - bx, me.y - by) < GAP_TO_BADGE
                or geo.segment_distance(bx, by, 0, 0, me.x, me.y) < geo.BADGE_RADIUS + geo.LINE_CLEARANCE
                or geo.circle_hits_box(bx, by, geo.BADGE_RADIUS + 2, me.box)):
            count += 1
    return count


def _candidates():
    return [i * STEP for i in range(int(360 / STEP))]


def free_angle(ring, label, others, ring_count):
    """The middle of the largest free gap on the ring: clear of everyone, as far as possible from them."""
    taken = [o.angle for o in others] + [geo.BADGE_ANGLE]
    # Widest gaps first: the first clear candidate is the answer.
    ranked = sorted(_candidates(), key=lambda a: -min(geo.angle_gap(a, t) for t in taken))
    best, best_count = ranked[0], None
    for angle in ranked[:TRIES] if len(others) > 40 else ranked:
        count = clashes(spot("", ring, angle, label, ring_count), others, ring_count)
        if count == 0:
            return angle
        if best_count is None or count < best_count:
            best, best_count = angle, count
    return best


def nearest_clear(ring, wanted, label, others, ring_count, leaving=None):
    """The clear angle closest to where the learner put the person (or the least crowded when none is).

    `leaving`: the angle they are moved away from (Shift+arrow), never the answer, so a step always moves.
    """
    best, best_score = wanted % 360, None
    for step in range(int(180 / STEP) + 1):
        if best_score is not None and step > TRIES and len(others) > 40:
            break
        for angle in {(wanted + step * STEP) % 360, (wanted - step * STEP) % 360}:
            if leaving is not None and geo.angle_gap(angle, leaving) < STEP:
                continue
            count = clashes(spot("", ring, angle, label, ring_count), others, ring_count)
            if count == 0:
                return round(angle, 2)
            if best_score is None or count < best_score:
                best, best_score = angle, count
    return round(best, 2)


def spots(contacts, ring_count, leave_out=None):
    """The spots of every placed contact with an angle (except `leave_out`)."""
    return [spot(c.key, c.ring, c.angle, c.label, ring_count) for c in contacts
            if c is not leave_out and 1 <= c.ring <= ring_count and c.angle is not None]


def settle(contact, contacts, ring_count, wanted=None):
    """Give a placed contact its angle: near `wanted` when the learner chose one, else its own, else a free gap."""
    if not 1 <= contact.ring <= ring_count:
        return
    others = spots(contacts, ring_count, leave_out=contact)
    target = wanted if wanted is not None else contact.angle
    leaving = contact.angle if wanted is not None and contact.angle is not None and wanted != contact.angle else None
    if target is None:
        contact.angle = free_angle(contact.ring, contact.label, others, ring_count)
    else:
        contact.angle = nearest_clear(contact.ring, float(target), contact.label, others, ring_count, leaving)
