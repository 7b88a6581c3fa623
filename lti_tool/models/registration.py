"""Registrations: the platforms (LMSs) that may launch the tool, their deployments and our keys."""
from urllib.parse import urlparse

from lti_tool.extensions import db
from lti_tool.models.base import utcnow


def origin_of(platform):
    """The scheme://host[:port] a registration's LMS pages are served from (a model or a read-only row)."""
    parsed = urlparse(platform.auth_login_url)
    return f"{parsed.scheme}://{parsed.netloc}"


class Platform(db.Model):
    """One LMS registration: an issuer and a client_id (Canvas shares one issuer across tenants)."""

    __tablename__ = "platform"
    __table_args__ = (db.UniqueConstraint("issuer", "client_id"),)

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(200), nullable=False, default="")
    issuer = db.Column(db.String(500), nullable=False, index=True)
    client_id = db.Column(db.String(255), nullable=False)
    auth_login_url = db.Column(db.String(1000), nullable=False)
    auth_token_url = db.Column(db.String(1000), nullable=False)
    auth_audience = db.Column(db.String(1000))
    jwks_url = db.Column(db.String(1000), nullable=False)
    # The LMS family ("moodle", "canvas", "desire2learn", …) from registration or the launch's
    # tool_platform claim; picks the quirks module in lti_tool/platforms/. Empty when unknown.
    product_family = db.Column(db.String(40), nullable=False, default="", server_default="")
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    deployments = db.relationship("Deployment", back_populates="platform", cascade="all, delete-orphan")

    @property
    def origin(self):
        """The scheme://host[:port] the LMS pages are served from (for frame-ancestors)."""
        return origin_of(self)

    def __repr__(self):
        return f"<Platform {self.issuer} {self.client_id}>"


class Deployment(db.Model):
    """A deployment id the platform announced for this registration."""

    __tablename__ = "deployment"
    __table_args__ = (db.UniqueConstraint("platform_id", "deployment_id"),)

    id = db.Column(db.Integer, primary_key=True)
    platform_id = db.Column(db.Integer, db.ForeignKey("platform.id", ondelete="CASCADE"), nullable=False)
    deployment_id = db.Column(db.String(255), nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    platform = db.relationship("Platform", back_populates="deployments")


class RegistrationInvite(db.Model):
    """A single-use Dynamic Registration invitation an operator handed to an LMS administrator."""

    __tablename__ = "registration_invite"

    id = db.Column(db.Integer, primary_key=True)
    # Only a hash of the secret is stored: a database copy cannot register a platform.
    token_hash = db.Column(db.String(64), nullable=False, unique=True)
    name = db.Column(db.String(200), nullable=False, default="")
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    expires_at = db.Column(db.DateTime, nullable=False)
    used_at = db.Column(db.DateTime)
    platform_id = db.Column(db.Integer, db.ForeignKey("platform.id", ondelete="SET NULL"))


class ToolKey(db.Model):
    """An RSA key pair of the tool; retired keys stay out of the JWKS."""

    __tablename__ = "tool_key"

    id = db.Column(db.Integer, primary_key=True)
    kid = db.Column(db.String(64), nullable=False, unique=True)
    private_pem = db.Column(db.Text, nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    retired_at = db.Column(db.DateTime)
