"""The present view: the wall in the room, outside the LMS frame, opened by the facilitator's own link."""
from flask import Blueprint, abort, g, jsonify, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l

from lti_tool import live
from lti_tool.errors import error_response, new_reference
from lti_tool.extensions import db
from lti_tool.i18n import current_language
from lti_tool.present import PresentLinkError, check_control, control_token, end_links, open_link, view_token
from lti_tool.registry import activity_of
from lti_tool.session import launch_required, launch_url

bp = Blueprint("present", __name__, url_prefix="/present")
CONTROL_HEADER = "X-Present-Control"


@bp.post("/open/<id:iid>")
@launch_required(role="facilitator")
def open_view(instance):
    """Make a link for the wall and send the facilitator's new window there, with the control key."""
    _activity_with_wall(instance)
    url = url_for("present.show", token=view_token(instance, current_language()))
    # The control key rides in the fragment: the browser keeps it, no server or log ever receives it.
    return redirect(f"{url}#control={control_token(instance, g.launch)}", code=303)


@bp.post("/end/<id:iid>")
@launch_required(role="facilitator")
def end(instance):
    """End every present link of the placement (a projector left on in the room shows nothing more)."""
    end_links(instance)
    db.session.commit()
    return redirect(launch_url(activity_of(instance).entry_endpoint(), done="present_ended"), code=303)


def _link(token):
    try:
        link = open_link(token)
    except PresentLinkError as error:
        if error.reason == "invalid":
            abort(404)
        g.locale_hint = error.language
        raise _Gone() from None
    g.locale_hint = link.language  # the wall speaks the language of the facilitator who opened it
    live.loaded(link.instance)
    return link


class _Gone(Exception):
    """An expired or ended present link (answered with a page that says so)."""


@bp.errorhandler(_Gone)
def _gone(_error):
    return error_response(410, _l("This present view has ended"),
                          _l("Open the present view again from the activity in your course."), new_reference())


def _activity_with_wall(instance):
    """The placement's activity when it has a present view; 404 otherwise (also for a link not set up yet)."""
    activity = activity_of(instance)
    if activity is None or not activity.has_present_view():
        abort(404)
    return activity


def _values(link, token):
    activity = _activity_with_wall(link.instance)
    values = activity.present_values(link.instance)
    return activity, dict(values, instance=link.instance, activity=activity,
                          live_url=url_for("present.live_region", token=token),
                          control_url=url_for("present.control", token=token))


def _live_tag(link):
    return f"p{live.version_of(link.instance.id)}-{link.language}"


@bp.get("/<token>")
def show(token):
    """The full-screen wall: large type, no names, live counts, the facilitator's shortcuts with `?`."""
    link = _link(token)
    live.offer(_live_tag(link))
    activity, values = _values(link, token)
    response = render_template(f"activities/{activity.id}/present.html", **values)
    return response, 200, {"X-Robots-Tag": "noindex", "Cache-Control": "no-store"}


@bp.get("/<token>/live")
def live_region(token):
    """The wall's changing part as JSON; 304 while the placement has not changed."""
    link = _link(token)
    tag = _live_tag(link)

    def render():
        activity, values = _values(link, token)
        return {"html": render_template(f"activities/{activity.id}/_present_live.html", **values)}

    return live.conditional(tag, render)


@bp.post("/<token>/control")
def control(token):
    """A facilitator's shortcut on the wall (reveal, new round …), allowed only with their control key."""
    link = _link(token)
    activity = _activity_with_wall(link.instance)
    if not check_control(link.instance, request.headers.get(CONTROL_HEADER)):
        abort(403)
    action = request.form.get("action", "")
    if action not in activity.present_actions:
        abort(400)
    changed = activity.present_control(link.instance, action)
    if changed:
        live.bump(link.instance)
    db.session.commit()
    return jsonify(changed=bool(changed))
