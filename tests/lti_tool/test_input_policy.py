"""The input policy at the edge: control characters, NFC, body and JSON limits, bounded ids."""
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select

from activities.voting.models import Vote
from lti_tool.extensions import db
from lti_tool.input_policy import acceptable_text, bounded_int, json_problem
from tests.activities.network.conftest import Course
from tests.activities.reflection.conftest import Room as ReflectionRoom
from tests.activities.voting.conftest import Room as VotingRoom
from tests.activities.voting.conftest import KEYS, answers

REFUSED = "This text contains a character that cannot be saved"


def _votes():
    return db.session.execute(select(func.count()).select_from(Vote)).scalar()


@pytest.mark.parametrize("bad", ["Omdat\x00het zo is", "bel\x07", "del\x7f", "esc\x1b[31m"])
def test_control_characters_in_a_form_field_get_the_fields_message(client, launches, bad):
    room = VotingRoom(client, launches)
    response = room.vote(room.learner(locale="en"), **answers(reason=bad))
    assert response.status_code == 400
    assert REFUSED in response.get_data(as_text=True)
    assert _votes() == 0


def test_the_message_is_in_the_learners_language(client, launches):
    room = VotingRoom(client, launches)
    response = room.vote(room.learner(locale="nl"), **answers(reason="nul\x00"))
    assert response.status_code == 400 and REFUSED not in response.get_data(as_text=True)


def test_tab_and_newline_are_ordinary_text_and_text_is_nfc(client, launches):
    room = VotingRoom(client, launches)
    response = room.vote(room.learner(), **answers(reason="Cafe\u0301\tmet\r\nregels"))
    assert response.status_code == 303
    reasons = {v.reason for v in db.session.execute(select(Vote)).scalars()}
    assert reasons == {"Caf\u00e9\tmet\nregels"} or reasons == {"Caf\u00e9\tmet\r\nregels"}


def test_a_body_over_the_limit_is_a_friendly_413(client, launches):
    room = VotingRoom(client, launches)
    response = room.vote(room.learner(), **answers(reason="x" * (1024 * 1024 + 10)))
    assert response.status_code == 413
    assert "Traceback" not in response.get_data(as_text=True)


@pytest.mark.parametrize("depth", [50, 5000, 100000])
def test_deeply_nested_json_is_a_400_json_error(client, launches, depth):
    course = Course(client, launches)
    me = course.learner()
    body = "[" * depth + "]" * depth
    response = client.post(course.url + "/drawing/positions", data=body, content_type="application/json",
                           headers={"X-CSRF-Token": me.csrf, "X-Launch-Token": me.token})
    assert response.status_code == 400 and response.is_json and response.get_json()["ok"] is False


@pytest.mark.parametrize("key", ["\ud800", "a\x00", "b\x1b"])
def test_refused_characters_in_json_are_a_400_json_error(client, launches, key):
    course = Course(client, launches)
    me = course.learner()
    response = course.json(me, "/drawing/ties", {"version": 0, "a": key, "b": "y", "connected": True})
    assert response.status_code == 400 and response.get_json()["ok"] is False


def test_utf8_encoded_surrogates_in_a_form_never_reach_the_database_as_such(client, launches):
    room = VotingRoom(client, launches)
    me = room.learner()
    fields = me.form(**answers())
    fields.pop(f"reason_{KEYS[0]}")
    body = urlencode(fields).encode() + f"&reason_{KEYS[0]}=%ED%A0%80".encode()
    response = client.post(room.url + "/votes", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 303
    # Werkzeug keeps undecodable bytes percent-encoded: no surrogate ever becomes text.
    assert all(acceptable_text(v.reason) for v in db.session.execute(select(Vote)).scalars())


@pytest.mark.parametrize("version", [2147483648, -1, 10**30])
def test_a_drawing_version_out_of_range_is_a_400(client, launches, version):
    course = Course(client, launches)
    me = course.learner()
    response = course.json(me, "/drawing/ties", {"version": version, "a": "x", "b": "y", "connected": True})
    assert response.status_code == 400


def test_a_list_version_out_of_range_is_a_400(client, launches):
    course = Course(client, launches)
    me = course.learner()
    response = client.post(course.url + "/contacts/bulk", data=me.form(version="2147483648"))
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["/voting/2147483648", "/voting/0", "/voting/99999999999999999999",
                                  "/voting/" + "9" * 5000])
def test_ids_out_of_range_in_paths_are_404(client, path):
    assert client.get(path).status_code == 404


def test_card_ids_out_of_range_are_a_400(client, launches, make_network=None):
    from tests.activities.expectations.conftest import Network

    network = Network(client, launches)
    response = network.cluster("hide", ["99999999999"])
    assert response.status_code == 400


def test_quote_ids_out_of_range_are_a_400(client, launches):
    room = ReflectionRoom(client, launches)
    response = client.post(room.url + "/quotes", data=room.facilitator.form(kind="trust", action="hide",
                                                                            id="2147483648"))
    assert response.status_code == 400


def test_a_theme_name_over_80_characters_is_a_form_message(client, launches):
    room = ReflectionRoom(client, launches)
    response = room.themes("rename", ["time"], label="x" * 81)
    assert response.status_code == 400
    assert "Keep the theme name under 80 characters." in response.get_data(as_text=True)


def test_bounded_int_and_json_problem():
    assert bounded_int("12") == 12 and bounded_int(" 7 ") == 7
    assert bounded_int("2147483648") is None and bounded_int(True) is None and bounded_int("٣") is None
    assert bounded_int(0, low=0) == 0 and bounded_int(-1, low=0) is None and bounded_int(1.5) is None
    assert json_problem({"a": [1, {"b": "c"}]}, 8, 100, 10) is None
    assert json_problem({"a": "x\x00"}, 8, 100, 10) == "refused character"
    assert json_problem([[[[1]]]], 3, 100, 10) == "too deep"


@pytest.mark.parametrize("text", ["a\x00b", "bel\x07"])
def test_control_characters_on_an_expectations_card_are_refused(client, launches, text):
    from activities.expectations.models import Card
    from tests.activities.expectations.conftest import Network

    network = Network(client, launches)
    response = network.post(network.learner(), "/cards", column="learn", text=text)
    assert response.status_code == 400 and REFUSED in response.get_data(as_text=True)
    assert db.session.execute(select(func.count()).select_from(Card)).scalar() == 0
    card = network.card(network.learner())
    edited = network.post(network.facilitator, f"/cards/{card.id}/moderate", op="edit", text=text)
    assert edited.status_code == 400
    grouped = network.cluster("group", [card], name=text)
    assert grouped.status_code == 400
