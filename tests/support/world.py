"""A seeded world for route-wide tests: one placement of every activity with content, the people
who reach it, and the values each URL parameter of every route can take."""
from dataclasses import dataclass, field

from sqlalchemy import select

from activities import all_activities
from lti_tool.extensions import db
from lti_tool.launch import ADMIN, INSTRUCTOR
from lti_tool.models import Platform
from tests.activities.expectations.conftest import Network
from tests.activities.network.conftest import Course
from tests.activities.reflection.conftest import Room as ReflectionRoom
from tests.activities.voting.conftest import Room as VotingRoom


@dataclass
class Placement:
    """One placement with its facilitator, a learner who took part, and real ids for its routes."""

    instance: object
    facilitator: object
    learner: object
    params: dict = field(default_factory=dict)


class World:
    """Every activity placed once in one course, plus an unconfigured link and a deep-linking session."""

    def __init__(self, client, launches, settings=None):
        self.client, self.launches = client, launches
        self.settings = settings or {}  # {activity id: settings overrides}
        # Seeded when first asked for: a route test needs one activity's placement, not all five (~0.2 s).
        self._builders = {"expectations": self._expectations, "network": self._network,
                          "reflection": self._reflection, "voting": self._voting, "organisation": self._organisation}
        missing = {a.id for a in all_activities()} - set(self._builders)
        assert not missing, f"tests/support/world.py seeds no placement of {sorted(missing)}: add one"
        unconfigured = launches.instance(None, settings={}, title="Nog te kiezen")
        self._seeded = {"setup": Placement(unconfigured, launches.instructor(unconfigured),
                                           launches.launch(unconfigured), {"type_id": "voting"})}
        self.deep_linking = launches.launch(role=INSTRUCTOR, deep_linking=True)

    def placement(self, name):
        """One activity's placement ("setup": the unconfigured link), seeded the first time it is asked for."""
        if name not in self._seeded:
            self._seeded[name] = self._builders[name]()
        return self._seeded[name]

    @property
    def placements(self):
        """Every placement by activity id, all seeded."""
        for name in self._builders:
            self.placement(name)
        return self._seeded

    def _expectations(self):
        from activities.expectations.models import Card

        net = Network(self.client, self.launches, settings=self.settings.get("expectations"))
        learner = net.learner()
        cards = [net.card(learner, text=f"Kaart {n}") for n in range(3)]
        theme = net.theme_of(cards[:2])
        meeting = net.meeting()
        card = db.session.execute(select(Card).filter_by(id=cards[2].id)).scalar_one()
        return Placement(net.instance, net.facilitator, learner, {
            "cid": card.id, "tid": theme.id, "mid": meeting.id, "uid": learner.user.id, "column": card.column_key})

    def _network(self):
        # Included in the organisation view, so its learner page asks about it and the view has people to show.
        course = Course(self.client, self.launches,
                        settings={"organisation_view": True, **(self.settings.get("network") or {})})
        learner = course.learner()
        assert course.add(learner, "Jef").status_code == 303
        assert course.add(learner, "Mira").status_code == 303
        contact = course.drawing(learner).contacts[0]
        moment = course.drawing(learner).moment_key
        return Placement(course.instance, course.facilitator, learner, {
            "key": contact.key, "uid": learner.user.id, "moment_key": moment, "fmt": "graphml"})

    def _reflection(self):
        room = ReflectionRoom(self.client, self.launches, settings=self.settings.get("reflection"))
        learner = room.crowd(1)[0]
        return Placement(room.instance, room.facilitator, learner, {
            "part": "trust", "uid": learner.user.id})

    def _voting(self):
        from activities.voting.models import Proposal
        from lti_tool.present import view_token

        room = VotingRoom(self.client, self.launches, settings={"learner_statements": True,
                                                                 **(self.settings.get("voting") or {})})
        learner = room.crowd(1)[0]
        proposer = room.learner()
        room.client.post(f"{room.url}/proposals", data=proposer.form(text="Een stelling van een deelnemer."))
        proposal = db.session.execute(select(Proposal).filter_by(activity_instance_id=room.instance.id)).scalar()
        return Placement(room.instance, room.facilitator, learner, {
            "uid": learner.user.id, "token": view_token(room.instance, "en"), "pid": proposal.id})

    def _organisation(self):
        # The organisation view's "facilitator" is a named organisation admin; its learner must be refused.
        from activities.network.organisation import records

        self.placement("network")  # the course the view reads
        instance = self.launches.instance("organisation", title="Organisatie")
        learner, admin = self.launches.launch(instance), self.launches.launch(instance, role=ADMIN)
        records.add_admin(db.session.get(Platform, instance.platform_id), admin.user.sub)
        db.session.commit()
        return Placement(instance, admin, learner, {"name": "risks.csv", "kind": "skills", "uid": learner.user.id})

    def placement_for(self, rule):
        """The placement a route belongs to (by its blueprint; core routes use the voting placement)."""
        blueprint = rule.endpoint.split(".")[0]
        return self.placement(blueprint if blueprint in (*self._builders, "setup") else "voting")

    def url_values(self, rule):
        """Real values for every URL parameter of a route; KeyError names a parameter nobody fills."""
        placement = self.placement_for(rule)
        values = {}
        for name in rule.arguments:
            if name == "iid":
                values[name] = placement.instance.id
            elif name in placement.params:
                values[name] = placement.params[name]
            elif name == "type_id":
                values[name] = "voting"
            else:
                raise KeyError(f"{rule.rule}: no value for <{name}>; add one to tests/support/world.py")
        return values
