"""Background jobs: queued once per placement, claimed by one worker at a time, run again when asked during a
run, taken over when a worker's lease runs out, and forgotten when a person's data is erased."""
from datetime import timedelta

import pytest

from lti_tool import jobs, person_data
from lti_tool.extensions import db
from lti_tool.models import BackgroundJob
from lti_tool.models.base import utcnow

KIND = "test-sum"


@pytest.fixture
def summing():
    """A job kind that adds up its params' numbers, reporting halfway; `calls` records each run's params."""
    calls = []

    def run(instance_id, params, report):
        calls.append(params)
        report(50, "adding")
        if params.get("ask_again"):  # someone asks for a new run while this one goes on
            jobs.request(instance_id, KIND, {"numbers": [9]})
            db.session.commit()
        return str(sum(params["numbers"])).encode()

    jobs.HANDLERS[KIND] = run
    yield calls
    del jobs.HANDLERS[KIND]


def test_one_row_per_placement_and_the_result_is_kept(launches, summing):
    instance = launches.instance("voting")
    jobs.request(instance.id, KIND, {"numbers": [1, 2]})
    jobs.request(instance.id, KIND, {"numbers": [3, 4]})  # the newer params win
    db.session.commit()
    assert BackgroundJob.query.count() == 1
    assert jobs.run_one() is not None and jobs.run_one() is None
    job = jobs.state(instance.id, KIND)
    assert (job.status, job.progress, job.result, job.result_params) == ("done", 100, b"7", {"numbers": [3, 4]})
    assert summing == [{"numbers": [3, 4]}]


def test_asked_during_a_run_it_runs_again_with_the_newest_params(launches, summing):
    instance = launches.instance("voting")
    jobs.request(instance.id, KIND, {"numbers": [1], "ask_again": True})
    db.session.commit()
    jobs.run_one()
    assert jobs.state(instance.id, KIND).status == "queued"
    jobs.run_one()
    assert jobs.state(instance.id, KIND).result == b"9"


def test_a_running_job_is_not_claimed_twice_until_its_lease_runs_out(launches, summing):
    instance = launches.instance("voting")
    jobs.request(instance.id, KIND, {"numbers": [2]})
    db.session.commit()
    job = jobs.state(instance.id, KIND)
    job.status, job.lease_until = "running", utcnow() + timedelta(minutes=5)  # another worker has it
    db.session.commit()
    assert jobs.run_one() is None and summing == []
    job.lease_until = utcnow() - timedelta(seconds=1)  # that worker died
    db.session.commit()
    assert jobs.run_one() == job.id
    db.session.expire_all()
    assert jobs.state(instance.id, KIND).result == b"2" and jobs.state(instance.id, KIND).attempts == 1


def test_an_unknown_kind_fails_with_its_reason(launches):
    instance = launches.instance("voting")
    jobs.request(instance.id, "nobody-handles-this", {})
    db.session.commit()
    jobs.run_one()
    job = jobs.state(instance.id, "nobody-handles-this")
    assert job.status == "failed" and "no handler" in job.error and job.result is None


def test_erasing_a_person_forgets_the_stored_results_of_their_registration(launches, summing):
    instance = launches.instance("voting")
    user = launches.user(launches.platform(), sub="u-1", name="Lotte")
    jobs.request(instance.id, KIND, {"numbers": [1]})
    db.session.commit()
    jobs.run_one()
    person_data.erase([user])
    assert BackgroundJob.query.count() == 0
