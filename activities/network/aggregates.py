"""Anonymous course figures for participants, shown only from the placement's minimum group size."""
from dataclasses import dataclass

from sqlalchemy import case, func, select

from activities.network.models import Contact, Drawing
from lti_tool.extensions import db


@dataclass(frozen=True)
class CourseFigures:
    """How many drew at a moment, their average network size and share of strong ties."""

    drawn: int
    average_size: float
    strong_share: float


def figures(instance, moment_key, min_group_size):
    """The course figures at a moment, or None below the minimum group size (no one can be singled out)."""
    per_drawing = (
        select(func.count(Contact.id).label("size"),
               func.sum(case((Contact.ring == 1, 1), else_=0)).label("strong"))
        .join(Drawing, Drawing.id == Contact.drawing_id)
        .where(Drawing.activity_instance_id == instance.id, Drawing.moment_key == moment_key)
        .group_by(Drawing.id).subquery())
    drawn, total, strong = db.session.execute(
        select(func.count(), func.sum(per_drawing.c.size), func.sum(per_drawing.c.strong))).one()
    if not drawn or drawn < min_group_size:
        return None
    return CourseFigures(drawn, (total or 0) / drawn, (strong or 0) / total if total else 0.0)
