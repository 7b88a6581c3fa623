"""The `leernetwerk` command line."""
import click
from flask.cli import FlaskGroup


def register(app):
    """Attach CLI commands to the app."""


def _create_app():
    from lti_tool import create_app
    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app, add_default_commands=False)
def main():
    """Leernetwerk: an LTI 1.3 tool for learning networks."""
