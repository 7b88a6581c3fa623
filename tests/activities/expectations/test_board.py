"""The start board: posting short cards with the score in one commit, anonymity, moderation marks, live updates."""
import pytest
from sqlalchemy import select

from activities.expectations.models import Card
from lti_tool.extensions import db
from lti_tool.models import ScoreOutbox
from tests.support.html import soup


def _cards(instance):
    db.session.expire_all()
    return db.session.execute(select(Card).filter_by(activity_instance_id=instance.id)).scalars().all()


def test_posting_a_card_queues_participation_in_the_same_commit(network):
    learner = network.learner()
    response = network.post(learner, "/cards", column="learn", text="  Leren   feedback geven ")
    assert response.status_code == 303
    assert "done=posted" in response.headers["Location"] and "lt=" in response.headers["Location"]
    db.session.rollback()  # what we read now was committed
    (card,) = _cards(network.instance)
    assert (card.text, card.column_key, card.user_id) == ("Leren feedback geven", "learn", learner.user.id)
    score = db.session.execute(select(ScoreOutbox).filter_by(user_id=learner.user.id)).scalar_one()
    assert score.score_given == 0.25 and score.activity_progress == "InProgress"
    assert score.comment == "cards posted · not voted yet" and "feedback" not in score.comment


def test_card_and_score_roll_back_together(network, monkeypatch):
    def broken(instance, user_id, participation):
        raise RuntimeError("outbox down")

    monkeypatch.setattr("lti_tool.saving.queue_score", broken)
    response = network.post(network.learner(), "/cards", column="learn", text="Iets")
    assert response.status_code == 500
    assert _cards(network.instance) == []


@pytest.mark.parametrize("text, message", [
    ("   ", "Write something on your card."),
    ("x" * 141, "Keep your card under 140 characters (now 141)."),
])
def test_bad_cards_are_shown_again_with_an_error(network, text, message):
    response = network.post(network.learner(), "/cards", column="questions", text=text)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page and 'href="#text-questions"' in page and 'aria-invalid="true"' in page
    assert _cards(network.instance) == []


def test_card_length_follows_the_setting(make_network):
    network = make_network(card_length=40)
    learner = network.learner()
    assert network.post(learner, "/cards", column="learn", text="x" * 41).status_code == 400
    assert network.post(learner, "/cards", column="learn", text="x" * 40).status_code == 303
    assert 'maxlength="40"' in network.page(learner)


def test_unknown_column_is_a_bad_request(network):
    assert network.post(network.learner(), "/cards", column="nope", text="Iets").status_code == 400


def test_no_cards_after_posting_closes(network):
    assert network.control("close_posting").status_code == 303
    response = network.post(network.learner(), "/cards", column="learn", text="Te laat")
    assert response.status_code == 409 and "Posting is closed" in response.get_data(as_text=True)
    assert _cards(network.instance) == []


def test_facilitators_do_not_post_cards(network):
    assert network.post(network.facilitator, "/cards", column="learn", text="Ik").status_code == 403


def test_peers_see_cards_without_names_the_facilitator_with_names(network):
    author, peer = network.learner(), network.learner()
    network.card(author, "Feedback durven vragen")
    peer_page = network.page(peer)
    assert "Feedback durven vragen" in peer_page and author.user.name not in peer_page
    assert "yours" in network.page(author)
    assert author.user.name in network.page(network.facilitator)


def test_full_anonymity_hides_authors_from_the_facilitator_too(make_network):
    network = make_network(anonymity="full")
    author = network.learner()
    network.card(author, "Feedback durven vragen")
    page = network.page(network.facilitator)
    assert "Feedback durven vragen" in page and author.user.name not in page
    assert "Cards are fully anonymous" in page


def test_a_participant_withdraws_only_their_own_card(network):
    author, other = network.learner(), network.learner()
    card = network.card(author, "Mijn kaartje")
    assert network.post(other, f"/cards/{card.id}/withdraw").status_code == 404
    assert len(_cards(network.instance)) == 1
    assert network.post(author, f"/cards/{card.id}/withdraw").status_code == 303
    assert _cards(network.instance) == []


def test_hidden_cards_leave_the_board_except_for_their_author(network):
    author, peer = network.learner(), network.learner()
    card = network.card(author, "Ongepast kaartje")
    response = network.post(network.facilitator, f"/cards/{card.id}/moderate", op="hide")
    assert response.status_code == 303
    assert "Ongepast kaartje" not in network.page(peer)
    assert "hidden by the facilitator; only you see it" in network.page(author)
    assert "1 hidden card" in network.page(network.facilitator)
    network.post(network.facilitator, f"/cards/{card.id}/moderate", op="show")
    assert "Ongepast kaartje" in network.page(peer)


def test_an_edited_card_carries_a_visible_mark(network):
    card = network.card(network.learner(), "Feedbak")
    response = network.post(network.facilitator, f"/cards/{card.id}/moderate", op="edit", text="Feedback")
    assert response.status_code == 303
    page = network.page(network.learner())
    assert "Feedback" in page and "edited by the facilitator" in page
    assert network.post(network.facilitator, f"/cards/{card.id}/moderate", op="edit", text=" ").status_code == 400
    assert network.post(network.facilitator, f"/cards/{card.id}/moderate", op="boom").status_code == 400


def test_live_endpoint_answers_304_until_the_board_changes(network):
    learner = network.learner()
    network.card(learner, "Eerste")
    first = network.get(learner, "/live")
    assert first.status_code == 200 and first.is_json
    assert first.headers["Cache-Control"] == "no-cache, private"
    data = first.get_json()
    assert "Eerste" in data["html"] and 'data-region="col-learn"' in data["html"]
    assert data["posting_open"] is True and data["voting"] == "not_started" and "lt=" in data["live_url"]
    etag = first.headers["ETag"]
    same = network.client.get(network.url + "/live", query_string=learner.params(), headers={"If-None-Match": etag})
    assert same.status_code == 304 and same.get_data() == b""
    network.card(network.learner(), "Tweede")
    changed = network.client.get(network.url + "/live", query_string=learner.params(),
                                 headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "Tweede" in changed.get_json()["html"]
    assert changed.headers["ETag"] != etag
    # A loaded board carries the tag of what it shows, so its first poll is a 304.
    shown = soup(network.page(learner)).select_one("#live-note")["data-live-etag"]
    assert network.client.get(network.url + "/live", query_string=learner.params(),
                              headers={"If-None-Match": shown}).status_code == 304


def test_live_regions_for_learners_carry_no_authors(network):
    author = network.learner()
    network.card(author, "Anoniem kaartje")
    html = network.get(network.learner(), "/live").get_json()["html"]
    assert "Anoniem kaartje" in html and author.user.name not in html
    assert author.user.name in network.get(network.facilitator, "/live").get_json()["html"]


def test_the_board_works_without_script(network):
    page = network.page(network.learner())
    assert "Reload the board" in page  # the no-script way to see new cards
    assert '<script type="module"' in page and "<script>" not in page and 'style="' not in page


def test_the_board_asks_as_often_as_configured(network, app, monkeypatch):
    monkeypatch.setitem(app.config, "LIVE_BOARD_POLL_SECONDS", 4.0)
    for handle in (network.learner(), network.facilitator):
        assert soup(network.page(handle)).select_one("#live-note")["data-poll-seconds"] == "4.0"
