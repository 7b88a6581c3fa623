"""The LMS's openid configuration: fetched, checked, and reduced to what registration needs."""
from dataclasses import dataclass

from lti_tool.dynamic_registration.fetch import allowed_url, fetch_json, origin, shown
from lti_tool.dynamic_registration.problems import RegistrationProblem
from lti_tool.platforms import family_code

PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration"
RESOURCE_LINK, DEEP_LINKING = "LtiResourceLinkRequest", "LtiDeepLinkingRequest"
ENDPOINTS = ("authorization_endpoint", "token_endpoint", "jwks_uri", "registration_endpoint")


@dataclass(frozen=True)
class PlatformConfiguration:
    """What the LMS told us about itself; `scopes` and `messages` are None when it did not say."""

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    registration_endpoint: str
    authorization_server: str | None
    product_family_code: str
    version: str
    scopes: frozenset | None
    messages: frozenset | None

    @property
    def family(self):
        """Our code for the LMS family ('' when unknown)."""
        return family_code(self.product_family_code)

    def offers_message(self, message_type):
        """Whether the LMS supports a message type (assumed when it lists none)."""
        return self.messages is None or message_type in self.messages

    def offered(self, scopes):
        """The given scopes the LMS offers (all of them when it lists none)."""
        return [scope for scope in scopes if self.scopes is None or scope in self.scopes]


def load(url, secrets=()):
    """Fetch and check the openid configuration at `url` (the LMS's `openid_configuration` parameter)."""
    response, document, _ = fetch_json("GET", url, secrets)
    if response.status_code != 200:
        raise RegistrationProblem("lms_unreachable", f"{shown(url)} answered {response.status_code}.", secrets)
    if not isinstance(document, dict):
        raise RegistrationProblem("bad_configuration", f"{shown(url)} did not return a JSON object.")
    return parse(url, document)


def parse(url, document):
    """A PlatformConfiguration from a configuration document fetched from `url`."""
    issuer = document.get("issuer")
    # LTI DR 1.0 §3.5.1: the issuer and the configuration URL must share a domain, so one LMS
    # cannot hand out a configuration that claims another LMS's issuer.
    if not isinstance(issuer, str) or not allowed_url(issuer) or origin(issuer) != origin(url):
        raise RegistrationProblem("bad_configuration", f"the issuer {issuer!r} is not on the configuration "
                                                       f"URL's own address {origin(url)}.")
    values = {}
    for name in ENDPOINTS:
        value = document.get(name)
        if not isinstance(value, str) or not allowed_url(value):
            raise RegistrationProblem("bad_configuration", f"{name} is missing or not an https URL.")
        values[name] = value
    lti = document.get(PLATFORM_CONFIGURATION)
    if not isinstance(lti, dict) or not isinstance(lti.get("product_family_code"), str):
        raise RegistrationProblem("bad_configuration", f"{PLATFORM_CONFIGURATION} with product_family_code "
                                                       f"is missing.")
    audience = document.get("authorization_server")
    return PlatformConfiguration(
        issuer=issuer, **values, authorization_server=audience if isinstance(audience, str) and audience else None,
        product_family_code=lti["product_family_code"][:80], version=str(lti.get("version") or "")[:80],
        scopes=_strings(document.get("scopes_supported")), messages=_message_types(lti.get("messages_supported")))


def _strings(value):
    return frozenset(item for item in value if isinstance(item, str)) if isinstance(value, list) else None


def _message_types(value):
    if not isinstance(value, list):
        return None
    return frozenset(item.get("type") for item in value if isinstance(item, dict) and isinstance(item.get("type"), str))
