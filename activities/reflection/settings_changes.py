"""What a settings change would do to answers already given, told to the facilitator before saving."""
from flask_babel import ngettext
from sqlalchemy import func, select

from activities.common.settings_lists import dropped_in_use
from activities.reflection import settings as refl_settings
from activities.reflection.content import ACTION, FACTORS, PART_TITLES, SHARING, SITUATIONS, TRUST, text_in
from activities.reflection.models import Action, Factor, SharingAnswer, Situation, TrustScore
from lti_tool.extensions import db

ANSWERS = {SITUATIONS: Situation, FACTORS: Factor, TRUST: TrustScore, SHARING: SharingAnswer, ACTION: Action}


def _people(model, instance):
    return db.session.execute(select(func.count(func.distinct(model.user_id))).where(
        model.activity_instance_id == instance.id)).scalar_one()


def warnings(instance, old, new, language):
    """Plain-language consequences for existing answers of going from settings `old` to `new` (may be empty)."""
    before, after = refl_settings.load(old), refl_settings.load(new)
    found = []
    for part in before.parts:
        if part in after.parts:
            continue
        people = _people(ANSWERS[part], instance)
        if people:
            found.append(ngettext(
                "“%(part)s” is switched off: the answers of %(num)d participant are kept but no longer shown, "
                "and the gradebook is updated.",
                "“%(part)s” is switched off: the answers of %(num)d participants are kept but no longer shown, "
                "and the gradebook is updated.", people, part=PART_TITLES[part]))
    scores = dict(db.session.execute(select(TrustScore.group_key, func.count()).where(
        TrustScore.activity_instance_id == instance.id).group_by(TrustScore.group_key)).all())
    for group, count in dropped_in_use(before.groups, after.groups, scores):
        found.append(ngettext("“%(group)s” is removed or renamed: its %(num)d trust score is no longer shown.",
                              "“%(group)s” is removed or renamed: its %(num)d trust scores are no longer shown.",
                              count, group=text_in(group, language)))
    return found
