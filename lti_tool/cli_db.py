"""`leernetwerk db …`: Flask-Migrate's commands, with a downgrade that never drops data by accident."""
import click
from flask.cli import with_appcontext
from flask_migrate import downgrade as run_downgrade
from flask_migrate.cli import db as migrate_group

# Same options and callback as Flask-Migrate's group (it stores --directory for its commands).
db_group = click.Group("db", params=list(migrate_group.params), callback=migrate_group.callback,
                       help="Database migrations (upgrade before every start of a new version).")
for _name, _command in migrate_group.commands.items():
    if _name != "downgrade":
        db_group.add_command(_command, _name)


@db_group.command("downgrade")
@click.argument("revision", required=False)
@click.option("--yes", is_flag=True, help="Confirm: a downgrade deletes the tables and columns it removes.")
@with_appcontext
def downgrade(revision, yes):
    """Go back to an older migration: name it (a revision id, -1, or base) and confirm with --yes."""
    if not revision:
        raise click.UsageError("Name the revision to go back to (see `leernetwerk db history`), "
                               "e.g. `leernetwerk db downgrade -1 --yes`. `base` removes every table.")
    if not yes:
        raise click.UsageError(f"Downgrading to {revision} deletes the data in what it removes. "
                               "Take a backup, then run it again with --yes.")
    run_downgrade(revision=revision)
    click.echo(f"Database downgraded to {revision}.")
