"""What a settings change would do to votes already given, told to the facilitator before saving."""
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, select

from activities.common.settings_lists import dropped_in_use
from activities.voting import settings as voting_settings
from activities.voting.content import AGREE_DISAGREE, FIVE_POINT, SOURCE_LANGUAGE, choice_on_scale, statement_text
from activities.voting.models import Vote
from lti_tool.extensions import db
from lti_tool.i18n import current_language


def warnings(instance, old, new):
    """Plain-language consequences for existing votes of going from settings `old` to `new` (may be empty)."""
    before, after = voting_settings.load(old), voting_settings.load(new)
    counts = dict(db.session.execute(select(Vote.choice, func.count()).where(
        Vote.activity_instance_id == instance.id).group_by(Vote.choice)).all())
    if not counts:
        return []
    found = []
    if before.scale != after.scale:
        hidden = sum(n for choice, n in counts.items() if choice_on_scale(choice, after.scale) is None)
        folded = sum(n for choice, n in counts.items() if choice.startswith("strongly_")) \
            if after.scale == AGREE_DISAGREE else 0
        if after.scale == FIVE_POINT:
            found.append(_("Votes given on the agree/disagree scale stay “Agree” or “Disagree” on the five-point "
                           "scale: nobody chose “Strongly” or “Neutral”, so the results mix two scales."))
        if folded:
            found.append(ngettext("%(num)d “Strongly” vote will count as a plain “Agree” or “Disagree”.",
                                  "%(num)d “Strongly” votes will count as a plain “Agree” or “Disagree”.", folded))
        if hidden:
            found.append(ngettext("%(num)d “Neutral” vote will no longer be shown or counted.",
                                  "%(num)d “Neutral” votes will no longer be shown or counted.", hidden))
    per_statement = dict(db.session.execute(select(Vote.statement_key, func.count()).where(
        Vote.activity_instance_id == instance.id).group_by(Vote.statement_key)).all())
    language = current_language() or SOURCE_LANGUAGE
    for statement, votes in dropped_in_use(before.statements, after.statements, per_statement):
        found.append(ngettext("“%(statement)s” is removed or reworded: its %(num)d vote is no longer shown.",
                              "“%(statement)s” is removed or reworded: its %(num)d votes are no longer shown.",
                              votes, statement=statement_text(statement, language)))
    return found
