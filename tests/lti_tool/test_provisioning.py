"""What a launch writes: a returning user's launch only its own session; changes reach the rows."""
from datetime import timedelta

from sqlalchemy import event

from lti_tool.models import ActivityInstance, Context, Membership, Platform, User
from lti_tool.models.base import utcnow
from tests.lti_tool.test_launch import assert_refused

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"


def writes_during(db, action):
    """The (verb, table) of every INSERT, UPDATE and DELETE the database received during `action`."""
    seen = []

    def record(conn, cursor, statement, *args):
        words = statement.split()
        verb = words[0].upper()
        if verb in ("INSERT", "UPDATE", "DELETE"):
            table = words[2] if verb in ("INSERT", "DELETE") else words[1]
            seen.append((verb, table.strip('"')))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        result = action()
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    return result, seen


def test_a_returning_launch_writes_nothing_but_its_session(client, platform, db):
    assert platform.launch(client, "learner1").status_code == 303
    response, writes = writes_during(db, lambda: platform.launch(client, "learner1"))
    assert response.status_code == 303
    touched = {table for _, table in writes}
    # The login's state (written, then consumed), the nonce record unless Redis keeps it, the session.
    assert touched <= {"login_state", "used_nonce", "launch_session"}, writes
    assert ("INSERT", "launch_session") in writes and ("DELETE", "login_state") in writes


def test_a_new_name_course_title_role_and_line_item_reach_the_rows(client, platform, db):
    assert platform.launch(client, "learner1").status_code == 303
    user, context = User.query.one(), Context.query.one()
    first_name, first_title = user.name, context.title

    def changed(claims):
        claims["name"] = "Renamed Learner"
        claims[LTI + "context"]["title"] = "Lerend netwerk, nieuwe naam"
        claims[LTI + "roles"] = [INSTRUCTOR]
        claims[AGS]["lineitem"] = claims[AGS]["lineitem"] + "&moved=1"

    assert platform.launch(client, "learner1", tamper=changed).status_code == 303
    db.session.expire_all()
    assert (User.query.one().name, Context.query.one().title) == ("Renamed Learner", "Lerend netwerk, nieuwe naam")
    assert (first_name, first_title) != ("Renamed Learner", "Lerend netwerk, nieuwe naam")
    assert Membership.query.one().role == "instructor"
    assert ActivityInstance.query.one().lineitem_url.endswith("&moved=1")


def test_a_launch_without_a_name_keeps_the_name_sent_before(client, platform, db):
    assert platform.launch(client, "learner1").status_code == 303
    name = User.query.one().name
    assert name

    def anonymous(claims):
        for claim in ("name", "given_name", "family_name"):
            claims.pop(claim, None)

    assert platform.launch(client, "learner1", tamper=anonymous).status_code == 303
    db.session.expire_all()
    assert User.query.one().name == name


def test_the_membership_is_stamped_at_most_hourly(client, platform, db):
    assert platform.launch(client, "learner1").status_code == 303
    membership = Membership.query.one()
    recent = utcnow() - timedelta(minutes=30)
    membership.last_launch_at = recent
    db.session.commit()
    assert platform.launch(client, "learner1").status_code == 303
    db.session.expire_all()
    assert Membership.query.one().last_launch_at == recent
    Membership.query.one().last_launch_at = utcnow() - timedelta(hours=2)
    db.session.commit()
    assert platform.launch(client, "learner1").status_code == 303
    db.session.expire_all()
    assert Membership.query.one().last_launch_at > utcnow() - timedelta(minutes=1)


def test_a_platform_removed_during_the_launch_is_refused_clearly(client, platform, db):
    assert platform.launch(client, "learner1").status_code == 303

    def remove_platform(claims):
        db.session.delete(Platform.query.one())
        db.session.commit()

    assert_refused(platform.launch(client, "learner1", tamper=remove_platform))


def test_a_newcomer_or_a_new_role_is_news_for_every_placement_of_the_course(client, platform, db):
    assert platform.launch(client, "learner1").status_code == 303
    instance = ActivityInstance.query.one()
    versions = [instance.live_version]

    def now():
        db.session.expire_all()
        return db.session.get(ActivityInstance, instance.id).live_version

    platform.launch(client, "learner1")
    versions.append(now())  # a returning learner: no news, so open dashboards stay a 304
    platform.launch(client, "learner2")
    versions.append(now())  # a newcomer: dashboards and walls count them
    platform.launch(client, "learner2", tamper=lambda claims: claims.update({LTI + "roles": [INSTRUCTOR]}))
    versions.append(now())
    assert versions[1] == versions[0] and versions[2] > versions[1] and versions[3] > versions[2], versions


def test_the_lms_shared_email_address_is_kept_only_as_its_keyed_digest(client, platform, db):
    from lti_tool.email_keys import email_key

    assert platform.launch(client, "learner1").status_code == 303
    lotte = User.query.filter_by(sub="learner1").one()
    assert lotte.email_key == email_key("Lotte.Janssens@demo.leernetwerk.invalid")  # trimmed and case-folded
    assert "lotte" not in lotte.email_key and len(lotte.email_key) == 64
    assert "janssens@" not in str({c.name: getattr(lotte, c.name) for c in User.__table__.c})
    # A returning launch with the same address writes nothing new for it.
    _response, writes = writes_during(db, lambda: platform.launch(client, "learner1"))
    assert ("UPDATE", "lti_user") not in writes
