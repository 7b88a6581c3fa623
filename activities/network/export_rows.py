"""The contract's export: one row per contact, with pseudonymous codes and outsiders only as categories."""
from sqlalchemy import select

from activities.network import settings as network_settings
from activities.network.models import Drawing
from lti_tool.extensions import db
from lti_tool.participant_codes import participant_code
from lti_tool.models import User

COLUMNS = ("participant", "moment", "contact", "contact_kind", "location", "ring", "relations",
           "knowledge", "effort")


def rows(instance):
    """Every contact of every drawing as a dict with COLUMNS; names of outsiders never appear."""
    config = network_settings.load(instance.settings)
    order = {m["key"]: i for i, m in enumerate(config.moments)}
    drawings = db.session.execute(
        select(Drawing, User.sub).join(User, User.id == Drawing.user_id)
        .where(Drawing.activity_instance_id == instance.id)).all()
    result = []
    for drawing, sub in sorted(drawings, key=lambda pair: (order.get(pair[0].moment_key, 99), pair[0].id)):
        for c in drawing.contacts:
            result.append({
                "participant": participant_code(instance.context_id, sub),
                "moment": drawing.moment_key,
                "contact": participant_code(instance.context_id, c.member_sub) if c.member_sub else "",
                "contact_kind": "member" if c.member_sub else "outside",
                "location": c.location,
                "ring": c.ring,
                "relations": " ".join(sorted(c.relations or ())),
                "knowledge": ", ".join(c.knows or ()) if c.member_sub else "",
                "effort": c.cost_effort if c.cost_effort is not None else "",
            })
    return result
