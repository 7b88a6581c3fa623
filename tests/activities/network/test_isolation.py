"""A learner never reaches another learner's contacts, another placement, or the facilitator's pages."""
import pytest

from tests.activities.network.conftest import Course


def _one_contact(course, handle, label="A."):
    course.add(handle, label)
    return course.drawing(handle).contacts[0].key


def test_other_learners_contact_keys_are_not_found(course):
    alice, bob = course.learner(), course.learner()
    key = _one_contact(course, alice)
    _one_contact(course, bob, "B.")
    assert course.get(bob, f"/contacts/{key}").status_code == 404
    version = course.version(bob)
    assert course.post(bob, f"/contacts/{key}", version=version, label="Hacked", location="my_team",
                       ring="1").status_code == 404
    assert course.post(bob, f"/contacts/{key}/delete", version=version).status_code == 404
    moved = course.json(bob, "/drawing/positions", {"version": int(version), "moves": [{"key": key, "ring": 2,
                                                                                         "angle": 10}]})
    assert moved.status_code == 404
    assert course.drawing(alice).contacts[0].label == "A." and course.drawing(alice).contacts[0].ring == 1


def test_bulk_form_with_someone_elses_key_is_refused(course):
    alice, bob = course.learner(), course.learner()
    key = _one_contact(course, alice)
    _one_contact(course, bob, "B.")
    response = course.post(bob, "/contacts/bulk", contact=[key], **{f"ring-{key}": "3"})
    assert response.status_code == 404
    assert course.drawing(alice).contacts[0].ring == 1


def test_a_launch_for_another_placement_is_refused(course, client, launches):
    other = Course(client, launches)
    me = other.learner()
    response = client.get(course.url + "/contacts", query_string=me.params())
    assert response.status_code in (401, 403, 404)


@pytest.mark.parametrize("path", ["/course", "/matches", "/export/start/graphml", "/export/start/nodes.csv"])
def test_facilitator_pages_are_closed_to_learners(course, path):
    me = course.learner()
    assert course.get(me, path).status_code == 403


def test_learner_actions_are_closed_to_facilitators(course):
    response = course.post(course.facilitator, "/contacts", version=0, label="A.", location="my_team")
    assert response.status_code == 403
    assert course.get(course.facilitator, "/contacts").status_code == 403


def test_learners_cannot_open_moments_or_erase(course):
    me = course.learner()
    assert course.client.post(course.url + "/moments", data=me.form(moment="end", current="start")).status_code == 403
    assert course.client.post(course.url + f"/participants/{me.user.id}/erase",
                              data=me.form(confirm="yes")).status_code == 403


def test_json_endpoint_needs_csrf(course):
    me = course.learner()
    key = _one_contact(course, me)
    response = course.client.post(course.url + "/drawing/positions", json={"version": 2, "moves": [
        {"key": key, "ring": 2, "angle": 0}]}, headers={"X-Launch-Token": me.token})
    assert response.status_code == 400
