"""One participant code per person per course: exports of one course join, exports of two courses do not."""
import csv
import io

from tests.activities.reflection.conftest import PARTS
from tests.activities.reflection.conftest import Room as ReflectionRoom
from tests.activities.voting.conftest import Room as VotingRoom
from tests.activities.voting.conftest import answers


def _rows(response):
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_the_same_learner_has_the_same_code_in_every_export_of_a_course(client, launches):
    course = launches.context(context_id="course-codes")
    voting = VotingRoom(client, launches, context=course)
    reflection = ReflectionRoom(client, launches, context=course)
    anna, bert = launches.user(name="Anna"), launches.user(name="Bert")
    for user in (anna, bert):
        voting.vote(voting.learner(user=user), **answers("agree"))
        reflection.answer(reflection.learner(user=user), PARTS)
    in_voting = {r["participant"] for r in _rows(client.get(
        voting.url + "/export.csv", query_string=voting.facilitator.params()))}
    in_reflection = {r["participant"] for r in _rows(client.get(
        reflection.url + "/export/personal-data.csv", query_string=reflection.facilitator.params()))}
    assert len(in_voting) == 2 and in_voting == in_reflection
    assert all(code.startswith("P-") and len(code) == 10 for code in in_voting)

    other = VotingRoom(client, launches, context=launches.context(context_id="course-other"))
    other.vote(other.learner(user=anna), **answers("agree"))
    elsewhere = {r["participant"] for r in _rows(client.get(
        other.url + "/export.csv", query_string=other.facilitator.params()))}
    assert len(elsewhere) == 1 and not elsewhere & in_voting  # another course cannot join on the code
