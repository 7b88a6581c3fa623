"""Helpers for the network drawing tests: a placement, learners with launches, forms that carry the version."""
import html as html_lib
import re

import pytest

_VERSION = re.compile(r'name="version" value="(\d+)"')


def version_on(page):
    """The drawing version a page's forms send back."""
    found = _VERSION.search(page)
    assert found, "no version field on the page"
    return found.group(1)


def text(response):
    """A response body as text, entities unescaped (for assertions on translated strings)."""
    return html_lib.unescape(response.get_data(as_text=True))


class Course:
    """One network placement with its facilitator; learners are added on demand."""

    def __init__(self, client, launches, settings=None):
        from activities.network import NetworkActivity

        self.client, self.launches = client, launches
        data = NetworkActivity.default_settings()
        data.update(settings or {})
        self.instance = launches.instance("network", settings=data, title="Netwerktekening")
        self.facilitator = launches.instructor(self.instance, locale="en")

    @property
    def url(self):
        return f"/network/{self.instance.id}"

    def learner(self, locale="en", **kwargs):
        """A new learner's launch session."""
        return self.launches.launch(self.instance, locale=locale, **kwargs)

    def get(self, handle, path="", **params):
        """GET a page of the activity as this launch."""
        return self.client.get(self.url + path, query_string=handle.params(**params))

    def page(self, handle, path="", **params):
        """A page's text (asserting 200)."""
        response = self.get(handle, path, **params)
        assert response.status_code == 200, response.get_data(as_text=True)[:2000]
        return text(response)

    def version(self, handle):
        """The learner's current drawing version (from the contacts page)."""
        return version_on(self.page(handle, "/contacts"))

    def post(self, handle, path, version=None, **fields):
        """POST a form as this launch, with the current version unless given."""
        if version is None:
            version = self.version(handle)
        moment = fields.pop("moment", None)
        data = handle.form(version=str(version), **fields)
        if moment:
            data["moment"] = moment
        return self.client.post(self.url + path, data=data)

    def add(self, handle, label, location="my_team", ring="1", relations=("asked",), **fields):
        """Add a contact by hand; returns the response."""
        return self.post(handle, "/contacts", label=label, location=location, ring=ring,
                         relations=list(relations), **fields)

    def json(self, handle, path, body, **headers):
        """POST JSON as the drawing script does (launch token and CSRF header)."""
        return self.client.post(self.url + path, json=body, headers={
            "X-CSRF-Token": handle.csrf, "X-Launch-Token": handle.token, **headers})

    def drawing(self, handle, moment=None):
        """The learner's Drawing row at a moment (default: the open one)."""
        from activities.network import moments, service
        from activities.network import settings as network_settings

        config = network_settings.load(self.instance.settings)
        return service.drawing_of(self.instance, handle.user.id, moment or moments.current_key(self.instance, config))

    def open_moment(self, key="end", current="start", confirm="1"):
        """The facilitator opens a moment (confirming, as the page asks)."""
        return self.client.post(self.url + "/moments", data=self.facilitator.form(moment=key, current=current,
                                                                                 confirm=confirm))


@pytest.fixture
def course(client, launches):
    """A network placement with default settings and a facilitator."""
    return Course(client, launches)


@pytest.fixture
def make_course(client, launches):
    """Build a placement with settings overrides."""
    return lambda **settings: Course(client, launches, settings=settings)


@pytest.fixture
def org(launches):
    """Three courses of one LMS (two in the organisation view, one not) and the view: (platform, people, view)."""
    from tests.activities.network.org_world import build_org

    return build_org(launches)
