"""Routes for the close: the participant's closing evaluation, and the facilitator's report (HTML and CSV)."""
from flask import g, redirect, render_template, request

from activities.expectations import bp, closing, pages, report
from activities.expectations import settings as exp_settings
from activities.expectations.cards import Refused
from activities.expectations.forms import closing_form, form_field, verdict_field
from activities.expectations.meeting_views import error_items
from activities.expectations.state import state_for
from activities.expectations.views import save_with_participation
from lti_tool.csv_export import download
from lti_tool.extensions import db
from lti_tool.session import launch_required, launch_url
from lti_tool.i18n import current_language

TEMPLATES = "activities/expectations/"


def _closing_page(instance, form=None, status=200, notice=None, kind=None):
    config = exp_settings.load(instance.settings)
    values = pages.common(instance, config, state_for(instance))
    language = current_language()
    result = report.closing_summary(instance, config, values["goals"], language)
    if g.launch.is_instructor:
        return render_template(TEMPLATES + "closing_facilitator.html", result=result,
                               respondents=len(closing.respondent_ids(instance)), notice=notice, notice_kind=kind,
                               **values), status
    mine, verdicts = closing.evaluation_of(instance, g.launch.user_id)
    if form is None:
        data = {verdict_field(goal_id): verdict for goal_id, verdict in verdicts.items()}
        if mine is not None:
            data.update(worked=mine.worked, worked_less=mine.worked_less, suggestions=mine.suggestions,
                        aftercare=mine.aftercare, aftercare_note=mine.aftercare_note)
            data.update({form_field(key): rating for key, rating in (mine.forms or {}).items()})
        form = closing_form(values["goals"], config.learning_forms, language, data=data)
    return render_template(TEMPLATES + "closing.html", form=form, mine=mine, error_items=error_items(form),
                           result=result if mine is not None else None, verdict_field=verdict_field,
                           form_field=form_field, notice=notice, notice_kind=kind, **values), status


@bp.route("/<id:iid>/closing", methods=["GET", "POST"])
@launch_required(write_role="learner")
def closing_page(instance):
    """The closing evaluation: participants fill it in once it is open; the facilitator opens and closes it."""
    if request.method == "GET":
        notice, kind = pages.notice_for(request.args.get("done"))
        return _closing_page(instance, notice=notice, kind=kind)
    config = exp_settings.load(instance.settings)
    goal_list = pages.goals.goals_of(instance)
    form = closing_form(goal_list, config.learning_forms, current_language(), formdata=request.form)
    if not form.validate():
        return _closing_page(instance, form=form, status=400)
    answers = dict(worked=form.worked.data or "", worked_less=form.worked_less.data or "",
                   suggestions=form.suggestions.data or "", aftercare=form.aftercare.data,
                   aftercare_note=form.aftercare_note.data or "",
                   forms={item["key"]: form[form_field(item["key"])].data for item in config.learning_forms
                          if form[form_field(item["key"])].data})
    verdicts = {goal.id: form[verdict_field(goal.id)].data for goal in goal_list}
    try:
        save_with_participation(instance, lambda: closing.save(instance, g.launch.user_id, answers, verdicts))
    except Refused as refused:
        db.session.rollback()
        return _closing_page(instance, form=form, status=refused.status, notice=refused.message, kind="warning")
    return redirect(launch_url("expectations.closing_page", done="closing_saved"), code=303)


@bp.get("/<id:iid>/report")
@launch_required(role="facilitator")
def report_page(instance):
    """The closing report: goals from start to close, the meeting trend, suggestions (printable on one page)."""
    config = exp_settings.load(instance.settings)
    values = pages.common(instance, config, state_for(instance))
    return render_template(TEMPLATES + "report.html",
                           report=report.build(instance, config, values["goals"], current_language()), **values)


@bp.get("/<id:iid>/report.csv")
@launch_required(role="facilitator")
def report_csv(instance):
    """The closing report as CSV: one row per figure, then the participants' texts without names."""
    config = exp_settings.load(instance.settings)
    built = report.build(instance, config, pages.goals.goals_of(instance), current_language())
    return download(report.to_csv(built), f"closing-report-{instance.id}.csv")
