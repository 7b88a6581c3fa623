"""Running the tool: the development server (with in-process grade sending) and the demo."""
import json
import subprocess
import sys
from pathlib import Path

import click
from werkzeug.serving import WSGIRequestHandler, run_simple

from lti_tool import registrations


class PathOnlyRequestHandler(WSGIRequestHandler):
    """Werkzeug's handler, logging the path without its query string (links carry launch tokens)."""

    def log_request(self, code="-", size="-"):
        """One access line: method, path, status."""
        path = self.path.split("?", 1)[0]
        self.log("info", '"%s %s %s" %s %s', self.command, path, self.request_version, code, size)


def serve_dev(app, host, port):
    """Serve with Werkzeug's threaded server; grades and background jobs run on threads of its own."""
    from lti_tool import jobs
    from lti_tool.grades.worker import start_inline_drainer

    if start_inline_drainer(app) is not None:
        jobs.start_thread(app)
    run_simple(host, port, app, threaded=True, use_reloader=False, use_debugger=False,
               request_handler=PathOnlyRequestHandler)


def _upgrade_database(app):
    from flask_migrate import upgrade

    with app.app_context():
        upgrade()


def run_demo(app, lms_port, tool_port, dynamic_registration=False, like_moodle=False):
    """Start the demo LMS (a child process) and the tool, registered with each other over real LTI.

    With `dynamic_registration` the tool is not registered by hand: an invite is printed for the demo
    LMS's "Register a tool (LTI Advantage)" page. `like_moodle` makes the LMS as strict as Moodle.
    """
    tool_url, lms_url = f"http://localhost:{tool_port}", f"http://127.0.0.1:{lms_port}"
    app.config["BASE_URL"] = tool_url
    _upgrade_database(app)
    if dynamic_registration:
        _serve_with_lms(app, lms_url, lms_port, tool_url, tool_port, _invite_message(app, lms_url), like_moodle)
        return
    registration = json.loads(subprocess.check_output(
        [sys.executable, "-m", "demo_lms", "--print-registration", "--lms-url", lms_url, "--tool-url", tool_url]))
    with app.app_context():
        if registrations.find_platform(registration["issuer"], registration["client_id"]) is None:
            registrations.add_platform(
                issuer=registration["issuer"], client_id=registration["client_id"],
                auth_login_url=registration["auth_login_url"], auth_token_url=registration["auth_token_url"],
                jwks_url=registration["jwks_url"], deployment_ids=[registration["deployment_id"]],
                name="Demo LMS")
    _serve_with_lms(app, lms_url, lms_port, tool_url, tool_port,
                    f"Open {lms_url}/ in your browser (the tool itself runs at {tool_url}).", like_moodle)


def _invite_message(app, lms_url):
    from lti_tool import keys, registration_invites

    with app.app_context():
        keys.current_key()
        _, url = registration_invites.create_invite("Demo LMS (Dynamic Registration)")
    return (f"Open {lms_url}/course/register-tool (as the facilitator), paste this registration URL and press "
            f"Register the tool:\n\n    {url}\n\n  Launches work once the tool is registered.")


def _serve_with_lms(app, lms_url, lms_port, tool_url, tool_port, message, like_moodle=False):
    instance = Path(app.instance_path) / "demo_lms"
    # By default the demo LMS offers LTI platform storage, as Canvas and others do; like Moodle it offers
    # none and its login hints are single-use, so the tool's own frame storage or new window must carry it.
    strictness = "--like-moodle" if like_moodle else "--platform-storage"
    lms = subprocess.Popen([sys.executable, "-m", "demo_lms", "--port", str(lms_port), "--lms-url", lms_url,
                            "--tool-url", tool_url, "--instance", str(instance), strictness])
    click.secho(f"\n  Leernetwerk demo is running.\n  {message}\n  Stop with Ctrl+C.\n", fg="green", bold=True)
    try:
        serve_dev(app, "127.0.0.1", tool_port)
    finally:
        lms.terminate()
        lms.wait(timeout=10)
