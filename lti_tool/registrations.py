"""Platform registrations: looking them up on every launch, adding and removing them (the CLI)."""
from sqlalchemy import bindparam, select

from lti_tool.extensions import db
from lti_tool.models import Deployment, Platform
from lti_tool.security_headers import forget_platform_origins


# Built once: every login and launch runs these, and composing a statement costs more than running it.
_PLATFORM = select(Platform.__table__).where(Platform.__table__.c.id == bindparam("platform_id"))
_ROWS_OF_ISSUER = select(Platform.__table__).where(Platform.__table__.c.issuer == bindparam("issuer"))
_ROW_OF_CLIENT = _ROWS_OF_ISSUER.where(Platform.__table__.c.client_id == bindparam("client_id"))
_BY_ISSUER_AND_CLIENT = select(Platform).where(Platform.issuer == bindparam("issuer"),
                                               Platform.client_id == bindparam("client_id"))
_DEPLOYMENT = select(Deployment.id).where(Deployment.platform_id == bindparam("platform_id"),
                                         Deployment.deployment_id == bindparam("deployment_id"))


def deployment_known(platform_id, deployment_id):
    """Whether this deployment id is registered for the platform (every login and launch asks)."""
    return db.session.connection().execute(
        _DEPLOYMENT, {"platform_id": platform_id, "deployment_id": deployment_id}).first() is not None


def platform_columns(platform_id):
    """A registration's columns, read-only, for validating a launch (None once it was removed)."""
    return db.session.connection().execute(_PLATFORM, {"platform_id": platform_id}).first()


def platforms_named(issuer, client_id):
    """The registrations an issuer and client id may mean, read-only: the one with this client id, or (without
    one) every registration of the issuer, since Canvas shares its issuer between client ids."""
    if client_id:
        return db.session.connection().execute(_ROW_OF_CLIENT, {"issuer": issuer, "client_id": client_id}).all()
    return db.session.connection().execute(_ROWS_OF_ISSUER, {"issuer": issuer}).all()


class RegistrationError(Exception):
    """A registration request that cannot be carried out, with a reason for the admin."""


def find_platform(issuer, client_id):
    """The platform for an issuer and client id, or None."""
    return db.session.execute(_BY_ISSUER_AND_CLIENT, {"issuer": issuer, "client_id": client_id}).scalar_one_or_none()


def add_platform(*, issuer, client_id, auth_login_url, auth_token_url, jwks_url, deployment_ids,
                 auth_audience=None, name=""):
    """Register a platform with its deployments."""
    existing = find_platform(issuer, client_id)
    if existing is not None:
        raise RegistrationError(
            f"{issuer} with client_id {client_id} is already registered (platform {existing.id}). "
            f"Use `leernetwerk deployment add` to add a deployment, or `platform remove` first.")
    for url in (auth_login_url, auth_token_url, jwks_url):
        if not url.startswith(("https://", "http://")):
            raise RegistrationError(f"{url!r} is not an http(s) URL.")
    platform = Platform(issuer=issuer, client_id=client_id, auth_login_url=auth_login_url,
                        auth_token_url=auth_token_url, jwks_url=jwks_url, auth_audience=auth_audience, name=name)
    for deployment_id in dict.fromkeys(deployment_ids):
        platform.deployments.append(Deployment(deployment_id=deployment_id))
    db.session.add(platform)
    db.session.commit()
    forget_platform_origins()
    return platform


def list_platforms():
    """Every registered platform."""
    return db.session.execute(db.select(Platform).order_by(Platform.id)).scalars().all()


def remove_platform(issuer, client_id):
    """Delete a platform and, by cascade, its courses, users and answers."""
    platform = find_platform(issuer, client_id)
    if platform is None:
        raise RegistrationError(f"No platform {issuer} with client_id {client_id}.")
    db.session.delete(platform)
    db.session.commit()
    forget_platform_origins()


def add_deployment(issuer, client_id, deployment_id):
    """Add one deployment id to a registered platform."""
    platform = find_platform(issuer, client_id)
    if platform is None:
        raise RegistrationError(f"No platform {issuer} with client_id {client_id}; add it first.")
    if any(d.deployment_id == deployment_id for d in platform.deployments):
        raise RegistrationError(f"Deployment {deployment_id} is already registered.")
    platform.deployments.append(Deployment(deployment_id=deployment_id))
    db.session.commit()
