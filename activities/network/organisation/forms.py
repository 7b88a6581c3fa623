"""The organisation view's forms: an HR file to import."""
from flask_babel import lazy_gettext as _l
from wtforms import FileField
from wtforms.validators import StopValidation

from lti_tool.forms import LaunchForm

NO_FILE = _l("Choose a CSV file first.")


def _file_chosen(form, field):
    if not getattr(field.data, "filename", ""):
        raise StopValidation(NO_FILE)


class HrFileForm(LaunchForm):
    """A skills file or a leaving file, as CSV."""

    file = FileField(_l("CSV file"), validators=[_file_chosen])
