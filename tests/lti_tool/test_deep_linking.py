"""Deep linking: the picker, the settings form and the signed response to the LMS."""
import re

import jwt
import pytest
from jwt.algorithms import RSAAlgorithm

from lti_tool import keys
from lti_tool.launch import LEARNER
from lti_tool.models import ActivityInstance

DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
LTI = "https://purl.imsglobal.org/spec/lti/claim/"


@pytest.fixture
def designer(launches):
    return launches.launch(role="instructor", deep_linking=True, locale="en")


def _decode_response(html):
    token = re.search(r'name="JWT" value="([^"]+)"', html).group(1)
    header = jwt.get_unverified_header(token)
    jwk = next(k for k in keys.jwks()["keys"] if k["kid"] == header["kid"])
    return jwt.decode(token, RSAAlgorithm.from_jwk(jwk), algorithms=["RS256"], audience="https://lms.test")


def test_picker_lists_registered_activities(client, designer):
    response = client.get("/lti/deep-linking/", query_string=designer.params())
    assert response.status_code == 200
    assert b"Statement voting" in response.data


def test_learner_cannot_use_deep_linking_pages(client, launches):
    learner = launches.launch(role=LEARNER, deep_linking=True)
    assert client.get("/lti/deep-linking/", query_string=learner.params()).status_code == 403


def test_settings_form_shows_defaults(client, designer):
    response = client.get("/lti/deep-linking/voting", query_string=designer.params())
    assert response.status_code == 200
    assert b'name="title"' in response.data


def test_invalid_settings_are_refused_with_the_form(client, designer):
    response = client.post("/lti/deep-linking/voting", data=designer.form(title=""))
    assert response.status_code == 400
    assert b"error-summary" in response.data


def test_response_is_a_signed_deep_linking_response(client, designer, db):
    form = client.get("/lti/deep-linking/voting", query_string=designer.params()).get_data(as_text=True)
    fields = _form_fields(form)
    fields.update(designer.form(title="Stellingen over kennis delen"))
    response = client.post("/lti/deep-linking/voting", data=fields)
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    html = response.get_data(as_text=True)
    assert 'action="https://lms.test/deep-link-return"' in html
    claims = _decode_response(html)
    assert claims["iss"] == "client-1"
    assert claims[LTI + "message_type"] == "LtiDeepLinkingResponse"
    assert claims[LTI + "version"] == "1.3.0"
    assert claims[LTI + "deployment_id"] == "dep-1"
    (item,) = claims[DL + "content_items"]
    assert item["type"] == "ltiResourceLink"
    assert item["title"] == "Stellingen over kennis delen"
    assert item["url"] == "http://tool.test/lti/launch"
    ref = item["custom"]["leernetwerk_ref"]
    assert item["lineItem"]["label"] == "Stellingen over kennis delen"
    assert item["lineItem"]["scoreMaximum"] == 1.0
    assert item["lineItem"]["tag"] == "leernetwerk-voting"
    instance = ActivityInstance.query.filter_by(ref=ref).one()
    assert instance.activity_type == "voting" and instance.resource_link_id is None
    assert instance.settings


def _form_fields(html):
    """The current values of the text inputs, selects and checked boxes of a rendered form."""
    fields = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html):
        fields.setdefault(name, value)
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        fields[name] = body.strip()
    return fields


def test_an_administrator_adds_the_organisation_view_without_a_gradebook_column(client, launches, db):
    admin = launches.launch(role="admin", deep_linking=True, locale="en")
    form = client.get("/lti/deep-linking/organisation", query_string=admin.params()).get_data(as_text=True)
    fields = _form_fields(form)
    fields.update(admin.form(title="Kennis in de organisatie"))
    response = client.post("/lti/deep-linking/organisation", data=fields)
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    (item,) = _decode_response(response.get_data(as_text=True))[DL + "content_items"]
    assert item["title"] == "Kennis in de organisatie" and "lineItem" not in item
    instance = ActivityInstance.query.filter_by(ref=item["custom"]["leernetwerk_ref"]).one()
    assert instance.activity_type == "organisation" and instance.settings == {"horizon_years": 5, "min_group_size": 5}
