"""The base of every form: launch-session CSRF, and the input policy on every text field, once."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms.validators import StopValidation

from lti_tool.form_messages import CATALOGUE_FIRST
from lti_tool.input_policy import acceptable_text, normalise

REFUSED_CHARACTER = _l("This text contains a character that cannot be saved, such as a control character. "
                       "Remove it and try again.")


def refuse_control_characters(form, field):
    """Refuse NUL, control characters and lone surrogates with the field's own message."""
    if not acceptable_text(field.data) or not acceptable_text(getattr(field, "raw_data", None) or []):
        raise StopValidation(REFUSED_CHARACTER)


def _normalise_filter(value):
    if isinstance(value, list):
        return [normalise(item) for item in value]
    return normalise(value)


class PolicyMeta:
    """Form options that bind every field with the NFC filter first and the character check first."""

    # launch_required checks the launch session's CSRF token; Flask-WTF's cookie-bound token
    # would fail inside an LMS iframe that blocks third-party cookies.
    csrf = False

    def bind_field(self, form, unbound_field, options):
        """Bind as WTForms does, then put the policy in front of the field's own filters and checks."""
        field = unbound_field.bind(form=form, **options)
        field.filters = (_normalise_filter, *field.filters)
        field.validators = [refuse_control_characters, *field.validators]
        return field

    def get_translations(self, form):
        """WTForms' own messages in the app's wording and catalogue."""
        return CATALOGUE_FIRST


class LaunchForm(FlaskForm):
    """A form checked by the launch session's CSRF token, with the input policy on every field."""

    Meta = PolicyMeta
