"""Background jobs: an activity's computations too long for a request, run by the worker with progress shown
and the last result kept in the database.

An activity registers a function per kind with `handler(kind)`; `request(instance_id, kind, params)` queues a
run (a run already going takes the new params and runs once more when it ends). The worker claims one due job
at a time with a conditional UPDATE and a lease, so several workers never run one job at once and a crashed
worker's job is due again when its lease runs out. The function gets `report(percent, stage)`, which writes on
a connection of its own so pages see the progress while the run goes on, and returns the result as bytes. A
failed run keeps the previous result and records why.
"""
import logging
import threading
from datetime import timedelta

from flask import current_app
from sqlalchemy import and_, delete, or_, select, update

from lti_tool.extensions import db
from lti_tool.loops import start_loop
from lti_tool.models import ActivityInstance, BackgroundJob
from lti_tool.models.base import insert_missing, utcnow
from lti_tool.models.job import DONE, FAILED, QUEUED, RUNNING

log = logging.getLogger(__name__)
HANDLERS = {}


def handler(kind):
    """Register `function(instance_id, params, report) -> bytes` as the computation of one kind of job."""
    def register(function):
        HANDLERS[kind] = function
        return function
    return register


def state(instance_id, kind):
    """The job row of a placement (with its last result), or None when nothing was ever asked."""
    return db.session.execute(select(BackgroundJob).filter_by(activity_instance_id=instance_id, kind=kind)
                              ).scalar_one_or_none()


def request(instance_id, kind, params):
    """Queue a run with these params (the caller commits); a running job runs again when it ends."""
    now = utcnow()
    if insert_missing(BackgroundJob, activity_instance_id=instance_id, kind=kind, status=QUEUED, params=params,
                      requested_at=now, progress=0, stage="", attempts=0, error=""):
        return
    job = state(instance_id, kind)
    job.params, job.requested_at = params, now
    if job.status != RUNNING:
        job.status, job.progress, job.stage, job.error = QUEUED, 0, "", ""


def forget_results(platform_ids):
    """Drop the stored jobs and results of these registrations' placements (after a person's data is erased,
    no stored figure may still count them); the next look computes afresh."""
    placements = select(ActivityInstance.id).where(ActivityInstance.platform_id.in_(platform_ids))
    db.session.execute(delete(BackgroundJob).where(BackgroundJob.activity_instance_id.in_(placements)))


def _due(now):
    return or_(BackgroundJob.status == QUEUED, and_(BackgroundJob.status == RUNNING, BackgroundJob.lease_until < now))


def _claim():
    now = utcnow()
    lease = now + timedelta(seconds=current_app.config.get("JOBS_LEASE_SECONDS", 900))
    for job_id in db.session.execute(select(BackgroundJob.id).where(_due(now))
                                     .order_by(BackgroundJob.requested_at).limit(5)).scalars().all():
        claimed = db.session.execute(
            update(BackgroundJob).where(BackgroundJob.id == job_id, _due(now))
            .values(status=RUNNING, started_at=now, lease_until=lease, progress=0, stage="",
                    attempts=BackgroundJob.attempts + 1)).rowcount
        db.session.commit()
        if claimed:
            return db.session.get(BackgroundJob, job_id), lease
    return None, None


def run_one():
    """Claim and run one due job (inside an app context); returns its id, or None when none was due."""
    job, lease = _claim()
    if job is None:
        return None
    job_id, kind, instance_id, params, started = job.id, job.kind, job.activity_instance_id, job.params, job.started_at
    fenced = and_(BackgroundJob.id == job_id, BackgroundJob.lease_until == lease)

    def report(percent, stage):
        """Say how far the run is (committed at once, beside the run's own transaction)."""
        with db.engine.begin() as connection:
            connection.execute(update(BackgroundJob).where(fenced).values(progress=int(percent), stage=stage[:40]))

    try:
        function = HANDLERS.get(kind)
        if function is None:
            raise LookupError(f"no handler for background jobs of kind {kind!r}")
        result = function(instance_id, params, report)
        values = dict(status=DONE, result=result, result_params=params, result_at=utcnow(), error="")
    except Exception as exc:  # the run failed: keep the last result, say why, let the page offer a new run
        db.session.rollback()
        log.exception("background job %s (%s) failed", job_id, kind)
        values = dict(status=FAILED, error=f"{type(exc).__name__}: {exc}"[:300])
    db.session.execute(update(BackgroundJob).where(fenced).values(lease_until=None, progress=100, **values))
    # Asked again while it ran: run once more with the newest params.
    db.session.execute(update(BackgroundJob).where(BackgroundJob.id == job_id, BackgroundJob.requested_at > started,
                                                   BackgroundJob.status.in_((DONE, FAILED)))
                       .values(status=QUEUED, progress=0, stage=""))
    db.session.commit()
    return job_id


def run_jobs(app, poll_seconds=1.0, stop_event=None):
    """Run due jobs until `stop_event` is set; the loop beside the grades worker."""
    stop = stop_event or threading.Event()
    while not stop.is_set():
        try:
            with app.app_context():
                ran = run_one()
        except Exception:  # the database is down: keep the loop alive, try again later
            log.exception("background jobs pass failed")
            ran = None
        if ran is None:
            stop.wait(poll_seconds)


def start_thread(app, poll_seconds=1.0):
    """Run jobs on a daemon thread of this process (the worker, the dev server, the demo); one per app."""
    return start_loop(app, "background-jobs", run_jobs, poll_seconds)
