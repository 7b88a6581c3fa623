"""What a settings change would do to drawings already made, told to the facilitator before saving."""
from collections import Counter

from flask_babel import ngettext
from sqlalchemy import select

from activities.network import settings as network_settings
from activities.network.content import text_of
from activities.network.models import Contact, Drawing
from lti_tool.extensions import db


def _removed(before, after):
    kept = {item["key"] for item in after}
    return [item for item in before if item["key"] not in kept]


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
    for moment in _removed(before.moments, after.moments):
        if drawings[moment["key"]]:
            found.append(ngettext("“%(name)s” is removed or renamed: %(num)d drawing made at that moment is no "
                                  "longer shown.",
                                  "“%(name)s” is removed or renamed: %(num)d drawings made at that moment are no "
                                  "longer shown.", drawings[moment["key"]], name=text_of(moment, language)))
    places = Counter(location for location, _ring, _relations in contacts)
    for place in _removed(before.locations, after.locations):
        if places[place["key"]]:
            found.append(ngettext("“%(name)s” is removed or renamed: %(num)d contact placed there loses that "
                                  "label.",
                                  "“%(name)s” is removed or renamed: %(num)d contacts placed there lose that "
                                  "label.", places[place["key"]], name=text_of(place, language)))
    used = Counter(key for _location, _ring, relations in contacts for key in (relations or []))
    for relation in _removed(before.relations, after.relations):
        if used[relation["key"]]:
            found.append(ngettext("“%(name)s” is removed or renamed: it is no longer shown on %(num)d contact.",
                                  "“%(name)s” is removed or renamed: it is no longer shown on %(num)d contacts.",
                                  used[relation["key"]], name=text_of(relation, language)))
    outside = sum(1 for _location, ring, _relations in contacts if ring > after.ring_count)
    if outside:
        found.append(ngettext("With %(rings)d rings, %(num)d contact on an outer ring shows as not placed yet.",
                              "With %(rings)d rings, %(num)d contacts on outer rings show as not placed yet.",
                              outside, rings=after.ring_count))
    return found
