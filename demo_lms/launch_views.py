"""LTI launches: OIDC login initiation towards the tool, the platform's auth endpoint, its JWKS."""
from urllib.parse import urlencode

from flask import Blueprint, abort, jsonify, request, url_for

from demo_lms import people
from demo_lms.flask_adapter import FlaskMessageLaunch, FlaskOIDCLogin, FlaskRequest
from demo_lms.state import current_course, current_user, lms_state, require_facilitator

bp = Blueprint("lti", __name__)
LP_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/launch_presentation"
DL_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
STORAGE_TARGET = "_parent"
EXPECTED = {"scope": "openid", "response_type": "id_token", "response_mode": "form_post", "prompt": "none"}


@bp.get("/lti/initiate/<link_id>")
def initiate(link_id):
    """The iframe's first stop: redirect to the tool's OIDC login initiation for this activity."""
    state = lms_state()
    link = state.store.link(link_id)
    if link is None:
        abort(404, description="This activity does not exist (any more) in the course.")
    login = FlaskOIDCLogin(FlaskRequest(request), state.platform_config(), state.message_hint("rl", link_id))
    return _with_storage(state, login.set_launch_url(link["url"]).initiate_login(current_user().id))


@bp.get("/lti/initiate-deep-link")
def initiate_deep_link():
    """Start 'Add an activity': a deep linking launch for the facilitator."""
    user = require_facilitator()
    state = lms_state()
    data = state.store.new_deep_link_request(user.id, current_course().id)
    login = FlaskOIDCLogin(FlaskRequest(request), state.platform_config(), state.message_hint("dl", data))
    return _with_storage(state, login.set_deeplinking_launch_url().initiate_login(user.id))


def _with_storage(state, response):
    # The library's initiation has no lti_storage_target; the page around the iframe answers it
    # (static/js/platform_storage.js), so the tool may keep its state there when cookies are blocked.
    if state.platform_storage:
        response.headers["Location"] += "&" + urlencode({"lti_storage_target": STORAGE_TARGET})
    return response


@bp.route("/lti/auth", methods=["GET", "POST"])
def auth():
    """The platform's OIDC authorization endpoint: check the tool's request, answer with an id_token."""
    state = lms_state()
    params = request.values
    for name, value in EXPECTED.items():
        if params.get(name) != value:
            abort(400, description=f"Authentication request: {name} must be {value!r}.")
    if params.get("client_id") != state.registration.get_client_id():
        abort(400, description="Authentication request: unknown client_id.")
    if params.get("redirect_uri") not in state.registration.redirect_uris:
        abort(400, description="Authentication request: redirect_uri is not registered for this tool.")
    for name in ("state", "nonce", "login_hint", "lti_message_hint"):
        if not params.get(name):
            abort(400, description=f"Authentication request: {name} is missing.")
    user = current_user()
    if params["login_hint"] != user.id:
        abort(403, description=f"This launch was started for another user; you are signed in as {user.label}. "
                               f"Open the activity again.")
    kind, value = state.read_message_hint(params["lti_message_hint"])
    if kind is None:
        # Moodle's words for a hint it did not issue or already used (mod/lti/auth.php).
        abort(400, description="Invalid request: lti_message_hint is not one this LMS issued, or it was used "
                               "already (hints are single-use here, as in Moodle).")
    if kind == "rl":
        link = state.store.link(value)
        if link is None:
            abort(404, description="This activity does not exist (any more) in the course.")
        launch = _base_launch(state, user, _course_of(user, link["course_id"]))
        _resource_link(state, launch, link)
        state.store.count("launches")
    else:
        launch = _deep_linking(state, user, value)
        state.store.count("deep_linking_launches")
    return launch.lti_launch()


def _course_of(user, course_id):
    course = people.course(course_id)
    if not (course and course.has(user)):
        abort(403, description="You are not enrolled in the course of this activity.")
    return course


def _base_launch(state, user, course):
    launch = FlaskMessageLaunch(FlaskRequest(request), state.platform_config())
    # Moodle shares the launcher's e-mail address by default ("Share launcher's email with the tool").
    launch.set_user_data(user.id, user.roles, full_name=user.name, email_address=user.email)
    launch.set_extra_claims({"given_name": user.given_name, "family_name": user.family_name})
    launch.set_launch_context_claim(course.id, [people.COURSE_TYPE], course.title, course.label)
    # The library's setter has no locale; the claim is set whole instead.
    launch.lti_claim_launch_presentation = {LP_CLAIM: {
        "document_target": "iframe", "locale": user.locale,
        "return_url": state.lms_url + url_for("course.course", id=course.id)}}
    launch.set_nrps(state.memberships_url(course.id))
    return launch


def _resource_link(state, launch, link):
    launch.set_launch_url(link["url"])
    launch.set_resource_link_claim(link["id"], description=link["text"] or None, title=link["title"])
    if link["custom"]:
        launch.set_custom_parameters_claim(link["custom"])
    lineitem = state.store.lineitem_for_link(link["id"])
    course_id = link["course_id"]
    launch.set_ags(state.lineitems_url(course_id), state.lineitem_url(lineitem["id"], course_id) if lineitem else None)


def _deep_linking(state, user, data):
    if not user.is_instructor:
        abort(403, description="Only the facilitator can add activities.")
    started_by, course_id = state.store.deep_link_request(data)
    if started_by != user.id:
        abort(400, description="This 'Add an activity' request has expired. Start it again from the course page.")
    launch = _base_launch(state, user, _course_of(user, course_id))
    launch.set_ags(state.lineitems_url(course_id))
    launch.set_dl(state.lms_url + url_for("deep_link.deep_link_return"), accept_types={"ltiResourceLink"})
    # The library hard-codes accept_multiple=True and a dict `data`; LTI's `data` is an opaque string.
    launch._deep_linking_launch_data[DL_SETTINGS].update(
        accept_multiple=False, accept_presentation_document_targets=["iframe", "window"], data=data)
    return launch


@bp.get("/lti/jwks")
def jwks():
    """The platform's public keys, for the tool to verify id_tokens and access tokens."""
    return jsonify(lms_state().platform_config().get_jwks())
