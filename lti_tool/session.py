"""Server-side launch sessions, reached by cookie or by a short-lived launch token.

Third-party cookies may be blocked inside the LMS iframe, so every page carries a launch token
(`lt`) in its links and forms, bound to the user and the activity; the cookie is a convenience.
The token is encrypted (opaque): one copied from a log or a shared link reveals no session id, so
it cannot be turned into a cookie, and it expires on its own. Sessions end after an idle time and
after an absolute lifetime, whichever comes first. CSRF tokens derive from the launch session, so
forms work without any cookie at all.
"""
import base64
import hashlib
import hmac
import json
import secrets
import struct
import time
from datetime import timedelta
from functools import lru_cache, wraps

from cryptography.fernet import Fernet, InvalidToken
from flask import abort, current_app, g, request, url_for
from sqlalchemy import bindparam, insert, select, update

from lti_tool.extensions import db
from lti_tool.launch import Launch
from lti_tool.models import ActivityInstance, LaunchSession
from lti_tool.models.base import utcnow
from lti_tool.rate_limit import check_write_rate

TOKEN_PARAM = "lt"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
TOUCH_SECONDS = 60
ROLES = (None, "learner", "facilitator")


class LaunchRequired(Exception):
    """No valid launch session for this request (expired, missing, or for another activity)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@lru_cache(maxsize=4)
def _fernet(secret):
    key = hashlib.sha256(f"leernetwerk-launch-token:{secret}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def _cipher():
    return _fernet(current_app.config["SECRET_KEY"])


def cookie_name(instance_id):
    """The cookie that holds the launch session for one activity placement (or deep linking)."""
    return f"ln_{instance_id or 'dl'}"


_INSERT_SESSION = insert(LaunchSession.__table__)
# A request's session with its placement in one read, which placement_of then checks (every poll of a live
# page saves a round trip to the database). The session as plain columns: nothing changes it through the ORM.
_SESSION = LaunchSession.__table__.c
_SESSION_WITH_PLACEMENT = (select(_SESSION.id, _SESSION.user_id, _SESSION.activity_instance_id, _SESSION.data,
                                  _SESSION.created_at, _SESSION.expires_at, _SESSION.last_seen_at, ActivityInstance)
                           .outerjoin(ActivityInstance, ActivityInstance.id == _SESSION.activity_instance_id)
                           .where(_SESSION.id == bindparam("id")))


def open_session(launch_fields):
    """Store a validated launch server-side and return the frozen Launch with its session id."""
    session_id = secrets.token_urlsafe(32)
    launch = Launch(session_id=session_id, **launch_fields)
    lifetime, now = timedelta(seconds=current_app.config["LAUNCH_SESSION_SECONDS"]), utcnow()
    # A plain INSERT: nothing reads the row back in this request, so the ORM's bookkeeping is waste here.
    db.session.connection().execute(_INSERT_SESSION, dict(
        id=session_id, user_id=launch.user_id, activity_instance_id=launch.activity_instance_id,
        data=launch.to_json(), created_at=now, expires_at=now + lifetime))
    return launch


def issue_token(launch):
    """An encrypted, short-lived token naming this launch session, its user and activity."""
    payload = json.dumps([launch.session_id, launch.user_id, launch.activity_instance_id], separators=(",", ":"))
    return _cipher().encrypt(payload.encode()).decode()


def request_token(launch):
    """The launch's token for this request's links and forms: made once, as a page has dozens of them."""
    tokens = g.setdefault("launch_tokens", {})
    if launch.session_id not in tokens:
        tokens[launch.session_id] = issue_token(launch)
    return tokens[launch.session_id]


def _reuse_if_fresh(session_id, token):
    # An authentic token in its first quarter of life serves this request's links as well: encrypting a new
    # one for every answer was a twentieth of a live poll. Older ones are renewed, so pages keep working.
    issued = struct.unpack(">Q", base64.urlsafe_b64decode(token)[1:9])[0]
    if time.time() - issued < current_app.config["LAUNCH_TOKEN_SECONDS"] / 4:
        g.setdefault("launch_tokens", {})[session_id] = token


def _session_id_from_token(token):
    cipher = _cipher()
    try:
        data = json.loads(cipher.decrypt(token.encode(), ttl=current_app.config["LAUNCH_TOKEN_SECONDS"]))
    except InvalidToken:
        try:  # authentic but too old, or not ours at all
            cipher.extract_timestamp(token.encode())
        except (InvalidToken, ValueError):
            raise LaunchRequired("invalid") from None
        raise LaunchRequired("expired") from None
    except (ValueError, UnicodeError):
        raise LaunchRequired("invalid") from None
    if not (isinstance(data, list) and len(data) == 3 and isinstance(data[0], str)):
        raise LaunchRequired("invalid")
    return data[0], data[1], data[2]


def load_launch(instance_id):
    """Find the current request's launch for an activity placement (None: deep linking)."""
    token = request.values.get(TOKEN_PARAM) or request.headers.get("X-Launch-Token")
    expected_user = None
    if token:
        session_id, expected_user, token_instance = _session_id_from_token(token)
        if token_instance != instance_id:
            raise LaunchRequired("foreign")
        _reuse_if_fresh(session_id, token)
    else:
        session_id = request.cookies.get(cookie_name(instance_id))
        if not session_id:
            raise LaunchRequired("missing")
    row = db.session.execute(_SESSION_WITH_PLACEMENT, {"id": session_id}).first()
    g.loaded_placement = row.ActivityInstance if row is not None else None
    now = utcnow()
    idle = timedelta(seconds=current_app.config["LAUNCH_IDLE_SECONDS"])
    if row is None or row.expires_at < now or (row.last_seen_at or row.created_at) < now - idle:
        raise LaunchRequired("expired")
    if row.activity_instance_id != instance_id or (expected_user is not None and row.user_id != expected_user):
        raise LaunchRequired("foreign")
    g.launch_opened_at = row.created_at
    if row.last_seen_at is None or row.last_seen_at < now - timedelta(seconds=TOUCH_SECONDS):
        # At most one small write a minute per session keeps the idle clock honest.
        db.session.execute(update(LaunchSession).where(LaunchSession.id == row.id).values(last_seen_at=now))
        db.session.commit()
    return Launch.from_json(row.data)


def csrf_token_for(launch):
    """The CSRF token for forms in this launch session (stateless: an HMAC of the session id)."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"csrf:{launch.session_id}".encode(), hashlib.sha256).hexdigest()


def check_csrf(launch):
    """Abort with 400 unless an unsafe request carries this launch session's CSRF token."""
    sent = request.form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER) or ""
    if not hmac.compare_digest(sent, csrf_token_for(launch)):
        abort(400, description="csrf")


def launch_required(role=None, instance_arg="iid", fresh=False, write_role=None):
    """Decorate a view: load the launch into g.launch and its placement, check CSRF and the role.

    `role` is None (anyone with the launch), "learner" or "facilitator" (instructors and administrators);
    `write_role` the same for POST and other unsafe methods only (a page both read, one of them writes).
    The view's `instance_arg` URL value must be the launch's own placement (None for deep-linking
    views); the view receives that placement, checked against the launch's platform, course and (on an
    activity's blueprint) activity type, as `instance` in place of the id. `fresh=True` (personal-data
    exports) needs a launch from the LMS within FRESH_LAUNCH_SECONDS.
    """
    if role not in ROLES or write_role not in ROLES:
        raise ValueError(f"unknown role {role!r} or {write_role!r}")

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            instance_id = kwargs.pop(instance_arg, None) if instance_arg else None
            launch = load_launch(instance_id)
            required = write_role if write_role and request.method in UNSAFE_METHODS else role
            if required is not None and launch.is_instructor != (required == "facilitator"):
                abort(403)
            if fresh and g.launch_opened_at < utcnow() - timedelta(seconds=current_app.config["FRESH_LAUNCH_SECONDS"]):
                raise LaunchRequired("stale")
            g.launch = launch
            if request.method in UNSAFE_METHODS:
                check_csrf(launch)
                check_write_rate(launch)
            if instance_arg:
                kwargs["instance"] = placement_of(launch, instance_id)
            return view(*args, **kwargs)
        return wrapper
    return decorator


def placement_of(launch, instance_id):
    """The launch's own placement, checked against its platform, course and the blueprint's activity (else 404)."""
    instance = g.pop("loaded_placement", None)
    if instance is None or instance.id != instance_id:
        instance = db.session.get(ActivityInstance, instance_id)
    if instance is None or instance.platform_id != launch.platform_id or instance.context_id != launch.context_id:
        abort(404)
    activity_type = current_app.extensions.get("activity_blueprints", {}).get(request.blueprint)
    if activity_type is not None and instance.activity_type != activity_type:
        abort(404)
    from lti_tool import live  # live pages build on sessions (launch_url), not the other way round

    live.loaded(instance)  # a poll's ETag needs the version this row already brought
    return instance


def launch_url(endpoint, **values):
    """url_for that carries the current launch token, so links work without cookies."""
    launch = g.get("launch")
    if launch is not None:
        values.setdefault(TOKEN_PARAM, request_token(launch))
        if launch.activity_instance_id is not None:
            values.setdefault("iid", launch.activity_instance_id)
    return url_for(endpoint, **values)


def set_session_cookie(response, launch):
    """Remember the launch session in a cookie (a convenience: the launch token also works)."""
    from lti_tool.cookies import set_cross_site_cookie

    set_cross_site_cookie(response, cookie_name(launch.activity_instance_id), launch.session_id,
                          current_app.config["LAUNCH_SESSION_SECONDS"])
    return response


def template_helpers():
    """Values every template may use: the launch, launch-aware URLs and the CSRF field."""
    launch = g.get("launch")
    return {
        "launch": launch,
        "launch_url": launch_url,
        "launch_token": request_token(launch) if launch else "",
        "csrf_token_value": csrf_token_for(launch) if launch else "",
    }
