"""A later round re-opens only the statements the facilitator chose, with the learner's reasons filled in."""
import re

from activities.voting.models import Vote
from activities.voting.service import state_for
from lti_tool.extensions import db
from tests.activities.voting.conftest import KEYS, answers


def _card(page, number):
    return page.split(f'id="statement-{number}"', 1)[1].split("</article>", 1)[0]


def _new_round(room, keys):
    fields = room.facilitator.form(action="new_round", round=str(state_for(room.instance).current_round), choose="1")
    fields["statement"] = list(keys)
    return room.client.post(f"{room.url}/control", data=fields)


def test_round_two_reopens_only_the_chosen_statements(make_room):
    room = make_room(min_group_size=3)
    voters = room.crowd(3, "agree", "Eerste gedachte.")
    assert _new_round(room, [KEYS[1]]).status_code == 303
    page = room.page(voters[0])
    assert f'name="choice_{KEYS[1]}"' in page and f'name="choice_{KEYS[0]}"' not in page
    kept = _card(page, 1)
    assert "Not part of round 2: your earlier position stays." in kept
    assert "Eerste gedachte." in kept and "3 votes" in kept  # their position and round 1's results stay
    assert "0 of 1 statements answered" in page
    # A vote for a statement that was not re-opened is not taken, even when posted by hand.
    room.vote(voters[0], **answers("disagree", "Toch niet.", keys=KEYS[:2], round_number=2))
    round_two = db.session.execute(db.select(Vote.statement_key).filter_by(
        activity_instance_id=room.instance.id, round_number=2)).scalars().all()
    assert round_two == [KEYS[1]]


def test_the_earlier_reason_is_filled_in_and_the_position_chosen_again(make_room):
    room = make_room(min_group_size=3)
    voters = room.crowd(3, "agree", "Omdat kennis delen tijd kost.")
    _new_round(room, [KEYS[0]])
    card = _card(room.page(voters[0]), 1)
    assert re.search(r"<textarea[^>]*>\s*Omdat kennis delen tijd kost.</textarea>", card)
    assert " checked" not in card  # the position is a fresh choice
    assert "Your reason from then is filled in below" in card


def test_statements_not_reopened_keep_their_results_and_show_no_shift(make_room):
    room = make_room(min_group_size=3)
    voters = room.crowd(3, "agree", keys=KEYS[:2])
    _new_round(room, [KEYS[0]])
    for handle in voters:
        room.vote(handle, **answers("disagree", "Na de discussie.", keys=KEYS[:1], round_number=2))
    page = room.page(room.facilitator)
    first, second = (page.split(f'statement-{n}-label', 1)[1].split("</article>", 1)[0] for n in (1, 2))
    assert "How opinions shifted between rounds" in first and "3 people voted in both rounds." in first
    assert "Not re-opened in round 2: these are the results of round 1." in second
    assert "How opinions shifted" not in second and "3 votes" in second
    assert "of 5, re-opened this round" in page or f"of {len(KEYS)}, re-opened this round" in page


def test_choosing_no_statement_starts_no_round(make_room):
    room = make_room()
    response = _new_round(room, [])
    assert response.status_code == 303 and "done=choose_statements" in response.headers["Location"]
    assert state_for(room.instance).current_round == 1
    assert "Choose at least one statement to vote on again." in room.client.get(response.headers["Location"]).get_data(as_text=True)


def test_a_round_without_a_choice_reopens_everything(make_room):
    room = make_room()
    room.crowd(1)
    room.control("new_round")
    page = room.page(room.learner())
    assert all(f'name="choice_{key}"' in page for key in KEYS)


def test_the_grade_keeps_the_fullest_round(make_room):
    room = make_room()
    learner = room.crowd(1)[0]
    _new_round(room, [KEYS[0]])
    room.vote(learner, **answers("disagree", keys=KEYS[:1], round_number=2))
    from lti_tool.models import ScoreOutbox
    latest = db.session.execute(db.select(ScoreOutbox).order_by(ScoreOutbox.id.desc())).scalars().first()
    assert latest.score_given == latest.score_maximum
