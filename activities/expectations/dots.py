"""Dot voting on the themes of "what I want to learn": ballots, tallies and the ranked result."""
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import delete, func, select

from activities.expectations.cards import Refused
from activities.expectations.models import Ballot, Card, Dot, Theme
from activities.expectations.state import OPEN, bump, state_for
from lti_tool.extensions import db
from lti_tool.models.base import insert_missing, utcnow


@dataclass
class Ranked:
    """A theme in the ranked result: its dots, how many people gave it dots, and its rank (ties share)."""

    theme: object
    dots: int
    voters: int
    cards: int
    rank: int = 0


def voting_themes(instance, config):
    """The themes learners can spend dots on, oldest first."""
    return db.session.execute(select(Theme).filter_by(activity_instance_id=instance.id,
                                                      column_key=config.voting_column)
                              .order_by(Theme.created_at, Theme.id)).scalars().all()


def my_dots(instance, user_id):
    """{theme id: dots} of one participant."""
    return dict(db.session.execute(select(Dot.theme_id, Dot.count).filter_by(
        activity_instance_id=instance.id, user_id=user_id)).all())


def has_voted(instance, user_id):
    """Whether this participant handed in dots (a ballot exists)."""
    return db.session.get(Ballot, (instance.id, user_id)) is not None


def voter_ids(instance):
    """Ids of everyone who handed in dots."""
    return set(db.session.execute(select(Ballot.user_id).filter_by(activity_instance_id=instance.id)).scalars())


def _locked_ballot(instance, user_id):
    """The participant's ballot row, created if needed and locked for this transaction.

    The ballot serialises one person's submissions, so two tabs cannot add up to more than N dots.
    The insert waits for a concurrent creator instead of failing; on SQLite it takes the write lock.
    """
    insert_missing(Ballot, activity_instance_id=instance.id, user_id=user_id, submitted_at=utcnow())
    return db.session.execute(select(Ballot).filter_by(activity_instance_id=instance.id, user_id=user_id)
                              .with_for_update()).scalar_one()


def save(instance, config, user_id, allocation):
    """Replace a participant's dots; refuses when voting is not open or the dots break the rules."""
    if state_for(instance).voting != OPEN:
        raise Refused(_("Dot voting is not open, so your dots were not changed."), status=409)
    allowed = {t.id for t in voting_themes(instance, config)}
    if any(theme_id not in allowed for theme_id in allocation):
        raise Refused(_("One of the themes is no longer on the board. Look at the themes again."), status=409)
    if any(not isinstance(n, int) or n < 0 for n in allocation.values()):
        raise Refused(_("Dots are whole numbers from 0 up."))
    total = sum(allocation.values())
    if total > config.dots:
        raise Refused(_("You have %(max)d dots; you placed %(count)d.", max=config.dots, count=total))
    if total == 0:
        raise Refused(_("Place at least one dot."))
    ballot = _locked_ballot(instance, user_id)
    db.session.execute(delete(Dot).where(Dot.activity_instance_id == instance.id, Dot.user_id == user_id))
    for theme_id, count in allocation.items():
        if count:
            db.session.add(Dot(activity_instance_id=instance.id, user_id=user_id, theme_id=theme_id, count=count))
    ballot.submitted_at = utcnow()
    db.session.flush()
    bump(instance)


def ranking(instance, config):
    """The voting column's themes by dots (then by number of cards), with shared ranks for ties."""
    themes = voting_themes(instance, config)
    totals = dict(db.session.execute(select(Dot.theme_id, func.sum(Dot.count)).where(
        Dot.activity_instance_id == instance.id).group_by(Dot.theme_id)).all())
    people = dict(db.session.execute(select(Dot.theme_id, func.count(Dot.user_id)).where(
        Dot.activity_instance_id == instance.id).group_by(Dot.theme_id)).all())
    sizes = dict(db.session.execute(select(Card.theme_id, func.count(Card.id)).where(
        Card.activity_instance_id == instance.id, Card.theme_id.is_not(None), Card.hidden.is_(False))
        .group_by(Card.theme_id)).all())
    ranked = [Ranked(t, int(totals.get(t.id) or 0), int(people.get(t.id) or 0), int(sizes.get(t.id) or 0))
              for t in themes]
    ranked.sort(key=lambda r: (-r.dots, -r.cards, r.theme.name.casefold()))
    previous = None
    for position, item in enumerate(ranked, 1):
        item.rank = previous.rank if previous is not None and previous.dots == item.dots else position
        previous = item
    return ranked
