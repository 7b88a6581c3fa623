"""The designer's settings: defaults from the seeds, parsing lists, validation, and the settings page."""
import pytest
from werkzeug.datastructures import MultiDict

from activities.reflection import ReflectionActivity
from activities.reflection.content import DEFAULT_GROUPS, DEFAULT_TAGS, PARTS
from activities.reflection.forms import ReflectionSettingsForm
from activities.common.settings_lists import custom_key
from activities.reflection.settings import load

GROUPS_EN = [g["texts"]["en"] for g in DEFAULT_GROUPS]
TAGS_NL = [t["texts"]["nl"] for t in DEFAULT_TAGS]


def _form(app, locale="en", **fields):
    data = MultiDict({"stakeholder_groups": "\n".join(GROUPS_EN), "tags": "\n".join(TAGS_NL), "own_tags": "y",
                      "min_group_size": "5"})
    data.setlist("parts", list(PARTS))
    for name, value in fields.items():
        if isinstance(value, list):
            data.setlist(name, value)
        elif value is None:
            data.pop(name, None)
        else:
            data[name] = value
    with app.test_request_context(headers={"Accept-Language": locale}):
        form = ReflectionSettingsForm(formdata=data)
        valid = form.validate()
        return valid, form.errors, ReflectionActivity.settings_from_form(form) if valid else None


def test_defaults_come_from_the_seeds(app):
    settings = ReflectionActivity.default_settings()
    assert settings["parts"] == ["situations", "factors", "trust", "sharing", "action"]
    assert [g["texts"]["en"] for g in settings["stakeholder_groups"]] == [
        "Colleagues in my team", "Other departments", "Leadership", "Customers", "Suppliers", "Other organisations"]
    assert [t["key"] for t in settings["tags"]] == [
        "trust", "time", "safe_to_fail", "recognition", "purpose", "culture", "structure_tools", "jargon_language",
        "distance", "hierarchy", "competition", "who_knows_what"]
    assert all(t["texts"]["nl"] and t["texts"]["en"] for t in settings["tags"])
    assert settings["own_tags"] is True and settings["min_group_size"] == 5


def test_the_site_minimum_group_size_is_the_default_but_never_below_three(app):
    app.config["MIN_GROUP_SIZE"] = 2
    try:
        assert ReflectionActivity.default_settings()["min_group_size"] == 3
        assert load({"min_group_size": 1}).min_group_size == 3
    finally:
        app.config["MIN_GROUP_SIZE"] = 5


def test_defaults_keep_both_languages_whichever_language_they_were_edited_in(app):
    valid, errors, settings = _form(app, "nl")
    assert valid, errors
    assert [g["key"] for g in settings["stakeholder_groups"]] == [g["key"] for g in DEFAULT_GROUPS]
    assert settings["tags"][0]["texts"] == DEFAULT_TAGS[0]["texts"]


def test_own_lines_are_kept_as_written_with_a_stable_key(app):
    valid, errors, settings = _form(app, "nl", stakeholder_groups="  Vrijwilligers \n\nKlanten", tags="Koffie\ntijd")
    assert valid, errors
    volunteers, customers = settings["stakeholder_groups"]
    assert volunteers == {"key": custom_key("Vrijwilligers"), "text": "Vrijwilligers", "language": "nl"}
    assert customers["key"] == "customers"
    assert [t["key"] for t in settings["tags"]] == [custom_key("Koffie"), "time"]  # case does not matter


def test_settings_round_trip_through_the_form(app):
    valid, errors, settings = _form(app, parts=["trust", "action"], own_tags=None, min_group_size="7",
                                    tags="Tijd\nEigen tag")
    assert valid, errors
    assert settings["parts"] == ["trust", "action"] and settings["own_tags"] is False
    assert settings["min_group_size"] == 7
    with app.test_request_context(headers={"Accept-Language": "en"}):
        data = ReflectionActivity.form_data(settings)
    assert data["parts"] == ["trust", "action"] and data["tags"] == "Time\nEigen tag"
    assert data["stakeholder_groups"] == "\n".join(GROUPS_EN) and data["own_tags"] is False


@pytest.mark.parametrize("fields, field, message", [
    ({"parts": []}, "parts", "at least one part"),
    ({"parts": ["trust", "gossip"]}, "parts", None),
    ({"stakeholder_groups": " \n "}, "stakeholder_groups", "at least one stakeholder group"),
    ({"stakeholder_groups": "\n".join(f"Groep {i}" for i in range(11))}, "stakeholder_groups", "at most 10"),
    ({"stakeholder_groups": "Klanten\nCustomers"}, "stakeholder_groups", "Line 2 repeats line 1"),
    ({"tags": "Kort\n" + "x" * 51}, "tags", "Line 2 is 51 characters long"),
    ({"tags": ""}, "tags", "at least one tag"),
    ({"min_group_size": "2"}, "min_group_size", "from 3 to 1000"),
    ({"min_group_size": "vijf"}, "min_group_size", None),
])
def test_invalid_settings_are_refused_with_a_message(app, fields, field, message):
    valid, errors, _settings = _form(app, **fields)
    assert not valid and field in errors
    if message:
        assert any(message in str(e) for e in errors[field]), errors


def test_broken_stored_settings_fall_back_to_safe_values(app):
    config = load({"parts": "all", "stakeholder_groups": [{"key": "BAD KEY", "text": "x"}, 7], "tags": None,
                   "min_group_size": "many"})
    assert config.parts == PARTS and [g["key"] for g in config.groups] == [g["key"] for g in DEFAULT_GROUPS]
    assert len(config.tags) == len(DEFAULT_TAGS) and config.min_group_size == 5
    assert load({"stakeholder_groups": [{"key": "other", "text": "Clash"}]}).groups[0]["key"] == "team"


def test_the_settings_page_renders_and_saves(client, launches, db):
    instance = launches.instance("reflection", title="Remmers en motoren")
    facilitator = launches.instructor(instance, locale="en")
    page = client.get(f"/setup/{instance.id}/reflection", query_string=facilitator.params())
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Parts learners answer" in html and "Colleagues in my team" in html and "A safe place to make mistakes" in html
    fields = facilitator.form(title="Remmers", parts=["trust"], stakeholder_groups="Klanten\nLeveranciers",
                              tags="Tijd", min_group_size="4")
    response = client.post(f"/setup/{instance.id}/reflection", data=fields)
    assert response.status_code == 303
    db.session.refresh(instance)
    assert instance.settings["parts"] == ["trust"] and instance.settings["min_group_size"] == 4
    assert [g["key"] for g in instance.settings["stakeholder_groups"]] == ["customers", "suppliers"]
    bad = client.post(f"/setup/{instance.id}/reflection", data=facilitator.form(
        title="Remmers", parts=["trust"], stakeholder_groups="", tags="Tijd", min_group_size="1"))
    assert bad.status_code == 400
    text = bad.get_data(as_text=True)
    assert 'href="#stakeholder_groups"' in text and 'href="#min_group_size"' in text
