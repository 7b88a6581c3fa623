"""Send our registration to the LMS and store its answer as a Platform, using the invite once."""
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy.exc import IntegrityError

from lti_tool import registration_invites
from lti_tool.dynamic_registration import platform_config
from lti_tool.dynamic_registration.fetch import fetch_json, shown
from lti_tool.dynamic_registration.problems import RegistrationProblem
from lti_tool.dynamic_registration.tool_config import TOOL_CONFIGURATION, registration_request
from lti_tool.extensions import db
from lti_tool.models import Deployment, Platform
from lti_tool.platforms import FAMILIES
from lti_tool.security_headers import forget_platform_origins
from lti_tool.service_http import error_for

log = logging.getLogger(__name__)


class InviteTaken(Exception):
    """Another request used the invite while this one was registering."""


@dataclass(frozen=True)
class Registered:
    """What the registration produced, for the result page."""

    platform_id: int
    name: str
    issuer: str
    client_id: str
    deployment_id: str | None
    family: str
    scopes: tuple


def register(invite, openid_configuration, registration_token=None):
    """Run the whole registration for a usable invite; RegistrationProblem or InviteTaken when it fails."""
    secrets = (registration_token,) if registration_token else ()
    config = platform_config.load(openid_configuration, secrets)
    body = registration_request(config)
    answer = _post(config.registration_endpoint, body, registration_token)
    return _store(invite, config, body, answer)


def _post(endpoint, body, registration_token):
    # Brightspace gives no registration token: then no Authorization header at all, not an empty one.
    headers = {"Content-Type": "application/json"}
    if registration_token:
        headers["Authorization"] = f"Bearer {registration_token}"
    secrets = (registration_token,) if registration_token else ()
    response, answer, raw = fetch_json("POST", endpoint, secrets, json=body, headers=headers)
    if not 200 <= response.status_code < 300:
        raise RegistrationProblem("lms_refused", _refusal(response), secrets)
    if not isinstance(answer, dict) or not isinstance(answer.get("client_id"), (str, int)) or \
            not str(answer["client_id"]).strip():
        raise RegistrationProblem("lms_refused", f"{shown(endpoint)} answered {response.status_code} without a "
                                                 f"client_id: {raw[:200].decode('utf-8', 'replace')}", secrets)
    return answer


def _refusal(response):
    return error_for(response, f"{shown(response.url)} refused the registration").reason


def _store(invite, config, body, answer):
    client_id = str(answer["client_id"]).strip()[:255]
    tool = answer.get(TOOL_CONFIGURATION) if isinstance(answer.get(TOOL_CONFIGURATION), dict) else {}
    deployment_id = tool.get("deployment_id")
    deployment_id = str(deployment_id).strip()[:255] if isinstance(deployment_id, (str, int)) and \
        str(deployment_id).strip() else None
    granted = answer.get("scope") if isinstance(answer.get("scope"), str) else body["scope"]
    family = FAMILIES.get(config.family)
    name = invite.name or f"{family.label if family else 'LMS'} ({urlsplit(config.issuer).netloc})"
    platform = Platform(name=name[:200], issuer=config.issuer[:500], client_id=client_id,
                        auth_login_url=config.authorization_endpoint, auth_token_url=config.token_endpoint,
                        auth_audience=config.authorization_server, jwks_url=config.jwks_uri,
                        product_family=config.family)
    if deployment_id:
        platform.deployments.append(Deployment(deployment_id=deployment_id))
    invite_id = invite.id
    try:
        db.session.add(platform)
        db.session.flush()
        if not registration_invites.claim_invite(invite_id, platform.id):
            db.session.rollback()
            raise InviteTaken()
        db.session.commit()
    except IntegrityError as exc:
        db.session.rollback()
        raise RegistrationProblem("already_registered", f"{config.issuer} with client_id {client_id} is already "
                                                        f"registered.") from exc
    forget_platform_origins()
    log.info("dynamic registration: platform %s %s client_id=%s deployment=%s invite=%s", platform.id,
             config.issuer, client_id, deployment_id, invite_id)
    return Registered(platform_id=platform.id, name=platform.name, issuer=platform.issuer, client_id=client_id,
                      deployment_id=deployment_id, family=config.family, scopes=tuple(granted.split()))
