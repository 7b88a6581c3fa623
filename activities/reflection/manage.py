"""Facilitator routes: reveal or hide the board, edit themes, hide quotes, export, erase a learner."""
from flask import abort, g, redirect, render_template, request
from sqlalchemy import select

from activities.reflection import bp, pages
from activities.reflection import export as exporting
from activities.reflection import settings as reflection_settings
from activities.reflection.forms import ThemeEditForm
from activities.reflection.models import Action, Factor, SharingAnswer, Situation, TrustScore
from activities.reflection.themes import Themes
from lti_tool.csv_export import download
from lti_tool.extensions import db
from lti_tool.input_policy import bounded_int
from lti_tool.live import bump
from lti_tool.session import launch_required, launch_url
from lti_tool.i18n import current_language

QUOTE_MODELS = {"situation": Situation, "factor": Factor, "trust": TrustScore, "sharing": SharingAnswer,
                "action": Action}


@bp.post("/<id:iid>/control")
@launch_required(role="facilitator")
def control(instance):
    """Reveal the board to learners, or hide it again."""
    action = request.form.get("action", "")
    if action not in ("reveal", "hide"):
        abort(400)
    pages.state_for(instance).revealed = action == "reveal"
    bump(instance)  # the wall in the room follows
    db.session.commit()
    return redirect(launch_url("reflection.index", done=action), code=303)


@bp.post("/<id:iid>/themes")
@launch_required(role="facilitator")
def themes(instance):
    """Merge themes (the first chosen keeps its place), rename one, or undo a merge."""
    action, edits = request.form.get("action", ""), Themes(instance)
    form = ThemeEditForm(formdata=request.form)
    if not form.validate():
        message = next(error for errors in form.errors.values() for error in errors)
        return render_template("activities/reflection/board.html", notice=message, notice_kind="error",
                               **pages.board_page(g.launch, instance)), 400
    keys, label = form.keys(), form.label.data or ""
    if action == "merge":
        if edits.merge(keys, label) is None:
            return redirect(launch_url("reflection.board", done="pick_two", _anchor="themes-edit"), code=303)
        done = "merged"
    elif action == "rename" and len(keys) == 1 and not keys[0].startswith("_"):
        edits.rename(keys[0], label)
        done = "renamed"
    elif action == "split" and len(keys) == 1:
        edits.split(keys[0])
        done = "split"
    else:
        abort(400)
    bump(instance)
    db.session.commit()
    return redirect(launch_url("reflection.board", done=done, _anchor="themes"), code=303)


@bp.post("/<id:iid>/quotes")
@launch_required(role="facilitator")
def quotes(instance):
    """Hide a shared quote from the board, or show it again."""
    model = QUOTE_MODELS.get(request.form.get("kind", ""))
    action = request.form.get("action", "")
    quote_id = bounded_int(request.form.get("id"))
    if model is None or action not in ("hide", "show") or quote_id is None:
        abort(400)
    row = db.session.execute(select(model).filter_by(id=quote_id, activity_instance_id=instance.id)).scalar_one_or_none()
    if row is None:
        abort(404)
    row.hidden = action == "hide"
    bump(instance)
    db.session.commit()
    return redirect(launch_url("reflection.board", done="hidden" if row.hidden else "shown",
                               _anchor=f"quote-{request.form['kind']}-{row.id}"), code=303)


@bp.get("/<id:iid>/export/aggregate.csv")
@launch_required(role="facilitator", fresh=True)
def export_aggregate(instance):
    """The anonymous aggregate: counts, medians, distributions and shared quotes."""
    config = reflection_settings.load(instance.settings)
    rows = exporting.aggregate_rows(instance, config, current_language())
    return download(exporting.to_csv(rows, exporting.AGGREGATE_COLUMNS), f"reflection-{instance.id}-aggregate.csv")


@bp.get("/<id:iid>/export/personal-data.csv")
@launch_required(role="facilitator", fresh=True)
def export_answers(instance):
    """Personal data: every answer with the learner's name, private answers included."""
    config = reflection_settings.load(instance.settings)
    rows = exporting.answer_rows(instance, config, current_language(), with_names=True)
    return download(exporting.to_csv(rows, ("name",) + exporting.ANSWER_COLUMNS),
                f"reflection-{instance.id}-personal-data.csv")
