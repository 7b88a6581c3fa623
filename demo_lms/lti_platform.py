"""lti1p3platform wired to the demo LMS: a registration with loaded keys, and a platform config
whose outgoing calls (the tool's JWKS) go through a configurable requests.Session."""
import threading

import jwt
import requests
from lti1p3platform.exceptions import LtiException, LtiServiceException
from lti1p3platform.ltiplatform import LTI1P3PlatformConfAbstract
from lti1p3platform.registration import Registration

from demo_lms.registration import CLIENT_ID, DEPLOYMENT_ID, registration_values, tool_values

CLOCK_SKEW = 60


class DemoRegistration(Registration):
    """The tool's registration in this LMS; keys are loaded objects and the kid is fixed."""

    def __init__(self, lms_url, tool_url, platform_key, client_id=CLIENT_ID, deployment_id=DEPLOYMENT_ID, tool=None):
        """The hand registration by default; Dynamic Registration passes its client, deployment and `tool` values."""
        values, tool = registration_values(lms_url), tool or tool_values(tool_url)
        self.platform_key = platform_key
        self.token_url = values["auth_token_url"]
        self.redirect_uris = tuple(tool["redirect_uris"])
        self.set_iss(values["issuer"]).set_client_id(client_id).set_deployment_id(deployment_id)
        self.set_launch_url(tool["launch_url"]).set_deeplink_launch_url(tool["deep_linking_url"])
        self.set_oidc_login_url(tool["login_url"]).set_tool_key_set_url(tool["jwks_url"])
        # lti1p3platform hints PEM strings; PyJWT takes key objects and skips re-parsing them.
        self.set_platform_private_key(platform_key.private_key)
        self.set_platform_public_key(platform_key.public_key)
        self.jwks_lock = threading.Lock()

    def get_kid(self):
        """The platform key's kid (the library would derive it from a PEM on every call)."""
        return self.platform_key.kid

    def get_jwks(self):
        """The platform's public JWKs."""
        return [dict(self.platform_key.jwk)]


class DemoPlatformConfig(LTI1P3PlatformConfAbstract):
    """Per-request lti1p3platform config (it keeps per-token state); the registration is shared."""

    def init_platform_config(self, registration=None, session=None, **kwargs):
        """Keep the shared registration and the session for outgoing calls."""
        self._registration = registration
        self.session = session or requests.Session()
        self.expected_audience = None
        self.expected_issuer = None
        self.claims = None
        self.set_accepted_deeplinking_types(["ltiResourceLink"])

    def get_registration_by_params(self, **kwargs):
        """The one registration this LMS has (the tool)."""
        return self._registration

    def fetch_public_key(self, key_set_url):
        """Fetch the tool's JWKS through the configured session (the library uses bare requests.get)."""
        try:
            resp = self.session.get(key_set_url, timeout=5)
            resp.raise_for_status()
        except requests.exceptions.RequestException as exc:
            raise LtiException(f"Error during fetch URL {key_set_url}: {exc}") from exc
        try:
            document = resp.json()
        except ValueError as exc:
            raise LtiException(f"Invalid response from {key_set_url}. Must be JSON.") from exc
        if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
            raise LtiException(f"{key_set_url} is not a JWKS (no 'keys' list).")
        return document

    def refresh_tool_key_set(self):
        """Forget the cached tool JWKS and fetch it again."""
        with self._registration.jwks_lock:
            self._registration.set_tool_key_set(None)
            return self.get_tool_key_set()

    def get_tool_public_key(self):
        """The tool's key for the token's kid; on an unknown kid the JWKS is fetched once more."""
        try:
            return super().get_tool_public_key()
        except LtiException as exc:
            if "Unable to find public key" not in str(exc):
                raise
        self.refresh_tool_key_set()
        return super().get_tool_public_key()

    def tool_validate_and_decode(self, jwt_token_string):
        """RS256 only, exp/iat required, and audience and issuer checked when the caller set them."""
        self.validate_jwt_format(jwt_token_string)
        if self._jwt.get("header", {}).get("alg") != "RS256":
            raise LtiException("Only RS256-signed tokens are accepted")
        public_key = self.get_tool_public_key()
        self.claims = jwt.decode(
            jwt_token_string, public_key, algorithms=["RS256"], audience=self.expected_audience,
            issuer=self.expected_issuer, leeway=CLOCK_SKEW,
            options={"require": ["exp", "iat", "iss"], "verify_aud": self.expected_audience is not None})
        return self.claims

    def validate_token(self, token, allowed_scopes=None, audience=None):
        """False for a bad, foreign or expired access token; a valid one lacking the scope is a 403."""
        try:
            if super().validate_token(token, allowed_scopes, audience):
                return True
        except (jwt.PyJWTError, LtiException):
            return False
        # The library answers False only when the signature is fine but no allowed scope was granted.
        raise LtiServiceException("The access token does not grant the scope this service needs.", 403)
