"""Database rows into the plain graph types (graph.py) that every measure module reads."""
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from activities.network.analysis.graph import AlterTie, Contact, EgoDrawing
from activities.network.models import Drawing
from lti_tool.extensions import db
from lti_tool.models import User


def ego(drawing, owner_sub, owner_label, config):
    """One drawing as an EgoDrawing (relations limited to the configured ones, rings within bounds)."""
    keys = set(config.relation_keys())
    by_id = {c.id: c.key for c in drawing.contacts}
    contacts = tuple(
        Contact(key=c.key, label=c.label, member_sub=c.member_sub, location=c.location or "",
                ring=c.ring if 0 <= c.ring <= config.ring_count else 0,
                relations=frozenset(r for r in (c.relations or ()) if r in keys), knows=tuple(c.knows or ()))
        for c in drawing.contacts)
    ties = tuple(AlterTie(by_id[t.a_id], by_id[t.b_id]) for t in drawing.ties
                 if t.a_id in by_id and t.b_id in by_id)
    return EgoDrawing(owner_sub=owner_sub, owner_label=owner_label, contacts=contacts, alter_ties=ties,
                      offers=tuple(drawing.offer_tags or ()), needs=tuple(drawing.need_tags or ()),
                      ring_count=config.ring_count)


def moment_drawings(instance, moment_key):
    """(Drawing, User) pairs of every learner at a moment, contacts and ties loaded."""
    return db.session.execute(
        select(Drawing, User).join(User, User.id == Drawing.user_id)
        .where(Drawing.activity_instance_id == instance.id, Drawing.moment_key == moment_key)
        .options(selectinload(Drawing.contacts), selectinload(Drawing.ties))
        .order_by(Drawing.id)).all()


def egos_at(instance, moment_key, config):
    """Every learner's drawing at a moment as EgoDrawings."""
    return [ego(d, u.sub, u.name or "", config) for d, u in moment_drawings(instance, moment_key)]
