"""The grades worker: claims due outbox rows, sends them as AGS scores, records each outcome.

A pass claims rows in one short transaction (SKIP LOCKED on PostgreSQL, a conditional UPDATE on
SQLite) by marking them `sending` with a lease, commits, sends outside any transaction, then
records sent / retry-later / failed in a second short transaction fenced by that lease. Rows whose
lease ran out (a crashed worker) are due again, so several workers never send one row at once.
"""
import logging
import random
import signal
import threading
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from sqlalchemy import and_, bindparam, exists, or_, select, update
from sqlalchemy.orm import aliased

from lti_tool.extensions import db
from lti_tool.grades import ags, tokens
from lti_tool.grades.tokens import PlatformRef
from lti_tool.service_http import ServiceError
from lti_tool.models import ActivityInstance, Platform, ScoreOutbox, User
from lti_tool.models.base import utcnow
from lti_tool.models.outbox import FAILED, PENDING, SENDING, SENT

log = logging.getLogger(__name__)
SUPERSEDED = "Superseded by a newer score."
_inline = {}
_inline_guard = threading.Lock()


@dataclass
class _Job:
    row_id: int
    attempts: int
    platform_id: int
    instance_id: int
    lineitem_url: str | None
    payload: dict
    superseded: bool


class _Deferred(ServiceError):
    """Not tried: the platform failed moments ago in this pass; does not count as an attempt."""


def drain(limit=100):
    """Send one batch of due scores (inside an app context); returns counts per outcome."""
    cfg = current_app.config
    lease_until = utcnow() + timedelta(seconds=cfg.get("GRADES_LEASE_SECONDS", 300))
    jobs = _claim(limit, lease_until)
    counts = {"claimed": len(jobs), "sent": 0, "retried": 0, "failed": 0, "superseded": 0}
    if jobs:
        outcomes = _deliver([job for job in jobs if not job.superseded])
        _record(jobs, outcomes, lease_until, counts)
    return counts


def backoff_seconds(attempts, retry_after=None):
    """Delay before the next attempt: exponential from a base, capped, with jitter; honours Retry-After."""
    cfg = current_app.config
    cap = cfg.get("GRADES_BACKOFF_CAP_SECONDS", 900.0)
    delay = min(cap, cfg.get("GRADES_BACKOFF_BASE_SECONDS", 2.0) * 2 ** max(0, attempts - 1))
    delay = delay / 2 + random.uniform(0, delay / 2)  # jitter spreads a burst of retries apart
    return max(delay, min(retry_after, cap)) if retry_after else delay


def _due(now):
    return or_(and_(ScoreOutbox.status == PENDING, ScoreOutbox.next_attempt_at <= now),
               and_(ScoreOutbox.status == SENDING,
                    or_(ScoreOutbox.lease_until.is_(None), ScoreOutbox.lease_until < now)))


def _claim(limit, lease_until):
    now = utcnow()
    # FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite ignores it and the conditional UPDATE decides.
    ids = db.session.execute(
        select(ScoreOutbox.id).where(_due(now)).order_by(ScoreOutbox.next_attempt_at, ScoreOutbox.id)
        .limit(limit).with_for_update(skip_locked=True)).scalars().all()
    claimed = db.session.execute(
        update(ScoreOutbox).where(ScoreOutbox.id.in_(ids), _due(now))
        .values(status=SENDING, lease_until=lease_until, attempts=ScoreOutbox.attempts + 1)
        .returning(ScoreOutbox.id).execution_options(synchronize_session=False)).scalars().all() if ids else []
    newer, row = aliased(ScoreOutbox), ScoreOutbox
    # Plain columns, not entities: rows already in the session must not hide the claim's changes.
    found = db.session.execute(
        select(row.id, row.attempts, ActivityInstance.platform_id, row.activity_instance_id,
               ActivityInstance.lineitem_url, User.sub, row.score_given, row.score_maximum, row.activity_progress,
               row.grading_progress, row.timestamp, row.comment,
               exists().where(newer.activity_instance_id == row.activity_instance_id,
                              newer.user_id == row.user_id, newer.id > row.id))
        .join(User, User.id == row.user_id).join(ActivityInstance, ActivityInstance.id == row.activity_instance_id)
        .where(row.id.in_(claimed)).order_by(row.id)).all() if claimed else []
    jobs = [_Job(*values[:5], ags.score_payload(*values[5:12]), bool(values[12])) for values in found]
    db.session.commit()
    return jobs


def _deliver(jobs):
    """{row_id: None when sent, else the ServiceError}; line items and tokens first, once each."""
    platforms = {p.id: PlatformRef.of(p) for p in db.session.execute(
        select(Platform).where(Platform.id.in_({job.platform_id for job in jobs}))).scalars()}
    urls = {job.instance_id: job.lineitem_url for job in jobs if job.lineitem_url}
    for job in jobs:  # creating a line item writes to the database: here, on the thread owning the session
        if job.instance_id not in urls:
            urls[job.instance_id] = _attempt(ags.ensure_lineitem, platforms[job.platform_id], job.instance_id)
    # One token request per platform here, so a refused token fails its rows without a request each.
    token_errors = {pid: _attempt(tokens.access_token, platforms[pid], (ags.SCORE_SCOPE,))
                    for pid in {job.platform_id for job in jobs if isinstance(urls[job.instance_id], str)}}
    outcomes, ready = {}, []
    for job in jobs:
        job.lineitem_url = urls[job.instance_id]
        problem = next((found for found in (job.lineitem_url, token_errors.get(job.platform_id))
                        if isinstance(found, ServiceError)), None)
        if problem is None:
            ready.append(job)
        else:
            outcomes[job.row_id] = problem
    outcomes.update(_send_all(ready, platforms))
    return outcomes


def _attempt(call, *args):
    """call(*args), or the ServiceError it raised; a bug costs its rows a retry, not the whole batch."""
    try:
        return call(*args)
    except ServiceError as exc:
        return exc
    except Exception as exc:
        log.exception("grades: %s failed", getattr(call, "__name__", call))
        return ServiceError(f"Internal error while sending ({type(exc).__name__}).", retryable=True)


def _send_all(jobs, platforms):
    """POST the scores on a few threads: a real LMS takes tens of milliseconds to answer each."""
    app, results, down, lock = current_app._get_current_object(), {}, {}, threading.Lock()
    queue = iter(jobs)

    def work():
        with app.app_context():
            while (job := _next(queue, lock)) is not None:
                results[job.row_id] = _send_one(job, platforms[job.platform_id], down)

    threads = [threading.Thread(target=work, name="grades-send", daemon=True)
               for _ in range(min(len(jobs), app.config.get("GRADES_SEND_THREADS", 8)) - 1)]
    for thread in threads:
        thread.start()
    work()
    for thread in threads:
        thread.join()
    return results


def _next(queue, lock):
    with lock:
        return next(queue, None)


def _send_one(job, platform, down):
    if platform.id in down:  # unreachable a moment ago: do not spend a timeout per row
        return _Deferred(down[platform.id].reason, retryable=True)
    outcome = _attempt(ags.post_score, platform, job.lineitem_url, job.payload)
    if isinstance(outcome, ServiceError) and outcome.retryable and outcome.status is None:
        down.setdefault(platform.id, outcome)
    return outcome


def _record(jobs, outcomes, lease_until, counts):
    now, max_attempts = utcnow(), current_app.config["GRADES_MAX_ATTEMPTS"]
    params = []
    for job in jobs:
        error = outcomes.get(job.row_id)
        attempts, next_at, sent_at = job.attempts, now, None
        if job.superseded:
            status, reason, key = FAILED, SUPERSEDED, "superseded"
        elif error is None:
            status, reason, key, sent_at = SENT, None, "sent", now
        elif error.retryable and (isinstance(error, _Deferred) or attempts < max_attempts):
            attempts -= isinstance(error, _Deferred)
            status, reason, key = PENDING, error.reason, "retried"
            next_at = now + timedelta(seconds=backoff_seconds(job.attempts, error.retry_after))
        else:
            reason = f"Gave up after {attempts} attempts: {error.reason}" if error.retryable else error.reason
            status, key = FAILED, "failed"
        counts[key] += 1
        params.append({"b_id": job.row_id, "b_lease": lease_until, "b_status": status, "b_next": next_at,
                       "b_error": reason and reason[:1000], "b_attempts": attempts, "b_sent": sent_at})
    table = ScoreOutbox.__table__
    # Fenced by our lease: if it ran out and another worker took the row over, this changes nothing.
    db.session.execute(
        update(table).where(table.c.id == bindparam("b_id"), table.c.status == SENDING,
                            table.c.lease_until == bindparam("b_lease"))
        .values(status=bindparam("b_status"), last_error=bindparam("b_error"), next_attempt_at=bindparam("b_next"),
                attempts=bindparam("b_attempts"), sent_at=bindparam("b_sent"), lease_until=None), params)
    db.session.commit()


def run_worker(app, poll_seconds=1.0, stop_event=None, limit=100):
    """Drain the outbox until SIGTERM/SIGINT or `stop_event`; the loop behind `leernetwerk worker`."""
    stop = stop_event or threading.Event()
    restore = _handle_signals(stop)
    wait_after_error = poll_seconds
    try:
        while not stop.is_set():
            try:
                with app.app_context():
                    counts = drain(limit)
                wait_after_error = poll_seconds
            except Exception:  # the database or cache is down: keep the worker alive, back off
                log.exception("grades worker pass failed")
                stop.wait(wait_after_error)
                wait_after_error = min(60.0, wait_after_error * 2)
                continue
            if counts["claimed"]:
                log.info("grades: %s", counts)
            if counts["claimed"] < limit:
                stop.wait(poll_seconds)
    finally:
        restore()


def _handle_signals(stop):
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGTERM, signal.SIGINT)}
    return lambda: [signal.signal(sig, handler) for sig, handler in previous.items()]


def start_inline_drainer(app, poll_seconds=0.5):
    """Drain the outbox on a daemon thread of this process when GRADES_INLINE is true (dev server, demo)."""
    if not app.config.get("GRADES_INLINE"):
        return None
    with _inline_guard:
        thread = _inline.get(id(app))
        if thread is None or not thread.is_alive():
            stop = threading.Event()
            thread = threading.Thread(target=run_worker, args=(app,), name="grades-inline", daemon=True,
                                      kwargs={"poll_seconds": poll_seconds, "stop_event": stop})
            thread.stop_event = stop
            thread.start()
            _inline[id(app)] = thread
    return thread
