"""Contacts in a drawing: adding (by hand or from the course list), duplicates, the limit, ties, rings."""
from flask import abort
from flask_babel import gettext as _

from activities.network.sociogram import angles
from activities.network.content import text_of
from activities.network.models import AlterTie, Contact
from activities.network.service import new_key
from activities.network.settings import MAX_CONTACTS
from activities.network.analysis.tags import fold
from lti_tool.extensions import db


class Refused(Exception):
    """A change that would break a rule (a duplicate, the limit); the message says why and what to do."""

    def __init__(self, message, field="label"):
        super().__init__(message)
        self.message, self.field = message, field


def norm(label):
    """The label as compared for duplicates (no case, accents or extra spaces)."""
    return fold(label)[:120]


def contact_or_404(drawing, key):
    """The contact with this key in this drawing; anyone else's key is simply not found."""
    if drawing is None:
        abort(404)
    contact = next((c for c in drawing.contacts if c.key == key), None)
    if contact is None:
        abort(404)
    return contact


def duplicate_of(drawing, label, member_sub=None, ignore=None):
    """The contact that a new label or member would duplicate, or None."""
    wanted = norm(label)
    for c in drawing.contacts:
        if c is ignore:
            continue
        if (member_sub and c.member_sub == member_sub) or c.label_norm == wanted:
            return c
    return None


def explain_duplicate(existing, config, language):
    """Why a contact cannot be added twice, and how to add someone with the same name."""
    if existing.member_sub:
        return _("%(name)s is already in your network (from the course list). Edit that contact instead.",
                 name=existing.label)
    where = next((text_of(loc, language) for loc in config.locations if loc["key"] == existing.location), "")
    message = _("You already have “%(name)s” in your network", name=existing.label)
    if where:
        message += f" ({where})"
    return message + ". " + _("If this is someone else, add something that tells them apart, such as a "
                              "second initial or their organisation.")


def check_room(drawing, adding=1):
    """Refuse when the drawing would pass the maximum number of contacts."""
    if len(drawing.contacts) + adding > MAX_CONTACTS:
        free = MAX_CONTACTS - len(drawing.contacts)
        raise Refused(_("A network holds at most %(max)d contacts; you can add %(free)d more. Remove someone "
                        "you no longer work with to make room.", max=MAX_CONTACTS, free=max(0, free)))


def add(drawing, config, language, label, member_sub=None, **fields):
    """Add one contact after the duplicate and limit checks; returns it."""
    check_room(drawing)
    existing = duplicate_of(drawing, label, member_sub)
    if existing is not None:
        raise Refused(explain_duplicate(existing, config, language))
    contact = Contact(key=_free_key(drawing), member_sub=member_sub, label=label[:120], label_norm=norm(label),
                      role=fields.get("role", ""), location=fields.get("location", ""),
                      ring=fields.get("ring", 0), relations=list(fields.get("relations", ())),
                      knows=list(fields.get("knows", ())), access=fields.get("access", ""),
                      cost_effort=fields.get("cost_effort"), cost_note=fields.get("cost_note", ""))
    drawing.contacts.append(contact)
    angles.settle(contact, drawing.contacts, config.ring_count)
    db.session.flush()
    return contact


def _free_key(drawing):
    taken = {c.key for c in drawing.contacts}
    key = new_key()
    while key in taken:
        key = new_key()
    return key


def update(drawing, config, language, contact, **fields):
    """Change a contact's fields; a new label is checked for duplicates."""
    label = fields.pop("label", None)
    if label and not contact.member_sub and norm(label) != contact.label_norm:
        existing = duplicate_of(drawing, label, ignore=contact)
        if existing is not None:
            raise Refused(explain_duplicate(existing, config, language))
        contact.label, contact.label_norm = label[:120], norm(label)
    for name, value in fields.items():
        setattr(contact, name, list(value) if name in ("relations", "knows") else value)


def remove(drawing, contact):
    """Delete a contact and its ties."""
    for tie in [t for t in drawing.ties if contact.id in (t.a_id, t.b_id)]:
        drawing.ties.remove(tie)
        db.session.delete(tie)
    drawing.contacts.remove(contact)
    db.session.delete(contact)
    db.session.flush()


def neighbours(drawing, contact):
    """Keys of the contacts tied to this one."""
    by_id = {c.id: c.key for c in drawing.contacts}
    found = set()
    for t in drawing.ties:
        if t.a_id == contact.id:
            found.add(by_id.get(t.b_id))
        elif t.b_id == contact.id:
            found.add(by_id.get(t.a_id))
    return found - {None}


def set_tie(drawing, a, b, connected):
    """Connect or disconnect two contacts; returns True when something changed."""
    if a.id == b.id:
        raise Refused(_("A person cannot be connected to themselves."), field="tie")
    low, high = sorted((a.id, b.id))
    tie = next((t for t in drawing.ties if (t.a_id, t.b_id) == (low, high)), None)
    if connected and tie is None:
        drawing.ties.append(AlterTie(a_id=low, b_id=high))
        return True
    if not connected and tie is not None:
        drawing.ties.remove(tie)
        db.session.delete(tie)
        return True
    return False


def set_ties_of(drawing, contact, keys):
    """Make exactly these contacts (by key) the ones who know this contact."""
    wanted = set(keys)
    for other in drawing.contacts:
        if other.id != contact.id:
            set_tie(drawing, contact, other, other.key in wanted)


def place(contact, ring, angle, ring_count):
    """Put a contact on a ring (0: off the rings) at an angle in degrees (None: its own angle, else a free one).

    Only the contact placed moves: its angle is stored, and nudged to the nearest place where it covers
    nobody and no line runs through anyone; off the rings it keeps its angle for when it comes back.
    """
    if not 0 <= ring <= ring_count:
        raise Refused(_("Choose one of the rings."), field="ring")
    wanted = None if angle is None else round(float(angle) % 360, 2)
    if ring == contact.ring and contact.angle is not None and wanted in (None, contact.angle):
        return  # untouched: saving a list of everyone must not move anyone
    contact.ring = ring
    if ring:
        angles.settle(contact, contact.drawing.contacts if contact.drawing else [contact], ring_count, wanted)
