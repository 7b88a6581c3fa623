"""The designer's settings: the seed's defaults, parsing columns, validation, and the settings page."""
import pytest
from werkzeug.datastructures import MultiDict

from activities.expectations import ExpectationsActivity
from activities.expectations.content import DEFAULT_COLUMNS
from activities.expectations.forms import ExpectationsSettingsForm
from activities.common.settings_lists import custom_key
from activities.expectations.settings import load, parse_columns

EN = "\n".join(c["texts"]["en"] for c in DEFAULT_COLUMNS)
NL = "\n".join(c["texts"]["nl"] for c in DEFAULT_COLUMNS)


def _form(app, locale="en", **fields):
    data = {"columns": EN, "card_length": "140", "dots": "3", "anonymity": "peers",
            "learning_forms": "Exchanging experiences", "weight_cards": "1", "weight_votes": "1",
            "weight_meetings": "1", "weight_closing": "1", "min_group_size": "5"}
    data.update(fields)
    with app.test_request_context(headers={"Accept-Language": locale}):
        form = ExpectationsSettingsForm(formdata=MultiDict(data))
        valid = form.validate()
        return valid, form.errors, ExpectationsActivity.settings_from_form(form) if valid else None


def test_defaults_follow_the_seed(app):
    settings = ExpectationsActivity.default_settings()
    assert [c["texts"]["nl"] for c in settings["columns"]] == [
        "Wat ik wil leren", "Wat ik kan inbrengen", "Mijn vragen en bezorgdheden", "Afspraken die we nodig hebben"]
    assert "ritme" in settings["columns"][3]["hints"]["nl"]
    assert settings["dots"] == 3 and settings["anonymity"] == "peers" and settings["min_group_size"] == 5
    assert settings["weights"] == {"cards": 1, "votes": 1, "meetings": 1, "closing": 1}
    assert load(settings).voting_column == "learn"


def test_default_columns_keep_both_languages(app):
    for text in (EN, NL):
        valid, errors, settings = _form(app, columns=text)
        assert valid, errors
        assert [c["key"] for c in settings["columns"]] == ["learn", "bring", "questions", "agreements"]
        assert settings["columns"][0]["texts"] == DEFAULT_COLUMNS[0]["texts"]


def test_custom_columns_with_a_hint_and_the_first_as_voting_column(app):
    columns, errors = parse_columns("Onze  vragen | Wat wil je weten?\nAfspraken", "nl")
    assert not errors
    assert columns[0] == {"key": custom_key("Onze vragen", "c_"), "text": "Onze vragen", "language": "nl",
                          "hint": "Wat wil je weten?"}
    assert load({"columns": columns}).voting_column == columns[0]["key"]


@pytest.mark.parametrize("fields, field", [
    ({"columns": ""}, "columns"),
    ({"columns": "\n".join(f"Kolom {n}" for n in range(7))}, "columns"),
    ({"columns": "Een\neen"}, "columns"),
    ({"columns": "x" * 81}, "columns"),
    ({"columns": "| alleen uitleg"}, "columns"),
    ({"dots": "0"}, "dots"),
    ({"dots": "drie"}, "dots"),
    ({"card_length": "500"}, "card_length"),
    ({"min_group_size": "2"}, "min_group_size"),
    ({"anonymity": "named"}, "anonymity"),
    ({"weight_cards": "0", "weight_votes": "0", "weight_meetings": "0", "weight_closing": "0"}, "weight_closing"),
])
def test_bad_settings_are_refused_with_a_message(app, fields, field):
    valid, errors, _settings = _form(app, **fields)
    assert not valid and field in errors and errors[field][0]


def test_settings_round_trip(app):
    valid, errors, settings = _form(app, dots="5", card_length="80", anonymity="full", min_group_size="7",
                                    weight_closing="3", learning_forms="Intervisie\nGastspreker")
    assert valid, errors
    with app.test_request_context():
        data = ExpectationsActivity.form_data(settings)
    assert data["dots"] == 5 and data["card_length"] == 80 and data["anonymity"] == "full"
    assert data["weight_closing"] == 3 and data["learning_forms"] == "Intervisie\nGastspreker"
    assert data["columns"].splitlines()[0].startswith("What I want to learn | ")


def test_stored_settings_are_read_defensively(app):
    config = load({"columns": [{"key": "BAD KEY"}], "dots": 99, "card_length": "x", "weights": {"cards": -4},
                   "min_group_size": 1, "anonymity": "?"})
    assert [c["key"] for c in config.columns] == ["learn", "bring", "questions", "agreements"]
    assert config.dots == 10 and config.card_length == 140 and config.min_group_size == 3
    assert config.weights["cards"] == 0 and config.anonymity == "peers"


def test_the_settings_page_renders_and_saves(client, launches):
    instance = launches.instance(None, settings={})
    facilitator = launches.instructor(instance, locale="en")
    page = client.get(f"/setup/{instance.id}/expectations", query_string=facilitator.params())
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Columns of the start board" in html and "Dots per participant" in html
    assert "Participation sent to the gradebook" in html
    data = facilitator.form(title="Verwachtingen", columns=NL, card_length="140", dots="3", anonymity="peers",
                            learning_forms="Ervaringen uitwisselen", weight_cards="1", weight_votes="1",
                            weight_meetings="2", weight_closing="1", min_group_size="5")
    response = client.post(f"/setup/{instance.id}/expectations", data=data)
    assert response.status_code == 303 and f"/expectations/{instance.id}" in response.headers["Location"]
    bad = client.post(f"/setup/{instance.id}/expectations", data=dict(data, dots="0"))
    assert bad.status_code == 400 and 'aria-invalid="true"' in bad.get_data(as_text=True)
