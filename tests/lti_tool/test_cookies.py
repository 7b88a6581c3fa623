"""Cookies inside a cross-site LMS iframe."""
import pytest
from flask import Response

from lti_tool.cookies import set_cross_site_cookie


def test_https_cookies_are_secure_partitioned_and_samesite_none(app):
    app.config["BASE_URL"] = "https://tool.example.org"
    try:
        response = set_cross_site_cookie_on(app)
    finally:
        app.config["BASE_URL"] = "http://tool.test"
    header = response.headers["Set-Cookie"]
    for part in ("Secure", "HttpOnly", "SameSite=None", "Partitioned", "Path=/"):
        assert part in header


def test_localhost_counts_as_secure_for_the_demo(app):
    app.config["BASE_URL"] = "http://localhost:5001"
    try:
        header = set_cross_site_cookie_on(app).headers["Set-Cookie"]
    finally:
        app.config["BASE_URL"] = "http://tool.test"
    assert "SameSite=None" in header and "Partitioned" in header


def test_plain_http_elsewhere_falls_back_to_lax(app):
    header = set_cross_site_cookie_on(app).headers["Set-Cookie"]
    assert "SameSite=Lax" in header and "Partitioned" not in header


def set_cross_site_cookie_on(app):
    with app.test_request_context("/"):
        response = Response("x")
        set_cross_site_cookie(response, "ln_x", "v", 60)
        return response


def test_the_tool_keeps_no_flask_cookie_session(app, client, platform):
    """Launches carry their own session; a Flask session cookie would be signing work and a cookie for nothing."""
    from flask import session

    response = platform.launch(client, "learner1")
    assert response.status_code == 303
    assert not [c for c in response.headers.getlist("Set-Cookie") if c.startswith(app.config["SESSION_COOKIE_NAME"])]
    with app.test_request_context("/"), pytest.raises(RuntimeError):
        session["anything"] = 1  # a write fails loudly instead of setting a cookie nobody reads
