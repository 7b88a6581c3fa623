"""The facilitator's view of grade delivery: per learner sent, pending or failed, with the reason."""
from flask_babel import force_locale

from lti_tool.grades import status
from lti_tool.grades.worker import drain
from lti_tool.models import ScoreOutbox
from tests.lti_tool.grades.conftest import row


def test_per_learner_status_with_reasons(app, db, services, placement, scores):
    instance = placement()
    sent, failed, retrying = scores(instance, 3)
    services.script("score", 202)
    services.script("score", 400, {"reason": "User not enrolled"})
    services.script("score", 503)
    app.config["GRADES_SEND_THREADS"] = 1  # answers are scripted in row order
    try:
        drain()
    finally:
        app.config.pop("GRADES_SEND_THREADS")
    [waiting] = scores(instance, 1)
    by_user = status.learner_statuses(instance.id)
    get = {rid: by_user[row(rid).user_id] for rid in (sent, failed, retrying, waiting)}
    assert get[sent].state == "sent" and get[sent].reason is None and get[sent].sent_at is not None
    assert (get[failed].state, get[failed].reason) == ("failed", "Score: 400 Bad Request: User not enrolled")
    assert get[retrying].state == "pending" and get[retrying].retrying
    assert get[retrying].reason == "Score: 503 Service Unavailable"
    assert get[waiting].state == "pending" and not get[waiting].retrying
    with force_locale("en"):  # outside a request the default locale (nl) applies
        assert str(get[sent].label) == "Sent to the gradebook"
    assert status.summary(instance.id) == {"sent": 1, "pending": 2, "failed": 1}


def test_only_the_newest_row_of_a_learner_counts(app, db, services, placement, scores):
    instance = placement()
    [first] = scores(instance, 1)
    services.script("score", 400, {"reason": "bad"})
    drain()
    old = row(first)
    db.session.add(ScoreOutbox(activity_instance_id=instance.id, user_id=old.user_id, status="pending",
                               score_given=1, score_maximum=10, activity_progress="InProgress",
                               timestamp="2025-01-02T10:00:00.000+00:00"))
    db.session.commit()
    assert status.learner_statuses(instance.id)[old.user_id].state == "pending"
    assert status.summary(placement().id) == {"sent": 0, "pending": 0, "failed": 0}


def test_facilitators_read_what_went_wrong_in_plain_words(app, services, placement, scores, monkeypatch):
    from lti_tool.grades.worker import drain

    monkeypatch.setitem(app.config, "GRADES_SEND_THREADS", 1)
    instance = placement()
    column_gone, stale, refused = scores(instance, 3)
    services.script("score", 404, {"error": "Not found"})
    services.script("score", 409, {"error": "Refusing score with an earlier timestamp for item 5 and user 7"})
    services.script("score", 422, {"error": "scoreGiven must be a number"})
    drain()
    by_row = {rid: status.learner_statuses(instance.id)[row(rid).user_id] for rid in (column_gone, stale, refused)}
    with force_locale("en"):
        assert str(by_row[column_gone].explanation) == "The LMS no longer has this activity's gradebook column."
        assert str(by_row[stale].explanation).startswith("The LMS holds a score with a later time")
        assert str(by_row[refused].explanation) == "The LMS refused the score."
    with force_locale("nl"):
        assert str(by_row[refused].explanation) == "Het LMS weigerde de score."
    assert by_row[column_gone].state == "failed" and "404" in by_row[column_gone].reason
    assert by_row[stale].state == "pending" and by_row[stale].retrying
