"""The one place that builds pylti1p3 objects, from registrations in our database."""
import jwt
from flask import request
from pylti1p3.deep_link import DeepLink
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.deployment import Deployment as PyltiDeployment
from pylti1p3.exception import LtiException
from pylti1p3.lineitem import LineItem
from pylti1p3.message_launch import MessageLaunch
from pylti1p3.registration import Registration
from pylti1p3.tool_config.abstract import ToolConfAbstract

from lti_tool import keys, platform_keys
from lti_tool.http import http_session
from lti_tool.registrations import deployment_known, find_platform

__all__ = ["LtiException", "build_message_launch", "deep_link_response_jwt"]


class _ToolRegistration(Registration):
    """A pylti1p3 Registration that signs with our loaded key object and names its kid."""

    def __init__(self, kid=None):
        super().__init__()
        self._kid = kid

    def get_kid(self):
        return self._kid


def _registration(platform, with_signing_key=False):
    reg = _ToolRegistration()
    reg.set_issuer(platform.issuer).set_client_id(platform.client_id)
    reg.set_auth_login_url(platform.auth_login_url).set_auth_token_url(platform.auth_token_url)
    reg.set_key_set_url(platform.jwks_url)
    if platform.auth_audience:
        reg.set_auth_audience(platform.auth_audience)
    if with_signing_key:
        kid, private_key = keys.signing_key()
        # pylti1p3 hints str, but PyJWT signs with a key object ~90x faster than re-parsing PEM.
        reg._kid = kid
        reg.set_tool_private_key(private_key)
    return reg


class DatabaseToolConf(ToolConfAbstract):
    """pylti1p3 tool configuration backed by the platform and deployment tables."""

    def __init__(self, platform=None):
        super().__init__()
        # The launch already loaded the platform its login state names: no need to query it again.
        self._known = platform

    def _platform(self, iss, client_id):
        known = self._known
        if known is not None and known.issuer == iss and known.client_id == client_id:
            return known
        return _platform(iss, client_id)

    def check_iss_has_one_client(self, iss):
        # Always look registrations up by issuer AND client_id: Canvas shares one issuer.
        return False

    def check_iss_has_many_clients(self, iss):
        return True

    def find_registration_by_issuer(self, iss, *args, **kwargs):
        return None

    def find_registration_by_params(self, iss, client_id, *args, **kwargs):
        platform = self._platform(iss, client_id)
        return _registration(platform) if platform else None

    def find_deployment(self, iss, deployment_id):
        return None

    def find_deployment_by_params(self, iss, deployment_id, client_id, *args, **kwargs):
        platform = self._platform(iss, client_id)
        if platform is None or not isinstance(deployment_id, str):
            return None
        known = deployment_known(platform.id, deployment_id)
        return PyltiDeployment().set_deployment_id(deployment_id) if known else None


def _platform(iss, client_id):
    if not isinstance(iss, str) or not isinstance(client_id, str):
        return None
    return find_platform(iss, client_id)


class _CheckedSessionService:
    """pylti1p3's session hooks, answered from the login state we already verified."""

    def __init__(self, expected_nonce):
        self.expected_nonce = expected_nonce

    def check_state_is_valid(self, state, id_token_hash):
        return True  # state was checked, bound to this browser and consumed before pylti1p3 runs

    def check_nonce(self, nonce):
        return nonce == self.expected_nonce

    def save_launch_data(self, key, jwt_body):
        """We keep our own server-side launch session instead."""

    def set_state_valid(self, state, id_token_hash):
        """Nothing to store: our state rows are single-use."""

    def set_data_storage(self, data_storage):
        """Unused."""

    def set_launch_data_lifetime(self, time_sec):
        """Unused."""


class _NoCookies:
    def get_cookie(self, name):
        return None

    def set_cookie(self, *args, **kwargs):
        """Unused."""


class _CheckedMessageLaunch(MessageLaunch):
    """pylti1p3's launch validation of one id_token, with our cached platform keys."""

    def __init__(self, params, **kwargs):
        super().__init__(**kwargs)
        self._params = params

    def _get_request_param(self, key):
        return self._params.get(key) or ""

    def get_public_key(self):
        kid = self._jwt.get("header", {}).get("kid")
        alg = self._jwt.get("header", {}).get("alg")
        if not kid or not alg:
            raise LtiException("JWT KID or ALG not found")
        try:
            key, key_alg = platform_keys.public_key(self._registration.get_key_set_url(), kid)
        except platform_keys.KeySetError as exc:
            raise LtiException(str(exc)) from exc
        if key is None or key_alg != alg:
            raise LtiException("Unable to find public key")
        return key, key_alg


def build_message_launch(id_token, state, expected_nonce, platform=None):
    """A pylti1p3 MessageLaunch for one id_token, checking the nonce we issued with its state."""
    return _CheckedMessageLaunch(
        {"id_token": id_token, "state": state}, request=request, tool_config=DatabaseToolConf(platform),
        session_service=_CheckedSessionService(expected_nonce), cookie_service=_NoCookies(),
        requests_session=http_session())


def deep_link_response_jwt(platform, deployment_id, settings, items):
    """Sign an LtiDeepLinkingResponse with our current key; `items` are dicts for ltiResourceLink."""
    resources = []
    for item in items:
        resource = DeepLinkResource().set_url(item["url"]).set_title(item["title"])
        resource.set_custom_params(item.get("custom", {}))
        if item.get("line_item"):
            line = item["line_item"]
            resource.set_lineitem(LineItem().set_label(line["label"]).set_score_maximum(line["score_maximum"])
                                  .set_resource_id(line["resource_id"]).set_tag(line["tag"]))
        resources.append(resource)
    deep_link = DeepLink(_registration(platform, with_signing_key=True), deployment_id, settings)
    message = deep_link.get_message_jwt(resources)
    for resource, item in zip(message["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"], items):
        if item.get("text"):
            resource["text"] = item["text"]
    if settings.get("data") is None:
        message.pop("https://purl.imsglobal.org/spec/lti-dl/claim/data", None)
    return deep_link.encode_jwt(message)


def decode_unverified(id_token):
    """The header and claims of a token before validation (only to choose how to validate it)."""
    return jwt.get_unverified_header(id_token), jwt.decode(id_token, options={"verify_signature": False})
