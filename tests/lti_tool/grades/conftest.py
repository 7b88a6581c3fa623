"""Fixtures for grades tests: the platform's services in-process, placements and outbox rows."""
import itertools

import pytest

from lti_tool.extensions import db
from lti_tool.keys import jwks
from lti_tool.models import ActivityInstance, ScoreOutbox
from lti_tool.models.base import utcnow
from lti_tool.models.outbox import PENDING
from tests.support.platform_services import PlatformServices, services_session

MOODLE_LINEITEM = "https://lms.test/mod/lti/services.php/2/lineitems/5/lineitem?type_id=1"
_seq = itertools.count(1)


@pytest.fixture
def services(app):
    """The platform's token and AGS endpoints, reached through app.config["LTI_REQUESTS_SESSION"]."""
    platform = PlatformServices(jwks())
    app.config["LTI_REQUESTS_SESSION"] = services_session(platform)
    yield platform
    app.config["LTI_REQUESTS_SESSION"] = None


@pytest.fixture
def placement(launches):
    """Make an activity placement; by default with a Moodle-style line item URL."""
    def make(lineitem_url=MOODLE_LINEITEM, lineitems_url=None, title="Stellingen"):
        context = launches.context()
        instance = ActivityInstance(
            platform_id=context.platform_id, context_id=context.id, resource_link_id=f"rl-{next(_seq)}",
            activity_type="voting", title=title, settings={}, lineitem_url=lineitem_url,
            lineitems_url=lineitems_url, score_maximum=10.0)
        db.session.add(instance)
        db.session.commit()
        return instance
    return make


@pytest.fixture
def scores(launches):
    """Queue `count` outbox rows (one new learner each) for a placement; returns the row ids."""
    def make(instance, count=1, fraction=1.0):
        ids = []
        for _ in range(count):
            user = launches.user()
            row = ScoreOutbox(activity_instance_id=instance.id, user_id=user.id, status=PENDING,
                              score_given=fraction * instance.score_maximum, score_maximum=instance.score_maximum,
                              activity_progress="Completed", grading_progress="FullyGraded",
                              comment="3 of 3 statements", timestamp="2025-01-01T10:00:00.000+00:00",
                              next_attempt_at=utcnow())
            db.session.add(row)
            db.session.flush()
            ids.append(row.id)
        db.session.commit()
        return ids
    return make


def row(row_id):
    """The outbox row as the database has it now."""
    db.session.expire_all()
    return db.session.get(ScoreOutbox, row_id)


def make_due(*row_ids):
    """Pretend the backoff delay has passed."""
    db.session.query(ScoreOutbox).filter(ScoreOutbox.id.in_(row_ids)).update(
        {"next_attempt_at": utcnow()}, synchronize_session=False)
    db.session.commit()
