"""Routes for meetings: the facilitator plans them and reads the evaluations; participants evaluate."""
from flask import abort, g, redirect, render_template, request

from activities.expectations import bp, goals, meetings, pages, results
from activities.expectations import settings as exp_settings
from activities.expectations.cards import Refused
from activities.expectations.forms import MeetingForm, evaluation_form, progress_field
from activities.expectations.state import state_for
from activities.expectations.views import save_with_participation
from lti_tool.extensions import db
from lti_tool.session import launch_required, launch_url

TEMPLATES = "activities/expectations/"


def error_items(form):
    """(link, message) pairs for an error summary, in the form's order, linking to the field to fix."""
    items = []
    for field in form:
        anchor = f"#{field.id}-0" if field.type == "RadioField" else f"#{field.id}"
        items += [(anchor, f"{field.label.text}: {e}") for e in field.errors]
    return items


def _common(instance):
    config = exp_settings.load(instance.settings)
    return dict(pages.common(instance, config, state_for(instance)), today=meetings.today())


def _overview(instance, form=None, status=200, notice=None, kind=None):
    values = _common(instance)
    listed = meetings.meetings_of(instance)
    if g.launch.is_instructor:
        held = [m for m in listed if meetings.is_held(m)]
        by_meeting = results.meeting_results(instance, listed, values["goals"], values["config"].min_group_size)
        return render_template(TEMPLATES + "meetings_facilitator.html", meetings=listed, held=held,
                               results=by_meeting, form=form or MeetingForm(), error_items=error_items(form) if form
                               else [], notice=notice, notice_kind=kind, **values), status
    mine = meetings.evaluated_ids(instance, g.launch.user_id)
    return render_template(TEMPLATES + "meetings.html", meetings=listed, evaluated=mine, is_held=meetings.is_held,
                           notice=notice, notice_kind=kind, **values), status


@bp.get("/<id:iid>/meetings")
@launch_required()
def meetings_page(instance):
    """The meetings: participants see what to evaluate; the facilitator plans and sees the trend."""
    notice, kind = pages.notice_for(request.args.get("done"))
    return _overview(instance, notice=notice, kind=kind)


@bp.post("/<id:iid>/meetings")
@launch_required(role="facilitator")
def add_meeting(instance):
    """The facilitator adds a meeting (date and topic)."""
    form = MeetingForm(formdata=request.form)
    if not form.validate():
        return _overview(instance, form=form, status=400)
    try:
        meetings.add(instance, form.held_on.data, form.topic.data)
    except Refused as refused:
        db.session.rollback()
        return _overview(instance, status=refused.status, notice=refused.message, kind="error")
    db.session.commit()
    return redirect(launch_url("expectations.meetings_page", done="meeting"), code=303)


@bp.post("/<id:iid>/meetings/<id:mid>/edit")
@launch_required(role="facilitator")
def edit_meeting(instance, mid):
    """Change a meeting's date or topic, or delete a meeting nobody evaluated yet."""
    meeting = meetings.meeting_by_id(instance, mid)
    if meeting is None:
        abort(404)
    op = request.form.get("op", "")
    try:
        if op == "remove":
            meetings.remove(instance, meeting)
        elif op == "update":
            form = MeetingForm(formdata=request.form)
            if not form.validate():
                db.session.rollback()
                return _overview(instance, status=400, kind="error",
                                 notice=" ".join(m for _href, m in error_items(form)))
            meetings.update(instance, meeting, form.held_on.data, form.topic.data)
        else:
            abort(400)
    except Refused as refused:
        db.session.rollback()
        return _overview(instance, status=refused.status, notice=refused.message, kind="error")
    db.session.commit()
    return redirect(launch_url("expectations.meetings_page", done="meeting_removed" if op == "remove" else "meeting"),
                    code=303)


def _evaluation_page(instance, meeting, form=None, status=200, notice=None, kind=None):
    values = _common(instance)
    config, goal_list = values["config"], values["goals"]
    result = results.meeting_results(instance, [meeting], goal_list, config.min_group_size)[meeting.id]
    if g.launch.is_instructor:
        return render_template(TEMPLATES + "meeting_results.html", meeting=meeting, result=result,
                               notice=notice, notice_kind=kind, **values), status
    mine, answers = meetings.evaluation_of(meeting, g.launch.user_id)
    if form is None:
        data = {progress_field(goal_id): answer for goal_id, answer in answers.items()}
        if mine is not None:
            data.update(went_well=mine.went_well, could_be_better=mine.could_be_better, usefulness=str(mine.usefulness))
        form = evaluation_form(goal_list, data=data)
    return render_template(TEMPLATES + "meeting_eval.html", meeting=meeting, form=form, mine=mine,
                           error_items=error_items(form), result=result if mine is not None else None,
                           held=meetings.is_held(meeting), progress_field=progress_field,
                           notice=notice, notice_kind=kind, **values), status


@bp.route("/<id:iid>/meetings/<id:mid>", methods=["GET", "POST"])
@launch_required(write_role="learner")
def meeting(instance, mid):
    """Participants evaluate a meeting (and see the group's figures); the facilitator reads the results."""
    found = meetings.meeting_by_id(instance, mid)
    if found is None:
        abort(404)
    if request.method == "GET":
        notice, kind = pages.notice_for(request.args.get("done"))
        return _evaluation_page(instance, found, notice=notice, kind=kind)
    goal_list = goals.goals_of(instance)
    form = evaluation_form(goal_list, formdata=request.form)
    if not form.validate():
        return _evaluation_page(instance, found, form=form, status=400)
    answers = dict(went_well=form.went_well.data or "", could_be_better=form.could_be_better.data or "",
                   usefulness=int(form.usefulness.data))
    progress = {goal.id: form[progress_field(goal.id)].data for goal in goal_list}
    try:
        save_with_participation(instance, lambda: meetings.save_evaluation(instance, found, g.launch.user_id, answers,
                                                                   progress))
    except Refused as refused:
        db.session.rollback()
        return _evaluation_page(instance, found, form=form, status=refused.status, notice=refused.message,
                                kind="warning")
    return redirect(launch_url("expectations.meeting", mid=found.id, done="evaluated"), code=303)

