"""Single-use Dynamic Registration invites: only a hash of the secret is stored."""
import hashlib
import secrets
from datetime import timedelta

from flask import current_app

from lti_tool.extensions import db
from lti_tool.models import RegistrationInvite
from lti_tool.models.base import utcnow

INVITE_DAYS = 7
UNKNOWN, USED, EXPIRED = "unknown", "used", "expired"


class InviteRefused(Exception):
    """The invite cannot be used: `reason` is UNKNOWN, USED or EXPIRED."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def hash_secret(secret):
    """The stored form of an invite secret (SHA-256, hex)."""
    return hashlib.sha256(str(secret).encode("utf-8", "replace")).hexdigest()


def create_invite(name="", days=INVITE_DAYS):
    """A new invite; returns (invite row, registration URL). The URL is the only copy of the secret."""
    secret = secrets.token_urlsafe(32)
    invite = RegistrationInvite(token_hash=hash_secret(secret), name=(name or "").strip()[:200],
                                expires_at=utcnow() + timedelta(days=days))
    db.session.add(invite)
    db.session.commit()
    return invite, registration_url(secret)


def registration_url(secret):
    """The URL an LMS administrator pastes into the LMS."""
    return f"{current_app.config['BASE_URL']}/lti/register/{secret}"


def usable_invite(secret):
    """The unused, unexpired invite for a secret; InviteRefused otherwise."""
    # Lookup by hash: the secret itself is never stored, so there is nothing to compare it with.
    invite = db.session.execute(
        db.select(RegistrationInvite).filter_by(token_hash=hash_secret(secret))).scalar_one_or_none()
    if invite is None:
        raise InviteRefused(UNKNOWN)
    if invite.used_at is not None:
        raise InviteRefused(USED)
    if invite.expires_at <= utcnow():
        raise InviteRefused(EXPIRED)
    return invite


def claim_invite(invite_id, platform_id):
    """Mark the invite used by a platform inside the caller's transaction; False if another use won."""
    # One conditional UPDATE: of two simultaneous uses exactly one sees used_at still empty.
    now = utcnow()
    result = db.session.execute(
        db.update(RegistrationInvite)
        .where(RegistrationInvite.id == invite_id, RegistrationInvite.used_at.is_(None),
               RegistrationInvite.expires_at > now)
        .values(used_at=now, platform_id=platform_id)
        .execution_options(synchronize_session=False))
    return result.rowcount == 1


def list_invites():
    """Every invite, newest first."""
    return db.session.execute(db.select(RegistrationInvite).order_by(RegistrationInvite.id.desc())).scalars().all()
