"""Holding new cards for moderation: a held card reaches nobody but its author and the facilitator until the
facilitator shows it; kept hidden, it stays off the board, the themes and the wall."""
from sqlalchemy import select

from activities.expectations.models import Card
from lti_tool.extensions import db
from tests.support.html import soup, texts


def test_held_cards_wait_for_the_facilitator(network):
    assert "done=hold_cards" in network.control("hold_cards").headers["Location"]
    author, other = network.learner(), network.learner()
    response = network.post(author, "/cards", column="learn", text="Omgaan met agressie aan het loket")
    assert "done=held" in response.headers["Location"]
    card = network.card(author, "Een tweede vraag van mij")
    assert card.held and card.hidden
    assert "Omgaan met agressie" not in network.page(other)  # not on anyone else's board
    mine = soup(network.page(author))
    assert "waiting for the facilitator; only you see it" in texts(str(mine), ".mark--held")
    page = soup(network.page(network.facilitator))
    waiting = page.select_one("#held-learn")
    assert texts(str(waiting), ".held-cards__title") == ["2 new cards wait for you"]
    assert [t.get_text(strip=True) for t in waiting.select(".note__text")] == [
        "Omgaan met agressie aan het loket", "Een tweede vraag van mij"]
    # Shown: on everyone's board. Kept hidden: an ordinary hidden card, out of the waiting list.
    held = db.session.execute(select(Card).filter_by(held=True).order_by(Card.id)).scalars().all()
    assert network.post(network.facilitator, f"/cards/{held[0].id}/moderate", op="show").status_code == 303
    assert network.post(network.facilitator, f"/cards/{held[1].id}/moderate", op="hide").status_code == 303
    board = network.page(other)
    assert "Omgaan met agressie aan het loket" in board and "Een tweede vraag van mij" not in board
    page = soup(network.page(network.facilitator))
    assert not page.select("#held-learn") and page.select_one("#hidden-learn")


def test_without_holding_cards_appear_at_once_and_stopping_keeps_the_waiting_ones(network):
    author = network.learner()
    assert not network.card(author, "Meteen zichtbaar voor iedereen").held
    network.control("hold_cards")
    waiting = network.card(author, "Wacht op goedkeuring")
    assert "done=stop_holding" in network.control("stop_holding").headers["Location"]
    assert not network.card(author, "Weer meteen zichtbaar").held
    db.session.refresh(waiting)
    assert waiting.held  # stopping the hold does not show what was waiting: the facilitator still decides
    assert "Wacht op goedkeuring" not in network.page(network.learner())
