"""Erasing one participant's data from one placement: cards, dots, evaluations."""
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import delete, func, select

from activities.expectations import cards as card_store
from activities.expectations.models import Ballot, Card, ClosingEvaluation, Dot, MeetingEvaluation
from activities.expectations.state import bump
from lti_tool.extensions import db
from lti_tool.participants import ErasePreview


@dataclass(frozen=True)
class Holdings:
    """How much this placement holds about one participant (shown before erasing)."""

    cards: int
    dots: int
    meeting_evaluations: int
    closing: bool

    @property
    def anything(self):
        """Whether there is anything to erase."""
        return bool(self.cards or self.dots or self.meeting_evaluations or self.closing)


def _count(model, instance, user_id, column=None):
    target = func.sum(column) if column is not None else func.count()
    return db.session.execute(select(target).select_from(model).where(
        model.activity_instance_id == instance.id, model.user_id == user_id)).scalar() or 0


def holdings(instance, user_id):
    """What erasing would remove."""
    return Holdings(_count(Card, instance, user_id), _count(Dot, instance, user_id, Dot.count),
                    _count(MeetingEvaluation, instance, user_id), bool(_count(ClosingEvaluation, instance, user_id)))


def erase_preview(instance, user_id):
    """What erasing one participant removes, item by item."""
    found = holdings(instance, user_id)
    lines = (ngettext("%(num)d card", "%(num)d cards", found.cards),
             ngettext("%(num)d dot", "%(num)d dots", found.dots),
             ngettext("%(num)d meeting evaluation", "%(num)d meeting evaluations", found.meeting_evaluations),
             _("the closing evaluation") if found.closing else _("no closing evaluation")) if found.anything else ()
    return ErasePreview(lines=lines, note=_("Results, the report and exports no longer include them. "
                                            "Duplicates merged into their cards stay on the board."))


def erase(instance, user_id):
    """Delete everything about one participant in one placement; returns how many rows went (caller commits)."""
    removed = 0
    for card in db.session.execute(select(Card).filter_by(activity_instance_id=instance.id, user_id=user_id)
                                   .order_by(Card.id)).scalars().all():
        card_store.detach(card)  # merged duplicates of other people stay on the board
        db.session.delete(card)
        removed += 1
    db.session.flush()
    for model in (Dot, Ballot, MeetingEvaluation, ClosingEvaluation):
        # Goal answers go with their evaluation (ON DELETE CASCADE).
        result = db.session.execute(delete(model).where(model.activity_instance_id == instance.id,
                                                        model.user_id == user_id))
        removed += result.rowcount or 0
    bump(instance)
    return removed
