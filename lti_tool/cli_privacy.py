"""`leernetwerk privacy …`: one person's data across every activity, and the retention purge."""
import json
import sys

import click
from flask import current_app
from flask.cli import with_appcontext

from lti_tool import person_data


@click.group("privacy")
def privacy():
    """Export or erase one person's data everywhere; purge placements past the retention period."""


def _users(issuer, sub):
    users = person_data.users_of(issuer, sub)
    if not users:
        raise click.ClickException(f"nobody with sub {sub!r} from issuer {issuer!r}")
    return users


@privacy.command("export")
@click.option("--issuer", required=True, help="The LMS's issuer, as registered.")
@click.option("--user", "sub", required=True, help="The person's LMS user id (the launch's sub).")
@with_appcontext
def privacy_export(issuer, sub):
    """Print everything held about one person as JSON on standard output."""
    json.dump(person_data.export(_users(issuer, sub)), sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _report(counts, verb):
    for table, count in sorted(counts.items()):
        click.echo(f"{verb} {count:>6}  {table}")


@privacy.command("erase")
@click.option("--issuer", required=True, help="The LMS's issuer, as registered.")
@click.option("--user", "sub", required=True, help="The person's LMS user id (the launch's sub).")
@click.option("--yes", is_flag=True, help="Really erase (it cannot be undone).")
@click.option("--dry-run", is_flag=True, help="Only list what would be erased.")
@with_appcontext
def privacy_erase(issuer, sub, yes, dry_run):
    """Erase one person in every course and activity: answers, drawings, cards, votes, scores, sessions."""
    users = _users(issuer, sub)
    if not (yes or dry_run):
        raise click.ClickException("erasing cannot be undone: add --yes (or --dry-run to see what would go)")
    _report(person_data.erase(users, dry_run=dry_run), "would erase" if dry_run else "erased")


@privacy.command("purge")
@click.option("--days", type=click.IntRange(min=1), help="Idle days (default: LEERNETWERK_RETENTION_DAYS).")
@click.option("--yes", is_flag=True, help="Really erase the placements found.")
@click.option("--dry-run", is_flag=True, help="Only list the placements that would be erased.")
@with_appcontext
def privacy_purge(days, yes, dry_run):
    """Erase placements whose last activity is older than the retention period, with all their data."""
    days = days or current_app.config.get("RETENTION_DAYS", 0)
    if not days:
        click.echo("retention is off (set LEERNETWERK_RETENTION_DAYS or pass --days)")
        return
    if not (yes or dry_run):
        raise click.ClickException("purging cannot be undone: add --yes (or --dry-run to see what would go)")
    stale = person_data.purge(days, dry_run=dry_run)
    click.echo(f"{'would erase' if dry_run else 'erased'} {len(stale)} placement(s) idle for more than {days} days"
               + (f": {', '.join(map(str, stale))}" if stale else ""))
