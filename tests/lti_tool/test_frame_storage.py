"""Launching inside a frame that drops our cookie, without platform storage (Moodle): the frame's own storage."""
import re
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest

from lti_tool.models import LoginState
from lti_tool.models.base import utcnow
from tests.support.platform import auth_request_url


@pytest.fixture
def cookieless(app):
    """The same frame after the platform's trip, with the cookie dropped: shares no cookie with `client`."""
    return app.test_client()


def _attr(html, name):
    return unescape(re.search(rf'{name}="([^"]*)"', html).group(1))


def _frame_login(client, platform, user="learner1"):
    page = client.get("/lti/login", query_string=platform.login_params(user))
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    id_token, state = platform.authorize(dict(parse_qsl(urlsplit(auth_request_url(page)).query)), user)
    return html, _attr(html, "data-value"), id_token, state


def _refused(response):
    body = response.get_data(as_text=True)
    # The friendly error page (in the default language, Dutch), never a stack trace.
    assert response.status_code == 400 and "Traceback" not in body and 'id="error-title"' in body, body[:500]


def test_framed_login_renders_the_frame_storage_page(client, platform):
    params = platform.login_params("learner1")
    page = client.get("/lti/login", query_string=params)
    html = page.get_data(as_text=True)
    assert 'data-store="frame"' in html and 'data-origin=""' in html
    assert "<script>" not in html and "ln_state_" in page.headers["Set-Cookie"]
    # The new window starts the same login (with the still unspent hint), top-level.
    new_window = urlsplit(_attr(html, 'id="lti-new-window-link" href'))
    assert new_window.path == "/lti/login"
    assert dict(parse_qsl(new_window.query))["lti_message_hint"] == params["lti_message_hint"]
    assert 'target="_blank"' in html and "<noscript>" in html


def test_top_level_login_goes_straight_to_the_platform(client, platform):
    login = client.get("/lti/login", query_string=platform.login_params("learner1"),
                       headers={"Sec-Fetch-Dest": "document"})
    assert login.status_code == 302 and login.headers["Location"].startswith("http://lms.test/")


def test_probe_says_whether_the_state_cookie_came_back(client, cookieless, platform):
    html, _secret, _id_token, _state = _frame_login(client, platform)
    probe = _attr(html, "data-probe")
    assert client.get(probe).get_json() == {"cookie": True}
    assert cookieless.get(probe).get_json() == {"cookie": False}
    assert client.get("/lti/login/probe?state=unknown").get_json() == {"cookie": False}


def test_without_the_cookie_the_binding_from_frame_storage_completes_the_launch(client, cookieless, platform):
    _html, secret, id_token, state = _frame_login(client, platform)
    page = cookieless.post("/lti/launch", data={"id_token": id_token, "state": state})
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and 'data-store="frame"' in html and id_token not in html
    done = cookieless.post("/lti/launch/verify", data={"state": state, "secret": secret})
    assert done.status_code == 303 and "lt=" in done.headers["Location"]


def test_a_wrong_secret_is_refused_and_uses_up_the_state(client, cookieless, platform):
    _html, secret, id_token, state = _frame_login(client, platform)
    cookieless.post("/lti/launch", data={"id_token": id_token, "state": state})
    _refused(cookieless.post("/lti/launch/verify", data={"state": state, "secret": "guess"}))
    _refused(cookieless.post("/lti/launch/verify", data={"state": state, "secret": secret}))


def test_a_replayed_verification_is_refused(client, cookieless, platform):
    _html, secret, id_token, state = _frame_login(client, platform)
    cookieless.post("/lti/launch", data={"id_token": id_token, "state": state})
    assert cookieless.post("/lti/launch/verify", data={"state": state, "secret": secret}).status_code == 303
    _refused(cookieless.post("/lti/launch/verify", data={"state": state, "secret": secret}))
    _refused(cookieless.post("/lti/launch", data={"id_token": id_token, "state": state}))


def test_an_expired_state_is_refused(app, client, cookieless, platform, db):
    _html, secret, id_token, state = _frame_login(client, platform)
    cookieless.post("/lti/launch", data={"id_token": id_token, "state": state})
    db.session.get(LoginState, state).expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    _refused(cookieless.post("/lti/launch/verify", data={"state": state, "secret": secret}))


def test_launch_address_opened_directly_is_a_friendly_page(client):
    page = client.get("/lti/launch")
    assert page.status_code == 200 and 'id="address-title"' in page.get_data(as_text=True)
