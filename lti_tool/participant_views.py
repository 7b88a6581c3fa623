"""The per-learner pages every activity shares, mounted on each activity's blueprint by the contract."""
from flask import abort, g, redirect, render_template, request

from lti_tool import privacy
from lti_tool.csv_export import download, to_csv
from lti_tool.extensions import db
from lti_tool.participants import learner_or_404, participant_rows
from lti_tool.registry import activity_of
from lti_tool.session import launch_required, launch_url


@launch_required(role="facilitator")
def participants(instance):
    """Who is expected, their progress in the activity's own terms, gradebook status, export and erase."""
    activity = activity_of(instance)
    rows, source = participant_rows(g.launch, instance)
    values = dict(activity.participants_page_values(instance), instance=instance, activity=activity, rows=rows,
                  source=source, cells=activity.participant_cells(), erased=request.args.get("done") == "erased")
    return render_template(activity.participants_template(), **values)


@launch_required(role="facilitator", fresh=True)
def export_learner(instance, uid):
    """One learner's data in this activity with their name, for their request to see it (personal data)."""
    activity = activity_of(instance)
    user = learner_or_404(instance, uid)
    rows, columns = activity.export_person(instance, user)
    # The person's own data names them where the pseudonymous export shows their code.
    named = [{**row, "participant": user.name or user.sub} if row.get("participant") else row for row in rows]
    return download(to_csv(named, columns), f"{activity.id}-{instance.id}-participant-{user.id}.csv")


@launch_required(role="facilitator")
def erase_learner(instance, uid):
    """Confirm (GET), then erase (POST) everything the placement holds about one learner."""
    activity = activity_of(instance)
    user = learner_or_404(instance, uid)
    # From the participants page, back there; from the activity's own dashboard, back to the activity.
    back = f"{request.blueprint}.participants" if request.values.get("back") == "participants" \
        else activity.participants_endpoint()
    if request.method == "GET":
        return render_template("lti/erase_confirm.html", instance=instance, person=user, back=back,
                               preview=activity.erase_preview(instance, user.id),
                               action=launch_url(request.endpoint, uid=user.id, back=request.values.get("back")))
    if request.form.get("confirm") != "yes":
        abort(400)
    privacy.erase_learner(instance, user)
    db.session.commit()
    return redirect(launch_url(back, done="erased"), code=303)


def mount(blueprint):
    """Add the shared participant routes to an activity's blueprint (the same paths for every activity)."""
    blueprint.add_url_rule("/<id:iid>/participants", endpoint="participants", view_func=participants)
    blueprint.add_url_rule("/<id:iid>/participants/<id:uid>/export.csv", endpoint="export_learner",
                           view_func=export_learner)
    blueprint.add_url_rule("/<id:iid>/participants/<id:uid>/erase", endpoint="erase_learner",
                           view_func=erase_learner, methods=["GET", "POST"])
