"""Launch sessions: tokens bound to user and placement, cookies, CSRF and roles."""
import pytest

from lti_tool.models import LaunchSession
from lti_tool.models.base import utcnow


@pytest.fixture
def unconfigured(launches):
    return launches.instance(activity_type=None, title="Nog in te stellen")


def test_learner_with_token_sees_not_ready_page(client, launches, unconfigured):
    handle = launches.launch(unconfigured, locale="en")
    response = client.get(f"/setup/{unconfigured.id}", query_string=handle.params())
    assert response.status_code == 200
    assert b"not ready yet" in response.data


def test_learner_sees_dutch_when_launched_in_dutch(client, launches, unconfigured):
    handle = launches.launch(unconfigured, locale="nl-BE")
    response = client.get(f"/setup/{unconfigured.id}", query_string=handle.params())
    assert 'lang="nl"' in response.get_data(as_text=True)


def test_token_for_another_placement_is_refused(client, launches, unconfigured):
    other = launches.instance(activity_type=None)
    handle = launches.launch(unconfigured)
    response = client.get(f"/setup/{other.id}", query_string=handle.params())
    assert response.status_code == 401


def test_tampered_token_is_refused(client, launches, unconfigured):
    handle = launches.launch(unconfigured)
    response = client.get(f"/setup/{unconfigured.id}", query_string={"lt": handle.token[:-2] + "xx"})
    assert response.status_code == 401


def test_no_token_and_no_cookie_is_a_friendly_401(client, unconfigured):
    response = client.get(f"/setup/{unconfigured.id}")
    assert response.status_code == 401
    assert b"Traceback" not in response.data


def test_expired_session_is_refused(client, launches, unconfigured, db):
    handle = launches.launch(unconfigured)
    db.session.get(LaunchSession, handle.launch.session_id).expires_at = utcnow()
    db.session.commit()
    assert client.get(f"/setup/{unconfigured.id}", query_string=handle.params()).status_code == 401


def test_expired_token_is_refused(app, client, launches, unconfigured):
    handle = launches.launch(unconfigured)
    app.config["LAUNCH_TOKEN_SECONDS"] = -1
    try:
        assert client.get(f"/setup/{unconfigured.id}", query_string=handle.params()).status_code == 401
    finally:
        app.config["LAUNCH_TOKEN_SECONDS"] = 7200


def test_cookie_alone_is_enough(client, launches, unconfigured):
    handle = launches.launch(unconfigured)
    client.set_cookie(f"ln_{unconfigured.id}", handle.launch.session_id, domain="localhost")
    assert client.get(f"/setup/{unconfigured.id}").status_code == 200


def test_learner_cannot_configure(client, launches, unconfigured):
    handle = launches.launch(unconfigured)
    response = client.post(f"/setup/{unconfigured.id}/voting", data=handle.form(title="x"))
    assert response.status_code == 403


def test_post_without_csrf_token_is_refused(client, launches, unconfigured):
    handle = launches.instructor(unconfigured)
    response = client.post(f"/setup/{unconfigured.id}/voting", data={"lt": handle.token, "title": "x"})
    assert response.status_code == 400
    assert b"expired" in response.data or b"verlopen" in response.data


def test_instructor_sees_the_picker(client, launches, unconfigured):
    handle = launches.instructor(unconfigured, locale="en")
    response = client.get(f"/setup/{unconfigured.id}", query_string=handle.params())
    assert response.status_code == 200
    assert b"Which activity do you want to add?" in response.data


def test_unknown_activity_type_is_404(client, launches, unconfigured):
    handle = launches.instructor(unconfigured)
    assert client.get(f"/setup/{unconfigured.id}/nope", query_string=handle.params()).status_code == 404


def test_security_headers(client, launches, unconfigured):
    launches.platform()
    handle = launches.launch(unconfigured)
    response = client.get(f"/setup/{unconfigured.id}", query_string=handle.params())
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://lms.test" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_unknown_page_is_friendly_404(client):
    response = client.get("/nope")
    assert response.status_code == 404
    assert b"Page not found" in response.data or b"niet gevonden" in response.data


def test_json_clients_get_json_errors(client):
    response = client.get("/nope", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.get_json()["reference"]


def test_facilitator_can_edit_settings_of_a_configured_placement(client, launches):
    instance = launches.instance("voting")
    handle = launches.instructor(instance, locale="en")
    dashboard = client.get(f"/voting/{instance.id}", query_string=handle.params()).get_data(as_text=True)
    assert f"/setup/{instance.id}/voting?" in dashboard
    page = client.get(f"/setup/{instance.id}/voting", query_string=handle.params())
    assert page.status_code == 200 and b"Save settings" in page.data


def test_a_token_is_opaque_and_cannot_become_a_cookie(client, launches, unconfigured):
    import base64

    handle = launches.launch(unconfigured)
    session_id = handle.launch.session_id
    padded = handle.token + "=" * (-len(handle.token) % 4)
    assert session_id not in handle.token
    assert session_id.encode() not in base64.urlsafe_b64decode(padded)
    # A token copied from a log line, tried as the session cookie: useless.
    client.set_cookie(f"ln_{unconfigured.id}", handle.token, domain="localhost")
    assert client.get(f"/setup/{unconfigured.id}").status_code == 401


def test_a_session_ends_after_its_idle_time(app, client, launches, unconfigured, db):
    from datetime import timedelta

    handle = launches.launch(unconfigured)
    url = f"/setup/{unconfigured.id}"
    assert client.get(url, query_string=handle.params()).status_code == 200
    row = db.session.get(LaunchSession, handle.launch.session_id)
    assert row.last_seen_at is not None  # the request counted as activity
    row.last_seen_at = utcnow() - timedelta(seconds=app.config["LAUNCH_IDLE_SECONDS"] + 1)
    db.session.commit()
    assert client.get(url, query_string=handle.params()).status_code == 401


def test_exports_need_a_recent_launch_from_the_lms(app, client, launches, db):
    from datetime import timedelta

    from tests.activities.reflection.conftest import Room

    room = Room(client, launches)
    export = f"{room.url}/export/personal-data.csv"
    assert client.get(export, query_string=room.facilitator.params()).status_code == 200
    row = db.session.get(LaunchSession, room.facilitator.launch.session_id)
    row.created_at = utcnow() - timedelta(seconds=app.config["FRESH_LAUNCH_SECONDS"] + 1)
    db.session.commit()
    assert client.get(export, query_string=room.facilitator.params()).status_code == 401
    assert room.get(room.facilitator).status_code == 200  # the dashboard itself still works


def test_a_page_makes_one_token_for_all_its_links_and_forms(client, launches, unconfigured):
    import re
    from html import unescape

    handle = launches.instructor(unconfigured, locale="en")
    page = client.get(f"/setup/{unconfigured.id}", query_string=handle.params()).get_data(as_text=True)
    tokens = set(re.findall(r'[?&;]lt=([^"&]+)', page)) | set(re.findall(r'name="lt" value="([^"]+)"', page))
    assert len(tokens) == 1, tokens  # encrypted once per request, not once per link
    token = unescape(tokens.pop()).replace("%3D", "=")
    again = client.get(f"/setup/{unconfigured.id}", query_string={"lt": token})
    assert again.status_code == 200 and b"Which activity do you want to add?" in again.data


def test_links_carry_the_token_the_request_came_with_until_it_needs_renewing(app, client, launches, unconfigured):
    import json
    import time

    from lti_tool.session import _fernet

    handle = launches.instructor(unconfigured, locale="en")
    fresh = client.get(f"/setup/{unconfigured.id}", query_string=handle.params()).get_data(as_text=True)
    assert f"lt={handle.token.replace('=', '%3D')}" in fresh  # a fresh token serves the page's links as it is
    launch = handle.launch
    payload = json.dumps([launch.session_id, launch.user_id, launch.activity_instance_id], separators=(",", ":"))
    aged = _fernet(app.config["SECRET_KEY"]).encrypt_at_time(payload.encode(), int(time.time()) - 3600).decode()
    page = client.get(f"/setup/{unconfigured.id}", query_string={"lt": aged})
    assert page.status_code == 200  # an hour old: still valid (two hours) …
    body = page.get_data(as_text=True)
    assert f"lt={aged.replace('=', '%3D')}" not in body and "lt=" in body  # … but its links get a new one
