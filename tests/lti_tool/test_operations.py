"""Safe operations: configuration checked once before serving, guarded downgrades, an honest /healthz."""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from flask.cli import ScriptInfo
from sqlalchemy import text

from config import ProductionConfig
from config.checks import base_url_problem, check_environment, production_problems
from lti_tool import create_app
from lti_tool.cli import main
from lti_tool.extensions import db

ROOT = Path(__file__).resolve().parents[2]
GOOD_SECRET = "x" * 32


@pytest.mark.parametrize("url, ok", [
    ("https://leernetwerk.example.org", True), ("https://leernetwerk.example.org:8443/tool", True),
    ("http://localhost:5001", True), ("https://", False), ("https:host", False), ("https:/host", False),
    ("http://leernetwerk.example.org", False), ("ftp://leernetwerk.example.org", False),
    ("https://leernetwerk.example.org?x=1", False), ("https://user@leernetwerk.example.org", False),
    ("https://leernetwerk", False), ("https://leernetwerk.example.org:99999", False), ("", False),
])
def test_production_base_url_is_strict(url, ok):
    assert (base_url_problem(url) is None) is ok, base_url_problem(url)


def test_production_needs_a_secret_of_32_bytes():
    assert production_problems({"SECRET_KEY": "k", "BASE_URL": "https://a.example.org"})[0].startswith(
        "LEERNETWERK_SECRET_KEY must be at least 32 bytes")
    assert production_problems({"SECRET_KEY": GOOD_SECRET, "BASE_URL": "https://a.example.org"}) == []


def test_check_environment_names_every_problem_at_once(monkeypatch):
    monkeypatch.setenv("LEERNETWERK_ENV", "production")
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "short")
    monkeypatch.setattr(ProductionConfig, "BASE_URL", "https://")
    with pytest.raises(SystemExit) as stopped:
        check_environment()
    assert "SECRET_KEY" in str(stopped.value) and "BASE_URL" in str(stopped.value)


def test_gunicorn_stops_once_with_a_clear_message_on_a_configuration_error(tmp_path):
    env = {**os.environ, "LEERNETWERK_ENV": "production", "LEERNETWERK_SECRET_KEY": "short",
           "LEERNETWERK_BASE_URL": "https://leernetwerk.example.org", "LEERNETWERK_BIND": "127.0.0.1:0",
           "LEERNETWERK_WORKERS": "2", "LEERNETWERK_INSTANCE_PATH": str(tmp_path)}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "lti_tool:create_app()"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "LEERNETWERK_SECRET_KEY must be at least 32 bytes" in done.stderr
    assert done.stderr.count("Leernetwerk cannot start") == 1  # the master said it once; no worker booted
    assert "Booting worker" not in done.stderr and time.monotonic() - started < 30


def _gunicorn_setting(monkeypatch, variable, value, name):
    """The gunicorn configuration's `name` with the environment variable set to `value` (None: unset)."""
    import runpy

    if value is None:
        monkeypatch.delenv(variable, raising=False)
    else:
        monkeypatch.setenv(variable, value)
    return runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))[name]


@pytest.mark.parametrize("setting, access_log", [(None, None), ("0", None), ("1", "-")])
def test_gunicorns_access_log_only_when_asked_for(monkeypatch, setting, access_log):
    """The app logs every request itself, without the client's address; gunicorn's own log is opt-in."""
    assert _gunicorn_setting(monkeypatch, "LEERNETWERK_ACCESS_LOG", setting, "accesslog") == access_log


@pytest.mark.parametrize("setting, threads", [(None, 1), ("4", 4)])
def test_gunicorn_runs_synchronous_workers_unless_told_otherwise(monkeypatch, setting, threads):
    """One thread per worker (gunicorn's sync worker, measured cheaper per request); LEERNETWERK_THREADS adds more."""
    assert _gunicorn_setting(monkeypatch, "LEERNETWERK_THREADS", setting, "threads") == threads


@pytest.fixture
def migrated_app(tmp_path, monkeypatch):
    monkeypatch.setenv("LEERNETWERK_INSTANCE_PATH", str(tmp_path))
    return create_app({"CONFIG_NAME": "development", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'ops.db'}"})


def _run(app, args):
    return app.test_cli_runner().invoke(main, args, obj=ScriptInfo(create_app=lambda: app))


def test_downgrade_needs_a_revision_and_confirmation(migrated_app):
    assert _run(migrated_app, ["db", "upgrade"]).exit_code == 0
    for args in (["db", "downgrade"], ["db", "downgrade", "base"]):
        refused = _run(migrated_app, args)
        assert refused.exit_code == 2 and ("Name the revision" in refused.output or "--yes" in refused.output)
    with migrated_app.app_context():
        assert "platform" in db.inspect(db.engine).get_table_names()
    done = _run(migrated_app, ["db", "downgrade", "base", "--yes"])
    assert done.exit_code == 0, done.output
    with migrated_app.app_context():
        assert set(db.inspect(db.engine).get_table_names()) <= {"alembic_version"}


def test_an_unmigrated_database_is_unhealthy_and_lti_routes_say_not_ready(migrated_app):
    client = migrated_app.test_client()
    health = client.get("/healthz")
    assert health.status_code == 503 and "db upgrade" in health.get_json()["reason"]
    login = client.get("/lti/login", query_string={"iss": "https://lms.example.org", "login_hint": "1",
                                                   "target_link_uri": "http://localhost:5001/lti/launch"})
    assert login.status_code == 503 and "leernetwerk db upgrade" in login.get_data(as_text=True)
    assert _run(migrated_app, ["db", "upgrade"]).exit_code == 0
    assert client.get("/healthz").status_code == 200


def test_healthz_reports_an_old_migration(app, client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    db.session.execute(text("UPDATE alembic_version SET version_num = '51c9fcba43ac'"))
    db.session.commit()
    try:
        answer = client.get("/healthz")
        assert answer.status_code == 503 and "51c9fcba43ac" in answer.get_json()["reason"]
    finally:
        from lti_tool.health import head_revision
        db.session.execute(text("UPDATE alembic_version SET version_num = :head"), {"head": head_revision()})
        db.session.commit()
