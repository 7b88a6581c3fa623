"""The base of every form: launch-session CSRF, and the input policy on every text field, once."""
from flask_babel import lazy_gettext as _l
from wtforms import Form
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

    def bind_field(self, form, unbound_field, options):
        """Bind as WTForms does, then put the policy in front of the field's own filters and checks."""
        field = unbound_field.bind(form=form, **options)
        field.filters = (_normalise_filter, *field.filters)
        field.validators = [refuse_control_characters, *field.validators]
        return field

    def get_translations(self, form):
        """WTForms' own messages in the app's wording and catalogue."""
        return CATALOGUE_FIRST


class LaunchForm(Form):
    """A form with the input policy on every field.

    CSRF has one mechanism: launch_required checks the launch session's HMAC token on every unsafe
    request, forms and JSON alike, before a view builds a form. It needs no cookie, so it works
    inside LMS iframes that block third-party cookies.
    """

    Meta = PolicyMeta
