"""Meetings and their short evaluations: saving a participant's answers, per meeting and as a trend."""
from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import delete, func, select

from activities.expectations.cards import Refused
from activities.expectations.models import GoalProgress, Meeting, MeetingEvaluation
from activities.expectations.state import CLOSED, bump, state_for
from lti_tool.extensions import db
from lti_tool.models.base import utcnow

MAX_TOPIC_LENGTH, MAX_MEETINGS = 200, 60
MAX_TEXT_LENGTH = 1000


def today():
    """Today's date (UTC): a meeting can be evaluated from its own date on."""
    return utcnow().date()


def meetings_of(instance):
    """The placement's meetings by date."""
    return db.session.execute(select(Meeting).filter_by(activity_instance_id=instance.id)
                              .order_by(Meeting.held_on, Meeting.id)).scalars().all()


def meeting_by_id(instance, meeting_id):
    """One of the placement's meetings, or None (another placement's id is not found)."""
    return db.session.execute(select(Meeting).filter_by(activity_instance_id=instance.id, id=meeting_id)
                              ).scalar_one_or_none() if isinstance(meeting_id, int) else None


def is_held(meeting):
    """Whether the meeting's date has come, so it can be evaluated."""
    return meeting.held_on <= today()


def held_ids(instance):
    """Ids of the meetings held so far."""
    return set(db.session.execute(select(Meeting.id).where(
        Meeting.activity_instance_id == instance.id, Meeting.held_on <= today())).scalars())


def add(instance, held_on, topic):
    """The facilitator adds a meeting."""
    count = db.session.execute(select(func.count(Meeting.id)).filter_by(activity_instance_id=instance.id)).scalar()
    if count >= MAX_MEETINGS:
        raise Refused(_("A network has at most %(max)d meetings here.", max=MAX_MEETINGS))
    meeting = Meeting(activity_instance_id=instance.id, held_on=held_on, topic=topic[:MAX_TOPIC_LENGTH])
    db.session.add(meeting)
    db.session.flush()
    bump(instance)
    return meeting


def update(instance, meeting, held_on, topic):
    """Change a meeting's date or topic."""
    meeting.held_on, meeting.topic = held_on, topic[:MAX_TOPIC_LENGTH]
    bump(instance)


def response_count(meeting):
    """How many participants evaluated a meeting."""
    return db.session.execute(select(func.count(MeetingEvaluation.id)).filter_by(meeting_id=meeting.id)).scalar()


def remove(instance, meeting):
    """Delete a meeting; refused once participants evaluated it (their answers would go with it)."""
    if response_count(meeting):
        raise Refused(_("This meeting already has evaluations, so it cannot be deleted."), status=409)
    db.session.delete(meeting)
    db.session.flush()
    bump(instance)


def evaluation_of(meeting, user_id):
    """(evaluation or None, {goal id: answer}) of one participant for one meeting."""
    evaluation = db.session.execute(select(MeetingEvaluation).filter_by(
        meeting_id=meeting.id, user_id=user_id)).scalar_one_or_none()
    if evaluation is None:
        return None, {}
    answers = dict(db.session.execute(select(GoalProgress.goal_id, GoalProgress.answer).filter_by(
        evaluation_id=evaluation.id)).all())
    return evaluation, answers


def evaluated_ids(instance, user_id):
    """Ids of the meetings this participant evaluated."""
    return set(db.session.execute(select(MeetingEvaluation.meeting_id).filter_by(
        activity_instance_id=instance.id, user_id=user_id)).scalars())


def save_evaluation(instance, meeting, user_id, answers, progress):
    """Insert or update a participant's evaluation (the caller records participation and commits)."""
    if not is_held(meeting):
        raise Refused(_("This meeting has not taken place yet; evaluate it from %(date)s on.",
                        date=format_date(meeting.held_on, "long")), status=409)
    if state_for(instance).closing == CLOSED:
        raise Refused(_("The network is closed, so evaluations can no longer change."), status=409)
    evaluation, _old = evaluation_of(meeting, user_id)
    if evaluation is None:
        evaluation = MeetingEvaluation(activity_instance_id=instance.id, meeting_id=meeting.id, user_id=user_id,
                                       **answers)
        db.session.add(evaluation)
        db.session.flush()
    else:
        for name, value in answers.items():
            setattr(evaluation, name, value)
        db.session.execute(delete(GoalProgress).where(GoalProgress.evaluation_id == evaluation.id))
    for goal_id, answer in progress.items():
        db.session.add(GoalProgress(evaluation_id=evaluation.id, goal_id=goal_id, answer=answer))
    db.session.flush()
    bump(instance)
    return evaluation
