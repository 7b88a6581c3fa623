"""Statements proposed by learners: held for the facilitator, approved (perhaps reworded) into the vote or
rejected; never shown with the proposer's name; limited, checked and erased with the learner."""
from sqlalchemy import select

from activities.voting.models import Proposal, Vote
from activities.voting.service import state_for
from lti_tool.extensions import db
from lti_tool.grades.outbox import newest_scores
from tests.activities.voting.conftest import KEYS, answers
from tests.support.html import soup, texts


def propose(room, handle, text):
    """POST a proposal as a learner."""
    return room.client.post(f"{room.url}/proposals", data=handle.form(text=text))


def decide(room, proposal_id, decision, text=None):
    """POST the facilitator's decision on a proposal."""
    fields = room.facilitator.form(decision=decision)
    if text is not None:
        fields["text"] = text
    return room.client.post(f"{room.url}/proposals/{proposal_id}", data=fields)


def proposals_of(room):
    """[(text, status)] of the placement's proposals, oldest first."""
    rows = db.session.execute(select(Proposal).filter_by(activity_instance_id=room.instance.id)
                              .order_by(Proposal.id)).scalars()
    return [(p.text, p.status) for p in rows]


def test_a_proposal_waits_and_once_approved_everyone_votes_on_it(make_room):
    room = make_room(learner_statements=True, min_group_size=3)
    author = room.learner()
    response = propose(room, author, "  Kennis delen   kost vooral tijd.  ")
    assert response.status_code == 303 and "done=proposed" in response.headers["Location"]
    assert proposals_of(room) == [("Kennis delen   kost vooral tijd.", "pending")]
    # Nobody votes on it yet: not the author, not the others.
    other = room.learner()
    assert "Kennis delen" not in str(soup(room.page(other)).select(".voting-form"))
    mine = soup(room.page(author))
    assert texts(str(mine), ".proposal") == ["Waiting for the facilitator Kennis delen kost vooral tijd."]
    # The facilitator sees it without the author's name and approves it reworded.
    page = soup(room.page(room.facilitator))
    waiting = page.select_one("#proposals")
    assert waiting.select_one("textarea").get_text() == "Kennis delen   kost vooral tijd."
    assert author.user.name not in str(waiting)
    proposal_id = db.session.execute(select(Proposal.id)).scalar_one()
    assert "done=approved" in decide(room, proposal_id, "approve", "Kennis delen kost vooral tijd.").headers["Location"]
    page = soup(room.page(other))
    legends = [legend.get_text(" ", strip=True) for legend in page.select(".voting-form legend")]
    assert legends[-1] == "Kennis delen kost vooral tijd." and len(legends) == len(KEYS) + 1
    key = page.select("input[type=radio]")[-1]["name"].removeprefix("choice_")
    assert room.vote(other, **answers("agree", keys=[*KEYS, key])).status_code == 303
    assert db.session.execute(select(Vote).filter_by(statement_key=key)).scalar_one().choice == "agree"
    assert texts(room.page(author), ".proposal") == ["Approved: in the vote Kennis delen kost vooral tijd."]


def test_approval_corrects_the_gradebook_for_those_who_had_answered_everything(make_room):
    room = make_room(learner_statements=True)
    voter = room.crowd(1)[0]
    assert newest_scores(room.instance.id)[voter.user.id].score_given == 1.0
    propose(room, room.learner(), "Een nieuwe stelling om over te stemmen.")
    decide(room, db.session.execute(select(Proposal.id)).scalar_one(), "approve")
    assert newest_scores(room.instance.id)[voter.user.id].score_given == 0.8  # 4 of 5 statements answered


def test_a_round_that_reopened_some_statements_takes_the_approved_one(make_room):
    room = make_room(learner_statements=True)
    room.crowd(1)
    fields = room.facilitator.form(action="new_round", round="1", choose="1")
    fields["statement"] = [KEYS[0]]
    room.client.post(f"{room.url}/control", data=fields)
    propose(room, room.learner(), "Een stelling die later komt.")
    decide(room, db.session.execute(select(Proposal.id)).scalar_one(), "approve")
    state = state_for(room.instance)
    assert len(state.round_statements["2"]) == 2 and state.round_statements["2"][0] == KEYS[0]


def test_a_rejected_proposal_never_reaches_the_vote(make_room):
    room = make_room(learner_statements=True)
    author = room.learner()
    propose(room, author, "Dit hoort hier niet thuis.")
    assert "done=rejected" in decide(room, db.session.execute(select(Proposal.id)).scalar_one(),
                                     "reject").headers["Location"]
    assert "Dit hoort hier niet thuis." not in str(soup(room.page(room.learner())).select(".voting-form"))
    assert texts(room.page(author), ".proposal") == ["Not taken Dit hoort hier niet thuis."]
    again = decide(room, db.session.execute(select(Proposal.id)).scalar_one(), "approve")
    assert again.status_code == 400 and "already decided" in again.get_data(as_text=True)


def test_what_a_proposal_may_not_be(make_room):
    room = make_room(learner_statements=True)
    author = room.learner()
    for text, status, message in (
            ("", 400, "Write the statement you would like the group to vote on."),
            ("Te kort", 400, "A statement has 10 to 300 characters."),
            ("x" * 301, 400, "A statement has 10 to 300 characters."),
            # a statement already on the list, in either language and any case
            ("the role of the facilitator/organiser is the most important thing in a learning network.", 409,
             "That statement is already on the list.")):
        response = propose(room, author, text)
        assert response.status_code == status and message in response.get_data(as_text=True), text
    for number in range(3):
        assert propose(room, author, f"Mijn voorstel nummer {number}.").status_code == 303
    fourth = propose(room, author, "Nog eentje erbij, de vierde.")
    assert fourth.status_code == 409 and "3 proposals waiting" in fourth.get_data(as_text=True)
    same = propose(room, room.learner(), "mijn voorstel nummer 0.")
    assert same.status_code == 409 and "Someone already proposed that statement" in same.get_data(as_text=True)


def test_no_proposals_unless_the_settings_allow_them(room):
    response = propose(room, room.learner(), "Een stelling van een deelnemer.")
    assert response.status_code == 409 and proposals_of(room) == []
    assert not soup(room.page(room.learner())).select("#propose")


def test_a_facilitator_cannot_decide_on_another_placements_proposal(make_room):
    room, other = make_room(learner_statements=True), make_room(learner_statements=True)
    propose(other, other.learner(), "Een stelling in een andere cursus.")
    proposal_id = db.session.execute(select(Proposal.id)).scalar_one()
    assert decide(room, proposal_id, "approve").status_code == 404
    assert decide(other, proposal_id, "maybe").status_code == 400
    assert proposals_of(other) == [("Een stelling in een andere cursus.", "pending")]


def test_erasing_a_learner_removes_their_proposals_but_not_the_approved_statement(make_room, app):
    from activities.voting.service import erase, erase_preview

    room = make_room(learner_statements=True)
    author = room.learner()
    propose(room, author, "Een goedgekeurde stelling.")
    decide(room, db.session.execute(select(Proposal.id)).scalar_one(), "approve")
    propose(room, author, "Een voorstel dat nog wacht.")
    with app.test_request_context(headers={"Accept-Language": "en"}):
        lines = [str(line) for line in erase_preview(room.instance, author.user.id).lines]
    assert lines[-1].startswith("It also removes 2 proposed statements")
    erase(room.instance, author.user.id)
    db.session.commit()
    assert proposals_of(room) == []
    assert "Een goedgekeurde stelling." in str(soup(room.page(room.learner())).select(".voting-form"))
