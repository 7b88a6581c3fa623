"""One structured log line per request: request id, route, status, duration and pseudonymous ids.

Only the route's pattern and numeric ids are logged: never query strings (launch tokens travel
there), form values, names or answers.
"""
import logging
import re
import secrets
import time

from flask import g, request

log = logging.getLogger("lti_tool.requests")
REQUEST_ID_HEADER = "X-Request-ID"
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def register(app):
    """Install the request id and the log line."""

    @app.before_request
    def start():
        """Take the proxy's request id when it looks like one, else make one."""
        offered = request.headers.get(REQUEST_ID_HEADER, "")
        g.request_id = offered if _SAFE_ID.match(offered) else secrets.token_hex(8)
        g.request_started = time.perf_counter()

    @app.after_request
    def finish(response):
        """Log the request and hand its id back, so a user's report can be found."""
        response.headers[REQUEST_ID_HEADER] = g.get("request_id", "")
        log.info("request %s", line(response.status_code))
        return response


def line(status):
    """key=value pairs describing the current request (no personal data)."""
    started = g.get("request_started")
    fields = {
        "id": g.get("request_id", "-"),
        "method": request.method,
        "route": request.url_rule.rule if request.url_rule is not None else "(no route)",
        "status": status,
        "ms": f"{(time.perf_counter() - started) * 1000:.1f}" if started else "-",
    }
    launch = g.get("launch")
    if launch is not None:
        fields.update(platform=launch.platform_id, placement=launch.activity_instance_id or "-",
                      user=launch.user_id, role=launch.role)
    return " ".join(f"{key}={value}" for key, value in fields.items())
