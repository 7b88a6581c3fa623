"""Participation over the trajectory: cards, dots, meeting evaluations so far, the closing evaluation."""
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from activities.expectations import closing, dots, meetings
from activities.expectations import settings as exp_settings
from activities.expectations.models import Card
from activities.expectations.state import NOT_STARTED, state_for
from lti_tool.extensions import db
from lti_tool.participation import Participation


@dataclass(frozen=True)
class Progress:
    """What one participant has done so far, criterion by criterion."""

    posted: bool
    voted: bool
    evaluated: int
    held: int
    closed_filled: bool
    closing_open: bool


def progress_of(instance, user_id):
    """One participant's progress (a handful of small queries)."""
    posted = db.session.execute(select(Card.id).filter_by(activity_instance_id=instance.id, user_id=user_id)
                                .limit(1)).first() is not None
    held = meetings.held_ids(instance)
    evaluated = len(held & meetings.evaluated_ids(instance, user_id))
    filled = closing.evaluation_of(instance, user_id)[0] is not None
    return Progress(posted, dots.has_voted(instance, user_id), evaluated, len(held), filled,
                    state_for(instance).closing != NOT_STARTED)


def everyone(instance):
    """{user id: Progress} for everyone with data, in a few grouped queries (the facilitator's table)."""
    from sqlalchemy import func

    from activities.expectations.models import MeetingEvaluation

    held = meetings.held_ids(instance)
    cards = dict(db.session.execute(select(Card.user_id, func.count(Card.id)).where(
        Card.activity_instance_id == instance.id).group_by(Card.user_id)).all())
    evaluated = {}
    for user_id, meeting_id in db.session.execute(select(MeetingEvaluation.user_id, MeetingEvaluation.meeting_id)
                                                  .where(MeetingEvaluation.activity_instance_id == instance.id)).all():
        if meeting_id in held:
            evaluated[user_id] = evaluated.get(user_id, 0) + 1
    voters, closed = dots.voter_ids(instance), closing.respondent_ids(instance)
    closing_open = state_for(instance).closing != NOT_STARTED
    people = set(cards) | set(evaluated) | voters | closed
    return {uid: Progress(uid in cards, uid in voters, evaluated.get(uid, 0), len(held), uid in closed, closing_open)
            for uid in people}, cards, len(held), closing_open


def fraction(progress, weights):
    """The weighted share of the criteria met; meetings count as the share of held meetings evaluated."""
    parts = {
        "cards": 1.0 if progress.posted else 0.0,
        "votes": 1.0 if progress.voted else 0.0,
        "meetings": progress.evaluated / progress.held if progress.held else 0.0,
        "closing": 1.0 if progress.closed_filled else 0.0,
    }
    total = sum(weights.values())
    return min(1.0, sum(parts[k] * weights[k] for k in parts) / total) if total else 0.0


def comment(progress, weights):
    """A short comment for the gradebook: which steps are done, never what anyone wrote."""
    parts = []
    if weights["cards"]:
        parts.append(_("cards posted") if progress.posted else _("no card yet"))
    if weights["votes"]:
        parts.append(_("dots placed") if progress.voted else _("not voted yet"))
    if weights["meetings"] and progress.held:
        parts.append(_("%(done)d of %(held)d meeting evaluations", done=progress.evaluated, held=progress.held))
    if weights["closing"] and progress.closing_open:
        parts.append(_("closing evaluation filled in") if progress.closed_filled
                     else _("closing evaluation not filled in yet"))
    return " · ".join(parts)


def participation(instance, user_id):
    """The Participation sent to the gradebook with every answer this participant saves."""
    config = exp_settings.load(instance.settings)
    progress = progress_of(instance, user_id)
    return Participation(fraction=round(fraction(progress, config.weights), 4),
                         comment=comment(progress, config.weights))


@dataclass(frozen=True)
class Detail:
    """One participant's row in the participants table: steps, cards and their share of the trajectory."""

    progress: Progress
    cards: int
    percent: int


def details(instance, user_ids):
    """{user id: Detail} for the participants table."""
    config = exp_settings.load(instance.settings)
    progress, cards, held, closing_open = everyone(instance)
    empty = Progress(False, False, 0, held, False, closing_open)
    found = {}
    for uid in user_ids:
        mine = progress.get(uid, empty)
        found[uid] = Detail(mine, cards.get(uid, 0), round(fraction(mine, config.weights) * 100))
    return found
