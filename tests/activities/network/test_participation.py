"""Participation: a third per criterion at the open moment, sent with the answer in one transaction."""
from sqlalchemy import select

from activities.network import NetworkActivity
from lti_tool.models import ScoreOutbox


def _score(db, course, me):
    rows = db.session.execute(select(ScoreOutbox).filter_by(activity_instance_id=course.instance.id,
                                                            user_id=me.user.id)).scalars().all()
    return rows[-1] if rows else None


def test_fractions_per_criterion(make_course, db):
    course = make_course(min_contacts=2)
    me = course.learner()
    assert NetworkActivity.participation(course.instance, me.user).fraction == 0
    course.add(me, "A.", ring="1", relations=["asked"])
    assert _score(db, course, me).score_given == 0  # one of two contacts
    course.add(me, "B.", ring="0", relations=["asked"])  # not on a ring: does not count
    assert NetworkActivity.participation(course.instance, me.user).fraction == 0
    course.add(me, "C.", ring="3", relations=[])  # no relation: does not count
    course.add(me, "D.", ring="2", relations=["worked_with"])
    assert round(_score(db, course, me).score_given, 2) == 0.33
    course.post(me, "/knowledge", offer_tags="Excel", need_tags="")
    assert round(NetworkActivity.participation(course.instance, me.user).fraction, 2) == 0.33
    course.post(me, "/knowledge", offer_tags="Excel", need_note="Iemand die plant")
    assert round(_score(db, course, me).score_given, 2) == 0.67
    course.post(me, "/reflection", reflection_hard="Tijd", reflection_plan="Vragen")
    score = _score(db, course, me)
    assert score.score_given == 1.0 and score.activity_progress == "Completed"
    assert "2 of 2 contacts placed" in score.comment and "A." not in score.comment


def test_required_questions_count_only_answered_contacts(make_course):
    course = make_course(min_contacts=1, questions_required=True)
    me = course.learner()
    course.add(me, "A.", ring="1", relations=["asked"])
    assert NetworkActivity.participation(course.instance, me.user).fraction == 0
    key = course.drawing(me).contacts[0].key
    course.post(me, f"/contacts/{key}", label="A.", location="my_team", ring="1", relations=["asked"],
                knows="Excel", access="Vragen", cost_effort="2")
    assert round(NetworkActivity.participation(course.instance, me.user).fraction, 2) == 0.33


def test_participation_follows_the_open_moment(make_course, db):
    course = make_course(min_contacts=1)
    me = course.learner()
    course.add(me, "A.")
    course.post(me, "/knowledge", offer_tags="Excel", need_tags="Planning")
    course.post(me, "/reflection", reflection_hard="Tijd", reflection_plan="Vragen")
    assert NetworkActivity.participation(course.instance, me.user).fraction == 1.0
    course.open_moment()
    assert NetworkActivity.participation(course.instance, me.user).fraction == 0
    course.client.post(course.url + "/start", data=me.form(mode="copy"))
    # The copy brings contacts and knowledge; the reflection is asked anew.
    assert round(_score(db, course, me).score_given, 2) == 0.67
    assert "End of the programme" in _score(db, course, me).comment


def test_a_refused_save_records_no_score(course, db):
    me = course.learner()
    course.add(me, "A.")
    before = _score(db, course, me).score_given
    course.add(me, "A.")  # duplicate
    assert _score(db, course, me).score_given == before
    assert len(course.drawing(me).contacts) == 1


def test_course_figures_only_from_the_minimum_group_size(make_course):
    course = make_course(min_group_size=3)
    learners = [course.learner() for _ in range(3)]
    for n, me in enumerate(learners[:2]):
        course.add(me, "A.", ring="1")
        course.add(me, "B.", ring="2")
    assert "In this course" not in course.page(learners[0], "/insights")
    course.add(learners[2], "A.", ring="2")
    page = course.page(learners[0], "/insights")
    assert "3 participants drew their network at this moment: 1.7 contacts on average, 40% of them strong" in page
