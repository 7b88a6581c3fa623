"""The route-wide seeded world, moved through the stages a course goes through, so every state of a page shows."""
from sqlalchemy import select

from lti_tool.extensions import db
from lti_tool.models.outbox import FAILED, SENT, ScoreOutbox
from tests.activities.expectations.conftest import Network
from tests.activities.network.conftest import Course
from tests.activities.reflection.conftest import Room as ReflectionRoom
from tests.activities.reflection.conftest import trust
from tests.activities.voting.conftest import Room as VotingRoom
from tests.activities.voting.conftest import answers
from tests.support.world import World

CROWD = 5  # the default minimum group size: aggregates show from here on


def _helper(cls, world, key):
    """A test helper bound to the world's existing placement (not a new one)."""
    placement = world.placements[key]
    helper = cls.__new__(cls)
    helper.client, helper.launches = world.client, world.launches
    helper.instance, helper.facilitator = placement.instance, placement.facilitator
    return helper


class RicherWorld(World):
    """World whose activities can be moved on: results shown, rounds and moments opened, evaluations done."""

    STAGES = ("start", "results", "later")

    def __init__(self, client, launches, settings=None):
        super().__init__(client, launches, settings)
        self.voting = _helper(VotingRoom, self, "voting")
        self.reflection = _helper(ReflectionRoom, self, "reflection")
        self.expectations = _helper(Network, self, "expectations")
        self.network = _helper(Course, self, "network")

    def advance(self, stage):
        """Bring every activity to a stage: 'results' (a crowd answered, results open) or 'later'."""
        getattr(self, f"_{stage}")()

    def _start(self):
        """The world as seeded: one learner each, aggregates still hidden."""

    def _results(self):
        self.voters = self.voting.crowd(CROWD)
        assert self.voting.control("reveal").status_code == 303
        for given in (6, 7, 8, 8, 9):  # with the seeded learner's 7: a median of 7.5 to format
            self.reflection.answer(self.reflection.learner(), trust=trust(given=given, received=given - 2))
        assert self.reflection.control("reveal").status_code == 303
        net = self.expectations
        self.people = people = [net.learner() for _ in range(CROWD)]
        cards = [net.card(p, text=f"Kaart van {n}") for n, p in enumerate(people)]
        theme = net.theme_of(cards[:3], name="Thema samen")
        assert net.control("open_voting").status_code == 303
        for person in people:
            net.vote(person, {theme: 2})
        self.goals = goals = net.goals([theme])
        self.upcoming = net.meeting(days_ago=-7, topic="Later overleg")
        meeting = self.placements["expectations"].params["mid"]
        for person in people:
            net.evaluate(person, type("M", (), {"id": meeting}), goals=goals)
        course, learner = self.network, self.placements["network"].learner
        others = [course.learner() for _ in range(CROWD)]
        for n, person in enumerate(others):
            course.add(person, f"Contact {n}", location="customer", ring="2", relations=["asked", "gave"])
            course.post(person, "/contacts/members", members=[learner.user.sub])
            course.post(person, "/knowledge", offer_tags="wondzorg, planning", need_tags="wound care",
                        suggest_consent="y")
        course.post(learner, "/knowledge", offer_tags="planning", need_tags="excel", suggest_consent="y")
        self._grades()

    def _later(self):
        assert self.voting.control("close").status_code == 303
        assert self.voting.control("new_round").status_code == 303
        # Enough people in both rounds for the opinion shift; one changed their mind.
        learner = self.placements["voting"].learner
        self.voting.vote(learner, **answers("disagree", round_number=2))
        for voter in self.voters:
            self.voting.vote(voter, **answers("agree", round_number=2))
        net = self.expectations
        assert net.control("close_voting").status_code == 303
        assert net.control("open_closing").status_code == 303
        for person in self.people:
            net.close_evaluation(person, goals=self.goals)
        course = self.network
        assert course.open_moment().status_code == 303
        course.client.post(course.url + "/start", data=self.placements["network"].learner.form(mode="copy"))

    def _grades(self):
        """Some scores sent and some refused, so grade badges show every state."""
        rows = db.session.execute(select(ScoreOutbox).order_by(ScoreOutbox.id)).scalars().all()
        for n, row in enumerate(rows):
            if n % 3 == 1:
                row.status, row.attempts, row.last_status, row.last_error = FAILED, 3, 400, "refused"
            elif n % 3 == 2:
                row.status = SENT
        db.session.commit()
