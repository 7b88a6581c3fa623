"""Cards on the start board: posting and withdrawing, and the facilitator's moderation."""
from flask_babel import gettext as _
from sqlalchemy import select

from activities.expectations.models import Card
from activities.expectations.state import bump
from lti_tool.extensions import db


class Refused(Exception):
    """An action that cannot apply as asked; the message tells the person why (shown with a 4xx)."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def all_cards(instance):
    """Every card of the placement, oldest first (course-sized: one query, assembled in Python)."""
    return db.session.execute(select(Card).filter_by(activity_instance_id=instance.id)
                              .order_by(Card.created_at, Card.id)).scalars().all()


def cards_by_ids(instance, ids):
    """The placement's cards with these ids; ids of other placements are simply not found."""
    if not ids:
        return []
    return db.session.execute(select(Card).where(Card.activity_instance_id == instance.id, Card.id.in_(ids))
                              .order_by(Card.created_at, Card.id)).scalars().all()


def post(instance, user_id, column_key, text):
    """Add a participant's card (the form checked column and length; the caller records participation).

    While the facilitator holds new cards, it waits hidden (its author sees it waiting) until shown.
    """
    from activities.expectations.state import state_for

    held = state_for(instance).hold_cards
    card = Card(activity_instance_id=instance.id, user_id=user_id, column_key=column_key, text=text,
                hidden=held, held=held)
    db.session.add(card)
    db.session.flush()
    bump(instance)
    return card


def _children(card):
    return db.session.execute(select(Card).filter_by(merged_into_id=card.id).order_by(Card.created_at, Card.id)
                              ).scalars().all()


def detach(card):
    """Before a card leaves: its merged duplicates live on, the oldest taking its place on the board."""
    children = _children(card)
    if not children:
        return
    heir, rest = children[0], children[1:]
    heir.merged_into_id, heir.theme_id, heir.hidden = None, card.theme_id, card.hidden
    for child in rest:
        child.merged_into_id = heir.id
    db.session.flush()


def withdraw(instance, user_id, card_id):
    """A participant removes one of their own cards (any other id: refused, whoever owns it)."""
    card = db.session.execute(select(Card).filter_by(
        activity_instance_id=instance.id, user_id=user_id, id=card_id)).scalar_one_or_none()
    if card is None:
        raise Refused(_("That card is not yours or no longer exists."), status=404)
    detach(card)
    db.session.delete(card)
    db.session.flush()
    bump(instance)


def edit(instance, card, text):
    """The facilitator rewrites a card; the board marks it as edited."""
    if card.text != text:
        card.text, card.edited = text, True
        bump(instance)


def set_hidden(instance, cards, hidden):
    """Hide cards from participants (their authors see that they were hidden), or show them again.

    A card waiting for approval is decided either way: shown, or hidden like any other hidden card.
    """
    for card in cards:
        card.hidden, card.held = hidden, False
    bump(instance)


def merge(instance, cards):
    """Merge duplicates into the oldest selected card; returns it. All must be in one column."""
    cards = [c for c in cards if c.merged_into_id is None]
    if len(cards) < 2:
        raise Refused(_("Select at least two cards to merge."))
    if len({c.column_key for c in cards}) > 1:
        raise Refused(_("Only cards in the same column can be merged."))
    primary, duplicates = cards[0], cards[1:]
    ids = [c.id for c in duplicates]
    for child in db.session.execute(select(Card).where(Card.merged_into_id.in_(ids))).scalars():
        child.merged_into_id = primary.id
    for card in duplicates:
        card.merged_into_id, card.theme_id = primary.id, None
    db.session.flush()
    bump(instance)
    return primary


def unmerge(instance, primary):
    """Put a merged card's duplicates back on the board as separate cards (outside any theme)."""
    children = _children(primary)
    if not children:
        raise Refused(_("This card has no merged duplicates."))
    for child in children:
        child.merged_into_id = None
    db.session.flush()
    bump(instance)
    return len(children)
