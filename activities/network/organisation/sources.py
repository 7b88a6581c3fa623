"""What the organisation view is computed from: the included courses' latest drawings, the HR files, and
who opted out (left out of every figure, at the next computation)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from activities.network import moments
from activities.network import settings as network_settings
from activities.network.analysis.course_network import tie_strength
from activities.network.content import text_of
from activities.network.models import Contact, Drawing
from activities.network.organisation.models import OrgLeaving, OrgOptOut, OrgSkill
from lti_tool.extensions import db
from lti_tool.models import ActivityInstance, Context, User


@dataclass(frozen=True)
class OrgSources:
    """Plain values for org_graph and knowledge_risk; people are LMS user ids (subs)."""

    courses: tuple[str, ...]           # titles of the included courses
    ties: tuple[tuple[str, str, float], ...]
    people: frozenset[str]
    holdings: tuple[tuple[str, str], ...]  # (person, skill as typed): drawings, offers and the HR file
    needs: tuple[tuple[str, str], ...]
    leaving: dict[str, date]
    names: dict[str, str]
    # Ties to people outside the LMS: (person, category as the course names it, how many); never a name.
    outside: tuple[tuple[str, str, int], ...] = ()
    # The HR file's levels: (person, skill as typed, 1 basic to 5 expert) where the file gave one.
    levels: tuple[tuple[str, str, int], ...] = ()


def included_placements(platform_id: int) -> list[tuple[ActivityInstance, str]]:
    """(placement, course title) of this registration's network placements whose facilitators included them."""
    rows = db.session.execute(select(ActivityInstance, Context.title).join(
        Context, Context.id == ActivityInstance.context_id).where(
        ActivityInstance.platform_id == platform_id, ActivityInstance.activity_type == "network")
        .order_by(ActivityInstance.id)).all()
    return [(instance, title) for instance, title in rows if network_settings.load(instance.settings).organisation_view]


def opted_out_subs(platform_id: int) -> frozenset[str]:
    """The subs of everyone of this registration who opted out."""
    return frozenset(db.session.execute(select(User.sub).join(OrgOptOut, OrgOptOut.user_id == User.id)
                                        .where(User.platform_id == platform_id)).scalars())


def _rows(instance_id, moment_key):
    """The moment's drawings and their contacts as plain rows: at thousands of people, loading them as objects
    cost more than everything the view then computes."""
    at_moment = (Drawing.activity_instance_id == instance_id, Drawing.moment_key == moment_key)
    drawings = db.session.execute(select(Drawing.id, User.sub, User.name, Drawing.offer_tags, Drawing.need_tags)
                                  .join(User, User.id == Drawing.user_id).where(*at_moment).order_by(Drawing.id)).all()
    contacts = db.session.execute(select(Contact.drawing_id, Contact.member_sub, Contact.ring, Contact.location,
                                         Contact.knows).join(Drawing, Drawing.id == Contact.drawing_id)
                                  .where(*at_moment).order_by(Contact.id)).all()
    return drawings, contacts


def gather(platform_id: int, language: str = "en") -> OrgSources:
    """Everything the organisation view of one registration counts, opted-out people left out."""
    out = opted_out_subs(platform_id)
    ties, people, holdings, needs, names, courses = [], set(), [], [], {}, []
    outside = Counter()
    for instance, course_title in included_placements(platform_id):
        config = network_settings.load(instance.settings)
        courses.append(course_title or instance.title)
        places = {loc["key"]: text_of(loc, language) for loc in config.locations}
        drawings, contacts = _rows(instance.id, moments.current_key(instance, config))
        owners = {}
        for drawing_id, sub, name, offers, wants in drawings:
            if sub in out:
                continue
            owners[drawing_id] = sub
            people.add(sub)
            names[sub] = name or ""
            holdings += [(sub, tag) for tag in offers or ()]
            needs += [(sub, tag) for tag in wants or ()]
        for drawing_id, member, ring, location, knows in contacts:
            owner = owners.get(drawing_id)
            if owner is None:
                continue
            if not member:  # someone outside the LMS: only the category they are in counts
                outside[(owner, places.get(location) or "")] += 1
            elif member not in out:
                people.add(member)
                # An unplaced classmate (ring 0) still counts, as the weakest tie.
                ties.append((owner, member, tie_strength(ring, config.ring_count)))
                holdings += [(member, tag) for tag in knows or ()]
    hr = [row for row in db.session.execute(
        select(User.sub, User.name, OrgSkill.skill, OrgSkill.level).join(OrgSkill, OrgSkill.user_id == User.id)
        .where(OrgSkill.platform_id == platform_id)).all() if row.sub not in out]
    holdings += [(sub, skill) for sub, _name, skill, _level in hr]
    levels = tuple((sub, skill, level) for sub, _name, skill, level in hr if level)
    names.update({sub: name for sub, name, _skill, _level in hr if name and sub not in names})
    people.update(sub for sub, _name, _skill, _level in hr)
    # Names for everyone counted (only named organisation admins are shown them).
    # (Filtered here: an IN list of 100,000 ids is beyond PostgreSQL's parameters.)
    known = db.session.execute(select(User.sub, User.name).where(User.platform_id == platform_id, User.name != ""))
    names.update({sub: name for sub, name in known if sub in people})
    leaving = dict(db.session.execute(select(User.sub, OrgLeaving.leaving_on)
                                      .join(OrgLeaving, OrgLeaving.user_id == User.id)
                                      .where(OrgLeaving.platform_id == platform_id)).all())
    return OrgSources(tuple(sorted(set(courses))), tuple(ties), frozenset(people), tuple(holdings), tuple(needs),
                      {sub: day for sub, day in leaving.items() if sub not in out}, names,
                      tuple((person, place, n) for (person, place), n in sorted(outside.items())), levels)
