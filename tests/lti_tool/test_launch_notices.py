"""Facilitators are told when the LMS sends no names or no grade service; learners are not bothered."""
AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"


def _anonymous_without_grades(claims):
    for name in ("name", "given_name", "family_name"):
        claims.pop(name, None)
    claims.pop(AGS_CLAIM, None)


def _page(client, response):
    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    return client.get(response.headers["Location"], headers={"Accept-Language": "en"}).get_data(as_text=True)


def test_facilitator_sees_what_the_lms_did_not_send(platform, client):
    link_id = platform.add_link("Stellingen")
    page = _page(client, platform.launch(client, "facilitator", link_id, tamper=_anonymous_without_grades))
    assert "stuurt geen namen" in page and "geen scores versturen" in page  # the facilitator launches in Dutch


def test_no_notice_when_everything_is_there(platform, client):
    link_id = platform.add_link("Stellingen")
    page = _page(client, platform.launch(client, "facilitator", link_id))
    assert "facilitator-notice" not in page


def test_learners_do_not_see_the_notice(platform, client):
    link_id = platform.add_link("Stellingen")
    page = _page(client, platform.launch(client, "learner1", link_id, tamper=_anonymous_without_grades))
    assert "facilitator-notice" not in page
