"""The network's learning goals (confirmed from the ranked themes) and its charter of agreements."""
from flask_babel import gettext as _
from sqlalchemy import delete, func, select

from activities.expectations.cards import Refused
from activities.expectations.models import CharterItem, GoalProgress, GoalVerdict, LearningGoal
from activities.expectations.state import bump
from lti_tool.extensions import db

MAX_GOAL_LENGTH, MAX_GOALS = 200, 12
MAX_AGREEMENT_LENGTH, MAX_AGREEMENTS = 300, 20


def goals_of(instance):
    """The confirmed learning goals, in the order they were confirmed."""
    return db.session.execute(select(LearningGoal).filter_by(activity_instance_id=instance.id)
                              .order_by(LearningGoal.position, LearningGoal.id)).scalars().all()


def goal_by_id(instance, goal_id):
    """One of the placement's goals, or None."""
    return db.session.execute(select(LearningGoal).filter_by(activity_instance_id=instance.id, id=goal_id)
                              ).scalar_one_or_none() if isinstance(goal_id, int) else None


def _next_position(model, instance):
    return (db.session.execute(select(func.max(model.position)).filter_by(
        activity_instance_id=instance.id)).scalar() or 0) + 1


def confirm(instance, ranked):
    """Confirm ranked themes as goals, in rank order (a theme that is already a goal is skipped)."""
    existing = goals_of(instance)
    taken = {g.theme_id for g in existing if g.theme_id}
    fresh = sorted((item for item in ranked if item.theme.id not in taken), key=lambda item: item.rank)
    if len(existing) + len(fresh) > MAX_GOALS:
        raise Refused(_("A network works with at most %(max)d learning goals.", max=MAX_GOALS))
    position = _next_position(LearningGoal, instance)
    for offset, item in enumerate(fresh):
        db.session.add(LearningGoal(activity_instance_id=instance.id, theme_id=item.theme.id,
                                    text=item.theme.name[:MAX_GOAL_LENGTH], dots=item.dots,
                                    position=position + offset))
    db.session.flush()
    bump(instance)
    return len(fresh)


def add_goal(instance, text):
    """A goal of the facilitator's own wording, not from a theme."""
    if len(goals_of(instance)) >= MAX_GOALS:
        raise Refused(_("A network works with at most %(max)d learning goals.", max=MAX_GOALS))
    db.session.add(LearningGoal(activity_instance_id=instance.id, text=text[:MAX_GOAL_LENGTH],
                                position=_next_position(LearningGoal, instance)))
    db.session.flush()
    bump(instance)


def rename_goal(instance, goal, text):
    """Reword a goal; its answers in the evaluations stay with it."""
    goal.text = text[:MAX_GOAL_LENGTH]
    bump(instance)


def remove_goal(instance, goal):
    """Remove a goal together with the evaluation answers about it."""
    db.session.execute(delete(GoalProgress).where(GoalProgress.goal_id == goal.id))
    db.session.execute(delete(GoalVerdict).where(GoalVerdict.goal_id == goal.id))
    db.session.delete(goal)
    db.session.flush()
    bump(instance)


def charter_of(instance):
    """The agreements of the charter, in order."""
    return db.session.execute(select(CharterItem).filter_by(activity_instance_id=instance.id)
                              .order_by(CharterItem.position, CharterItem.id)).scalars().all()


def agreement_by_id(instance, item_id):
    """One of the placement's agreements, or None."""
    return db.session.execute(select(CharterItem).filter_by(activity_instance_id=instance.id, id=item_id)
                              ).scalar_one_or_none() if isinstance(item_id, int) else None


def add_agreement(instance, text):
    """Confirm an agreement into the charter."""
    if len(charter_of(instance)) >= MAX_AGREEMENTS:
        raise Refused(_("The charter holds at most %(max)d agreements.", max=MAX_AGREEMENTS))
    item = CharterItem(activity_instance_id=instance.id, text=text[:MAX_AGREEMENT_LENGTH],
                       position=_next_position(CharterItem, instance))
    db.session.add(item)
    db.session.flush()
    bump(instance)
    return item


def edit_agreement(instance, item, text):
    """Reword an agreement."""
    item.text = text[:MAX_AGREEMENT_LENGTH]
    bump(instance)


def remove_agreement(instance, item):
    """Take an agreement out of the charter."""
    db.session.delete(item)
    db.session.flush()
    bump(instance)
