"""Helpers for the voting tests: placements, learners who vote, and page fetching."""

import pytest

from activities.voting.content import DEFAULT_STATEMENTS

KEYS = [s["key"] for s in DEFAULT_STATEMENTS]


def answers(choice="agree", reason="Omdat het zo is.", keys=KEYS, round_number=1):
    """Form fields answering the given statements with one choice and reason."""
    fields = {"round": str(round_number)}
    for key in keys:
        fields[f"choice_{key}"] = choice
        fields[f"reason_{key}"] = reason
    return fields


class Room:
    """One voting placement with its facilitator, and a way to add learners who vote."""

    def __init__(self, client, launches, settings=None, context=None):
        from activities.voting import VotingActivity

        self.client, self.launches = client, launches
        data = VotingActivity.default_settings()
        data.update(settings or {})
        self.instance = launches.instance("voting", settings=data, context=context)
        self.facilitator = launches.instructor(self.instance, locale="en")

    @property
    def url(self):
        return f"/voting/{self.instance.id}"

    def learner(self, locale="en", **kwargs):
        """A new learner's launch session in this placement."""
        return self.launches.launch(self.instance, locale=locale, **kwargs)

    def vote(self, handle, **fields):
        """POST votes as a learner; returns the response."""
        return self.client.post(f"{self.url}/votes", data=handle.form(**fields))

    def crowd(self, count, choice="agree", reason="Omdat het zo is.", keys=KEYS, round_number=1):
        """`count` new learners who each vote; returns their handles."""
        handles = []
        for _ in range(count):
            handle = self.learner()
            response = self.vote(handle, **answers(choice, reason, keys, round_number))
            assert response.status_code == 303, response.get_data(as_text=True)[:1500]
            handles.append(handle)
        return handles

    def page(self, handle):
        """The index page as this launch sees it (text)."""
        response = self.client.get(self.url, query_string=handle.params())
        assert response.status_code == 200, response.get_data(as_text=True)[:1500]
        return response.get_data(as_text=True)

    def control(self, action, round_number=None):
        """A facilitator action (open, close, reveal, hide, new_round)."""
        from activities.voting.service import state_for

        if round_number is None:
            round_number = state_for(self.instance).current_round
        return self.client.post(f"{self.url}/control",
                                data=self.facilitator.form(action=action, round=str(round_number)))


@pytest.fixture
def room(client, launches):
    """A voting placement with default settings (min group size 5) and a facilitator."""
    return Room(client, launches)


@pytest.fixture
def make_room(client, launches):
    """Build a placement with settings overrides."""
    return lambda **settings: Room(client, launches, settings=settings)
