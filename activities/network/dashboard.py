"""The facilitator's dashboard: moments, who has drawn, progress and gradebook status per learner."""
from dataclasses import dataclass

from sqlalchemy import func, select

from activities.network import moments, progress
from activities.network import settings as network_settings
from activities.network.models import Contact, Drawing
from lti_tool.extensions import db
from lti_tool.i18n import current_language
from lti_tool.participants import expected_learners, participant_rows


@dataclass(frozen=True)
class DrawingProgress:
    """One learner's drawing at the open moment, for the participants table."""

    contacts: int
    checklist: object

    @property
    def drew(self):
        """Whether they have a drawing with at least one contact at the open moment."""
        return self.contacts > 0


def members_map(launch, instance):
    """{sub: name} of the course's learners (roster or who opened the activity) and anyone who drew."""
    learners, _source = expected_learners(launch, instance)
    return {p.sub: p.name for p in learners}


def _drawings_at(instance, moment_key):
    rows = db.session.execute(select(Drawing).filter_by(activity_instance_id=instance.id, moment_key=moment_key))
    return {d.user_id: d for d in rows.scalars()}


def _contact_counts(instance, moment_key):
    rows = db.session.execute(
        select(Drawing.user_id, func.count(Contact.id)).join(Contact, Contact.drawing_id == Drawing.id)
        .where(Drawing.activity_instance_id == instance.id, Drawing.moment_key == moment_key)
        .group_by(Drawing.user_id)).all()
    return dict(rows)


def page(launch, instance):
    """Template values for the dashboard."""
    config = network_settings.load(instance.settings)
    language = current_language()
    listing = moments.listing(instance, config, language)
    current = next(m for m in listing if m.is_current)
    rows, source = participant_rows(launch, instance)
    following = next((m for m in listing if m.status == "future"), None)
    return dict(instance=instance, config=config, moments=listing, current=current, following=following,
                rows=rows, roster_source=source, not_drawn=[r for r in rows if not r.detail.drew],
                drew=sum(1 for r in rows if r.detail.drew),
                completed=sum(1 for r in rows if r.detail.checklist.complete))


def participant_details(instance, user_ids):
    """{user id: DrawingProgress} at the open moment."""
    config = network_settings.load(instance.settings)
    key = moments.current_key(instance, config)
    drawings, counts = _drawings_at(instance, key), _contact_counts(instance, key)
    return {uid: DrawingProgress(counts.get(uid, 0), progress.checklist(drawings.get(uid), config)) for uid in user_ids}
