"""`leernetwerk org …`: name the organisation view's admins and import the HR files it reads."""
import click
from flask_babel import force_locale

from activities.network import bp
from activities.network.organisation import hr_import, records
from lti_tool.extensions import db

bp.cli.help = "The organisation view: who may open it, and the HR files it reads (skills, leaving dates)."

ISSUER = click.option("--issuer", required=True, help="The LMS's issuer, as registered (the organisation).")
CLIENT_ID = click.option("--client-id", default=None, help="Needed when the issuer has several registrations.")
USER = click.option("--user", "sub", required=True, help="The person's LMS user id (the launch's sub).")


def _registration(issuer, client_id):
    try:
        return records.registration(issuer, client_id)
    except records.NotFound as exc:
        raise click.ClickException(str(exc))


@bp.cli.group("admins")
def admins():
    """Who may add and open the organisation view (besides the LMS's administrators)."""


@admins.command("add")
@ISSUER
@CLIENT_ID
@USER
def admins_add(issuer, client_id, sub):
    """Name a person an organisation admin: they see the organisation view, with names where the LMS sent them."""
    added = records.add_admin(_registration(issuer, client_id), sub)
    db.session.commit()
    click.echo(f"{sub} is {'now' if added else 'already'} an organisation admin.")


@admins.command("remove")
@ISSUER
@CLIENT_ID
@USER
def admins_remove(issuer, client_id, sub):
    """Take the organisation admin role away."""
    removed = records.remove_admin(_registration(issuer, client_id), sub)
    db.session.commit()
    click.echo(f"{sub} is no longer an organisation admin." if removed else f"{sub} was not an organisation admin.")


@admins.command("list")
@ISSUER
@CLIENT_ID
def admins_list(issuer, client_id):
    """The organisation admins, one per line: LMS user id and name (once they launched)."""
    for sub, name in records.admins(_registration(issuer, client_id)):
        click.echo(f"{sub}\t{name or '(has not launched yet)'}")


@bp.cli.group("skills")
def skills():
    """The HR files: skills per person, and leaving dates."""


@skills.command("import")
@ISSUER
@CLIENT_ID
@click.option("--leaving", is_flag=True, help="FILE holds leaving dates (user, leaving_date), not skills.")
@click.argument("file", type=click.File("rb"))
def skills_import(issuer, client_id, leaving, file):
    """Replace the organisation's HR skills (columns user, skill, level) or, with --leaving, its leaving dates
    (user, leaving_date) by FILE; `user` is the LMS user id, or the e-mail address the person launched with.
    Every row is checked first; with any problem nothing is imported."""
    platform = _registration(issuer, client_id)
    with force_locale("en"):  # the command line speaks English, as its help does
        outcome = hr_import.import_file(platform.id, "leaving" if leaving else "skills", file.read())
        for line, problem in outcome.problems:
            click.echo(f"line {line}: {problem}", err=True)
    if not outcome.ok:
        raise click.ClickException(f"{len(outcome.problems)} problem(s) in {file.name}; nothing was imported")
    db.session.commit()
    what = "leaving dates" if leaving else "skills"
    click.echo(f"Imported {outcome.rows} {what} for {outcome.people} people; the previous {what} are replaced.")
