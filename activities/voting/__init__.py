"""Statement voting (stellingen): agree or disagree with a reason; results, discussion, re-vote."""
from flask import Blueprint
from flask_babel import lazy_gettext as _l

from activities.base import Activity, user_id_of
from activities.voting import models  # noqa: F401  (the tables must be known to the metadata)
from activities.voting import export as exporting
from activities.voting import service
from activities.voting import settings as voting_settings
from activities.voting.forms import VotingSettingsForm
from activities.voting.guide import GUIDE
from lti_tool.i18n import current_language

bp = Blueprint("voting", __name__, url_prefix="/voting")


class VotingActivity(Activity):
    """Learners take a position on statements and explain why; the group sees anonymous results."""

    id = "voting"
    stylesheet = "css/voting.css"
    title = _l("Statement voting")
    description = _l("Learners agree or disagree with statements and say why. The group sees the anonymous "
                     "results, discusses them, and can vote again to see how opinions shifted.")
    settings_form = VotingSettingsForm
    blueprint = bp
    guide = GUIDE

    @classmethod
    def default_settings(cls):
        """The four statements of the source training, agree/disagree, reasons required, results after voting."""
        return voting_settings.default_settings()

    @classmethod
    def settings_from_form(cls, form):
        """Settings JSON from a validated VotingSettingsForm."""
        statements = form.parsed_statements
        if statements is None:  # validate() was not called with this form; parse now
            statements, _errors = voting_settings.parse_statements(form.statements.data, current_language())
        return {
            "statements": statements,
            "scale": form.scale.data,
            "reason_required": form.reason.data != "optional",
            "results_mode": form.results_mode.data,
            "min_group_size": int(form.min_group_size.data),
            "learner_statements": form.proposals.data == "moderated",
        }

    @classmethod
    def form_data(cls, settings):
        """Form data for editing: the statements one per line in the designer's language."""
        config = voting_settings.load(settings)
        return {
            "statements": voting_settings.statements_as_text(config.statements, current_language()),
            "scale": config.scale,
            "reason": "required" if config.reason_required else "optional",
            "results_mode": config.results_mode,
            "min_group_size": config.min_group_size,
            "proposals": "moderated" if config.learner_statements else "off",
        }

    @classmethod
    def settings_change_warnings(cls, instance, old, new):
        """What the change would do to votes already given."""
        from activities.voting.settings_changes import warnings

        return warnings(instance, old, new)

    @classmethod
    def participation(cls, instance, user):
        """Statements answered out of all statements (in the learner's fullest round)."""
        return service.participation(instance, user_id_of(user))

    @classmethod
    def export(cls, instance, language=None):
        """One row per vote: participant code, round, statement, choice, reason."""
        return exporting.rows(instance, language=language)

    body_class = "voting"
    present = "activities.voting.present"
    present_actions = ("toggle_open", "toggle_reveal", "new_round", "next_statement", "previous_statement",
                       "toggle_timer")

    @classmethod
    def erase(cls, instance, user):
        """Delete this learner's votes and reasons in every round of this placement."""
        return service.erase(instance, user_id_of(user))

    @classmethod
    def data_owners(cls, instance):
        """Learners with a vote here."""
        return service.data_owners(instance)

    @classmethod
    def participant_details(cls, instance, user_ids):
        """Statements answered in the current round."""
        from activities.voting import dashboard

        return dashboard.participant_details(instance, user_ids)

    @classmethod
    def erase_preview(cls, instance, user_id):
        """How many votes erasing would remove."""
        return service.erase_preview(instance, user_id)


from activities.voting import views  # noqa: E402,F401  (registers the routes on bp)
