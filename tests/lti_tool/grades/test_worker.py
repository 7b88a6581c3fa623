"""The outbox worker: claims, sends, retries with backoff, fails with reasons, recovers leases."""
import threading
from datetime import timedelta

import requests

from lti_tool.grades import worker
from lti_tool.grades.outbox import queue_score
from lti_tool.grades.worker import SUPERSEDED_REASON, drain, run_worker
from lti_tool.models import ActivityInstance, ScoreOutbox
from lti_tool.models.base import utcnow
from lti_tool.models.outbox import FAILED, PENDING, SENDING, SENT, SUPERSEDED
from lti_tool.participation import Participation
from tests.lti_tool.grades.conftest import make_due, row


def test_many_scores_need_one_token_request(app, services, placement, scores):
    instance = placement()
    ids = scores(instance, 30)
    assert drain(limit=100) == {"claimed": 30, "sent": 30, "retried": 0, "failed": 0, "superseded": 0}
    ids += scores(instance, 5)
    assert drain()["sent"] == 5
    assert services.calls["token"] == 1 and services.calls["score"] == 35
    assert {r.status for r in map(row, ids)} == {SENT}
    assert all(row(i).sent_at is not None and row(i).lease_until is None for i in ids)
    assert drain()["claimed"] == 0


def test_scores_go_to_the_scores_path_of_a_moodle_line_item(app, services, placement, scores):
    scores(placement())
    drain()
    path, query, payload, content_type = services.scores[0]
    assert (path, query) == ("/mod/lti/services.php/2/lineitems/5/lineitem/scores", "type_id=1")
    assert content_type == "application/vnd.ims.lis.v1.score+json"
    assert payload["scoreGiven"] == 10.0 and payload["scoreMaximum"] == 10.0
    assert payload["userId"].startswith("user-")


def test_a_recorded_participation_is_sent(app, db, services, launches, placement):
    handle = launches.launch(placement())
    queue_score(handle.instance, handle.user.id, Participation(0.5, "1 of 2 statements"))
    db.session.commit()
    assert drain()["sent"] == 1
    payload = services.scores[0][2]
    assert payload["userId"] == handle.user.sub
    assert (payload["scoreGiven"], payload["activityProgress"], payload["comment"]) == (5.0, "InProgress",
                                                                                          "1 of 2 statements")


def test_server_error_is_retried_with_backoff_then_sent(app, services, placement, scores):
    [rid] = scores(placement())
    services.script("score", 500)
    before = utcnow()
    assert drain()["retried"] == 1
    waiting = row(rid)
    assert (waiting.status, waiting.attempts) == (PENDING, 1)
    assert waiting.last_error == "Score: 500 Internal Server Error"
    assert before + timedelta(seconds=1) <= waiting.next_attempt_at <= utcnow() + timedelta(seconds=2)
    assert drain()["claimed"] == 0  # not due yet
    make_due(rid)
    assert drain()["sent"] == 1
    assert (row(rid).status, row(rid).attempts, row(rid).last_error) == (SENT, 2, None)


def test_backoff_grows_exponentially_with_a_cap(app):
    app.config.update(GRADES_BACKOFF_BASE_SECONDS=2.0, GRADES_BACKOFF_CAP_SECONDS=900.0)
    for attempts, low, high in [(1, 1, 2), (2, 2, 4), (3, 4, 8), (6, 32, 64), (20, 450, 900)]:
        assert all(low <= worker.backoff_seconds(attempts) <= high for _ in range(50))
    assert worker.backoff_seconds(1, retry_after=30) == 30


def test_too_many_requests_waits_at_least_retry_after(app, services, placement, scores):
    [rid] = scores(placement())
    services.script("score", 429, {"error": "rate limited"}, headers={"Retry-After": "30"})
    drain()
    assert row(rid).status == PENDING
    assert row(rid).next_attempt_at >= utcnow() + timedelta(seconds=29)
    make_due(rid)
    assert drain()["sent"] == 1


def test_client_error_fails_permanently_with_the_reason(app, services, placement, scores):
    [rid] = scores(placement())
    services.script("score", 400, {"status": 400, "reason": "Incorrect score received"})
    assert drain()["failed"] == 1
    assert (row(rid).status, row(rid).last_error) == (FAILED, "Score: 400 Bad Request: Incorrect score received")
    make_due(rid)
    assert drain()["claimed"] == 0 and services.calls["score"] == 1


def test_gives_up_after_max_attempts(app, services, placement, scores):
    app.config["GRADES_MAX_ATTEMPTS"] = 3
    try:
        [rid] = scores(placement())
        services.script("score", 503, "down for maintenance", times=10)
        for _ in range(3):
            drain()
            make_due(rid)
        assert row(rid).status == FAILED and row(rid).attempts == 3
        assert row(rid).last_error == "Gave up after 3 attempts: Score: 503 Service Unavailable: down for maintenance"
        assert drain()["claimed"] == 0 and services.calls["score"] == 3
    finally:
        app.config["GRADES_MAX_ATTEMPTS"] = 8


def test_a_timeout_defers_the_platforms_other_scores_without_an_attempt(app, services, placement, scores):
    app.config["GRADES_SEND_THREADS"] = 1
    try:
        first, *others = scores(placement(), 3)
        tried = []

        def time_out(request):
            tried.append(request.url)
            return requests.exceptions.ConnectTimeout("connect timed out") if "/scores" in request.url else None

        services.fail = time_out
        assert drain() == {"claimed": 3, "sent": 0, "retried": 3, "failed": 0, "superseded": 0}
        assert len([url for url in tried if "/scores" in url]) == 1
        assert (row(first).status, row(first).attempts) == (PENDING, 1)
        assert [row(i).attempts for i in others] == [0, 0]
        assert "No answer from lms.test in time" in row(first).last_error
        services.fail = None
        make_due(first, *others)
        assert drain()["sent"] == 3
    finally:
        app.config.pop("GRADES_SEND_THREADS")


def test_rows_of_a_crashed_worker_are_sent_after_their_lease(app, db, services, placement, scores):
    expired, leased = scores(placement(), 2)
    db.session.query(ScoreOutbox).filter_by(id=expired).update(
        {"status": SENDING, "attempts": 1, "lease_until": utcnow() - timedelta(seconds=1)})
    db.session.query(ScoreOutbox).filter_by(id=leased).update(
        {"status": SENDING, "attempts": 1, "lease_until": utcnow() + timedelta(minutes=5)})
    db.session.commit()
    assert drain()["sent"] == 1
    assert (row(expired).status, row(expired).attempts) == (SENT, 2)
    assert row(leased).status == SENDING  # another worker still owns it


def test_an_outcome_after_the_lease_was_taken_over_changes_nothing(app, db, services, placement, scores):
    [rid] = scores(placement())
    lease = utcnow() + timedelta(minutes=5)
    jobs, _ = worker._claim(10, lease)
    db.session.query(ScoreOutbox).filter_by(id=rid).update({"lease_until": lease + timedelta(seconds=1)})
    db.session.commit()
    counts = dict.fromkeys(("sent", "retried", "failed", "superseded"), 0)
    worker._record(jobs, {rid: None}, {}, lease, counts)
    assert row(rid).status == SENDING


def test_an_older_unsent_score_is_superseded_by_a_newer_one(app, db, services, launches, placement):
    handle = launches.launch(placement())
    old = queue_score(handle.instance, handle.user.id, Participation(0.5))
    db.session.commit()
    # A second waiting row, as when a newer answer arrived while the older row was in flight.
    db.session.add(ScoreOutbox(activity_instance_id=handle.launch.activity_instance_id, user_id=handle.user.id,
                               status=PENDING, score_given=10.0, score_maximum=10.0, activity_progress="Completed",
                               grading_progress="FullyGraded", comment="", timestamp="2025-01-01T10:00:00+00:00",
                               next_attempt_at=utcnow()))
    db.session.commit()
    new = db.session.query(ScoreOutbox.id).filter(ScoreOutbox.id != old).scalar()
    assert drain() == {"claimed": 1, "sent": 1, "retried": 0, "failed": 0, "superseded": 1}
    assert (row(old).status, row(old).last_error) == (SUPERSEDED, SUPERSEDED_REASON)
    assert row(new).status == SENT and [s[2]["scoreGiven"] for s in services.scores] == [10.0]


def test_a_newer_answer_takes_over_the_waiting_row(app, db, services, launches, placement):
    handle = launches.launch(placement())
    first = queue_score(handle.instance, handle.user.id, Participation(0.5))
    db.session.commit()
    assert queue_score(handle.instance, handle.user.id, Participation(1.0)) == first
    db.session.commit()
    assert drain()["sent"] == 1 and [s[2]["scoreGiven"] for s in services.scores] == [10.0]


def test_missing_line_item_is_created_once_and_used(app, db, services, placement, scores):
    instance = placement(lineitem_url=None,
                         lineitems_url="https://lms.test/mod/lti/services.php/2/lineitems?type_id=1")
    ids = scores(instance, 4)
    assert drain()["sent"] == 4
    db.session.expire_all()
    url = db.session.get(ActivityInstance, instance.id).lineitem_url
    assert url == "https://lms.test/mod/lti/services.php/2/lineitems/1/lineitem?type_id=1"
    assert {(s[0], s[1]) for s in services.scores} == {
        ("/mod/lti/services.php/2/lineitems/1/lineitem/scores", "type_id=1")}
    assert len(services.created) == 1
    scores(instance, 1)
    drain()
    assert len(services.created) == 1 and len(ids) == 4


def test_placement_without_gradebook_fails_with_a_reason(app, services, placement, scores):
    [rid] = scores(placement(lineitem_url=None, lineitems_url=None))
    assert drain()["failed"] == 1
    assert row(rid).last_error.startswith("The platform offered no gradebook column")
    assert services.calls["token"] == 0


def test_refused_token_fails_the_platforms_rows_with_one_request(app, services, placement, scores):
    ids = scores(placement(), 3)
    services.script("token", 401, {"error": "invalid_client", "error_description": "Unknown client"})
    assert drain()["failed"] == 3
    assert services.calls["token"] == 1 and services.calls["score"] == 0
    assert {row(i).last_error for i in ids} == {"Access token: 401 Unauthorized: Unknown client"}


def test_an_unusable_line_item_url_fails_without_blocking_the_batch(app, db, services, placement, scores):
    good = scores(placement(), 2)
    [bad] = scores(placement(lineitem_url="lms.test/no-scheme"), 1)
    assert drain()["sent"] == 2
    assert row(bad).status == FAILED and row(bad).last_error.startswith("Invalid service URL")
    assert {row(i).status for i in good} == {SENT}


def test_run_worker_drains_until_stopped(app, services, placement, scores):
    ids = scores(placement(), 5)
    stop = threading.Event()
    thread = threading.Thread(target=run_worker, args=(app,), kwargs={"poll_seconds": 0.05, "stop_event": stop})
    thread.start()
    try:
        for _ in range(100):
            if services.calls["score"] >= 5:
                break
            stop.wait(0.05)
    finally:
        stop.set()
        thread.join(timeout=5)
    assert not thread.is_alive()
    assert {row(i).status for i in ids} == {SENT}


def test_inline_drainer_runs_only_when_enabled(app):
    assert worker.start_inline_drainer(app) is None  # testing config: GRADES_INLINE is false


