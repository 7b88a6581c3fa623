"""Two simultaneous uses of one invite: exactly one registration (PostgreSQL, real transactions)."""
import threading

import pytest

from lti_tool.extensions import db
from lti_tool.models import Platform
from tests.lti_tool.dynamic_registration.conftest import invite_row, lms_opens


@pytest.fixture
def postgres(app):
    if not db.engine.url.get_backend_name().startswith("postgresql"):
        pytest.skip("needs PostgreSQL (set LEERNETWERK_TEST_DATABASE_URL)")


def test_one_invite_used_twice_at_once_registers_once(app, postgres, lms, invite):
    url = invite()
    paths = [lms_opens(lms, url), lms_opens(lms, url)]  # two registration tokens, one invite
    start, statuses, errors = threading.Barrier(2), [], []

    def use(path):
        try:
            with app.app_context():
                client = app.test_client()
                start.wait()
                statuses.append(client.get(path).status_code)
        except Exception as exc:  # surfaced below; a thread's exception is otherwise lost
            errors.append(exc)

    threads = [threading.Thread(target=use, args=(path,)) for path in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert sorted(statuses) == [200, 410]
    db.session.expire_all()
    [platform] = db.session.execute(db.select(Platform)).scalars().all()
    assert invite_row().platform_id == platform.id
