"""The checks pylti1p3 2.0.0 lacks, applied to a signature-verified id_token's claims."""
import time

from lti_tool.launch_errors import reject

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest"
DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest"
CLOCK_SKEW = 60


def check_claims(claims, platform, login_state):
    """Reject anything but a current, correctly addressed LTI 1.3 message we support."""
    if not isinstance(claims, dict):
        reject("token", "id_token body is not a JSON object")
    _check_audience(claims, platform)
    if claims.get("iss") != platform.issuer:
        reject("token", f"iss {claims.get('iss')!r} is not the issuer that started this login")
    _check_times(claims)
    if claims.get(LTI + "version") != "1.3.0":
        reject("message", f"unsupported LTI version {claims.get(LTI + 'version')!r}")
    message_type = claims.get(LTI + "message_type")
    if message_type not in (RESOURCE_LINK_REQUEST, DEEP_LINKING_REQUEST):
        reject("message", f"unsupported message type {message_type!r}")
    target = claims.get(LTI + "target_link_uri")
    if target != login_state.target_link_uri:
        reject("target", f"target_link_uri {target!r} differs from the login's {login_state.target_link_uri!r}")
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub:
        reject("bad_request", "anonymous launches (no sub) are not supported")
    if not isinstance(claims.get(LTI + "roles", []), list):
        reject("bad_request", "roles claim is not a list")
    context = claims.get(LTI + "context")
    if not isinstance(context, dict) or not isinstance(context.get("id"), str) or not context["id"]:
        reject("context", "the launch has no context (course) id")
    if message_type == RESOURCE_LINK_REQUEST:
        link = claims.get(LTI + "resource_link")
        if not isinstance(link, dict) or not isinstance(link.get("id"), str) or not link["id"]:
            reject("bad_request", "resource link launch without resource_link.id")
    else:
        settings = claims.get(DL + "deep_linking_settings")
        if not isinstance(settings, dict) or not isinstance(settings.get("deep_link_return_url"), str):
            reject("bad_request", "deep linking launch without deep_linking_settings.deep_link_return_url")
        if "ltiResourceLink" not in (settings.get("accept_types") or []):
            reject("message", "the platform does not accept ltiResourceLink items")
    return message_type


def _check_audience(claims, platform):
    aud = claims.get("aud")
    audiences = [aud] if isinstance(aud, str) else aud if isinstance(aud, list) else []
    if platform.client_id not in audiences:
        reject("token", f"aud {aud!r} does not contain our client_id {platform.client_id!r}")
    azp = claims.get("azp")
    if len(audiences) > 1 and azp is None:
        reject("token", "several audiences but no azp")
    if azp is not None and azp != platform.client_id:
        reject("token", f"azp {azp!r} is not our client_id {platform.client_id!r}")


def _check_times(claims):
    now = time.time()
    exp, iat = claims.get("exp"), claims.get("iat")
    if not isinstance(exp, (int, float)) or not isinstance(iat, (int, float)):
        reject("token", "exp or iat missing or not numeric")
    if exp < now - CLOCK_SKEW:
        reject("token", "id_token has expired")
    if iat > now + CLOCK_SKEW:
        reject("token", "id_token was issued in the future")
