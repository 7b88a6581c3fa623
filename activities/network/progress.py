"""Completion of a drawing at the open moment: contacts, own knowledge, reflection; and the score it gives."""
from dataclasses import dataclass

from flask_babel import gettext as _

from activities.network import moments, service
from activities.network import settings as network_settings
from activities.network.content import text_of
from lti_tool.i18n import current_language
from lti_tool.participation import Participation


@dataclass(frozen=True)
class Checklist:
    """The three completion criteria of one drawing."""

    counted: int
    needed: int
    knowledge: bool
    reflection: bool

    @property
    def contacts_done(self):
        """Enough contacts with a relation and a ring (and answers, when required)."""
        return self.counted >= self.needed

    @property
    def met(self):
        """How many of the three criteria are met."""
        return int(self.contacts_done) + int(self.knowledge) + int(self.reflection)

    @property
    def complete(self):
        """All three criteria met."""
        return self.met == 3


def answered_questions(contact):
    """Whether the three questions are answered for a contact."""
    return bool(contact.knows) and bool(contact.access) and contact.cost_effort is not None


def counts(contact, config):
    """Whether a contact counts towards completion: a relation, a ring, and answers when required."""
    relations = set(contact.relations or ()) & set(config.relation_keys())
    placed = 1 <= contact.ring <= config.ring_count
    return bool(relations) and placed and (not config.questions_required or answered_questions(contact))


def checklist(drawing, config):
    """The criteria for a drawing (an empty checklist when there is none yet)."""
    if drawing is None:
        return Checklist(0, config.min_contacts, False, False)
    counted = sum(1 for c in drawing.contacts if counts(c, config))
    knowledge = bool(drawing.offer_tags or drawing.offer_note) and bool(drawing.need_tags or drawing.need_note)
    reflection = bool(drawing.reflection_hard) and bool(drawing.reflection_plan)
    return Checklist(counted, config.min_contacts, knowledge, reflection)


def participation(instance, user_id, language=None):
    """The share of criteria met at the open moment, with a comment that names no contact."""
    language = language or current_language()
    config = network_settings.load(instance.settings)
    key = moments.current_key(instance, config)
    check = checklist(service.drawing_of(instance, user_id, key), config)
    moment = text_of(config.moment(key), language)
    parts = [
        _("%(counted)d of %(needed)d contacts placed", counted=min(check.counted, check.needed), needed=check.needed),
        _("offers and needs given") if check.knowledge else _("offers and needs missing"),
        _("reflection answered") if check.reflection else _("reflection missing"),
    ]
    return Participation(fraction=round(check.met / 3, 4), comment=f"{moment}: " + "; ".join(parts))
