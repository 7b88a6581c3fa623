"""The start board on the wall: what every participant may see, in large type, without names or hidden
cards; counts while people spend dots; the ranking only after the close and above the minimum group."""
from tests.support.html import soup, texts


def open_wall(network):
    """(path, control key) of a new present view of the board."""
    response = network.client.post(f"/present/open/{network.instance.id}", data=network.facilitator.form())
    assert response.status_code == 303
    path, _, key = response.headers["Location"].partition("#control=")
    return path, key


def wall_page(network, path):
    """The wall's HTML."""
    response = network.client.get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_board_on_the_wall_names_nobody_and_shows_no_hidden_card(network):
    authors = [network.learner() for _ in range(3)]
    cards = [network.card(handle, text) for handle, text in zip(authors, (
        "Omgaan met agressie", "Feedback geven", "Een kaartje dat verborgen wordt"))]
    network.theme_of(cards[:2], name="Moeilijke gesprekken")
    network.post(network.facilitator, f"/cards/{cards[2].id}/moderate", op="hide")
    network.control("hold_cards")
    network.card(authors[0], "Een kaartje dat nog wacht")
    path, _key = open_wall(network)
    html = wall_page(network, path)
    page = soup(html)
    assert texts(html, ".wall-board__theme h3") == ["Moeilijke gesprekken 2 cards"]
    assert sorted(li.get_text(" ", strip=True) for li in page.select(".wall-board__theme li")) == [
        "Feedback geven", "Omgaan met agressie"]
    assert "verborgen" not in html and "nog wacht" not in html
    assert not any(handle.user.name in html for handle in authors)
    assert texts(html, ".wall-status__count") == ["2 cards on the board"]


def test_dots_stay_off_the_wall_until_voting_closes_with_enough_voters(make_network):
    network = make_network(min_group_size=3)
    people = [network.learner() for _ in range(3)]
    first = network.theme_of([network.card(people[0], "Casussen bespreken")], name="Casussen")
    second = network.theme_of([network.card(people[1], "Elkaar bezoeken")], name="Bezoeken")
    network.control("open_voting")
    path, _key = open_wall(network)
    for handle, allocation in zip(people[:2], ({first: 3}, {first: 1, second: 2})):
        assert network.vote(handle, allocation).status_code == 303
    html = wall_page(network, path)
    assert texts(html, ".wall-status__count") == ["2 of 3 have voted"]
    assert not soup(html).select(".ranking")
    network.control("close_voting")
    html = wall_page(network, path)
    assert "Too few people voted to show the ranking: at least 3 are needed." in html
    network.control("open_voting")
    network.vote(people[2], {second: 3})
    network.control("close_voting")
    ranking = [" ".join(li.get_text(" ").split()) for li in soup(wall_page(network, path)).select(".ranking__item")]
    assert ranking == ["1 Bezoeken 5 dots", "2 Casussen 4 dots"]


def test_the_facilitators_keys_open_and_close_cards_and_voting(network):
    from activities.expectations.state import state_for
    from lti_tool.extensions import db

    path, key = open_wall(network)
    for action, check in (("toggle_posting", lambda s: not s.posting_open), ("toggle_posting", lambda s: s.posting_open),
                          ("toggle_voting", lambda s: s.voting == "open"), ("toggle_voting", lambda s: s.voting == "closed")):
        reply = network.client.post(f"{path}/control", data={"action": action}, headers={"X-Present-Control": key})
        assert reply.status_code == 200 and reply.get_json()["changed"], action
        db.session.expire_all()
        assert check(state_for(network.instance)), action
    assert network.client.post(f"{path}/control", data={"action": "toggle_reveal"},
                               headers={"X-Present-Control": key}).status_code == 400


def test_moderating_the_board_reaches_the_wall(network):
    path, _key = open_wall(network)
    card = network.card(network.learner(), "Leren van elkaar")
    tag = network.client.get(f"{path}/live").headers["ETag"]
    assert network.client.get(f"{path}/live", headers={"If-None-Match": tag}).status_code == 304
    network.post(network.facilitator, f"/cards/{card.id}/moderate", op="hide")
    changed = network.client.get(f"{path}/live", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and "Leren van elkaar" not in changed.get_json()["html"]
