"""A learner saving the reflection's five parts in quick succession: the demo LMS (as strict as Moodle)
ends on the tool's latest score, also when the worker dies mid-batch and starts again."""
import random
import time
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from activities.reflection import ReflectionActivity
from lti_tool.extensions import db
from lti_tool.grades.worker import _claim, drain
from lti_tool.models import ActivityInstance, ScoreOutbox
from lti_tool.models.base import utcnow
from lti_tool.models.outbox import SENDING
from tests.activities.reflection.conftest import ANSWERS, PARTS


@pytest.fixture
def reflection(platform, client):
    """A reflection placement in the demo course, and a learner's launch token and CSRF token."""
    link_id = platform.add_link("Remmers en motoren")
    assert platform.launch(client, "facilitator", link_id).status_code == 303
    instance = db.session.execute(db.select(ActivityInstance).filter_by(resource_link_id=link_id)).scalar_one()
    instance.activity_type, instance.settings = "reflection", ReflectionActivity.default_settings()
    db.session.commit()
    landing = platform.launch(client, "learner1", link_id)
    token = parse_qs(urlsplit(landing.headers["Location"]).query)["lt"][0]
    page = client.get(f"/reflection/{instance.id}/parts/situations", query_string={"lt": token})
    csrf = page.get_data(as_text=True).split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    return link_id, instance.id, {"lt": token, "csrf_token": csrf}


def _save_part(client, iid, auth, part):
    response = client.post(f"/reflection/{iid}/parts/{part}", data={**auth, **ANSWERS[part]()})
    assert response.status_code == 303, response.get_data(as_text=True)[:500]


def _settle():
    """Worker passes until the outbox is idle (stale retries come due a second later)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        drain()
        if not db.session.execute(db.select(ScoreOutbox.id).where(
                ScoreOutbox.status.in_(("pending", "sending")))).first():
            return
        time.sleep(0.2)
    raise AssertionError("scores still waiting after 20 s")


def test_five_parts_saved_fast_end_on_the_latest_score(platform, client, reflection):
    link_id, iid, auth = reflection
    for part in PARTS:
        _save_part(client, iid, auth, part)
        drain()
        time.sleep(random.uniform(0.3, 0.7))
    _settle()
    [score] = platform.scores(link_id, "learner1")
    assert (score["score_given"], score["activity_progress"]) == (1.0, "Completed")


def test_the_same_with_the_worker_killed_and_restarted(platform, client, reflection):
    link_id, iid, auth = reflection
    for index, part in enumerate(PARTS):
        _save_part(client, iid, auth, part)
        if index == 1:
            _claim(10, utcnow() + timedelta(seconds=60))  # this worker dies holding the row
        elif index == 3:  # a new worker starts once the dead one's lease has run out
            db.session.query(ScoreOutbox).filter_by(status=SENDING).update(
                {"lease_until": utcnow() - timedelta(seconds=1)})
            db.session.commit()
            drain()
        time.sleep(random.uniform(0.3, 0.7))
    _settle()
    [score] = platform.scores(link_id, "learner1")
    assert (score["score_given"], score["activity_progress"]) == (1.0, "Completed")
