"""Invites: only a hash is stored, single use, 7 days; the CLI prints the URL as its last line."""
from datetime import timedelta

import pytest
from flask.cli import ScriptInfo

from lti_tool import registration_invites as invites
from lti_tool.cli import main
from lti_tool.extensions import db
from lti_tool.models import RegistrationInvite
from lti_tool.models.base import utcnow


def test_cli_prints_a_single_use_url_as_its_last_line(app):
    info = ScriptInfo(create_app=lambda: app)
    result = app.test_cli_runner().invoke(main, ["platform", "invite", "--name", "HR academy"], obj=info,
                                          catch_exceptions=False)
    assert result.exit_code == 0, result.output
    url = result.output.strip().splitlines()[-1]
    assert url.startswith(app.config["BASE_URL"] + "/lti/register/")
    secret = url.rsplit("/", 1)[1]
    row = db.session.execute(db.select(RegistrationInvite)).scalar_one()
    assert row.name == "HR academy" and secret not in row.token_hash and row.token_hash == invites.hash_secret(secret)
    assert timedelta(days=6, hours=23) < row.expires_at - utcnow() <= timedelta(days=7)
    assert invites.usable_invite(secret).id == row.id


def test_claim_wins_once(app):
    row, url = invites.create_invite()
    assert invites.claim_invite(row.id, None) is True
    assert invites.claim_invite(row.id, None) is False
    db.session.commit()
    with pytest.raises(invites.InviteRefused) as refused:
        invites.usable_invite(url.rsplit("/", 1)[1])
    assert refused.value.reason == invites.USED


def test_unknown_and_expired(app):
    row, url = invites.create_invite(days=-1)
    with pytest.raises(invites.InviteRefused) as expired:
        invites.usable_invite(url.rsplit("/", 1)[1])
    assert expired.value.reason == invites.EXPIRED
    assert invites.claim_invite(row.id, None) is False
    with pytest.raises(invites.InviteRefused) as unknown:
        invites.usable_invite("nope")
    assert unknown.value.reason == invites.UNKNOWN
