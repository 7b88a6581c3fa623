"""A tiny fifth activity, only in the tests: it shows that an activity is one package and one registry line.

Learners press "Done"; that is all it stores. Everything else — the launch and its checks, the placement
and role checks, saving with the gradebook score, the participants page, per-learner export and erase,
the privacy CLI — comes from the core through the contract.
"""
from flask import Blueprint, g, redirect, render_template
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from activities.base import Activity, user_id_of
from lti_tool.extensions import db
from lti_tool.forms import LaunchForm
from lti_tool.models.base import utcnow
from lti_tool.participant_codes import codes_for
from lti_tool.participation import Participation
from lti_tool.saving import save_with_participation
from lti_tool.session import launch_required, launch_url

bp = Blueprint("tiny", __name__, url_prefix="/tiny", template_folder="templates")


class Mark(db.Model):
    """A learner said they are done."""

    __tablename__ = "tiny_mark"
    __table_args__ = (db.UniqueConstraint("activity_instance_id", "user_id"),)

    id = db.Column(db.Integer, primary_key=True)
    activity_instance_id = db.Column(
        db.Integer, db.ForeignKey("activity_instance.id", ondelete="CASCADE"), nullable=False)
    user_id = db.Column(db.Integer, db.ForeignKey("lti_user.id", ondelete="CASCADE"), nullable=False)
    marked_at = db.Column(db.DateTime, nullable=False, default=utcnow)


def _mark(instance, user_id):
    return db.session.execute(select(Mark).filter_by(activity_instance_id=instance.id, user_id=user_id)).scalar()


class TinySettingsForm(LaunchForm):
    """No settings of its own: the core adds the title."""


class TinyActivity(Activity):
    """Press "Done"."""

    id = "tiny"
    title = _l("Tiny")
    description = _l("A learner says they are done.")
    settings_form = TinySettingsForm
    blueprint = bp

    @classmethod
    def settings_from_form(cls, form):
        """Nothing to store."""
        return {}

    @classmethod
    def participation(cls, instance, user):
        """Done or not."""
        done = _mark(instance, user_id_of(user)) is not None
        return Participation(1.0 if done else 0.0, "done" if done else "")

    @classmethod
    def export(cls, instance):
        """One row per mark, by participant code."""
        marks = db.session.execute(select(Mark).filter_by(activity_instance_id=instance.id)).scalars().all()
        codes = codes_for(instance, [m.user_id for m in marks])
        return [{"participant": codes[m.user_id], "marked_at": m.marked_at.isoformat()} for m in marks]

    @classmethod
    def erase(cls, instance, user):
        """Forget the learner's mark."""
        mark = _mark(instance, user_id_of(user))
        if mark is None:
            return 0
        db.session.delete(mark)
        return 1

    @classmethod
    def data_owners(cls, instance):
        """Learners with a mark."""
        return set(db.session.execute(select(Mark.user_id).filter_by(activity_instance_id=instance.id)).scalars())


@bp.get("/<id:iid>")
@launch_required()
def index(instance):
    """The button for learners; the participants page for facilitators."""
    if g.launch.is_instructor:
        return redirect(launch_url("tiny.participants"), code=303)
    return render_template("activities/tiny/index.html", instance=instance, done=_mark(instance, g.launch.user_id))


@bp.post("/<id:iid>/done")
@launch_required(role="learner")
def done(instance):
    """Mark the learner done and send the score, in one unit of work."""
    save_with_participation(instance, lambda: _mark(instance, g.launch.user_id) or db.session.add(
        Mark(activity_instance_id=instance.id, user_id=g.launch.user_id)))
    return redirect(launch_url("tiny.index"), code=303)
