"""The designer's settings: defaults, parsing statements, form validation and the form markup."""
import pytest
from flask import render_template_string
from werkzeug.datastructures import MultiDict

from activities.voting import VotingActivity
from activities.voting.content import DEFAULT_STATEMENTS
from activities.voting.forms import VotingSettingsForm
from activities.common.settings_lists import custom_key
from activities.voting.settings import load, parse_statements

NL = [s["texts"]["nl"] for s in DEFAULT_STATEMENTS]
EN = [s["texts"]["en"] for s in DEFAULT_STATEMENTS]


def _form(app, locale="en", **fields):
    data = {"statements": "\n".join(EN), "scale": "agree_disagree", "reason": "required",
            "results_mode": "after_vote", "min_group_size": "5"}
    data.update(fields)
    with app.test_request_context(headers={"Accept-Language": locale}):
        form = VotingSettingsForm(formdata=MultiDict(data))
        valid = form.validate()
        settings = VotingActivity.settings_from_form(form) if valid else None
        return valid, form.errors, settings


def test_defaults_are_the_four_seed_statements(app):
    settings = VotingActivity.default_settings()
    assert [s["texts"]["nl"] for s in settings["statements"]] == NL
    assert settings["scale"] == "agree_disagree" and settings["reason_required"] is True
    assert settings["results_mode"] == "after_vote" and settings["min_group_size"] == 5
    assert NL[3].startswith("Bij een lerend netwerk kijk ik altijd eerst de kat uit de boom.")


def test_default_statements_keep_both_languages_whichever_language_they_were_edited_in(app):
    for lines in (EN, NL):
        valid, errors, settings = _form(app, statements="\n".join(lines))
        assert valid, errors
        assert [s["key"] for s in settings["statements"]] == [s["key"] for s in DEFAULT_STATEMENTS]
        assert settings["statements"][0]["texts"] == DEFAULT_STATEMENTS[0]["texts"]


def test_custom_statements_keep_their_key_while_unchanged(app):
    valid, _errors, settings = _form(app, "nl", statements=f"  Eigen   stelling één \r\n\n{EN[1]}\n")
    assert valid
    first, second = settings["statements"]
    assert first == {"key": custom_key("Eigen stelling één", fold_case=False), "text": "Eigen stelling één", "language": "nl"}
    assert second["key"] == DEFAULT_STATEMENTS[1]["key"]


def test_settings_round_trip_through_the_form(app):
    valid, _errors, settings = _form(app, scale="five_point", reason="optional", results_mode="after_reveal",
                                     min_group_size="8", statements="Een\nTwee", proposals="moderated")
    assert valid
    assert settings["learner_statements"] is True
    assert settings["scale"] == "five_point" and settings["reason_required"] is False
    assert settings["results_mode"] == "after_reveal" and settings["min_group_size"] == 8
    with app.test_request_context():
        data = VotingActivity.form_data(settings)
    assert data == {"statements": "Een\nTwee", "scale": "five_point", "reason": "optional",
                    "results_mode": "after_reveal", "min_group_size": 8, "proposals": "moderated"}


def test_form_data_shows_defaults_in_the_designers_language(app):
    with app.test_request_context(headers={"Accept-Language": "nl"}):
        assert VotingActivity.form_data(VotingActivity.default_settings())["statements"] == "\n".join(NL)


@pytest.mark.parametrize("fields, field, message", [
    ({"statements": "  \n \n"}, "statements", "at least one statement"),
    ({"statements": "\n".join(f"Stelling {i}" for i in range(21))}, "statements", "at most 20 statements"),
    ({"statements": "Kort\n" + "x" * 301}, "statements", "Statement 2 is 301 characters long"),
    ({"statements": "Zelfde\nZelfde"}, "statements", "Statement 2 repeats statement 1"),
    ({"min_group_size": "2"}, "min_group_size", "from 3 to 1000"),
    ({"min_group_size": "vijf"}, "min_group_size", None),
    ({"min_group_size": ""}, "min_group_size", "Enter a number"),
    ({"scale": "seven_point"}, "scale", None),
    ({"results_mode": "never"}, "results_mode", None),
    ({"reason": ""}, "reason", None),
])
def test_invalid_settings_are_refused(app, fields, field, message):
    valid, errors, _settings = _form(app, **fields)
    assert not valid and field in errors
    if message:
        assert any(message in str(e) for e in errors[field]), errors


def test_every_statement_problem_is_listed(app):
    _valid, errors, _settings = _form(app, statements="a\n" + "y" * 301 + "\na\n" + "z" * 400)
    assert len(errors["statements"]) == 3


def test_parse_limits_are_exact(app):
    with app.test_request_context():
        statements, errors = parse_statements("s" * 300, "en")
        assert errors == [] and len(statements[0]["text"]) == 300
        statements, errors = parse_statements("\n".join(f"Stelling {i}" for i in range(20)), "en")
        assert errors == [] and len(statements) == 20
        statements, errors = parse_statements("Dubbel\ndubbel", "en")  # case counts: two statements
        assert errors == [] and len(statements) == 2


def test_stored_settings_are_read_defensively(app):
    config = load({"statements": [{"key": "BAD KEY", "text": "x"}, {"key": "ok", "text": "Goed"}],
                   "scale": "five_point", "min_group_size": 1, "results_mode": "sometimes"})
    assert [s["key"] for s in config.statements] == ["ok"]
    assert config.scale == "five_point" and config.min_group_size == 3 and config.results_mode == "after_vote"
    assert load(None).statements[0]["key"] == DEFAULT_STATEMENTS[0]["key"]


def test_settings_fields_render_accessibly(app):
    with app.test_request_context(headers={"Accept-Language": "en"}):
        form = VotingSettingsForm(formdata=MultiDict({"statements": "", "min_group_size": "1"}))
        form.validate()
        html = render_template_string('{% include "activities/voting/settings_fields.html" %}', form=form)
    assert '<label for="statements">Statements</label>' in html
    assert 'aria-describedby="statements-hint statements-error"' in html
    assert '<fieldset class="field settings-group" id="scale" tabindex="-1"' in html
    assert "<legend>Answer scale</legend>" in html
    assert 'type="number"' in html and 'min="3"' in html and 'aria-invalid="true"' in html
    assert "style=" not in html
