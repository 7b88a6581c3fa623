"""Statement voting (stellingen): agree or disagree with a reason; results, discussion, re-vote."""
from flask import Blueprint
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from activities.base import Activity

bp = Blueprint("voting", __name__, url_prefix="/voting")


class VotingActivity(Activity):
    """Placeholder being replaced by the real activity."""

    id = "voting"
    title = _l("Statement voting")
    description = _l("Agree or disagree with statements, with a reason.")
    settings_form = FlaskForm
    blueprint = bp
