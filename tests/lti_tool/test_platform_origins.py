"""Where a platform's storage frame answers and which pages may frame the tool: Canvas's auth domain."""
import re
from html import unescape

import pytest

from lti_tool import registrations
from lti_tool.models import Platform
from lti_tool.platforms import family_of
from lti_tool.security_headers import forget_platform_origins

CANVAS = "https://canvas.instructure.com"


def _platform(issuer, auth_login_url):
    return Platform(issuer=issuer, client_id="1", auth_login_url=auth_login_url, auth_token_url=auth_login_url,
                    jwks_url=auth_login_url)


@pytest.mark.parametrize("issuer, auth_login_url, origin", [
    (CANVAS, "https://sso.canvaslms.com/api/lti/authorize_redirect", "https://sso.canvaslms.com"),
    # An older registration naming the issuer's host: Canvas's storage frame is still on its SSO domain.
    (CANVAS, "https://canvas.instructure.com/api/lti/authorize_redirect", "https://sso.canvaslms.com"),
    ("https://canvas.test.instructure.com", "https://canvas.test.instructure.com/api/lti/authorize_redirect",
     "https://sso.test.canvaslms.com"),
    ("https://canvas.school.nl", "https://canvas.school.nl/api/lti/authorize_redirect", "https://canvas.school.nl"),
    ("https://moodle.school.nl", "https://moodle.school.nl/mod/lti/auth.php", "https://moodle.school.nl"),
])
def test_storage_origin_per_platform(issuer, auth_login_url, origin):
    platform = _platform(issuer, auth_login_url)
    assert family_of(platform).storage_origin(platform) == origin


def test_hosted_canvas_is_framed_from_instructure_pages_not_its_auth_domain():
    platform = _platform(CANVAS, "https://sso.canvaslms.com/api/lti/authorize_redirect")
    assert family_of(platform).frame_ancestors(platform) == ("https://sso.canvaslms.com", "https://*.instructure.com")
    moodle = _platform("https://moodle.school.nl", "https://moodle.school.nl/mod/lti/auth.php")
    assert family_of(moodle).frame_ancestors(moodle) == ("https://moodle.school.nl",)


@pytest.fixture
def canvas(app, db):
    registrations.add_platform(
        issuer=CANVAS, client_id="10000000000001", auth_login_url="https://sso.canvaslms.com/api/lti/authorize_redirect",
        auth_token_url="https://sso.canvaslms.com/login/oauth2/token",
        jwks_url="https://sso.canvaslms.com/api/lti/security/jwks", deployment_ids=["1:abc"], name="Canvas")
    yield
    forget_platform_origins()


def test_canvas_login_posts_to_the_storage_frame_on_its_sso_origin(client, canvas):
    page = client.get("/lti/login", query_string={
        "iss": CANVAS, "client_id": "10000000000001", "login_hint": "u1", "lti_message_hint": "m1",
        "target_link_uri": "http://tool.test/lti/launch", "lti_storage_target": "post_message_forwarding"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and 'data-store="platform"' in html
    assert 'data-target="post_message_forwarding"' in html and 'data-origin="https://sso.canvaslms.com"' in html
    next_url = unescape(re.search(r'data-next="([^"]+)"', html).group(1))
    assert next_url.startswith("https://sso.canvaslms.com/api/lti/authorize_redirect?")


def test_frame_ancestors_allow_canvas_pages_and_configured_domains(app, client, canvas):
    app.config["FRAME_ANCESTORS"] = ("https://canvas.school.nl/", "https://evil.test; script-src *")
    try:
        policy = client.get("/lti/launch").headers["Content-Security-Policy"]
    finally:
        app.config["FRAME_ANCESTORS"] = ()
    ancestors = policy.split("frame-ancestors ")[1].split()
    assert {"https://sso.canvaslms.com", "https://*.instructure.com", "https://canvas.school.nl"} <= set(ancestors)
    assert "evil" not in policy
