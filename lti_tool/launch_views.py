"""POST /lti/launch: validate an id_token like an attack until proven otherwise, then open a session."""
import hmac

from flask import Blueprint, current_app, g, redirect, render_template, request, url_for
from sqlalchemy import bindparam, delete

from activities import get_activity
from lti_tool import nonces
from lti_tool.claims import DEEP_LINKING_REQUEST, DL, LTI, NRPS_CLAIM, AGS_CLAIM, check_claims
from lti_tool.claim_shapes import check_shapes
from lti_tool.cookies import clear_cookie
from lti_tool.extensions import db
from lti_tool.i18n import normalise_locale
from lti_tool.launch import DEEP_LINKING, LEARNER, RESOURCE_LINK, role_from_claims
from lti_tool.launch_errors import reject
from lti_tool.login import browser_hash, retry_url_for, state_cookie_name, storage_values
from lti_tool.models import LoginState, Platform
from lti_tool.models.base import utcnow
from lti_tool.provisioning import provision
from lti_tool.registrations import platform_columns
from lti_tool.pylti import LtiException, build_message_launch
from lti_tool.session import issue_token, open_session, set_session_cookie

bp = Blueprint("lti_launch", __name__)
_login_states = LoginState.__table__
_TAKE_STATE = delete(_login_states).where(_login_states.c.state == bindparam("state")).returning(*_login_states.c)


@bp.post("/lti/launch")
def launch():
    """Validate the platform's id_token and send the browser (303) to the activity."""
    state, id_token = request.form.get("state", ""), request.form.get("id_token", "")
    if not id_token or not state:
        reject("bad_request", "launch without id_token or state")
    secret = request.cookies.get(state_cookie_name(state))
    if not secret:
        # The binding is in the platform's storage or, without one, in the frame's own sessionStorage.
        return _ask_storage(_load_state(state), id_token)
    login_state = _take_state(state)
    _check_binding(login_state, secret)
    return _complete(login_state, id_token)


@bp.get("/lti/launch")
def launch_address():
    """The launch address opened directly (Moodle probes it when a teacher saves): a short friendly page."""
    return render_template("lti/launch_address.html")


@bp.post("/lti/launch/verify")
def verify():
    """Finish a launch whose browser binding came from storage (the platform's, or the frame's own)."""
    login_state = _take_state(request.form.get("state", ""))
    if not login_state.pending_id_token:
        reject("state", "no launch is waiting for verification with this state")
    _check_binding(login_state, request.form.get("secret", ""))
    return _complete(login_state, login_state.pending_id_token)


def _complete(login_state, id_token):
    platform = platform_columns(login_state.platform_id)
    if platform is None:
        reject("unknown_platform", "the platform was removed while this launch was under way")
    claims = _validate_signature(login_state, id_token, platform)
    g.locale_hint = _locale(claims)
    message_type = check_claims(claims, platform, login_state)
    check_shapes(claims, message_type)
    # The single-use login state already stops replays; the nonce record is defence in depth
    # (DESIGN §5) should a state ever be reused, e.g. across a restored database backup.
    if not nonces.use_nonce(f"{platform.id}:{claims['nonce']}"):
        reject("replay", "nonce was used before")
    role = role_from_claims(claims.get(LTI + "roles"))
    if message_type == DEEP_LINKING_REQUEST and role == LEARNER:
        reject("deep_link_role", "a learner sent an LtiDeepLinkingRequest")
    rows = provision(platform, claims, role, with_placement=message_type != DEEP_LINKING_REQUEST)
    launch = open_session(_launch_fields(claims, platform, rows, role, message_type))
    landing = _landing_url(launch, rows.placement)
    db.session.commit()
    g.launch = launch
    response = redirect(landing, code=303)
    clear_cookie(response, state_cookie_name(login_state.state))
    return set_session_cookie(response, launch)


def _load_state(state):
    login_state = db.session.get(LoginState, state) if state else None
    if login_state is None:
        reject("state", "unknown or already used state")
    if login_state.expires_at < utcnow():
        _take_state(state)  # consumes it, and refuses it as expired
    return login_state


def _take_state(state):
    """Delete the login state and return what it held: single use, whatever happens next.

    One DELETE … RETURNING, committed before the token is even read: of two concurrent posts of one
    state only one gets the row, and a launch that fails validation cannot be posted again.
    """
    taken = db.session.connection().execute(_TAKE_STATE, {"state": state}).first() if state else None
    db.session.commit()
    if taken is None:
        reject("state", "unknown or already used state")
    if taken.expires_at < utcnow():
        reject("state", "login state expired")
    return taken


def _check_binding(login_state, secret):
    """The browser-binding secret must be the one the login gave this browser."""
    if not secret or not hmac.compare_digest(browser_hash(secret), login_state.browser_hash):
        reject("state", "browser binding does not match: the login started in another browser")


def _ask_storage(login_state, id_token):
    if login_state.pending_id_token:
        _take_state(login_state.state)
        reject("state", "a second id_token was posted for a state that is already waiting")
    login_state.pending_id_token = id_token
    db.session.commit()
    platform = db.session.get(Platform, login_state.platform_id)
    return render_template("lti/storage_verify.html", state=login_state.state,
                           **storage_values(platform, login_state.login_params, login_state.state),
                           retry_url=retry_url_for(login_state))


def _validate_signature(login_state, id_token, platform):
    message_launch = build_message_launch(id_token, login_state.state, login_state.nonce, platform)
    try:
        message_launch.validate()
        return message_launch.get_launch_data()
    except LtiException as exc:
        text = str(exc)
        code = ("unknown_platform" if "Registration not found" in text or "Client id not registered" in text
                else "unknown_deployment" if "deployment" in text.lower()
                else "message" if "message" in text.lower() and "type" in text.lower()
                else "token")
        reject(code, text)
    except Exception as exc:  # malformed tokens surface as assorted decode errors
        reject("token", f"id_token could not be read: {type(exc).__name__}")


def _locale(claims):
    presentation = claims.get(LTI + "launch_presentation") if isinstance(claims, dict) else None
    locale = presentation.get("locale") if isinstance(presentation, dict) else None
    return locale if isinstance(locale, str) else None


def _launch_fields(claims, platform, rows, role, message_type):
    ags = claims.get(AGS_CLAIM) if isinstance(claims.get(AGS_CLAIM), dict) else {}
    nrps = claims.get(NRPS_CLAIM) if isinstance(claims.get(NRPS_CLAIM), dict) else {}
    presentation = claims.get(LTI + "launch_presentation") or {}
    dl_settings = claims.get(DL + "deep_linking_settings") or {}
    locale = normalise_locale(_locale(claims)) or request.accept_languages.best_match(
        current_app.config["LANGUAGES"]) or current_app.config["BABEL_DEFAULT_LOCALE"]
    return dict(
        message=DEEP_LINKING if message_type == DEEP_LINKING_REQUEST else RESOURCE_LINK,
        platform_id=platform.id, deployment_id=claims.get(LTI + "deployment_id"), user_id=rows.user_id,
        user_name=rows.user_name, role=role, context_id=rows.context_id, context_title=rows.context_title,
        activity_instance_id=rows.placement.id if rows.placement else None,
        resource_link_id=rows.placement.resource_link_id if rows.placement else None, locale=locale,
        lineitem_url=ags.get("lineitem") if isinstance(ags.get("lineitem"), str) else None,
        lineitems_url=ags.get("lineitems") if isinstance(ags.get("lineitems"), str) else None,
        ags_scopes=tuple(s for s in ags.get("scope", []) if isinstance(s, str)),
        nrps_url=nrps.get("context_memberships_url") if isinstance(nrps.get("context_memberships_url"), str) else None,
        return_url=presentation.get("return_url") if isinstance(presentation.get("return_url"), str) else None,
        deep_link_return_url=dl_settings.get("deep_link_return_url"),
        deep_link_data=dl_settings.get("data") if isinstance(dl_settings.get("data"), str) else None,
    )


def _landing_url(launch, placement):
    token = issue_token(launch)
    if placement is None:
        return url_for("deep_linking.picker", lt=token)
    activity = get_activity(placement.activity_type) if placement.activity_type else None
    if activity is None:
        return url_for("setup.index", iid=placement.id, lt=token)
    return url_for(activity.entry_endpoint(), iid=placement.id, lt=token)
