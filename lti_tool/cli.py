"""The `leernetwerk` command line: database, registrations, keys, servers and the demo."""
import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from lti_tool import keys, registration_invites, registrations
from lti_tool.cli_db import db_group
from lti_tool.cli_grades import grades as grades_group
from lti_tool.cli_privacy import privacy as privacy_group


def register(app):
    """Commands are attached to the `main` group below; nothing per app."""


def _create_app():
    from lti_tool import create_app
    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app, add_default_commands=False)
def main():
    """Leernetwerk: an LTI 1.3 tool for learning networks."""


main.add_command(db_group, "db")
main.add_command(grades_group, "grades")
main.add_command(privacy_group, "privacy")


def tool_urls():
    """The URLs an LMS administrator enters when registering the tool."""
    base = current_app.config["BASE_URL"]
    return {
        "Login (OIDC initiation) URL": f"{base}/lti/login",
        "Redirect / launch URL (target link URI)": f"{base}/lti/launch",
        "Deep linking URL": f"{base}/lti/launch",
        "Public keyset (JWKS) URL": f"{base}/.well-known/jwks.json",
    }


def _print_tool_urls():
    keys.current_key()
    click.echo("Enter these in your LMS:")
    for label, url in tool_urls().items():
        click.echo(f"  {label:42} {url}")


@main.group()
def platform():
    """Register the LMSs (platforms) that may launch Leernetwerk."""


@platform.command("add")
@click.option("--issuer", required=True, help="The platform's issuer (iss), e.g. https://moodle.example.org")
@click.option("--client-id", required=True, help="The client id the platform gave the tool.")
@click.option("--auth-login-url", required=True, help="The platform's OIDC authentication request URL.")
@click.option("--auth-token-url", required=True, help="The platform's OAuth2 access token URL.")
@click.option("--jwks-url", required=True, help="The platform's public keyset URL.")
@click.option("--deployment-id", "deployment_ids", multiple=True, required=True, help="Repeat for several.")
@click.option("--auth-audience", default=None, help="Audience for token requests, if not the token URL.")
@click.option("--name", default="", help="A name for people (e.g. 'Moodle HR academy').")
@with_appcontext
def platform_add(issuer, client_id, auth_login_url, auth_token_url, jwks_url, deployment_ids, auth_audience, name):
    """Register a platform and its deployments, then print the tool's URLs."""
    try:
        row = registrations.add_platform(issuer=issuer, client_id=client_id, auth_login_url=auth_login_url,
                                         auth_token_url=auth_token_url, jwks_url=jwks_url,
                                         deployment_ids=deployment_ids, auth_audience=auth_audience, name=name)
    except registrations.RegistrationError as exc:
        raise click.ClickException(str(exc))
    click.echo(f"Registered platform {row.id}: {row.issuer} (client_id {row.client_id}), "
               f"deployments: {', '.join(d.deployment_id for d in row.deployments)}")
    _print_tool_urls()


@platform.command("invite")
@click.option("--name", default="", help="A name for people (e.g. 'Moodle HR academy'); default: the LMS's own.")
@with_appcontext
def platform_invite(name):
    """Print a single-use Dynamic Registration URL (valid 7 days) for an LMS administrator."""
    keys.current_key()  # the LMS fetches our JWKS while registering: have a key ready
    invite, url = registration_invites.create_invite(name)
    click.echo(f"Registration invite {invite.id}, valid until {invite.expires_at:%Y-%m-%d %H:%M} UTC, usable once.")
    click.echo("Paste this URL in the LMS: Moodle: Site administration > Plugins > Activity modules > External "
               "tool > Manage tools > Tool URL > Add LTI Advantage; Canvas: Admin > Developer Keys > "
               "+ Developer Key > LTI Registration. Keep it secret: anyone with it can register an LMS.")
    click.echo(url)


@platform.command("list")
@with_appcontext
def platform_list():
    """List registered platforms."""
    rows = registrations.list_platforms()
    if not rows:
        click.echo("No platforms registered. Add one with `leernetwerk platform add`.")
    for row in rows:
        deps = ", ".join(d.deployment_id for d in row.deployments)
        click.echo(f"{row.id:>3}  {row.name or '-':20}  {row.issuer}  client_id={row.client_id}  deployments={deps}")


@platform.command("remove")
@click.option("--issuer", required=True)
@click.option("--client-id", required=True)
@click.option("--yes", is_flag=True, help="Confirm: this erases every course, answer and score of the platform.")
@with_appcontext
def platform_remove(issuer, client_id, yes):
    """Remove a platform and all data that came from it."""
    if not yes:
        click.confirm(f"Remove {issuer} ({client_id}) and ALL its courses and answers?", abort=True)
    try:
        registrations.remove_platform(issuer, client_id)
    except registrations.RegistrationError as exc:
        raise click.ClickException(str(exc))
    click.echo(f"Removed {issuer} ({client_id}).")


@main.group()
def deployment():
    """Deployments of a registered platform."""


@deployment.command("add")
@click.option("--issuer", required=True)
@click.option("--client-id", required=True)
@click.option("--deployment-id", required=True)
@with_appcontext
def deployment_add(issuer, client_id, deployment_id):
    """Add a deployment id to a registered platform."""
    try:
        registrations.add_deployment(issuer, client_id, deployment_id)
    except registrations.RegistrationError as exc:
        raise click.ClickException(str(exc))
    click.echo(f"Added deployment {deployment_id} to {issuer} ({client_id}).")


@main.group("keys")
def keys_group():
    """The tool's signing keys (published at /.well-known/jwks.json)."""


@keys_group.command("rotate")
@with_appcontext
def keys_rotate():
    """Add a new signing key; the old one stays published until retired."""
    click.echo(f"New signing key {keys.rotate()}. Retire the old one once platforms have refreshed their cache.")


@keys_group.command("retire")
@click.argument("kid")
@with_appcontext
def keys_retire(kid):
    """Stop publishing and using a key."""
    try:
        keys.retire(kid)
    except (LookupError, ValueError) as exc:
        raise click.ClickException(str(exc))
    click.echo(f"Retired key {kid}.")


@keys_group.command("list")
@with_appcontext
def keys_list():
    """List keys with their state."""
    from lti_tool.models import ToolKey

    keys.current_key()
    for key in ToolKey.query.order_by(ToolKey.created_at).all():
        state = f"retired {key.retired_at:%Y-%m-%d}" if key.retired_at else "active"
        click.echo(f"{key.kid}  created {key.created_at:%Y-%m-%d %H:%M}  {state}")


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5001, show_default=True, type=int)
@with_appcontext
def serve(host, port):
    """Run the development server; it drains the grades outbox in-process."""
    from lti_tool.servers import serve_dev

    serve_dev(current_app._get_current_object(), host, port)


@main.command("worker")
@with_appcontext
def worker():
    """Send queued scores to the LMS gradebooks and run background computations (several workers may run at
    once on PostgreSQL)."""
    import logging

    from lti_tool import jobs
    from lti_tool.grades.worker import run_worker

    # One line per pass and per refused score on standard error, unless the operator configured logging.
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = current_app._get_current_object()
    jobs.start_thread(app)  # beside the grades: a long computation never holds up a score
    run_worker(app)


@main.command("demo")
@click.option("--lms-port", default=5000, show_default=True, type=int)
@click.option("--tool-port", default=5001, show_default=True, type=int)
@click.option("--dynamic-registration", is_flag=True,
              help="Do not register the demo LMS by hand: print an invite to paste in the demo LMS instead.")
@click.option("--like-moodle", is_flag=True,
              help="Make the demo LMS as strict as Moodle: single-use login hints, no platform storage.")
@with_appcontext
def demo(lms_port, tool_port, dynamic_registration, like_moodle):
    """Start the tool and the built-in demo LMS on this machine and print the address to open."""
    from lti_tool.servers import run_demo

    run_demo(current_app._get_current_object(), lms_port, tool_port, dynamic_registration=dynamic_registration,
             like_moodle=like_moodle)
