"""The grades worker: claims due outbox rows, sends them as AGS scores, records each outcome.

A pass claims rows in one short transaction (SKIP LOCKED on PostgreSQL, a conditional UPDATE on
SQLite) by marking them `sending` with a lease, commits, sends outside any transaction, then
records sent / retry-later / failed in a second short transaction fenced by that lease. Rows whose
lease ran out (a crashed worker) are due again, so several workers never send one row at once.

Per learner and placement the sends form one ordered line: only the newest row is claimed (older
waiting rows are superseded), never while another row of that learner is in flight, and each send
carries a timestamp at least one whole second later than any sent before for that learner, because
platforms (Moodle) refuse a score whose timestamp is not later in whole seconds than the stored one.
On PostgreSQL an advisory lock per learner and placement serialises the claims of concurrent workers.
"""
import logging
import math
import random
import signal
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from flask import current_app
from sqlalchemy import and_, bindparam, func, or_, select, text, update
from sqlalchemy.orm import aliased

from lti_tool.extensions import db
from lti_tool.grades import ags, tokens
from lti_tool.grades.tokens import PlatformRef
from lti_tool.loops import start_loop
from lti_tool.service_http import ServiceError
from lti_tool.models import ActivityInstance, Platform, ScoreOutbox, User
from lti_tool.models.base import utcnow
from lti_tool.models.outbox import FAILED, PENDING, SENDING, SENT, SUPERSEDED
from lti_tool.platforms import GENERIC, ScoreRefusal, family_of

log = logging.getLogger(__name__)
SUPERSEDED_REASON = "Superseded by a newer score."
LEARNER_GONE = "The learner is no longer in the course"
STALE_RETRY_SECONDS = 1.0


@dataclass
class _Job:
    row_id: int
    attempts: int
    platform_id: int
    instance_id: int
    lineitem_url: str | None
    payload: dict


class _Deferred(ServiceError):
    """Not tried: the platform failed moments ago in this pass; does not count as an attempt."""


def drain(limit=100):
    """Send one batch of due scores (inside an app context); returns counts per outcome."""
    cfg = current_app.config
    lease_until = utcnow() + timedelta(seconds=cfg.get("GRADES_LEASE_SECONDS", 300))
    jobs, superseded = _claim(limit, lease_until)
    counts = {"claimed": len(jobs), "sent": 0, "retried": 0, "failed": 0, "superseded": superseded}
    if jobs:
        platforms = {p.id: p for p in db.session.execute(
            select(Platform).where(Platform.id.in_({job.platform_id for job in jobs}))).scalars()}
        outcomes = _deliver(jobs, {pid: PlatformRef.of(p) for pid, p in platforms.items()})
        _record(jobs, outcomes, {pid: family_of(p) for pid, p in platforms.items()}, lease_until, counts)
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
    """(jobs, how many waiting rows a newer score superseded); commits."""
    now = utcnow()
    # FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite ignores it and the conditional UPDATEs decide.
    candidates = db.session.execute(
        select(ScoreOutbox.id, ScoreOutbox.activity_instance_id, ScoreOutbox.user_id).where(_due(now))
        .order_by(ScoreOutbox.next_attempt_at, ScoreOutbox.id).limit(limit).with_for_update(skip_locked=True)).all()
    if not candidates:
        db.session.commit()
        return [], 0
    ids = [row.id for row in candidates]
    pairs = sorted({(row.activity_instance_id, row.user_id) for row in candidates})
    _lock_learners(pairs)
    other, row = aliased(ScoreOutbox), ScoreOutbox
    same_learner = and_(other.activity_instance_id == row.activity_instance_id, other.user_id == row.user_id)
    newer = select(other.id).where(same_learner, other.id > row.id).exists()
    in_flight = select(other.id).where(same_learner, other.id != row.id, other.status == SENDING,
                                       other.lease_until >= now).exists()
    # Only among our own candidates (locked by us), so this never waits for another worker's rows.
    superseded = db.session.execute(
        update(row).where(row.id.in_(ids), _due(now), newer)
        .values(status=SUPERSEDED, last_error=SUPERSEDED_REASON, lease_until=None)
        .execution_options(synchronize_session=False)).rowcount
    claimed = db.session.execute(
        update(row).where(row.id.in_(ids), _due(now), ~newer, ~in_flight)
        .values(status=SENDING, lease_until=lease_until, attempts=row.attempts + 1)
        .returning(row.id).execution_options(synchronize_session=False)).scalars().all()
    jobs = _jobs(claimed, pairs) if claimed else []
    db.session.commit()
    return jobs, superseded


def _lock_learners(pairs):
    """Serialise claims per learner and placement across workers (PostgreSQL; SQLite has one writer)."""
    if db.session.get_bind().dialect.name != "postgresql":
        return
    for instance_id, user_id in pairs:  # sorted, so two workers never wait for each other in a circle
        db.session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
                           {"key": f"leernetwerk-score:{instance_id}:{user_id}"})


def _jobs(claimed, pairs):
    """Jobs for the claimed rows, each stamped later than anything sent before for its learner."""
    row = ScoreOutbox
    # Plain columns, not entities: rows already in the session must not hide the claim's changes.
    found = db.session.execute(
        select(row.id, row.attempts, ActivityInstance.platform_id, row.activity_instance_id,
               ActivityInstance.lineitem_url, User.sub, row.score_given, row.score_maximum, row.activity_progress,
               row.grading_progress, row.comment, row.user_id)
        .join(User, User.id == row.user_id).join(ActivityInstance, ActivityInstance.id == row.activity_instance_id)
        .where(row.id.in_(claimed)).order_by(row.id)).all()
    sent_before = _last_sent(pairs, claimed)
    now = math.floor(datetime.now(timezone.utc).timestamp())
    jobs, stamps = [], []
    for values in found:
        previous = sent_before.get((values.activity_instance_id, values.user_id))
        stamp = _iso(now if previous is None else max(now, previous + 1))
        stamps.append({"b_id": values.id, "b_timestamp": stamp})
        payload = ags.score_payload(values.sub, values.score_given, values.score_maximum, values.activity_progress,
                                    values.grading_progress, stamp, values.comment)
        jobs.append(_Job(values.id, values.attempts, values.platform_id, values.activity_instance_id,
                         values.lineitem_url, payload))
    table = ScoreOutbox.__table__
    db.session.execute(update(table).where(table.c.id == bindparam("b_id"))
                       .values(timestamp=bindparam("b_timestamp")), stamps)
    return jobs


def _last_sent(pairs, claimed):
    """{(instance, user): whole seconds of the latest timestamp sent} over rows tried before this claim."""
    row = ScoreOutbox
    # A claimed row's own timestamp counts only if it went out before (its attempts were above 0).
    tried = or_(and_(row.id.in_(claimed), row.attempts > 1), and_(row.id.not_in(claimed), row.attempts > 0))
    found = db.session.execute(
        select(row.activity_instance_id, row.user_id, func.max(row.timestamp))
        .where(tuple_in(row, pairs), tried).group_by(row.activity_instance_id, row.user_id)).all()
    return {(instance_id, user_id): math.floor(datetime.fromisoformat(stamp).timestamp())
            for instance_id, user_id, stamp in found if stamp}


def tuple_in(row, pairs):
    """`(activity_instance_id, user_id) IN pairs`, portable across SQLite and PostgreSQL."""
    return or_(*(and_(row.activity_instance_id == instance_id, row.user_id == user_id)
                 for instance_id, user_id in pairs))


def _iso(seconds):
    """A whole-second UTC ISO 8601 timestamp (what every platform parses)."""
    return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="seconds")


def _deliver(jobs, platforms):
    """{row_id: None when sent, else the ServiceError}; line items and tokens first, once each."""
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


def _record(jobs, outcomes, families, lease_until, counts):
    now, max_attempts = utcnow(), current_app.config["GRADES_MAX_ATTEMPTS"]
    params = []
    for job in jobs:
        error = outcomes.get(job.row_id)
        status, reason, key, next_at, sent_at, attempts = _outcome(
            job, error, families.get(job.platform_id, GENERIC), now, max_attempts)
        counts[key] += 1
        params.append({"b_id": job.row_id, "b_lease": lease_until, "b_status": status, "b_next": next_at,
                       "b_error": reason and reason[:1000], "b_attempts": attempts, "b_sent": sent_at,
                       "b_http": getattr(error, "status", None)})
    table = ScoreOutbox.__table__
    # Fenced by our lease: if it ran out and another worker took the row over, this changes nothing.
    db.session.execute(
        update(table).where(table.c.id == bindparam("b_id"), table.c.status == SENDING,
                            table.c.lease_until == bindparam("b_lease"))
        .values(status=bindparam("b_status"), last_error=bindparam("b_error"), next_attempt_at=bindparam("b_next"),
                attempts=bindparam("b_attempts"), sent_at=bindparam("b_sent"), last_status=bindparam("b_http"),
                lease_until=None), params)
    db.session.commit()


def _outcome(job, error, family, now, max_attempts):
    """(status, reason, count key, next attempt, sent at, attempts) for one send, logging a failed one."""
    attempts = job.attempts
    if error is None:
        return SENT, None, "sent", now, now, attempts
    refusal = family.score_refusal(error.status, error.reason)
    if isinstance(error, _Deferred):
        return (PENDING, error.reason, "retried",
                now + timedelta(seconds=backoff_seconds(attempts, error.retry_after)), None, attempts - 1)
    _log_failure(job, error, refusal)
    if refusal is ScoreRefusal.STALE and attempts < max_attempts:
        # The platform holds a score stamped as late as ours: the newest goes again, one second later.
        reason = f"{error.reason} (sending the newest score again with a later timestamp)"
        return PENDING, reason, "retried", now + timedelta(seconds=STALE_RETRY_SECONDS), None, attempts
    if refusal is ScoreRefusal.GONE:
        reason = f"{LEARNER_GONE} ({error.reason})."
        return FAILED, reason, "failed", now, None, attempts
    if error.retryable and attempts < max_attempts:
        return (PENDING, error.reason, "retried",
                now + timedelta(seconds=backoff_seconds(attempts, error.retry_after)), None, attempts)
    reason = (f"Gave up after {attempts} attempts: {error.reason}"
              if error.retryable or refusal is ScoreRefusal.STALE else error.reason)
    return FAILED, reason, "failed", now, None, attempts


def _log_failure(job, error, refusal):
    """One line per failed send: line item, LMS user id, status, reason (no names, no answers)."""
    level = logging.INFO if refusal is ScoreRefusal.GONE else logging.WARNING
    log.log(level, "grades: score not accepted: line item %s, LMS user %s, status %s, %s",
            job.lineitem_url or f"(placement {job.instance_id})", job.payload.get("userId"),
            error.status if error.status is not None else "-", error.reason)


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
    return start_loop(app, "grades-inline", run_worker, poll_seconds)
