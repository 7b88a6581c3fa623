"""Expectation mapping and evaluations: the start board, learning goals, meeting and closing evaluations."""
from flask import Blueprint
from flask_babel import lazy_gettext as _l

from activities.base import Activity, user_id_of
from activities.expectations import models  # noqa: F401  (the tables must be known to the metadata)
from activities.expectations import settings as exp_settings
from activities.expectations.forms import ExpectationsSettingsForm
from activities.expectations.guide import GUIDE
from lti_tool.i18n import current_language

bp = Blueprint("expectations", __name__, url_prefix="/expectations")


class ExpectationsActivity(Activity):
    """Participants map expectations on a board, vote learning goals, and evaluate every meeting and the close."""

    id = "expectations"
    stylesheet = "css/expectations.css"
    title = _l("Expectations and evaluations")
    description = _l("At the start, participants map what they want to learn, what they bring, their questions "
                     "and the agreements they need, and vote on learning goals. After every meeting a short "
                     "evaluation follows those goals; the closing evaluation and report show how far the "
                     "network came.")
    settings_form = ExpectationsSettingsForm
    blueprint = bp
    guide = GUIDE
    body_class = "exp"
    present = "activities.expectations.present"
    present_actions = ("toggle_posting", "toggle_voting")

    @classmethod
    def default_settings(cls):
        """The seed's four columns, 3 dots, cards of 140 characters, anonymous to peers."""
        return exp_settings.default_settings()

    @classmethod
    def settings_from_form(cls, form):
        """Settings JSON from a validated ExpectationsSettingsForm."""
        language = current_language()
        columns = form.parsed_columns
        if columns is None:
            columns, _errors = exp_settings.parse_columns(form.columns.data, language)
        forms = form.parsed_forms
        if forms is None:
            forms, _errors = exp_settings.parse_forms(form.learning_forms.data, language)
        return {
            "columns": columns,
            "learning_forms": forms,
            "card_length": int(form.card_length.data),
            "dots": int(form.dots.data),
            "anonymity": form.anonymity.data,
            "weights": {key: int(getattr(form, f"weight_{key}").data) for key in exp_settings.CRITERIA},
            "min_group_size": int(form.min_group_size.data),
        }

    @classmethod
    def settings_change_warnings(cls, instance, old, new):
        """What the change would do to cards already on the board."""
        from activities.expectations.settings_changes import warnings

        return warnings(instance, old, new)

    @classmethod
    def settings_change_refusals(cls, instance, old, new):
        """Changes that would break the anonymity promised to those who wrote cards."""
        from activities.expectations.settings_changes import refusals

        return refusals(instance, old, new)

    @classmethod
    def form_data(cls, settings):
        """Form data for editing: columns and ways of learning one per line in the designer's language."""
        config = exp_settings.load(settings)
        language = current_language()
        data = {
            "columns": exp_settings.columns_as_text(config.columns, language),
            "learning_forms": exp_settings.forms_as_text(config.learning_forms, language),
            "card_length": config.card_length,
            "dots": config.dots,
            "anonymity": config.anonymity,
            "min_group_size": config.min_group_size,
        }
        data.update({f"weight_{key}": value for key, value in config.weights.items()})
        return data

    @classmethod
    def participation(cls, instance, user):
        """The weighted share of: a card posted, dots placed, meetings held so far evaluated, closing filled."""
        from activities.expectations.participation import participation

        return participation(instance, user_id_of(user))

    @classmethod
    def export(cls, instance, language=None):
        """One row per card, dot, evaluation answer and closing answer, with pseudonymous participant codes."""
        from activities.expectations import export as exporting

        return exporting.rows(instance, language=language)

    @classmethod
    def erase(cls, instance, user):
        """Delete everything this placement holds about one participant; returns how many rows went."""
        from activities.expectations import erase as erasing

        return erasing.erase(instance, user_id_of(user))

    @classmethod
    def data_owners(cls, instance):
        """Participants with a card, dots or an evaluation here."""
        from activities.expectations.people import data_owner_ids

        return data_owner_ids(instance)

    @classmethod
    def erase_preview(cls, instance, user_id):
        """Cards, dots and evaluations erasing would remove."""
        from activities.expectations import erase as erasing

        return erasing.erase_preview(instance, user_id)

    @classmethod
    def participants_endpoint(cls):
        """The participants page, where erase is offered."""
        return "expectations.participants"

    @classmethod
    def participants_template(cls):
        """The core's participants page inside this activity's navigation."""
        return "activities/expectations/participants.html"

    @classmethod
    def participants_page_values(cls, instance):
        """The values of the activity's navigation and the weights note."""
        from activities.expectations import pages
        from activities.expectations.state import state_for

        return pages.common(instance, exp_settings.load(instance.settings), state_for(instance))

    @classmethod
    def participant_details(cls, instance, user_ids):
        """Steps taken, cards posted and the share of the trajectory."""
        from activities.expectations.participation import details

        return details(instance, user_ids)

    @classmethod
    def export_person(cls, instance, user):
        """Everything about one participant; fully anonymous cards stay out (nobody may tie them to a name)."""
        from activities.expectations import export as exporting

        config = exp_settings.load(instance.settings)
        rows = exporting.rows(instance, current_language(), user_id=user.id, cards=not config.fully_anonymous)
        return rows, exporting.COLUMNS


from activities.expectations import (  # noqa: E402,F401  (register the routes on bp)
    charter_views, closing_views, meeting_views, moderation, people_views, views)
