"""Login state, used nonces and server-side launch sessions."""
from lti_tool.extensions import db
from lti_tool.models.base import utcnow


class LoginState(db.Model):
    """An OIDC login in flight: the state and nonce we issued, bound to one browser."""

    __tablename__ = "login_state"

    state = db.Column(db.String(64), primary_key=True)
    nonce = db.Column(db.String(64), nullable=False)
    browser_hash = db.Column(db.String(64), nullable=False)
    platform_id = db.Column(db.Integer, db.ForeignKey("platform.id", ondelete="CASCADE"), nullable=False)
    target_link_uri = db.Column(db.String(1000), nullable=False)
    login_params = db.Column(db.JSON, nullable=False, default=dict)
    # Set while the launch waits for the browser binding from the platform's postMessage storage.
    pending_id_token = db.Column(db.Text)
    expires_at = db.Column(db.DateTime, nullable=False, index=True)


class UsedNonce(db.Model):
    """A nonce already seen in an id_token; a second sighting is a replay."""

    __tablename__ = "used_nonce"

    nonce = db.Column(db.String(255), primary_key=True)
    expires_at = db.Column(db.DateTime, nullable=False, index=True)


class LaunchSession(db.Model):
    """The validated launch behind a browser's session cookie or signed launch token."""

    __tablename__ = "launch_session"

    id = db.Column(db.String(64), primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("lti_user.id", ondelete="CASCADE"), nullable=False)
    activity_instance_id = db.Column(db.Integer, db.ForeignKey("activity_instance.id", ondelete="CASCADE"))
    data = db.Column(db.JSON, nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    expires_at = db.Column(db.DateTime, nullable=False, index=True)
    # The session ends after LAUNCH_IDLE_SECONDS without a request (and at expires_at regardless).
    last_seen_at = db.Column(db.DateTime)
