"""OIDC third-party login initiation: check the platform, issue state and nonce, bind them to this browser, go on."""
import hashlib
import hmac
import secrets
from datetime import timedelta
from urllib.parse import urlencode

from flask import Blueprint, current_app, g, jsonify, make_response, redirect, render_template, request, url_for
from sqlalchemy import insert

from lti_tool.cookies import set_cross_site_cookie
from lti_tool.extensions import db
from lti_tool.housekeeping import maybe_purge_expired
from lti_tool.launch_errors import reject
from lti_tool.models import LoginState
from lti_tool.models.base import utcnow
from lti_tool.platforms import family_of
from lti_tool.registrations import deployment_known, platforms_named

bp = Blueprint("lti_login", __name__)
# Built once: logins come in bursts (a room opening an activity), and composing a statement costs more
# than running it.
_INSERT_STATE = insert(LoginState.__table__)
LOGIN_PARAMS = ("iss", "login_hint", "target_link_uri", "lti_message_hint", "client_id", "lti_deployment_id",
                "lti_storage_target")


def state_cookie_name(state):
    """The cookie binding one login state to the browser that started it."""
    return f"ln_state_{state[:24]}"


def storage_key(state):
    """The key under which the platform's postMessage storage keeps the browser-binding secret."""
    return f"leernetwerk_state_{state}"


def browser_hash(secret):
    """What we store of the browser-binding secret."""
    return hashlib.sha256(secret.encode()).hexdigest()


def tool_launch_url():
    """Our redirect_uri and target_link_uri."""
    return current_app.config["BASE_URL"] + "/lti/launch"


@bp.route("/lti/login", methods=["GET", "POST"])
def login():
    """Start an LTI launch (OIDC login initiation from the platform)."""
    params = {name: request.values.get(name, "").strip() for name in LOGIN_PARAMS}
    g.locale_hint = request.values.get("lang")
    for required in ("iss", "login_hint", "target_link_uri"):
        if not params[required]:
            reject("bad_request", f"login initiation without {required}")
    platform = _find_platform(params["iss"], params["client_id"])
    if not params["target_link_uri"].startswith(current_app.config["BASE_URL"] + "/"):
        reject("target", f"target_link_uri {params['target_link_uri']!r} is not on {current_app.config['BASE_URL']}")
    if params["lti_deployment_id"] and not deployment_known(platform.id, params["lti_deployment_id"]):
        reject("unknown_deployment", f"deployment {params['lti_deployment_id']!r} is not registered for "
                                     f"{platform.issuer} / {platform.client_id}")
    state, nonce, secret = secrets.token_urlsafe(24), secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    db.session.connection().execute(_INSERT_STATE, dict(
        state=state, nonce=nonce, browser_hash=browser_hash(secret), platform_id=platform.id,
        target_link_uri=params["target_link_uri"], login_params={k: v for k, v in params.items() if v},
        pending_id_token=None, expires_at=utcnow() + timedelta(seconds=current_app.config["LOGIN_STATE_SECONDS"])))
    query = {
        "scope": "openid", "response_type": "id_token", "response_mode": "form_post", "prompt": "none",
        "client_id": platform.client_id, "redirect_uri": tool_launch_url(), "login_hint": params["login_hint"],
        "state": state, "nonce": nonce,
    }
    if params["lti_message_hint"]:
        query["lti_message_hint"] = params["lti_message_hint"]
    separator = "&" if "?" in platform.auth_login_url else "?"
    auth_url = platform.auth_login_url + separator + urlencode(query)
    db.session.commit()
    maybe_purge_expired()
    if request.headers.get("Sec-Fetch-Dest") == "document" and not params["lti_storage_target"]:
        # Top-level (a new window): our first-party cookie comes back, no storage page is needed.
        response = redirect(auth_url, code=302)
    else:
        # Inside the LMS's iframe our cookie may be dropped: keep the binding in storage too (the
        # platform's when it offers it, else the frame's own), and never leave the frame when neither
        # the cookie nor storage holds, because Moodle's login hint is single-use.
        response = make_response(_storage_page(platform, params, state, secret, auth_url))
    set_cross_site_cookie(response, state_cookie_name(state), secret, current_app.config["LOGIN_STATE_SECONDS"])
    return response


@bp.get("/lti/login/probe")
def probe():
    """Whether this login's state cookie came back to us (the frame's page asks before leaving)."""
    login_state = db.session.get(LoginState, request.args.get("state", ""))
    secret = request.cookies.get(state_cookie_name(login_state.state)) if login_state else None
    kept = bool(secret) and hmac.compare_digest(browser_hash(secret), login_state.browser_hash)
    response = jsonify(cookie=kept)
    response.headers["Cache-Control"] = "no-store"
    return response


def storage_values(platform, login_params, state):
    """What the shared storage script needs: which store, its target and origin, and the key."""
    target = login_params.get("lti_storage_target")
    return {"store": "platform" if target else "frame", "storage_target": target or "",
            "platform_origin": family_of(platform).storage_origin(platform) if target else "",
            "storage_key": storage_key(state)}


def _storage_page(platform, params, state, secret, auth_url):
    return render_template(
        "lti/storage_login.html", auth_url=auth_url, secret=secret, **storage_values(platform, params, state),
        probe_url=url_for("lti_login.probe", state=state), new_window_url=new_window_url(params))


def _find_platform(issuer, client_id):
    platforms = platforms_named(issuer, client_id)
    if not platforms:
        reject("unknown_platform", f"no registration for issuer {issuer!r} and client_id {client_id or '(none)'!r}")
    if len(platforms) > 1:
        reject("bad_request", f"issuer {issuer!r} has several client_ids; the login must name client_id")
    return platforms[0]


def new_window_url(login_params):
    """The same login started again top-level, where first-party cookies work (no platform frame there)."""
    return url_for("lti_login.login", **{name: value for name, value in login_params.items()
                                          if value and name != "lti_storage_target"})


def retry_url_for(login_state):
    """Where 'open in a new window' starts the same login again, top-level (first-party cookies)."""
    return new_window_url(login_state.login_params)
