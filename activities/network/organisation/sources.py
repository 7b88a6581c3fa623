"""What the organisation view is computed from: the included courses' latest drawings, the HR files, and
who opted out (left out of every figure, at the next computation)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from activities.network import convert, moments
from activities.network import settings as network_settings
from activities.network.analysis.course_network import tie_strength
from activities.network.content import text_of
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


def included_placements(platform_id: int) -> list[ActivityInstance]:
    """The network placements of this registration whose facilitators included them."""
    rows = db.session.execute(select(ActivityInstance).where(
        ActivityInstance.platform_id == platform_id, ActivityInstance.activity_type == "network")
        .order_by(ActivityInstance.id)).scalars()
    return [instance for instance in rows if network_settings.load(instance.settings).organisation_view]


def opted_out(platform_id: int) -> frozenset[str]:
    """The subs of everyone of this registration who opted out."""
    return frozenset(db.session.execute(select(User.sub).join(OrgOptOut, OrgOptOut.user_id == User.id)
                                        .where(User.platform_id == platform_id)).scalars())


def gather(platform_id: int, language: str = "en") -> OrgSources:
    """Everything the organisation view of one registration counts, opted-out people left out."""
    out = opted_out(platform_id)
    ties, people, holdings, needs, names, courses = [], set(), [], [], {}, []
    outside = Counter()
    for instance in included_placements(platform_id):
        config = network_settings.load(instance.settings)
        courses.append(db.session.get(Context, instance.context_id).title or instance.title)
        for drawing, user in convert.moment_drawings(instance, moments.current_key(instance, config)):
            owner = user.sub
            if owner in out:
                continue
            people.add(owner)
            names[owner] = user.name or ""
            holdings += [(owner, tag) for tag in drawing.offer_tags or ()]
            needs += [(owner, tag) for tag in drawing.need_tags or ()]
            places = {loc["key"]: text_of(loc, language) for loc in config.locations}
            for contact in drawing.contacts:
                if not contact.member_sub:  # someone outside the LMS: only the category they are in counts
                    outside[(owner, places.get(contact.location) or "")] += 1
                    continue
                if contact.member_sub in out:
                    continue
                people.add(contact.member_sub)
                # An unplaced classmate (ring 0) still counts, as the weakest tie.
                ties.append((owner, contact.member_sub, tie_strength(contact.ring, config.ring_count)))
                holdings += [(contact.member_sub, tag) for tag in contact.knows or ()]
    hr = db.session.execute(select(User.sub, User.name, OrgSkill.skill).join(OrgSkill, OrgSkill.user_id == User.id)
                            .where(OrgSkill.platform_id == platform_id)).all()
    holdings += [(sub, skill) for sub, _name, skill in hr if sub not in out]
    names.update({sub: name for sub, name, _skill in hr if name and sub not in names})
    people.update(sub for sub, _name, _skill in hr if sub not in out)
    # Names for everyone counted (only named organisation admins are shown them).
    known = db.session.execute(select(User.sub, User.name).where(User.platform_id == platform_id,
                                                                 User.sub.in_(people))).all()
    names.update({sub: name for sub, name in known if name})
    leaving = dict(db.session.execute(select(User.sub, OrgLeaving.leaving_on)
                                      .join(OrgLeaving, OrgLeaving.user_id == User.id)
                                      .where(OrgLeaving.platform_id == platform_id)).all())
    return OrgSources(tuple(sorted(set(courses))), tuple(ties), frozenset(people), tuple(holdings), tuple(needs),
                      {sub: day for sub, day in leaving.items() if sub not in out}, names,
                      tuple((person, place, n) for (person, place), n in sorted(outside.items())))
