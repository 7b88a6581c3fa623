"""The gradebook always ends on the tool's latest score, against the demo LMS as strict as Moodle."""
import logging
import math
import threading
import time
from datetime import datetime, timedelta, timezone

import pytest

from lti_tool.extensions import db
from lti_tool.grades.outbox import queue_score
from lti_tool.grades.worker import _claim, drain
from lti_tool.models import ActivityInstance, ScoreOutbox, User
from lti_tool.models.base import utcnow
from lti_tool.models.outbox import SENDING, SENT, SUPERSEDED
from lti_tool.participation import Participation
from tests.lti_tool.grades.conftest import make_due


def _placement(platform, client, learners=("learner1",)):
    link_id = platform.add_link("Remmers en motoren")
    for learner in learners:
        assert platform.launch(client, learner, link_id).status_code == 303
    instance = db.session.execute(db.select(ActivityInstance).filter_by(resource_link_id=link_id)).scalar_one()
    users = {sub: db.session.execute(db.select(User.id).filter_by(sub=sub)).scalar_one() for sub in learners}
    return link_id, instance, users


def _save(instance, user_id, fraction):
    """What an activity's save does: the answer's participation queued in its transaction."""
    queue_score(db.session.get(ActivityInstance, instance.id), user_id, Participation(fraction))
    db.session.commit()


def _drain_until_idle(rounds=40):
    """Run worker passes until nothing is due, letting due-later rows (1 s stale retries) come due."""
    for _ in range(rounds):
        drain()
        waiting = db.session.execute(db.select(db.func.count()).select_from(ScoreOutbox).where(
            ScoreOutbox.status.in_(("pending", "sending")))).scalar()
        if not waiting:
            return
        make_due(*db.session.execute(db.select(ScoreOutbox.id).where(ScoreOutbox.status == "pending")).scalars())
    raise AssertionError("the outbox did not empty")


def _gradebook(platform, link_id, learner):
    [score] = platform.scores(link_id, learner)
    return score["score_given"]


def test_five_saves_within_a_second_end_on_the_latest_score(platform, client):
    link_id, instance, users = _placement(platform, client)
    started = time.monotonic()
    for fraction in (0.2, 0.4, 0.6, 0.8, 1.0):
        _save(instance, users["learner1"], fraction)
        drain()  # the worker runs between the saves, as it does in production
    assert time.monotonic() - started < 1.0
    _drain_until_idle()
    assert _gradebook(platform, link_id, "learner1") == 1.0
    sent = db.session.execute(db.select(ScoreOutbox.timestamp).where(ScoreOutbox.status == SENT)
                              .order_by(ScoreOutbox.id)).scalars().all()
    seconds = [datetime.fromisoformat(stamp).timestamp() for stamp in sent]
    assert all(later - earlier >= 1 for earlier, later in zip(seconds, seconds[1:])), sent
    assert all(stamp == math.floor(stamp) for stamp in seconds)
    assert platform.stats()["scores_older"] == 0


def test_a_refused_timestamp_is_sent_again_later_until_accepted(platform, client, caplog):
    link_id, instance, users = _placement(platform, client)
    # The LMS already holds a score stamped two seconds ahead of our clock (a teacher, another server).
    lineitem_id = platform.lineitem_for(link_id)["id"]
    ahead = datetime.now(timezone.utc) + timedelta(seconds=2)
    platform.store.put_score(lineitem_id, "learner1", {
        "score_given": 0.0, "score_maximum": 1.0, "activity_progress": "Initialized",
        "grading_progress": "FullyGraded", "timestamp": ahead.isoformat(), "timestamp_epoch": ahead.timestamp()})
    _save(instance, users["learner1"], 0.6)
    with caplog.at_level(logging.WARNING, logger="lti_tool.grades.worker"):
        assert drain()["retried"] == 1
    row = db.session.execute(db.select(ScoreOutbox)).scalar_one()
    assert row.status == "pending" and "Refusing score with an earlier timestamp" in row.last_error
    [line] = [r.getMessage() for r in caplog.records if "score not accepted" in r.getMessage()]
    assert f"lineitems/{lineitem_id}/lineitem" in line and "learner1" in line and "409" in line
    assert "Learner" not in line  # no names: the LMS user id only
    _drain_until_idle()
    assert _gradebook(platform, link_id, "learner1") == 0.6
    assert platform.stats()["scores_older"] >= 1


def test_a_worker_killed_mid_batch_never_leaves_an_older_score(app, platform, client):
    link_id, instance, users = _placement(platform, client)
    _save(instance, users["learner1"], 0.2)
    jobs, _ = _claim(10, utcnow() + timedelta(minutes=5))  # claimed, then the worker dies before sending
    assert len(jobs) == 1
    _save(instance, users["learner1"], 0.4)
    _save(instance, users["learner1"], 0.8)
    assert drain()["claimed"] == 0  # the newest waits while the dead worker's row is leased
    db.session.query(ScoreOutbox).filter_by(status=SENDING).update({"lease_until": utcnow() - timedelta(seconds=1)})
    db.session.commit()
    _drain_until_idle()
    assert _gradebook(platform, link_id, "learner1") == 0.8
    statuses = db.session.execute(db.select(ScoreOutbox.status).order_by(ScoreOutbox.id)).scalars().all()
    assert statuses == [SUPERSEDED, SENT]


def test_two_workers_and_bursts_of_saves_converge_on_postgresql(app, platform, client):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("needs PostgreSQL (set LEERNETWERK_TEST_DATABASE_URL)")
    learners = ("learner1", "learner2", "learner3", "learner4", "learner5")
    link_id, instance, users = _placement(platform, client, learners)
    stop, errors = threading.Event(), []

    def worker():
        try:
            with app.app_context():
                while not stop.is_set():
                    drain(limit=3)
                    stop.wait(0.01)
        except Exception as exc:  # surfaced below
            errors.append(exc)

    def learner(sub):
        try:
            with app.app_context():
                for fraction in (0.2, 0.4, 0.6, 0.8, 1.0 if sub != "learner3" else 0.6):
                    _save(instance, users[sub], fraction)
                    time.sleep(0.05)
        except Exception as exc:
            errors.append(exc)

    workers = [threading.Thread(target=worker) for _ in range(2)]
    savers = [threading.Thread(target=learner, args=(sub,)) for sub in learners]
    for thread in workers + savers:
        thread.start()
    for thread in savers:
        thread.join(timeout=30)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        waiting = db.session.execute(db.select(db.func.count()).select_from(ScoreOutbox).where(
            ScoreOutbox.status.in_(("pending", "sending")))).scalar()
        if not waiting:
            break
        time.sleep(0.2)
    stop.set()
    for thread in workers:
        thread.join(timeout=10)
    assert not errors
    assert {sub: _gradebook(platform, link_id, sub) for sub in learners} == {
        "learner1": 1.0, "learner2": 1.0, "learner3": 0.6, "learner4": 1.0, "learner5": 1.0}
