"""Dynamic Registration in the demo LMS: the openid configuration, the registration endpoint, the admin page."""
from urllib.parse import urlencode, urlsplit

from flask import Blueprint, abort, jsonify, make_response, redirect, render_template, request, url_for

from demo_lms import dynamic_registration as dr
from demo_lms.state import lms_state, require_facilitator

bp = Blueprint("registration", __name__)


@bp.get("/lti/openid-configuration")
def openid_configuration():
    """What a tool needs to register itself here."""
    return jsonify(dr.openid_configuration(lms_state().lms_url))


@bp.post("/lti/register")
def register():
    """The registration endpoint: a valid single-use token, a valid request; answers with client_id."""
    state = lms_state()
    token = _bearer()
    if state.registration_token_required and not state.tools.token_is_valid(token):
        return _error("invalid_token", "A valid registration token is required (start again from the LMS).", 401)
    try:
        tool, scopes = dr.check_request(request.get_json(silent=True))
    except dr.RegistrationInvalid as invalid:
        return _error(invalid.error, invalid.description, 400)
    body = dr.answer(request.get_json(), scopes)
    tool_configuration = body[dr.TOOL_CONFIGURATION]
    if not state.tools.add(token if state.registration_token_required else None, body["client_id"],
                           tool_configuration["deployment_id"], tool):
        return _error("invalid_token", "This registration token was used already.", 401)
    state.use_registered_tool()
    state.store.count("tools_registered")
    return jsonify(body)


@bp.get("/course/register-tool")
def register_tool():
    """The administrator pastes the tool's registration URL here."""
    require_facilitator()
    return render_template("lms/register_tool.html", frame_src=None, registered=lms_state().tools.latest())


@bp.post("/course/register-tool")
def start_registration():
    """Open the tool's registration URL in a frame, with our configuration URL and a fresh token."""
    require_facilitator()
    state = lms_state()
    url = request.form.get("tool_url", "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return render_template("lms/register_tool.html", frame_src=None, registered=state.tools.latest(),
                               error="Paste the full registration URL the tool gave you (it starts with https://)."), 400
    query = urlencode({"openid_configuration": state.lms_url + url_for("registration.openid_configuration"),
                       "registration_token": state.tools.new_token()})
    frame_src = f"{url}{'&' if parts.query else '?'}{query}"
    frame_origin = f"{parts.scheme}://{parts.netloc}"
    response = make_response(render_template("lms/register_tool.html", frame_src=frame_src, frame_origin=frame_origin,
                                             registered=state.tools.latest()))
    response.headers["Content-Security-Policy"] = (
        f"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"frame-src 'self' {frame_origin}; form-action 'self'; frame-ancestors 'self'; base-uri 'none'; "
        f"object-src 'none'")
    return response


@bp.get("/course/register-tool/done")
def registration_done():
    """Where the page goes when the tool says it is done (org.imsglobal.lti.close)."""
    require_facilitator()
    if lms_state().tools.latest() is None:
        abort(400, description="The tool closed the registration without registering. Try again.")
    return redirect(url_for("course.course", registered=1))


def _bearer():
    header = request.headers.get("Authorization", "")
    return header[7:].strip() if header[:7].lower() == "bearer " else None


def _error(error, description, status):
    response = jsonify(error=error, error_description=description)
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response
