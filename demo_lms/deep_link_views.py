"""The deep linking return: verify the tool's signed response, then add the activity to the course."""
import jwt
from flask import Blueprint, abort, render_template, request, url_for
from lti1p3platform.exceptions import LtiDeepLinkingResponseException, LtiException

from demo_lms import people
from demo_lms.score_rules import finite_number
from demo_lms.state import lms_state

bp = Blueprint("deep_link", __name__)
LTI = "https://purl.imsglobal.org/spec/lti/claim/"
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"


@bp.post("/lti/deep-link/return")
def deep_link_return():
    """Receive the LtiDeepLinkingResponse (form field JWT); create the resource link and its line item."""
    state = lms_state()
    token = request.form.get("JWT", "")
    if not token:
        abort(400, description="The tool sent no deep linking response (no JWT field).")
    config = state.platform_config()
    config.expected_audience = state.registration.get_iss()
    config.expected_issuer = state.registration.get_client_id()
    try:
        items = config.validate_deeplinking_resp({"JWT": token})
    except (LtiException, LtiDeepLinkingResponseException, jwt.PyJWTError) as exc:
        abort(400, description=f"The deep linking response was refused: {exc}")
    except (KeyError, TypeError, AttributeError, ValueError):
        abort(400, description="The deep linking response was refused: its content items are malformed.")
    course_id = _check_claims(state, config.claims)
    if not isinstance(items, list) or len(items) > 1:
        abort(400, description="The deep linking response holds more than one item; this LMS accepts one.")
    state.store.count("deep_link_returns")
    if not items:
        return render_template("lms/deep_link_done.html", link=None,
                               course_url=url_for("course.course", id=course_id, cancelled=1))
    link = _create_link(state, items[0], course_id)
    return render_template("lms/deep_link_done.html", link=link,
                           course_url=url_for("course.course", id=course_id, added=link["id"]))


def _check_claims(state, claims):
    if claims.get(LTI + "version") != "1.3.0":
        abort(400, description="The deep linking response is not LTI 1.3.0.")
    if not isinstance(claims.get("nonce"), str) or not claims["nonce"]:
        abort(400, description="The deep linking response has no nonce.")
    if claims.get(LTI + "deployment_id") != state.registration.get_deployment_id():
        abort(400, description="The deep linking response names another deployment.")
    data = claims.get(DL + "data")
    if not isinstance(data, str) or not data:
        abort(400, description="The deep linking response did not return the request's data.")
    # Single use: the data names the facilitator's open 'Add an activity' request, in one course.
    user_id, course_id = state.store.consume_deep_link_request(data)
    person = people.person(user_id)
    if person is None or not person.is_instructor:
        abort(400, description="This deep linking response does not belong to an open 'Add an activity' request "
                               "(unknown, expired or already used).")
    return course_id


def _create_link(state, item, course_id):
    url = item.get("url") or state.registration.get_launch_url()
    if not isinstance(url, str) or not url.startswith(state.tool_url + "/"):
        abort(400, description="The activity's URL is not on the registered tool.")
    title = item.get("title") if isinstance(item.get("title"), str) and item.get("title").strip() else "Activity"
    text = item.get("text") if isinstance(item.get("text"), str) else ""
    custom = item.get("custom") or {}
    if not isinstance(custom, dict) or not all(isinstance(v, (str, int, float, bool)) for v in custom.values()):
        abort(400, description="The activity's custom parameters must be a flat object of strings.")
    line = item.get("lineItem")
    if line is not None:
        line = _line_item(line, title)
    link = state.store.add_link(title[:255], url, text=text[:2000], custom={str(k): str(v) for k, v in custom.items()},
                                course_id=course_id)
    if line is not None:
        state.store.add_lineitem(resource_link_id=link["id"], course_id=course_id, **line)
    return link


def _line_item(line, title):
    if not isinstance(line, dict):
        abort(400, description="The activity's lineItem must be an object.")
    maximum = line.get("scoreMaximum")
    if not finite_number(maximum) or maximum <= 0:
        abort(400, description="The activity's lineItem.scoreMaximum must be a number above 0.")
    strings = {name: line.get(name) for name in ("label", "resourceId", "tag")}
    if any(value is not None and not isinstance(value, str) for value in strings.values()):
        abort(400, description="The activity's lineItem label, resourceId and tag must be strings.")
    return {"label": (strings["label"] or title)[:255], "score_maximum": float(maximum),
            "resource_id": strings["resourceId"] or "", "tag": strings["tag"] or ""}
