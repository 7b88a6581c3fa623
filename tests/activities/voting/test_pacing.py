"""One statement at a time at the facilitator's pace, and a countdown that closes the vote: what learners can
vote on, what they see, and what the server refuses."""
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm.attributes import set_committed_value

from activities.voting import pacing
from activities.voting.models import Vote, VotingState
from activities.voting.service import state_for
from lti_tool.extensions import db
from lti_tool.live import version_of
from lti_tool.models.base import utcnow
from tests.activities.voting.conftest import KEYS, answers
from tests.support.html import soup, texts


def control(room, action, **fields):
    """A facilitator action with extra fields (seconds, statement)."""
    state = state_for(room.instance)
    data = room.facilitator.form(action=action, round=str(state.current_round), **fields)
    return room.client.post(f"{room.url}/control", data=data)


def paced_vote(room, handle, key, choice="agree", reason="Omdat het zo is.", statement=None):
    """A learner's vote on one statement, naming the statement their page showed."""
    fields = answers(choice, reason, keys=[key])
    return room.vote(handle, statement=statement if statement is not None else key, **fields)


def saved(room):
    """[(statement key, choice)] of every vote in the placement."""
    rows = db.session.execute(select(Vote.statement_key, Vote.choice).filter_by(
        activity_instance_id=room.instance.id).order_by(Vote.id)).all()
    return [tuple(row) for row in rows]


def test_one_at_a_time_offers_only_the_current_statement(room):
    assert control(room, "pace_one").status_code == 303
    handle = room.learner()
    page = soup(room.page(handle))
    assert [f["name"] for f in page.select("input[type=radio][name^=choice_]")][:1] == [f"choice_{KEYS[0]}"]
    assert {f["name"] for f in page.select("input[type=radio]")} == {f"choice_{KEYS[0]}"}
    assert page.select_one("input[name=statement]")["value"] == KEYS[0]
    assert texts(str(page), ".upcoming") == [f"{len(KEYS) - 1} more statements follow when the facilitator moves on."]
    # The later statements' words are not on the page before the facilitator shows them.
    from activities.voting.content import DEFAULT_STATEMENTS
    assert DEFAULT_STATEMENTS[1]["texts"]["en"] not in str(page)
    # Answers to other statements, posted by hand with the current one, are not taken.
    response = room.vote(handle, statement=KEYS[0], **answers("disagree", keys=KEYS[:2]))
    assert response.status_code == 303
    assert saved(room) == [(KEYS[0], "disagree")]


def test_moving_on_follows_on_the_learners_page_and_refuses_the_old_statement(make_room):
    room = make_room(min_group_size=3)
    control(room, "pace_one")
    people = [room.learner() for _ in range(3)]
    for handle, choice in zip(people, ("agree", "agree", "disagree")):
        assert paced_vote(room, handle, KEYS[0], choice).status_code == 303
    assert control(room, "next", statement=KEYS[0]).status_code == 303
    page = soup(room.page(people[0]))
    assert {f["name"] for f in page.select("input[type=radio]")} == {f"choice_{KEYS[1]}"}
    # The statement already discussed shows its results to everyone, below the current one.
    earlier = page.select_one("#statement-1")
    assert [" ".join(r.get_text(" ").split()) for r in earlier.select(".dist__row")] == [
        "Agree 2 votes · 67%", "Disagree 1 vote · 33%"]
    assert page.select("article.statement")[0]["id"] == "statement-2"
    # A page still showing statement 1 cannot change its vote now.
    late = paced_vote(room, people[2], KEYS[0], "agree", statement=KEYS[0])
    assert late.status_code == 409
    assert "The facilitator has moved to another statement" in late.get_data(as_text=True)
    assert saved(room).count((KEYS[0], "disagree")) == 1


def test_a_double_click_on_next_moves_once(room):
    control(room, "pace_one")
    first = control(room, "next", statement=KEYS[0])
    second = control(room, "next", statement=KEYS[0])
    assert "done=next" in first.headers["Location"] and "done=stale" in second.headers["Location"]
    assert state_for(room.instance).current_statement == KEYS[1]
    assert "done=stale" in control(room, "previous", statement=KEYS[0]).headers["Location"]
    assert "done=previous" in control(room, "previous", statement=KEYS[1]).headers["Location"]


def test_moving_on_reopens_voting_and_hides_the_shared_results_of_the_new_statement(room):
    control(room, "pace_one")
    control(room, "close")
    control(room, "reveal")
    control(room, "next", statement=KEYS[0])
    state = state_for(room.instance)
    assert (state.is_open, state.revealed, state.current_statement) == (True, False, KEYS[1])


def test_back_to_all_at_once(room):
    control(room, "pace_one")
    control(room, "next", statement=KEYS[0])
    control(room, "pace_all")
    page = soup(room.page(room.learner()))
    assert {f["name"] for f in page.select("input[type=radio]")} == {f"choice_{key}" for key in KEYS}
    assert page.select_one("input[name=statement]")["value"] == ""


def test_a_new_round_starts_at_its_first_statement(room):
    control(room, "pace_one")
    control(room, "next", statement=KEYS[0])
    fields = room.facilitator.form(action="new_round", round="1", choose="1")
    fields["statement"] = [KEYS[2], KEYS[3]]
    room.client.post(f"{room.url}/control", data=fields)
    assert state_for(room.instance).current_statement == KEYS[2]


def test_the_countdown_shows_and_closes_the_vote_when_it_ends(room):
    handle = room.learner()
    assert control(room, "timer_start", seconds="60").status_code == 303
    page = soup(room.page(handle))
    left = int(page.select_one("[data-closes-in]")["data-closes-in"])
    assert 58 <= left <= 60
    assert texts(str(page), ".countdown__label") == ["Voting closes in"]
    # The deadline passes: the next request closes the vote, once, and a vote is refused.
    state = state_for(room.instance)
    state.closes_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    before = version_of(room.instance.id)
    response = room.vote(handle, **answers())
    assert response.status_code == 409 and "Voting is closed" in response.get_data(as_text=True)
    state = db.session.get(VotingState, room.instance.id)
    assert (state.is_open, state.closes_at) == (False, None)
    assert version_of(room.instance.id) == before + 1
    room.page(handle)
    assert version_of(room.instance.id) == before + 1  # closing happened once
    assert saved(room) == []


def test_a_late_request_does_not_undo_a_countdown_started_again(room):
    control(room, "timer_start", seconds="30")
    stale = state_for(room.instance)
    stale.closes_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    old_deadline = stale.closes_at
    # Meanwhile the facilitator started a fresh countdown (another process, another session).
    db.session.execute(db.update(VotingState).where(VotingState.activity_instance_id == room.instance.id)
                       .values(closes_at=utcnow() + timedelta(seconds=60), is_open=True))
    db.session.commit()
    set_committed_value(stale, "closes_at", old_deadline)  # the late request loaded the old deadline
    assert pacing.settle(room.instance, stale) is False
    state = db.session.get(VotingState, room.instance.id)
    assert state.is_open and state.closes_at is not None


def test_stopping_the_countdown_keeps_voting_open_and_closing_by_hand_stops_it(room):
    control(room, "timer_start", seconds="120")
    assert "done=timer_stop" in control(room, "timer_stop").headers["Location"]
    assert state_for(room.instance).is_open and state_for(room.instance).closes_at is None
    control(room, "timer_start", seconds="120")
    control(room, "close")
    assert state_for(room.instance).closes_at is None


def test_a_countdown_outside_its_bounds_is_refused(room):
    for seconds in ("0", "4", "1801", "abc", ""):
        assert control(room, "timer_start", seconds=seconds).status_code == 400
    assert state_for(room.instance).closes_at is None


def test_the_facilitator_page_offers_pace_and_countdown_in_dutch(client, launches):
    from activities.voting import VotingActivity

    instance = launches.instance("voting", settings=VotingActivity.default_settings())
    facilitator = launches.instructor(instance, locale="nl")
    page = soup(client.get(f"/voting/{instance.id}", query_string=facilitator.params()).get_data(as_text=True))
    labels = [b.get_text(" ", strip=True) for b in page.select("#pace button, #timer button")]
    assert labels == ["Eén stelling tegelijk", "Start het aftellen"]
    assert [o.get_text(strip=True) for o in page.select("#timer-seconds option")] == [
        "30 seconden", "1 minuut", "2 minuten", "3 minuten", "5 minuten"]
