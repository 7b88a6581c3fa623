"""Drawings: finding the learner's own, creating one (as a copy of the earlier moment) and the version check."""
import secrets

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value

from activities.network.models import AlterTie, Contact, Drawing
from lti_tool.extensions import db
from lti_tool.input_policy import INT_MAX
from lti_tool.models.base import utcnow


class Conflict(Exception):
    """The drawing changed since the page was built (another tab, window or device saved first)."""


def new_key():
    """A short random contact key; kept across moments so contacts can be compared."""
    return secrets.token_urlsafe(6)


def drawing_of(instance, user_id, moment_key):
    """The learner's drawing at a moment, or None."""
    return db.session.execute(select(Drawing).filter_by(
        activity_instance_id=instance.id, user_id=user_id, moment_key=moment_key)).scalar_one_or_none()


def drawings_of(instance, user_id):
    """{moment key: Drawing} of one learner."""
    rows = db.session.execute(select(Drawing).filter_by(activity_instance_id=instance.id, user_id=user_id)).scalars()
    return {d.moment_key: d for d in rows}


def earlier_drawing(instance, user_id, config, moment_key):
    """The learner's latest drawing from a moment before this one, or None."""
    mine = drawings_of(instance, user_id)
    index = config.moment_index(moment_key) or 0
    for moment in reversed(config.moments[:index]):
        if moment["key"] in mine:
            return mine[moment["key"]]
    return None


def copy_into(source, target):
    """Copy contacts, ties and own knowledge (not the reflection: it is asked anew) into a new drawing."""
    target.offer_tags, target.offer_note = list(source.offer_tags or []), source.offer_note
    target.need_tags, target.need_note = list(source.need_tags or []), source.need_note
    target.suggest_consent = source.suggest_consent
    copies = {}
    for c in source.contacts:
        copies[c.id] = Contact(key=c.key, member_sub=c.member_sub, label=c.label, label_norm=c.label_norm,
                               role=c.role, location=c.location, ring=c.ring, angle=c.angle,
                               relations=list(c.relations or []), knows=list(c.knows or []), access=c.access,
                               cost_effort=c.cost_effort, cost_note=c.cost_note)
        target.contacts.append(copies[c.id])
    db.session.flush()
    for tie in source.ties:
        if tie.a_id in copies and tie.b_id in copies:
            a, b = sorted((copies[tie.a_id].id, copies[tie.b_id].id))
            target.ties.append(AlterTie(a_id=a, b_id=b))


def start_drawing(instance, user_id, config, moment_key, copy=True):
    """Create the learner's drawing for a moment (a copy of their latest earlier one when asked); version 1."""
    drawing = Drawing(activity_instance_id=instance.id, user_id=user_id, moment_key=moment_key, version=1,
                      offer_tags=[], need_tags=[])
    try:
        with db.session.begin_nested():
            db.session.add(drawing)
            db.session.flush()
            source = earlier_drawing(instance, user_id, config, moment_key) if copy else None
            if source is not None:
                copy_into(source, drawing)
                db.session.flush()
    except IntegrityError:
        raise Conflict()
    return drawing


def claim(instance, user_id, config, moment_key, sent_version):
    """The drawing to change, after checking the page's version; bumps the version in this transaction.

    Version 0 means "no drawing yet when the page was built": the drawing is created then (a copy
    of the learner's earlier moment). Raises Conflict when the sent version is not the current one.
    """
    if sent_version is None or not 0 <= sent_version <= INT_MAX - 1:
        raise Conflict()
    drawing = drawing_of(instance, user_id, moment_key)
    if drawing is None:
        if sent_version != 0:
            raise Conflict()
        return start_drawing(instance, user_id, config, moment_key)
    # Compare-and-set in the database, so two simultaneous saves cannot both pass the check.
    result = db.session.execute(
        update(Drawing).where(Drawing.id == drawing.id, Drawing.version == sent_version)
        .values(version=sent_version + 1, updated_at=utcnow()).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise Conflict()
    set_committed_value(drawing, "version", sent_version + 1)
    return drawing


def version_of(drawing):
    """The version a page sends back (0 when the learner has no drawing at this moment yet)."""
    return drawing.version if drawing is not None else 0
