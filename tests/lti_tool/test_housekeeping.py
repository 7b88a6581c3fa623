"""Expired security rows are purged; live ones stay."""
from datetime import timedelta

from lti_tool.housekeeping import purge_expired
from lti_tool.models import LaunchSession, LoginState, UsedNonce
from lti_tool.models.base import utcnow


def test_purge_removes_only_expired_rows(db, launches):
    platform = launches.platform()
    past, future = utcnow() - timedelta(minutes=1), utcnow() + timedelta(minutes=5)
    for state, expires in (("old", past), ("new", future)):
        db.session.add(LoginState(state=state, nonce="n", browser_hash="h", platform_id=platform.id,
                                  target_link_uri="http://tool.test/lti/launch", expires_at=expires))
    db.session.add_all([UsedNonce(nonce="a", expires_at=past), UsedNonce(nonce="b", expires_at=future)])
    handle = launches.launch()
    db.session.get(LaunchSession, handle.launch.session_id).expires_at = past
    db.session.commit()
    counts = purge_expired()
    assert counts == {"login_state": 1, "used_nonce": 1, "launch_session": 1}
    assert [s.state for s in LoginState.query.all()] == ["new"]
    assert [n.nonce for n in UsedNonce.query.all()] == ["b"]
