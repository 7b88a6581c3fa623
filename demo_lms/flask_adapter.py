"""Flask adapters for lti1p3platform, which ships Django and FastAPI ones only."""
import json

from flask import Response as FlaskResponse
from flask import abort, redirect, render_template, request
from lti1p3platform.message_launch import LTIAdvantageMessageLaunchAbstract
from lti1p3platform.oidc_login import OIDCLoginAbstract
from lti1p3platform.request import Request
from lti1p3platform.response import generate_next_link


class FlaskRequest(Request):
    """A lti1p3platform Request built from the current Flask request (`get_data` may be overridden)."""

    def __init__(self, request, get_data=None):
        self._get_data_override = get_data
        super().__init__(request)

    def build_metadata(self, request):
        """The request fields lti1p3platform reads."""
        return {
            "method": request.method,
            "form_data": request.form.to_dict(),
            "get_data": self._get_data_override if self._get_data_override is not None else request.args.to_dict(),
            "headers": request.headers,
            "content_type": request.content_type,
            "path": request.path,
            "json": request.get_json(silent=True),
        }


def wrap_json_response(resp):
    """A Flask response for a lti1p3platform service Response; paging becomes a `Link: <…>; rel=next`."""
    if not 200 <= resp.code < 300:
        return FlaskResponse(json.dumps({"error": resp.message}), status=resp.code, mimetype="application/json")
    result = resp.result
    next_url = None
    if isinstance(result, dict):
        next_url = result.get("next")
        data = result["content"] if "content" in result else {k: v for k, v in result.items() if k != "next"}
    else:
        data = result
    if data is None:
        response = FlaskResponse(status=resp.code)
    else:
        response = FlaskResponse(json.dumps(data), status=resp.code, content_type=resp.media_type)
    if next_url:
        # The library's own (unquoted) form: `<url>; rel=next`. Tools must also accept rel="next".
        response.headers["Link"] = generate_next_link(next_url)
    return response


def query_params(allowed):
    """The query parameters a service method takes: page/limit as positive ints, the rest as strings."""
    params = {}
    for name in allowed:
        value = request.args.get(name)
        if value is None:
            continue
        if name in ("page", "limit"):
            if not (value.isascii() and value.isdigit()) or int(value) < 1:
                abort(400, description=f"{name} must be a positive whole number.")
            params[name] = int(value)
        else:
            params[name] = value
    return params


class FlaskMessageLaunch(LTIAdvantageMessageLaunchAbstract):
    """Renders the auto-submitting form that POSTs id_token and state to the tool's redirect_uri."""

    def render_launch_form(self, launch_data, **kwargs):
        """The auto-post page (static JS, with a visible button for no-JS)."""
        return render_template("lms/auto_post.html", action=launch_data["launch_url"],
                               fields={"id_token": launch_data["id_token"], "state": launch_data["state"]},
                               **kwargs)


class FlaskOIDCLogin(OIDCLoginAbstract):
    """Third-party login initiation: redirects the browser (in the iframe) to the tool's login URL."""

    def __init__(self, request, platform_config, lti_message_hint):
        super().__init__(request, platform_config)
        self.set_lti_message_hint(lti_message_hint=lti_message_hint)

    def set_lti_message_hint(self, **kwargs):
        """Keep the signed hint naming the link or deep linking flow."""
        self._lti_message_hint = kwargs["lti_message_hint"]

    def get_redirect(self, url):
        """A 302 to the tool's login URL."""
        return redirect(url, code=302)
