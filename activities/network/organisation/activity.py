"""The organisation view as a placement: added once by an LMS administrator or an organisation admin, it
shows who knows what across the courses that take part, and where knowledge may be lost."""
from flask import Blueprint
from flask_babel import lazy_gettext as _l
from wtforms import IntegerField
from wtforms.validators import InputRequired, NumberRange

from activities.base import Activity
from activities.common.form_fields import min_group_size_field
from activities.common.settings_lists import MIN_GROUP_FLOOR, bounded_int, min_group_size
from activities.network.forms import LaunchForm
from activities.network.organisation import records
from activities.network.organisation.guide import GUIDE
from lti_tool.launch import ADMIN
from lti_tool.participation import Participation

org_bp = Blueprint("organisation", __name__, url_prefix="/organisation")
DEFAULT_HORIZON = 5
DEFAULT_MIN_GROUP = 5  # as Viva Insights does


class OrganisationSettingsForm(LaunchForm):
    """How far ahead departures count, and the smallest group any figure may describe."""

    horizon_years = IntegerField(_l("Leaving within (years)"), description=_l(
        "Holders who leave within this many years count as leaving in the risk list (1 to 10)."),
        validators=[InputRequired(message=_l("Enter a number.")),
                    NumberRange(min=1, max=10, message=_l("Enter a number from %(min)d to %(max)d.", min=1, max=10))])
    min_group_size = min_group_size_field(_l("Minimum group size"), _l(
        "Groups smaller than this never appear, nor anything said about them. At least %(min)d.",
        min=MIN_GROUP_FLOOR))


def may_open(launch):
    """LMS administrators and the people named with `leernetwerk org admins add`; nobody else."""
    return launch.role == ADMIN or records.is_admin(launch.user_id)


def load(settings):
    """(horizon in years, minimum group size) from stored settings, within bounds."""
    settings = settings if isinstance(settings, dict) else {}
    return bounded_int(settings.get("horizon_years"), DEFAULT_HORIZON, 1, 10), min_group_size(settings)


class OrganisationActivity(Activity):
    """Who knows what across the organisation's courses, and which knowledge may be lost."""

    id = "organisation"
    title = _l("Organisation view")
    description = _l("For L&D and HR: the network of the courses that take part, who knows what, and where "
                     "knowledge may be lost when people leave. Only for administrators; people appear as codes.")
    settings_form = OrganisationSettingsForm
    blueprint = org_bp
    stylesheet = "css/network.css"
    body_class = "network organisation"
    graded = False
    guide = GUIDE

    @classmethod
    def offered_to(cls, launch):
        """Only administrators may add it (an instructor's picker does not show it)."""
        return may_open(launch)

    @classmethod
    def default_settings(cls):
        """Five years ahead, groups of at least five."""
        return {"horizon_years": DEFAULT_HORIZON, "min_group_size": DEFAULT_MIN_GROUP}

    @classmethod
    def settings_from_form(cls, form):
        """Settings JSON from a validated form."""
        return {"horizon_years": int(form.horizon_years.data), "min_group_size": int(form.min_group_size.data)}

    @classmethod
    def participation(cls, instance, user):
        """Nothing to take part in: the view reads the courses' drawings."""
        return Participation(0.0, "")

    @classmethod
    def export(cls, instance):
        """The view holds no one's answers (its exports are on its page)."""
        return []

    @classmethod
    def erase(cls, instance, user):
        """Nothing of anyone is kept on the placement itself."""

    @classmethod
    def data_owners(cls, instance):
        """Nobody: the figures are computed from the courses each time."""
        return set()


from activities.network.organisation import views  # noqa: E402,F401  (registers the routes on org_bp)
