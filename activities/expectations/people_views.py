"""Routes about people: the facilitator's participation list, exports, erasure; a participant's own data."""
from flask import g, render_template, request

from activities.expectations import ExpectationsActivity, bp, pages, participation
from activities.expectations import export as exporting
from activities.expectations import settings as exp_settings
from activities.expectations.state import state_for
from lti_tool.csv_export import download
from lti_tool.grades import grade_status
from lti_tool.session import launch_required
from lti_tool.i18n import current_language
from lti_tool.participants import expected_learners, learner_or_404

TEMPLATES = "activities/expectations/"


@bp.get("/<id:iid>/participants")
@launch_required(role="facilitator")
def participants(instance):
    """Who took part in which step, their participation and gradebook status; export and erase per person."""
    config = exp_settings.load(instance.settings)
    listed, source = expected_learners(g.launch, instance)
    progress, cards, held, closing_open = participation.everyone(instance)
    grades = grade_status(instance.id)
    empty = participation.Progress(False, False, 0, held, False, closing_open)
    rows = []
    for person in listed:
        mine = progress.get(person.user_id, empty)
        share = participation.fraction(mine, config.weights)
        rows.append(dict(person=person, progress=mine, cards=cards.get(person.user_id, 0),
                         percent=round(share * 100), grade=grade_status_for(grades, person.user_id),
                         has_data=person.user_id in progress))
    notice, kind = pages.notice_for(request.args.get("done"))
    return render_template(TEMPLATES + "participants.html", rows=rows, source=source, held=held,
                           closing_open=closing_open, notice=notice, notice_kind=kind,
                           **pages.common(instance, config, state_for(instance)))


def grade_status_for(grades, user_id):
    """The gradebook status of one person, or None."""
    return grades.get(user_id) if user_id is not None else None


@bp.get("/<id:iid>/participants/<id:uid>/export.csv")
@launch_required(role="facilitator", fresh=True)
def export_person(instance, uid):
    """One participant's data with their name (for an access request); fully anonymous cards stay out."""
    user = learner_or_404(instance, uid)
    config = exp_settings.load(instance.settings)
    rows = exporting.rows(instance, current_language(), user_id=user.id, cards=not config.fully_anonymous,
                          who=lambda _uid: user.name or user.sub)
    return download(exporting.to_csv(rows), f"expectations-{instance.id}-participant-{user.id}.csv")


@bp.get("/<id:iid>/my-data.csv")
@launch_required()
def my_data(instance):
    """A participant downloads everything this activity holds about them."""
    rows = exporting.rows(instance, current_language(), user_id=g.launch.user_id,
                          who=lambda _uid: g.launch.user_name or "")
    return download(exporting.to_csv(rows), f"my-data-{instance.id}.csv")


@bp.get("/<id:iid>/export.csv")
@launch_required(role="facilitator", fresh=True)
def export_all(instance):
    """All answers of the placement as CSV, with pseudonymous participant codes."""
    return download(exporting.to_csv(ExpectationsActivity.export(instance, language=current_language())),
                f"expectations-{instance.id}.csv")

