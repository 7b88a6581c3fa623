"""The OAuth2 token endpoint (client credentials with a signed JWT assertion) and the stats endpoint."""
import jwt
from flask import Blueprint, jsonify, request
from lti1p3platform.exceptions import LtiException, MissingRequiredClaim

from demo_lms.state import lms_state

bp = Blueprint("token", __name__)
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
ASSERTION_MAX_SECONDS = 3600


def _oauth_error(error, description, status=400):
    response = jsonify(error=error, error_description=description)
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/lti/token")
def token():
    """Issue a bearer token for LTI services to the registered tool (RFC 6749 §4.4, RFC 7523)."""
    state = lms_state()
    form = request.form.to_dict()
    if form.get("grant_type") != "client_credentials":
        return _oauth_error("unsupported_grant_type", "grant_type must be client_credentials.")
    if form.get("client_assertion_type") != ASSERTION_TYPE:
        return _oauth_error("invalid_request", f"client_assertion_type must be {ASSERTION_TYPE}.")
    config = state.platform_config()
    config.expected_audience = state.registration.token_url
    config.expected_issuer = state.registration.get_client_id()
    try:
        result = config.get_access_token(form)
    except MissingRequiredClaim as exc:
        return _oauth_error("invalid_request", str(exc))
    except (LtiException, jwt.PyJWTError, ValueError) as exc:
        state.store.count("token_requests_refused")
        return _oauth_error("invalid_client", f"The client assertion was refused: {exc}", 401)
    claims = config.claims
    problem = _assertion_problem(state, claims)
    if problem:
        state.store.count("token_requests_refused")
        return _oauth_error("invalid_client", problem, 401)
    if not result["scope"]:
        return _oauth_error("invalid_scope", "None of the requested scopes is offered by this LMS.")
    state.store.count("tokens_issued")
    response = jsonify(result)
    response.headers["Cache-Control"] = "no-store"
    return response


def _assertion_problem(state, claims):
    if claims.get("sub") != state.registration.get_client_id():
        return "The client assertion's sub must be the client_id."
    if claims["exp"] - claims["iat"] > ASSERTION_MAX_SECONDS:
        return "The client assertion lives too long (at most an hour)."
    jti = claims.get("jti")
    if not isinstance(jti, str) or not jti:
        return "The client assertion has no jti."
    if not state.store.use_jti(jti, claims["exp"] + 60):
        return "The client assertion was used before (jti replay)."
    return None


@bp.get("/lti/stats")
def stats():
    """Counters for demos and benchmarks: tokens issued, launches, scores received and refused."""
    store = lms_state().store
    counters = store.counters()
    names = ("tokens_issued", "token_requests_refused", "launches", "deep_linking_launches", "deep_link_returns",
             "scores_received", "scores_rejected", "scores_older", "service_calls_without_user_agent")
    data = {name: counters.get(name, 0) for name in names}
    data.update(links=len(store.links()), lineitems=len(store.lineitems()), scores_stored=len(store.scores()))
    return jsonify(data)
