"""Authorisation as a table: every route of app.url_map × eight kinds of caller, with what each gets.

A route missing from ACCESS fails the test: a new route must state who may use it.
"""
import time

import pytest

from lti_tool import create_app
from lti_tool.launch import INSTRUCTOR, LEARNER
from lti_tool.session import _cipher
from tests.support.world import World

PUBLIC, PARTICIPANT, FACILITATOR, LEARNER_ONLY, OWN_CARD, DRAWING_JSON, DEEP_LINKING = (
    "public", "participant", "facilitator", "learner_only", "own_card", "drawing_json", "deep_linking")
REACH = "reach"  # past authorisation: anything but 401/403 (and never a 5xx)
# What each caller gets, per kind of route.
EXPECTED = {
    PARTICIPANT: {"learner": REACH, "facilitator": REACH},
    FACILITATOR: {"learner": 403, "facilitator": REACH},
    # Learners' own pages and saves; a facilitator has no drawing or answers of their own.
    LEARNER_ONLY: {"learner": REACH, "facilitator": 403},
    # Withdrawing a card: only its author finds it.
    OWN_CARD: {"learner": REACH, "facilitator": (403, 404)},
    # The drawing's JSON saves check the body before the role; either way nothing is written.
    DRAWING_JSON: {"learner": REACH, "facilitator": (400, 403)},
    DEEP_LINKING: {"learner": 403, "facilitator": REACH},
}
OUTSIDERS = ("other course's facilitator", "other platform", "no session", "forged token", "expired token",
             "other-link token")
ACCESS = {
    ("jwks", "GET"): PUBLIC, ("health", "GET"): PUBLIC, ("static", "GET"): PUBLIC,
    ("lti_login.login", "GET"): PUBLIC, ("lti_login.login", "POST"): PUBLIC,
    ("lti_launch.launch", "POST"): PUBLIC, ("lti_launch.verify", "POST"): PUBLIC,
    ("lti_launch.launch_address", "GET"): PUBLIC, ("lti_login.probe", "GET"): PUBLIC,
    ("dynamic_registration.register", "GET"): PUBLIC,
    ("deep_linking.picker", "GET"): DEEP_LINKING, ("deep_linking.configure", "GET"): DEEP_LINKING,
    ("deep_linking.configure", "POST"): DEEP_LINKING,
    ("setup.index", "GET"): PARTICIPANT, ("setup.configure", "GET"): FACILITATOR,
    ("setup.configure", "POST"): FACILITATOR, ("grades.send_again", "POST"): FACILITATOR,
    ("present.open_view", "POST"): FACILITATOR, ("present.end", "POST"): FACILITATOR,
    # The wall: its signed link is the credential, and its control needs the facilitator's key
    # (tests/lti_tool/test_present.py checks both).
    ("present.show", "GET"): PUBLIC, ("present.live_region", "GET"): PUBLIC, ("present.control", "POST"): PUBLIC,
    # expectations
    ("expectations.index", "GET"): PARTICIPANT, ("expectations.live", "GET"): PARTICIPANT,
    ("expectations.post_card", "POST"): LEARNER_ONLY, ("expectations.withdraw", "POST"): OWN_CARD,
    ("expectations.vote", "POST"): LEARNER_ONLY, ("expectations.my_data", "GET"): PARTICIPANT,
    ("expectations.closing_page", "GET"): PARTICIPANT, ("expectations.closing_page", "POST"): LEARNER_ONLY,
    ("expectations.meetings_page", "GET"): PARTICIPANT, ("expectations.meeting", "GET"): PARTICIPANT,
    ("expectations.meeting", "POST"): LEARNER_ONLY,
    ("expectations.moderate", "POST"): FACILITATOR, ("expectations.charter", "POST"): FACILITATOR,
    ("expectations.cluster", "POST"): FACILITATOR, ("expectations.singletons", "POST"): FACILITATOR,
    ("expectations.control", "POST"): FACILITATOR, ("expectations.export_all", "GET"): FACILITATOR,
    ("expectations.learning_goals", "POST"): FACILITATOR, ("expectations.add_meeting", "POST"): FACILITATOR,
    ("expectations.edit_meeting", "POST"): FACILITATOR, ("expectations.participants", "GET"): FACILITATOR,
    ("expectations.erase_learner", "GET"): FACILITATOR, ("expectations.erase_learner", "POST"): FACILITATOR,
    ("expectations.export_learner", "GET"): FACILITATOR, ("expectations.report_page", "GET"): FACILITATOR,
    ("expectations.report_csv", "GET"): FACILITATOR, ("expectations.theme", "POST"): FACILITATOR,
    # organisation view: its "facilitator" in the seeded world is an LMS administrator; learners are refused
    ("organisation.index", "GET"): FACILITATOR, ("organisation.export", "GET"): FACILITATOR,
    ("organisation.import_file", "POST"): FACILITATOR, ("organisation.recompute", "POST"): FACILITATOR,
    ("organisation.progress", "GET"): FACILITATOR, ("organisation.report", "GET"): FACILITATOR,
    # network
    ("network.index", "GET"): PARTICIPANT, ("network.live", "GET"): PARTICIPANT,
    ("network.organisation_choice", "POST"): LEARNER_ONLY,
    ("network.change_view", "GET"): LEARNER_ONLY,
    ("network.contacts_page", "GET"): LEARNER_ONLY, ("network.add_contact", "POST"): LEARNER_ONLY,
    ("network.contact_page", "GET"): LEARNER_ONLY, ("network.save_contact", "POST"): LEARNER_ONLY,
    ("network.delete_contact", "POST"): LEARNER_ONLY, ("network.save_list", "POST"): LEARNER_ONLY,
    ("network.add_members", "POST"): LEARNER_ONLY, ("network.course", "GET"): FACILITATOR,
    ("network.drawing", "GET"): LEARNER_ONLY, ("network.save_positions", "POST"): DRAWING_JSON,
    ("network.drawing_state", "GET"): LEARNER_ONLY, ("network.save_tie", "POST"): DRAWING_JSON,
    ("network.export", "GET"): FACILITATOR, ("network.insights", "GET"): LEARNER_ONLY,
    ("network.knowledge", "GET"): LEARNER_ONLY, ("network.knowledge", "POST"): LEARNER_ONLY,
    ("network.matches", "GET"): FACILITATOR, ("network.open_moment", "POST"): FACILITATOR,
    ("network.erase_learner", "GET"): FACILITATOR, ("network.erase_learner", "POST"): FACILITATOR,
    ("network.reflection", "GET"): LEARNER_ONLY, ("network.reflection", "POST"): LEARNER_ONLY,
    ("network.start", "POST"): LEARNER_ONLY, ("network.tag_link", "POST"): FACILITATOR,
    ("network.questions_page", "GET"): LEARNER_ONLY, ("network.save_questions", "POST"): LEARNER_ONLY,
    ("network.add_people", "POST"): LEARNER_ONLY, ("network.participants", "GET"): FACILITATOR,
    ("network.export_learner", "GET"): FACILITATOR,
    # reflection
    ("reflection.index", "GET"): PARTICIPANT, ("reflection.board", "GET"): PARTICIPANT,
    ("reflection.control", "POST"): FACILITATOR, ("reflection.export_aggregate", "GET"): FACILITATOR,
    ("reflection.export_answers", "GET"): FACILITATOR, ("reflection.erase_learner", "GET"): FACILITATOR,
    ("reflection.erase_learner", "POST"): FACILITATOR, ("reflection.part", "GET"): PARTICIPANT,
    ("reflection.part", "POST"): LEARNER_ONLY, ("reflection.quotes", "POST"): FACILITATOR,
    ("reflection.board_live", "GET"): PARTICIPANT, ("reflection.live", "GET"): PARTICIPANT,
    ("reflection.themes", "POST"): FACILITATOR, ("reflection.participants", "GET"): FACILITATOR,
    ("reflection.export_learner", "GET"): FACILITATOR,
    # voting
    ("voting.index", "GET"): PARTICIPANT, ("voting.live", "GET"): PARTICIPANT,
    ("voting.control", "POST"): FACILITATOR,
    ("voting.export", "GET"): FACILITATOR, ("voting.erase_learner", "GET"): FACILITATOR,
    ("voting.erase_learner", "POST"): FACILITATOR, ("voting.vote", "POST"): LEARNER_ONLY,
    ("voting.participants", "GET"): FACILITATOR, ("voting.export_learner", "GET"): FACILITATOR,
    ("voting.propose", "POST"): LEARNER_ONLY, ("voting.moderate", "POST"): FACILITATOR,
}
APP = create_app({"CONFIG_NAME": "testing"})
ROUTES = sorted(((rule.endpoint, method, rule) for rule in APP.url_map.iter_rules()
                 for method in rule.methods - {"HEAD", "OPTIONS"}), key=lambda r: (r[0], r[1]))


def test_every_route_has_an_entry():
    missing = sorted({(endpoint, method) for endpoint, method, _rule in ROUTES} - set(ACCESS))
    assert not missing, f"add these routes to ACCESS in {__name__}: {missing}"


class Callers:
    """The eight kinds of caller, as tokens (None: no session at all)."""

    def __init__(self, world, launches, placement):
        other_course = launches.context(context_id="course-2", title="Andere cursus")
        foreign = launches.platform(issuer="https://other-lms.test", client_id="client-2")
        sibling = launches.instance("voting", context=launches.context())
        self.handles = {
            "learner": placement.learner, "facilitator": placement.facilitator,
            "other course's facilitator": launches.instructor(launches.instance("voting", context=other_course)),
            "other platform": launches.instructor(launches.instance("voting", context=launches.context(foreign))),
            "other-link token": launches.launch(sibling),
        }
        self.world = world
        self.launches = launches

    def token_and_csrf(self, name, deep_linking):
        """(launch token, CSRF token) a caller sends."""
        if name == "no session":
            return None, None
        if name == "forged token":
            return "gAAAAABforgedforgedforged", "0" * 64
        handle = self.handles.get(name)
        if deep_linking and name in ("learner", "facilitator"):
            handle = self.world.deep_linking if name == "facilitator" else self.launches.launch(
                role=LEARNER, deep_linking=True)
        if name == "expired token":
            handle = self.handles["facilitator"] if not deep_linking else self.world.deep_linking
            payload = f'["{handle.launch.session_id}",{handle.launch.user_id},' \
                      f'{"null" if deep_linking else handle.launch.activity_instance_id}]'
            stale = _cipher().encrypt_at_time(payload.encode(), int(time.time()) - 3 * 3600).decode()
            return stale, handle.csrf
        return handle.token, handle.csrf


def _call(client, method, path, token, csrf):
    if method == "GET":
        return client.get(path, query_string={"lt": token} if token else {})
    data = {"lt": token, "csrf_token": csrf} if token else {}
    return client.open(path, method=method, data=data)


@pytest.fixture
def world(app, client, launches, monkeypatch):
    """The seeded world, without the write rate limit."""
    monkeypatch.setitem(app.config, "WRITES_PER_MINUTE", 0)
    return World(client, launches)


@pytest.mark.parametrize("endpoint, method, rule", [r for r in ROUTES if ACCESS.get(r[:2]) not in (None, PUBLIC)],
                         ids=[f"{m} {e}" for e, m, _r in ROUTES if ACCESS.get((e, m)) not in (None, PUBLIC)])
def test_who_may_use_each_route(client, launches, world, endpoint, method, rule):
    kind = ACCESS[(endpoint, method)]
    placement = world.placement_for(rule)
    callers = Callers(world, launches, placement)
    path = rule.build(world.url_values(rule), append_unknown=False)[1]
    results = {}
    for name in ("learner", "facilitator", *OUTSIDERS):
        token, csrf = callers.token_and_csrf(name, kind == DEEP_LINKING)
        status = _call(client, method, path, token, csrf).status_code
        expected = EXPECTED[kind].get(name, 401)
        allowed = expected if isinstance(expected, tuple) else (expected,)
        ok = status < 500 and (status not in (401, 403) if expected == REACH else status in allowed)
        results[name] = (status, expected, ok)
    wrong = {name: result[:2] for name, result in results.items() if not result[2]}
    assert not wrong, f"{method} {rule.rule}: (got, expected) {wrong}"


@pytest.mark.parametrize("endpoint, method, rule", [r for r in ROUTES if ACCESS.get(r[:2]) == PUBLIC],
                         ids=[f"{m} {e}" for e, m, _r in ROUTES if ACCESS.get((e, m)) == PUBLIC])
def test_public_routes_answer_anyone_without_a_crash(client, endpoint, method, rule):
    values = {name: "x" for name in rule.arguments}
    values.update({"filename": "css/app.css"} if "filename" in rule.arguments else {})
    response = client.open(rule.build(values, append_unknown=False)[1], method=method)
    assert response.status_code < 500
