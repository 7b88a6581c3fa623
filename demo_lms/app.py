"""The demo LMS application factory."""
from pathlib import Path
from urllib.parse import urlsplit

import requests
from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from demo_lms.keys import load_or_create_key, load_or_create_secret
from demo_lms.lti_platform import DemoRegistration
from demo_lms.state import DemoState, current_course, current_user
from demo_lms.store import Store

HERE = Path(__file__).resolve().parent
SERVICE_PREFIXES = ("/lti/ags/", "/lti/nrps/", "/lti/token", "/lti/stats", "/lti/jwks", "/lti/register",
                    "/lti/openid-configuration")
# Calls a tool makes with its own HTTP client (not the browser): these need a User-Agent.
SERVICE_CALLS = ("/lti/ags/", "/lti/nrps/", "/lti/token", "/lti/jwks", "/lti/openid-configuration")


def create_demo_lms(tool_url, lms_url, instance_dir, requests_session=None, platform_storage=False,
                    like_moodle=False):
    """A demo LMS at `lms_url` that launches the tool at `tool_url`; state lives in `instance_dir`.

    `platform_storage` offers the tool LTI postMessage storage (`lti_storage_target=_parent`);
    `like_moodle` instead makes login hints single-use and offers no platform storage, as Moodle does.
    """
    instance = Path(instance_dir)
    instance.mkdir(parents=True, exist_ok=True)
    app = Flask("demo_lms", template_folder=str(HERE / "templates"), static_folder=str(HERE / "static"),
                instance_path=str(instance.resolve()))
    app.config.update(SECRET_KEY=load_or_create_secret(instance), SESSION_COOKIE_NAME="demo_lms_session",
                      SESSION_COOKIE_HTTPONLY=True, **_cookie_policy(lms_url))
    session = requests_session or _default_session()
    registration = DemoRegistration(lms_url, tool_url, load_or_create_key(instance))
    state = DemoState(Store(instance / "demo_lms.sqlite3"), registration, session, lms_url, tool_url,
                      app.config["SECRET_KEY"])
    state.platform_storage = platform_storage
    if like_moodle:
        state.like_moodle()
    app.extensions["demo_lms"] = state
    _register(app)
    return app


def _cookie_policy(lms_url):
    # The auth request reaches us inside the iframe after a redirect from the tool's origin; a
    # SameSite=None cookie is sent there. Browsers allow Secure cookies on HTTPS and on loopback.
    parts = urlsplit(lms_url)
    if parts.scheme == "https" or parts.hostname in ("localhost", "127.0.0.1"):
        return {"SESSION_COOKIE_SAMESITE": "None", "SESSION_COOKIE_SECURE": True}
    return {"SESSION_COOKIE_SAMESITE": "Lax", "SESSION_COOKIE_SECURE": False}


def _default_session():
    session = requests.Session()
    session.headers["User-Agent"] = "Leernetwerk-demo-LMS/0.1"
    return session


def _register(app):
    from demo_lms import (ags_views, course_views, deep_link_views, launch_views, nrps_views, registration_views,
                          token_views)

    for module in (course_views, launch_views, deep_link_views, token_views, ags_views, nrps_views,
                   registration_views):
        app.register_blueprint(module.bp)

    @app.context_processor
    def inject():
        """Values every LMS template uses."""
        here = current_course()
        return {"current_user": current_user(), "people": here.members, "course": here, "course_title": here.title,
                "tool_origin": app.extensions["demo_lms"].tool_origin,
                "fit_frame": app.extensions["demo_lms"].fit_frame}

    @app.errorhandler(HTTPException)
    def http_error(error):
        """JSON errors for services, an error page for people."""
        if request.path.startswith(SERVICE_PREFIXES):
            return jsonify(error=error.description or error.name), error.code
        return render_template("lms/error.html", error=error, bare=request.path.startswith("/lti/")), error.code

    @app.before_request
    def require_user_agent():
        """Refuse service calls without a User-Agent, as Canvas does since January 2026."""
        if request.path.startswith(SERVICE_CALLS) and not request.headers.get("User-Agent", "").strip():
            app.extensions["demo_lms"].store.count("service_calls_without_user_agent")
            return jsonify(error="Forbidden", message="You are not authorized to access this site because you "
                                                      "have not provided a valid user agent."), 403
        return None

    @app.after_request
    def security_headers(response):
        """CSP without inline scripts; the tool may be framed and posted to."""
        tool_origin = app.extensions["demo_lms"].tool_origin
        response.headers.setdefault("Content-Security-Policy", (
            f"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"frame-src 'self' {tool_origin}; form-action 'self' {tool_origin}; frame-ancestors 'self'; "
            f"base-uri 'none'; object-src 'none'"))
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        return response
