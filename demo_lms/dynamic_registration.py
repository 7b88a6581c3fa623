"""LTI Dynamic Registration 1.0, platform side: our openid configuration and checking a tool's request."""
import secrets
from urllib.parse import urlsplit

from demo_lms.registration import registration_values

TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration"
PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration"
AGS = "https://purl.imsglobal.org/spec/lti-ags/scope/"
SCOPES = (AGS + "lineitem", AGS + "result.readonly", AGS + "score",
          "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly")
MESSAGES = ("LtiResourceLinkRequest", "LtiDeepLinkingRequest")
PRODUCT_FAMILY = "leernetwerk-demo-lms"


class RegistrationInvalid(Exception):
    """A registration request we refuse: an OIDC error code and a description (OIDC DCR §3.3)."""

    def __init__(self, description, error="invalid_client_metadata"):
        super().__init__(description)
        self.error = error
        self.description = description


def openid_configuration(lms_url):
    """The platform's openid configuration document (LTI DR 1.0 §3.4)."""
    values = registration_values(lms_url)
    return {
        "issuer": values["issuer"],
        "authorization_endpoint": values["auth_login_url"],
        "token_endpoint": values["auth_token_url"],
        "token_endpoint_auth_methods_supported": ["private_key_jwt"],
        "token_endpoint_auth_signing_alg_values_supported": ["RS256"],
        "jwks_uri": values["jwks_url"],
        "registration_endpoint": f"{values['issuer']}/lti/register",
        "scopes_supported": ["openid", *SCOPES],
        "response_types_supported": ["id_token"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "claims_supported": ["iss", "aud", "sub", "name", "given_name", "family_name", "locale"],
        PLATFORM_CONFIGURATION: {
            "product_family_code": PRODUCT_FAMILY, "version": "0.1",
            "messages_supported": [{"type": message} for message in MESSAGES],
        },
    }


def check_request(body):
    """The tool values (for DemoRegistration) and granted scopes of a valid request; RegistrationInvalid if not."""
    if not isinstance(body, dict):
        raise RegistrationInvalid("The registration request must be a JSON object.")
    tool = body.get(TOOL_CONFIGURATION)
    if not isinstance(tool, dict) or not isinstance(tool.get("domain"), str) or not tool["domain"]:
        raise RegistrationInvalid(f"{TOOL_CONFIGURATION} with a domain is required.")
    domain = tool["domain"].lower()
    _require(body.get("application_type", "web") == "web", "application_type must be web.")
    _require("id_token" in _list(body.get("response_types")), "response_types must include id_token.")
    _require({"implicit", "client_credentials"} <= set(_list(body.get("grant_types"))),
             "grant_types must include implicit and client_credentials.")
    _require(body.get("token_endpoint_auth_method") == "private_key_jwt",
             "token_endpoint_auth_method must be private_key_jwt.")
    redirect_uris = _list(body.get("redirect_uris"))
    if not redirect_uris or not all(_on_domain(uri, domain) for uri in redirect_uris):
        raise RegistrationInvalid("redirect_uris must be URLs on the tool's domain.", "invalid_redirect_uri")
    for name in ("initiate_login_uri", "jwks_uri"):
        _require(_on_domain(body.get(name), domain), f"{name} must be a URL on the tool's domain.")
    _require(_on_domain(tool.get("target_link_uri"), domain), "target_link_uri must be a URL on the tool's domain.")
    scopes = str(body.get("scope") or "").split()
    unknown = sorted(set(scopes) - set(SCOPES))
    _require(not unknown, f"Scopes this LMS does not offer: {', '.join(unknown)}.")
    messages = [m for m in _list(tool.get("messages")) if isinstance(m, dict)]
    kinds = [m.get("type") for m in messages]
    _require(all(kind in MESSAGES for kind in kinds), f"Only these messages are supported: {', '.join(MESSAGES)}.")
    deep_linking = next((m for m in messages if m.get("type") == MESSAGES[1]), {})
    deep_linking_url = deep_linking.get("target_link_uri") or tool["target_link_uri"]
    _require(_on_domain(deep_linking_url, domain), "The deep linking target_link_uri must be on the tool's domain.")
    values = {"login_url": body["initiate_login_uri"], "launch_url": tool["target_link_uri"],
              "deep_linking_url": deep_linking_url, "jwks_url": body["jwks_uri"], "redirect_uris": redirect_uris}
    return values, scopes


def answer(body, scopes):
    """The registration response: the request as accepted, with a new client_id and deployment_id."""
    client_id, deployment_id = "dr-" + secrets.token_hex(8), "dr-deployment-" + secrets.token_hex(4)
    tool = {**body[TOOL_CONFIGURATION], "deployment_id": deployment_id}
    return {**body, "client_id": client_id, "scope": " ".join(scopes), TOOL_CONFIGURATION: tool}


def _require(condition, description):
    if not condition:
        raise RegistrationInvalid(description)


def _list(value):
    return [item for item in value if isinstance(item, str) or isinstance(item, dict)] if isinstance(value, list) else []


def _on_domain(url, domain):
    parts = urlsplit(url) if isinstance(url, str) else None
    return bool(parts) and parts.scheme in ("http", "https") and domain in (parts.netloc.lower(), parts.hostname)
