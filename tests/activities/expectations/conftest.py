"""Helpers for the expectations tests: a placement with its facilitator, participants and page fetching."""
import html as html_lib
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from lti_tool.extensions import db
from lti_tool.models.base import utcnow

_FORM = re.compile(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', re.S)


def actions_on(page):
    """The (unescaped) action URLs of every POST form on a page."""
    return [html_lib.unescape(action) for action, _body in _FORM.findall(page)]


class Network:
    """One expectations placement: its facilitator, and helpers to act as participants."""

    def __init__(self, client, launches, settings=None, context=None):
        from activities.expectations import ExpectationsActivity

        self.client, self.launches = client, launches
        data = ExpectationsActivity.default_settings()
        data.update(settings or {})
        self.instance = launches.instance("expectations", settings=data, context=context, title="Lerend netwerk")
        self.facilitator = launches.instructor(self.instance, locale="en")

    @property
    def url(self):
        return f"/expectations/{self.instance.id}"

    def learner(self, locale="en", **kwargs):
        """A new participant's launch session in this placement."""
        return self.launches.launch(self.instance, locale=locale, **kwargs)

    def post(self, handle, path="", **fields):
        """POST to a path of this placement as a launch; returns the response."""
        return self.client.post(self.url + path, data=handle.form(**fields))

    def get(self, handle, path="", **params):
        """GET a path of this placement as a launch; returns the response."""
        return self.client.get(self.url + path, query_string=handle.params(**params))

    def page(self, handle, path=""):
        """A page's text, asserting it answered 200."""
        response = self.get(handle, path)
        assert response.status_code == 200, response.get_data(as_text=True)[:2000]
        return response.get_data(as_text=True)

    def card(self, handle, text="Leren van elkaars praktijk", column="learn"):
        """Post a card as a participant; returns the new Card."""
        from activities.expectations.models import Card

        response = self.post(handle, "/cards", column=column, text=text)
        assert response.status_code == 303, response.get_data(as_text=True)[:2000]
        db.session.expire_all()
        return db.session.execute(select(Card).filter_by(user_id=handle.user.id).order_by(Card.id.desc())).scalars().first()

    def control(self, action):
        """A facilitator phase action."""
        return self.post(self.facilitator, "/control", action=action)

    def cluster(self, op, cards, **fields):
        """A facilitator action on selected cards."""
        data = self.facilitator.form(op=op, **fields)
        data["card"] = [str(c.id if hasattr(c, "id") else c) for c in cards]
        return self.client.post(self.url + "/cluster", data=data)

    def theme_of(self, cards, name="Thema"):
        """Group cards into a theme as the facilitator; returns the Theme."""
        from activities.expectations.models import Theme

        response = self.cluster("group", cards, name=name)
        assert response.status_code == 303, response.get_data(as_text=True)[:2000]
        db.session.expire_all()
        return db.session.execute(select(Theme).filter_by(activity_instance_id=self.instance.id, name=name)
                                  .order_by(Theme.id.desc())).scalars().first()

    def vote(self, handle, allocation):
        """Spend dots as a participant: {theme: count}."""
        fields = {f"dots_{getattr(t, 'id', t)}": str(n) for t, n in allocation.items()}
        return self.post(handle, "/dots", **fields)

    def goals(self, themes):
        """Confirm themes as learning goals; returns the goals."""
        from activities.expectations.goals import goals_of

        data = self.facilitator.form(op="confirm")
        data["theme"] = [str(t.id) for t in themes]
        response = self.client.post(self.url + "/goals", data=data)
        assert response.status_code == 303, response.get_data(as_text=True)[:2000]
        db.session.expire_all()
        return goals_of(self.instance)

    def meeting(self, days_ago=1, topic="Casusbespreking"):
        """Add a meeting as the facilitator; returns it."""
        from activities.expectations.models import Meeting

        held_on = (utcnow() - timedelta(days=days_ago)).date()
        response = self.post(self.facilitator, "/meetings", held_on=held_on.isoformat(), topic=topic)
        assert response.status_code == 303, response.get_data(as_text=True)[:2000]
        return db.session.execute(select(Meeting).filter_by(activity_instance_id=self.instance.id, topic=topic)
                                  ).scalars().first()

    def evaluate(self, handle, meeting, goals=(), usefulness="4", progress="yes", **fields):
        """Evaluate a meeting as a participant; returns the response."""
        data = dict(usefulness=usefulness, went_well="Goede sfeer", could_be_better="Meer tijd")
        data.update({f"progress_{g.id}": progress for g in goals})
        data.update(fields)
        return self.post(handle, f"/meetings/{meeting.id}", **data)

    def close_evaluation(self, handle, goals=(), verdict="met", **fields):
        """Fill in the closing evaluation as a participant; returns the response."""
        data = dict(aftercare="sessions", worked="Casussen", worked_less="Lange lezingen",
                    suggestions="Meer uitwisseling", form_exchange="worked")
        data.update({f"verdict_{g.id}": verdict for g in goals})
        data.update(fields)
        return self.post(handle, "/closing", **data)


@pytest.fixture
def network(client, launches):
    """A placement with default settings (minimum group size 5, 3 dots) and a facilitator."""
    return Network(client, launches)


@pytest.fixture
def make_network(client, launches):
    """Build a placement with settings overrides."""
    return lambda context=None, **settings: Network(client, launches, settings=settings, context=context)
