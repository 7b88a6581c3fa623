"""Several workers on PostgreSQL never send one row twice (SKIP LOCKED claims and leases)."""
import threading
from collections import Counter

import pytest

from lti_tool.extensions import db
from lti_tool.grades.worker import drain
from lti_tool.models import ScoreOutbox
from lti_tool.models.outbox import SENT


@pytest.fixture
def postgres(app):
    if not db.engine.url.get_backend_name().startswith("postgresql"):
        pytest.skip("needs PostgreSQL (set LEERNETWERK_TEST_DATABASE_URL)")


@pytest.mark.parametrize("workers", [2, 4])
def test_concurrent_workers_send_each_row_once(app, postgres, services, placement, scores, workers):
    ids = scores(placement(), 240)
    services.delay = 0.002  # keep each pass busy long enough for the others to claim alongside it
    passes, errors, start = Counter(), [], threading.Barrier(workers)

    def work(name):
        try:
            with app.app_context():
                start.wait()
                while (counts := drain(limit=15))["claimed"]:
                    passes[name] += 1
        except Exception as exc:  # surfaced below; a thread's exception is otherwise lost
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    sent_to = Counter(payload["userId"] for _, _, payload, _ in services.scores)
    assert len(sent_to) == 240 and set(sent_to.values()) == {1}
    assert sum(1 for p in passes.values() if p) >= 2, "the workers did not actually overlap"
    db.session.expire_all()
    statuses = {row.status for row in db.session.query(ScoreOutbox).filter(ScoreOutbox.id.in_(ids))}
    assert statuses == {SENT}
    assert services.calls["token"] == 1
