"""Exports: all answers with pseudonymous codes, or one participant's own data (for access requests).

Names stay out of the placement export: it travels, and cards were written on the promise that peers
see them anonymously. With full anonymity the cards carry no code at all, so they cannot be tied to
anyone's evaluations, and the facilitator's per-person export leaves them out.
"""

from sqlalchemy import select

from activities.expectations import settings as exp_settings
from activities.expectations.content import AFTERCARE, FORM_RATINGS, PROGRESS, VERDICTS, label_of, text_in
from activities.expectations.models import (
    Card, ClosingEvaluation, Dot, GoalProgress, GoalVerdict, LearningGoal, Meeting, MeetingEvaluation, Theme)
from lti_tool.csv_export import to_csv as write_csv
from lti_tool.extensions import db
from lti_tool.participant_codes import codes_for

COLUMNS = ("participant", "kind", "item", "answer", "text", "date")


def _filter(model, instance, user_id):
    query = select(model).where(model.activity_instance_id == instance.id)
    return query.where(model.user_id == user_id) if user_id is not None else query


def _codes(instance):
    ids = set()
    for model in (Card, Dot):
        ids.update(db.session.execute(select(model.user_id).filter_by(activity_instance_id=instance.id)).scalars())
    return codes_for(instance, ids)


def _by_id(model, instance):
    return {row.id: row for row in db.session.execute(select(model).filter_by(activity_instance_id=instance.id)
                                                      ).scalars()}


def rows(instance, language=None, user_id=None, cards=True, who=None):
    """Dicts with COLUMNS; `user_id` limits them to one participant, `who(user_id)` names the participant."""
    config = exp_settings.load(instance.settings)
    language = language or "nl"
    if who is None:
        codes = _codes(instance)
        who = lambda uid: codes.get(uid, "")  # noqa: E731
    columns = {c["key"]: text_in(c, language) for c in config.columns}
    forms = {f["key"]: text_in(f, language) for f in config.learning_forms}
    themes, goals, meetings = _by_id(Theme, instance), _by_id(LearningGoal, instance), _by_id(Meeting, instance)
    out = []
    if cards:
        anonymous = config.fully_anonymous and user_id is None
        for card in db.session.execute(_filter(Card, instance, user_id).order_by(Card.id)).scalars():
            state = ("waiting" if card.held else "hidden") if card.hidden else ("merged" if card.merged_into_id else "")
            out.append(dict(participant="" if anonymous else who(card.user_id), kind="card",
                            item=columns.get(card.column_key, card.column_key), answer=state, text=card.text,
                            date=card.created_at.date().isoformat()))
    for dot in db.session.execute(_filter(Dot, instance, user_id).order_by(Dot.id)).scalars():
        theme = themes.get(dot.theme_id)
        out.append(dict(participant=who(dot.user_id), kind="dots", item=theme.name if theme else "",
                        answer=dot.count, text="", date=""))
    evaluations = db.session.execute(_filter(MeetingEvaluation, instance, user_id).order_by(
        MeetingEvaluation.id)).scalars().all()
    progress = _children(GoalProgress, [e.id for e in evaluations])
    for e in evaluations:
        meeting = meetings.get(e.meeting_id)
        name, date = (meeting.topic, meeting.held_on.isoformat()) if meeting else ("", "")
        base = dict(participant=who(e.user_id), item=name, date=date)
        out.append(dict(base, kind="meeting_usefulness", answer=e.usefulness, text=""))
        out.append(dict(base, kind="meeting_went_well", answer="", text=e.went_well))
        out.append(dict(base, kind="meeting_could_be_better", answer="", text=e.could_be_better))
        for row in progress.get(e.id, []):
            goal = goals.get(row.goal_id)
            out.append(dict(base, kind="meeting_goal_progress", item=f"{name} · {goal.text if goal else ''}",
                            answer=str(label_of(PROGRESS, row.answer)), text=""))
    closings = db.session.execute(_filter(ClosingEvaluation, instance, user_id).order_by(
        ClosingEvaluation.id)).scalars().all()
    verdicts = _children(GoalVerdict, [c.id for c in closings])
    for c in closings:
        base = dict(participant=who(c.user_id), date=c.updated_at.date().isoformat())
        for row in verdicts.get(c.id, []):
            goal = goals.get(row.goal_id)
            out.append(dict(base, kind="closing_goal", item=goal.text if goal else "",
                            answer=str(label_of(VERDICTS, row.verdict)), text=""))
        for key, rating in (c.forms or {}).items():
            out.append(dict(base, kind="closing_way_of_learning", item=forms.get(key, key),
                            answer=str(label_of(FORM_RATINGS, rating)), text=""))
        for kind, text in (("closing_worked", c.worked), ("closing_worked_less", c.worked_less),
                           ("closing_suggestions", c.suggestions)):
            out.append(dict(base, kind=kind, item="", answer="", text=text))
        out.append(dict(base, kind="closing_aftercare", item="", answer=str(label_of(AFTERCARE, c.aftercare)),
                        text=c.aftercare_note))
    return out


def _children(model, parent_ids):
    if not parent_ids:
        return {}
    grouped = {}
    for row in db.session.execute(select(model).where(model.evaluation_id.in_(parent_ids))).scalars():
        grouped.setdefault(row.evaluation_id, []).append(row)
    return grouped


def to_csv(export_rows):
    """CSV text of the export rows."""
    return write_csv(export_rows, COLUMNS)
