"""Dot voting: at most N dots, only while voting is open, on themes of the voting column; ranking and goals."""
import pytest
from sqlalchemy import func, select

from activities.expectations.models import Ballot, Dot, LearningGoal
from lti_tool.extensions import db
from lti_tool.models import ScoreOutbox


@pytest.fixture
def themes(network):
    """Three themes in "what I want to learn" and one in another column; voting open."""
    learner = network.learner()
    made = [network.theme_of([network.card(learner, name)], name) for name in ("Feedback", "Weerstand", "Intervisie")]
    made.append(network.theme_of([network.card(learner, "Maandelijks", column="agreements")], "Ritme"))
    network.control("open_voting")
    return made


def _dots(user_id=None):
    db.session.expire_all()
    query = select(Dot.theme_id, Dot.count)
    if user_id is not None:
        query = query.where(Dot.user_id == user_id)
    return dict(db.session.execute(query).all())


def test_spending_dots_is_saved_with_the_score(network, themes):
    learner = network.learner()
    response = network.vote(learner, {themes[0]: 2, themes[1]: 1})
    assert response.status_code == 303 and "done=voted" in response.headers["Location"]
    db.session.rollback()
    assert _dots(learner.user.id) == {themes[0].id: 2, themes[1].id: 1}
    score = db.session.execute(select(ScoreOutbox).filter_by(user_id=learner.user.id)).scalar_one()
    assert score.score_given == 0.25 and score.comment == "no card yet · dots placed"


def test_voting_again_replaces_the_dots(network, themes):
    learner = network.learner()
    network.vote(learner, {themes[0]: 3})
    network.vote(learner, {themes[2]: 1, themes[0]: 0})
    assert _dots(learner.user.id) == {themes[2].id: 1}


@pytest.mark.parametrize("allocation, status, message", [
    ({0: 2, 1: 2}, 400, "You have 3 dots; you placed 4."),
    ({0: 4}, 400, "You have 3 dots; you placed 4."),
    ({0: 0}, 400, "Place at least one dot."),
    ({0: "-1"}, 400, "Dots are whole numbers from 0 up."),
    ({0: "1.5"}, 400, "Dots are whole numbers from 0 up."),
    ({0: "zwei"}, 400, "Dots are whole numbers from 0 up."),
])
def test_no_more_than_n_dots_and_only_whole_numbers(network, themes, allocation, status, message):
    learner = network.learner()
    response = network.vote(learner, {themes[k]: v for k, v in allocation.items()})
    assert response.status_code == status
    page = response.get_data(as_text=True)
    assert message in page and 'id="error-summary"' in page
    assert _dots(learner.user.id) == {}
    assert db.session.execute(select(Ballot)).first() is None


def test_the_number_of_dots_follows_the_setting(make_network):
    network = make_network(dots=5)
    learner = network.learner()
    theme = network.theme_of([network.card(learner, "Iets")], "Iets")
    network.control("open_voting")
    assert network.vote(learner, {theme: 5}).status_code == 303
    assert network.vote(learner, {theme: 6}).status_code == 400


def test_dots_only_on_themes_of_the_voting_column_of_this_placement(network, themes, make_network, launches):
    learner = network.learner()
    response = network.vote(learner, {themes[3]: 1})  # "Agreements" is not the voting column
    assert response.status_code == 409
    other = make_network(context=launches.context(context_id="course-2"))
    foreign = other.theme_of([other.card(other.learner(), "Elders")], "Elders")
    assert network.vote(learner, {foreign: 1}).status_code == 409
    assert _dots() == {}


def test_no_voting_before_it_opens_or_after_it_closes(network):
    learner = network.learner()
    theme = network.theme_of([network.card(learner, "Feedback")], "Feedback")
    response = network.vote(learner, {theme: 1})
    assert response.status_code == 409 and "Dot voting is not open" in response.get_data(as_text=True)
    network.control("open_voting")
    assert network.vote(learner, {theme: 1}).status_code == 303
    network.control("close_voting")
    response = network.vote(learner, {theme: 3})
    assert response.status_code == 409 and "your dots were not changed" in response.get_data(as_text=True)
    assert _dots(learner.user.id) == {theme.id: 1}


def test_facilitators_do_not_vote(network, themes):
    assert network.vote(network.facilitator, {themes[0]: 1}).status_code == 403


def test_a_repeated_submit_never_adds_up_beyond_n(network, themes):
    learner = network.learner()
    for allocation in ({themes[0]: 3}, {themes[1]: 3}, {themes[2]: 3}):
        assert network.vote(learner, allocation).status_code == 303
    db.session.expire_all()
    total = db.session.execute(select(func.sum(Dot.count)).where(Dot.user_id == learner.user.id)).scalar()
    assert total == 3


def test_the_voting_form_lists_the_themes_with_steppers(network, themes):
    page = network.page(network.learner())
    assert "Spend your 3 dots" in page
    for theme in themes[:3]:
        assert f'name="dots_{theme.id}"' in page
    assert f'name="dots_{themes[3].id}"' not in page
    assert 'max="3"' in page and "0 of 3 dots placed" in page


def test_ranking_is_shown_to_participants_only_after_close_and_with_enough_voters(network, themes):
    voters = [network.learner() for _ in range(5)]
    for n, learner in enumerate(voters):
        network.vote(learner, {themes[0]: 2, themes[1 + n % 2]: 1})
    assert "What the group most wants to learn" not in network.page(voters[0])
    network.control("close_voting")
    page = network.page(voters[0])
    assert "What the group most wants to learn" in page and "10 dots" in page
    assert "Your dots went to:" in page


def test_below_the_minimum_group_the_ranking_stays_hidden(network, themes):
    for learner in [network.learner() for _ in range(4)]:
        network.vote(learner, {themes[0]: 3})
    network.control("close_voting")
    page = network.page(network.learner())
    assert "The result is shown when at least 5 people have voted (now 4)." in page
    assert "12 dots" not in page
    assert "12 dots" in network.page(network.facilitator)  # the facilitator always sees the tally


def test_ranking_orders_by_dots_with_shared_ranks(network, themes, app):
    from activities.expectations import dots
    from activities.expectations import settings as exp_settings

    a, b = network.learner(), network.learner()
    network.vote(a, {themes[1]: 2, themes[2]: 1})
    network.vote(b, {themes[2]: 1, themes[0]: 2})
    ranked = dots.ranking(network.instance, exp_settings.load(network.instance.settings))
    assert [(r.theme.name, r.dots, r.voters) for r in ranked][0][1] == 2
    assert [r.rank for r in ranked] == [1, 1, 1]
    assert {r.theme.name for r in ranked} == {"Feedback", "Weerstand", "Intervisie"}


def test_the_facilitator_confirms_learning_goals_in_rank_order(network, themes):
    voters = [network.learner() for _ in range(2)]
    for learner in voters:
        network.vote(learner, {themes[2]: 2, themes[0]: 1})
    goals = network.goals([themes[0], themes[2]])
    assert [(g.text, g.dots, g.theme_id) for g in goals] == [("Intervisie", 4, themes[2].id), ("Feedback", 2, themes[0].id)]
    again = network.goals([themes[0]])  # already a goal: not twice
    assert len(again) == 2
    page = network.page(voters[0])
    assert "Our learning goals" in page and "<li>Intervisie</li>" in page


def test_goals_from_themes_outside_the_ranking_are_refused(network, themes):
    data = network.facilitator.form(op="confirm")
    data["theme"] = [str(themes[3].id)]
    response = network.client.post(network.url + "/goals", data=data)
    assert response.status_code == 400 and "Tick the themes" in response.get_data(as_text=True)
    assert db.session.execute(select(LearningGoal)).first() is None


def test_goals_and_agreements_are_edited_into_the_charter(network):
    response = network.post(network.facilitator, "/goals", op="add", text="Een intervisiegroep begeleiden")
    assert response.status_code == 303
    goal = db.session.execute(select(LearningGoal)).scalar_one()
    network.post(network.facilitator, "/goals", op="rename", goal=str(goal.id), text="Intervisie begeleiden")
    network.post(network.facilitator, "/charter", op="add", text="Eén keer per maand, op dinsdag")
    page = network.page(network.learner())
    assert "Intervisie begeleiden" in page and "Eén keer per maand, op dinsdag" in page and "Our agreements" in page
    assert network.post(network.facilitator, "/charter", op="add", text="").status_code == 400
    assert network.post(network.facilitator, "/charter", op="add", text="x" * 301).status_code == 400
    assert network.post(network.facilitator, "/goals", op="remove", goal="999999").status_code == 404
    assert network.post(network.facilitator, "/goals", op="remove", goal=str(goal.id)).status_code == 303
    assert network.post(network.learner(), "/charter", op="add", text="Ik ook").status_code == 403


def test_simultaneous_submits_of_one_participant_never_exceed_n(network, themes, app):
    """Eight tabs submit at once (real transactions in threads): the ballot row lock keeps the total at N."""
    import threading

    if app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite://":
        pytest.skip("in-memory SQLite shares one connection between threads; run with PostgreSQL")
    learner = network.learner()
    ids, url = [t.id for t in themes[:3]], network.url  # ORM rows stay in this thread's session
    db.session.commit()
    barrier, codes = threading.Barrier(8), []

    def submit(n):
        client = app.test_client()
        fields = learner.form(**{f"dots_{ids[n % 3]}": "3"})
        barrier.wait()
        codes.append(client.post(url + "/dots", data=fields).status_code)

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(codes) <= {303, 409}
    db.session.expire_all()
    total = db.session.execute(select(func.sum(Dot.count)).where(Dot.user_id == learner.user.id)).scalar()
    assert total == 3
