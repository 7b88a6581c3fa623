"""The CLI contract: names and options stay stable."""
import pytest
from flask.cli import ScriptInfo

from lti_tool.cli import main
from lti_tool.models import Platform, ToolKey

ADD = ["platform", "add", "--issuer", "https://moodle.example.org", "--client-id", "abc",
       "--auth-login-url", "https://moodle.example.org/mod/lti/auth.php",
       "--auth-token-url", "https://moodle.example.org/mod/lti/token.php",
       "--jwks-url", "https://moodle.example.org/mod/lti/certs.php",
       "--deployment-id", "1", "--deployment-id", "2", "--name", "Moodle"]


@pytest.fixture
def run(app):
    runner = app.test_cli_runner()
    info = ScriptInfo(create_app=lambda: app)
    return lambda args: runner.invoke(main, args, obj=info, catch_exceptions=False)


def test_platform_add_prints_the_tool_urls(run, app):
    result = run(ADD)
    assert result.exit_code == 0, result.output
    for path in ("/lti/login", "/lti/launch", "/.well-known/jwks.json"):
        assert app.config["BASE_URL"] + path in result.output
    platform = Platform.query.one()
    assert sorted(d.deployment_id for d in platform.deployments) == ["1", "2"]


def test_re_adding_a_platform_says_so(run):
    run(ADD)
    result = run(ADD)
    assert result.exit_code == 1
    assert "already registered" in result.output


def test_same_issuer_with_another_client_id_is_allowed(run):
    run(ADD)
    other = list(ADD)
    other[other.index("abc")] = "def"
    assert run(other).exit_code == 0
    assert Platform.query.count() == 2


def test_platform_list_deployment_add_and_remove(run):
    run(ADD)
    assert run(["deployment", "add", "--issuer", "https://moodle.example.org", "--client-id", "abc",
                "--deployment-id", "3"]).exit_code == 0
    listing = run(["platform", "list"]).output
    assert "https://moodle.example.org" in listing and "1, 2, 3" in listing
    assert run(["platform", "remove", "--issuer", "https://moodle.example.org", "--client-id", "abc",
                "--yes"]).exit_code == 0
    assert Platform.query.count() == 0


def test_unknown_platform_remove_is_an_error(run):
    result = run(["platform", "remove", "--issuer", "https://x", "--client-id", "y", "--yes"])
    assert result.exit_code == 1 and "No platform" in result.output


def test_keys_rotate_keeps_old_key_published_until_retired(run, client):
    run(["keys", "list"])
    old = ToolKey.query.one().kid
    out = run(["keys", "rotate"]).output
    new = out.split()[3].rstrip(".")
    kids = {k["kid"] for k in client.get("/.well-known/jwks.json").get_json()["keys"]}
    assert kids == {old, new}
    assert run(["keys", "retire", old]).exit_code == 0
    kids = {k["kid"] for k in client.get("/.well-known/jwks.json").get_json()["keys"]}
    assert kids == {new}


def test_retiring_the_only_key_is_refused(run):
    run(["keys", "list"])
    only = ToolKey.query.one().kid
    result = run(["keys", "retire", only])
    assert result.exit_code == 1 and "only active key" in result.output
