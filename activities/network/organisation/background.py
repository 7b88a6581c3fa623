"""The organisation view of a large organisation: computed by the worker (lti_tool.jobs) with its progress on
the page, the last result served from the database meanwhile. Small ones are computed on each look."""
from datetime import timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from activities.network.models import Contact, Drawing
from activities.network.organisation import page, stored
from activities.network.organisation.activity import load
from activities.network.organisation.sources import included_placements
from lti_tool import jobs
from lti_tool.extensions import db
from lti_tool.i18n import current_language
from lti_tool.models import ActivityInstance, BackgroundJob
from lti_tool.models.base import utcnow
from lti_tool.models.job import DONE

KIND = "organisation"
STAGES = {"": _l("Waiting to start"), "reading": _l("Reading the courses' drawings"),
          "merging": _l("Merging the networks"), "risks": _l("Ranking the risks"),
          "groups": _l("Finding the groups"), "saving": _l("Saving the result")}

NOT_YET_TITLE = _l("The figures are still being computed")
NOT_YET_MESSAGE = _l("The exports are ready once the organisation view shows its first figures. Try again in a moment.")


def large(platform_id):
    """Whether the included courses name so many ties that the view is computed in the background."""
    placements = [instance.id for instance, _title in included_placements(platform_id)]
    if not placements:
        return False
    ties = db.session.execute(select(func.count(Contact.id)).join(Drawing, Drawing.id == Contact.drawing_id)
                              .where(Drawing.activity_instance_id.in_(placements))).scalar()
    return ties > current_app.config["ORG_VIEW_BACKGROUND_TIES"]


def _params(instance):
    horizon, min_group = load(instance.settings)
    return {"horizon_years": horizon, "min_group": min_group}


def job_of(instance):
    """The placement's job row, or None when its view was never computed in the background."""
    return jobs.state(instance.id, KIND)


def current(instance):
    """The placement's job row, asking for a run when there is no result, the settings changed or the result is
    older than ORG_VIEW_MAX_AGE_MINUTES (the caller commits)."""
    job, wanted = job_of(instance), _params(instance)
    max_age = timedelta(minutes=current_app.config["ORG_VIEW_MAX_AGE_MINUTES"])
    stale = (job is None or (job.result_params or {}).get("settings") != wanted
             or (job.result_at is not None and utcnow() - job.result_at > max_age))
    if stale and (job is None or job.status == DONE):  # a failed run waits for "Compute again"
        request(instance)
        job = job_of(instance)
    return job


def request(instance):
    """Ask the worker for a fresh computation of this placement (the caller commits)."""
    jobs.request(instance.id, KIND, {"settings": _params(instance), "language": current_language()})


def refresh_platform(platform_id):
    """Recompute every stored organisation view of the registration (after an opt-out or an HR import)."""
    for instance in db.session.execute(select(ActivityInstance).join(
            BackgroundJob, BackgroundJob.activity_instance_id == ActivityInstance.id).where(
            ActivityInstance.platform_id == platform_id, BackgroundJob.kind == KIND)).scalars():
        request(instance)


def read(job, platform_id, with_names):
    """The last stored result as this viewer may see it, or None."""
    return stored.load(job.result, platform_id, with_names) if job is not None and job.result else None


@jobs.handler(KIND)
def compute(instance_id, params, report):
    """The worker's run: the whole view with codes only, reporting each stage."""
    instance = db.session.get(ActivityInstance, instance_id)
    settings = params["settings"]
    view = page.build(instance.platform_id, settings["horizon_years"], settings["min_group"], with_names=False,
                      language=params.get("language"), report=report)
    report(90, "saving")
    return stored.dump(view)
