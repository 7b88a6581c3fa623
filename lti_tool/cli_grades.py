"""`leernetwerk grades …`: how the gradebook deliveries stand, and queueing failed ones again."""
import click
from flask.cli import with_appcontext
from sqlalchemy import func, select

from lti_tool.extensions import db
from lti_tool.models import ActivityInstance, Platform, ScoreOutbox, User
from lti_tool.models.outbox import FAILED, PENDING, SENDING, SENT, SUPERSEDED

COLUMNS = (SENT, PENDING, SENDING, FAILED, SUPERSEDED)
SHOWN_FAILURES = 20


@click.group("grades")
def grades():
    """Scores on their way to the LMS gradebooks."""


@grades.command("status")
@with_appcontext
def grades_status():
    """Print score rows per state and platform, then the learners whose newest score failed."""
    counts = db.session.execute(
        select(Platform.id, Platform.name, Platform.issuer, ScoreOutbox.status, func.count())
        .join(ActivityInstance, ActivityInstance.platform_id == Platform.id)
        .join(ScoreOutbox, ScoreOutbox.activity_instance_id == ActivityInstance.id)
        .group_by(Platform.id, Platform.name, Platform.issuer, ScoreOutbox.status)).all()
    table = {}
    for platform_id, name, issuer, status, count in counts:
        table.setdefault((platform_id, name or issuer), dict.fromkeys(COLUMNS, 0))[status] = count
    click.echo(f"{'platform':40} " + " ".join(f"{column:>10}" for column in COLUMNS))
    for (_, label), row in sorted(table.items()):
        click.echo(f"{label[:40]:40} " + " ".join(f"{row[column]:>10}" for column in COLUMNS))
    if not table:
        click.echo("(no scores yet)")
    failures = newest_failures()
    if failures:
        click.echo(f"\nNewest score failed for {len(failures)} learner(s) "
                   f"(`leernetwerk grades retry --failed` queues them again):")
        for instance, sub, reason in failures[:SHOWN_FAILURES]:
            click.echo(f"  placement {instance.id} ({instance.title or instance.activity_type}), "
                       f"LMS user {sub}: {reason}")
        if len(failures) > SHOWN_FAILURES:
            click.echo(f"  … and {len(failures) - SHOWN_FAILURES} more")


def newest_failures():
    """(placement, LMS user id, reason) for every learner whose newest score failed."""
    newest = select(func.max(ScoreOutbox.id)).group_by(ScoreOutbox.activity_instance_id, ScoreOutbox.user_id)
    return db.session.execute(
        select(ActivityInstance, User.sub, ScoreOutbox.last_error)
        .join(ScoreOutbox, ScoreOutbox.activity_instance_id == ActivityInstance.id)
        .join(User, User.id == ScoreOutbox.user_id)
        .where(ScoreOutbox.id.in_(newest), ScoreOutbox.status == FAILED)
        .order_by(ActivityInstance.id, User.sub)).all()


@grades.command("retry")
@click.option("--failed", "failed_only", is_flag=True,
              help="Only queue failed scores again (leave waiting retries on their schedule).")
@with_appcontext
def grades_retry(failed_only):
    """Queue every learner's current score again where the newest failed; hurry waiting retries."""
    from lti_tool.grades.requeue import retry

    requeued, hurried = retry(failed_only=failed_only)
    click.echo(f"Queued again: {requeued} failed score(s)." + ("" if failed_only else
                                                                 f" Due now: {hurried} waiting retry(ies)."))
    click.echo("The worker (`leernetwerk worker`, or the server itself in single-process mode) sends them.")
