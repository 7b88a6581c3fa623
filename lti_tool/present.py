"""Present-view links: signed, short-lived, read-only, bound to one placement and revocable.

The wall in the room runs outside the LMS frame, where no launch session reaches, so it carries its own
link. The link names the placement, the language and the placement's present generation; ending the
present view bumps the generation and every link made before stops working. The facilitator's own
window also gets a control key (kept in the URL fragment, so it never reaches a server log) bound to
their launch session: with it the wall's keyboard shortcuts may change the session's state.
"""
from dataclasses import dataclass

from flask import current_app
from itsdangerous import BadPayload, BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import update

from lti_tool.extensions import db
from lti_tool.launch import Launch
from lti_tool.models import ActivityInstance, LaunchSession
from lti_tool.models.base import utcnow

VIEW_SALT = "leernetwerk-present-view"
CONTROL_SALT = "leernetwerk-present-control"


class PresentLinkError(Exception):
    """The link is expired, ended, altered or for nothing we know; `reason` says which."""

    def __init__(self, reason, language=None):
        super().__init__(reason)
        self.reason, self.language = reason, language


@dataclass(frozen=True)
class PresentLink:
    """What a valid link grants: read access to one placement, shown in one language."""

    instance: ActivityInstance
    language: str


def _serializer(salt):
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def view_token(instance, language):
    """A read-only link token for the placement's current present generation."""
    return _serializer(VIEW_SALT).dumps({"i": instance.id, "g": instance.present_generation, "l": language})


def control_token(instance, launch):
    """The facilitator's control key for the same generation, bound to their launch session."""
    return _serializer(CONTROL_SALT).dumps({"i": instance.id, "g": instance.present_generation,
                                            "s": launch.session_id})


def _load(token, salt):
    serializer = _serializer(salt)
    try:
        data = serializer.loads(token, max_age=current_app.config["PRESENT_LINK_SECONDS"])
    except SignatureExpired as expired:
        # Authentic but old: its language still says how to tell the room.
        try:
            old = serializer.load_payload(expired.payload)
        except BadPayload:
            old = None
        raise PresentLinkError("expired", old.get("l") if isinstance(old, dict) else None) from None
    except BadSignature:
        raise PresentLinkError("invalid") from None
    if not isinstance(data, dict) or not isinstance(data.get("i"), int) or not isinstance(data.get("g"), int):
        raise PresentLinkError("invalid")
    instance = db.session.get(ActivityInstance, data["i"])
    if instance is None or not instance.is_configured:
        raise PresentLinkError("invalid")
    if data["g"] != instance.present_generation:
        raise PresentLinkError("ended", data.get("l"))
    return instance, data


def open_link(token):
    """The PresentLink a view token grants, or PresentLinkError."""
    instance, data = _load(token, VIEW_SALT)
    language = data.get("l") if data.get("l") in current_app.config["LANGUAGES"] else None
    return PresentLink(instance, language or current_app.config["BABEL_DEFAULT_LOCALE"])


def check_control(instance, token):
    """Whether `token` is a control key for this placement whose launch session is still alive."""
    try:
        keyed, data = _load(token or "", CONTROL_SALT)
    except PresentLinkError:
        return False
    if keyed.id != instance.id or not isinstance(data.get("s"), str):
        return False
    session = db.session.get(LaunchSession, data["s"])
    if session is None or session.activity_instance_id != instance.id or session.expires_at <= utcnow():
        return False
    return Launch.from_json(session.data).is_instructor


def end_links(instance):
    """End every present link of the placement made so far."""
    db.session.execute(update(ActivityInstance).where(ActivityInstance.id == instance.id)
                       .values(present_generation=ActivityInstance.present_generation + 1)
                       .execution_options(synchronize_session=False))
    db.session.expire(instance, ["present_generation"])
