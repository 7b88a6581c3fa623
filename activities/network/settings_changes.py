"""What a settings change would do to drawings already made, told to the facilitator before saving."""
from collections import Counter

from flask_babel import ngettext
from sqlalchemy import select

from activities.common.settings_lists import dropped_in_use
from activities.network import settings as network_settings
from activities.network.content import text_of
from activities.network.models import Contact, Drawing
from lti_tool.extensions import db


def warnings(instance, old, new, language):
    """Plain-language consequences for existing drawings of going from settings `old` to `new` (may be empty)."""
    before, after = network_settings.load(old), network_settings.load(new)
    drawings = Counter(db.session.execute(select(Drawing.moment_key).where(
        Drawing.activity_instance_id == instance.id)).scalars())
    if not drawings:
        return []
    contacts = db.session.execute(select(Contact.location, Contact.ring, Contact.relations).join(Drawing).where(
        Drawing.activity_instance_id == instance.id)).all()
    found = []
    for moment, count in dropped_in_use(before.moments, after.moments, drawings):
        found.append(ngettext("“%(name)s” is removed or renamed: %(num)d drawing made at that moment is no "
                              "longer shown.",
                              "“%(name)s” is removed or renamed: %(num)d drawings made at that moment are no "
                              "longer shown.", count, name=text_of(moment, language)))
    places = Counter(location for location, _ring, _relations in contacts)
    for place, count in dropped_in_use(before.locations, after.locations, places):
        found.append(ngettext("“%(name)s” is removed or renamed: %(num)d contact placed there loses that "
                              "label.",
                              "“%(name)s” is removed or renamed: %(num)d contacts placed there lose that "
                              "label.", count, name=text_of(place, language)))
    used = Counter(key for _location, _ring, relations in contacts for key in (relations or []))
    for relation, count in dropped_in_use(before.relations, after.relations, used):
        found.append(ngettext("“%(name)s” is removed or renamed: it is no longer shown on %(num)d contact.",
                              "“%(name)s” is removed or renamed: it is no longer shown on %(num)d contacts.",
                              count, name=text_of(relation, language)))
    outside = sum(1 for _location, ring, _relations in contacts if ring > after.ring_count)
    if outside:
        found.append(ngettext("With %(rings)d rings, %(num)d contact on an outer ring shows as not placed yet.",
                              "With %(rings)d rings, %(num)d contacts on outer rings show as not placed yet.",
                              outside, rings=after.ring_count))
    return found
