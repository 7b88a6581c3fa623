"""What the organisation view keeps beyond the drawings: its admins, and the HR files' skills and leaving dates.

Every row belongs to one platform registration (the organisation) and one person (`user_id`), so the
privacy export and erase find and remove them like any other row of that person (lti_tool/person_data.py).
"""
from lti_tool.extensions import db
from lti_tool.models.base import utcnow


class OrgAdmin(db.Model):
    """A person named (`leernetwerk org admins add`) who may add and open the organisation view."""

    __tablename__ = "org_admin"

    user_id = db.Column(db.Integer, db.ForeignKey("lti_user.id", ondelete="CASCADE"), primary_key=True)
    added_at = db.Column(db.DateTime, nullable=False, default=utcnow)


class OrgSkill(db.Model):
    """A skill a person holds according to the HR skills file (replaced whole at each import)."""

    __tablename__ = "org_skill"
    __table_args__ = (db.UniqueConstraint("user_id", "skill", name="uq_org_skill_person"),)

    id = db.Column(db.Integer, primary_key=True)
    platform_id = db.Column(db.Integer, db.ForeignKey("platform.id", ondelete="CASCADE"), nullable=False, index=True)
    user_id = db.Column(db.Integer, db.ForeignKey("lti_user.id", ondelete="CASCADE"), nullable=False, index=True)
    skill = db.Column(db.String(120), nullable=False)  # as the file spells it; counted under skill_key()
    level = db.Column(db.SmallInteger)  # 1 (basic) to 5 (expert), or unknown


class OrgLeaving(db.Model):
    """The day a person is expected to leave (the HR leaving file, replaced whole at each import)."""

    __tablename__ = "org_leaving"

    user_id = db.Column(db.Integer, db.ForeignKey("lti_user.id", ondelete="CASCADE"), primary_key=True)
    platform_id = db.Column(db.Integer, db.ForeignKey("platform.id", ondelete="CASCADE"), nullable=False, index=True)
    leaving_on = db.Column(db.Date, nullable=False)


class OrgOptOut(db.Model):
    """A person who asked to be left out of the organisation view: from every figure, at the next look."""

    __tablename__ = "org_opt_out"

    user_id = db.Column(db.Integer, db.ForeignKey("lti_user.id", ondelete="CASCADE"), primary_key=True)
    opted_out_at = db.Column(db.DateTime, nullable=False, default=utcnow)
