"""Clustering cards into themes and merging duplicates, by form (keyboard, no script) and by the drag script."""
from sqlalchemy import select

from activities.expectations.models import Card, Dot, Theme
from lti_tool.extensions import db


def _refresh(*rows):
    db.session.expire_all()
    return [db.session.get(type(row), row.id) for row in rows]


def test_group_ticked_cards_into_a_named_theme(network):
    a, b = network.learner(), network.learner()
    cards = [network.card(a, "Feedback geven"), network.card(b, "Feedback vragen")]
    response = network.cluster("group", cards, name="Feedback")
    assert response.status_code == 303 and "done=grouped" in response.headers["Location"]
    assert "#column-learn" in response.headers["Location"]
    theme = db.session.execute(select(Theme).filter_by(activity_instance_id=network.instance.id)).scalar_one()
    assert (theme.name, theme.column_key) == ("Feedback", "learn")
    assert {c.theme_id for c in _refresh(*cards)} == {theme.id}
    page = network.page(a)
    assert 'id="theme-%d-name">Feedback</h3>' % theme.id in page and "2 cards" in page


def test_a_theme_without_a_name_is_named_after_its_first_card(network):
    card = network.card(network.learner(), "Omgaan met weerstand in het team")
    network.cluster("group", [card])
    assert db.session.execute(select(Theme.name)).scalar_one() == "Omgaan met weerstand in het team"


def test_add_to_an_existing_theme_and_take_out_again(network):
    learner = network.learner()
    first, second = network.card(learner, "Een"), network.card(learner, "Twee")
    theme = network.theme_of([first], "Thema")
    assert network.cluster("add", [second], theme=str(theme.id)).status_code == 303
    assert _refresh(second)[0].theme_id == theme.id
    assert network.cluster("take_out", [first, second]).status_code == 303
    assert {c.theme_id for c in _refresh(first, second)} == {None}


def test_themes_gather_cards_of_one_column_only(network):
    learner = network.learner()
    learn, bring = network.card(learner, "Leren"), network.card(learner, "Brengen", column="bring")
    response = network.cluster("group", [learn, bring])
    assert response.status_code == 400 and "Select cards from the same column" in response.get_data(as_text=True)
    theme = network.theme_of([learn], "Leren")
    response = network.cluster("add", [bring], theme=str(theme.id))
    assert response.status_code == 400 and "another column" in response.get_data(as_text=True)
    assert _refresh(bring)[0].theme_id is None


def test_nothing_ticked_or_no_theme_chosen_is_explained(network):
    card = network.card(network.learner(), "Iets")
    response = network.cluster("group", [])
    assert response.status_code == 400 and "Select one or more cards first." in response.get_data(as_text=True)
    response = network.cluster("add", [card])
    assert response.status_code == 400 and "Choose the theme" in response.get_data(as_text=True)


def test_merge_duplicates_into_the_oldest_card_and_separate_them_again(network):
    a, b, c = network.learner(), network.learner(), network.learner()
    cards = [network.card(a, "Feedback geven"), network.card(b, "feedback geven!"), network.card(c, "Feedback")]
    theme = network.theme_of([cards[1]], "Feedback")
    response = network.cluster("merge", cards)
    assert response.status_code == 303 and "done=merged" in response.headers["Location"]
    primary, second, third = _refresh(*cards)
    assert primary.merged_into_id is None and second.merged_into_id == third.merged_into_id == primary.id
    assert second.theme_id is None and theme.id is not None
    peer_page = network.page(network.learner())
    assert "3 similar cards" in peer_page and "feedback geven!" not in peer_page
    assert "yours" in network.page(b)  # a merged author still finds their contribution
    facilitator_page = network.page(network.facilitator)
    assert "feedback geven!" in facilitator_page and "Separate again" in facilitator_page
    response = network.post(network.facilitator, f"/cards/{primary.id}/moderate", op="unmerge")
    assert response.status_code == 303
    assert {c.merged_into_id for c in _refresh(*cards)} == {None}


def test_merging_needs_two_cards_in_one_column(network):
    learner = network.learner()
    one, other = network.card(learner, "Een"), network.card(learner, "Ander", column="bring")
    assert network.cluster("merge", [one]).status_code == 400
    response = network.cluster("merge", [one, other])
    assert response.status_code == 400 and "same column" in response.get_data(as_text=True)


def test_withdrawing_a_merged_card_keeps_the_duplicates_of_others(network):
    a, b = network.learner(), network.learner()
    mine, theirs = network.card(a, "Feedback"), network.card(b, "Feedback graag")
    theme = network.theme_of([mine], "Feedback")
    network.cluster("merge", [mine, theirs])
    assert network.post(a, f"/cards/{mine.id}/withdraw").status_code == 303
    (left,) = _refresh(theirs)
    assert left.merged_into_id is None and left.theme_id == theme.id


def test_each_loose_card_becomes_a_theme(network):
    learner = network.learner()
    cards = [network.card(learner, f"Wens {n}") for n in range(3)]
    network.theme_of([cards[0]], "Al een thema")
    response = network.post(network.facilitator, "/columns/learn/singletons")
    assert response.status_code == 303
    names = set(db.session.execute(select(Theme.name)).scalars())
    assert names == {"Al een thema", "Wens 1", "Wens 2"}
    assert network.post(network.facilitator, "/columns/nope/singletons").status_code == 404


def test_rename_and_remove_a_theme_returns_cards_and_dots(network):
    learner = network.learner()
    card = network.card(learner, "Intervisie")
    theme = network.theme_of([card], "Intervisie")
    theme_id = theme.id  # read now: the theme's row goes below, and each request re-reads the test's rows
    network.control("open_voting")
    assert network.vote(learner, {theme: 2}).status_code == 303
    response = network.post(network.facilitator, f"/themes/{theme.id}", op="rename", name="Intervisie leren")
    assert response.status_code == 303 and db.session.get(Theme, theme.id).name == "Intervisie leren"
    assert network.post(network.facilitator, f"/themes/{theme.id}", op="rename", name="").status_code == 400
    assert network.post(network.facilitator, f"/themes/{theme_id}", op="remove").status_code == 303
    db.session.expire_all()
    assert db.session.get(Theme, theme_id) is None and _refresh(card)[0].theme_id is None
    assert db.session.execute(select(Dot)).first() is None


def test_the_drag_script_gets_json_answers(network):
    learner = network.learner()
    first, second = network.card(learner, "Een"), network.card(learner, "Twee")
    data = network.facilitator.form(op="group")
    data["card"] = [str(first.id), str(second.id)]
    response = network.client.post(network.url + "/cluster", data=data, headers={"Accept": "application/json"})
    assert response.status_code == 200 and response.get_json()["ok"] is True
    data = network.facilitator.form(op="add", theme="")
    data["card"] = [str(first.id)]
    response = network.client.post(network.url + "/cluster", data=data, headers={"Accept": "application/json"})
    assert response.status_code == 400 and "Choose the theme" in response.get_json()["error"]


def test_keyboard_path_markup(network):
    network.card(network.learner(), "Een kaartje")
    page = network.page(network.facilitator)
    # A real checkbox per card, tied to the toolbar form, and a way back to that form from every column.
    assert 'form="cluster-form" data-select' in page and 'id="cluster-form"' in page
    assert page.count('href="#cluster-form"') == 4
    assert 'name="op" value="group"' in page and 'name="op" value="merge"' in page


def test_learners_cannot_cluster_or_moderate(network):
    learner = network.learner()
    card = network.card(learner, "Mijn kaartje")
    data = learner.form(op="hide")
    data["card"] = [str(card.id)]
    assert network.client.post(network.url + "/cluster", data=data).status_code == 403
    assert network.post(learner, f"/cards/{card.id}/moderate", op="hide").status_code == 403
    assert network.post(learner, "/control", action="close_posting").status_code == 403
    assert db.session.get(Card, card.id).hidden is False


def test_bad_ids_and_operations_are_clear_4xx(network):
    card = network.card(network.learner(), "Iets")
    assert network.cluster("explode", [card]).status_code == 400
    assert network.cluster("hide", ["abc"]).status_code == 400
    response = network.cluster("hide", [card.id, 999999])
    assert response.status_code == 409 and "no longer on the board" in response.get_data(as_text=True)
    assert network.post(network.facilitator, "/cards/999999/moderate", op="hide").status_code == 404
    assert network.post(network.facilitator, "/themes/999999", op="remove").status_code == 404
    assert network.post(network.facilitator, "/control", action="explode").status_code == 400
