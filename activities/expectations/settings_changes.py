"""What a settings change would do to the cards already on the board, and what it may never do."""
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, select

from activities.common.settings_lists import dropped_in_use
from activities.expectations import settings as exp_settings
from activities.expectations.content import text_in
from activities.expectations.models import Card
from lti_tool.extensions import db
from lti_tool.i18n import current_language


def _cards_per_column(instance):
    return dict(db.session.execute(select(Card.column_key, func.count()).where(
        Card.activity_instance_id == instance.id).group_by(Card.column_key)).all())


def refusals(instance, old, new):
    """{field: message} for changes that would break the anonymity promised to those who wrote cards."""
    before, after = exp_settings.load(old), exp_settings.load(new)
    if before.fully_anonymous and not after.fully_anonymous and sum(_cards_per_column(instance).values()):
        # Cards were written on the promise that nobody, the facilitator neither, sees who wrote them.
        return {"anonymity": _("Participants wrote cards on the promise that nobody sees who wrote them, the "
                               "facilitator neither. That promise stays for as long as those cards exist; start a "
                               "new activity for a board where you see the authors.")}
    return {}


def warnings(instance, old, new):
    """Plain-language consequences for existing cards of going from settings `old` to `new` (may be empty)."""
    before, after = exp_settings.load(old), exp_settings.load(new)
    per_column = _cards_per_column(instance)
    language = current_language()
    found = []
    for column, cards in dropped_in_use(before.columns, after.columns, per_column):
        found.append(ngettext("“%(column)s” is removed or renamed: its %(num)d card leaves the board.",
                              "“%(column)s” is removed or renamed: its %(num)d cards leave the board.",
                              cards, column=text_in(column, language)))
    if after.card_length < before.card_length and per_column:
        longer = db.session.execute(select(func.count()).where(
            Card.activity_instance_id == instance.id, func.length(Card.text) > after.card_length)).scalar_one()
        if longer:
            found.append(ngettext("%(num)d card is longer than %(max)d characters; it stays as it is, but cannot "
                                  "be edited without shortening it.",
                                  "%(num)d cards are longer than %(max)d characters; they stay as they are, but "
                                  "cannot be edited without shortening them.", longer, max=after.card_length))
    return found
