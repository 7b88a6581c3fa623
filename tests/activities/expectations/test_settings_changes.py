"""Settings changes that would take cards off the board ask first; breaking an anonymity promise is refused."""
import html

from activities.expectations import ExpectationsActivity
from activities.expectations.models import Card


def _edit(network, app, confirm=False, **fields):
    with app.test_request_context(headers={"Accept-Language": "nl"}):
        data = dict(ExpectationsActivity.form_data(network.instance.settings), title="Lerend netwerk")
    data.update(fields)
    if confirm:
        data["confirm_changes"] = "1"
    return network.client.post(f"/setup/{network.instance.id}/expectations", data=network.facilitator.form(**data))


def _page(response):
    return html.unescape(response.get_data(as_text=True))


def _settings(network, db):
    db.session.expire_all()
    return db.session.get(type(network.instance), network.instance.id).settings


def test_removing_a_column_with_cards_asks_first(network, app, db):
    network.card(network.learner(), "Meer over intervisie", column="learn")
    network.card(network.learner(), "Elke maand", column="agreements")
    with app.test_request_context(headers={"Accept-Language": "nl"}):
        columns = ExpectationsActivity.form_data(network.instance.settings)["columns"].splitlines()
    response = _edit(network, app, columns="\n".join(columns[:3]))
    assert response.status_code == 409
    assert "“Agreements we need” is removed or renamed: its 1 card leaves the board." in _page(response)
    assert len(_settings(network, db)["columns"]) == 4
    assert _edit(network, app, confirm=True, columns="\n".join(columns[:3])).status_code == 303
    assert len(_settings(network, db)["columns"]) == 3 and db.session.query(Card).count() == 2  # nothing deleted


def test_a_shorter_card_length_says_which_cards_are_longer(network, app):
    network.card(network.learner(), "x" * 60)
    response = _edit(network, app, card_length="40")
    assert response.status_code == 409
    assert "1 card is longer than 40 characters" in _page(response)


def test_full_anonymity_cannot_be_lifted_once_cards_exist(make_network, app, db):
    network = make_network(anonymity="full")
    network.card(network.learner(), "Leren van elkaar")
    response = _edit(network, app, anonymity="peers", confirm=True)
    assert response.status_code == 400
    assert "That promise stays for as long as those cards exist" in _page(response)
    assert _settings(network, db)["anonymity"] == "full"


def test_changes_that_touch_no_card_save_at_once(make_network, app, db):
    network = make_network(anonymity="full")
    assert _edit(network, app, anonymity="peers", card_length="40").status_code == 303  # no cards yet
    network.card(network.learner(), "Kort")
    assert _edit(network, app, anonymity="full", dots="5").status_code == 303  # more private is always fine
