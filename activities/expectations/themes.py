"""Clustering cards into themes: group, add, take out, rename, delete."""
from flask_babel import gettext as _
from sqlalchemy import delete, select, update

from activities.expectations.cards import Refused
from activities.expectations.models import Card, Dot, LearningGoal, Theme
from activities.expectations.state import bump
from lti_tool.extensions import db

MAX_THEME_NAME = 120
MAX_THEMES = 200


def all_themes(instance):
    """Every theme of the placement, oldest first."""
    return db.session.execute(select(Theme).filter_by(activity_instance_id=instance.id)
                              .order_by(Theme.created_at, Theme.id)).scalars().all()


def theme_by_id(instance, theme_id):
    """One of the placement's themes, or None (another placement's id is not found)."""
    if not isinstance(theme_id, int):
        return None
    return db.session.execute(select(Theme).filter_by(activity_instance_id=instance.id, id=theme_id)
                              ).scalar_one_or_none()


def _on_board(cards):
    cards = [c for c in cards if c.merged_into_id is None]
    if not cards:
        raise Refused(_("Select one or more cards first."))
    return cards


def _one_column(cards):
    columns = {c.column_key for c in cards}
    if len(columns) > 1:
        raise Refused(_("A theme gathers cards of one column. Select cards from the same column."))
    return columns.pop()


def default_name(card):
    """A new theme's name when none was given: the first card's text, shortened."""
    text = " ".join(card.text.split())
    return text if len(text) <= 60 else text[:59].rstrip() + "…"


def group(instance, cards, name=""):
    """Make a new theme of the selected cards (one column); returns it."""
    cards = _on_board(cards)
    column = _one_column(cards)
    count = db.session.execute(select(db.func.count(Theme.id)).filter_by(activity_instance_id=instance.id)).scalar()
    if count >= MAX_THEMES:
        raise Refused(_("This board has the maximum of %(max)d themes.", max=MAX_THEMES))
    theme = Theme(activity_instance_id=instance.id, column_key=column,
                  name=(name or default_name(cards[0]))[:MAX_THEME_NAME])
    db.session.add(theme)
    db.session.flush()
    for card in cards:
        card.theme_id = theme.id
    bump(instance)
    return theme


def add(instance, theme, cards):
    """Put the selected cards into an existing theme of their column."""
    cards = _on_board(cards)
    if _one_column(cards) != theme.column_key:
        raise Refused(_("These cards are in another column than the theme “%(name)s”.", name=theme.name))
    for card in cards:
        card.theme_id = theme.id
    bump(instance)


def take_out(instance, cards):
    """Take cards out of their theme; they stay on the board."""
    for card in _on_board(cards):
        card.theme_id = None
    bump(instance)


def rename(instance, theme, name):
    """Give a theme a new name."""
    if theme.name != name:
        theme.name = name[:MAX_THEME_NAME]
        bump(instance)


def remove(instance, theme):
    """Delete a theme: its cards return to the column, its dots return to the voters."""
    db.session.execute(update(Card).where(Card.theme_id == theme.id).values(theme_id=None)
                       .execution_options(synchronize_session="fetch"))
    db.session.execute(delete(Dot).where(Dot.theme_id == theme.id))
    db.session.execute(update(LearningGoal).where(LearningGoal.theme_id == theme.id).values(theme_id=None)
                       .execution_options(synchronize_session="fetch"))
    db.session.delete(theme)
    db.session.flush()
    bump(instance)


def each_card_a_theme(instance, column_key):
    """Every card of a column that is in no theme yet becomes a theme of its own; returns how many."""
    loose = db.session.execute(select(Card).where(
        Card.activity_instance_id == instance.id, Card.column_key == column_key, Card.theme_id.is_(None),
        Card.merged_into_id.is_(None), Card.hidden.is_(False)).order_by(Card.created_at, Card.id)).scalars().all()
    for card in loose:
        group(instance, [card])
    return len(loose)
