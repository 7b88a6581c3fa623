"""Launching when the browser drops our cookies: the binding kept in the platform's postMessage storage."""
import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest


def _storage_login(client, platform, user="learner1"):
    params = {**platform.login_params(user), "lti_storage_target": "_parent"}
    page = client.get("/lti/login", query_string=params)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    secret = re.search(r'data-value="([^"]+)"', html).group(1)
    next_url = unescape(re.search(r'data-next="([^"]+)"', html).group(1))
    assert 'data-origin="http://lms.test"' in html
    auth_query = dict(parse_qsl(urlsplit(next_url).query))
    id_token, state = platform.authorize(auth_query, user)
    return secret, id_token, state


@pytest.fixture
def cookieless(app):
    """A second browser context: shares nothing with the one that logged in, like a blocked cookie."""
    return app.test_client()


def test_verify_page_then_binding_from_storage_completes_the_launch(client, cookieless, platform):
    secret, id_token, state = _storage_login(client, platform)
    page = cookieless.post("/lti/launch", data={"id_token": id_token, "state": state})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'data-mode="get"' in html and f'value="{state}"' in html and id_token not in html
    done = cookieless.post("/lti/launch/verify", data={"state": state, "secret": secret})
    assert done.status_code == 303, done.get_data(as_text=True)[:500]
    assert "lt=" in done.headers["Location"]


def test_wrong_secret_is_refused_and_the_state_is_gone(client, cookieless, platform):
    secret, id_token, state = _storage_login(client, platform)
    cookieless.post("/lti/launch", data={"id_token": id_token, "state": state})
    assert cookieless.post("/lti/launch/verify", data={"state": state, "secret": "guess"}).status_code == 400
    assert cookieless.post("/lti/launch/verify", data={"state": state, "secret": secret}).status_code == 400


def test_a_second_token_for_a_waiting_state_is_refused(client, cookieless, platform):
    _, id_token, state = _storage_login(client, platform)
    cookieless.post("/lti/launch", data={"id_token": id_token, "state": state})
    assert cookieless.post("/lti/launch", data={"id_token": id_token, "state": state}).status_code == 400
