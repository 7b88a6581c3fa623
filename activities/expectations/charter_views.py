"""The facilitator's routes for the charter: confirming learning goals and agreements, rewording, removing."""
from flask import abort, request
from flask_babel import gettext as _

from activities.expectations import bp, dots, goals
from activities.expectations import settings as exp_settings
from activities.expectations.cards import Refused
from activities.expectations.moderation import done, refuse, to_int, text_field
from lti_tool.session import launch_required


@bp.post("/<id:iid>/goals")
@launch_required(role="facilitator")
def learning_goals(instance):
    """Confirm learning goals from the ranked themes, add one, reword one, or remove one."""
    config = exp_settings.load(instance.settings)
    op = request.form.get("op", "")
    limit = goals.MAX_GOAL_LENGTH
    too_long = _("Keep a learning goal under %(max)d characters.", max=limit)
    try:
        if op == "confirm":
            ranked = {r.theme.id: r for r in dots.ranking(instance, config)}
            chosen = [to_int(v) for v in request.form.getlist("theme")]
            if not chosen or any(t not in ranked for t in chosen):
                raise Refused(_("Tick the themes that become learning goals."))
            goals.confirm(instance, [ranked[theme_id] for theme_id in dict.fromkeys(chosen)])
        elif op == "add":
            goals.add_goal(instance, text_field("text", limit, _("Write the learning goal."), too_long))
        elif op in ("rename", "remove"):
            goal = goals.goal_by_id(instance, to_int(request.form.get("goal")))
            if goal is None:
                abort(404)
            if op == "remove":
                goals.remove_goal(instance, goal)
            else:
                goals.rename_goal(instance, goal, text_field("text", limit, _("Write the learning goal."), too_long))
        else:
            abort(400)
    except Refused as refused:
        return refuse(instance, refused)
    codes = {"confirm": "goals", "add": "goal_saved", "rename": "goal_saved", "remove": "goal_removed"}
    return done(instance, codes[op], anchor="charter")


@bp.post("/<id:iid>/charter")
@launch_required(role="facilitator")
def charter(instance):
    """Confirm an agreement into the charter (written, or from a card or theme), reword or remove one."""
    op = request.form.get("op", "")
    limit = goals.MAX_AGREEMENT_LENGTH
    too_long = _("Keep an agreement under %(max)d characters.", max=limit)
    try:
        if op == "add":
            goals.add_agreement(instance, text_field("text", limit, _("Write the agreement."), too_long))
        elif op in ("edit", "remove"):
            item = goals.agreement_by_id(instance, to_int(request.form.get("item")))
            if item is None:
                abort(404)
            if op == "remove":
                goals.remove_agreement(instance, item)
            else:
                goals.edit_agreement(instance, item, text_field("text", limit, _("Write the agreement."), too_long))
        else:
            abort(400)
    except Refused as refused:
        return refuse(instance, refused)
    return done(instance, "agreement_removed" if op == "remove" else "agreement", anchor="charter")
