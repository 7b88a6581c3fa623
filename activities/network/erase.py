"""Erasing one learner: their drawings go, and classmates' drawings no longer name or link to them."""
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import delete, select

from activities.network.contacts import norm
from activities.network.models import AlterTie, Contact, Drawing
from lti_tool.extensions import db
from lti_tool.participants import ErasePreview
from lti_tool.models import User


def initials(name):
    """Initials of a name ("An Peeters" → "A.P."), the form classmates keep of an erased person."""
    letters = [part[0].upper() for part in (name or "").split() if part[:1].isalpha()]
    return ".".join(letters[:3]) + "." if letters else "?"


def counts(instance, user_id):
    """(drawings, contacts) this learner holds in the placement, for the confirm page."""
    drawings = db.session.execute(select(Drawing).filter_by(
        activity_instance_id=instance.id, user_id=user_id)).scalars().all()
    return len(drawings), sum(len(d.contacts) for d in drawings)


def data_owners(instance):
    """Ids of the learners with a drawing in the placement."""
    return set(db.session.execute(select(Drawing.user_id).where(Drawing.activity_instance_id == instance.id)).scalars())


def erase_preview(instance, user_id):
    """What erasing one learner removes: their drawings and contacts; classmates keep initials."""
    drawings, contacts = counts(instance, user_id)
    lines = (ngettext("This removes %(num)d drawing", "This removes %(num)d drawings", drawings) + " "
             + ngettext("with %(num)d contact.", "with %(num)d contacts.", contacts),) if drawings else ()
    return ErasePreview(lines=lines, note=_(
        "Classmates who named this learner keep the contact in their own drawing, but only by initials and no "
        "longer linked to the course list."))


def _unlink_in_others(instance, sub):
    named = db.session.execute(
        select(Contact).join(Drawing, Drawing.id == Contact.drawing_id)
        .where(Drawing.activity_instance_id == instance.id, Contact.member_sub == sub)).scalars().all()
    for contact in named:
        taken = {c.label_norm for c in contact.drawing.contacts if c.id != contact.id}
        label, n = initials(contact.label), 1
        while norm(label) in taken:
            n += 1
            label = f"{initials(contact.label)} ({n})"
        contact.member_sub, contact.label, contact.label_norm, contact.role = None, label, norm(label), ""
    return len(named)


def erase(instance, user_id):
    """Delete every drawing of one learner and unlink them from classmates' drawings; returns drawings removed."""
    ids = list(db.session.execute(select(Drawing.id).filter_by(
        activity_instance_id=instance.id, user_id=user_id)).scalars())
    if ids:
        db.session.execute(delete(AlterTie).where(AlterTie.drawing_id.in_(ids)))
        db.session.execute(delete(Contact).where(Contact.drawing_id.in_(ids)))
        db.session.execute(delete(Drawing).where(Drawing.id.in_(ids)))
    user = db.session.get(User, user_id)
    if user is not None:
        _unlink_in_others(instance, user.sub)
    db.session.flush()
    db.session.expire_all()
    return len(ids)
