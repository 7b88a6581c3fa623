"""The deep linking return: only a correctly signed, addressed and echoed response adds an activity."""
import time
import uuid

import pytest

from demo_lms import people
from tests.demo_lms.conftest import auth_query
from tests.support.platform import foreign_key

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"


@pytest.fixture
def dl_request(lms):
    """The claims of a real LtiDeepLinkingRequest the LMS sent the facilitator."""
    id_token, _ = lms.authorize(auth_query(lms.login_params("facilitator", deep_linking=True)), "facilitator")
    return lms.decode(id_token, verify=True)


def item(**overrides):
    """An ltiResourceLink content item as the tool sends it."""
    doc = {"type": "ltiResourceLink", "title": "Stellingen over samenwerking", "text": "Stem en bespreek.",
           "url": "http://tool.test/lti/launch", "custom": {"leernetwerk_ref": "ref-1"},
           "lineItem": {"label": "Stellingen", "scoreMaximum": 1, "resourceId": "ref-1", "tag": "leernetwerk-voting"}}
    doc.update(overrides)
    return {k: v for k, v in doc.items() if v is not None}


def response_claims(request_claims, items=None, **overrides):
    """The LtiDeepLinkingResponse claims answering a request (None removes a claim)."""
    now = int(time.time())
    claims = {
        "iss": "leernetwerk-demo", "aud": request_claims["iss"], "iat": now, "exp": now + 300,
        "nonce": uuid.uuid4().hex, LTI + "message_type": "LtiDeepLinkingResponse", LTI + "version": "1.3.0",
        LTI + "deployment_id": request_claims[LTI + "deployment_id"],
        DL + "data": request_claims[DL + "deep_linking_settings"]["data"],
        DL + "content_items": [item()] if items is None else items, **overrides}
    return {k: v for k, v in claims.items() if v is not None}


def test_signed_response_creates_the_link_and_its_lineitem(lms, fake_tool, dl_request):
    response = lms.deep_link_return(fake_tool.sign(response_claims(dl_request)))
    assert response.status_code == 200, response.get_data(as_text=True)
    [link] = lms.links()
    assert (link["title"], link["text"], link["url"]) == (
        "Stellingen over samenwerking", "Stem en bespreek.", "http://tool.test/lti/launch")
    assert link["custom"] == {"leernetwerk_ref": "ref-1"}
    line = lms.lineitem_for(link["id"])
    assert (line["label"], line["score_maximum"], line["resource_id"], line["tag"]) == (
        "Stellingen", 1.0, "ref-1", "leernetwerk-voting")
    html = response.get_data(as_text=True)
    assert f'href="/course?id={people.COURSE_ID}&amp;added={link["id"]}"' in html and 'target="_top"' in html
    assert "/static/js/break_out.js" in html
    course = lms.lms_client("facilitator").get(f"/course?added={link['id']}").get_data(as_text=True)
    assert 'id="activity-added"' in course and f'id="activity-{link["id"]}"' in course


def test_item_without_lineitem_is_an_ungraded_link(lms, fake_tool, dl_request):
    claims = response_claims(dl_request, items=[item(lineItem=None)])
    assert lms.deep_link_return(fake_tool.sign(claims)).status_code == 200
    assert len(lms.links()) == 1 and lms.lineitems() == []


def test_empty_response_adds_nothing(lms, fake_tool, dl_request):
    response = lms.deep_link_return(fake_tool.sign(response_claims(dl_request, items=[])))
    assert response.status_code == 200 and lms.links() == []
    assert "cancelled=1" in response.get_data(as_text=True)


def test_response_data_can_be_used_once(lms, fake_tool, dl_request):
    assert lms.deep_link_return(fake_tool.sign(response_claims(dl_request))).status_code == 200
    assert lms.deep_link_return(fake_tool.sign(response_claims(dl_request))).status_code == 400
    assert len(lms.links()) == 1


def test_unsigned_and_forged_responses_are_refused(lms, fake_tool, dl_request):
    claims = response_claims(dl_request)
    forged = [
        "", "garbage", "a.b.c",
        lms.sign(claims, headers={"kid": fake_tool.kid}, algorithm="none"),
        lms.sign(claims, headers={"kid": fake_tool.kid}, algorithm="HS256", key=b"secret"),
        fake_tool.sign(claims, key=foreign_key()),
        fake_tool.sign(claims, key=foreign_key(), kid="unknown-kid"),
        lms.sign(claims),  # signed by the platform's own key, not the tool's
        fake_tool.sign(claims)[:-4] + "AAAA",
    ]
    for token in forged:
        response = lms.deep_link_return(token)
        assert response.status_code == 400, token
        assert "refused" in response.get_data(as_text=True) or "no JWT" in response.get_data(as_text=True)
    assert lms.links() == []


@pytest.mark.parametrize("overrides", [
    {"aud": "http://other-lms.test"},
    {"aud": None},
    {"iss": "someone-else"},
    {"nonce": None},
    {"exp": int(time.time()) - 600, "iat": int(time.time()) - 900},
    {LTI + "message_type": "LtiResourceLinkRequest"},
    {LTI + "version": "1.1"},
    {LTI + "deployment_id": "other-deployment"},
    {DL + "data": None},
    {DL + "data": "not-what-we-sent"},
])
def test_misaddressed_or_incomplete_responses_are_refused(lms, fake_tool, dl_request, overrides):
    response = lms.deep_link_return(fake_tool.sign(response_claims(dl_request, **overrides)))
    assert response.status_code == 400
    assert lms.links() == []


@pytest.mark.parametrize("items", [
    [item(), item(title="Tweede")],
    [item(type="html")],
    [item(url="http://evil.test/launch")],
    [item(lineItem={"scoreMaximum": 0})],
    [item(lineItem={"scoreMaximum": "1"})],
    [item(custom={"nested": {"a": 1}})],
    [{"title": "no type"}],
])
def test_unacceptable_items_are_refused(lms, fake_tool, dl_request, items):
    response = lms.deep_link_return(fake_tool.sign(response_claims(dl_request, items=items)))
    assert response.status_code == 400
    assert lms.links() == []
