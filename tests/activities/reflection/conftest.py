"""Helpers for the reflection tests: placements, learners who answer parts, and page fetching."""

import pytest

from activities.reflection.content import AUDIENCE_KEYS, DEFAULT_GROUPS

GROUP_KEYS = [g["key"] for g in DEFAULT_GROUPS]
PARTS = ("situations", "factors", "trust", "sharing", "action")


def situations(what="We deelden een werkwijze.", with_whom="team", knowledge="Een procedure", shared=False,
               hard_what="Niemand wist wie het wist.", hard_with="departments"):
    """Fields for both situations."""
    fields = {"easy_what": what, "easy_with": with_whom, "easy_knowledge": knowledge,
              "hard_what": hard_what, "hard_with": hard_with, "hard_knowledge": "Klantgegevens"}
    if shared:
        fields.update(easy_shared="y", hard_shared="y")
    return fields


def factors(brake_tags=("time",), engine_tags=("trust",), brake_text="Geen tijd.", engine_text="Een collega die hielp.",
            shared=False, brake_own="", engine_own=""):
    """Fields for hinders and drivers."""
    fields = {"brake_text": brake_text, "brake_tags": list(brake_tags), "brake_own": brake_own,
              "engine_text": engine_text, "engine_tags": list(engine_tags), "engine_own": engine_own}
    if shared:
        fields.update(brake_shared="y", engine_shared="y")
    return fields


def trust(given=7, received=5, why="Omdat het zo is.", keys=GROUP_KEYS, shared=False, scores=None):
    """Fields scoring every group (or `scores`: {key: (given, received)})."""
    fields = {}
    for key in keys:
        g, r = (scores or {}).get(key, (given, received))
        fields.update({f"given_{key}": str(g), f"received_{key}": str(r), f"why_{key}": why})
        if shared:
            fields[f"shared_{key}"] = "y"
    return fields


def sharing(would="Werkwijzen", would_not="Prijzen", why="Vertrouwelijk", shared=False):
    """Fields for every audience."""
    fields = {}
    for key in AUDIENCE_KEYS:
        fields.update({f"would_{key}": would, f"wouldnot_{key}": would_not, f"why_{key}": why})
        if shared:
            fields[f"shared_{key}"] = "y"
    return fields


def action(text="Elke week iemand van een andere afdeling iets vragen.", shared=False):
    """Fields for the action."""
    return {"action_text": text, **({"action_shared": "y"} if shared else {})}


ANSWERS = {"situations": situations, "factors": factors, "trust": trust, "sharing": sharing, "action": action}

class Room:
    """One reflection placement with its facilitator, and a way to add learners who answer."""

    def __init__(self, client, launches, settings=None, context=None):
        from activities.reflection import ReflectionActivity

        self.client, self.launches = client, launches
        data = ReflectionActivity.default_settings()
        data.update(settings or {})
        self.instance = launches.instance("reflection", settings=data, context=context, title="Remmers en motoren")
        self.facilitator = launches.instructor(self.instance, locale="en")

    @property
    def url(self):
        return f"/reflection/{self.instance.id}"

    def learner(self, locale="en", **kwargs):
        """A new learner's launch session in this placement."""
        return self.launches.launch(self.instance, locale=locale, **kwargs)

    def save(self, handle, part, **fields):
        """POST one part as this launch; returns the response."""
        return self.client.post(f"{self.url}/parts/{part}", data=handle.form(**fields))

    def answer(self, handle, parts=PARTS, **overrides):
        """Save the given parts with sample answers (overrides: {part: fields})."""
        for part in parts:
            fields = overrides.get(part) or ANSWERS[part]()
            response = self.save(handle, part, **fields)
            assert response.status_code == 303, response.get_data(as_text=True)[:2000]

    def crowd(self, count, parts=PARTS, **overrides):
        """`count` new learners who each answer; returns their handles."""
        handles = []
        for _ in range(count):
            handle = self.learner()
            self.answer(handle, parts, **overrides)
            handles.append(handle)
        return handles

    def get(self, handle, path="", **params):
        """GET a page of this placement as this launch."""
        return self.client.get(self.url + path, query_string=handle.params(**params))

    def page(self, handle, path=""):
        """A page's text as this launch sees it (must be 200)."""
        response = self.get(handle, path)
        assert response.status_code == 200, response.get_data(as_text=True)[:2000]
        return response.get_data(as_text=True)

    def board(self, handle):
        """The board page's text."""
        return self.page(handle, "/board")

    def control(self, action):
        """Reveal or hide the board as the facilitator."""
        return self.client.post(f"{self.url}/control", data=self.facilitator.form(action=action))

    def themes(self, action, themes, label=""):
        """A theme edit as the facilitator."""
        return self.client.post(f"{self.url}/themes", data=self.facilitator.form(action=action, theme=themes,
                                                                                  label=label))


@pytest.fixture
def room(client, launches):
    """A reflection placement with default settings (min group size 5) and a facilitator."""
    return Room(client, launches)


@pytest.fixture
def make_room(client, launches):
    """Build a placement with settings overrides."""
    return lambda **settings: Room(client, launches, settings=settings)
