"""Meeting and closing evaluations: the learning goals flow in, answers stay private, figures need a group."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from activities.expectations.models import GoalProgress, GoalVerdict, Meeting, MeetingEvaluation
from lti_tool.extensions import db
from lti_tool.models import ScoreOutbox
from lti_tool.models.base import utcnow


@pytest.fixture
def goals(network):
    """Two confirmed learning goals, from voted themes."""
    learner = network.learner()
    themes = [network.theme_of([network.card(learner, name)], name) for name in ("Feedback", "Intervisie")]
    return network.goals(themes)


def _score(handle):
    db.session.expire_all()
    return db.session.execute(select(ScoreOutbox).filter_by(user_id=handle.user.id).order_by(ScoreOutbox.id.desc())
                              ).scalars().first()


def test_the_facilitator_plans_meetings(network):
    meeting = network.meeting(days_ago=3, topic="Kennismaking")
    meeting_id = meeting.id  # read now: the meeting's row goes below, and each request re-reads the test's rows
    page = network.page(network.facilitator, "/meetings")
    assert "Kennismaking" in page and "0 evaluations" in page
    later = (utcnow() + timedelta(days=7)).date().isoformat()
    response = network.post(network.facilitator, f"/meetings/{meeting.id}/edit", op="update", held_on=later,
                            topic="Kennismaking en verwachtingen")
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(Meeting, meeting.id).topic == "Kennismaking en verwachtingen"
    assert network.post(network.facilitator, f"/meetings/{meeting_id}/edit", op="remove").status_code == 303
    assert db.session.get(Meeting, meeting_id) is None


@pytest.mark.parametrize("fields, anchor", [
    ({"held_on": "", "topic": "Iets"}, "#held_on"),
    ({"held_on": "31-02-2026", "topic": "Iets"}, "#held_on"),
    ({"held_on": "2026-03-01", "topic": "  "}, "#topic"),
    ({"held_on": "2026-03-01", "topic": "x" * 201}, "#topic"),
])
def test_bad_meetings_are_shown_again_with_errors(network, fields, anchor):
    response = network.post(network.facilitator, "/meetings", **fields)
    assert response.status_code == 400 and f'href="{anchor}"' in response.get_data(as_text=True)
    assert db.session.execute(select(Meeting)).first() is None


def test_the_evaluation_asks_about_every_confirmed_goal(network, goals):
    meeting = network.meeting()
    page = network.page(network.learner(), f"/meetings/{meeting.id}")
    for goal in goals:
        assert f'name="progress_{goal.id}"' in page and goal.text in page
    assert "Did we move forward on our learning goals?" in page and 'name="usefulness"' in page


def test_an_evaluation_saves_progress_per_goal_with_the_score(network, goals):
    learner = network.learner()
    meeting = network.meeting()
    response = network.evaluate(learner, meeting, goals, usefulness="5", progress="a_little")
    assert response.status_code == 303 and "done=evaluated" in response.headers["Location"]
    db.session.rollback()
    evaluation = db.session.execute(select(MeetingEvaluation)).scalar_one()
    assert (evaluation.usefulness, evaluation.went_well) == (5, "Goede sfeer")
    answers = dict(db.session.execute(select(GoalProgress.goal_id, GoalProgress.answer)).all())
    assert answers == {g.id: "a_little" for g in goals}
    assert _score(learner).comment == "no card yet · not voted yet · 1 of 1 meeting evaluations"
    assert network.evaluate(learner, meeting, goals, usefulness="2").status_code == 303  # changed, not doubled
    db.session.expire_all()
    assert db.session.execute(select(MeetingEvaluation.usefulness)).scalars().all() == [2]


@pytest.mark.parametrize("fields, anchor", [
    ({"usefulness": ""}, "#usefulness-0"),
    ({"usefulness": "6"}, "#usefulness-0"),
    ({"went_well": "x" * 1001}, "#went_well"),
])
def test_bad_evaluations_are_shown_again_with_errors(network, goals, fields, anchor):
    meeting = network.meeting()
    response = network.evaluate(network.learner(), meeting, goals, **fields)
    assert response.status_code == 400 and f'href="{anchor}"' in response.get_data(as_text=True)
    assert db.session.execute(select(MeetingEvaluation)).first() is None


def test_every_goal_needs_an_answer(network, goals):
    meeting = network.meeting()
    fields = {f"progress_{goals[0].id}": "yes"}
    response = network.post(network.learner(), f"/meetings/{meeting.id}", usefulness="4", **fields)
    assert response.status_code == 400 and f'href="#progress_{goals[1].id}-0"' in response.get_data(as_text=True)


def test_a_meeting_is_evaluated_from_its_date_on(network, goals):
    meeting = network.meeting(days_ago=-3)
    assert "has not taken place yet" in network.page(network.learner(), f"/meetings/{meeting.id}")
    response = network.evaluate(network.learner(), meeting, goals)
    assert response.status_code == 409 and db.session.execute(select(MeetingEvaluation)).first() is None


def test_participants_see_figures_only_from_the_minimum_group_and_never_texts(network, goals):
    meeting = network.meeting()
    people = [network.learner() for _ in range(5)]
    for n, learner in enumerate(people[:4]):
        network.evaluate(learner, meeting, goals, usefulness=str(2 + n % 3), went_well=f"Geheim {n}")
    page = network.page(people[0], f"/meetings/{meeting.id}")
    assert "appear when at least 5 people have evaluated this meeting (now 4)" in page
    network.evaluate(people[4], meeting, goals, usefulness="5", went_well="Geheim 4")
    page = network.page(people[0], f"/meetings/{meeting.id}")
    assert "How the group rated this meeting" in page and "average usefulness" in page
    assert "Geheim 0" in page and "Geheim 1" not in page  # only their own answer, in their own form
    facilitator = network.page(network.facilitator, f"/meetings/{meeting.id}")
    assert all(f"Geheim {n}" in facilitator for n in range(5))
    for learner in people:
        assert learner.user.name not in facilitator


def test_a_participant_sees_no_figures_before_evaluating(network, goals):
    meeting = network.meeting()
    for learner in [network.learner() for _ in range(5)]:
        network.evaluate(learner, meeting, goals)
    assert "How the group rated this meeting" not in network.page(network.learner(), f"/meetings/{meeting.id}")


def test_the_trend_shows_each_held_meeting_and_goal(network, goals):
    first, second = network.meeting(days_ago=20, topic="Eerste"), network.meeting(days_ago=2, topic="Tweede")
    network.meeting(days_ago=-5, topic="Later")
    learner = network.learner()
    network.evaluate(learner, first, goals, usefulness="2", progress="no")
    network.evaluate(learner, second, goals, usefulness="4", progress="yes")
    page = network.page(network.facilitator, "/meetings")
    assert "Trend across meetings" in page and "Usefulness and progress on the learning goals" in page
    assert page.count('class="heat heat--0"') == 2 and page.count('class="heat heat--4"') == 2
    assert ">2.0<" in page and ">4.0<" in page and "Later" in page


def test_closing_evaluation_opens_and_closes(network, goals):
    learner = network.learner()
    assert "opens at the end of the network" in network.page(learner, "/closing")
    assert network.close_evaluation(learner, goals).status_code == 409
    assert network.post(network.facilitator, "/control", action="open_closing").status_code == 303
    page = network.page(learner, "/closing")
    for goal in goals:
        assert f'name="verdict_{goal.id}"' in page
    assert 'name="form_exchange"' in page and 'name="aftercare"' in page
    response = network.close_evaluation(learner, goals, verdict="partly")
    assert response.status_code == 303 and "done=closing_saved" in response.headers["Location"]
    verdicts = dict(db.session.execute(select(GoalVerdict.goal_id, GoalVerdict.verdict)).all())
    assert verdicts == {g.id: "partly" for g in goals}
    network.control("close_closing")
    assert network.close_evaluation(learner, goals, verdict="met").status_code == 409


@pytest.mark.parametrize("fields, anchor", [
    ({"aftercare": ""}, "#aftercare-0"),
    ({"form_exchange": "great"}, "#form_exchange-0"),
    ({"suggestions": "x" * 1501}, "#suggestions"),
])
def test_bad_closing_answers_are_shown_again(network, goals, fields, anchor):
    network.control("open_closing")
    response = network.close_evaluation(network.learner(), goals, **fields)
    assert response.status_code == 400 and f'href="{anchor}"' in response.get_data(as_text=True)


def test_participation_grows_over_the_trajectory(network):
    learner = network.learner()
    card = network.card(learner, "Feedback")
    assert _score(learner).score_given == 0.25
    theme = network.theme_of([card], "Feedback")
    network.control("open_voting")
    network.vote(learner, {theme: 3})
    assert _score(learner).score_given == 0.5
    goals = network.goals([theme])
    first, second = network.meeting(days_ago=10, topic="Een"), network.meeting(days_ago=1, topic="Twee")
    network.evaluate(learner, first, goals)
    assert _score(learner).score_given == 0.625  # 1 of 2 held meetings evaluated
    network.evaluate(learner, second, goals)
    assert _score(learner).score_given == 0.75 and _score(learner).activity_progress == "InProgress"
    network.control("open_closing")
    network.close_evaluation(learner, goals)
    score = _score(learner)
    assert score.score_given == 1.0 and score.activity_progress == "Completed"
    assert score.comment == ("cards posted · dots placed · 2 of 2 meeting evaluations · "
                             "closing evaluation filled in")


def test_weights_change_what_counts(make_network):
    network = make_network(weights={"cards": 0, "votes": 0, "meetings": 1, "closing": 3})
    learner = network.learner()
    network.card(learner, "Iets")
    assert _score(learner).score_given == 0.0 and _score(learner).comment == ""


def test_the_closing_report_carries_goals_from_start_to_close(network):
    voters = [network.learner() for _ in range(2)]
    theme = network.theme_of([network.card(voters[0], "Feedback")], "Feedback")
    network.control("open_voting")
    for learner in voters:
        network.vote(learner, {theme: 3})
    goals = network.goals([theme])
    meeting = network.meeting(topic="Casus")
    network.evaluate(voters[0], meeting, goals, progress="yes")
    network.control("open_closing")
    network.close_evaluation(voters[0], goals, suggestions="Start met een kennismakingsspel")
    page = network.page(network.facilitator, "/report")
    assert "Learning goals from start to close" in page and "Feedback" in page
    assert ">6<" in page and ">100<" in page and "Start met een kennismakingsspel" in page
    assert "draft: the closing evaluation is not closed yet" in page and "data-print" in page
    response = network.get(network.facilitator, "/report.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert "Learning goal,Feedback,Dots at the start,6" in text and "Start met een kennismakingsspel" in text
    assert voters[0].user.name not in text
    assert network.get(voters[0], "/report").status_code == 403
    assert network.get(voters[0], "/report.csv").status_code == 403
