"""WTForms' built-in messages through the app's catalogue, so they use its wording and the pseudo-locale test sees
them; a message the catalogue lacks falls back to WTForms' own translation."""
from functools import lru_cache

from flask_babel import get_translations
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext as _ln
from wtforms.i18n import get_translations as wtforms_catalogue

from lti_tool.i18n import current_language

# The built-in messages our fields and validators can show; listed so `make extract-messages` finds them.
MESSAGES = (
    _l("This field is required."), _l("Not a valid integer value."), _l("Not a valid choice."),
    _l("Invalid Choice: could not coerce."), _l("Not a valid date value."), _l("Invalid input."),
    _l("Number must be between %(min)s and %(max)s."), _l("Number must be at least %(min)s."),
    _l("Number must be at most %(max)s."), _l("Field must be between %(min)d and %(max)d characters long."),
    _ln("'%(value)s' is not a valid choice for this field.", "'%(value)s' are not valid choices for this field.", 1),
    _ln("Field must be at least %(min)d character long.", "Field must be at least %(min)d characters long.", 1),
    _ln("Field cannot be longer than %(max)d character.", "Field cannot be longer than %(max)d characters.", 1),
    _ln("Field must be exactly %(max)d character long.", "Field must be exactly %(max)d characters long.", 1),
)


@lru_cache(maxsize=8)
def _wtforms_catalogue(language):
    return wtforms_catalogue([language])


def _wtforms_own():
    return _wtforms_catalogue(current_language())


class CatalogueFirst:
    """The translations object WTForms asks (gettext/ngettext without formatting: WTForms fills the values)."""

    def gettext(self, string):
        """The catalogue's translation, else WTForms' own."""
        translated = get_translations().ugettext(string)
        return translated if translated != string else _wtforms_own().gettext(string)

    def ngettext(self, singular, plural, n):
        """The catalogue's plural form, else WTForms' own."""
        translated = get_translations().ungettext(singular, plural, n)
        return translated if translated not in (singular, plural) else _wtforms_own().ngettext(singular, plural, n)


CATALOGUE_FIRST = CatalogueFirst()
