"""Network drawing (netwerktekening): map your learning network, see it grow, find who can help."""
from flask import Blueprint
from flask_babel import lazy_gettext as _l

from activities.base import Activity, user_id_of
from activities.network import models  # noqa: F401  (the tables must be known to the metadata)
from activities.network.organisation import models as organisation_models  # noqa: F401
from activities.network import settings as network_settings
from activities.network import settings_form
from activities.network.settings_form import NetworkSettingsForm
from activities.network.guide import GUIDE

# Its commands (the organisation view's admins and HR files) are `leernetwerk org …`.
bp = Blueprint("network", __name__, url_prefix="/network", cli_group="org")


class NetworkActivity(Activity):
    """Participants draw whom they learn from, see what it means, and redraw it later; facilitators see the course."""

    id = "network"
    stylesheet = "css/network.css"
    title = _l("Network drawing")
    description = _l("Participants map whom they ask and help, how close they are and what each person knows; "
                     "they see what their network means for learning and how it grows between moments. "
                     "Facilitators see the course network and who offers what others need.")
    settings_form = NetworkSettingsForm
    blueprint = bp
    body_class = "network"
    present = "activities.network.present"
    guide = GUIDE

    @classmethod
    def default_settings(cls):
        """The seed's moments (start, end), relations, three rings and places; five contacts to complete."""
        return network_settings.default_settings()

    @classmethod
    def settings_from_form(cls, form):
        """Settings JSON from a validated NetworkSettingsForm."""
        return settings_form.settings_from_form(form)

    @classmethod
    def form_data(cls, settings):
        """Form data for editing: the lists one item per line in the designer's language."""
        return settings_form.form_data(settings)

    @classmethod
    def settings_change_warnings(cls, instance, old, new):
        """What the change would do to drawings already made."""
        from activities.network.settings_changes import warnings

        return warnings(instance, old, new, settings_form.current_language())

    @classmethod
    def participation(cls, instance, user):
        """The share of the three criteria (contacts, own knowledge, reflection) met at the open moment."""
        from activities.network import progress

        return progress.participation(instance, user_id_of(user))

    @classmethod
    def export(cls, instance):
        """One row per contact per drawing, with pseudonymous codes; outsiders only as their category."""
        from activities.network import export_rows

        return export_rows.rows(instance)

    @classmethod
    def erase(cls, instance, user):
        """Delete this learner's drawings and unlink them from classmates' drawings."""
        from activities.network import erase

        return erase.erase(instance, user_id_of(user))

    @classmethod
    def data_owners(cls, instance):
        """Learners with a drawing here."""
        from activities.network import erase

        return erase.data_owners(instance)

    @classmethod
    def participant_details(cls, instance, user_ids):
        """Contacts and the three criteria at the open moment."""
        from activities.network import dashboard

        return dashboard.participant_details(instance, user_ids)

    @classmethod
    def erase_preview(cls, instance, user_id):
        """How many drawings and contacts erasing would remove."""
        from activities.network import erase

        return erase.erase_preview(instance, user_id)


from activities.network import views  # noqa: E402,F401  (registers the routes on bp)
from activities.network.organisation import cli  # noqa: E402,F401  (registers `leernetwerk org …` on bp)
